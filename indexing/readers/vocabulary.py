"""Column headers → roles: the one vocabulary every table reader uses.

Councils head the same column many ways: "Lead officer", "Responsible Officer" and
"Owner" all name who owns a row; "RAG", "Status" and "RAG Rating" its rating. A header
is matched by its normalised words (case, punctuation and plurals ignored), the longest
synonym contained in it winning, so "Risk Owner" is an owner and not a risk, and
"Current Risk Rating" a rating. A synonym that names what the rows are ("Action",
"Indicator", "Risk") gives the title role and suggests the kind of the table's items.
A document's manifest may name or override roles (``columns: {"Lead officer": owner}``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from indexing.model import ItemKind
from indexing.readers.column_synonyms import SYNONYMS, TITLE_KINDS

ROLES: frozenset[str] = frozenset(
    {
        "ref",
        "title",
        "update",
        "owner",
        "director",
        "cabinet_member",
        "rating",
        "previous_rating",
        "target_rating",
        "direction",
        "target",
        "latest",
        "previous",
        "floor",
        "due",
        "date",
        "likelihood",
        "impact",
        "score",
        "controls",
        "mitigation",
        "consequence",
        "cause",
        "unit",
        "period",
        "published",
        "service",
        "directorate",
        "budget",
        "asker",
        "answerer",
        "baseline",
        "frequency",
        "source",
        "notes",
        "action",
    }
)
"""Every role a column can have; ``fields`` of an item are keyed by these."""

TEXT_ROLES: frozenset[str] = frozenset(
    {
        "title",
        "update",
        "controls",
        "mitigation",
        "consequence",
        "cause",
        "notes",
        "action",
    }
)
PEOPLE_ROLES: frozenset[str] = frozenset(
    {"owner", "director", "cabinet_member", "asker", "answerer"}
)
NUMBER_ROLES: frozenset[str] = frozenset(
    {
        "target",
        "latest",
        "previous",
        "floor",
        "likelihood",
        "impact",
        "score",
        "budget",
        "baseline",
    }
)
DATE_ROLES: frozenset[str] = frozenset({"due", "date", "published"})

_SUGGESTING = frozenset({ItemKind.kpi, ItemKind.risk})

_QUALIFIERS = frozenset(
    {
        "key",
        "main",
        "our",
        "the",
        "of",
        "and",
        "a",
        "an",
        "to",
        "for",
        "in",
        "s",
        "by",
    }
)
"""Words a header may carry besides its synonym without naming anything more."""


@dataclass(frozen=True)
class ColumnRole:
    """What a column holds: its role, the kind of item it suggests, and the header text."""

    role: str
    label: str
    kind: ItemKind | None = None
    group: str | None = None  # "Housing Actions": the extra words name the rows' group


_NO_ROLE = ColumnRole(role="", label="")


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us"))
        and not (
            len(word) > 4 and word.endswith("is")  # basis, analysis
        )
    ):
        return word[:-1]
    return word


def words(text: str) -> tuple[str, ...]:
    """``"Lead Officer(s)"`` → ``("lead", "officer", "s")``: lower-case, singular words."""
    return tuple(_singular(w) for w in re.findall(r"[a-z0-9]+", text.lower().replace("'", "")))


_ALL: dict[tuple[str, ...], tuple[str, ItemKind | None]] = {
    **{words(s): (r, None) for s, r in SYNONYMS.items()},
    **{words(s): ("title", k) for s, k in TITLE_KINDS.items()},
}
_LONGEST = max(len(k) for k in _ALL)


def column_role(label: str, overrides: dict[str, str] | None = None) -> ColumnRole | None:
    """The role a header names, or None when the vocabulary has none for it.

    ``overrides`` (a manifest's ``columns``) is matched first, by the same normalised words.
    """
    text = " ".join(label.split())
    key = words(text) if overrides else ()
    for header, role in (overrides or {}).items():
        if key and words(header) == key:
            return ColumnRole(
                role=manifest_role(role), label=text, kind=TITLE_KINDS.get(" ".join(words(role)))
            )
    return _vocabulary_role(text)


def manifest_role(name: str) -> str:
    """A role as a manifest names it: a role (``owner``, ``cabinet_member``), or any of
    its synonyms (``Lead officer``, ``portfolio holder``, ``KPI``); otherwise the name
    itself, as the field the column's values are kept under."""
    cleaned = "_".join(words(name))
    if cleaned in ROLES:
        return cleaned
    found = _vocabulary_role(" ".join(name.split()))
    return found.role if found else cleaned or name


@lru_cache(maxsize=4096)
def _vocabulary_role(text: str) -> ColumnRole | None:
    key = words(text)
    if not key or len(text) > 80:
        return None
    best: tuple[int, int, str, ItemKind | None] | None = None
    for size in range(min(_LONGEST, len(key)), 0, -1):
        # the longest synonym wins; of equal ones the last (English puts the head noun
        # last: "Customer Services KPIs" names indicators, "Risk Owner" an owner)
        for at in range(len(key) - size, -1, -1):
            found = _ALL.get(key[at : at + size])
            if found:
                best = (size, at, *found)
                break
        if best:
            break
    if best is None:
        return None
    size, at, role, kind = best
    if role == "rating" and {"previous", "last", "prior"} & set(key):
        role = "previous_rating"
    elif role == "rating" and {"target", "residual"} & set(key):
        role = "target_rating"
    extra = [w for w in key[:at] + key[at + size :] if w not in _QUALIFIERS]
    group = (
        text
        if role == "title"
        and extra
        and len(extra) <= 4
        and not any((_vocabulary_role(w) or _NO_ROLE).role == "title" for w in extra)
        else None
    )
    if kind is None and role != "title":
        # "Risk Owner", "KPI ref": the words say what the rows are, not the column.
        kind = next((k for s, k in TITLE_KINDS.items() if k in _SUGGESTING and s in key), None)
    return ColumnRole(role=role, label=text, kind=kind, group=group)


def is_label(text: str) -> bool:
    """True when a cell reads as a column header: short and made of vocabulary words."""
    if len(text) > 200:
        return False
    text = " ".join(text.split())
    if not text or len(text) > 40 or text.endswith((".", ":")):
        return False
    found = column_role(text)
    if found is None:
        return False
    return len(words(text)) <= 5


def join_header_rows(rows: list[list[str]]) -> list[str]:
    """Header rows, top first → one label per column.

    A cell spanning several columns ("RAG rating" over "Latest | Previous") leaves the
    cells to its right empty; each column under it takes its text, so the labels are
    "RAG rating Latest" and "RAG rating Previous".
    """
    if not rows:
        return []
    width = max(len(r) for r in rows)
    grid = [[" ".join((r[i] if i < len(r) else "").split()) for i in range(width)] for r in rows]
    for depth in range(len(grid) - 1):
        row, below = grid[depth], grid[depth + 1]
        for i in range(1, width):
            if not row[i] and below[i] and row[i - 1] and below[i - 1]:
                row[i] = row[i - 1]
    labels: list[str] = []
    for i in range(width):
        parts: list[str] = []
        for row in grid:
            if row[i] and row[i] not in parts:
                parts.append(row[i])
        labels.append(" ".join(parts))
    return labels
