"""Meeting answers kept to the question asked, or declined, on the real synced Kent
committee system (``evals/corpus-meetings``), indexed and asked through the real answerer.

Each check is a rule (``assistant.answering.meetings_held``, ``meetings_authors``):

- "was Mrs Bell at …?" is answered from the attendance line naming her (her apologies),
  and "was Mr Oakford at …?" from the members present;
- a body the records hold no meetings of ("the environment and transport cabinet
  committee") is declined, though another cabinet committee met that day; a body named
  in a paper is still answered from the sentence naming it;
- a financial year no meeting is about ("the budget meeting for 2026-27") is declined;
  the year the meeting was about is answered;
- what an agenda item with no papers said (a presentation) is declined; whether it was on
  the agenda is answered;
- asked who, a quote naming no one is declined;
- a report's author on its "By:" line, and a form's proposer field, are quoted.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.answering.meetings_cues import read_cues


def test_a_cabinet_committee_is_another_body_than_the_cabinet() -> None:
    cues = read_cues(
        "what did the environment and transport cabinet committee decide on 21 january 2025?",
        ["Cabinet", "County Council"],
        date(2026, 12, 6),
    )
    assert cues.committees == []
    assert cues.other_bodies == ["environment and transport cabinet committee"]
    both = read_cues(
        "which cabinet committee looked at it before cabinet decided it?", ["Cabinet"], None
    )
    assert both.committees == ["Cabinet"]


@pytest.fixture(scope="module")
def ask(meetings_assistant: Any) -> Any:
    return meetings_assistant.ask


@pytest.mark.slow
@pytest.mark.own_store
def test_attendance_asked_yes_or_no_quotes_the_line_naming_the_member(ask: Any) -> None:
    away = ask("was mrs bell at the cabinet meeting of 30 january 2025?")
    assert away.answered
    assert away.citations[0].quote.startswith("Apologies at the Cabinet meeting")
    assert "Mrs C Bell" in away.answer
    there = ask("did mr oakford attend cabinet on 30 january 2025?")
    assert there.answered
    assert there.citations[0].quote.startswith("Present at the Cabinet meeting")


@pytest.mark.slow
@pytest.mark.own_store
def test_a_body_without_meetings_here_is_declined_unless_a_paper_names_it(ask: Any) -> None:
    other = ask(
        "what did the environment and transport cabinet committee decide on 21 january 2025?"
    )
    assert not other.answered
    assert "environment and transport cabinet committee" in other.answer
    named = ask("which cabinet committee considered the ICS delivery plan before cabinet?")
    assert named.answered
    assert "Health Reform and Public Health Cabinet Committee" in named.answer


@pytest.mark.slow
@pytest.mark.own_store
def test_a_year_no_meeting_is_about_is_declined(ask: Any) -> None:
    later = ask("when is the county council budget meeting for 2026-27?")
    assert not later.answered
    assert "2026-27" in later.answer
    held = ask("when did county council meet to set the 2025-26 budget?")
    assert held.answered
    assert "13 February 2025" in held.answer


@pytest.mark.slow
@pytest.mark.own_store
def test_what_an_item_without_papers_said_is_declined(ask: Any) -> None:
    said = ask(
        "what did the home to school transport presentation at cabinet on 4 march 2025 recommend?"
    )
    assert not said.answered
    listed = ask("was home to school transport on the agenda at cabinet on 4 march 2025?")
    assert listed.answered
    assert "Home to School Transport" in listed.answer


@pytest.mark.slow
@pytest.mark.own_store
def test_who_is_not_answered_by_a_quote_naming_no_one(ask: Any) -> None:
    answer = ask(
        "who is the responsible officer in the equality impact assessment for the ICS delivery plan?"
    )
    assert not answer.answered


@pytest.mark.slow
@pytest.mark.own_store
def test_a_by_line_and_a_proposer_field_name_the_people(ask: Any) -> None:
    author = ask("which officer wrote the family hubs call-in report to cabinet?")
    assert author.answered
    assert "Anna Taylor" in author.answer
    proposer = ask("who proposed the LEVI capital funding amendment?")
    assert proposer.answered
    assert "Proposer: Mr Antony Hook" in proposer.answer
    assert "Seconder" not in proposer.answer


@pytest.mark.slow
@pytest.mark.own_store
def test_the_date_of_another_bodys_act_or_a_papers_publication_comes_from_the_papers(
    ask: Any,
) -> None:
    endorsed = ask("when did the cabinet committee endorse the education commissioning plan?")
    assert endorsed.answered
    assert "21 November 2024" in endorsed.answer
    assert endorsed.citations[0].document_id == "24-00096-prod-70091"
    drafts = ask("when were the draft 2025-26 budget proposals published, per the covering report?")
    assert drafts.answered
    assert "6th January 2025" in drafts.answer


@pytest.mark.slow
@pytest.mark.own_store
def test_a_yes_no_question_is_answered_by_the_sentence_saying_whether(ask: Any) -> None:
    answer = ask(
        "was the scrutiny committee's decision to refer the call-in to full council unanimous?"
    )
    assert answer.answered
    assert "unanimous" in answer.answer


@pytest.mark.slow
@pytest.mark.own_store
def test_who_took_a_decision_is_its_decision_maker_not_who_called_it_in(ask: Any) -> None:
    maker = ask("who took the family hubs decision that scrutiny called in?")
    assert maker.answered
    assert "Mrs Chandler" in maker.answer
    callers = ask("who called in decision 24/00093?")
    assert callers.answered
    assert "Jackie Meade" in callers.answer


@pytest.mark.slow
@pytest.mark.own_store
def test_officers_answer_cites_the_day_it_names(ask: Any) -> None:
    answer = ask(
        "which officers were there for the treasury management item at cabinet on 30 january 2025?"
    )
    assert answer.answered
    assert any("30 January 2025" in (c.quote or "") for c in answer.citations)


@pytest.mark.slow
@pytest.mark.own_store
def test_a_question_asked_according_to_a_paper_is_answered_from_it(ask: Any) -> None:
    answer = ask(
        "according to the november budget monitoring report that went to cabinet, how much "
        "of the CYPE underspend is home to school transport?"
    )
    assert answer.answered
    assert "£8.6m" in answer.answer
    assert answer.citations[0].document_id.startswith("revenue-and-capital-budget-monitoring")
