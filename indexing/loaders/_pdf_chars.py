"""A PDF page's printed characters, read with PDFium (pypdfium2) in C: each with its box
(top-down coordinates), font size and weight, line number and centre. Characters not
printed — clipped out of sight, or turned on their side among upright text — are left
out; a page of more characters than any real page holds is refused."""

from __future__ import annotations

import ctypes
import math
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw_api
import pypdfium2_raw.bindings as raw_bindings

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


def page_chars(textpage: pdfium.PdfTextPage, height: float) -> list[dict[str, Any]]:
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
    return _raised_digits(_upright(chars))


_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT = str.maketrans("0123456789", _SUPERSCRIPT_DIGITS)
SMALLER = 0.8
"""A raised digit is at most this share of the size of the character it follows."""
RAISED = 0.15
"""… and its foot stands at least this share of that character's height above its foot."""


def _raised_digits(chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Digits set small and raised against the character before them — a footnote's mark
    ("38¹ indicators"), a unit's power ("m²") — as superscript characters, so the mark is
    never read as part of the figure ("381")."""
    base: dict[str, Any] | None = None  # the character a run of raised digits follows
    for before, char in zip(chars, chars[1:], strict=False):
        if not (char["text"].isdecimal() and char["text"].isascii()):
            base = None
            continue
        if base is None or before["text"] not in _SUPERSCRIPT_DIGITS:
            base = before
        height = base["bottom"] - base["top"]
        if (
            base["text"].strip()
            and base["line"] == char["line"]
            and char["size"] <= SMALLER * base["size"]
            and base["bottom"] - char["bottom"] >= RAISED * height
        ):
            char["text"] = char["text"].translate(_SUPERSCRIPT)
        else:
            base = None
    return chars


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
