"""Days a question names relative to today: "yesterday", "last Tuesday", "next week".

A meeting question may place its meeting by today's date rather than by a calendar date
("what did cabinet decide last Tuesday?", "what's on at full council next week?"). This
module turns such a phrase into the span of days it means, counted from the date the
answering treats as today, so the question is answered from a meeting in that span or
declined as one the corpus holds no meeting for — never answered from another meeting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RELATIVE = re.compile(
    r"\b(?:(yesterday|today|tonight|tomorrow)(?:'s|’s)?"
    r"|(last|this|next|coming|on)\s+(" + "|".join(_WEEKDAYS) + r")"
    r"|(last|this|next|coming)\s+(week|month|fortnight))\b",
    re.I,
)


@dataclass
class RelativeDays:
    """The first and last day a relative phrase means, the phrase, and where it stood."""

    first: date
    last: date
    phrase: str
    start: int
    end: int


def relative_days(text: str, today: date) -> RelativeDays | None:
    """The span of the first relative day phrase in ``text``, or ``None``."""
    found = _RELATIVE.search(text)
    if found is None:
        return None
    word, which, weekday, which_span, unit = found.groups()
    if word:
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word.lower()]
        first = last = today + timedelta(days=offset)
    elif weekday:
        first = last = _weekday(today, _WEEKDAYS.index(weekday.lower()), which.lower())
    else:
        first, last = _span(today, which_span.lower(), unit.lower())
    phrase = re.sub(r"['’]s$", "", found.group(0))
    return RelativeDays(first, last, phrase, found.start(), found.end())


def _weekday(today: date, weekday: int, which: str) -> date:
    """ "last Tuesday": the latest Tuesday before today; "next"/"coming"/"on": the first
    after today (today itself for "this"/"on" when today is that day)."""
    ahead = (weekday - today.weekday()) % 7
    if which == "last":
        return today - timedelta(days=(today.weekday() - weekday) % 7 or 7)
    if which in ("next", "coming") and ahead == 0:
        ahead = 7
    return today + timedelta(days=ahead)


def _span(today: date, which: str, unit: str) -> tuple[date, date]:
    if unit == "month":
        first = today.replace(day=1)
        if which == "last":
            first = (first - timedelta(days=1)).replace(day=1)
        elif which in ("next", "coming"):
            first = (first + timedelta(days=32)).replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return first, last
    monday = today - timedelta(days=today.weekday())
    step = {"last": -7, "this": 0, "next": 7, "coming": 7}[which]
    first = monday + timedelta(days=step)
    return first, first + timedelta(days=13 if unit == "fortnight" else 6)
