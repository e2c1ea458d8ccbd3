"""A paper's table rows: in the order it prints them, named by their columns, and
quoted as printed.

A table whose header the reader did not take as one has rows keyed "column 1",
"column 2", and its header printed as a row of words ("Estimate included in County
Council papers £'000", "Updated figures for Cabinet £'000"). A question asking for "the
updated business rates compensation grant figure" names the row ("Business rates
compensation grant") and the column ("Updated figures"); the row alone holds only the
first. Here such a row is given the words of the nearest header-like row above it in the
same table, so it is judged on both; any row is judged with its column headings, and
quoted as the paper prints it (its cells in order) when that holds every figure the
answer gives from it."""

from __future__ import annotations

import re

from assistant.answering.compose import row_values
from assistant.answering.evidence import Evidence
from assistant.answering.scope import Scope
from indexing.model import is_unheaded_column
from indexing.store import StoredNode

_UNIT = re.compile(r"£\s?'?000s?", re.I)
"""A column's unit ("£'000"), not a figure."""
_NUMBER = re.compile(r"^[\s£$€(+-]*\d[\d,.]*\s*(?:%|[km]|bn)?\)?$", re.I)


def _is_header(cells: dict[str, str]) -> bool:
    values = [v.strip() for v in cells.values() if v.strip()]
    return len(values) >= 2 and not any(_NUMBER.match(v) for v in values)


def _header_row(node: StoredNode, siblings: list[StoredNode]) -> dict[str, str] | None:
    """The cells of the header row above an unnamed row of the same table, if any."""
    if not node.is_row:
        return None
    row = node.row()
    if not row.cells or not all(is_unheaded_column(k) for k in row.cells):
        return None
    ids = [n.id for n in siblings]
    if node.id not in ids:
        return None
    for above in reversed(siblings[: ids.index(node.id)]):
        if not above.is_row or above.row().table != row.table:
            continue
        if _is_header(cells := above.row().cells):
            return cells
    return None


def header_words(node: StoredNode, siblings: list[StoredNode]) -> str:
    """The words of the header row above an unnamed row of the same table, or ``""``."""
    header = _header_row(node, siblings)
    return " ".join(header.values()) if header else ""


def with_header(evidence: Evidence, siblings: list[StoredNode], question: str = "") -> Evidence:
    """A row's evidence quoted as the paper prints the row (the cells in order, not
    "column 2: …"), and an unnamed row's cells put under the header row's words (so the
    answer gives the column asked for, "Updated figures for Cabinet £'000: 50,978.6")."""
    node = evidence.candidate.node
    header = _header_row(node, siblings)
    if header is None:  # a named row: quoted as printed, its cells in order, when that
        if not node.is_row:  # holds every figure the answer gives from it
            return evidence
        printed = " ".join(v.strip() for v in node.row().cells.values() if v.strip())
        stated = row_values(node.row(), question)
        if not printed or not _figures(stated) <= _figures(printed):
            return evidence  # a figure of a column's header ("2027-28"): quoted with it
        return evidence.model_copy(update={"sentence": printed})
    row = node.row()
    names = list(header.values())
    cells = {
        (names[n].strip() or key) if n < len(names) else key: value
        for n, (key, value) in enumerate(row.cells.items())
    }
    named = row.model_copy(update={"cells": cells})
    metadata = {**node.metadata, "row_json": named.model_dump_json()}
    candidate = evidence.candidate.model_copy(
        update={"node": node.model_copy(update={"metadata": metadata})}
    )
    printed = " ".join(v.strip() for v in row.cells.values() if v.strip())
    return evidence.model_copy(update={"candidate": candidate, "sentence": printed})


def _figures(text: str) -> set[str]:
    """The figures of a text, its units ("£'000") left out."""
    return set(re.findall(r"\d[\d,.]*\d|\d", _UNIT.sub(" ", text)))


def row_columns(evidence: Evidence) -> str:
    """A table row's column headings ("Public Health Grant allocations", "Updated figures
    for Cabinet"): what its figures are of, though its quoted cells leave the first out."""
    node = evidence.candidate.node
    return " ".join(node.row().cells) if node.is_row else ""


def paper_rows(scope: Scope, paper: str) -> list[StoredNode]:
    """The paper's table rows in the order it prints them."""
    found = [n for n in scope.store.get(where={"plan_document": paper}) if n.is_row]
    return sorted(found, key=lambda n: _row_order(n.id))


def _row_order(node_id: str) -> tuple[int, str]:
    """Rows in the order the paper prints them (``…:t9`` before ``…:t10``)."""
    tail = node_id.rsplit(":t", 1)[-1]
    return (int(tail), "") if tail.isdigit() else (0, node_id)
