"""The page of a PDF that holds a quoted sentence, when its passage runs over several.

A passage is kept whole across a page break (a paragraph reflowed over pp. 9–10), so
its location names a range; a citation of one sentence of it should say the page that
sentence is printed on. The PDF's own text of those pages is read (pypdfium2, a few
milliseconds a page, cached) and the page whose text holds the start of the quote is
the citation's page. Anything that cannot be read leaves the passage's first page.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_PROBE = 40
"""Characters (letters and digits only) of the quote looked for on each page."""


def _squash(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


def _resolve(path: str, corpus_dir: Path | None) -> Path | None:
    """The file a location names: as given, or under the corpus folder by its tail."""
    candidate = Path(path)
    if candidate.is_file():
        return candidate
    if corpus_dir is not None:
        parts = candidate.parts
        for start in range(len(parts)):
            tail = corpus_dir.joinpath(*parts[start:])
            if tail.is_file():
                return tail
    return None


@lru_cache(maxsize=512)
def _page_text(path: str, page: int) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        if page < 1 or page > len(pdf):
            return ""
        text_page = pdf[page - 1].get_textpage()
        return _squash(text_page.get_text_range())
    finally:
        pdf.close()


def page_of_quote(
    path: str, first: int, last: int, quote: str, corpus_dir: Path | None = None
) -> int:
    """The page in ``first``..``last`` whose text holds the start of ``quote``
    (else its end); ``first`` when neither is found or the file cannot be read."""
    if last <= first or not path.lower().endswith(".pdf"):
        return first
    squashed = _squash(quote)
    if len(squashed) < 8:
        return first
    resolved = _resolve(path, corpus_dir)
    if resolved is None:
        return first
    try:
        texts = {
            page: _page_text(str(resolved), page) for page in range(first, min(last, first + 5) + 1)
        }
    except Exception:  # noqa: BLE001 - an unreadable file keeps the passage's own page
        return first
    for probe in (squashed[:_PROBE], squashed[-_PROBE:]):
        for page, text in texts.items():
            if probe in text:
                return page
    return first
