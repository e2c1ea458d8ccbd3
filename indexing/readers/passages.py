"""Prose → passages under their headings, and spans → citable locations.

Paragraphs and list items are joined with their neighbours under the same heading up to
a size that reads as one answer (a few short paragraphs, never two long ones, never
across a page break), each passage keeping where it starts and ends: lines in text files, pages in PDFs, sheet and
row in spreadsheets, so a citation can say ``p. 23``.
"""

from __future__ import annotations

import re

from indexing.blocks import Span
from indexing.model import Location, Passage

MAX_CHARS = 900
"""A passage stops growing past this: long enough for a paragraph and its context."""
_SHORT = 200
_NUMBERED_HEADING = re.compile(r"^\d{1,2}\.(?:\d{1,2}\.?)*\s+[A-Z][\w&,'’ -]{2,70}$")


def span_location(path: str, span: Span, end: Span | None = None) -> Location:
    """A block's span (and the span it runs to) → the Location a citation carries."""
    last = end or span
    line_end = last.line_end or last.line
    page_end = last.page_end or last.page
    return Location(
        path=path,
        line_start=span.line,
        line_end=max(line_end, span.line) if line_end and span.line else line_end,
        page=span.page,
        page_end=page_end if page_end and page_end != span.page else None,
        sheet=span.sheet,
        row=span.row,
    )


def looks_like_heading(text: str) -> bool:
    """A paragraph that reads as a heading when the loader could not say: a short line in
    capitals ("WE ARE FINANCIALLY SOUND") or numbered ("3. Performance & MTP")."""
    text = " ".join(text.split())
    if not text or len(text) > 80 or text.endswith((".", ":", ",", ";")):
        return False
    if _NUMBERED_HEADING.match(text):
        return True
    letters = [c for c in text if c.isalpha()]
    visible = [c for c in text if not c.isspace()]
    # mostly letters: "ISBN: 978-1-5286-5386-2" or "E03271203 01/25" is not a heading
    return len(letters) >= 3 and len(letters) * 3 >= len(visible) * 2 and text.upper() == text


class PassageBuilder:
    """Collects prose in reading order and merges neighbours under the same heading."""

    def __init__(self, doc_id: str, source: str) -> None:
        self.doc_id = doc_id
        self.source = source
        self.passages: list[Passage] = []
        self._last_end: Span | None = None

    def add(self, text: str, span: Span, section: str | None, *, end: Span | None = None) -> None:
        text = text.strip()
        if not text:
            return
        previous = self.passages[-1] if self.passages else None
        if previous is not None and self._joins(previous, text, span, section):
            previous.text = f"{previous.text}\n{text}"
            merged = span_location(
                self.source,
                Span(
                    line=previous.location.line_start,
                    page=previous.location.page,
                    sheet=previous.location.sheet,
                    row=previous.location.row,
                ),
                end or span,
            )
            previous.location = merged
            return
        self.passages.append(
            Passage(
                id=f"{self.doc_id}:p{len(self.passages) + 1}",
                document_id=self.doc_id,
                section=section,
                text=text,
                location=span_location(self.source, span, end),
            )
        )

    def _joins(self, previous: Passage, text: str, span: Span, section: str | None) -> bool:
        if previous.section != section:
            return False
        if len(previous.text) + len(text) >= MAX_CHARS or (
            len(text) >= _SHORT and len(previous.text) >= _SHORT
        ):
            return False
        at = previous.location
        if span.line is not None and at.line_end is not None:
            return span.line - at.line_end <= 3
        if span.page is not None and at.page is not None:
            # a passage stays on its page, so its citation names the page the words are on
            return span.page == (at.page_end or at.page)
        return span.sheet == at.sheet
