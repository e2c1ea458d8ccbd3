"""Initials in plan rows → people, through the document's own "Key to initials".

Progress reports often name owners, directors and cabinet members by initials
(``DS``, ``DMcL``, ``HO'N/ ZN``) and end with a key: one row per person (initials,
first name, surname), then the job titles in the same order in rows of their own.
Cells that hold names (``Jane Smith``, ``Cllr Bob Jones``) are kept as names.
A key laid out as a table with a header (``Initials | Name | Role``) is read by that
header. Initials are matched to the key ignoring apostrophes and case (the rows write ``HO'N``
where the key writes ``H'ON``); initials the key does not list stay as written.
"""

from __future__ import annotations

import re

from indexing.blocks import Block
from indexing.cell_text import strip_markup
from indexing.model import Location, Person

KEY_HEADING = re.compile(r"^\s*key to initials\s*$", re.IGNORECASE)
_INITIALS_TOKEN = re.compile(r"^[A-Z][A-Za-z'’]{0,4}$")
_SEPARATORS = re.compile(r"\s*/\s*|\s+")


def normalise_initials(initials: str) -> str:
    """``HO'N`` and ``H'ON`` → ``HON``: the form used to match rows to the key."""
    return re.sub(r"['’\s]", "", initials).upper()


def person_key(person: Person) -> str:
    """How a person is matched across rows and in the index: their normalised initials,
    or, for someone a paper names in full without initials, their name in capitals."""
    if person.initials.strip():
        return normalise_initials(person.initials)
    return " ".join((person.name or "").split()).upper()


def split_initials(cell: str) -> list[str] | None:
    """``'DS/PS/MB'`` → ``['DS', 'PS', 'MB']``; ``None`` if the cell is not initials."""
    text = cell.strip()
    if not text or len(text) > 24:
        return None
    tokens = [t for t in _SEPARATORS.split(text) if t]
    if not tokens or len(tokens) > 5 or not all(_INITIALS_TOKEN.match(t) for t in tokens):
        return None
    return tokens


def _looks_like_names(text: str) -> bool:
    """``Jane Smith`` reads as initials token by token; a name has a lower-case run."""
    return (
        any(re.search(r"[a-z]{2,}", t) and len(t) > 2 for t in text.split()) and " " in text.strip()
    )


def key_rows(rows: list[list[str]]) -> int:
    """How many rows after a "Key to initials" heading belong to the key: rows of at
    most four cells, stopping at the first wider row."""
    count = 0
    for cells in rows:
        if len(cells) > 4 and any(c.strip() for c in cells[4:]):
            break
        count += 1
    return count


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
    paired_roles: list[str | None] = (
        list(roles) if len(roles) == len(names) else [None] * len(names)
    )
    return {
        normalise_initials(initials): Person(initials=initials, name=name, role=role)
        for (initials, name), role in zip(names, paired_roles, strict=True)
    }


_NAME_SPLIT = re.compile(r"\s*[/;&,]\s*|\s+and\s+")


def resolve(cell: str, key: dict[str, Person]) -> list[Person]:
    """A people cell → the people it names, resolved where the key lists them.

    Initials (``DS/PS``) are looked up in the key; names (``Jane Smith``, ``Cllr Bob
    Jones / Ann Lee``) are kept as names, with the key's initials and role when the key
    lists that name. Nothing is inferred that the document does not say.
    """
    text = " ".join(cell.split())
    if not text:
        return []
    tokens = split_initials(text)
    if tokens is None or _looks_like_names(text):
        by_name = {p.name.lower(): p for p in key.values() if p.name}
        named = []
        for part in (p for p in _NAME_SPLIT.split(text) if p):
            known = by_name.get(part.lower())
            named.append(
                Person(
                    initials=known.initials if known else "",
                    name=part,
                    role=known.role if known else None,
                )
            )
        return named
    people = []
    for token in tokens:
        known = key.get(normalise_initials(token))
        if known:
            people.append(Person(initials=token, name=known.name, role=known.role))
        else:
            people.append(Person(initials=token))
    return people


