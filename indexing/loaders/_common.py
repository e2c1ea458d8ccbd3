"""What every format loader shares: the error type, block builders and the text rendering.

Loaders yield ``indexing.blocks.Block``s; ``render_text`` turns them into the corpus text
the plan parser reads (one line per paragraph, heading or list item, one TAB-joined line
per table row, blank lines between blocks). A cell or paragraph must never let a TAB or
newline through: that would invent cells or split rows, so every text is folded here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from indexing.blocks import Block, BlockKind, Row, Span


class LoadError(Exception):
    """A file that cannot be read.

    ``str(err)`` is a one-line, user-facing reason naming the file, e.g.
    ``corpus/x.pdf: not a valid PDF (truncated or corrupt)``; ``reason`` is the same
    without the path, for callers that show the path elsewhere.
    """

    def __init__(self, path: Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = " ".join(reason.split())  # library messages may span lines
        super().__init__(f"{self.path}: {self.reason}")


def clean_text(text: str) -> str:
    """One line of text: every run of whitespace (TAB, newline, NBSP) becomes one space."""
    return " ".join(text.split())


def row_line(cells: list[str]) -> str:
    """A table row as the parser reads it: cleaned cells joined by TAB ('' if all empty)."""
    cleaned = [clean_text(cell) for cell in cells]
    return "\t".join(cleaned) if any(cleaned) else ""


def text_block(kind: BlockKind, text: str, at: Span | None = None, level: int = 0) -> Block | None:
    """A heading, paragraph or list item with its text folded onto one line; None if empty."""
    folded = clean_text(text)
    if not folded:
        return None
    return Block(kind=kind, text=folded, level=level, at=at or Span())


def make_row(cells: Sequence[str | None], at: Span | None = None) -> Row:
    return Row(cells=[clean_text(cell or "") for cell in cells], at=at or Span())


def table_block(header: list[Row], body: list[Row], at: Span | None = None) -> Block | None:
    """A table; rows whose cells are all empty are dropped, and an empty table is None."""
    header = [row for row in header if any(row.cells)]
    body = [row for row in body if any(row.cells)]
    if not header and not body:
        return None
    if at is None:
        at = _span_of([row.at for row in header + body])
    return Block(kind=BlockKind.table, header=[row.cells for row in header], rows=body, at=at)


def _span_of(spans: list[Span]) -> Span:
    """The span covering ``spans`` (first and last page / line / row)."""
    pages = [s.page for s in spans if s.page is not None]
    lines = [s.line for s in spans if s.line is not None] + [
        s.line_end for s in spans if s.line_end is not None
    ]
    rows = [s.row for s in spans if s.row is not None]
    sheets = [s.sheet for s in spans if s.sheet is not None]
    return Span(
        page=min(pages) if pages else None,
        page_end=max(pages) if pages and max(pages) != min(pages) else None,
        line=min(lines) if lines else None,
        line_end=max(lines) if lines and max(lines) != min(lines) else None,
        sheet=sheets[0] if sheets else None,
        row=min(rows) if rows else None,
    )


def render_text(blocks: list[Block]) -> str:
    """Blocks → corpus text. Consecutive list items stay together, as one list."""
    chunks: list[str] = []
    previous: BlockKind | None = None
    for block in blocks:
        if block.kind is BlockKind.table:
            lines = [row_line(cells) for cells in block.header]
            lines += [row_line(row.cells) for row in block.rows]
            chunk = "\n".join(line for line in lines if line)
        elif block.kind is BlockKind.list_item:
            chunk = f"• {clean_text(block.text)}"
        else:
            chunk = clean_text(block.text)
        if not chunk:
            continue
        if block.kind is BlockKind.list_item and previous is BlockKind.list_item:
            chunks[-1] += f"\n{chunk}"
        else:
            chunks.append(chunk)
        previous = block.kind
    text = "\n\n".join(chunks)
    return f"{text}\n" if text else ""


_SENTENCE_END = re.compile(r"[.!?:;)\]’”\"']$")


def ends_sentence(text: str) -> bool:
    """Whether a paragraph's text ends where a sentence (or a clause introducing a list) may."""
    return bool(_SENTENCE_END.search(text.rstrip()))


def brief(err: BaseException, limit: int = 120) -> str:
    """A library exception as a short clause for a user-facing reason."""
    message = clean_text(str(err)) or type(err).__name__
    return message if len(message) <= limit else f"{message[: limit - 1]}…"


def megabytes(n: int) -> str:
    """A byte count as people read it in a message."""
    return f"{n / 1_000_000:,.0f} MB" if n >= 1_000_000 else f"{n:,} bytes"


def reads_as_labels(cells: list[str]) -> bool:
    """Whether a table's first row, not marked as a header, reads as one: every cell is
    filled and none is a bare number (a row of figures is data)."""

    def number(cell: str) -> bool:
        return cell.replace(",", "").replace(".", "").strip("£$€%-() ").isdigit()

    return bool(cells) and all(cell and not number(cell) for cell in cells)


def split_header(rows: list[Row], marked: int) -> tuple[list[Row], list[Row]]:
    """Header rows and body rows: the ``marked`` leading rows, or else the first row when
    it reads as labels and more rows follow."""
    if marked:
        return rows[:marked], rows[marked:]
    if len(rows) > 1 and reads_as_labels(rows[0].cells):
        return rows[:1], rows[1:]
    return [], rows
