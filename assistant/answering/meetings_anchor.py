"""A meeting counted from another committee's meeting: "the next cabinet after the budget
council", "cabinet's last meeting before the 13 February full council".

A question may name two committees: the one it asks about, and the one whose meeting it
counts from. The meeting counted from is the one the date names ("after the February 2025
budget council"): of the committees named, the one that met on that date (or in that
month) is the anchor, and its meeting's own day is the day counted from — not the first
of the month, which would take a meeting earlier in the month for "after". The question is
then about the other committees' meetings alone.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from assistant.answering.meetings_cues import DateCue, MeetingCues
from assistant.answering.meetings_record import MeetingRecord


def anchored(cues: MeetingCues, records: list[MeetingRecord]) -> MeetingCues:
    """The cues with the anchor set to the day of the one named committee's meeting it
    names, and that committee dropped from those asked about; unchanged when the
    question names one committee, or the date fits no single meeting of one of them."""
    anchor = cues.anchor
    if anchor is None or len(cues.committees) < 2:
        return cues
    held = [m for m in records if m.committee in cues.committees and anchor.matches(m.day)]
    if len({m.committee for m in held}) != 1 or len(held) != 1:
        return cues
    meeting = held[0]
    day = replace(anchor, day=meeting.day.day, year=meeting.day.year, month=meeting.day.month)
    cues.dates = [day if d is anchor else d for d in cues.dates]
    cues.committees = [c for c in cues.committees if c != meeting.committee]
    return cues


def after(day: date, anchor: DateCue) -> bool:
    """After the day named (or the month's first day, when it names only a month)."""
    year = anchor.year or day.year
    return day > date(year, anchor.month, anchor.day or 1)


def before(day: date, anchor: DateCue) -> bool:
    """Strictly before the day named: the meeting before 4 March is not the one on it."""
    year = anchor.year or day.year
    return day < date(year, anchor.month, anchor.day or 1)
