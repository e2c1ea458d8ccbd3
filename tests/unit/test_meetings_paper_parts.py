"""Parts of a paper the ordinary search does not read as one: the author in its contact
details (``meetings_authors``), a list entry with its lead-in (``meetings_lists``), a
table row with its header (``meetings_rows``), on hand-built passages and rows.
"""

from __future__ import annotations

from assistant.answering.meetings_authors import ASKS_AUTHOR, _author_lines
from assistant.answering.meetings_lists import lead_in
from assistant.answering.meetings_rows import header_words
from indexing.model import DocumentMeta, Location, Passage, PlanDocument, TableRow
from indexing.store import StoredNode


def _passage(n: int, text: str) -> Passage:
    return Passage(
        id=f"paper:p{n}",
        document_id="paper",
        section="2. Overview",
        text=text,
        location=Location(path="paper.pdf", page=2),
    )


def _node(passage: Passage) -> StoredNode:
    return StoredNode(
        id=passage.id,
        text=passage.text,
        metadata={
            "plan_document": "paper",
            "node_kind": "passage",
            "passage_json": passage.model_dump_json(),
        },
    )


def _row(n: int, cells: dict[str, str], table: str = "2. Business Rates") -> StoredNode:
    row = TableRow(
        id=f"paper:t{n}",
        document_id="paper",
        table=table,
        cells=cells,
        location=Location(path="paper.pdf", page=2),
    )
    return StoredNode(
        id=row.id,
        text=" ".join(cells.values()),
        metadata={"plan_document": "paper", "node_kind": "row", "row_json": row.model_dump_json()},
    )


# --- the author ---------------------------------------------------------------------------
def test_who_wrote_a_paper_asks_its_author() -> None:
    assert ASKS_AUTHOR.search("who wrote the report on late changes to the budget?")
    assert ASKS_AUTHOR.search("who was the report author of the budget monitoring report?")
    assert not ASKS_AUTHOR.search("who chaired cabinet?")


def test_the_authors_line_with_the_details() -> None:
    passage = _passage(1, "Report Author Dave Shipton (Head of Finance) 03000 419418\nRelevant…")
    assert _author_lines(passage) == "Report Author Dave Shipton (Head of Finance) 03000 419418"


def test_a_block_in_columns_gives_the_line_below() -> None:
    passage = _passage(1, "Report Author Relevant Director\nJoe McKay John Betts 03000 419601")
    assert _author_lines(passage) == (
        "Report Author Relevant Director Joe McKay John Betts 03000 419601"
    )


def test_a_sentence_about_authors_is_not_the_label() -> None:
    assert _author_lines(_passage(1, "The authority will consult authors of plans.")) is None


# --- a list entry and its lead-in --------------------------------------------------------
_LEAD = "We aim to hold general reserves of between 5% and 10%, based on the following levels."


def test_a_list_entry_is_read_with_the_sentence_introducing_it() -> None:
    before = _passage(1, f"2.4 The level is a matter for the Council. {_LEAD}")
    entries = _passage(2, "• Below 3% considered dangerous\n• 3% to 5% considered too risky")
    document = PlanDocument(
        id="paper", sha256="0", meta=DocumentMeta(file="paper.pdf", title="Reserves Policy")
    )
    document.passages = [before, entries]
    assert lead_in(_node(entries), document) == _LEAD
    assert lead_in(_node(before), document) == ""  # the first passage has none before it


def test_no_lead_in_without_a_sentence_that_introduces() -> None:
    before = _passage(1, "The level is a matter for the Council to determine.")
    entries = _passage(2, "• Below 3% considered dangerous")
    document = PlanDocument(
        id="paper",
        sha256="0",
        meta=DocumentMeta(file="paper.pdf", title="Reserves Policy"),
        passages=[before, entries],
    )
    assert lead_in(_node(entries), document) == ""


# --- a table row and its header ----------------------------------------------------------
def test_an_unnamed_row_is_read_with_the_header_row_above_it() -> None:
    header = {"column 1": "", "column 2": "Estimate £'000", "column 3": "Updated figures £'000"}
    rows = [
        _row(1, header),
        _row(2, {"column 1": "Top up grant", "column 2": "149,107.7", "column 3": "149,107.7"}),
        _row(3, {"column 1": "Compensation grant", "column 2": "52,795.4", "column 3": "50,978.6"}),
    ]
    assert header_words(rows[2], rows) == " Estimate £'000 Updated figures £'000"
    assert header_words(rows[0], rows[:1]) == ""  # nothing above the header


def test_a_row_with_named_columns_or_of_another_table_gets_none() -> None:
    named = _row(2, {"Grant": "Compensation grant", "Updated £'000": "50,978.6"})
    header = _row(1, {"column 1": "Estimate", "column 2": "Updated figures"}, table="Other")
    unnamed = _row(3, {"column 1": "Compensation grant", "column 2": "50,978.6"})
    assert header_words(named, [header, named]) == ""
    assert header_words(unnamed, [header, unnamed]) == ""


# --- how a thing is to be done --------------------------------------------------------
def test_how_a_thing_will_be_done_asks_the_papers_not_the_decision() -> None:
    from assistant.answering.meetings_words import ASKS_MANNER

    assert ASKS_MANNER.search("how will the outcome of the reconsideration be published?")
    assert ASKS_MANNER.search("how is the surplus to be used?")
    assert not ASKS_MANNER.search("how much will the council tax be?")
    assert not ASKS_MANNER.search("how did cabinet vote on the budget?")


def test_the_answer_gives_the_column_asked_for_and_quotes_the_row_as_printed() -> None:
    from assistant.answering.compose import row_values
    from assistant.answering.evidence import Evidence
    from assistant.answering.meetings_rows import with_header
    from assistant.answering.retrieve import Candidate

    header = {"column 1": "", "column 2": "Estimate £'000", "column 3": "Updated figures £'000"}
    rows = [
        _row(1, header),
        _row(2, {"column 1": "Compensation grant", "column 2": "52,795.4", "column 3": "50,978.6"}),
    ]
    found = Evidence(
        candidate=Candidate(node=rows[1], cosine=0.5), sentence="…", score=1.0, has_required=True
    )
    read = with_header(found, rows)
    assert read.sentence == "Compensation grant 52,795.4 50,978.6"
    assert row_values(read.candidate.node.row(), "the updated compensation grant figure?") == (
        "Compensation grant — Updated figures £'000: 50,978.6"
    )
