"""Blocks of one file → a ``PlanDocument``: sections, items of every kind, tables of
figures, passages, the document's key to people and the rows that could not be placed.

The loaders (``indexing/loaders``) give a file's content as blocks in reading order;
this reader walks them once. Headings (and paragraphs that read as headings) open
sections; tables are read by their headers (``tables.py``); prose becomes passages
under its heading (``passages.py``). Readers for KPI cards in running text, the
cabinet member and director a section names, and member questions with their answers
run after, on the same blocks, when they are installed.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from typing import Any

from indexing.blocks import Block, BlockKind
from indexing.cell_text import strip_markup
from indexing.model import (
    DocumentMeta,
    Person,
    PlanDocument,
    PlanItem,
    TableRow,
)
from indexing.people_key import KEY_HEADING, find_people_key, resolve
from indexing.ratings import parse_direction, parse_rating
from indexing.readers.figure_lines import FigureLines, split_figures
from indexing.readers.passages import PassageBuilder, looks_like_heading, span_location
from indexing.readers.roles import read_value
from indexing.readers.tables import Draft, TableReader

_DUE = re.compile(
    r"\bby (?:the end of |at least |early |mid |late )?("
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? )?(?:19|20)\d{2}"
    r"|(?:Spring|Summer|Autumn|Winter) (?:19|20)\d{2})",
    re.IGNORECASE,
)
_VALUE_ROLES_KEPT_ASIDE = {"owner", "director", "cabinet_member", "rating", "previous_rating", "direction"}


def _refs(blocks: list[Block]) -> set[str]:
    """Every ref that opens a table row: parents ("3" before "3.1") are found from these."""
    found = set()
    for block in blocks:
        for row in block.rows:
            cells = [strip_markup(c) for c in row.cells]
            filled = [c for c in cells if c]
            if len(filled) >= 2 and cells and cells[0] and read_value(cells[0]).ref:
                found.add(cells[0])
    return found


def _without(block: Block, rows: set[int]) -> Block:
    return block.model_copy(update={"rows": [r for i, r in enumerate(block.rows) if i not in rows]})


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _due_dates(*texts: str) -> list[str]:
    found: list[str] = []
    for text in texts:
        for match in _DUE.finditer(text or ""):
            if match.group(1) not in found:
                found.append(match.group(1))
    return found


def _items(drafts: list[Draft], key: dict[str, Person], doc_id: str, source: str) -> list[PlanItem]:
    items: list[PlanItem] = []
    seen: dict[str, int] = {}
    counters: dict[str | None, int] = {}
    for draft in drafts:
        if draft.ref:
            name = draft.ref
        else:
            counters[draft.section] = counters.get(draft.section, 0) + 1
            name = f"{_slug(draft.section or 'item')}-{counters[draft.section]}"
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:
            name = f"{name}~{seen[name]}"
        values = draft.values
        rating_text = values.get("rating")
        fields = {r: v for r, v in values.items() if r not in _VALUE_ROLES_KEPT_ASIDE and v}
        due = _due_dates(draft.title)
        if values.get("due") and values["due"] not in due:
            due.append(values["due"])
        update = "\n".join(p for p in draft.update if p).strip() or None
        items.append(PlanItem(
            id=f"{doc_id}:{name}",
            document_id=doc_id,
            kind=draft.kind,
            section=draft.section,
            ref=draft.ref,
            commitment=draft.title or "(commitment text missing in the source)",
            update=update,
            owner=resolve(values.get("owner", ""), key),
            director=resolve(values.get("director", ""), key),
            cabinet_member=resolve(values.get("cabinet_member", ""), key),
            rating=parse_rating(rating_text),
            rating_label=" ".join(rating_text.split()) if rating_text else None,
            previous_rating=parse_rating(values.get("previous_rating")),
            direction=parse_direction(values.get("direction")),
            dates_due=due,
            fields=fields,
            other_fields={k: v for k, v in draft.other.items() if v},
            location=span_location(source, draft.start, draft.end),
        ))
    return items


def _optional(module: str, name: str) -> Callable[..., Any] | None:
    """A reader another module provides, when it is installed (None until it is)."""
    try:
        found = importlib.import_module(f"indexing.readers.{module}")
    except ModuleNotFoundError as err:
        if err.name == f"indexing.readers.{module}":
            return None
        raise
    return getattr(found, name, None)


def read_document(
    blocks: list[Block], meta: DocumentMeta, *, doc_id: str, source: str, sha256: str
) -> PlanDocument:
    """Read one file's blocks into a ``PlanDocument``."""
    key, key_location, key_rows_by_block = find_people_key(blocks, source)
    tables = TableReader(meta, _refs(blocks), source)
    prose = PassageBuilder(doc_id, source)
    sections: list[str] = []

    def flush() -> None:
        for text, span, section in tables.out.passages:
            prose.add(text, span, section)
        tables.out.passages.clear()
        for name in tables.out.sections:
            if name not in sections:
                sections.append(name)

    figures = FigureLines()

    def prose_block(index: int, block: Block) -> None:
        if split_figures(block.text) is None and (block.kind is BlockKind.heading or (
            block.kind is BlockKind.paragraph and looks_like_heading(block.text)
        )):
            if KEY_HEADING.match(block.text or "") and index + 1 in key_rows_by_block:
                return
            tables.interrupt(heading=" ".join(block.text.split()))
        elif block.text.strip():
            tables.interrupt()
            text = f"• {block.text.strip()}" if block.kind is BlockKind.list_item else block.text
            prose.add(text, block.at, tables.section)

    def flush_figures() -> None:
        rows, back = figures.flush()
        for cells, span in rows:
            tables.out.rows.append(TableRow(
                id="", document_id="", table=tables.caption or tables.section or "",
                section=tables.section, cells=cells, location=span_location(source, span),
            ))
        for block in back:
            prose_block(-1, block)

    for index, block in enumerate(blocks):
        if not block.is_table and figures.take(block):
            continue
        flush_figures()
        if block.is_table:
            tables.read(_without(block, key_rows_by_block.get(index, set())))
        else:
            prose_block(index, block)
        flush()
    flush_figures()
    out = tables.finish()
    flush()
    items = _items(out.drafts, key, doc_id, source)
    for n, row in enumerate(out.rows, start=1):
        row.id, row.document_id = f"{doc_id}:t{n}", doc_id
        row.location.path = source
    for orphan in out.unplaced:
        orphan.location.path = source

    read_kpi_cards = _optional("kpi", "read_kpi_cards")
    if read_kpi_cards is not None:
        items = read_kpi_cards(blocks, items, doc_id=doc_id, source=source, period=meta.period)
    read_questions = _optional("questions", "read_questions")
    if read_questions is not None:
        items = [*items, *read_questions(blocks, doc_id=doc_id, source=source)]
    assign_section_people = _optional("section_people", "assign_section_people")
    if assign_section_people is not None:
        assign_section_people(blocks, items)

    return PlanDocument(
        id=doc_id,
        meta=meta,
        sha256=sha256,
        sections=sections,
        items=items,
        tables=out.rows,
        passages=prose.passages,
        people_key={p.initials: p for p in key.values()},
        people_key_location=key_location,
        unplaced_rows=out.unplaced,
    )


__all__ = ["read_document"]
