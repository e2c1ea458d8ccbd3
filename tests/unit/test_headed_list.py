"""A list a paper prints under its own heading, asked for by the heading's words
(``headed_list``), on the closing lists of Kent's Cabinet papers of 4 March 2025."""

from __future__ import annotations

from assistant.answering.headed_list import list_under_heading
from assistant.answering.understand import understand

from .plans import MemoryScope, candidate, minutes_doc, passage_node, pdf_passages

ATTACHED = (
    "• a) 24-00093 - Decision Report\n• b) 24-00093 - Record of Decision\n"
    "• c) Appendix 1 Service Offer Comparison\n• d) Appendix 2 Consultation Report"
)
BACKGROUND = (
    "1 KCC's Budget webpage 2 2025-26 Budget approved by County Council on 13th February "
    "2025 3 Public Health Grant details published 7th February 2025"
)


REPORT = MemoryScope([])
"""The papers a list is read from here are the candidates' own: no passage follows them."""


def _candidates(*sections: tuple[str, str]) -> list:
    doc = minutes_doc("report", list(sections))
    return [candidate(passage_node(p, doc), 0.5) for p in doc.passages]


def test_every_entry_under_the_heading_asked_answers() -> None:
    found = _candidates(
        ("Recommendation", "Confirm, amend or rescind."), ("Attached documents", ATTACHED)
    )
    answer = list_under_heading(
        REPORT, understand("what docs were attached to the report?", []), found
    )
    assert answer is not None and answer.answer.startswith("4 listed under “Attached documents”:")
    assert "Record of Decision" in answer.answer and "Consultation Report" in answer.answer
    assert answer.citations[0].quote and "Decision Report" in answer.citations[0].quote


def test_a_numbered_list_run_into_one_line_is_split_into_its_entries() -> None:
    found = _candidates(("Background Documents", BACKGROUND))
    asked = understand("what background documents does the late changes report list?", [])
    answer = list_under_heading(REPORT, asked, found)
    assert answer is not None
    assert "\n2 2025-26 Budget approved by County Council on 13th February 2025\n" in answer.answer
    assert answer.citations[0].quote == BACKGROUND  # cited as printed


def test_no_list_is_given_where_none_is_asked_or_the_heading_is_not_named() -> None:
    found = _candidates(("Attached documents", ATTACHED))
    assert (
        list_under_heading(REPORT, understand("who wrote the decision report?", []), found) is None
    )
    assert (
        list_under_heading(REPORT, understand("what background documents are listed?", []), found)
        is None
    )
    one = _candidates(("Attached documents", "• a) 24-00093 - Decision Report"))
    assert list_under_heading(REPORT, understand("what docs were attached?", []), one) is None


def test_a_bulleted_list_whose_lines_the_reader_broke_is_read_whole() -> None:
    """Minutes' "Vote of Congratulations": bullets with no letter or number, one of them
    broken over short lines by the PDF reader, then the next item's lettered list, which
    is not part of it."""
    text = (
        "With the permission of the Chair, congratulations were extended to the following:\n"
        "• The footballers on winning the Division 4 League Title.\n"
        "• J.P.\nand\nNoreen\nMcManus on winning the\nCheltenham\nGold\nCup.\n"
        "• The Under 14 Huskies Basketball Team on winning the Club Championship.\n"
        "1.\nAdoption of Minutes\n"
        "(a) Ordinary Meeting of the Council held on 27th January, 2025.\n"
        "(b) Special Meeting of the Council held on 18th February, 2025."
    )
    found = _candidates(("Vote of Congratulations", text))
    asked = understand("who got votes of congratulations? list them all", [])
    answer = list_under_heading(REPORT, asked, found)
    assert answer is not None and answer.metadata["count"] == 3
    assert "J.P. and Noreen McManus on winning the Cheltenham Gold Cup." in answer.answer
    assert "Ordinary Meeting" not in answer.answer and "Adoption" not in answer.answer


def test_a_list_cut_between_two_passages_of_its_page_is_read_whole() -> None:
    """A government response's foreword: two entries end one passage, the third opens the
    next on the same page; a paragraph of another heading after it is not read on."""
    from indexing.model import DocumentKind, DocumentMeta, PlanDocument

    doc = PlanDocument(
        id="response",
        sha256="r",
        meta=DocumentMeta(file="response.pdf", title="Response", kind=DocumentKind.report),
        passages=pdf_passages(
            "response",
            [
                (
                    "Ministerial Foreword",
                    "We are already making progress. We have:\n"
                    "• established a single Cabinet committee for resilience;\n"
                    "• reviewed and strengthened national risk assessment;",
                ),
                (
                    "Ministerial Foreword",
                    "• designed a National Exercising Programme, published best practice\n"
                    "guidance.\nAs the Inquiry rightly stated, risks do not recognise borders.",
                ),
                ("Introduction", "• a bullet of the next part"),
            ],
            one_page=True,
        ),
    )
    found = [candidate(passage_node(doc.passages[0], doc), 0.5)]
    asked = understand("what does the ministerial foreword list as done? pls list", [])
    answer = list_under_heading(MemoryScope([doc]), asked, found)
    assert answer is not None and answer.metadata["count"] == 3
    assert "designed a National Exercising Programme, published best practice guidance." in (
        answer.answer
    )
    assert "borders" not in answer.answer and "next part" not in answer.answer