_INITIALS_HEADER = re.compile(r"^\s*initials?\s*$", re.IGNORECASE)
_NAME_HEADER = re.compile(r"^\s*(?:full\s+)?names?\s*$", re.IGNORECASE)
_ROLE_HEADER = re.compile(
    r"^\s*(?:role|job\s+title|title|post|position|designation)s?\s*$", re.IGNORECASE
)


def _by_header(block: Block) -> tuple[dict[str, Person], set[int]] | None:
    """A key table headed ``Initials | Name | Role`` (header given or its first row)."""
    header, first = (
        (block.header[-1], 0)
        if block.header
        else ((block.rows[0].cells, 1) if block.rows else ([], 0))
    )
    cells = [strip_markup(c) for c in header]
    at_initials = next((i for i, c in enumerate(cells) if _INITIALS_HEADER.match(c)), None)
    at_name = next((i for i, c in enumerate(cells) if _NAME_HEADER.match(c)), None)
    if at_initials is None or at_name is None:
        return None
    at_role = next((i for i, c in enumerate(cells) if _ROLE_HEADER.match(c)), None)
    key: dict[str, Person] = {}
    used = set(range(first))
    for r, row in enumerate(block.rows[first:], start=first):
        got = [strip_markup(c) for c in row.cells]
        initials = got[at_initials] if at_initials < len(got) else ""
        name = got[at_name] if at_name < len(got) else ""
        if not (split_initials(initials) and name):
            continue
        role = got[at_role] if at_role is not None and at_role < len(got) and got[at_role] else None
        key[normalise_initials(initials)] = Person(initials=initials, name=name, role=role)
        used.add(r)
    return (key, used) if key else None


def _location(path: str, block: Block, first: int, last: int) -> Location:
    start = block.rows[first].at if 0 <= first < len(block.rows) else block.at
    end = block.rows[last].at if 0 <= last < len(block.rows) else start
    return Location(
        path=path,
        line_start=start.line,
        line_end=end.line_end or end.line,
        page=start.page,
        page_end=(end.page if end.page != start.page else None),
        sheet=start.sheet,
        row=start.row,
    )


def find_people_key(
    blocks: list[Block], path: str
) -> tuple[dict[str, Person], Location | None, dict[int, set[int]]]:
    """The document's key to initials, wherever it is: a table after a "Key to initials"
    heading or opening with that line, or headed ``Initials | Name``. Returns the key, where
    it is, and the rows it used (by block index), which are then not read as a table."""
    for b, block in enumerate(blocks):
        if not block.is_table:
            continue
        headed = _by_header(block)
        if headed is not None:
            key, used = headed
            return key, _location(path, block, min(used), max(used)), {b: used}
        before = blocks[b - 1] if b else None
        if before is not None and not before.is_table and KEY_HEADING.match(before.text or ""):
            start = -1
        else:
            start = next(
                (
                    r
                    for r, row in enumerate(block.rows[:3])
                    if row.cells and KEY_HEADING.match(strip_markup(row.cells[0]))
                ),
                -2,
            )
            if start == -2:
                continue
        body = [
            (r, row)
            for r, row in enumerate(block.rows)
            if r > start and any(c.strip() for c in row.cells)
        ]
        used_rows = body[: key_rows([row.cells for _, row in body])]
        if not used_rows:
            continue
        key = parse_people_key([row.cells for _, row in used_rows])
        skip = {r for r, _ in used_rows} | ({start} if start >= 0 else set())
        location = _location(path, block, start, used_rows[-1][0])
        if start < 0 and before is not None:
            location = location.model_copy(
                update={
                    "line_start": before.at.line or location.line_start,
                    "page": before.at.page or location.page,
                }
            )
        return key, location, {b: skip}
    return {}, None, {}
