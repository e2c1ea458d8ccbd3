"""Content one paper repeats from another, by content: the real Kent reports pack and its
paper, minutes republished in the next meeting's pack, and papers that only quote."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexing.loaders import load_file
from indexing.model import DocumentMeta, Location, Passage, PlanDocument
from indexing.readers import read_document
from indexing.readers.duplicates import (
    duplicate_nodes,
    figures,
    find_duplicates,
    mark_duplicates,
    nodes,
)

KENT = Path(__file__).resolve().parent.parent / "evals" / "corpus-real" / "kent"
PACK = "cabinet_2025-01-30__pack__24-00096 - PROD 30th-Jan-2025 10.00 Cabinet.pdf"
PROD = "cabinet_2025-01-30__24-00096 - PRoD.pdf"
REPORT = "cabinet_2025-01-30__24-00096 - Commissioning Plan for Education Provision in Kent 2025-29 - Report.pdf"
OTHER_PROD = "cabinet_2025-01-30__24-00115 - PROD.pdf"


def read(name: str, doc_id: str, date: str = "2025-01-30") -> PlanDocument:
    loaded = load_file(KENT / name)
    meta = DocumentMeta(file=name, title=name, date=date)
    return read_document(loaded.blocks, meta, doc_id=doc_id, source=name, sha256=loaded.sha256)


@pytest.fixture(scope="module")
def kent() -> list[PlanDocument]:
    # ids that sort the pack first, so no order of the list decides the answer
    return [
        read(PACK, "a-pack"),
        read(PROD, "b-prod"),
        read(REPORT, "c-report"),
        read(OTHER_PROD, "d-other"),
    ]


def test_the_real_pack_repeats_its_paper_and_nothing_else(kent: list[PlanDocument]) -> None:
    # the report is quoted at length by its decision record, but each is a paper of its own
    assert find_duplicates(kent) == {"a-pack": "b-prod"}
    assert find_duplicates(kent, republications=False) == {
        "a-pack": "b-prod"
    }  # its letter is its own
    assert find_duplicates(list(reversed(kent))) == {"a-pack": "b-prod"}


def test_the_packs_repeated_nodes_point_to_the_papers_nodes(kent: list[PlanDocument]) -> None:
    pack, prod = kent[0], kent[1]
    repeats = duplicate_nodes(kent)
    pack_nodes = dict(nodes(pack))
    prod_nodes = dict(nodes(prod))
    assert set(repeats) <= set(pack_nodes)  # only the pack's nodes are repeats
    assert set(repeats.values()) <= set(prod_nodes)
    # the decision's reasons are cited from the separate paper…
    reasons = "1.1 The County Council is the Strategic"
    reason = next(n for n, t in pack_nodes.items() if reasons in t)
    assert reasons in prod_nodes[repeats[reason]]
    # …while the covering letter, which only the pack has, stays the pack's own
    letter = [n for n, t in pack_nodes.items() if "I am now able to enclose" in t]
    assert letter and not set(letter) & set(repeats)
    assert len(repeats) >= 0.8 * len(prod_nodes)


def passage_doc(doc_id: str, date: str | None, *texts: str) -> PlanDocument:
    return PlanDocument(
        id=doc_id,
        sha256="0" * 64,
        meta=DocumentMeta(file=f"{doc_id}.txt", title=doc_id, date=date),
        passages=[
            Passage(
                id=f"{doc_id}:p{i}",
                document_id=doc_id,
                text=t,
                location=Location(path=f"{doc_id}.txt", line_start=i + 1),
            )
            for i, t in enumerate(texts)
        ],
    )


MINUTES = [
    " ".join(
        f"Item {n}: the committee considered report number {n} on the library service "
        f"and resolved to note option {n} with the changes the officer described."
        for n in range(k, k + 4)
    )
    for k in range(0, 12, 4)
]


def test_minutes_republished_later_are_cited_from_the_first_publication() -> None:
    first = passage_doc("minutes", "2025-01-30", *MINUTES)
    again = passage_doc("next-pack", "2025-03-04", *MINUTES)
    assert find_duplicates([again, first]) == {"next-pack": "minutes"}
    repeats = {f"next-pack:p{i}": f"minutes:p{i}" for i in range(3)}
    assert duplicate_nodes([again, first]) == repeats
    assert mark_duplicates([again, first]) == repeats
    assert (again.duplicate_of, first.duplicate_of) == ("minutes", None)
    # asked for packs only, the same minutes published twice stay two papers
    assert find_duplicates([again, first], republications=False) == {}


def test_short_or_merely_similar_papers_are_not_repeats() -> None:
    short_a = passage_doc("a", None, "Apologies were received from Mrs Bell.")
    short_b = passage_doc("b", None, "Apologies were received from Mrs Bell.")
    half = passage_doc(
        "half",
        None,
        MINUTES[0],
        "Something else entirely was discussed at length "
        "by the members present, with no decision and no vote taken on the matter.",
    )
    whole = passage_doc("whole", None, *MINUTES)
    assert find_duplicates([short_a, short_b]) == {}
    assert find_duplicates([half, whole]) == {}


def test_a_register_published_again_keeps_its_revised_rows() -> None:
    # The budget risk register goes to Cabinet (22 January) and again, revised, to County
    # Council (13 February): the same risks, some exposures changed. The unchanged rows
    # are cited from the first publication; a row whose figures changed stays indexed.
    first = read("cabinet_2025-01-30__Appendix I Budget Risk Register 22.01.25.pdf", "jan")
    final = read(
        "full_council_2025-02-13__Appendix J - Budget Risk Register.pdf", "feb", "2025-02-13"
    )
    repeats = duplicate_nodes([final, first])
    texts = dict(nodes(final))
    savings = next(i for i in final.items if i.commitment.startswith("Non delivery of Savings"))
    assert "120.9" in texts[savings.id]
    assert savings.id not in repeats  # 120.9 in February, 119.2 in January
    # the cause revised from £12.75m to £14.2m, the exposure 14.2 in both: still revised
    insecure = next(i for i in final.items if i.commitment.startswith("Insecure funding"))
    assert "14.2m" in texts[insecure.id] and insecure.id not in repeats
    kept_same = [n for n in repeats if n.startswith("feb")]
    assert kept_same, "rows that did not change are still repeats of the first publication"
    first_texts = dict(nodes(first))
    for node_id, target in repeats.items():
        assert figures(texts[node_id]) <= figures(first_texts[target])
