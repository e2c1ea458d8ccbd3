"""What a sentence of generated text claims: its numbers, months, seasons, ratings and names.

These are the checkable things the claim check looks for in the sources a sentence cites
(``assistant.llm.claim_check``); each is read the same way from the sentence and the sources.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from assistant.markers import strip_markers
from indexing.ratings import RATING_WORD, parse_rating

_SCALES = {
    "k": Decimal(1000),
    "thousand": Decimal(1000),
    "m": Decimal(10**6),
    "million": Decimal(10**6),
    "bn": Decimal(10**9),
    "billion": Decimal(10**9),
}
_NUMBER = re.compile(
    r"(?<![\d.,])(\d+(?:,\d{3})*(?:\.\d+)?)"
    r"(?:\s?(%|per ?cent\b|k\b|m\b|bn\b|thousand\b|million\b|billion\b))?",
    re.I,
)
_NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        [
            "zero",
            "_",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
    if w != "_"
}
_NUMBER_WORDS.update(
    {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
)
_NUMBER_WORD = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", re.I)
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_MONTH = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?"
)
_MONTH_ANY_CASE = re.compile(_MONTH.pattern, re.I)
SEASON = re.compile(r"\b(spring|summer|autumn|winter)\b", re.I)
_RATING_WORD = re.compile(rf"\b({RATING_WORD})\b", re.I)
_RATING_CONTEXT = re.compile(r"(?:\brated|\brating|\bRAG)\s*(?:of|is|was|as|at|:)?\s*$", re.I)
_CODE_COMBO = re.compile(r"(?<![\w/])([RAGC](?:\s?/\s?[RAGC])+)(?![\w/])")
_CODE_SINGLE = re.compile(
    r"(?:\(([RAGC])\)|(?:\brated|\brating|\bRAG(?: rating)?)\s*(?:of|is|was|as|:)?\s*([RAGC])\b)"
)
_CAPITALISED = re.compile(r"(?<![\w’'&-])([A-Z][\w’'&-]*)")
_STARTERS = re.compile(r"(?:^|[:;(“\"‘'—–•]|\s-)\s*$")
_GENERIC_NAMES = set(
    [
        "i",
        "council",
        "councils",
        "councillor",
        "councillors",
        "cllr",
        "cabinet",
        "mr",
        "mrs",
        "ms",
        "dr",
        "ref",
        "refs",
        "rag",
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "in",
        "on",
        "at",
        "for",
        "of",
        "to",
        "and",
        "but",
        "or",
        "as",
        "by",
        "with",
        "from",
        "our",
        "we",
        "they",
        "there",
        "their",
        "he",
        "she",
        "his",
        "her",
        "you",
        "your",
        "what",
        "which",
        "who",
        "when",
        "where",
        "how",
        "all",
        "some",
        "no",
        "not",
        "yes",
        "also",
        "however",
        "overall",
        "latest",
        "rating",
        "owner",
        "director",
        "section",
        "commitment",
        "commitments",
        "objective",
        "issue",
        "item",
        "items",
        "plan",
        "update",
        "quarter",
        "text",
        "due",
        "source",
        "sources",
    ]
)
"""Capitalised words that name no one: the council's own vocabulary and function words."""
ABSENCE = re.compile(
    r"\b(?:don[’']t|do not|does not|doesn[’']t|did not|didn[’']t|cannot|can[’']t|no information|nothing)\b.*?"
    r"\b(?:say|says|cover|covers|covered|give|gives|given|mention|mentions|include|includes|state|states|show|shows|answer|find|found|record|records)\b"
    r"|\bnot (?:covered|given|stated|mentioned|included|recorded|in the (?:documents|sources|plans?))\b",
    re.I,
)
COURTESY = re.compile(
    r"^(?:thank|thanks|i hope|hope this|please|let me know|i am happy|i'm happy|happy to|kind regards|best wishes)\b",
    re.I,
)


