"""Holding an answer to the meeting its question names.

"Dates matter; a wrong answer is worse than 'I can't find that'": a question that names a
meeting the records hold — its committee and its day ("who chaired Cabinet on 4 March
2025?") — is answered from that meeting's record or its papers, or declined. The minutes
of that meeting count as its record wherever they were filed (a later meeting's paper
whose title carries the named day), and the minutes of another meeting filed with its
papers do not. A sentence from another meeting's record or minutes
answers a different question however close its words, so an answer that cites one is
replaced by a decline that says which meeting was read.

A question that counts from a date ("the meeting after 30 January"), asks which meeting
came between two ("between cabinet on 30 January and cabinet on 4 March"), or names only a
month, names no single meeting, and is left as answered.
"""

from __future__ import annotations

import re

from assistant.answering import meetings as meeting_answers
from assistant.answering.meetings_between import asks_between
from assistant.answering.meetings_cues import read_cues
from assistant.answering.meetings_held import answers_asked
from assistant.answering.meetings_record import MeetingRecord, committees, long_date, meetings
from assistant.answering.meetings_speaker import with_speaker
from assistant.answering.meetings_subject import title_days
from assistant.answering.meetings_wording import declined
from assistant.answering.scope import Scope
from assistant.answering.understand import Query
from assistant.models import Answer, PlanDocument

_MINUTES = re.compile(r"\bminutes\b", re.I)


def named_meetings(scope: Scope, text: str) -> list[MeetingRecord]:
    """The meetings the question names by committee and day that the records hold."""
    records = meetings(scope)
    if not records:
        return []
    cues = read_cues(text, committees(records), meeting_answers.today())
    days = [d for d in cues.meeting_dates if d.day]
    if not cues.committees or not days or cues.anchor is not None or asks_between(text):
        return []  # "the meeting after 30 January", "between cabinet on … and …": not those
    return [
        m for m in records if m.committee in cues.committees and any(d.matches(m.day) for d in days)
    ]


def _of_meeting(document: PlanDocument, meeting: MeetingRecord) -> bool:
    """The document is the meeting's record, one of its papers, or its minutes; not the
    minutes of another day's meeting filed with this one's papers."""
    if document.id == meeting.document.id:
        return True
    meta = document.meta
    days = [day for t in (meta.title, meta.agenda_item) if t for day in title_days(t)]
    if meeting.day in days:
        return True
    minutes = any(_MINUTES.search(t) for t in (meta.title, meta.agenda_item) if t)
    return not (minutes and days) and any(p.id == document.id for p in meeting.papers)


def held_to_named_meeting(scope: Scope, query: Query, answer: Answer) -> Answer:
    """The answer, or a decline when the question names a meeting the records hold and
    the answer cites a document that is not that meeting's record, papers or minutes."""
    if not answer.answered or not answer.citations:
        return answer
    answer = with_speaker(scope, query, answer)  # a lettered point of a member's update
    answer = answers_asked(query, answer, meetings(scope), meeting_answers.today())
    if not answer.answered:
        return answer
    named = named_meetings(scope, query.text)
    if not named:
        return answer
    listed = {s.text for m in named for s in m.statements}
    for citation in answer.citations:
        if citation.quote in listed:
            continue  # a line of the named meeting's record (a paper as its agenda lists it)
        document = scope.document(citation.document_id)
        if document is None or not any(_of_meeting(document, m) for m in named):
            return _declined(query, named)
    return answer


def _declined(query: Query, named: list[MeetingRecord]) -> Answer:
    labels = " or ".join(f"the {m.committee} meeting of {long_date(m.day)}" for m in named)
    text = (
        f"The record and papers of {labels} do not say that, and another meeting's "
        "record would answer a different question."
    )
    return declined(query, text, named, reason="named meeting")
