"""Items being read → ``PlanItem``s: ids, people resolved, ratings normalised, fields by role.

The table reader assembles each item as a ``Draft`` (its row and continuation rows);
here a draft becomes a ``PlanItem``: its id ``<doc>:<ref>`` (or ``<doc>:<section>-<n>``
for rows without refs), people resolved through the document's key, the rating as a
code with the document's word kept, due dates from its text, and every other value by
its role or header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from indexing.blocks import Span
from indexing.model import ItemKind, Person, PlanItem, TableRow, UnplacedRow
from indexing.people_key import resolve
from indexing.ratings import parse_direction, parse_rating
from indexing.readers.passages import span_location

_DUE = re.compile(
    r"\bby (?:the end of |at least |early |mid |late )?("
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? )?(?:19|20)\d{2}"
    r"|(?:Spring|Summer|Autumn|Winter) (?:19|20)\d{2})",
    re.IGNORECASE,
)
_KEPT_ASIDE = {"owner", "director", "cabinet_member", "rating", "previous_rating", "direction"}


@dataclass
class Draft:
    """An item being assembled from its row and continuation rows."""

    ref: str | None
    section: str | None
    kind: ItemKind
    title: str
    update: list[str]
    values: dict[str, str]  # role → cell text (people, rating, direction, numbers, …)
    other: dict[str, str]
    signature: tuple[tuple[str, str], ...]
    title_position: int | None
    split: bool
    start: Span
    end: Span


@dataclass
class TableOutput:
    drafts: list[Draft] = field(default_factory=list)
    rows: list[TableRow] = field(default_factory=list)
    unplaced: list[UnplacedRow] = field(default_factory=list)
    passages: list[tuple[str, Span, str | None]] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _due_dates(*texts: str) -> list[str]:
    found: list[str] = []
    for text in texts:
        for match in _DUE.finditer(text or ""):
            if match.group(1) not in found:
                found.append(match.group(1))
    return found


def plan_items(
    drafts: list[Draft], key: dict[str, Person], doc_id: str, source: str
) -> list[PlanItem]:
    """Drafts in reading order → items with ids unique in the document."""
    items: list[PlanItem] = []
    seen: dict[str, int] = {}
    counters: dict[str | None, int] = {}
    for draft in drafts:
        if draft.ref:
            name = draft.ref
        else:
            counters[draft.section] = counters.get(draft.section, 0) + 1
            name = f"{_slug(draft.section or 'item')}-{counters[draft.section]}"
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:
            name = f"{name}~{seen[name]}"
        values = draft.values
        rating_text = values.get("rating")
        fields = {r: v for r, v in values.items() if r not in _KEPT_ASIDE and v}
        due = _due_dates(draft.title)
        if values.get("due") and values["due"] not in due:
            due.append(values["due"])
        update = "\n".join(p for p in draft.update if p).strip() or None
        items.append(
            PlanItem(
                id=f"{doc_id}:{name}",
                document_id=doc_id,
                kind=draft.kind,
                section=draft.section,
                ref=draft.ref,
                commitment=draft.title or "(commitment text missing in the source)",
                update=update,
                owner=resolve(values.get("owner", ""), key),
                director=resolve(values.get("director", ""), key),
                cabinet_member=resolve(values.get("cabinet_member", ""), key),
                rating=parse_rating(rating_text),
                rating_label=" ".join(rating_text.split()) if rating_text else None,
                previous_rating=parse_rating(values.get("previous_rating")),
                direction=parse_direction(values.get("direction")),
                dates_due=due,
                fields=fields,
                other_fields={k: v for k, v in draft.other.items() if v},
                location=span_location(source, draft.start, draft.end),
            )
        )
    return items
