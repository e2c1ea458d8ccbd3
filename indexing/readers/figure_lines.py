"""Lines of figures printed as text → table rows.

A budget or statistics table without ruling often comes out of a PDF as lines of text:
"Original base budget 1,429,506.8 0.0 1,429,506.8", under a line naming the columns
("Core External Total"). A run of such lines with the same number of figures is a
table: each line becomes a row, its label and figures under the column names when the
line above names as many columns, else under "column 2", "column 3"…
"""

from __future__ import annotations

import re

from indexing.blocks import Block, Span
from indexing.model import unheaded_column

_FIGURE = re.compile(r"^[-+–]?[£$€]?\d[\d,]*(?:\.\d+)?%?$|^\([\d,]+(?:\.\d+)?\)$")
_BLANK = frozenset({"-", "–", "—"})  # a figure left blank, between figures
_LEAST_FIGURES = 2
_LEAST_LINES = 2


def split_figures(text: str) -> tuple[str, list[str]] | None:
    """``"Pay 21,845.7 626.9 22,472.6"`` → ``("Pay", ["21,845.7", "626.9", "22,472.6"])``;
    None when the line does not end in at least two figures."""
    tokens = text.split()
    figures: list[str] = []
    while tokens and (_FIGURE.match(tokens[-1]) or (tokens[-1] in _BLANK and figures)):
        figures.insert(0, tokens.pop())
    while figures and figures[0] in _BLANK:
        tokens.append(figures.pop(0))
    if sum(1 for f in figures if f not in _BLANK) < _LEAST_FIGURES:
        return None
    label = " ".join(tokens)
    if len(label) > 120:
        return None
    return label, figures


def _column_names(block: Block | None, width: int) -> list[str] | None:
    if block is None or block.is_table:
        return None
    names = block.text.split()
    if (
        len(names) == width == len(set(names))
        and all(n[0].isupper() or n[0].isdigit() for n in names)
        and not any(_FIGURE.match(n) for n in names)
    ):
        return names
    return None


class FigureLines:
    """Collects consecutive figure lines; ``flush`` gives them as rows when they form a
    run, or back as prose when they do not."""

    def __init__(self) -> None:
        self.run: list[tuple[Block, str, list[str]]] = []
        self.before: list[Block] = []  # the blocks just above the run: column names, perhaps
        self._last: list[Block] = []
        self._names: dict[int, list[str]] = {}  # column names of earlier runs, by width

    def take(self, block: Block) -> bool:
        """Keep ``block`` when it is a figure line; False (and nothing kept) otherwise."""
        found = split_figures(block.text) if not block.is_table else None
        if found is None:
            self._last = [*self._last[-2:], block]
            return False
        if not self.run:
            self.before = self._last
        self.run.append((block, *found))
        return True

    def flush(self) -> tuple[list[tuple[dict[str, str], Span]], list[Block]]:
        """(rows as cells by column name with their spans, blocks to read as prose)."""
        run, self.run = self.run, []
        if len(run) < _LEAST_LINES:
            return [], [block for block, _, _ in run]
        width = max(len(figures) for _, _, figures in run)
        found = (_column_names(b, width) for b in reversed(self.before))
        names = next((n for n in found if n), None) or self._names.get(width)
        if names:
            self._names[width] = names  # the same table goes on under its next heading
        else:
            names = [unheaded_column(n) for n in range(2, width + 2)]
        rows = []
        for block, label, figures in run:
            cells = {unheaded_column(1): label} if label else {}
            padded = [""] * (width - len(figures)) + figures
            cells.update(zip(names, padded, strict=True))
            rows.append((cells, block.at))
        return rows, []
