"""Running headers, footers and page numbers: what a PDF repeats on its pages, not content.

A line in the top or bottom margin band that comes back at the same place on many pages
(digits ignored, so "Page 3" and "Page 4" are the same line) is a running header or
footer; a bare page number ("12", "- 12 -", "Page 3 of 12") in a margin band is dropped
wherever it appears. A running line at the top set larger than the body text, or in
bold, is the document's title repeated on each page: its first appearance is kept (the
page where the title is printed first is where a reader looks for it). A line repeated at the same place on most pages
of a longer document, wherever it is, is a watermark ("DRAFT") and dropped. A table
repeated identically at the same place on several pages (a totals strip over a register)
is kept once.
"""

from __future__ import annotations

import re
from collections import Counter

from indexing.loaders._pdf_page import Line, PageContent, PageTable

MARGIN_BAND = 0.12
"""Share of the page height at the top and at the bottom where running lines live."""
WATERMARK_SHARE = 0.6
"""A line at the same place on this share of the pages (three at least) is a watermark."""
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE
)
_DIGITS = re.compile(r"\d+")


def _in_margin(line: Line, page: PageContent) -> bool:
    return line.top < page.height * MARGIN_BAND or line.bottom > page.height * (1 - MARGIN_BAND)


def _key(line: Line) -> tuple[str, int]:
    return _DIGITS.sub("#", line.text.lower()), round(line.top / 6)


def _table_key(table: PageTable) -> tuple[str, int]:
    return repr(table.rows), round(table.top / 6)


def drop_running(pages: list[PageContent], body_size: float) -> None:
    """Remove running headers, footers, page numbers and repeated tables, in place; a
    running title (larger than the body, or bold, at the top) is kept where it first
    appears."""
    if not pages:
        return
    seen_on: Counter[tuple[str, int]] = Counter()
    tables_on: Counter[tuple[str, int]] = Counter()
    for page in pages:
        seen_on.update({_key(i) for i in page.items if isinstance(i, Line)})
        tables_on.update({_table_key(i) for i in page.items if isinstance(i, PageTable)})
    threshold = max(2, round(0.4 * len(pages)))
    watermark = max(3, round(WATERMARK_SHARE * len(pages)))
    kept_titles: set[tuple[str, int]] = set()
    kept_tables: set[tuple[str, int]] = set()
    for page in pages:
        items: list[Line | PageTable] = []
        for item in page.items:
            if isinstance(item, PageTable):
                key = _table_key(item)
                if tables_on[key] >= 2 and key in kept_tables:
                    continue
                kept_tables.add(key)
            elif _in_margin(item, page):
                if _PAGE_NUMBER.match(item.text):
                    continue
                key = _key(item)
                if len(pages) > 1 and seen_on[key] >= threshold:
                    at_top = item.top < page.height * MARGIN_BAND
                    title = item.size > body_size + 1 or item.bold
                    if not title or not at_top or key in kept_titles:
                        continue
                    kept_titles.add(key)
            elif seen_on[_key(item)] >= watermark:
                continue
            items.append(item)
        page.items = items
