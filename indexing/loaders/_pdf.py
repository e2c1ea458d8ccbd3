"""PDF → corpus text, with pdfplumber: text lines and table rows in top-to-bottom order.

Tables are found per page; their rows become TAB-joined lines, and the page's text is
taken from outside the table boxes so that no cell is read twice.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.page import Page
from pdfplumber.utils.exceptions import PdfminerException

from indexing.loaders._common import Block, LoadError, brief, join_blocks, row_line

_HEADER_WINDOW = 1024
_TRAILER_WINDOW = 2048  # readers accept "%%EOF" near, not exactly at, the end


def _check_envelope(raw: bytes, path: Path) -> None:
    """Refuse a file that is not a whole PDF before parsing it.

    pdfminer recovers what it can from a truncated file, so without this a half-copied
    PDF would be indexed with its second half silently missing.
    """
    if b"%PDF-" not in raw[:_HEADER_WINDOW]:
        raise LoadError(path, "not a valid PDF (no %PDF header — is it really a PDF?)")
    if b"%%EOF" not in raw[-_TRAILER_WINDOW:]:
        raise LoadError(path, "not a valid PDF (truncated or corrupt: no %%EOF end marker)")


def _centre_outside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    """Whether an object's centre lies outside every table box.

    Centres, not any overlap: a line of text just above a table often touches its box
    by a fraction of a point and must not be dropped with the table.
    """
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _page_blocks(page: Page) -> list[Block]:
    """One page: runs of text lines and whole tables, ordered by their top edge."""
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]
    outside = page.filter(lambda obj: _centre_outside(obj, boxes))
    placed: list[tuple[float, bool, list[str]]] = [
        (line["top"], False, [line["text"]])
        for line in outside.extract_text_lines(return_chars=False)
    ]
    placed += [
        (table.bbox[1], True, [row_line([cell or "" for cell in row]) for row in table.extract()])
        for table in tables
    ]
    blocks: list[Block] = []
    previous_was_text = False
    for _top, is_table, lines in sorted(placed, key=lambda item: item[0]):
        if is_table or not previous_was_text:
            blocks.append([])
        blocks[-1].extend(lines)
        previous_was_text = not is_table
    return blocks


def _reason(err: Exception) -> str:
    """Why pdfplumber/pdfminer could not read the file, as the user can act on it."""
    cause: Any = err.args[0] if isinstance(err, PdfminerException) and err.args else err
    if isinstance(cause, PDFPasswordIncorrect):
        return "is password-protected — save a copy without the password and try again"
    if isinstance(cause, PDFEncryptionError):
        return (
            f"is encrypted in a way that cannot be read ({brief(cause)}) "
            "— save an unencrypted copy"
        )
    return f"not a valid PDF (truncated or corrupt: {brief(cause)})"


def load_pdf(raw: bytes, path: Path) -> str:
    """A PDF's text, tables as TAB-separated rows; any parser failure becomes a LoadError."""
    _check_envelope(raw, path)
    blocks: list[Block] = []
    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            for page in pdf.pages:
                blocks += _page_blocks(page)
                page.close()  # drop the page's cached objects: big PDFs otherwise pile up
    except Exception as err:  # pdfminer raises many types for damaged files
        raise LoadError(path, _reason(err)) from err
    return join_blocks(blocks)
