"""Meeting questions the record alone cannot answer, on the real synced Kent committee
system (``evals/corpus-meetings``), indexed and asked through the real answerer.

The record of a meeting lists its members present and gives its decisions in short; the
printed minutes (a paper of the next meeting) and the item's papers say the rest. Each
question here is one of a class a council officer asks, and each check is a rule:

- officers in attendance come from the printed minutes (and only the remote ones when
  asked who joined virtually); a meeting whose minutes are not held is declined;
- a decision's delegation, left out of the short form, comes from the minutes' resolution;
- the meeting before the first one held is the one whose minutes it approved;
- a month before a paper's title words names the paper, not a meeting ("the november
  budget monitoring report"), but "what did cabinet decide in november?" is declined;
- "was the motion carried" is a decision; "which cabinet committee …" and "when would
  full council review …" are answered from the item's papers;
- a figure may sit in the sentence after its subject, or be written in words, and is
  never the question's own number ("the 18-25 service").
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.models import Answer

pytestmark = [pytest.mark.slow, pytest.mark.own_store]  # its own embedded Chroma


@pytest.fixture(scope="module")
def ask(meetings_assistant: Any) -> Any:
    return meetings_assistant.ask


def _cited(answer: Answer) -> set[tuple[str | None, int | None]]:
    return {(c.document_id, c.page) for c in answer.citations}


def test_officers_come_from_the_printed_minutes(ask: Any) -> None:
    answer = ask("which officers were in attendance at cabinet on 30 january 2025?")
    assert answer.answered and "Dr A Ghosh" in answer.answer and "Mrs A Beer" in answer.answer
    assert ("minutes-of-previous-meeting-72031", 1) in _cited(answer)
    remote = ask("which officers joined the 30 january 2025 cabinet virtually?")
    assert "Mr M Albiston" in remote.answer and "Dr A Ghosh" not in remote.answer
    item = ask("which officers attended the budget monitoring item at cabinet on 30 january 2025?")
    assert "Joe McKay" in item.answer and "Dr A Ghosh" not in item.answer
    # no printed minutes of the council meeting are held: declined, not its members listed
    council = ask("which officers were in attendance at county council on 13 february 2025?")
    assert not council.answered and "Mr B J Sweetland" not in council.answer


def test_a_delegation_left_out_of_the_record_comes_from_the_minutes(ask: Any) -> None:
    answer = ask(
        "who was given delegated authority to implement the 18-25 SIS transfer cabinet agreed in january?"
    )
    assert "Corporate Director of Adult Social Care and Health" in answer.answer
    assert ("minutes-of-previous-meeting-72031", 14) in _cited(answer)


def test_the_meeting_before_the_first_held_is_read_from_its_minutes_item(ask: Any) -> None:
    answer = ask("when was the cabinet meeting before the one on 30 january 2025?")
    assert answer.answered and "9 January 2025" in answer.answer
    later = ask("when did cabinet meet before 4 march 2025?")
    assert "30 January 2025" in later.answer and "4 March 2025:" not in later.answer


def test_a_month_before_a_papers_title_names_the_paper(ask: Any) -> None:
    answer = ask(
        "what is the adult social care overspend in the november budget monitoring report to cabinet?"
    )
    assert answer.answered and "£35.4m" in answer.answer
    assert not ask("what did cabinet decide in november?").answered


def test_motions_other_bodies_and_dates_ahead(ask: Any) -> None:
    carried = ask("was the budget motion carried at full council on 13 feb 2025?")
    assert "Motion Carried" in carried.answer
    body = ask("which cabinet committee looked at the ICS delivery plan before cabinet decided it?")
    assert "Health Reform and Public Health Cabinet Committee" in body.answer
    ahead = ask("when would full council review the family hubs decision if cabinet confirms it?")
    assert "13 March 2025" in ahead.answer


def test_figures_after_their_subject_in_words_and_not_the_questions_own(ask: Any) -> None:
    limit = ask("what is the de-minimis limit for setting up a reserve in the reserves policy?")
    assert "£250k" in limit.answer
    red = ask("how many KPIs were red in the quarter 3 performance report cabinet got in march?")
    assert "Nine KPIs" in red.answer
    cohort = ask(
        "how many young people are in the 18-25 strengthening independence service cohort "
        "according to the cabinet minutes?"
    )
    assert "920" in cohort.answer
    source = ask("where would the money for the lib dem LEVI amendment come from?")
    assert "Invicta House" in source.answer


def test_a_named_meeting_whose_record_is_silent_is_declined(ask: Any) -> None:
    silent = ask("who chaired cabinet on 4 march 2025?")
    assert not silent.answered and "Gough" not in silent.answer
    assert ask("who chaired the cabinet meeting on 30 January 2025?").answered
