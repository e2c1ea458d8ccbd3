"""Meeting questions whose answer is in a place the record does not point at, on the real
synced Kent committee system (``evals/corpus-meetings``), indexed and asked through the
real answerer (worded unlike the eval sets' questions):

- what was said at a meeting is in its printed minutes, a paper of the next meeting;
- an officer asked by post is the attendance entry holding that post;
- a report's authors are listed under a "Report Author(s)" label or a "Contact details"
  heading;
- the item next to another is read from the agenda's order;
- a row of a table answers for its column ("the updated … allocation"), quoted as printed;
- a sentence opening "This is …" is judged and quoted with the sentence it points back at;
- "failed to / did not meet" is matched where a paper says it was not met;
- another body's vote is the sentence naming that body and how it voted, and the choices
  a body has are the sentence setting them out;
- a paper of an item that is restricted is said to be, and its content is not made up
  from a public paper that only mentions it;
- a meeting counted from another committee's meeting, "when" after a leading clause, and
  "the council" that is the authority, not its meeting.
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.models import Answer

pytestmark = [pytest.mark.slow, pytest.mark.own_store]  # its own embedded Chroma

MINUTES = "minutes-of-previous-meeting-72031"
LATE_CHANGES = "cabinet-report-4-march-2025-72051"


@pytest.fixture(scope="module")
def ask(meetings_assistant: Any) -> Any:
    return meetings_assistant.ask


def _cited(answer: Answer) -> set[str | None]:
    return {c.document_id for c in answer.citations}


def test_what_was_said_at_a_meeting_comes_from_its_printed_minutes(ask: Any) -> None:
    introduced = ask("who introduced the budget monitoring report at cabinet in january?")
    assert "Mr Oakford" in introduced.answer and MINUTES in _cited(introduced)
    told = ask("by how much did mr oakford tell cabinet the council would raise council tax?")
    assert "2.99%" in told.answer and MINUTES in _cited(told)
    said = ask(
        "what did the minutes say about the scrutiny committee's call-in at the january cabinet?"
    )
    assert MINUTES in _cited(said) and "29th January 2025" in said.answer


def test_an_officer_asked_by_post(ask: Any) -> None:
    beer = ask("who attended cabinet on 30 january 2025 as chief executive?")
    assert "Mrs A Beer" in beer.answer and "Dr A Ghosh" not in beer.answer
    education = ask("who was in attendance as director of education at the january 2025 cabinet?")
    assert "Ms C McInnes" in education.answer and "Mrs S Hammond" not in education.answer
    nobody = ask("who attended cabinet on 30 january 2025 as monitoring officer?")
    assert not nobody.answered


def test_authors_under_a_label_or_a_contact_heading(ask: Any) -> None:
    both = ask("who wrote the council covering report for the 2025-26 budget?")
    assert "Dave Shipton" in both.answer and "Cath Head" in both.answer
    contact = ask("who is the contact for the Q3 quarterly performance report?")
    assert contact.answered and "Matthew Wagner" in contact.answer
    director = ask("who is the relevant corporate director for the late changes report?")
    assert "John Betts" in director.answer


def test_the_item_next_to_another(ask: Any) -> None:
    after = ask(
        "which item came after the section 25 report on the agenda of the february full council?"
    )
    assert "Item 6" in after.answer and "Capital Programme" in after.answer
    before = ask("what was on the agenda just before item 6 at the 4 march 2025 cabinet?")
    assert "Item 5" in before.answer and "Late Changes" in before.answer
    last = ask("what came after item 9 at the january 2025 cabinet?")
    assert "last item" in last.answer


def test_a_table_row_answers_for_its_column(ask: Any) -> None:
    row = ask(
        "what is the updated 2024-25 public health grant allocation in the late changes paper?"
    )
    assert "77,308.9" in row.answer and LATE_CHANGES in _cited(row)
    assert any("2024-25 allocation 75,734.8 77,308.9" in (c.quote or "") for c in row.citations)


def test_a_sentence_pointing_back_is_read_with_what_it_points_at(ask: Any) -> None:
    part = ask(
        "how much of the adult social care overspend comes from savings that cannot be "
        "delivered, according to the november budget monitoring report?"
    )
    assert "£26.2m" in part.answer or "£26.2 million" in part.answer


def test_not_met_is_matched_where_the_paper_says_so(ask: Any) -> None:
    red = ask("how many KPIs did not meet the floor standard in the quarter 3 performance report?")
    assert "Nine KPIs" in red.answer


def test_what_a_committee_was_asked_to_do_is_its_papers_recommendation(ask: Any) -> None:
    asked = ask(
        "what was cabinet recommended to do about the integrated care strategy delivery plan?"
    )
    assert "To ADOPT the Integrated Care Strategy Delivery Plan" in asked.answer


def test_the_choices_a_paper_sets_out(ask: Any) -> None:
    choices = ask("what choices does cabinet have on the family hubs decision?")
    assert "confirm, amend or rescind" in choices.answer


def test_when_another_body_met_is_a_papers_date_of_the_month_asked(ask: Any) -> None:
    met = ask("on what date did the scrutiny committee meet to consider the family hubs call-in?")
    assert met.answered and "29 January 2025" in met.answer
    other = ask("when did the scrutiny committee meet in march 2025 to consider the call-in?")
    assert not other.answered and "29 January" not in other.answer


def test_how_a_body_voted(ask: Any) -> None:
    vote = ask("how did the scrutiny committee vote on the family hubs call-in?")
    assert vote.answered and "unanimously" in vote.answer
    council = ask("how did full council vote on the 2025-26 budget in february?")
    assert "Motion Carried" in council.answer
    unsaid = ask("how did cabinet vote on the late changes to the budget in march?")
    assert not unsaid.answered  # no record or paper says how that vote went


def test_a_restricted_paper_is_said_to_be_and_not_answered_around(ask: Any) -> None:
    see = ask("can i read the equality impact assessment for the ICS delivery plan?")
    assert see.answered and "restricted paper" in see.answer
    says = ask("what does the equality impact assessment for the ICS delivery plan recommend?")
    assert not says.answered and "restricted" in says.answer
    shown = ask("what does the home to school transport presentation say about costs?")
    assert not shown.answered  # an item with no papers: not another paper's row


def test_counted_from_another_committee_when_after_a_clause_and_the_authority(ask: Any) -> None:
    nxt = ask("after the february 2025 full council, when did cabinet next meet?")
    assert nxt.answered and "4 March 2025" in nxt.answer
    assert "13 February" not in nxt.answer.split("\n")[0]
    notified = ask(
        "when did the department for transport tell the council its active travel grant?"
    )
    assert "11th February 2025" in notified.answer and LATE_CHANGES in _cited(notified)
