"""The days of a month a question names ("the 4 march cabinet", "on 13th feb") and
whether an answer's text names another; whether a text speaks of a quarter.

A question that names its meeting by day is not answered by a paper of another day's
meeting that shares its words: "what time was the 4 march cabinet meeting meant to
finish" is not answered by the 13 February council's "scheduled to end by 5.00 pm".
"""

from __future__ import annotations

import calendar
import re

from assistant.answering.asked_subject import normal_days

_MONTH = "(" + "|".join(calendar.month_name[1:]).lower() + ")"
"""A month's name in full ("13 feb" is written "13 february" first: ``normal_days``)."""
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:\s+|\s*-\s*)(?:of\s+)?{_MONTH}\b", re.I)


def days_named(text: str) -> set[tuple[int, str]]:
    """(day, month) of each day of a month the text names in words ("13th Feb", "13
    February"). A date in figures ("2025-03-04") is a paper's own date, which for minutes
    published with a later meeting's papers is not the day they record. A month before a number is not read as a day: "may 24"
    is a month of 2024 as often as a day."""
    text = normal_days(text)
    found = {(int(d), m.lower()) for d, m in _DAY_MONTH.findall(text)}
    return {(d, m) for d, m in found if 1 <= d <= 31}


def without_days_asked(question: str, text: str) -> str:
    """``text`` (its days written one way) without the days the question itself names,
    with their years ("Thursday, 13th February, 2025" of "the 13 february meeting"): a
    sentence that only repeats the question's day gives no date of its own."""
    asked = days_named(question)
    text = normal_days(text)
    if not asked:
        return text

    def drop(match: re.Match[str]) -> str:
        return " " if (int(match.group(1)), match.group(2).lower()) in asked else match.group(0)

    return re.sub(
        rf"\b(\d{{1,2}})\s+(?:of\s+)?{_MONTH},?(?:\s+(?:19|20)\d{{2}})?", drop, text, flags=re.I
    )


def other_day(question: str, held: str) -> str | None:
    """The day the question names, as it names it, when the answer's text names days of
    months and none of them is one asked; None otherwise."""
    asked = days_named(question)
    if not asked:
        return None
    given = days_named(held)
    if not given or asked & given:
        return None
    day, month = sorted(asked)[0]
    return f"{day} {month.capitalize()}"


def quarter_printed(quarter: str, text: str) -> bool:
    """The text speaks of this quarter: "Q1", "Quarter 1", "Quarters 1 & 2"."""
    listed = r"(?:[1-4]\s*(?:&|and|,|-|to)\s*)*"
    return bool(re.search(rf"\bq{quarter}\b|\bquarters?\s*{listed}{quarter}\b", text, re.I))
