"""What a question names that a source cannot hold: a council no document speaks of, a
month of a year the chosen source does not print, or a subject the source shares no
word of.

All are declines, not filters: "what is Eastshire County Council's forecast overspend"
over papers that never name Eastshire is not answered with another council's overspend;
"how many notices were received in April 2025" is not answered from a table whose months
stop before April 2025; "missed bin collections per 100,000 in q3" is not answered by
another measure per 100,000 of the same quarter. A wrong figure is worse than saying the
papers do not give it.
"""

from __future__ import annotations

import re

from assistant.answering.word_forms import joined_words, with_joined
from indexing.readers.dates import MONTHS
from indexing.terms import TermStats, content_stems, is_english_word

_BODY = re.compile(
    r"\b([a-z][a-z'’-]+?)(?:['’]s)?\s+"
    r"((?:(?:county|borough|district|city|parish|town|metropolitan|and)\s+)*)council\b",
    re.I,
)
"""A name before "council" / "county council" / "city and county council"."""

_NOT_A_NAME = frozenset(
    "full local whole each every other another neighbouring next last previous same new "
    "our your their this that which what whose".split()
)
"""Words before "council" that say which sitting or which council, not where."""

_IN_PLACE = re.compile(r"\bin\s+([a-z][a-z'’-]{3,})\s*[?.!]*\s*$", re.I)
"""A place the question ends on: "… issued in <place>?"."""

_OWNER = re.compile(r"\b([a-z][a-z-]{3,})['’]s\b", re.I)
"""A name the question makes an owner of: "<place>'s overspend"."""

_ABBREVIATION = {number: name for name, number in MONTHS.items() if len(name) == 3}
"""Month number → its three letters ("jan" … "dec")."""
_MONTH_YEAR = re.compile(
    r"\b(" + "|".join(_ABBREVIATION.values()) + r")[a-z]*\.?[\s,-]+(20\d\d)\b", re.I
)
"""A month with its year, as a question asks it: "in april 2025", "feb 2024"."""
_MONTH_SPAN = re.compile(
    r"\b(?:"
    + "|".join(_ABBREVIATION.values())
    + r")[a-z]*\.?\s*[-\u2013\u2014]\s*("
    + "|".join(_ABBREVIATION.values())
    + r")[a-z]*\.?\s*[-'\u2019]?\s*(\d\d)\b(?![:.]\d)",
    re.I,
)
"""A span of months with a short year, as tables head quarters: "apr-jun 24" ends in
June 2024."""


def unknown_body(terms: TermStats, question: str, publishers: frozenset[str] = frozenset()) -> bool:
    """The question names a council ("eastshire county council …"), ends on a place
    ("… issued in eastshire?") or makes one an owner ("eastshire's overspend") by a word
    no document of the scope uses at all, nor names as its publisher (``publishers``,
    stems): no paper can be about it."""
    # Before a bare "council" an English word is not a name: "… say council tax would
    # go up" uses "council" of the council itself. With the kind of council between
    # ("surrey county council") or after "in" at the end, the word is named as a place.
    names = [
        m.group(1)
        for m in _BODY.finditer(question)
        if m.group(2).strip() or not is_english_word(m.group(1).lower())
    ]
    names += [m.group(1) for m in _IN_PLACE.finditer(question)]
    names += [m.group(1) for m in _OWNER.finditer(question)]
    for name in names:
        if name.lower() in _NOT_A_NAME:
            continue
        stems = content_stems(name)
        if stems and all(terms.df.get(stem, 0) == 0 and stem not in publishers for stem in stems):
            return True
    return False


def asked_months(question: str) -> list[tuple[int, str]]:
    """(month number, year) of each month-and-year the question names."""
    found = []
    for match in _MONTH_YEAR.finditer(question):
        found.append((MONTHS[match.group(1).lower()], match.group(2)))
    for match in _MONTH_SPAN.finditer(question):  # "apr-jun 23": its last month, June 2023
        found.append((MONTHS[match.group(1).lower()], f"20{match.group(2)}"))
    return found


def month_held(month: int, year: str, text: str) -> bool:
    """Does ``text`` print this month of this year: "April 2025", "1st April, 2025",
    "Apr-25", "Apr 25", "2025-04" or "04/2025"?"""
    name = _ABBREVIATION[month]
    patterns = (
        rf"\b{name}[a-z]*\.?[\s,-]*(?:(?:20)?{year[2:]})\b",
        rf"\b{year}-{month:02d}\b",
        rf"\b0?{month}/{year}\b",
    )
    return any(re.search(p, text, re.I) for p in patterns)


def months_held(question: str, text: str) -> bool:
    """Every month-and-year the question names is printed in ``text``."""
    return all(month_held(m, y, text) for m, y in asked_months(question))


_NOT_SUBJECT = re.compile(r"^(?:\d[\d,.]*|q[1-4]|20\d\d|per|cent|percent|percentage|number)$")
"""Words that say how or when a thing is counted (a figure, a quarter, a year, "per"),
not what is counted."""


_MONTH_STEMS = frozenset(content_stems(" ".join(MONTHS)))
"""Months as the question's stems spell them ("januari", "dec", "sept"): when, not what;
"decision" and "marketing" are subjects."""


def subject_held(terms: TermStats, question: str, text: str) -> bool:
    """Some word of what the question is about (not a place, a figure, a period or a unit)
    is in ``text``: "missed bin collections per 100,000 in q3" is not answered by a
    sentence that shares only "per 100,000" and the report's quarter."""
    asked = content_stems(question) - terms.places - _MONTH_STEMS
    asked = {s for s in asked if not _NOT_SUBJECT.match(s)}
    return not asked or bool(asked & with_joined(joined_words(question), content_stems(text)))
