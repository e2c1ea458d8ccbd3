"""One PDF page → its text lines and tables, with what layout needs to rebuild structure.

pdfplumber's table finder gives the tables; the text lines are taken from outside the
table boxes so that no cell is read twice. Each line keeps its position, font size and
weight, from which ``_pdf_layout`` finds paragraphs, headings, lists and running
headers. A framed box that pdfplumber reads as a table but that is laid out like a card
(few rows, mostly merged or empty cells) is text, not a table.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from typing import Any

from pdfplumber.page import Page
from pdfplumber.table import Table

from indexing.loaders._common import clean_text

_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_TABLE_SETTINGS = {"text_x_tolerance": 2, "text_y_tolerance": 2}


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


@dataclass
class PageTable:
    """A table found on one page: header rows (styled apart from the body) and body rows."""

    page: int
    top: float
    bottom: float
    rows: list[list[str]]
    header_count: int
    styled_header: bool

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


def _is_bold(chars: list[dict[str, Any]]) -> bool:
    """Set in bold: nearly every inked character, the last one included (a bold lead-in
    followed by plain words is not a bold line)."""
    inked = [c for c in chars if not c["text"].isspace()]
    if not inked or not _BOLD.search(inked[-1].get("fontname") or ""):
        return False
    bold = sum(1 for c in inked if _BOLD.search(c.get("fontname") or ""))
    return bold >= 0.95 * len(inked)


def _line(page_number: int, raw: dict[str, Any]) -> Line | None:
    text = clean_text(raw["text"])
    if not text:
        return None
    chars = raw.get("chars") or []
    sizes = [round(c["size"], 1) for c in chars if not c["text"].isspace()]
    return Line(
        page=page_number,
        top=raw["top"],
        bottom=raw["bottom"],
        x0=raw["x0"],
        x1=raw["x1"],
        text=text,
        size=statistics.median(sizes) if sizes else 0.0,
        bold=_is_bold(chars),
    )


def _centre_in(obj: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _is_card(cells: list[list[str | None]]) -> bool:
    """A framed layout box rather than a table: one column, or at most three rows of which
    one is empty or a third of the cells are merged (a KPI card: title, chart, figures)."""
    columns = max((len(row) for row in cells), default=0)
    if columns < 2:
        return True
    if len(cells) > 3:
        return False
    filled = [row for row in cells if any(cell and cell.strip() for cell in row)]
    merged = sum(1 for row in cells for cell in row if cell is None)
    return len(filled) < len(cells) or merged >= 0.3 * len(cells) * columns


def _is_white(colour: Any) -> bool:
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


def _header_count(
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
        if not (_is_bold([c for c in chars if _centre_in(c, bbox)]) or shade not in (None, body_shade)):
            break
        count += 1
    return count


def _card_lines(page_number: int, table: Table, cells: list[list[str | None]]) -> list[Line]:
    """A card's rows as text lines, cells of a row side by side."""
    lines = []
    for row, values in zip(table.rows, cells, strict=False):
        text = clean_text(" ".join(value or "" for value in values))
        if text:
            x0, top, x1, bottom = row.bbox
            lines.append(Line(page_number, top, bottom, x0, x1, text, 0.0, False))
    return lines


def read_page(page: Page) -> PageContent:
    """Lines and tables of one page, in top-to-bottom order."""
    number = page.page_number
    content = PageContent(number=number, width=float(page.width), height=float(page.height))
    content.graphics = len(page.images) + len(page.rects) + len(page.curves) + len(page.lines)
    tables = page.find_tables()
    boxes: list[tuple[float, float, float, float]] = []
    placed: list[Line | PageTable] = []
    chars = page.chars
    rects = page.rects
    for table in tables:
        raw_cells = table.extract(**_TABLE_SETTINGS)
        if not raw_cells:
            continue
        boxes.append(table.bbox)
        if _is_card(raw_cells):
            card = _card_lines(number, table, raw_cells)
            for line in card:  # a card's text takes the size of the text around it
                line.size = -1.0
            placed += card
            continue
        cells = [[clean_text(cell or "") for cell in row] for row in raw_cells]
        in_table = [c for c in chars if _centre_in(c, table.bbox)]
        shaded = [
            r for r in rects if r.get("fill") and not _is_white(r.get("non_stroking_color"))
            and r["bottom"] >= table.bbox[1] and r["top"] <= table.bbox[3]
        ]
        count = _header_count(table, in_table, shaded, cells)
        placed.append(
            PageTable(number, table.bbox[1], table.bbox[3], cells, count, styled_header=count > 0)
        )
    outside = page.filter(
        lambda obj: obj.get("object_type") != "char" or not any(_centre_in(obj, b) for b in boxes)
    ) if boxes else page
    for raw in outside.extract_text_lines(return_chars=True, strip=True):
        line = _line(number, raw)
        if line is not None:
            placed.append(line)
    placed.sort(key=lambda item: item.top)
    content.items = placed
    return content
