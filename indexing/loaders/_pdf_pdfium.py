"""One PDF page → its text lines and tables, read with PDFium (pypdfium2).

PDFium reads a page's text and drawings in C, well over ten times faster than
pdfminer's Python interpreter, which is what makes ingesting hundreds of pages cost less
than embedding them. Characters come with their box, font size and weight (those not
printed — clipped out of sight, or turned on their side — are left out); ruling lines
and rectangles of the page's drawings (``_pdf_drawings``) become edges, from which
pdfplumber's own table-finding steps (snap and join edges, intersections, cells,
tables) find the tables. Cell text and the lines outside the tables are then built from the characters, and
``_pdf_page`` decides cards and header rows as it does for every page.
"""

from __future__ import annotations

import bisect
from typing import Any

import pypdfium2 as pdfium
from pdfplumber.table import (
    Table,
    cells_to_tables,
    edges_to_intersections,
    intersections_to_cells,
    merge_edges,
)
from pdfplumber.utils import filter_edges

from indexing.loaders._common import clean_text
from indexing.loaders._pdf_chars import page_chars
from indexing.loaders._pdf_drawings import drawings
from indexing.loaders._pdf_page import (
    Line,
    PageContent,
    PageTable,
    frame_kind,
    header_count,
    is_bold,
)
from indexing.loaders._pdf_unruled import split_unruled

_TOLERANCE = 3  # pdfplumber's defaults for snapping, joining and intersecting edges


def _inside(
    chars: list[dict[str, Any]], box: tuple[float, float, float, float]
) -> list[dict[str, Any]]:
    x0, top, x1, bottom = box
    return [c for c in chars if x0 <= c["cx"] <= x1 and top <= c["cy"] <= bottom]


def _tables(edges: list[dict[str, Any]]) -> list[Table]:
    """pdfplumber's "lines" strategy on the page's edges."""
    edges = filter_edges(edges, min_length=1)
    edges = merge_edges(edges, _TOLERANCE, _TOLERANCE, _TOLERANCE, _TOLERANCE)
    edges = filter_edges(edges, min_length=_TOLERANCE)
    cells = intersections_to_cells(edges_to_intersections(edges, _TOLERANCE, _TOLERANCE))
    return [Table(None, group) for group in cells_to_tables(cells)]  # type: ignore[arg-type]


def _text_of(chars: list[dict[str, Any]]) -> str:
    """Characters in reading order as text, a space where PDFium broke a line."""
    parts: list[str] = []
    line = None
    for char in chars:
        if line is not None and char["line"] != line:
            parts.append(" ")
        parts.append(char["text"])
        line = char["line"]
    return clean_text("".join(parts))


def _cells(table: Table, chars: list[dict[str, Any]]) -> list[list[str | None]]:
    """Each cell's text; characters are found by row through a search on their sorted
    centres, so a long table costs rows × log(characters), not rows × characters."""
    ordered = sorted(chars, key=lambda c: c["cy"])
    centres = [c["cy"] for c in ordered]
    rows: list[list[str | None]] = []
    for row in table.rows:
        _, top, _, bottom = row.bbox
        band = ordered[bisect.bisect_left(centres, top) : bisect.bisect_right(centres, bottom)]
        band.sort(key=lambda c: c["order"])
        rows.append([None if cell is None else _text_of(_inside(band, cell)) for cell in row.cells])
    return rows


