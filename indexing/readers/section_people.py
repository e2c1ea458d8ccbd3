"""People a section names for itself: "Cabinet Member(s): …", "Corporate Director …".

Reports often head each part with the people accountable for it — a cabinet member or
portfolio holder, a director, a lead officer — once, in lines of their own under the
part's heading (as a sentence-less line or a two-cell table row), rather than in every
row. ``assign_section_people`` gives those people to the items of that part that do not
name someone in that role already. The people come only from such lines; nothing is
guessed from a name elsewhere in the text.

A part runs from its heading to the next heading of the same or a higher level; when
the loader could not tell heading levels (level 0), to the next heading that names its
own people.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from indexing.blocks import Block, BlockKind
from indexing.model import Person, PlanItem

_ROLES: dict[str, str] = {
    r"cabinet\s+members?": "cabinet_member",
    r"portfolio\s+holders?": "cabinet_member",
    r"lead\s+members?": "cabinet_member",
    r"executive\s+members?": "cabinet_member",
    r"(?:corporate|executive|strategic|service)\s+directors?": "director",
    r"directors?": "director",
    r"lead\s+officers?": "owner",
    r"responsible\s+officers?": "owner",
    r"accountable\s+officers?": "owner",
    r"lead\s+officer\s*/\s*owner": "owner",
    r"(?:risk\s+|action\s+)?owners?": "owner",
}
"""Spellings of a role line's label → the item field its people go to."""

_ROLE_RE = "|".join(f"(?:{r})" for r in _ROLES)
_LINE = re.compile(
    rf"^\s*(?P<label>(?:{_ROLE_RE})(?:\s*\(s\))?(?:\s+for\s+[^:–—]{{2,80}}?)?)\s*(?:[:–—-]\s*|\s+)(?P<names>.+?)\s*$",
    re.IGNORECASE,
)
_TITLE = r"(?:Cllr\.?|Councillor|Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?|Prof\.?|Sir|Dame)"
_NAME = re.compile(
    rf"^(?:{_TITLE}\s+)?[A-Z][\w’'.-]+(?:\s+(?:[A-Z][\w’'.-]*|de|van|von|der|le|la|O’|O'))"
    r"{1,3}(?:\s*\([A-Z]{1,4}\))?$"
)
_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|/)\s*")


class _Heading(BaseModel):
    index: int
    text: str
    level: int
    page: int | None
    people: dict[str, list[Person]] = Field(default_factory=dict)


def _role_field(label: str) -> str | None:
    head = re.sub(r"\s*\(s\)|\s+for\s+.*$", "", label.strip(), flags=re.IGNORECASE)
    for pattern, field in _ROLES.items():
        if re.fullmatch(pattern, head, re.IGNORECASE):
            return field
    return None


def people_line(text: str) -> tuple[str, list[Person]] | None:
    """``"Cabinet Members Derek Murphy, Clair Bell"`` → ("cabinet_member", [two Persons]);
    None when the line is not a role label followed only by names."""
    if len(text) > 160:
        return None
    match = _LINE.match(" ".join(text.split()))
    if not match:
        return None
    field = _role_field(match.group("label"))
    names = [n.strip(" .") for n in _SPLIT.split(match.group("names")) if n.strip(" .")]
    if field is None or not names or not all(_NAME.match(n) for n in names):
        return None
    role = re.sub(r"\s*\(s\)", "", " ".join(match.group("label").split()))
    role = re.sub(r"s$", "", role) if " for " not in role else role
    return field, [Person(name=name, role=role) for name in names]


_SEGMENT = re.compile(rf"\s+[/|;]\s+(?=(?:{_ROLE_RE})\b)", re.IGNORECASE)


def people_lines(text: str) -> list[tuple[str, list[Person]]]:
    """Every role a line names: one ("Lead officer: Bob Jones") or several, split where
    the next role starts ("Cabinet Member: Dan Watkins / Corporate Director: Pat Green").
    Empty unless every segment is a role label followed by names."""
    found = [people_line(part) for part in _SEGMENT.split(" ".join(text.split()))]
    return [p for p in found if p] if all(found) else []


def _lines(block: Block) -> list[str]:
    if block.is_table:
        return [
            " ".join(c for c in cells if c)
            for cells in [*block.header, *(row.cells for row in block.rows)]
        ]
    return [block.text]


def _headings(blocks: list[Block]) -> list[_Heading]:
    """Every heading with the people lines directly under it."""
    found: list[_Heading] = []
    for index, block in enumerate(blocks):
        if block.kind is BlockKind.heading:
            found.append(
                _Heading(
                    index=index, text=block.text.strip(), level=block.level, page=block.at.page
                )
            )
            continue
        if not found:
            continue
        for line in _lines(block):
            for field, people in people_lines(line):
                found[-1].people.setdefault(field, []).extend(people)
    return found


def _in_force(headings: list[_Heading]) -> list[dict[str, list[Person]]]:
    """For each heading, the people of its part and of the parts it sits in."""
    stack: list[_Heading] = []
    out: list[dict[str, list[Person]]] = []
    seen: dict[str, int] = {}
    for heading in headings:
        if heading.people:
            # people lines of a role head parts of one level; lines found under a lower
            # heading (the part's own heading lost) start a part at that level
            levels = [seen[f] for f in heading.people if f in seen]
            if levels and heading.level > min(levels):
                heading = heading.model_copy(update={"level": min(levels)})
            for f in heading.people:
                seen[f] = min(seen.get(f, heading.level), heading.level)
        if heading.level > 0:
            stack = [h for h in stack if 0 < h.level < heading.level]
        elif heading.people:
            stack = [h for h in stack if h.level > 0]
        if heading.people:
            stack.append(heading)
        merged: dict[str, list[Person]] = {}
        for h in stack:
            merged.update(h.people)
        out.append(merged)
    return out


def _heading_of(item: PlanItem, headings: list[_Heading]) -> int | None:
    """The heading an item sits under: the last one with its section's text at or
    before its page (the only one, for a file without pages)."""
    if not item.section:
        return None
    same = [i for i, h in enumerate(headings) if h.text == item.section.strip()]
    if item.location.page is None or any(headings[i].page is None for i in same):
        return same[0] if len(same) == 1 else None
    before = [i for i in same if (headings[i].page or 0) <= item.location.page]
    return before[-1] if before else None


def assign_section_people(blocks: list[Block], items: list[PlanItem]) -> None:
    """Give each item the people its section's own lines name, for the roles (owner,
    director, cabinet_member) the item has no one in; items are changed in place."""
    headings = _headings(blocks)
    if not any(h.people for h in headings):
        return
    in_force = _in_force(headings)
    for item in items:
        at = _heading_of(item, headings)
        if at is None:
            continue
        for field, people in in_force[at].items():
            if not getattr(item, field):
                setattr(item, field, [p.model_copy() for p in people])
