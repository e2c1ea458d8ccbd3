"""Answers on the real corpus: each kind of question councillors ask, text and citations."""

from __future__ import annotations

import pytest

from assistant.answering.decline import NOT_COVERED
from assistant.answering.router import QuestionError
from assistant.models import Answer

Q2 = "council-plan-delivery-update-q2-2017"
PLAN_2020 = "council-plan-commitments-2020"


def cited(answer: Answer) -> list[tuple[str | None, str | None]]:
    return [(c.ref, c.document_id) for c in answer.citations]


def test_status_gives_rating_in_words_people_by_name_and_the_update(assistant) -> None:
    answer = assistant.ask("what's the latest on the one stop shop for homeless people?")
    assert answer.answered and answer.intent == "status"
    assert cited(answer)[0] == ("3.2", Q2)
    assert "Green/Amber" in answer.answer
    assert "Michael Kelleher" in answer.answer and "Cllr Nigel Long" in answer.answer
    assert "Old Bus Station" in answer.answer  # the latest update text
    assert "Q2 2017/18" in answer.answer  # which period it comes from
    assert "Old Bus Station" in answer.citations[0].quote
    assert answer.citations[0].source.endswith("council-plan-delivery-update-q2-2017.txt:38")


def test_status_by_ref_keeps_unresolved_initials_as_written(assistant) -> None:
    answer = assistant.ask("how is 12.1 rated and who owns it?")
    assert cited(answer)[0] == ("12.1", Q2)
    assert "Rating: Green (G)" in answer.answer
    assert "Owner: AM." in answer.answer
    assert "Cllr Liz Gifford" in answer.answer


def test_item_without_a_rating_says_so_instead_of_borrowing_one(assistant) -> None:
    answer = assistant.ask("what is the status of 1.4?")
    assert cited(answer)[0] == ("1.4", Q2)
    assert "No RAG rating is given" in answer.answer
    assert "Rating:" not in answer.answer


def test_list_by_rating_is_exact_and_counted(assistant) -> None:
    answer = assistant.ask("which commitments are amber?")
    amber = [i for i in answer.items if i.rating == "A"]
    assert answer.metadata["count"] == len(amber) == 8
    assert answer.answer.startswith("8 items are rated Amber")
    assert {i.ref for i in amber} == {"2.4", "2.5", "9.1", "11.2", "13.4", "15.3", "15.4", "16.2"}
    assert answer.metadata["combined_count"] == 6  # G/A items listed apart
    assert len(answer.citations) == 14


def test_list_by_person_finds_every_item_naming_them(assistant) -> None:
    answer = assistant.ask("what is Cllr Nigel Long responsible for?")
    assert answer.intent == "list"
    refs = {i.ref for i in answer.items}
    assert {"3.1", "3.2", "3.3", "3.4", "2.4"} <= refs
    assert all(any(p.initials == "NL" for p in i.people()) for i in answer.items)
    assert f"named on {len(answer.items)} items" in answer.answer


def test_figure_is_quoted_from_its_sentence(assistant) -> None:
    answer = assistant.ask("how many carers were supported at the end of Q2?")
    assert "5,252" in answer.answer
    assert cited(answer) == [("5.8", Q2)]
    assert "5,252" in answer.citations[0].quote


def test_date_question(assistant) -> None:
    answer = assistant.ask("when will the new city centre CCTV go in?")
    assert "December 2020" in answer.answer
    assert cited(answer) == [("37", PLAN_2020)]


def test_colloquial_words_reach_the_right_item(assistant) -> None:
    answer = assistant.ask("any news on the rats in CMK?")
    assert cited(answer)[0] == ("26", PLAN_2020)
    assert "rat population" in answer.answer


def test_prose_fact_from_the_organisation_document(assistant) -> None:
    answer = assistant.ask("how many councillors are there?")
    assert "57 councillors" in answer.answer
    assert answer.citations[0].document_id == "what-makes-us-mk-city-council"


@pytest.mark.parametrize(
    "question",
    [
        "what is the 2025/26 budget?",
        "how much did the one stop shop cost?",
        "what is the council tax band D rate?",
    ],
)
def test_unanswerable_questions_are_declined_with_nearest_items(assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert not answer.answered
    assert answer.answer.startswith(NOT_COVERED)
    assert not answer.citations
    assert answer.metadata["declined"]  # which check found no answer, for --json and evals


def test_a_ref_the_documents_do_not_hold_is_not_invented(assistant) -> None:
    answer = assistant.ask("what is the rating of 14.2?")  # lost by the extraction
    assert not answer.answered and "no item 14.2" in answer.answer
    # 2.1 was lost from the Q2 update too; only the 2006 analysis (which rates nothing) has one.
    answer = assistant.ask("what is the rating of 2.1?")
    assert cited(answer) == [("2.1", "improvement-analysis-feb-2006")]
    assert "No RAG rating is given" in answer.answer


def test_follow_up_in_context_uses_the_previous_item(assistant) -> None:
    first = assistant.ask("what's happening with the flood and water strategy?")
    assert first.items and first.items[0].ref == "13.4"
    follow = assistant.ask("and who owns it?", context=first)
    assert cited(follow)[0] == ("13.4", Q2)
    assert "Tom Blackburne-Maze" in follow.answer


@pytest.mark.parametrize(
    ("question", "message"),
    [("", "empty"), ("   ", "empty"), ("?!…", "no words"), ("x" * 10_000, "10,000 characters")],
)
def test_bad_questions_get_a_clear_message(assistant, question: str, message: str) -> None:
    with pytest.raises(QuestionError, match=message):
        assistant.ask(question)


def test_a_rating_within_a_section_is_an_exact_list(assistant) -> None:
    answer = assistant.ask("what is complete in the budget section")
    assert answer.intent == "list" and answer.metadata["count"] == 3
    assert sorted(cited(answer)) == [("1.1", Q2), ("1.2", Q2), ("1.3", Q2)]


def test_a_list_shows_the_role_the_question_asks_about(assistant) -> None:
    answer = assistant.ask("which director is over the homelessness commitments")
    assert answer.intent == "list"
    assert "director Duncan Sharkey" in answer.answer  # DS directs every Homelessness item
    assert "owner" not in answer.answer


def test_a_post_answers_who_as_well_as_a_name(assistant) -> None:
    answer = assistant.ask("who chairs the panel that approves capital projects")
    assert answer.answered and "Deputy Chief Executive chairs a panel" in answer.answer
    assert answer.citations[0].document_id == "what-makes-us-mk-city-council"


def test_a_year_no_document_covers_is_declined_even_for_a_list(assistant) -> None:
    answer = assistant.ask("how many affordable homes were completed in 2022/23")
    assert not answer.answered and answer.answer.startswith(NOT_COVERED)


def test_a_rare_exact_word_outranks_a_vaguely_similar_item(assistant) -> None:
    answer = assistant.ask("when did MKDirect go live")
    assert answer.answered and "April 05" in answer.answer
    assert cited(answer)[0] == ("3.8", "improvement-analysis-feb-2006")
