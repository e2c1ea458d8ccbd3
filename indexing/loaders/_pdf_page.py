"""What a PDF page holds for layout: text lines and tables, and how tables are judged.

Each line keeps its position, font size and weight, from which ``_pdf_layout`` finds
paragraphs, headings, lists and running headers. A table's header rows are the leading
rows set apart from the body (bold, or shaded across the row). A framed box that the
table finder reads as a table but that is laid out like a card (few rows, mostly merged
or empty cells: a KPI's title, chart and figures) is text, not a table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pdfplumber.table import Table

_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)


@dataclass
class Line:
    """A visual line of text outside any table."""

    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    text: str
    size: float
    bold: bool
    alone: bool = False
    """A block by itself (a card's cell, whole already): never joined to the lines around."""


@dataclass
class PageTable:
    """A table found on one page: header rows (styled apart from the body) and body rows."""

    page: int
    top: float
    bottom: float
    rows: list[list[str]]
    header_count: int
    styled_header: bool
    prose: list[Line] | None = None
    """For a frame of prose (one filled cell a row): its lines, read as text unless the
    frame continues a table from the page before."""

    @property
    def columns(self) -> int:
        return max((len(row) for row in self.rows), default=0)


@dataclass
class PageContent:
    number: int
    width: float
    height: float
    items: list[Line | PageTable] = field(default_factory=list)
    graphics: int = 0
    """Images, rectangles, curves and lines on the page: a page with only these is a scan."""
    chars: int = 0
    """Characters read from the page."""


def is_bold(chars: list[dict[str, Any]]) -> bool:
    """Set in bold: nearly every inked character, the last one included (a bold lead-in
    followed by plain words is not a bold line)."""
    inked = [c for c in chars if not c["text"].isspace()]
    if not inked or not _BOLD.search(inked[-1].get("fontname") or ""):
        return False
    bold = sum(1 for c in inked if _BOLD.search(c.get("fontname") or ""))
    return bold >= 0.95 * len(inked)


def centre_in(obj: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    x = obj["cx"] if "cx" in obj else (obj["x0"] + obj["x1"]) / 2
    y = obj["cy"] if "cy" in obj else (obj["top"] + obj["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def frame_kind(cells: list[list[str | None]]) -> str:
    """What a box the table finder found really is.

    "text": lines of text in a frame — empty, one column, or words cut apart by a grid
    (highlight marks behind words, a chart's gridlines through its title); read with the
    page's text.
    "prose": one filled cell a row — a box of prose, or, at the top of a page, the rest of
    a table row that did not fit on the page before; layout decides which.
    "card": a layout box of at most three rows, one empty or a third of its cells merged
    (a KPI card: title and rating, chart, figures); each row is read as one line.
    "table": anything else.
    """
    columns = max((len(row) for row in cells), default=0)
    filled_cells = [cell for row in cells for cell in row if cell and cell.strip()]
    if columns < 2 or not filled_cells:
        return "text"
    lower_words = sum(1 for c in filled_cells if c.isalpha() and c[:1].islower())
    if columns > 6 and lower_words >= 0.4 * len(filled_cells):
        return "text"  # prose cut into cells: "The | Council | along | with | the"
    empty = sum(1 for row in cells for cell in row if cell is not None and not cell.strip())
    if len(cells) == 1 and empty > columns / 3:
        return "text"  # a one-row grid: a chart's title between its gridlines
    if all(sum(1 for cell in row if cell and cell.strip()) <= 1 for row in cells):
        return "prose"  # one filled cell a row: a box of prose, or a split row's overflow
    if len(cells) > 3:
        return "table"
    filled_rows = [row for row in cells if any(cell and cell.strip() for cell in row)]
    merged = sum(1 for row in cells for cell in row if cell is None)
    if len(filled_rows) < len(cells) or merged >= 0.3 * len(cells) * columns:
        return "card"
    return "table"


def is_white(colour: Any) -> bool:
    if colour is None:
        return True
    values = list(colour) if isinstance(colour, (list, tuple)) else [colour]
    if not all(isinstance(v, (int, float)) for v in values):
        return False  # a pattern or named colour: not plain paper
    if len(values) == 4:  # CMYK: no ink is white
        return all(v <= 0.01 for v in values)
    return all(v >= 0.99 for v in values)


def _shading(rects: list[dict[str, Any]], bbox: tuple[float, float, float, float]) -> Any:
    """The fill colour covering most of a row's width (at its top, middle or bottom: a
    cell merged over two rows may leave a gap at one height), or None when unshaded."""
    x0, top, x1, bottom = bbox
    best: tuple[str | None, float] = (None, 0.0)
    for y in (top + (bottom - top) * f for f in (0.25, 0.5, 0.75)):
        cover: dict[str, float] = {}
        for rect in rects:
            if rect["top"] <= y <= rect["bottom"]:
                key = repr(rect.get("non_stroking_color"))
                width = max(0.0, min(x1, rect["x1"]) - max(x0, rect["x0"]))
                cover[key] = cover.get(key, 0.0) + width
        for colour, width in cover.items():
            if width > best[1]:
                best = (colour, width)
    return best[0] if best[1] >= 0.8 * (x1 - x0) else None


def header_count(
    table: Table, chars: list[dict[str, Any]], rects: list[dict[str, Any]], cells: list[list[str]]
) -> int:
    """Leading rows set apart from the body: in bold, or shaded across the table's width.

    At most three, never every row, and a band with one filled cell (a section title
    inside the table) ends the header unless it is the first row.
    """
    x0, _, x1, _ = table.bbox
    last = table.rows[-1].bbox
    body_shade = _shading(rects, (x0, last[1], x1, last[3]))  # shading alike says nothing
    count = 0
    for index, row in enumerate(table.rows[: min(3, len(cells) - 1)]):
        filled = sum(1 for cell in cells[index] if cell)
        if not filled or (index and filled == 1 and len(cells[index]) > 2):
            break
        bbox = (x0, row.bbox[1], x1, row.bbox[3])
        shade = _shading(rects, bbox)
        if not (
            is_bold([c for c in chars if centre_in(c, bbox)]) or shade not in (None, body_shade)
        ):
            break
        count += 1
    return count