def _value(token: str, scale: str | None) -> tuple[Decimal, bool] | None:
    try:
        value = Decimal(token.replace(",", ""))
    except InvalidOperation:
        return None
    scale = (scale or "").lower().replace(" ", "")
    if scale in ("%", "percent"):
        return value, True
    return value * _SCALES.get(scale, Decimal(1)), False


def numbers(text: str, *, unscaled_too: bool = False) -> set[tuple[Decimal, bool]]:
    """Every number in ``text`` as (value with its scale applied, is-a-percentage).

    ``unscaled_too`` (for sources): "£1.2m" also offers 1.2, so "1.2 million" matches it.
    """
    found: set[tuple[Decimal, bool]] = set()
    for match in _NUMBER.finditer(strip_markers(text)):
        value = _value(match.group(1), match.group(2))
        if value is not None:
            found.add(value)
            if unscaled_too and match.group(2) and not value[1]:
                found.add(
                    (Decimal(match.group(1).replace(",", "")), False)
                )  # "£1.2m" also counts as 1.2
    for match in _NUMBER_WORD.finditer(text):
        found.add((Decimal(_NUMBER_WORDS[match.group(1).lower()]), False))
    return {(v.normalize(), pct) for v, pct in found}


def months(text: str, *, any_case: bool = False) -> set[int]:
    pattern = _MONTH_ANY_CASE if any_case else _MONTH
    found = set()
    for match in pattern.finditer(text):
        word = match.group(1)
        if word.lower() in ("may", "march") and not any_case:
            around = text[max(0, match.start() - 4) : match.end() + 5]
            if not re.search(r"\d", around):  # "May" the verb, "march" the walk
                continue
        found.add(MONTHS.index(word[:3].lower()) + 1)
    return found


def rating_claims(sentence: str, source_text: str) -> list[tuple[str, set[str]]]:
    """(word as written, codes it claims) for each rating the sentence states.

    A lower-case "green spaces" or "completed by" is an ordinary word when the cited text
    has the same two words; after "rated"/"rating", or capitalised, it is always a rating.
    """
    claims: list[tuple[str, set[str]]] = []
    text = strip_markers(sentence)
    lowered_source = " ".join(source_text.lower().split())
    for match in _RATING_WORD.finditer(text):
        word = match.group(1)
        if word.islower() and not _RATING_CONTEXT.search(text[: match.start()]):
            following = re.match(r"\s+([\w’'-]+)", text[match.end() :])
            if following and f"{word} {following.group(1).lower()}" in lowered_source:
                continue
        claims.append((word, {parse_rating(word) or word}))
    for match in _CODE_COMBO.finditer(text):
        claims.append((match.group(1), set(re.findall(r"[RAGC]", match.group(1)))))
    for match in _CODE_SINGLE.finditer(text):
        code = match.group(1) or match.group(2)
        claims.append((code, {code}))
    return claims


def names(sentence: str) -> list[str]:
    """Capitalised words — people, places, bodies — other than months, ratings and generic words.

    The first word of a sentence or clause is capitalised anyway, so it counts only when
    it is shaped like a name — an acronym ("DCLG"), "Blackburne-Maze", "O'Neill", "McLure" —
    or starts a run of capitalised words ("Michael Kelleher").
    """
    text = strip_markers(sentence)
    found = []
    for match in _CAPITALISED.finditer(text):
        word = re.sub(r"[’']s$", "", match.group(1))
        if word.lower() in _GENERIC_NAMES or _MONTH.fullmatch(word) or _RATING_WORD.fullmatch(word):
            continue
        if re.fullmatch(r"[RAGC]|Q[1-4]", word):
            continue
        before = text[: match.start()]
        if not before.strip() or _STARTERS.search(before):
            name_shaped = re.fullmatch(
                r"[A-Z][A-Z&]+[A-Za-z&]*|[A-Z]\w*[-’'][A-Z]\w*|Ma?c[A-Z]\w+", word
            )
            if not name_shaped and not re.match(r"\s+[A-Z][a-z]", text[match.end() :]):
                continue
        found.append(word)
    return found
