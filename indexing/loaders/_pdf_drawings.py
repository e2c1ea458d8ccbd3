"""A PDF page's drawings → the edges tables are found on, and the shaded rectangles.

Ruling lines and rectangle sides become edges for pdfplumber's table steps; filled
rectangles that are not white are kept to tell a shaded header row. A gradient fill is
often drawn as a stack of thin filled strips, each touching the next: read one by one,
every strip would be a ruling line cutting its cell into rows, so a stack of three or
more strips of one width, each at most 6 points tall and starting where the one above
ends, is one rectangle. (Shaded table rows are taller, and keep their own edges.)
"""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw_api

from indexing.loaders._pdf_page import is_white

_THIN = 3.0
"""A drawing no thicker than this (points) is a ruling line."""
_RECT_SEGMENTS = 6
_TOUCH = 0.5
"""Strips of a stack meet within this (points), and share their left and right sides."""
_STACK = 3
"""Strips in a stack before it is read as one fill: a double rule is two."""
_STRIP = 6.0
"""A strip of a gradient is no taller than this (points); a shaded table row is taller."""
MAX_PAGE_DRAWINGS = 20_000
"""Drawings looked at for table rules on one page; past this (a detailed map or chart)
the page is read as text only."""


def _draw_mode(obj: pdfium.PdfObject) -> tuple[bool, bool]:
    """Whether a path is filled, and whether it is stroked."""
    fill = ctypes.c_int()
    stroke = ctypes.c_int()
    if not raw_api.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(fill), ctypes.byref(stroke)):
        return False, True
    return bool(fill.value), bool(stroke.value)


def _fill_colour(obj: pdfium.PdfObject) -> tuple[float, ...] | None:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not raw_api.FPDFPageObj_GetFillColor(obj.raw, *(ctypes.byref(v) for v in (r, g, b, a))):
        return None
    return (round(r.value / 255, 3), round(g.value / 255, 3), round(b.value / 255, 3))


def _edge(x0: float, top: float, x1: float, bottom: float, orientation: str) -> dict[str, Any]:
    return {
        "object_type": "rect_edge",
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "width": x1 - x0,
        "height": bottom - top,
        "orientation": orientation,
    }


def _shape(
    box: tuple[float, float, float, float],
    is_rect: bool,
    colour: tuple[float, ...] | None,
    edges: list[dict[str, Any]],
    rects: list[dict[str, Any]],
) -> None:
    """One drawing's edges (a line, or a rectangle's four sides) and its shading."""
    x0, top, x1, bottom = box
    width, tall = x1 - x0, bottom - top
    if tall <= _THIN and width > _THIN:
        middle = (top + bottom) / 2
        edges.append(_edge(x0, middle, x1, middle, "h"))
    elif width <= _THIN and tall > _THIN:
        middle = (x0 + x1) / 2
        edges.append(_edge(middle, top, middle, bottom, "v"))
    elif is_rect:
        edges += [
            _edge(x0, top, x1, top, "h"),
            _edge(x0, bottom, x1, bottom, "h"),
            _edge(x0, top, x0, bottom, "v"),
            _edge(x1, top, x1, bottom, "v"),
        ]
        if colour is not None and not is_white(colour):
            rects.append(
                {
                    "x0": x0,
                    "x1": x1,
                    "top": top,
                    "bottom": bottom,
                    "fill": True,
                    "non_stroking_color": colour,
                }
            )


def _stacks(
    fills: list[tuple[tuple[float, float, float, float], tuple[float, ...] | None]],
) -> list[tuple[tuple[float, float, float, float], tuple[float, ...] | None]]:
    """Filled, unstroked rectangles with stacks of touching strips made one rectangle
    (coloured as its middle strip)."""
    fills = sorted(fills, key=lambda f: (round(f[0][0]), round(f[0][2]), f[0][1]))
    out = []
    run: list[tuple[tuple[float, float, float, float], tuple[float, ...] | None]] = []

    def close() -> None:
        if len(run) >= _STACK:
            first, last = run[0][0], run[-1][0]
            out.append(((first[0], first[1], first[2], last[3]), run[len(run) // 2][1]))
        else:
            out.extend(run)

    for fill in fills:
        box = fill[0]
        if run and not (
            abs(box[0] - run[-1][0][0]) <= _TOUCH
            and abs(box[2] - run[-1][0][2]) <= _TOUCH
            and abs(box[1] - run[-1][0][3]) <= _TOUCH
        ):
            close()
            run = []
        run.append(fill)
    close()
    return out


def drawings(
    page: pdfium.PdfPage, height: float
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
    """Edges (ruling lines, rectangle sides), filled rectangles, and the drawing count."""
    edges: list[dict[str, Any]] = []
    rects: list[dict[str, Any]] = []
    fills: list[tuple[tuple[float, float, float, float], tuple[float, ...] | None]] = []
    graphics = 0
    for obj in page.get_objects(max_depth=4):
        if graphics >= MAX_PAGE_DRAWINGS:
            return [], [], graphics  # too many to look at: no table rules on this page
        kind = obj.type
        if kind == raw_api.FPDF_PAGEOBJ_IMAGE:
            graphics += 1
            continue
        if kind != raw_api.FPDF_PAGEOBJ_PATH:
            continue
        graphics += 1
        try:
            left, low, right, high = obj.get_bounds()
        except pdfium.PdfiumError:
            continue
        box = (left, height - high, right, height - low)
        is_rect = raw_api.FPDFPath_CountSegments(obj.raw) <= _RECT_SEGMENTS
        filled, stroked = _draw_mode(obj)
        colour = _fill_colour(obj) if filled else None
        if is_rect and filled and not stroked and box[3] - box[1] <= _STRIP:
            fills.append((box, colour))
        else:
            _shape(box, is_rect, colour, edges, rects)
    for box, colour in _stacks(fills):
        _shape(box, True, colour, edges, rects)
    return edges, rects, graphics
