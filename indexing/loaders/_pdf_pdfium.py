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
import ctypes
import math
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw_api
import pypdfium2_raw.bindings as raw_bindings
from pdfplumber.table import (
    Table,
    cells_to_tables,
    edges_to_intersections,
    intersections_to_cells,
    merge_edges,
)
from pdfplumber.utils import filter_edges

from indexing.loaders._common import clean_text
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
_FONT_NAME = ctypes.create_string_buffer(256)
_SKEW = 0.05
"""A text matrix turned more than this (about 3 degrees) is text on its side: not read."""
_BOLD_WEIGHT = 600
MAX_PAGE_CHARS = 100_000
"""Characters one page may hold (a dense A4 page has about 5,000): each costs Python
time, so a page of a million invisible characters is refused rather than read."""


def _text_object_address() -> Any:
    """FPDFText_GetTextObject returning the object's address as an int (a key for the
    font cache), instead of a pointer object that must be cast for every character."""
    function = raw_bindings._libs["pdfium"]["FPDFText_GetTextObject"]
    function.argtypes = [raw_api.FPDF_TEXTPAGE, ctypes.c_int]
    function.restype = ctypes.c_void_p
    return function


_TEXT_OBJECT = _text_object_address()


class PageLimit(ValueError):
    """A page over a limit; the message says which, for the ``LoadError``."""


def _page_text(handle: Any, count: int) -> str | None:
    """The page's characters in one call; None if they do not map one to one."""
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    raw_api.FPDFText_GetText(handle, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    text = buffer.raw[: count * 2].decode("utf-16-le", "surrogatepass")
    return text if len(text) == count else None


def _chars(textpage: pdfium.PdfTextPage, height: float) -> list[dict[str, Any]]:
    """Every character with its box (top-down coordinates), size, font, line number and
    centre. Font facts are read once per text object (a run of one font); the size is
    the font size times the text matrix's vertical scale, since many PDFs set 1-point type
    and scale it."""
    handle = textpage.raw
    count = raw_api.FPDFText_CountChars(handle)
    if count > MAX_PAGE_CHARS:
        raise PageLimit(
            f"{count:,} characters on one page, over the {MAX_PAGE_CHARS:,}-character page limit"
        )
    text = _page_text(handle, count) if count > 0 else ""
    box = raw_api.FS_RECTF()
    box_ref = ctypes.byref(box)
    loose_box = raw_api.FPDFText_GetLooseCharBox
    matrix = raw_api.FS_MATRIX()
    flags = ctypes.c_int()
    chars: list[dict[str, Any]] = []
    line = 0
    fonts: dict[int | None, tuple[float, str, bool, tuple[float, float, float, float] | None]] = {}
    previous: dict[str, Any] | None = None
    for index in range(count):
        if text is not None:
            glyph = text[index]
        else:
            code = raw_api.FPDFText_GetUnicode(handle, index)
            glyph = chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else " "
        if glyph in "\r\n":
            line += 1
            continue
        if glyph == "\ufffe":  # PDFium's mark for a hyphen that ends a line
            glyph = "-"
        if glyph.isspace() or "\ud800" <= glyph <= "\udfff":
            if previous is not None:
                chars.append({**previous, "text": " ", "line": line, "order": len(chars)})
            continue
        key = _TEXT_OBJECT(handle, index)
        font = fonts.get(key)
        if font is None:
            raw_api.FPDFText_GetFontInfo(handle, index, _FONT_NAME, 256, ctypes.byref(flags))
            name = _FONT_NAME.value.decode("latin-1", "replace")
            if raw_api.FPDFText_GetFontWeight(handle, index) >= _BOLD_WEIGHT:
                name += " Bold"
            raw_api.FPDFText_GetMatrix(handle, index, ctypes.byref(matrix))
            scale = math.hypot(matrix.c, matrix.d) or 1.0  # text drawn at 1 pt and scaled up
            upright = abs(matrix.b) <= _SKEW * abs(matrix.a) and abs(matrix.c) <= _SKEW * abs(
                matrix.d
            )
            font = fonts[key] = (
                raw_api.FPDFText_GetFontSize(handle, index) * scale,
                name,
                upright,
                _clip_box(key),
            )
        loose_box(handle, index, box_ref)
        clip = font[3]
        if clip is not None and not (
            clip[0] <= (box.left + box.right) / 2 <= clip[2]
            and clip[1] <= (box.bottom + box.top) / 2 <= clip[3]
        ):
            continue  # clipped out of sight (a merged cell's label repeated on each page)
        top, bottom = height - box.top, height - box.bottom
        if (
            previous is not None
            and previous["line"] == line
            and (box.left < previous["x0"] and abs(top - previous["top"]) > (bottom - top) / 2)
        ):
            line += 1  # back to the left and down: a new line PDFium did not mark
        previous = {
            "text": glyph,
            "x0": box.left,
            "x1": box.right,
            "top": top,
            "bottom": bottom,
            "size": font[0],
            "fontname": font[1],
            "line": line,
            "cx": (box.left + box.right) / 2,
            "cy": (top + bottom) / 2,
            "order": len(chars),
            "upright": font[2],
        }
        chars.append(previous)
    return _upright(chars)


def _upright(chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The page's upright characters, when most are: text turned on its side (a label
    printed up the side of a table) would mix its letters into the cells and lines it
    crosses. A page whose text is mostly turned is kept whole."""
    turned = sum(1 for c in chars if not c["upright"])
    if not turned or turned * 2 > len(chars):
        return chars
    kept = [c for c in chars if c["upright"]]
    for order, char in enumerate(kept):
        char["order"] = order
    return kept


def _clip_box(address: int | None) -> tuple[float, float, float, float] | None:
    """The box a text object is clipped to (PDF coordinates, bottom up), or None when it
    is not clipped: the intersection of its clip paths' bounding boxes."""
    if not address:
        return None
    clip = raw_api.FPDFPageObj_GetClipPath(
        ctypes.cast(ctypes.c_void_p(address), raw_api.FPDF_PAGEOBJECT)
    )
    if not clip:
        return None
    box = [-math.inf, -math.inf, math.inf, math.inf]
    x, y = ctypes.c_float(), ctypes.c_float()
    for path in range(max(0, raw_api.FPDFClipPath_CountPaths(clip))):
        points = []
        for index in range(max(0, raw_api.FPDFClipPath_CountPathSegments(clip, path))):
            segment = raw_api.FPDFClipPath_GetPathSegment(clip, path, index)
            if segment and raw_api.FPDFPathSegment_GetPoint(
                segment, ctypes.byref(x), ctypes.byref(y)
            ):
                points.append((x.value, y.value))
        if points:
            box = [
                max(box[0], min(p[0] for p in points)),
                max(box[1], min(p[1] for p in points)),
                min(box[2], max(p[0] for p in points)),
                min(box[3], max(p[1] for p in points)),
            ]
    return None if math.isinf(box[0]) else (box[0], box[1], box[2], box[3])


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
        chars = _chars(textpage, height)
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
        unruled = split_unruled(table, in_table, chars)
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
