"""Which meeting had a paper: "which meeting had the LEVI amendment on its agenda?",
"which cabinet meeting had the reserves policy among its papers?".

The question names a paper, not a meeting; the records list each meeting's papers under
the agenda item they were published for. The paper is found by its name, as a request
for it would be (``paper_request.requested_papers``), and the meeting is the one whose
record lists it: that line of the record is quoted, with the item it was a paper for.
"""

from __future__ import annotations

import re
from pathlib import Path

from assistant.answering import meetings_cues as cue
from assistant.answering.meetings_record import MeetingRecord, Statement, long_date
from assistant.answering.meetings_wording import answer_of
from assistant.answering.paper_request import requested_papers
from assistant.answering.scope import Scope
from assistant.answering.understand import Query
from assistant.models import Answer, PlanDocument

ASKS_MEETING_OF = re.compile(
    r"\b(?:which|what)\s+(?:[a-z]+\s+){0,2}?meeting\b(?![^?]*\b(?:before|after|next|last)\b)",
    re.I,
)
"""The meeting asked for by what it had, not by its place in the run of meetings."""
_ASKING = re.compile(
    r"\b(?:which|what)\s+(?:[a-z]+\s+){0,2}?meeting\b|\b(?:had|have|has|was|were|is|did|"
    r"on|its|their|agenda|among|papers?|considered|discussed|received|debated|went|to)\b",
    re.I,
)
"""Words of asking which meeting, left out of the paper's name."""


def meeting_of_paper(scope: Scope, query: Query, records: list[MeetingRecord]) -> Answer | None:
    """The meeting among ``records`` whose record lists the paper the question names,
    the record's line for it quoted; ``None`` when the question does not ask which
    meeting, names no paper, or no record lists it."""
    if not ASKS_MEETING_OF.search(query.text) or cue.DECIDE.search(query.text):
        return None  # "which meeting decided …": the decision answers, not a paper's listing
    named = requested_papers(scope, _ASKING.sub(" ", query.text))
    if len(named) != 1:
        return None
    paper = named[0]
    for meeting in records:
        listed = next((s for s in meeting.of_kind("paper") if _lists(s, paper)), None)
        if listed is None:
            continue
        header = _item_of(meeting, listed)
        line = f"The {meeting.committee} meeting of {long_date(meeting.day)} had {paper.meta.title}"
        if header is None:
            return answer_of(query, [f"{line} among its papers."], [(meeting, listed)], [])
        item = re.match(r"Papers for (item .+?) of the ", header.text)
        line += f" among the papers for {item.group(1) if item else header.text}."
        lines = [line, f"Paper: {paper.meta.title}"]
        return answer_of(query, lines, [(meeting, header), (meeting, listed)], [])
    return None


def _lists(statement: Statement, paper: PlanDocument) -> bool:
    """Does the record's paper line name this paper's file ("(appendix-g-….pdf)")?"""
    return f"({Path(paper.meta.file).name})" in statement.text


def _item_of(meeting: MeetingRecord, listed: Statement) -> Statement | None:
    """The record's line introducing the agenda item a paper is listed under ("Papers for
    item 6 (Draft Revenue Budget …) of the Cabinet meeting of 30 January 2025:")."""
    return next(
        (
            s
            for s in meeting.of_kind("papers")
            if listed.item_number and s.item_number == listed.item_number
        ),
        None,
    )
