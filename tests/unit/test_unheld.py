"""A council no document speaks of, and a month of a year a source does not print, are
not answered (``unheld``): the checks on made-up names and on the month labels a table
of notices prints ("Feb-25", "Up to 21st March 2025")."""

from __future__ import annotations

from assistant.answering.unheld import (
    asked_months,
    month_held,
    months_held,
    subject_held,
    unknown_body,
)
from indexing.terms import TermStats, place_stems

PAPERS = [
    "Northtown Borough Council: forecast revenue overspend of £23.3m in total.",
    "Engagement with Westfield District Council over the gateway.",
    "Exemption certificates issued in Northtown: 38.",
]
TABLE = "Month Feb-24 578 29 Mar-24 601 17 Jan-25 787 21 Feb-25 807 17 Up to 21st March 2025 818 3"


def _terms() -> TermStats:
    return TermStats.build(PAPERS, place_stems(["Northtown Borough Council"]))


def test_a_council_no_paper_names_is_unknown() -> None:
    terms = _terms()
    assert unknown_body(terms, "what is eastshire county council's forecast overspend")
    assert unknown_body(terms, "how many vacant homes does southvale city council have")
    assert unknown_body(terms, "how many exemption certificates were issued in eastshire?")
    assert unknown_body(terms, "what is eastshire's forecast overspend")


def test_a_council_a_paper_names_is_not_unknown() -> None:
    terms = _terms()
    assert not unknown_body(terms, "northtown borough council's forecast overspend")
    assert not unknown_body(terms, "engagement with westfield district council")
    assert not unknown_body(terms, "how many exemption certificates were issued in northtown?")
    assert not unknown_body(terms, "what is northtown's forecast overspend")
    assert not unknown_body(terms, "what did full council agree")  # no name, a common word
    assert not unknown_body(terms, "forecast overspend in total")  # "total": a paper's word


def test_an_english_word_before_a_bare_council_is_not_a_council() -> None:
    terms = _terms()  # no paper uses "say", "surrey" or "cork"
    assert not unknown_body(terms, "did the cabinet say council tax would go up")
    assert unknown_body(terms, "what did southvale council say about council tax")
    # A dictionary word named as a place: the kind of council, or "in" at the end.
    assert unknown_body(terms, "what is surrey county council's forecast overspend")
    assert unknown_body(terms, "how many exemption certificates were issued in cork")


def test_the_months_a_question_names() -> None:
    assert asked_months("notices to quit in april 2025?") == [(4, "2025")]
    assert asked_months("from feb 2024 to march 2025") == [(2, "2024"), (3, "2025")]
    assert asked_months("notices to quit in april") == []  # no year: not checked


def test_a_month_is_held_in_the_forms_papers_print() -> None:
    assert month_held(2, "2025", TABLE)  # Feb-25
    assert month_held(3, "2025", TABLE)  # Up to 21st March 2025
    assert month_held(1, "2025", "on 30th January, 2025 the cabinet")
    assert month_held(4, "2025", "period 2025-04 to 2025-06")
    assert not month_held(4, "2025", TABLE)
    assert not month_held(1, "2023", TABLE)
    assert not month_held(2, "2025", "Feb-24 578 29")  # the year before


def test_every_named_month_must_be_held() -> None:
    assert months_held("new notices in february 2025", TABLE)
    assert not months_held("new notices in may 2025", TABLE)
    assert months_held("new notices this year", TABLE)  # no month named


def test_a_source_must_hold_a_word_of_the_subject() -> None:
    terms = _terms()
    sentence = "501 per 100,000 population Section 42 enquiries were commenced in Quarter 3."
    assert not subject_held(terms, "missed bin collections per 100,000 in q3", sentence)
    assert subject_held(terms, "section 42 enquiries per 100,000 in q3", sentence)
    # only where, when and how it is counted: nothing to check
    assert subject_held(terms, "northtown per 100,000 in q3 2025", sentence)


def test_a_word_beginning_like_a_month_is_a_subject() -> None:
    terms = _terms()
    sentence = "The committee considered a call-in of decision 24/00093 made by two members."
    assert subject_held(terms, "who called in decision 24/00093 in december 2024?", sentence)
    assert not subject_held(terms, "marketing spend in march 2025", sentence)
    assert subject_held(terms, "which call-ins were made in sept 2024", sentence)


def test_a_span_of_months_with_a_short_year_asks_for_its_last_month() -> None:
    """ "apr-jun 23" of a table headed "Jan – Mar 24 … Oct – Dec 24" is not printed there."""
    headers = "Jan – Mar 24 Apr – Jun 24 Jul – Sep 24 Oct – Dec 24 12m to Dec 24"
    assert asked_months("online in apr-jun 24?") == [(6, "2024")]
    assert months_held("calls in oct–dec 24", headers)
    assert not months_held("calls in apr-jun 23", headers)
    assert not months_held("online in jan-mar 25", headers)
    assert asked_months("the meeting from 10-12 30") == []


def test_a_body_that_published_a_paper_is_known_though_its_text_never_names_it() -> None:
    terms = _terms()  # no paper's text prints "trafford"
    assert unknown_body(terms, "what is trafford's healthy life expectancy?")
    assert not unknown_body(
        terms, "what is trafford's healthy life expectancy?", frozenset({"trafford"})
    )
