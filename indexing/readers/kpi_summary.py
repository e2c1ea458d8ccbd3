"""A performance report's summary tables: one row per indicator with its ratings.

A KPI report usually lists its indicators in tables with a rating column (often two:
this period and the previous one, under a header such as "RAG rating" over "Latest |
Previous") before it prints a card per indicator. These rows carry the rating the report
counts in its summary, so the cards are joined to them. Columns are found by their
values (cells that are rating words) and their headers' words, never by position.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from indexing.blocks import Block, Row
from indexing.ratings import parse_direction, parse_rating

_PREVIOUS = re.compile(r"\b(previous|prev|last|prior|was|before)\b", re.IGNORECASE)
_LATEST = re.compile(r"\b(latest|current|now|this)\b", re.IGNORECASE)
_DIRECTION = re.compile(r"\b(dot|direction|trend|travel)\b", re.IGNORECASE)
_INDICATOR = re.compile(
    r"\b(?:kpis?|pis?|(?:performance\s+)?indicators?|(?<!control )(?<!mitigating )(?<!mitigation )"
    r"(?<!existing )(?<!additional )measures?)\b",
    re.IGNORECASE,
)
"""A header naming the rows as indicators ("Customer Services KPIs", "KPI ref",
"Measure") — not a risk register's "Control measures"."""


class SummaryRow(BaseModel):
    """One indicator's row in a summary table, with what its cells say."""

    name: str
    rating_label: str | None = None
    previous_label: str | None = None
    direction: str | None = None
    page: int | None = None
    line: int | None = None
    row: int | None = None
    sheet: str | None = None
    table_names_indicators: bool = False
    block: int = 0


_HEADER_WORD = re.compile(
    r"\b(rag|ratings?|status|latest|previous|current|last|dot|direction|trend|kpis?|indicators?"
    r"|measures?|target|actual)\b",
    re.IGNORECASE,
)


def _split_header(block: Block) -> tuple[list[list[str]], list[Row]]:
    """Header rows and body rows: up to three leading body rows with no rating in them
    and header words ("RAG rating", "Latest | Previous") or an empty first cell join the
    header (a loader may leave a table's header rows in its body)."""
    header = [list(r) for r in block.header]
    body = list(block.rows)
    moved = 0
    while body and moved < 3 and len(body) > 1 and _looks_like_header(body[0].cells):
        header.append(body.pop(0).cells)
        moved += 1
    return header, body


def _looks_like_header(cells: list[str]) -> bool:
    filled = [c.strip() for c in cells if c and c.strip()]
    if not filled or any(parse_rating(c) for c in filled):
        return False
    if any(re.fullmatch(r"[-+£$€]?[\d.,]+%?", c) for c in filled):
        return False
    return not (cells[0] or "").strip() or any(_HEADER_WORD.search(c) for c in filled[1:])


def _headers(header: list[list[str]], body: list[Row]) -> list[str]:
    """Each column's header text, multi-row headers joined top to bottom."""
    width = max([len(r) for r in header] + [len(r.cells) for r in body] + [0])
    names = [""] * width
    for header_row in header:
        for col, cell in enumerate(header_row):
            if cell and cell.strip():
                names[col] = f"{names[col]} {cell.strip()}".strip()
    for col in range(1, width):  # a spanning header ("RAG rating") over an empty cell
        if header and not (header[0][col : col + 1] or [""])[0].strip() and names[col]:
            left = (header[0][col - 1] or "").strip() if col - 1 < len(header[0]) else ""
            if left and not parse_rating(left) and col - 1 > 0:
                names[col] = f"{left} {names[col]}"
    return names


def _cell(cells: list[str], col: int) -> str:
    return cells[col].strip() if col < len(cells) and cells[col] else ""


def _rating_columns(body: list[Row], width: int) -> list[int]:
    """Columns most of whose filled body cells are ratings."""
    found = []
    for col in range(width):
        values = [_cell(r.cells, col) for r in body]
        filled = [v for v in values if v]
        rated = sum(1 for v in filled if parse_rating(v))
        # single letters alone could be initials, not ratings
        if filled and rated >= 0.6 * len(filled) and any(len(v) > 1 for v in filled):
            found.append(col)
    return found


def _name_column(body: list[Row], width: int, skip: set[int]) -> int | None:
    """The column naming each row: most letters, not a rating or direction column."""
    best, best_letters = None, 0
    for col in range(width):
        if col in skip:
            continue
        letters = sum(sum(ch.isalpha() for ch in _cell(r.cells, col)) for r in body)
        if letters > best_letters:
            best, best_letters = col, letters
    return best


def summary_rows(blocks: list[Block], skip: set[int] | None = None) -> list[SummaryRow]:
    """Rows of every table with rating columns (``skip``: block indexes already read as
    cards). The latest rating is the column whose header says so (or the one not
    marked previous; left to right is taken as oldest to newest when neither says)."""
    out: list[SummaryRow] = []
    for index, block in enumerate(blocks):
        if not block.is_table or not block.rows or index in (skip or set()):
            continue
        header, body = _split_header(block)
        headers = _headers(header, body)
        width = len(headers)
        rating_cols = _rating_columns(body, width)
        if not rating_cols:
            continue
        latest, previous = _latest_and_previous(rating_cols, headers)
        dot_cols = [
            c for c in range(width) if _DIRECTION.search(headers[c]) and c not in rating_cols
        ]
        name_col = _name_column(body, width, set(rating_cols) | set(dot_cols))
        if name_col is None:
            continue
        names_indicators = any(_INDICATOR.search(h) for h in headers)
        for row in body:
            name = _cell(row.cells, name_col)
            if sum(ch.isalpha() for ch in name) < 4:
                continue
            out.append(
                SummaryRow(
                    name=" ".join(name.split()),
                    rating_label=_cell(row.cells, latest) or None if latest is not None else None,
                    previous_label=_cell(row.cells, previous) or None
                    if previous is not None
                    else None,
                    direction=next(
                        (
                            parse_direction(_cell(row.cells, c))
                            for c in dot_cols
                            if parse_direction(_cell(row.cells, c))
                        ),
                        None,
                    ),
                    page=row.at.page or block.at.page,
                    line=row.at.line,
                    row=row.at.row,
                    sheet=row.at.sheet or block.at.sheet,
                    table_names_indicators=names_indicators,
                    block=index,
                )
            )
    return out


def _latest_and_previous(cols: list[int], headers: list[str]) -> tuple[int | None, int | None]:
    previous = [c for c in cols if _PREVIOUS.search(headers[c])]
    latest = [c for c in cols if _LATEST.search(headers[c]) and c not in previous]
    rest = [c for c in cols if c not in previous and c not in latest]
    if latest:
        others = previous or rest
        return latest[0], others[0] if others else None
    if previous:
        return rest[-1] if rest else None, previous[0]
    if len(cols) >= 2:
        return cols[-1], cols[-2]
    return cols[0], None
