"""What every format loader shares: the error type and the corpus text layout.

The plan parser reads one line per paragraph or table row, cells split by TAB, so a
loader must never let a TAB or newline from inside a cell or paragraph through: that
would invent cells or split rows.
"""

from __future__ import annotations

from pathlib import Path

Block = list[str]
"""Lines that belong together (a table's rows, a list's items); a blank line separates blocks."""


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


def join_blocks(blocks: list[Block]) -> str:
    """Blocks → corpus text: lines of a block together, a blank line between blocks."""
    kept = ["\n".join(line for line in block if line) for block in blocks]
    text = "\n\n".join(block for block in kept if block)
    return f"{text}\n" if text else ""


def brief(err: BaseException, limit: int = 120) -> str:
    """A library exception as a short clause for a user-facing reason."""
    message = clean_text(str(err)) or type(err).__name__
    return message if len(message) <= limit else f"{message[: limit - 1]}…"


def megabytes(n: int) -> str:
    """A byte count as people read it in a message."""
    return f"{n / 1_000_000:,.0f} MB" if n >= 1_000_000 else f"{n:,} bytes"
