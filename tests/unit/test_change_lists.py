"""Lists by change: what ``understand`` and ``change_lists`` make of "which KPIs got a
worse rating", "which were red last quarter", "how many are red compared with last
quarter" and "how many are improving", on small hand-built documents (no index)."""

from __future__ import annotations

import pytest

from assistant.answering import change_lists
from assistant.answering.understand import Intent, understand
from indexing.model import ItemKind, PlanDocument

from .plans import MemoryScope, documents, kpi_report, q2_update

DOCS = documents()


def _without_history() -> list[PlanDocument]:
    """The KPI report with its previous ratings and directions taken away."""
    report = kpi_report()
    for kpi in report.items:
        kpi.previous_rating = None
        kpi.direction = None
    return [q2_update(), report]


def _derived_directions() -> list[PlanDocument]:
    """The KPI report whose arrows were worked out from the two ratings, none printed."""
    report = kpi_report()
    for kpi in report.items:
        kpi.fields["direction_basis"] = "rating change"
    return [q2_update(), report]


@pytest.mark.parametrize(
    ("question", "change"),
    [
        ("which kpis got a worse rating than last quarter?", "↓"),
        ("which KPIs were rated lower than last time", "↓"),
        ("which kpis were downgraded", "↓"),
        ("which kpis got a better rating?", "↑"),
        ("which KPIs were upgraded since the last report", "↑"),
        ("which kpis are red?", None),
    ],
)
def test_a_rating_that_moved_is_a_change_list(question: str, change: str | None) -> None:
    query = understand(question, DOCS)
    assert (query.intent, query.kind, query.change) == (Intent.list, ItemKind.kpi, change)


@pytest.mark.parametrize(
    ("question", "rating"),
    [
        ("which kpis were red last quarter", "R"),
        ("which KPIs were rated amber in the previous report?", "A"),
        ("list the indicators previously rated green", "G"),
        ("which kpis are red?", None),
        ("which kpis were red", None),
    ],
)
def test_a_rating_of_the_previous_period(question: str, rating: str | None) -> None:
    assert change_lists.was_rated(question) == rating


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("how many kpis are red compared with last quarter", True),
        ("how many KPIs are green compared to the previous period?", True),
        ("are there more red kpis than last quarter", True),
        ("how many kpis are red", False),
        ("how many kpis were red in the last year of the plan", False),
    ],
)
def test_a_count_set_against_the_previous_period(question: str, asked: bool) -> None:
    assert change_lists.compared(question) is asked


def test_without_previous_ratings_or_directions_change_is_not_guessed() -> None:
    docs = _without_history()
    scope = MemoryScope(docs)
    for question in (
        "which kpis got worse since last quarter?",
        "which kpis moved from green to amber?",
        "which kpis were red last quarter",
        "how many kpis are red compared with last quarter",
        "which kpis are improving?",
    ):
        query = understand(question, docs)
        answer = change_lists.change_answer(scope, query, [])
        assert answer is not None, question
        assert not answer.answered and "previous period" in answer.answer, question
        assert not answer.citations


def test_a_trend_count_without_printed_arrows_is_left_to_the_reports_words() -> None:
    docs = _derived_directions()
    scope = MemoryScope(docs)
    query = understand("how many kpis are showing an improving trend?", docs)
    assert (query.intent, query.direction) == (Intent.list, "↑")
    searched = change_lists.searchable(scope, query, [])
    assert searched.intent == Intent.figure and searched.direction is None
    # "which" asks for the items themselves: their arrows are not there to list.
    which = understand("which kpis are improving?", docs)
    answer = change_lists.change_answer(scope, which, [])
    assert answer is not None and not answer.answered
    assert "direction of travel" in answer.answer


def test_printed_arrows_are_listed_by_the_list_answer() -> None:
    scope = MemoryScope(DOCS)
    query = understand("how many kpis are showing an improving trend?", DOCS)
    assert change_lists.searchable(scope, query, []) is query
    assert change_lists.change_answer(scope, query, []) is None


def test_questions_about_no_change_are_left_alone() -> None:
    scope = MemoryScope(DOCS)
    for question in ("which kpis are red?", "who owns 1.1?", "how many homes were built?"):
        query = understand(question, DOCS)
        assert change_lists.searchable(scope, query, []) is query
        assert change_lists.change_answer(scope, query, []) is None
