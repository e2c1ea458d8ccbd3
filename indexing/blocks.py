"""What a loader yields: a file's content as blocks in reading order.

Headings with their level, paragraphs reflowed across line and page breaks, list
items, and tables as tables (header rows and body rows of cells). Each block and each
table row says where it is: page (PDF), sheet and row (spreadsheets) or line (text), so
a citation can send the reader to the place. Readers (``indexing/readers``) turn blocks
into items, tables of figures and passages.
"""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, Field


class BlockKind(str, Enum):
    heading = "heading"
    paragraph = "paragraph"
    list_item = "list_item"
    table = "table"


class Span(BaseModel):
    """Where a block or row sits in its file; a field is None when the format has none."""

    page: int | None = Field(default=None, ge=1)
    page_end: int | None = Field(default=None, ge=1)
    line: int | None = Field(default=None, ge=1)
    line_end: int | None = Field(default=None, ge=1)
    sheet: str | None = None
    row: int | None = Field(default=None, ge=1)


class Row(BaseModel):
    """One table row: its cells (whitespace folded, never a TAB or newline inside)."""

    cells: list[str]
    at: Span = Field(default_factory=Span)


class Block(BaseModel):
    """A heading, paragraph, list item or table."""

    kind: BlockKind
    text: str = Field(default="", description="Heading, paragraph or list-item text, reflowed")
    level: int = Field(default=0, description="Heading level (1 = top); 0 when unknown")
    header: list[list[str]] = Field(
        default_factory=list, description="Header rows of a table, top first (multi-row headers)"
    )
    rows: list[Row] = Field(default_factory=list, description="Body rows of a table")
    at: Span = Field(default_factory=Span)

    @property
    def is_table(self) -> bool:
        return self.kind is BlockKind.table
