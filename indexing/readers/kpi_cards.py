"""KPI cards: the values of one indicator as a performance report prints them.

A report gives each indicator a "card": its name, its rating word beside it, and a line
of labelled values — ``Latest: 94% Target: 90%, Floor: 80% Previous: 97% (Green)`` — in
whatever order and spelling the report uses (``Actual``, ``Current``, ``Outturn``,
``Floor standard``, ``Last quarter``…). A card may come out of a loader as a small table
(name and rating in the header row, the values in a body row) or as plain paragraphs;
both are read here from the one stream of text units. Running text that states a rating
with its figure ("giving a Green RAG rating of 94%") is read as a ``RatingStatement``.

Nothing here knows any report's indicators: names, ratings and values come from the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel, Field

from indexing.blocks import Block, BlockKind
from indexing.ratings import parse_direction, parse_rating
from indexing.text import sentences

LABELS: dict[str, tuple[str, ...]] = {
    "latest": ("latest", "actual", "current", "outturn", "result", "this quarter", "this period"),
    "target": ("target",),
    "floor": ("floor standard", "floor", "minimum standard", "minimum"),
    "previous": (
        "previous quarter",
        "previous",
        "last quarter",
        "last period",
        "prior",
        "last time",
    ),
    "direction": ("direction of travel", "dot", "trend"),
}
"""Card labels by the role of the value they introduce (longest spelling first)."""

_LABEL_ROLE = {spelling: role for role, spellings in LABELS.items() for spelling in spellings}
_LABEL_RE = "|".join(sorted((re.escape(s) for s in _LABEL_ROLE), key=len, reverse=True))
_NUMBER = r"[-+]?[£$€]?\s?\d(?:[\d,]*\d)?(?:\.\d+)?\s?(?:%|pp|k|m|bn|p)?(?![\w])"
_PAIR = re.compile(
    rf"\b(?P<label>{_LABEL_RE})\b\s*(?:\((?P<period>[^)]{{2,24}})\))?\s*(?:(?P<colon>[:=])\s*|(?=[-+£$€\d]))"
    rf"(?P<value>{_NUMBER}|[↑↓↔↕⬆⬇▲▼→]|improving|worsening|no change|stable|declining)"
    r"(?:\s*\((?P<gloss>[^)]{1,30})\))?",
    re.IGNORECASE,
)
"""``Label: value (gloss)``; a colon is optional only before a number (``Floor 85%``)."""

_JOINER = re.compile(r"^[\s,;|/–—-]*$")
_PERIOD = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*[\s-]*\d{2,4}$"
    r"|^q[1-4]\s*\d{2,4}(?:/\d{2,4})?$|^quarter\s*[1-4]",
    re.IGNORECASE,
)
_RATING_TOKEN = re.compile(r"\b(?:RED|AMBER|GREEN|BLUE|YELLOW)\b")
"""A rating printed in capitals beside a card's name: a colour of the RAG scale (words
such as GOOD or MET in capitals may be part of the name)."""
_RATING_STATEMENT = re.compile(
    r"\b(?P<rating>red|amber|green|blue)\s+(?:rag\s+)?(?:rating|rated|status)\s+(?:of|at)\s+"
    rf"(?P<value>{_NUMBER})",
    re.IGNORECASE,
)


class Unit(BaseModel):
    """One piece of running text: a paragraph, heading, list item or table row joined."""

    text: str
    page: int | None = None
    line: int | None = None
    section: str | None = None
    block: int = 0
    is_heading: bool = False
    level: int = 0


class Card(BaseModel):
    """One indicator's card as written: its name, values by role, ratings and place."""

    name: str
    values: dict[str, str] = Field(default_factory=dict)
    rating_label: str | None = None
    previous_label: str | None = None
    direction: str | None = None
    period: str | None = None
    text: str = ""
    page: int | None = None
    line: int | None = None
    section: str | None = None
    block: int = 0


class RatingStatement(BaseModel):
    """A sentence of running text stating a rating with its figure."""

    sentence: str
    rating_label: str
    value: str
    page: int | None = None
    section: str | None = None


def units(blocks: list[Block]) -> list[Unit]:
    """The document as text units in reading order, each with the heading it sits under."""
    out: list[Unit] = []
    section: str | None = None
    for index, block in enumerate(blocks):
        if block.kind is BlockKind.heading:
            section = block.text.strip() or section
            out.append(
                Unit(
                    text=block.text,
                    page=block.at.page,
                    line=block.at.line,
                    section=section,
                    block=index,
                    is_heading=True,
                    level=block.level,
                )
            )
        elif block.is_table:
            for cells in block.header:
                out.append(_row_unit(cells, block, block.at.page, block.at.line, section, index))
            for row in block.rows:
                page = row.at.page or block.at.page
                out.append(
                    _row_unit(row.cells, block, page, row.at.line or row.at.row, section, index)
                )
        elif block.text.strip():
            out.append(
                Unit(
                    text=block.text,
                    page=block.at.page,
                    line=block.at.line,
                    section=section,
                    block=index,
                )
            )
    return [unit for unit in out if unit.text.strip()]


