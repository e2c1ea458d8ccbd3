"""A table row's cells placed under the header's columns: role → cell for the columns the
vocabulary knows, header text → value for the rest; and a row's signature (its people,
rating and direction as printed), by which a row split by a page break finds its other
half."""

from __future__ import annotations

import re

from indexing.cell_text import clean_cell
from indexing.model import unheaded_column
from indexing.readers.roles import align
from indexing.readers.table_header import Cells, Header

SIGNATURE_ROLES = ("owner", "director", "cabinet_member", "rating", "direction")


def align_cells(
    header: Header, cells: Cells
) -> tuple[dict[str, tuple[int, str, str]], dict[str, str]]:
    """(role → (position, text, raw cell), header text → value) for one row's cells."""
    columns = header.columns
    placed, loose = align([(i, t) for i, t, _ in cells], columns, by_position=header.by_position)
    raw_of = {i: raw for i, _, raw in cells}
    roles: dict[str, tuple[int, str, str]] = {}
    other: dict[str, str] = {}

    def keep(label: str, pos: int) -> None:
        name = label if label not in other else f"{label} ({pos + 1})"
        other[name] = clean_cell(raw_of[pos])

    for j, (pos, text) in sorted(placed.items()):
        column = columns[j]
        if column.role:
            roles[column.role] = (pos, text, raw_of[pos])
        else:
            keep(column.label or unheaded_column(pos + 1), pos)
    for role, pos, text in loose:
        if role and role not in roles:
            roles[role] = (pos, text, raw_of[pos])
        else:
            keep(header.labels.get(pos) or unheaded_column(pos + 1), pos)
    return roles, other


def row_signature(roles: dict[str, tuple[int, str, str]]) -> tuple[tuple[str, str], ...]:
    """The row's people, rating and direction cells, spaces dropped and upper-cased."""
    return tuple(
        (r, re.sub(r"\s+", "", roles[r][1]).upper()) for r in SIGNATURE_ROLES if r in roles
    )
