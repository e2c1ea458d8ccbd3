"""Cells → roles by what their values are: ratings, arrows, initials, names, numbers, dates, refs.

Headers say what a column is, but extraction loses empty cells (a TAB-separated row
with no rating cell is one cell shorter than its header), headers go missing and some
tables have none. So each row's cells are *aligned* to the table's columns: in order,
each cell to at most one column, scored by how well its value fits the column's role (a
rating word fits a rating column, an arrow a direction column, ``KE`` or ``Jane Smith``
a people column). When the row is as wide as a header that the loader read from the
file, a cell also scores for sitting at its column's position, so a well-formed table is
read by position and a damaged one by value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from indexing.people_key import split_initials
from indexing.ratings import parse_direction, parse_rating
from indexing.readers.figure_lines import split_figures
from indexing.readers.vocabulary import (
    DATE_ROLES,
    NUMBER_ROLES,
    PEOPLE_ROLES,
    TEXT_ROLES,
)

_REF = re.compile(r"^(?:[A-Z]{1,5}[ -]?)?\d{1,3}(?:[.\-]\d{1,3}){0,2}[a-z]?\.?$")
_NUMBER = re.compile(
    r"^[(<>~≈]?[-+]?[£$€]?[-+]?\d[\d,]*(?:\.\d+)?\s*"
    r"(?:%|pc|m|k|bn|£m|£k|days?|weeks?|months?|hours?|mins?|p|pp|x|/\d+|"
    r"per [\w ,]{1,20}|of \d[\d,]*)?\)?$",
    re.IGNORECASE,
)
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = re.compile(
    rf"^(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{4}}-\d{{2}}(?:-\d{{2}})?|"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTHS}\s*(?:\d{{2}}|\d{{4}})|"
    rf"(?:q[1-4]|quarter [1-4])\s*(?:\d{{4}}(?:/\d{{2,4}})?)|"
    rf"(?:spring|summer|autumn|winter|end of|by|early|mid|late)\s.*\d{{4}}|\d{{4}}(?:/\d{{2,4}})?)$",
    re.IGNORECASE,
)
_NAME = re.compile(
    r"^(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+)?[A-Z][a-z'’-]+"
    r"(?:\s+(?:[A-Z]\.?|[A-Z][a-zA-Z'’-]+)){1,3}$"
)
_YES_NO = frozenset({"yes", "no", "y", "n", "yes/no", "not sure", "unsure", "don't know"})


@dataclass(frozen=True)
class Value:
    """What one cell's text can be read as."""

    text: str
    ref: bool
    rating: str | None
    direction: str | None
    initials: bool
    name: bool
    number: bool
    date: bool
    yes_no: bool

    @property
    def long(self) -> bool:
        return len(self.text) > 60 or (" " in self.text and len(self.text.split()) > 8)

    @property
    def person(self) -> bool:
        return self.initials or self.name

    @property
    def signature(self) -> bool:
        """A cell of the kind a split row repeats: people, rating or arrow."""
        return self.person or self.rating is not None or self.direction is not None


def _names(text: str) -> bool:
    """``Jane Smith``, ``Cllr Bob Jones / Ann Lee``: one or more people's names."""
    parts = [p.strip() for p in re.split(r"\s*[/;&]\s*|\s+and\s+", text) if p.strip()]
    return 0 < len(text) <= 60 and bool(parts) and all(_NAME.match(p) for p in parts)


def _figures_only(text: str) -> bool:
    """Several figures in one cell ("4,782.7 11,276.2 16,058.9"): a number cell too."""
    found = split_figures(text)
    return found is not None and not found[0]


@lru_cache(maxsize=65536)
def read_value(text: str) -> Value:
    t = " ".join(text.split())
    if len(t) > 80:  # prose: no ref, rating, arrow, initials, name, number or date is this long
        return Value(t, False, None, None, False, False, False, False, False)
    return Value(
        text=t,
        ref=bool(_REF.match(t)),
        rating=parse_rating(t),
        direction=parse_direction(t),
        initials=split_initials(t) is not None,
        name=_names(t),
        number=bool(_NUMBER.match(t)) or _figures_only(t),
        date=bool(_DATE.match(t)),
        yes_no=t.lower().strip(" .") in _YES_NO,
    )


_NO = float("-inf")


