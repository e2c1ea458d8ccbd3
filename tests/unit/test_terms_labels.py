"""Words of a question and a source as terms (indexing.terms, indexing.chunking.row_text)."""

from __future__ import annotations

from indexing.chunking import row_text
from indexing.model import Location, TableRow
from indexing.terms import content_stems


def test_a_label_with_one_letter_or_number_is_a_term_of_its_own() -> None:
    asked = content_stems("how many temporary year R places")
    assert "yearr" in asked and "year" in asked
    assert "yearr" not in content_stems("up to 810 temporary Year 7 places")
    assert "phase2" in content_stems("Phase 2 of the scheme")
    assert content_stems("in year 2024") == {"year", "2024"}  # a year is not a label's number


def test_a_rows_name_leads_its_text_wherever_its_column_stands() -> None:
    row = TableRow(
        id="r1",
        document_id="d",
        table="Revenue Plan",
        cells={"2024-25 Total": "11,303.5", "column 2": "Pay", "2025-26 Total": "22,472.6"},
        location=Location(path="x.pdf", page=1),
    )
    assert row_text(row) == (
        "Revenue Plan\ncolumn 2: Pay; 2024-25 Total: 11,303.5; 2025-26 Total: 22,472.6"
    )


def test_words_of_asking_name_no_subject() -> None:
    asked = content_stems("which officer said the SIS transfer was about lining up with CQC?")
    assert asked == {"sis", "transfer", "line", "up", "cqc"}  # "set up", "take up" say something
    assert content_stems("how big was the recovery grant, according to the s25 statement") == {
        "recoveri",
        "grant",
        "s25",
        "statement",
    }
    assert (
        content_stems("the tips that can't take soft furnishings")
        == content_stems("the tips that can’t take soft furnishings")
        == {"tip", "take", "soft", "furnish"}
    )
    assert "send" in content_stems("SEND transport")  # a subject, not a word of asking


def test_an_items_columns_without_a_role_are_indexed_under_their_headers() -> None:
    from indexing.chunking import item_text
    from indexing.model import PlanItem

    kpi = PlanItem(
        id="hart:ps03",
        document_id="hart",
        ref="PS03",
        commitment="Processing of planning applications: Other applications",
        fields={"target": "85"},
        other_fields={"Q1 2014/15": "94.2", "Q2 2014/15": "88.6"},
        location=Location(path="hart.csv", row=4),
    )
    text = item_text(kpi)
    assert text.startswith("PS03. Processing of planning applications")
    assert "target: 85; Q1 2014-15: 94.2; Q2 2014-15: 88.6" in text  # a year one term


def test_a_known_words_possessive_is_not_a_typo() -> None:
    from indexing.terms import TermStats

    terms = TermStats({"limerick": 3, "commitment": 2}, 10, ["limerick", "commitment"])
    assert terms.correct("limerick's rents and the comittment") == (
        "limerick's rents and the commitment"
    )


def test_a_compound_of_words_meets_the_same_words_written_apart() -> None:
    assert content_stems("the WEEE zero-cost contract") == content_stems("zero cost contract weee")
    # figures, years and compounds with a particle stay whole
    assert "2024-25" in content_stems("in 2024-25")
    assert "top-up" in content_stems("top-up grant") and "up" not in content_stems("top-up grant")
