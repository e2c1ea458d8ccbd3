"""PDF → blocks: each page read once with PDFium, then laid out as a whole document.

``_pdf_pdfium`` reads a page's lines and tables, ``_pdf_layout`` rebuilds paragraphs,
headings, lists and tables that run over pages. Every way a PDF can be unreadable
becomes a ``LoadError``: a file that is not a whole PDF is refused before parsing, and a
PDF with no text is told apart as a scan (its pages hold images or drawings: OCR it) or
as damaged (pages that could not be read, or hold nothing at all).
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from indexing.blocks import Block
from indexing.loaders._common import LoadError, brief
from indexing.loaders._pdf_chars import PageLimit
from indexing.loaders._pdf_layout import layout_blocks
from indexing.loaders._pdf_page import PageContent
from indexing.loaders._pdf_pdfium import read_page

_HEADER_WINDOW = 1024
_TRAILER_WINDOW = 2048  # readers accept "%%EOF" near, not exactly at, the end
MAX_PAGES = 3_000
"""Pages one PDF may have (some minutes of reading); past this, split the document."""
MAX_CHARS = 6_000_000
"""Characters of all pages together: 3,000 dense pages."""
SCANNED = "no extractable text — is it a scanned image? OCR it first"
DAMAGED = (
    "is damaged: its pages hold nothing that can be read (no text, images or drawings) "
    "— re-export or re-download the PDF"
)
NO_PAGES = "no page could be read — the file is damaged; re-export or re-download it"


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
    """Why PDFium could not open the file, as the user can act on it."""
    message = str(err).lower()
    if "password" in message:
        return "is password-protected — save a copy without the password and try again"
    if "security" in message:
        return (
            f"is encrypted in a way that cannot be read ({brief(err)}) — save an unencrypted copy"
        )
    return f"not a valid PDF (truncated or corrupt: {brief(err)})"


def _read_pages(raw: bytes, path: Path) -> list[PageContent]:
    """Every page's content, each page parsed once."""
    try:
        document = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as err:
        raise LoadError(path, _reason(err)) from err
    try:
        count = len(document)
        if count > MAX_PAGES:
            raise LoadError(
                path,
                f"has {count:,} pages, over the {MAX_PAGES:,}-page limit for one document "
                "— split it into smaller documents",
            )
        pages: list[PageContent] = []
        chars = 0
        for index in range(count):
            try:
                page = document[index]
            except pdfium.PdfiumError as err:
                raise LoadError(path, _reason(err)) from err
            try:
                pages.append(read_page(page, index + 1))
            except PageLimit as err:
                raise LoadError(
                    path, f"page {index + 1} has {err} — is it generated or damaged?"
                ) from err
            finally:
                page.close()
            chars += pages[-1].chars
            if chars > MAX_CHARS:
                raise LoadError(
                    path,
                    f"has over {MAX_CHARS:,} characters of text (document character limit) "
                    "— split it into smaller documents",
                )
        return pages
    finally:
        document.close()


def empty_reason(pages: list[PageContent]) -> str:
    """Why a PDF gave no text: no pages at all, a scan (its pages hold images or
    drawings), or damage (pages with nothing on them that PDFium could read)."""
    if not pages:
        return f"not a valid PDF (truncated or corrupt: {NO_PAGES})"
    if any(page.graphics for page in pages):
        return SCANNED
    return DAMAGED


def load_pdf(raw: bytes, path: Path) -> list[Block]:
    """A PDF's blocks in reading order; any parser failure becomes a LoadError."""
    _check_envelope(raw, path)
    pages = _read_pages(raw, path)
    blocks = layout_blocks(pages)
    if not blocks:
        raise LoadError(path, empty_reason(pages))
    return blocks