def _line(number: int, chars: list[dict[str, Any]]) -> Line | None:
    inked = [c for c in chars if not c["text"].isspace()]
    if not inked:
        return None
    sizes = sorted(round(c["size"], 1) for c in inked)
    return Line(
        page=number,
        top=min(c["top"] for c in inked),
        bottom=max(c["bottom"] for c in inked),
        x0=min(c["x0"] for c in inked),
        x1=max(c["x1"] for c in inked),
        text=_text_of(chars),
        size=sizes[len(sizes) // 2],
        bold=is_bold(chars),
    )


def _card_lines(
    number: int, table: Table, chars: list[dict[str, Any]], used: set[int]
) -> list[Line]:
    """A card's rows, each as one line of its cells left to right (a KPI's title and
    rating; its latest value, target and previous value). ``used`` gets the ids of the
    characters read, so that what lies in no cell is read with the page's text."""
    lines = []
    for row in table.rows:
        in_row = _inside(chars, row.bbox)
        parts = [_inside(in_row, cell) for cell in row.cells if cell is not None]
        used.update(id(c) for part in parts for c in part)
        line = _line(number, [c for part in parts for c in part])
        if line is not None:
            texts = [t for t in (_text_of(part) for part in parts) if t]
            line.text = " ".join(texts)
            line.alone = len(texts) > 1  # one filled cell may be a line of prose in a box
            lines.append(line)
    return lines


def _lines(number: int, chars: list[dict[str, Any]], extra: list[Line]) -> list[Line]:
    """Characters → visual lines: PDFium's line breaks, then lines sharing a baseline
    side by side (label and value, or a figure right of its caption) joined left to right.
    ``extra``: lines made already (a card's cells), placed among them."""
    runs: list[list[dict[str, Any]]] = []
    for char in chars:
        if runs and runs[-1][-1]["line"] == char["line"]:
            runs[-1].append(char)
        else:
            runs.append([char])
    lines = [line for line in (_line(number, run) for run in runs) if line is not None]
    lines += extra
    lines.sort(key=lambda line: (line.top, line.x0))
    merged: list[Line] = []
    for line in lines:
        last = merged[-1] if merged else None
        if last is not None and _same_baseline(last, line):
            last.text = (
                f"{last.text} {line.text}" if line.x0 >= last.x1 else f"{line.text} {last.text}"
            )
            last.x0, last.x1 = min(last.x0, line.x0), max(last.x1, line.x1)
            last.bottom = max(last.bottom, line.bottom)
            last.bold = last.bold and line.bold
            last.alone = last.alone or line.alone
        else:
            merged.append(line)
    return merged


def _same_baseline(a: Line, b: Line) -> bool:
    """Side by side on one visual line: not overlapping across, and sharing at least half
    the height of the smaller (a superscript sits inside its line's height)."""
    if a.x0 < b.x1 and b.x0 < a.x1:
        return False
    shared = min(a.bottom, b.bottom) - max(a.top, b.top)
    return shared >= 0.4 * min(a.bottom - a.top, b.bottom - b.top)


def read_page(page: pdfium.PdfPage, number: int) -> PageContent:
    """Lines and tables of one page, in top-to-bottom order."""
    width, height = page.get_size()
    content = PageContent(number=number, width=width, height=height)
    textpage = page.get_textpage()
    try:
        chars = page_chars(textpage, height)
    finally:
        textpage.close()
    content.chars = len(chars)
    edges, rects, content.graphics = drawings(page, height)
    placed: list[Line | PageTable] = []
    boxes = []
    card: list[Line] = []
    used: set[int] = set()
    ordered = sorted(chars, key=lambda c: c["cy"])
    centres = [c["cy"] for c in ordered]
    for table in _tables(edges):
        bbox = table.bbox
        band = ordered[bisect.bisect_left(centres, bbox[1]) : bisect.bisect_right(centres, bbox[3])]
        in_table = sorted(_inside(band, bbox), key=lambda c: c["order"])
        raw_cells = _cells(table, in_table)
        kind = frame_kind(raw_cells)
        one_column = max((len(row) for row in raw_cells), default=0) == 1
        cut = kind in ("card", "table") or (kind == "text" and one_column)
        unruled = split_unruled(table, in_table, chars) if cut else None
        if unruled is not None:
            kind = "table"  # a frame of column rules only: one tall row of figure columns
        if kind == "card":
            card += _card_lines(number, table, in_table, used)
        if kind not in ("table", "prose"):
            continue
        boxes.append(bbox)
        cells = [[cell or "" for cell in row] for row in raw_cells]
        if kind == "prose":
            prose = _lines(number, in_table, [])
            placed.append(PageTable(number, bbox[1], bbox[3], cells, 0, False, prose=prose))
            continue
        if unruled is not None:
            rows, count, taken = unruled
            used.update(taken)
            placed.append(PageTable(number, bbox[1], bbox[3], rows, count, styled_header=True))
            continue
        shaded = [r for r in rects if r["bottom"] >= bbox[1] and r["top"] <= bbox[3]]
        count = header_count(table, in_table, shaded, cells)
        placed.append(PageTable(number, bbox[1], bbox[3], cells, count, styled_header=count > 0))
    outside = [
        c
        for c in chars
        if id(c) not in used
        and not any(
            x0 <= c["cx"] <= x1 and top <= c["cy"] <= bottom for x0, top, x1, bottom in boxes
        )
    ]
    placed += _lines(number, outside, card)
    placed.sort(key=lambda item: item.top)
    content.items = placed
    return content
