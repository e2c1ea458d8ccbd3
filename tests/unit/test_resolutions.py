"""Resolutions and recommendations read from minutes and cover reports ("what did cabinet
resolve about X?"), on hand-built papers: where a block starts and ends, and which block a
question about a subject picks."""

from __future__ import annotations

from assistant.answering.resolutions import best_block, blocks, focused
from indexing.model import DocumentKind, DocumentMeta, PlanDocument

from .plans import pdf_passages


def _paper(doc_id: str, kind: DocumentKind, *passages: tuple[str | None, str]) -> PlanDocument:
    return PlanDocument(
        id=doc_id,
        meta=DocumentMeta(
            file=f"{doc_id}.pdf",
            title=doc_id,
            kind=kind,
            committee="Cabinet",
            meeting_date="2025-01-30",
        ),
        sha256=doc_id,
        passages=pdf_passages(doc_id, list(passages)),
    )


MINUTES = _paper(
    "minutes",
    DocumentKind.minutes,
    (
        "88. Budget Monitoring Report – November",
        "1. The member introduced the report.\n• 3. RESOLVED that Cabinet agree to:\n"
        "A) Note the forecast overspend of £23.3m.\n• b) Note the capital underspend.\n"
        "Capital\n• c) Agree the Capital budget changes.",
    ),
    (
        "90. Transfer of the Transitions Service to Adult Social Care",
        "2. Members asked about staff.\n• 5. RESOLVED that Cabinet agree to transfer the "
        "transitions service to Adult Social Care from 1 April 2025.\n"
        "• 91. Delivery Plan\n1. The report was introduced.",
    ),
)

NOTICES = _paper(
    "notices",
    DocumentKind.minutes,
    (
        "Disposals",
        "Circulated, notice concerning disposal of 4 Main Street, Townland.\n"
        "Proposed by Councillor A;\nAnd Resolved:\n"
        "“That the disposal of 4 Main Street, Townland, for the sum of €1.00 be approved.”\n"
        "(b)\nCirculated, notice concerning disposal of Site E, Business Park.\n"
        "And Resolved:\n“That the disposal of Site E to Coaches Ltd for €45,000 be approved.”",
    ),
)

REPORT = _paper(
    "reserves-update",
    DocumentKind.report,
    ("Subject: Budget update", "Summary: late changes to the budget."),
    (
        "Recommendations:",
        "Cabinet is asked to:\n• 1) APPROVE the net transfer of £356.0k into reserves.\n"
        "1. Introduction\n1.1 The budget was agreed in February.",
    ),
)


def test_a_resolution_runs_on_through_its_lettered_list_and_a_heading_within_it() -> None:
    first, second = blocks(MINUTES)
    assert first.kind == "resolved"
    assert first.text.endswith("Agree the Capital budget changes.")
    assert "23.3m" in first.text
    assert second.text.endswith("from 1 April 2025.")  # the next minute's heading ends it
    assert "Delivery Plan" not in second.text


def test_a_quoted_resolution_ends_at_its_closing_quote() -> None:
    first, second = blocks(NOTICES)
    assert first.text.endswith("be approved.”")
    assert "Site E" not in first.text
    assert "€45,000" in second.text


def test_a_report_recommendation_stops_at_the_next_numbered_heading() -> None:
    (only,) = blocks(REPORT)
    assert only.kind == "recommended"
    assert "£356.0k" in only.text and "Introduction" not in only.text


def test_the_question_picks_the_resolution_on_its_subject() -> None:
    papers = [MINUTES, NOTICES, REPORT]
    picked = best_block(papers, "what did cabinet resolve about the transitions service transfer?")
    assert picked is not None and "1 April 2025" in picked.text
    picked = best_block(papers, "what did cabinet agree on the november budget monitoring?")
    assert picked is not None and "Capital budget changes" in picked.text


def test_recommendations_answer_what_was_recommended_and_resolutions_what_was_resolved() -> None:
    papers = [MINUTES, NOTICES, REPORT]
    picked = best_block(papers, "what did the budget update report recommend about reserves?")
    assert picked is not None and picked.kind == "recommended"
    assert (
        best_block([REPORT], "what did cabinet resolve about the budget update reserves?") is None
    )


def test_a_number_the_resolution_does_not_print_is_left_to_other_answers() -> None:
    question = "what was resolved about the disposal of {} main street townland?"
    picked = best_block([NOTICES], question.format(4))
    assert picked is not None and "€1.00" in picked.text
    assert best_block([NOTICES], question.format(12)) is None


def test_questions_that_ask_for_no_resolution_or_name_a_record_are_not_taken() -> None:
    assert best_block([MINUTES], "who introduced the budget monitoring report?") is None
    assert best_block([MINUTES], "what did cabinet decide in 24/00108?") is None
    assert best_block([MINUTES], "what did cabinet resolve about libraries opening hours?") is None


POINTING = _paper(
    "plan-report",
    DocumentKind.report,
    ("Subject: Adoption of the Delivery Plan", "Summary: the delivery plan for health."),
    (
        "Recommendations:",
        "Cabinet is asked to consider and agree to the proposed decision, as detailed in the "
        "attached PROD.\n1. Summary of Approach",
    ),
)

BUDGET = _paper(
    "budget-cover",
    DocumentKind.report,
    ("Subject: Budget", "Summary: the budget for the year ahead."),
    (
        "Recommendations:",
        "County Council is asked to agree the following:\n"
        + "\n".join(
            f"• ({letter}) The {topic} as set out in appendix {letter.upper()} of the final draft "
            "budget report published on 5th February 2025, together with the funding it needs "
            "and subject to the approval to spend arrangements."
            for letter, topic in zip(
                "abcdefgh",
                [
                    "capital programme",
                    "directorate revenue proposals",
                    "council tax requirement",
                    "pay scheme uplift",
                    "fees and charges policy",
                    "capital strategy",
                    "treasury management strategy",
                    "reserves policy",
                ],
                strict=True,
            )
        ),
    ),
)


def test_a_recommendation_that_only_points_at_the_proposed_decision_is_not_an_answer() -> None:
    question = "what was cabinet asked to do with the delivery plan?"
    assert best_block([POINTING], question) is None


def test_a_month_the_paper_does_not_name_is_another_meeting() -> None:
    question = "what did cabinet resolve in march about the transitions service transfer?"
    assert best_block([MINUTES], question) is None


def test_a_long_list_is_quoted_at_the_items_on_the_subject() -> None:
    question = (
        "what did the budget report ask council to agree about the treasury management strategy?"
    )
    picked = best_block([BUDGET], question)
    assert picked is not None
    quote, _ = focused(picked, question)
    assert quote.startswith("Recommendations:")
    assert "appendix G" in quote and "appendix C" not in quote
