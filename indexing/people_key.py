"""Initials in plan rows → people, through the document's own "Key to initials".

The delivery-plan updates name owners, directors and cabinet members by initials
(``DS``, ``DMcL``, ``HO'N/ ZN``) and end with a key: one row per person (initials,
first name, surname), then the job titles in the same order in rows of their own.
Initials are matched to the key ignoring apostrophes and case (the rows write ``HO'N``
where the key writes ``H'ON``); initials the key does not list stay as written.
"""

from __future__ import annotations

import re

from indexing.model import Person

KEY_HEADING = re.compile(r"^\s*key to initials\s*$", re.I)
_INITIALS_TOKEN = re.compile(r"^[A-Z][A-Za-z'’]{0,4}$")
_SEPARATORS = re.compile(r"\s*/\s*|\s+")


def normalise_initials(initials: str) -> str:
    """``HO'N`` and ``H'ON`` → ``HON``: the form used to match rows to the key."""
    return re.sub(r"['’\s]", "", initials).upper()


def split_initials(cell: str) -> list[str] | None:
    """``'DS/PS/MB'`` → ``['DS', 'PS', 'MB']``; ``None`` if the cell is not initials."""
    text = cell.strip()
    if not text or len(text) > 24:
        return None
    tokens = [t for t in _SEPARATORS.split(text) if t]
    if not tokens or len(tokens) > 5 or not all(_INITIALS_TOKEN.match(t) for t in tokens):
        return None
    return tokens


def parse_people_key(rows: list[list[str]]) -> dict[str, Person]:
    """Rows after the "Key to initials" heading → ``{normalised initials: Person}``.

    Name rows come first (``AF | Amanda | Farr``), then role rows with the first two
    cells blank, in the same order; a key whose role count differs from its name count
    keeps the names and leaves every role unset rather than pairing them wrongly.
    """
    names: list[tuple[str, str]] = []
    roles: list[str] = []
    for cells in rows:
        filled = [c.strip() for c in cells]
        while len(filled) < 3:
            filled.append("")
        initials, first, last = filled[0], filled[1], " ".join(c for c in filled[2:] if c)
        if initials and (first or last):
            names.append((initials, f"{first} {last}".strip()))
        elif not initials and not first and last:
            roles.append(last)
    paired_roles: list[str | None] = list(roles) if len(roles) == len(names) else [None] * len(names)
    return {
        normalise_initials(initials): Person(initials=initials, name=name, role=role)
        for (initials, name), role in zip(names, paired_roles, strict=True)
    }


def resolve(cell: str, key: dict[str, Person]) -> list[Person]:
    """A people cell → the people it names, resolved where the key lists them."""
    tokens = split_initials(cell) or []
    people = []
    for token in tokens:
        known = key.get(normalise_initials(token))
        if known:
            people.append(Person(initials=token, name=known.name, role=known.role))
        else:
            people.append(Person(initials=token))
    return people