def fit(value: Value, role: str | None) -> float:
    """How well a value fits a column of ``role`` (None: a column the vocabulary has no
    role for); ``-inf`` where it cannot go at all."""
    if role is None:
        return 0.4
    if role == "ref":
        return 3.0 if value.ref else _NO
    if role in ("rating", "previous_rating", "target_rating"):
        if value.rating:
            return 4.0
        return 1.0 if role == "target_rating" and value.number else _NO
    if role == "direction":
        return 4.0 if value.direction else _NO
    if role in PEOPLE_ROLES:
        if value.person:
            return 3.0 if not value.rating else 1.5
        return _NO if value.long or value.number or value.direction else 0.8
    if role in NUMBER_ROLES:
        if value.number:
            return 3.0
        if value.rating and role == "score":
            return 2.0
        return _NO if value.long or value.direction else 0.3
    if role in DATE_ROLES or role == "period":
        return 3.0 if value.date else (0.3 if not value.long else _NO)
    if role in TEXT_ROLES:
        if value.direction or (value.rating and len(value.text) <= 3):
            return -1.0
        if value.initials and role == "title":
            return 0.2
        bonus = 0.2 if role == "title" else 0.0  # a row's first text is its title
        return (2.0 if not value.number else 0.5) + bonus
    return 0.4


def free_role(value: Value, taken: set[str]) -> tuple[str | None, float]:
    """A cell outside every header column: a role from its value alone, if it is clear."""
    if value.rating and "rating" not in taken and len(value.text) <= 30:
        return "rating", 2.5
    if value.direction and "direction" not in taken:
        return "direction", 2.5
    return None, -1.5


@dataclass(frozen=True)
class Column:
    """One column of a table: its role (None: no role), header label, position."""

    role: str | None
    label: str
    position: int | None = None


def _gain(value: Value, at: int, column: Column, by_position: bool) -> float:
    """What putting a cell at ``at`` into ``column`` scores (``-inf``: it cannot go there)."""
    f = fit(value, column.role)
    in_place = by_position and column.position == at
    if f == _NO and in_place and column.role != "ref" and len(value.text) <= 160:
        # Where the header was read from the file, it says what the cell is:
        # "For info only" under Status, a long job title under Lead officer.
        f = 0.0
    return f + 0.75 if f != _NO and in_place else f


def align(
    cells: list[tuple[int, str]], columns: list[Column], *, by_position: bool
) -> tuple[dict[int, tuple[int, str]], list[tuple[str | None, int, str]]]:
    """Cells (position, text), in order → ``{column index: cell}`` and the cells no column
    took, each with the role its value alone gives (or None).

    A dynamic programme over (cells, columns): each cell goes to one later column than
    the cell before it, or stays outside; the alignment with the best total fit wins.
    """
    values = [read_value(text) for _, text in cells]
    n, m = len(cells), len(columns)
    taken_roles = {c.role for c in columns if c.role}
    frees = [free_role(v, taken_roles) for v in values]
    gain = [
        [_gain(v, at, column, by_position) for column in columns]
        for v, (at, _) in zip(values, cells, strict=True)
    ]
    score = [[_NO] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, str] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    score[0][0] = 0.0
    for i in range(n + 1):
        row, below = score[i], score[i + 1] if i < n else None
        for j in range(m + 1):
            here = row[j]
            if here == _NO:
                continue
            if j < m and here > row[j + 1]:  # column j gets no cell
                row[j + 1], back[i][j + 1] = here, (i, j, "skip")
            if below is not None:
                if here + frees[i][1] > below[j]:
                    below[j], back[i + 1][j] = here + frees[i][1], (i, j, "free")
                if j < m and gain[i][j] != _NO and here + gain[i][j] > below[j + 1]:
                    below[j + 1], back[i + 1][j + 1] = here + gain[i][j], (i, j, "take")
    placed: dict[int, tuple[int, str]] = {}
    loose: list[tuple[str | None, int, str]] = []
    i, j = n, m
    while (i, j) != (0, 0):
        step = back[i][j]
        assert step is not None
        pi, pj, what = step
        if what == "take":
            placed[pj] = cells[pi]
        elif what == "free":
            loose.append((frees[pi][0], *cells[pi]))
        i, j = pi, pj
    loose.reverse()
    return placed, loose


def role_from_values(texts: list[str]) -> str | None:
    """A role for a column without a header, from the values it holds (most of them;
    a column filled in fewer than half the rows, or in one row only, says nothing)."""
    values = [read_value(t) for t in texts if t.strip()]
    if not values or (len(values) < 2 and len(texts) > 1) or len(values) * 2 < len(texts):
        return None

    def share(test: Callable[[Any], bool]) -> float:
        return sum(1 for v in values if test(v)) / len(values)

    if share(lambda v: v.ref) >= 0.8:
        return "ref"
    if share(lambda v: v.rating is not None) >= 0.8:
        return "rating"
    if share(lambda v: v.direction is not None) >= 0.8:
        return "direction"
    if share(lambda v: v.initials or v.name) >= 0.8:
        return "owner"
    if share(lambda v: v.date) >= 0.8:
        return "due"
    if share(lambda v: v.number) >= 0.8:
        return None
    if share(lambda v: not v.number) >= 0.6:
        return "title"
    return None
