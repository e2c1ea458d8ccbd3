"""Dates and periods as council papers write them, read to ISO dates and one spelling.

"Thursday 13 March 2025", "30th January, 2025", "4 March 2025", "13.02.25",
"13/02/2025", "2025-02-13" and "March 2025" are dates; "Quarter 3 2024/25",
"Q3 2024-25", "2025-26", "November 2024-25" are periods. Day-first, as British and
Irish papers write them.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for m in names
}
MONTH_PATTERN = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<weekday>{_WEEKDAY},?\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s*,?\s+(?:of\s+)?(?P<month>{MONTH_PATTERN})\.?,?\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_MONTH_DAY_YEAR = re.compile(
    rf"\b(?P<weekday>{_WEEKDAY},?\s+)?(?P<month>{MONTH_PATTERN})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_NUMERIC = re.compile(
    r"(?<![\d./-])(?P<day>[0-3]?\d)[./](?P<month>[01]?\d)[./](?P<year>(?:19|20)?\d\d)(?![\d./-])"
)
_ISO = re.compile(r"(?<![\d-])(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\d-])")
_MONTH_YEAR = re.compile(
    rf"\b(?P<month>{MONTH_PATTERN})\.?,?\s+(?P<year>(?:19|20)\d\d)\b(?![-/]\d)", re.IGNORECASE
)

_QUARTER = re.compile(
    r"\b(?:quarter|qtr|q)\s*(?P<q>[1-4])\b[\s,]*(?:of\s+)?(?P<year>(?:19|20)\d\d(?:\s*[/-]\s*(?:19|20)?\d\d)?)",
    re.IGNORECASE,
)
_MONTH_SPAN = re.compile(
    rf"\b(?P<month>{MONTH_PATTERN})\s+(?P<span>(?:19|20)\d\d\s*[/-]\s*(?:19|20)?\d\d)\b",
    re.IGNORECASE,
)
_SPAN = re.compile(r"(?<![\d/.-])(?P<span>(?:19|20)\d\d\s*[/-]\s*(?:19|20)?\d\d)(?![\d/.-])")


def _iso(year: int, month: int, day: int | None) -> str | None:
    try:
        if day is None:
            date(year, month, 1)
            return f"{year:04d}-{month:02d}"
        return date(year, month, day).isoformat()
    except ValueError:
        return None


class FoundDate:
    """A date found in text: its ISO form, where it starts and whether a weekday came with it."""

    def __init__(self, iso: str, start: int, weekday: bool) -> None:
        self.iso, self.start, self.weekday = iso, start, weekday


def find_dates(text: str) -> list[FoundDate]:
    """Every full date (day, month, year) in the text, in order."""
    found: list[FoundDate] = []
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        for m in pattern.finditer(text):
            month = _month_key(m.group("month"))
            iso = _iso(int(m.group("year")), month, int(m.group("day")))
            if iso:
                found.append(FoundDate(iso, m.start(), bool(m.group("weekday"))))
    for m in _NUMERIC.finditer(text):
        year = int(m.group("year"))
        year = year + 2000 if year < 100 else year
        iso = _iso(year, int(m.group("month")), int(m.group("day")))
        if iso:
            found.append(FoundDate(iso, m.start(), False))
    for m in _ISO.finditer(text):
        iso = _iso(int(m.group("year")), int(m.group("month")), int(m.group("day")))
        if iso:
            found.append(FoundDate(iso, m.start(), False))
    return sorted(found, key=lambda d: d.start)


def _month_key(word: str) -> int:
    word = word.lower().rstrip(".")
    return MONTHS.get(word) or MONTHS[word[:3]]


def parse_date(text: str) -> str | None:
    """The first date in the text as ISO (``2025-03-13``), a month alone as ``2025-03``."""
    dates = find_dates(text)
    if dates:
        return dates[0].iso
    if _DAY_MONTH_YEAR.search(text):  # a day that month does not have: no date, not the month
        return None
    m = _MONTH_YEAR.search(text)
    return _iso(int(m.group("year")), _month_key(m.group("month")), None) if m else None


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def parse_period(text: str) -> str | None:
    """The period a text names: ``"Quarter 3, 2024/25"`` → ``"Q3 2024/25"``;
    ``"November 2024-25"`` and ``"2025-26"`` as written."""
    m = _QUARTER.search(text)
    if m:
        return f"Q{m.group('q')} {_squeeze(m.group('year'))}"
    m = _MONTH_SPAN.search(text)
    if m:
        return f"{m.group('month').capitalize()} {_squeeze(m.group('span'))}"
    m = _SPAN.search(text)
    if m:
        span = _squeeze(m.group("span"))
        first, second = re.split(r"[/-]", span)
        tail = int(second[-2:])
        if (tail - int(first[-2:])) % 100 in range(1, 16):  # a span of years, not "2025-03"
            return span
    return None
