"""Ratings and directions of travel: the one vocabulary every layer reads them with.

Councils write the same red/amber/green scale many ways — ``R``, ``RED``, ``Red``,
``Green (above target)``, ``On track``, ``Met``, ``Complete``, ``G/A`` — and the arrow
of a direction of travel as ``↑``, ``Improving`` or ``Better``. A rating is normalised to
codes (``R``, ``A``, ``G``, ``C``; combinations joined by ``/``) and the document's own
word is kept beside it, so an answer can say both.
"""

from __future__ import annotations

import re

RATING_WORDS: dict[str, str] = {"R": "Red", "A": "Amber", "G": "Green", "C": "Complete"}
"""Codes → the words answers print (C = complete)."""

RATING_WORD = "|".join([*(w.lower() for w in RATING_WORDS.values()), "completed"])
"""The rating words as a regex alternation (``red|amber|green|complete|completed``), for finding
a rating said in words in free text; ``parse_rating`` gives its code."""

RAG_COLOUR = "|".join(RATING_WORDS[code].lower() for code in "RAG")
"""The three colours of the scale (``red|amber|green``): a rating that can move or be asked for
("moved from green to amber"); "complete" is also an ordinary word of a question."""

DIRECTION_WORDS: dict[str, str] = {
    "↑": "improving",
    "↓": "worsening",
    "↔": "no change",
    "↕": "varies",
}

_WORD_CODES: dict[str, str] = {
    "r": "R",
    "red": "R",
    "off track": "R",
    "not met": "R",
    "missed": "R",
    "below target": "R",
    "not on track": "R",
    "significantly off track": "R",
    "failed": "R",
    "a": "A",
    "amber": "A",
    "at risk": "A",
    "some risk": "A",
    "partially met": "A",
    "close to target": "A",
    "slightly off track": "A",
    "minor concerns": "A",
    "yellow": "A",
    "g": "G",
    "green": "G",
    "on track": "G",
    "met": "G",
    "achieved": "G",
    "on target": "G",
    "above target": "G",
    "exceeded": "G",
    "good": "G",
    "no concerns": "G",
    "c": "C",
    "complete": "C",
    "completed": "C",
    "done": "C",
    "finished": "C",
    "action complete": "C",
    "blue": "C",
    "delivered": "C",
}
"""Every spelling of a rating, lower-cased, with the code it stands for."""

_GLOSS = re.compile(r"\s*[\(\[–—-].*$")
"""What follows a rating word as its explanation: "Green (above target)", "Red – below"."""

_DIRECTION_CODES: dict[str, str] = {
    "↑": "↑",
    "⬆": "↑",
    "▲": "↑",
    "improving": "↑",
    "improved": "↑",
    "better": "↑",
    "up": "↑",
    "↓": "↓",
    "⬇": "↓",
    "▼": "↓",
    "worsening": "↓",
    "worsened": "↓",
    "worse": "↓",
    "down": "↓",
    "declining": "↓",
    "deteriorating": "↓",
    "deteriorated": "↓",
    "↔": "↔",
    "⬌": "↔",
    "→": "↔",
    "◄►": "↔",
    "no change": "↔",
    "unchanged": "↔",
    "same": "↔",
    "stable": "↔",
    "static": "↔",
    "steady": "↔",
    "maintained": "↔",
    "↕": "↕",
    "varies": "↕",
    "mixed": "↕",
}


def parse_rating(text: str | None) -> str | None:
    """The rating codes a cell or phrase states, or None when it states no rating.

    ``"Green (above target)"`` → ``G``; ``"G / A"``, ``"Green/Amber"`` → ``G/A``;
    ``"On track"`` → ``G``; ``"For info only"``, ``""``, ``"n/a"`` → None.
    """
    if not text:
        return None
    cleaned = " ".join(str(text).replace("\u00a0", " ").split()).strip(" .:;*")
    if not cleaned or len(cleaned) > 60:
        return None
    lowered = cleaned.lower()
    whole = _WORD_CODES.get(lowered) or _WORD_CODES.get(_GLOSS.sub("", lowered).strip())
    if whole:
        return whole
    parts = [p.strip() for p in re.split(r"\s*[/&]\s*|\s+to\s+", lowered) if p.strip()]
    if len(parts) < 2 or len(parts) > 3:
        return None
    codes = [_WORD_CODES.get(_GLOSS.sub("", part).strip()) for part in parts]
    if any(code is None for code in codes):
        return None
    return "/".join(code for code in codes if code)


def parse_rating_strict(text: str) -> str:
    """Like ``parse_rating`` but for what a person typed: an unknown word is an error."""
    code = parse_rating(text)
    if code is None:
        raise ValueError(
            f"unknown rating '{text}': use R, A, G, C or red, amber, green, complete "
            "(combinations like G/A too)"
        )
    return code


def rating_words(code: str | None) -> str | None:
    """``G/A`` → ``Green/Amber``."""
    if not code:
        return None
    return "/".join(RATING_WORDS.get(part, part) for part in code.split("/"))


def rating_codes(code: str | None) -> list[str]:
    """``G/A`` → ``["G", "A"]``: the codes a combined rating includes."""
    return [part for part in (code or "").split("/") if part]


def parse_direction(text: str | None) -> str | None:
    """The arrow a direction-of-travel cell states (``↑ ↓ ↔ ↕``), or None."""
    if not text:
        return None
    cleaned = " ".join(str(text).split()).strip(" .:;").lower()
    if not cleaned or len(cleaned) > 30:
        return None
    return _DIRECTION_CODES.get(cleaned) or _DIRECTION_CODES.get(_GLOSS.sub("", cleaned).strip())


def rating_change(previous: str | None, latest: str | None) -> str | None:
    """``↑`` when a rating moved towards Green, ``↓`` towards Red, ``↔`` when the same."""
    order = {"R": 0, "A": 1, "G": 2, "C": 3}
    if not previous or not latest:
        return None
    before = [order[c] for c in rating_codes(previous) if c in order]
    after = [order[c] for c in rating_codes(latest) if c in order]
    if not before or not after:
        return None
    a, b = min(before), min(after)
    return "↔" if a == b else ("↑" if b > a else "↓")
