"""The general reader gives the shipped corpus the same items the old positional parser did.

The positional parser read the TAB text of ``corpus/*.txt`` by position with rules
written for those files; its output on each of them is kept in
``tests/data/shipped-items-positional-parser.json`` (the parser itself is gone: it held
those files' literals). ``indexing.readers.read_document`` reads blocks by headers and
values with no literal of them. On every shipped file both must
give the same items field by field: refs, commitment and update text, ratings,
direction, people (initials, names, roles), sections, line spans, unplaced rows and the
key to initials. Intended difference: lead-in lines ("… – WE WILL:") are kept as
passages by the new reader, the old one dropped them; passages are not compared.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from indexing.blocks import Block, BlockKind, Row, Span
from indexing.model import DocumentMeta, PlanDocument
from indexing.readers import read_document
from tests.conftest import CORPUS

STEMS = sorted(p.stem for p in CORPUS.glob("*.txt"))
READERS = Path(__file__).resolve().parents[1] / "indexing" / "readers"


def txt_blocks(text: str) -> list[Block]:
    """The .txt shape the loaders give: a run of TAB lines is one table (no header
    inferred), other lines are paragraphs or list items, each with its line number."""
    blocks: list[Block] = []
    table: list[Row] = []

    def close() -> None:
        if table:
            blocks.append(
                Block(
                    kind=BlockKind.table,
                    rows=list(table),
                    at=Span(line=table[0].at.line, line_end=table[-1].at.line),
                )
            )
            table.clear()

    for n, line in enumerate(text.split("\n"), start=1):
        if "\t" in line:
            table.append(Row(cells=line.split("\t"), at=Span(line=n)))
            continue
        close()
        if line.strip().startswith(("- ", "• ")):
            blocks.append(Block(kind=BlockKind.list_item, text=line.strip()[2:], at=Span(line=n)))
        elif line.strip():
            blocks.append(Block(kind=BlockKind.paragraph, text=line.strip(), at=Span(line=n)))
    close()
    return blocks


def loader_blocks(path: Path) -> list[Block]:
    """The loaders' own blocks of the file; skips while the loaders give text only."""
    from indexing.loaders import LoadedFile, load_file

    if "blocks" not in LoadedFile.model_fields:
        pytest.skip("the loaders do not give blocks yet")
    return list(load_file(path).blocks)  # type: ignore[attr-defined]


SNAPSHOT = Path(__file__).resolve().parent / "data" / "shipped-items-positional-parser.json"


@cache
def _snapshot() -> dict[str, dict]:
    import json

    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


@cache
def both(stem: str, via: str = "txt") -> tuple[PlanDocument, PlanDocument]:
    path = CORPUS / f"{stem}.txt"
    meta = DocumentMeta(file=path.name, title=stem)
    old = PlanDocument.model_validate(_snapshot()[stem])
    blocks = txt_blocks(path.read_text(encoding="utf-8")) if via == "txt" else loader_blocks(path)
    new = read_document(blocks, meta, doc_id=stem, source=path.name, sha256="t")
    return old, new


def _people(people: list) -> list[tuple[str, str | None, str | None]]:
    return [(p.initials, p.name, p.role) for p in people]


@pytest.mark.parametrize("via", ["txt", "loader"])
@pytest.mark.parametrize("stem", STEMS)
def test_same_items_field_by_field(stem: str, via: str) -> None:
    old, new = both(stem, via)
    assert [i.id for i in new.items] == [i.id for i in old.items]
    for a, b in zip(old.items, new.items, strict=True):
        for name in (
            "ref",
            "kind",
            "commitment",
            "update",
            "rating",
            "direction",
            "section",
            "dates_due",
        ):
            assert getattr(b, name) == getattr(a, name), (a.id, name)
        for name in ("owner", "director", "cabinet_member"):
            assert _people(getattr(b, name)) == _people(getattr(a, name)), (a.id, name)
        assert (b.location.line_start, b.location.line_end) == (
            a.location.line_start,
            a.location.line_end,
        ), a.id


@pytest.mark.parametrize("via", ["txt", "loader"])
@pytest.mark.parametrize("stem", STEMS)
def test_same_unplaced_rows_and_people_key(stem: str, via: str) -> None:
    old, new = both(stem, via)
    assert [(u.location.line_start, u.cells) for u in new.unplaced_rows] == [
        (u.location.line_start, u.cells) for u in old.unplaced_rows
    ]
    assert {k: _people([p]) for k, p in new.people_key.items()} == {
        k: _people([p]) for k, p in old.people_key.items()
    }
    if old.people_key_location:
        assert new.people_key_location is not None
        assert new.people_key_location.line_start == old.people_key_location.line_start


def test_the_parity_is_not_empty() -> None:
    """The comparison above covers real content: items, ratings, people and orphans."""
    docs = [both(stem)[1] for stem in STEMS]
    assert sum(len(d.items) for d in docs) == 66 + 69 + 17 + 12
    q2 = both("council-plan-delivery-update-q2-2017")[1]
    assert sum(1 for i in q2.items if i.rating) >= 60
    assert len(q2.unplaced_rows) == 6 and len(q2.people_key) == 36
    item = next(i for i in q2.items if i.ref == "7.4")
    assert (item.rating, item.rating_label) == ("G/A", "G / A")


def test_prose_keeps_its_headings_and_lines() -> None:
    doc = both("what-makes-us-mk-city-council")[1]
    finance = [p for p in doc.passages if p.section == "WE ARE FINANCIALLY SOUND"]
    assert finance and "financially sound council" in finance[0].text
    assert all(p.location.line_start for p in doc.passages)


def test_reader_code_holds_no_literal_of_a_shipped_document() -> None:
    banned = re.compile(
        r"we will|objectives|regenerationmk|cd/director|milton|\bmk\b|\bcmk\b|\bkcc\b|kent|"
        r"hart district|trafford|wye valley|limerick",
        re.IGNORECASE,
    )
    mine = [
        "__init__",
        "vocabulary",
        "roles",
        "tables",
        "table_header",
        "passages",
        "figure_lines",
        "items",
        "numbered",
    ]
    files = [
        *(READERS / f"{name}.py" for name in mine),
        READERS.parent / "people_key.py",
        READERS.parent / "cell_text.py",
    ]
    found = {f.name: banned.findall(f.read_text(encoding="utf-8")) for f in files}
    assert not {name: hits for name, hits in found.items() if hits}
