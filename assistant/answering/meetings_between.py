"""Which meetings were held between two meetings the question names.

"Which meeting was held in between cabinet on 30 jan and cabinet on 4 march?" names two
meetings by their days; the answer is every meeting the records hold, of any committee,
held after the first and before the second, each with its record's line saying when and
where it met. Both days must be days a meeting the records hold was held, so a day no
record has is not guessed at; with no meeting between them, that is said, citing the two.
"""

from __future__ import annotations

import re

from assistant.answering.meetings_cues import MeetingCues
from assistant.answering.meetings_record import MeetingRecord, long_date
from assistant.answering.meetings_statement import when_met
from assistant.answering.meetings_wording import declined
from assistant.answering.understand import Query
from assistant.models import Answer

_BETWEEN = re.compile(r"\bbetween\b", re.I)
_WHICH_MEETINGS = re.compile(r"\b(?:which|what|any)\s+(?:[a-z]+\s+){0,2}?meetings?\b", re.I)


def asks_between(text: str) -> bool:
    """Does the question ask which meetings came between two it names?"""
    return bool(_BETWEEN.search(text) and _WHICH_MEETINGS.search(text))


def held_between(query: Query, records: list[MeetingRecord], cues: MeetingCues) -> Answer | None:
    """The meetings held between the two the question names by day; ``None`` when it
    does not ask which meeting came between two days the records hold meetings on."""
    text = query.text
    if not asks_between(text):
        return None
    days = [d for d in cues.dates if d.day]
    if len(days) != 2:
        return None
    ends = [next((m for m in records if d.matches(m.day)), None) for d in days]
    if ends[0] is None or ends[1] is None:
        return None
    first, last = sorted([ends[0], ends[1]], key=lambda m: m.day)
    between = [m for m in records if first.day < m.day < last.day]
    if not between:
        return declined(
            query,
            f"The records hold no meeting between {long_date(first.day)} and "
            f"{long_date(last.day)}.",
            [first, last],
            reason="no meeting between",
        )
    return when_met(query, between, set())
