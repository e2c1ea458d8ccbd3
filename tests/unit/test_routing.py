"""Routing: what ``understand`` finds in a question (intent, refs, ratings, people, kinds,
periods) on two small hand-built documents, with no index behind them."""

from __future__ import annotations

import pytest

from assistant.answering.understand import Intent, understand
from indexing.model import ItemKind

from .plans import documents

DOCS = documents()


def ask(question: str):
    return understand(question, DOCS)


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("how is 1.1 rated and who owns it?", Intent.status),
        ("what is the latest on 1.2?", Intent.status),
        ("any news on the day centre?", Intent.status),
        ("when is 2.1 due?", Intent.when),
        ("which commitments are amber?", Intent.list),
        ("which items have no RAG rating?", Intent.list),
        ("which commitments are improving?", Intent.list),
        ("what does JR own?", Intent.list),
        ("what is Cllr Priya Kaur responsible for?", Intent.list),
        ("who is the leader?", Intent.who),
        ("what percentage of pothole repairs were done within 28 days?", Intent.figure),
        ("how many households are in temporary accommodation?", Intent.figure),
        ("how much did the street lights cost?", Intent.figure),
        ("what does the plan say about trees?", Intent.fact),
    ],
)
def test_intent(question: str, intent: Intent) -> None:
    assert ask(question).intent is intent


def test_a_ref_and_what_is_asked_of_it() -> None:
    query = ask("how is 1.1 rated and who owns it?")
    assert query.refs == ["1.1"]
    assert query.asks_rating and query.asks_owner
    assert query.people_role == "owner"


@pytest.mark.parametrize(
    ("question", "refs"),
    [
        ("what is the target of item 3", ["3"]),
        ("commitment 12 and 2.1", ["12", "2.1"]),
        ("what is 12.1.3 about?", []),  # a paragraph number, not a ref
        ("it cost £1.5m", []),  # money is not a ref
        ("up 3.5% on last year", []),
    ],
)
def test_refs(question: str, refs: list[str]) -> None:
    assert ask(question).refs == refs


@pytest.mark.parametrize(
    ("question", "rating"),
    [
        ("which commitments are amber?", "A"),
        ("which are RED", "R"),
        ("list the green/amber ones", "G/A"),
        ("what is completed?", "C"),
        ("which are on track?", None),  # a status word, not a rating asked for
    ],
)
def test_ratings_read_with_the_one_vocabulary(question: str, rating: str | None) -> None:
    assert ask(question).rating == rating


def test_a_change_of_rating_from_one_to_another() -> None:
    query = ask("which ones moved from green to amber?")
    assert (query.intent, query.from_rating, query.rating) == (Intent.list, "G", "A")


@pytest.mark.parametrize(
    ("question", "kind", "change"),
    [
        ("which KPIs got worse since last quarter?", ItemKind.kpi, "↓"),
        ("which indicators improved?", ItemKind.kpi, "↑"),
        ("which risks are red?", ItemKind.risk, None),
        ("which recommendations are green?", ItemKind.recommendation, None),
    ],
)
def test_kinds_and_changes_of_list_questions(
    question: str, kind: ItemKind, change: str | None
) -> None:
    query = ask(question)
    assert (query.intent, query.kind, query.change) == (Intent.list, kind, change)


def test_a_kind_is_only_a_filter_of_a_list() -> None:
    query = ask("what is the risk to the day centre?")
    assert query.intent is not Intent.list
    assert query.kind is None


@pytest.mark.parametrize(
    ("question", "initials"),
    [
        ("what does JR own?", ["JR"]),
        ("what is Cllr Priya Kaur responsible for?", ["PK"]),
        ("who is the leader?", ["TW"]),
        ("what does tom wexley cover?", ["TW"]),
        ("what is IT doing about KPIs?", []),  # capitals that are never initials
    ],
)
def test_people_from_the_documents_key(question: str, initials: list[str]) -> None:
    assert [p.initials for p in ask(question).people] == initials


@pytest.mark.parametrize(
    "question",
    [
        "what is Cllr Kaur responsible for?",
        "what is cllr kaur responsible for?",
        "which are Councillor Kaur's commitments?",
    ],
)
def test_a_councillor_by_surname_alone(question: str) -> None:
    query = ask(question)
    assert [p.initials for p in query.people] == ["PK"]
    assert query.intent is Intent.list


def test_who_someone_is_asks_about_the_person() -> None:
    query = ask("who is the leader?")
    assert query.about_person
    assert not ask("what does JR own?").about_person


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("which commitments is PK the cabinet member for?", "cabinet_member"),
        ("what does JR direct?", "director"),
        ("what does JR own?", "owner"),
        ("what is JR doing?", None),
    ],
)
def test_the_role_a_question_names(question: str, role: str | None) -> None:
    assert ask(question).people_role == role


def test_periods_point_at_documents() -> None:
    query = ask("what happened in Q2 2017/18 on homes?")
    assert query.document_ids == ["update-q2"]
    assert query.years == ["2017"]
    assert query.quarters == ["Q2"]
    assert ask("how are potholes in quarter three?").quarters == ["Q3"]


def test_a_year_no_document_covers_is_kept_and_points_nowhere() -> None:
    query = ask("is there anything on the budget in 2031?")
    assert query.years == ["2031"]
    assert query.document_ids == []


def test_a_title_phrase_names_its_document() -> None:
    assert ask("what does the performance report say about potholes?").document_ids == ["kpi-q3"]


def test_a_section_with_a_list_cue_lists_its_items() -> None:
    query = ask("which cleaner greener streets commitments are red?")
    assert query.intent is Intent.list
    assert query.sections == [("update-q2", "Cleaner greener streets")]


def test_what_a_how_many_question_counts() -> None:
    assert ask("how many young carers were supported?").counted_words == ["young", "carers"]
    assert ask("how many people commented on the plan?").counted_words == ["people"]
    assert ask("what is 1.1?").counted_words == []


def test_whitespace_is_folded() -> None:
    assert ask("  how is\n1.1\trated? ").text == "how is 1.1 rated?"


def test_one_item_named_in_a_section_is_not_a_list() -> None:
    # The list cue asks which survey; the section's one commitment is named in the singular.
    one = ask("which survey is used for the cleaner greener streets tree commitment?")
    assert one.intent is not Intent.list and one.sections == []
    assert ask("which cleaner greener streets commitments do we have?").intent is Intent.list


def test_a_section_named_in_passing_asks_for_no_list_of_its_items() -> None:
    """ "what are the actions under transport?" lists the section's items; a
    question holding a subject of its own, that shares one word with a section's name,
    asks about that subject."""
    from assistant.answering.understand import Intent, understand

    docs = documents()
    listed = understand("what are the actions under transport?", docs)
    assert listed.intent == Intent.list and listed.sections
    asked = understand(
        "what are the bus operators all going to have to include in their transport "
        "timetables from spring?",
        docs,
    )
    assert asked.intent != Intent.list


def test_no2_written_whole_names_no_ref() -> None:
    """ "no. 4" and "no 12.1" name refs; "no2 concentration" names nitrogen dioxide."""
    docs = documents()
    assert understand("what's the latest annual mean no2 concentration?", docs).refs == []
    assert understand("what about no. 4?", docs).refs == ["4"]
    assert understand("no 12.1 status", docs).refs == ["12.1"]
