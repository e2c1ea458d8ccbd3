"""A question that names a meeting the records hold is answered from that meeting only
(``meetings_named``), on a hand-built pair of Cabinet meeting records.

No index and no model: an answer is built citing one document or another, and the rule
decides whether it stands or is replaced by a decline.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from assistant.answering.meetings_named import held_to_named_meeting, named_meetings
from assistant.answering.scope import Scope
from assistant.answering.understand import Intent, Query
from assistant.models import Answer, Citation
from indexing.model import DocumentKind, DocumentMeta, Location, Passage, PlanDocument

LISTING = "• minutes-jan (minutes-jan.pdf) — https://example.org/minutes-jan.pdf"


def _record(day: str, chair: str, meeting: str) -> PlanDocument:
    label = f"{int(day[8:])} {'January' if day[5:7] == '01' else 'March'} 2025"
    lines = [
        f"Meeting of Cabinet on {label} at 10:00, Council Chamber.",
        f"{chair} chaired the Cabinet meeting of {label}.",
        *([LISTING] if meeting == "2" else []),
    ]
    return PlanDocument(
        id=f"record-{day}",
        sha256="0",
        meta=DocumentMeta(
            file=f"record-{day}.md",
            title=f"Cabinet — {day}",
            kind=DocumentKind.decision,
            committee="Cabinet",
            meeting=meeting,
            meeting_date=day,
        ),
        passages=[
            Passage(
                id=f"record-{day}:p1",
                document_id=f"record-{day}",
                section=None,
                text="\n".join(lines),
                location=Location(path=f"record-{day}.md", line_start=1),
            )
        ],
    )


def _paper(name: str, day: str, meeting: str, item: str) -> PlanDocument:
    return PlanDocument(
        id=name,
        sha256="0",
        meta=DocumentMeta(
            file=f"{name}.pdf",
            title=name,
            committee="Cabinet",
            meeting=meeting,
            meeting_date=day,
            agenda_item=item,
        ),
    )


DOCUMENTS = [
    _record("2025-01-30", "Roger Gough", "1"),
    _paper("budget-jan", "2025-01-30", "1", "Draft Budget"),
    _record("2025-03-04", "Dan Watkins", "2"),
    _paper("monitoring-mar", "2025-03-04", "2", "Budget Monitoring"),
    _paper("Risk Register 22.01.25", "2025-03-04", "2", "Budget Monitoring"),
    _paper("minutes-jan", "2025-03-04", "2", "Minutes of the Meeting held on 30 January 2025"),
]


def _scope() -> Any:
    return Scope(SimpleNamespace(derived={}), DOCUMENTS)  # type: ignore[arg-type]


def _answer(question: str, cited: tuple[str, ...], quote: str) -> Answer:
    return Answer(
        question=question,
        answer="Roger Gough chaired the Cabinet meeting.",
        answered=True,
        citations=[Citation(document=c, document_id=c, quote=quote, source=c) for c in cited],
    )


def _held(question: str, *cited: str, quote: str = "…") -> Answer:
    query = Query(text=question, intent=Intent.who)
    return held_to_named_meeting(_scope(), query, _answer(question, cited, quote))


def test_another_meetings_record_is_not_an_answer_about_the_named_meeting() -> None:
    held = _held("who chaired cabinet on 4 March 2025?", "record-2025-01-30")
    assert not held.answered
    assert "4 March 2025" in held.answer
    assert [c.document_id for c in held.citations] == ["record-2025-03-04"]


def test_another_meetings_paper_is_not_an_answer_either() -> None:
    assert not _held("what did cabinet note on 4 March 2025?", "budget-jan").answered
    # one source from elsewhere is enough to decline: the answer quotes it
    assert not _held(
        "what did cabinet note on 4 March 2025?", "monitoring-mar", "budget-jan"
    ).answered


def test_the_named_meetings_record_and_papers_answer() -> None:
    assert _held("who chaired cabinet on 4 March 2025?", "record-2025-03-04").answered
    assert _held("what did cabinet note on 4 March 2025?", "monitoring-mar").answered
    # a paper dated in its title is still this meeting's paper, unless it is minutes
    assert _held("what did cabinet note on 4 March 2025?", "Risk Register 22.01.25").answered


def test_the_named_meetings_minutes_answer_wherever_they_were_filed() -> None:
    assert _held("who chaired cabinet on 30 January 2025?", "minutes-jan").answered
    assert not _held("who chaired cabinet on 4 March 2025?", "minutes-jan").answered
    # listed as a paper of the named meeting, the record's line is what is quoted
    assert _held("what did cabinet decide on 4 March 2025?", "minutes-jan", quote=LISTING).answered


def test_a_question_that_names_no_single_meeting_is_left_alone() -> None:
    # a month, a date counted from, a meeting the records do not hold, no committee
    for question in (
        "who chaired cabinet in march 2025?",
        "what did cabinet decide at the meeting after 30 January 2025?",
        "who chaired cabinet on 5 March 2025?",
        "what happened on 4 March 2025?",
    ):
        assert _held(question, "record-2025-01-30").answered, question


def test_the_meetings_named_are_those_the_records_hold() -> None:
    named = named_meetings(_scope(), "did cabinet on 30 january 2025 or 4 march 2025 agree it?")
    assert [m.document.id for m in named] == ["record-2025-01-30", "record-2025-03-04"]


def test_a_decline_is_left_as_it_is() -> None:
    query = Query(text="who chaired cabinet on 4 March 2025?", intent=Intent.who)
    declined = Answer(question=query.text, answer="I can't find that.", answered=False)
    assert held_to_named_meeting(_scope(), query, declined) is declined


def test_which_meeting_came_between_two_is_every_meeting_held_between_them() -> None:
    from datetime import date

    from assistant.answering.meetings_between import held_between
    from assistant.answering.meetings_cues import read_cues
    from assistant.answering.meetings_record import meetings

    council = _record("2025-02-13", "Brian Sweetland", "3")
    council.meta.committee, council.id = "County Council", "record-council"
    scope = Scope(SimpleNamespace(derived={}), [*DOCUMENTS, council])  # type: ignore[arg-type]
    records = meetings(scope)

    def between(question: str) -> Answer | None:
        cues = read_cues(question, ["Cabinet", "County Council"], date(2026, 12, 7))
        return held_between(Query(text=question, intent=Intent.fact), records, cues)

    held = between("which meeting was held in between cabinet on 30 jan and cabinet on 4 march?")
    assert held is not None and held.answered
    assert [c.document_id for c in held.citations] == ["record-council"]
    none = between("which meeting was between cabinet on 30 jan and council on 13 feb?")
    assert none is not None and not none.answered  # said, citing the two meetings named
    assert between("which meeting was between 1 jan and 4 march?") is None  # no meeting on 1 jan
    assert between("which meeting decided the budget?") is None
    # the two meetings named bound the question: it does not name either as the one asked
    assert _held(
        "which meeting was held between cabinet on 30 jan and cabinet on 4 march 2025?",
        "record-council",
    ).answered