def _row_unit(
    cells: list[str],
    block: Block,
    page: int | None,
    line: int | None,
    section: str | None,
    index: int,
) -> Unit:
    text = " ".join(cell.strip() for cell in cells if cell and cell.strip())
    return Unit(text=text, page=page, line=line, section=section, block=index)


def _groups(text: str) -> list[list[re.Match[str]]]:
    """Runs of label/value pairs that follow one another with only punctuation between."""
    groups: list[list[re.Match[str]]] = []
    for match in _PAIR.finditer(text):
        if groups and _JOINER.match(text[groups[-1][-1].end() : match.start()]):
            groups[-1].append(match)
        else:
            groups.append([match])
    return [g for g in groups if _is_card(g)]


def _is_card(group: list[re.Match[str]]) -> bool:
    roles = {_LABEL_ROLE[m.group("label").lower()] for m in group}
    return "latest" in roles and len(roles) >= 2


def split_rating_words(text: str) -> tuple[str, str | None]:
    """A name with the capitalised rating words printed beside it taken out:
    ``"… dealt with GREEN their call as good"`` → (``"… dealt with their call as good"``, ``"GREEN"``)."""
    found: str | None = None

    def drop(match: re.Match[str]) -> str:
        nonlocal found
        if parse_rating(match.group(0)):
            found = found or match.group(0)
            return " "
        return match.group(0)

    cleaned = _RATING_TOKEN.sub(drop, text)
    return " ".join(cleaned.split()).strip(" –—-:|"), found


def _name_before(stream: list[Unit], at: int, prefix: str) -> tuple[str, str | None, int]:
    """The card's name: the text before its values in the same unit, else the nearest
    preceding unit that is neither a card nor only a rating word (a heading is a name
    only when nothing nearer is). Returns name, rating word beside it, unit index."""
    name, rating = split_rating_words(prefix)
    if _is_name(name):
        return name, rating, at
    for back in range(at - 1, max(at - 4, -1), -1):
        unit = stream[back]
        groups = _groups(unit.text)
        if groups:  # the values of the card before, then this card's name
            tail = _PAIR.sub(" ", unit.text[groups[-1][-1].end() :])
            text, word = split_rating_words(tail)
            return (text, rating or word, back) if _is_name(text) else ("", rating, at)
        text, word = split_rating_words(unit.text)
        rating = rating or word
        if _is_name(text) and not unit.is_heading:
            if rating is None and back > 0:  # a rating word printed on its own line above
                above, word = split_rating_words(stream[back - 1].text)
                rating = word if not above else None
            return text, rating, back
        if unit.is_heading:
            break
    return "", rating, at


def _is_name(text: str) -> bool:
    return sum(ch.isalpha() for ch in text) >= 8 and not _PAIR.search(text)


def read_cards(stream: list[Unit]) -> list[Card]:
    """Every card in the units, in reading order."""
    cards: list[Card] = []
    for index, unit in enumerate(stream):
        start = 0
        for group in _groups(unit.text):
            prefix = unit.text[start : group[0].start()]
            start = group[-1].end()
            name, word, _at = _name_before(stream, index, prefix)
            if not name:
                continue
            cards.append(_card(name, word, group, unit))
    return cards


def _card(name: str, word: str | None, group: list[re.Match[str]], unit: Unit) -> Card:
    card = Card(
        name=name,
        rating_label=word,
        text=unit.text[group[0].start() : group[-1].end()],
        page=unit.page,
        line=unit.line,
        section=unit.section,
        block=unit.block,
    )
    for match in group:
        role = _LABEL_ROLE[match.group("label").lower()]
        value = " ".join(match.group("value").split())
        gloss = (match.group("gloss") or "").strip()
        if match.group("period") and _PERIOD.match(match.group("period").strip()):
            card.period = card.period or match.group("period").strip()
        if role == "direction":
            card.direction = parse_direction(value) or card.direction
            continue
        card.values.setdefault(role, value)
        if gloss and parse_rating(gloss):
            if role == "previous":
                card.previous_label = gloss
            elif role == "latest":
                card.rating_label = card.rating_label or gloss
        elif gloss and _PERIOD.match(gloss) and role == "latest":
            card.period = card.period or gloss
    return card


def rating_statements(stream: list[Unit]) -> Iterator[RatingStatement]:
    """Sentences of running text that state a rating and its figure."""
    for unit in stream:
        if unit.is_heading or _groups(unit.text):
            continue
        for sentence in sentences(unit.text):
            match = _RATING_STATEMENT.search(sentence)
            if match:
                yield RatingStatement(
                    sentence=sentence.strip(),
                    rating_label=match.group("rating"),
                    value=" ".join(match.group("value").split()),
                    page=unit.page,
                    section=unit.section,
                )
