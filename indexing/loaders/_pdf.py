"""PDF → blocks, with pdfplumber: each page read once, then laid out as a whole document.

``_pdf_page`` reads a page's lines and tables, ``_pdf_layout`` rebuilds paragraphs,
headings, lists and tables that run over pages. Every way a PDF can be unreadable
becomes a ``LoadError``: a file that is not a whole PDF is refused before parsing, and a
PDF with no text is told apart as a scan (its pages hold images or drawings: OCR it) or
as damaged (pages that could not be read, or hold nothing at all).
"""

from __future__ import annotations

import io
import logging
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from indexing.blocks import Block
from indexing.loaders._common import LoadError, brief
from indexing.loaders._pdf_layout import layout_blocks
from indexing.loaders._pdf_page import PageContent, read_page

_HEADER_WINDOW = 1024
_TRAILER_WINDOW = 2048  # readers accept "%%EOF" near, not exactly at, the end
MAX_PAGES = 3_000
"""Pages one PDF may have: some 15 minutes of parsing; past this split the document."""
SCANNED = "no extractable text — is it a scanned image? OCR it first"
DAMAGED = (
    "is damaged: its pages could not be read (no text, images or drawings in them) "
    "— re-export or re-download the PDF"
)


class _StreamErrors(logging.Handler):
    """Counts the content-stream errors pdfminer logs and recovers from."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _check_envelope(raw: bytes, path: Path) -> None:
    """Refuse a file that is not a whole PDF before parsing it.

    pdfminer recovers what it can from a truncated file, so without this a half-copied
    PDF would be indexed with its second half silently missing.
    """
    if b"%PDF-" not in raw[:_HEADER_WINDOW]:
        raise LoadError(path, "not a valid PDF (no %PDF header — is it really a PDF?)")
    if b"%%EOF" not in raw[-_TRAILER_WINDOW:]:
        raise LoadError(path, "not a valid PDF (truncated or corrupt: no %%EOF end marker)")


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


def _read_pages(raw: bytes, path: Path) -> tuple[list[PageContent], int]:
    """Every page's content, each page parsed once, and the stream errors met on the way."""
    errors = _StreamErrors()
    logger = logging.getLogger("pdfminer")
    logger.addHandler(errors)
    pages: list[PageContent] = []
    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise LoadError(
                    path,
                    f"has {len(pdf.pages):,} pages, over the {MAX_PAGES:,}-page limit for one "
                    "document — split it into smaller documents",
                )
            for page in pdf.pages:
                pages.append(read_page(page))
                page.close()  # drop the page's cached objects: big PDFs otherwise pile up
    except LoadError:
        raise
    except Exception as err:  # pdfminer raises many types for damaged files
        raise LoadError(path, _reason(err)) from err
    finally:
        logger.removeHandler(errors)
    return pages, errors.count


def empty_reason(pages: list[PageContent], stream_errors: int) -> str:
    """Why a PDF gave no text: a scan (images/drawings on its pages) or damage."""
    if pages and any(page.graphics for page in pages) and not stream_errors:
        return SCANNED
    if pages and any(page.graphics for page in pages):
        return f"{SCANNED} (some of its content could not be read: it may also be damaged)"
    return DAMAGED


def load_pdf(raw: bytes, path: Path) -> list[Block]:
    """A PDF's blocks in reading order; any parser failure becomes a LoadError."""
    _check_envelope(raw, path)
    pages, stream_errors = _read_pages(raw, path)
    blocks = layout_blocks(pages)
    if not blocks:
        raise LoadError(path, empty_reason(pages, stream_errors))
    return blocks
