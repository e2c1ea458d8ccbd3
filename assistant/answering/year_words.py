"""Financial years, counts and compounds written one way, so that a question's "2025/26"
is a header's "2025-26" and its "three-year plan" a title's "3 Year Plan".

Budget books and questions write the same year as "2025-26", "2025/26", "2025–26",
"25-26" or "2025-2026"; word matching treats each as a different word (or two). Only a
pair of consecutive years is rewritten: "2025-27", "12-14" and "£12-13m" stay as written.
A small count standing alone ("3 Year") is written as a word, as questions write it, and
a word joined by hyphens ("three-year") as its parts, and "yr" as "year"; figures ("£3m",
"3.5%") stay.
"""

from __future__ import annotations

import re

from assistant.text import number_words

_YEAR_PAIR = re.compile(
    r"(?<![\w/.,£$€-])((?:19|20)?\d{2})\s*[-/\u2013\u2014]\s*((?:19|20)?\d{2})(?![\w/.,]*\d)(?!\w)"
)


def consecutive(first: str, second: str) -> bool:
    """The second year follows the first, by their last two digits: "2026-27" and "25-26"
    are one financial year; "2025-28" spans three and "18-25" is an age band."""
    return int(second) % 100 == (int(first) + 1) % 100


def _one_year(match: re.Match[str]) -> str:
    """ "2025/26", "25-26", "2025-2026" → "2025-26"; other pairs of numbers as written."""
    first, second = match.group(1), match.group(2)
    start = int(first) if len(first) == 4 else 2000 + int(first)
    if not consecutive(str(start), second) or (len(second) == 4 and int(second) != start + 1):
        return match.group(0)
    return f"{start}-{(start + 1) % 100:02d}"


def financial_years(text: str) -> str:
    """``text`` with every financial year written one way ("2025-26")."""
    return _YEAR_PAIR.sub(_one_year, text)


_NUMBERS = list(number_words(12))
COUNT_WORDS = frozenset(_NUMBERS)
"""The counts ``one_way`` writes as words."""
_COUNT = re.compile(r"(?<![\w.,£$€/-])([1-9]|1[0-2])(?![\w.,%/-]*\d)(?![\w%])")
_YR = re.compile(r"\byrs?\b", re.IGNORECASE)
"""The short form of "year" ("the 3 yr plan")."""
_COMPOUND = re.compile(r"\b([a-z]+(?:-[a-z]+)+)\b", re.IGNORECASE)


def one_way(text: str) -> str:
    """``text`` with its financial years written one way, a small count in figures as a
    word ("3 Year" → "three Year") and a word joined by hyphens as its parts
    ("three-year" → "three year"): either way of writing names the same thing."""
    text = _COUNT.sub(lambda m: _NUMBERS[int(m.group(1)) - 1], financial_years(text))
    text = _YR.sub(lambda m: "years" if m.group(0).lower().endswith("s") else "year", text)
    return _COMPOUND.sub(lambda m: m.group(1).replace("-", " "), text)


_RELATIVE = re.compile(
    r"\b(this|current|next|coming|last|previous)\s+(?:financial\s+)?year\b", re.IGNORECASE
)
_SHIFT = {"this": 0, "current": 0, "next": 1, "coming": 1, "last": -1, "previous": -1}


def dated_years(text: str, day: str) -> str:
    """``text`` with "this year", "next year" and "last year" followed by the financial
    year they mean on ``day`` (a paper's "YYYY-MM-DD"; April starts a year): "revenue support
    grant this year vs 2025-26" of a March 2025 paper asks for its 2024-25 and 2025-26
    columns. Without a day, ``text`` as it is."""
    found = re.match(r"(\d{4})-(\d\d)", day or "")
    if not found:
        return text
    start = int(found.group(1)) - (1 if int(found.group(2)) < 4 else 0)

    def year(match: re.Match[str]) -> str:
        first = start + _SHIFT[match.group(1).lower()]
        return f"{match.group(0)} ({first}-{(first + 1) % 100:02d})"

    return _RELATIVE.sub(year, text)
