"""Text normalisation for scoring: the same fact written two ways must match.

Plan documents and answers write one figure several ways — "5,252" and "5252",
"13.06.17", "13/06/2017" and "13 June 2017", curly and straight quotes, a line break
inside a phrase — and a score that depends on which way was used measures typography,
not correctness. Both sides of every comparison go through ``normalise`` first.
"""

from __future__ import annotations

import re

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_NUMERIC_DATE = re.compile(r"(?<![\d.])(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})(?![\d.]*\d)")
_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\.?,?\s+(\d{{4}})\b", re.I
)
_MONTH_DAY_YEAR = re.compile(
    rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I
)
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_AFTER_FRACTION = re.compile(r"(\d\.\d+),(?=\d)")
"""A comma after a decimal fraction separates two figures ("87.7,80.6,100,90", a CSV's
cells); it is never a thousands separator."""
_QUOTES = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "′": "'", "`": "'", "“": '"', "”": '"', "„": '"', "″": '"'}
)
_DASHES = re.compile(r"[‐‑‒–—―−]")
_WORD_HYPHEN = re.compile(r"(?<=[^\W\d])-(?=[^\W\d])")
"""A hyphen between letters: "One-Stop Shop" and "One Stop Shop" are the same words."""
_NUMBER = re.compile(r"\d+(?:\.\d+)*")
_CODE_FACT = re.compile(r"^[A-Z][A-Z/&.]{0,5}$")
"""Initials and rating codes ("AM", "G/A", "C"): matched with their case, as whole tokens."""


def _iso(day: str, month: int, year: str) -> str | None:
    d = int(day)
    y = int(year)
    if len(year) == 2:
        y += 2000 if y < 70 else 1900
    if not (1 <= d <= 31 and 1 <= month <= 12):
        return None
    return f"{y:04d}-{month:02d}-{d:02d}"


def normalise_dates(text: str) -> str:
    """Every day-month-year date becomes ``YYYY-MM-DD`` (UK order for numeric dates)."""

    def numeric(m: re.Match[str]) -> str:
        return _iso(m.group(1), int(m.group(2)), m.group(3)) or m.group(0)

    def words(m: re.Match[str]) -> str:
        return _iso(m.group(1), _MONTHS[m.group(2).lower()], m.group(3)) or m.group(0)

    def american(m: re.Match[str]) -> str:
        return _iso(m.group(2), _MONTHS[m.group(1).lower()], m.group(3)) or m.group(0)

    text = _NUMERIC_DATE.sub(numeric, text)
    text = _DAY_MONTH_YEAR.sub(words, text)
    return _MONTH_DAY_YEAR.sub(american, text)


def normalise(text: str, *, keep_case: bool = False) -> str:
    """Quotes, dashes (and hyphens between words), markdown emphasis, thousands
    separators, dates and whitespace made uniform; lower-cased unless ``keep_case``."""
    text = text.translate(_QUOTES)
    text = _DASHES.sub("-", text)
    text = _WORD_HYPHEN.sub(" ", text)
    text = text.replace("**", "").replace("__", "").replace('"', "")
    text = _THOUSANDS.sub("", _AFTER_FRACTION.sub(r"\1, ", text))
    text = normalise_dates(text)
    text = " ".join(text.split())
    return text if keep_case else text.lower()


def contains(text: str, phrase: str) -> bool:
    """Does ``text`` hold ``phrase`` (both normalised) as whole words?

    Whole words, so the fact "12" is not found in "2012" and "AM" not in "Amber".
    Short all-capital facts (initials, rating codes) keep their case: "AM" the owner's
    initials is not the word "am".
    """
    keep_case = bool(_CODE_FACT.match(phrase.strip()))
    needle = normalise(phrase, keep_case=keep_case)
    if not needle:
        return False
    haystack = normalise(text, keep_case=keep_case)
    return (
        re.search(
            _edge(needle[0], before=True) + re.escape(needle) + _edge(needle[-1], before=False),
            haystack,
        )
        is not None
    )


def _edge(char: str, *, before: bool) -> str:
    """The boundary a phrase needs at one end: a word is not part of "Green/Amber" or a
    longer word; a figure is not part of a longer figure ("12" in "12.1" or "2012")."""
    if char.isalpha():
        return r"(?<![\w/])" if before else r"(?![\w/])"
    if char.isdigit():
        return r"(?<!\w)(?<!\d\.)" if before else r"(?!\w)(?!\.\d)"
    return ""


def numbers(text: str) -> list[str]:
    """The figures in ``text`` after normalisation: "5,252" → "5252", "06" → "6",
    "13.06.17" → "2017", "6", "13" (a date's parts, so any way of writing it compares equal)."""
    found = []
    for token in _NUMBER.findall(normalise(text).replace("-", " ")):
        head, _, tail = token.partition(".")
        found.append(str(int(head)) + (f".{tail}" if tail else ""))
    return found


def states_count(text: str, count: int) -> bool:
    """Does the answer state ``count`` as a figure ("0 items…"; "no items"/"none" for 0)?

    Number words are not accepted: "one" is in "One Stop Shop", not a count.
    """
    if str(count) in numbers(text):
        return True
    return (
        count == 0
        and re.search(r"\b(?:none|no (?:items?|commitments?|actions?))\b", text, re.I) is not None
    )
