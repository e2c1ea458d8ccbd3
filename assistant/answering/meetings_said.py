"""What was said at a meeting: read from its printed minutes, not its papers.

A meeting's papers say what was put to it; what members and officers said there — who
introduced a report, what a cabinet member told the meeting, what the minutes record of
the discussion — is printed only in its minutes, which are a paper of the committee's
next meeting ("Minutes of the Meeting held on <day>", ``printed_minutes``). A question
that asks what someone said or did at a meeting ("who introduced the delivery plan
report?", "what did the finance member tell cabinet council tax would rise by?"), or asks
"according to the minutes" of a meeting it names by its committee or day, is answered
from those minutes when they are held; otherwise ``None`` and the question goes on to
the meeting's own papers.
"""

from __future__ import annotations

import re

from assistant.answering.meetings_cues import MeetingCues
from assistant.answering.meetings_officers import printed_minutes
from assistant.answering.meetings_papers import paper_answer
from assistant.answering.meetings_record import MeetingRecord
from assistant.answering.meetings_words import MEETING_WORDS, SPEAKER
from assistant.answering.scope import Scope
from assistant.answering.understand import Query
from assistant.models import Answer

SPOKEN = re.compile(
    r"\b(?:introduc(?:e|ed|es|ing)|told|tell|tells|explain(?:ed|s)?|spoke|speak|"
    r"mention(?:ed|s)?|highlight(?:ed|s)?|thank(?:ed|s)?|stress(?:ed|es)?|"
    r"emphasi[sz](?:ed|es)?|warn(?:ed|s)?|remark(?:ed|s)?)\b",
    re.I,
)
"""What a person said or did at the meeting: only its minutes record it."""
PER_MINUTES = re.compile(
    r"\b(?:according\s+to|per|in)\s+(?:the\s+)?(?:\w+\s+){0,2}?minutes\b"
    r"|\bminutes\s+(?:say|said|says|record|recorded|records|show|showed|shows|note|noted)\b",
    re.I,
)
"""The question names the minutes as where its answer is."""
PRESENTED = re.compile(r"\bwho\b.*\bpresent(?:ed|s)\b", re.I)
"""Who presented a report: the minutes say who introduced it."""


def said_in_minutes(
    scope: Scope,
    query: Query,
    pool: list[MeetingRecord],
    records: list[MeetingRecord],
    cues: MeetingCues,
) -> Answer | None:
    """The answer from the printed minutes of the meetings in ``pool`` when the question
    asks what was said there (see the module); else ``None``."""
    text = query.text
    spoken = SPOKEN.search(text) or PRESENTED.search(text)
    if cues.subject_dates and not spoken:  # "the minutes of 9 January": ``minutes_of``
        return None  # reads those; "who introduced the November report?" names a report
    if not (spoken or PER_MINUTES.search(text)):
        return None
    papers = list(dict.fromkeys(p for m in pool for p in printed_minutes(records, m)))
    if not papers:
        return None
    # the member who spoke is who said it, not what it was about: the minutes name a
    # speaker once for a paragraph of what they said
    rest = SPEAKER.sub(" ", PER_MINUTES.sub(" ", cues.rest))
    return paper_answer(scope, query, papers, rest, MEETING_WORDS)
