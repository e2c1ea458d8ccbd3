"""Table blocks → items (commitments, KPIs, risks, …) or rows of figures, by their headers.

A table whose columns include a title-like role (commitment, action, indicator, risk,
recommendation, question, …) gives one item per row of that kind, every cell kept by
its role (``fields``) or, for columns the vocabulary does not know, by header text
(``other_fields``). A form (a question column answered mostly Yes/No), an agenda, a
budget or any other table of figures gives ``TableRow``s instead, each cell under its
column header, so a question can find the row and the column.

This module reads the blocks: header rows (joined over several rows and kept across a
page break), headings and group rows inside a table, a row whose ref is the parent of
later refs ("3" before "3.1", the heading of its group, not an item); each body row is
then placed by ``RowPlacer`` (table_rows.py) as extraction leaves it.
"""

from __future__ import annotations

import re

from indexing.blocks import Block, Row
from indexing.cell_text import clean_cell
from indexing.model import DocumentMeta
from indexing.readers.items import Draft, TableOutput
from indexing.readers.passages import looks_like_heading
from indexing.readers.roles import read_value
from indexing.readers.table_header import (
    Cells,
    Header,
    HeaderReader,
    cells_of,
    is_header_row,
    is_units_row,
    label_cells,
)
from indexing.readers.table_rows import PARAGRAPH, RowPlacer
from indexing.readers.table_shapes import is_separator, upright
from indexing.readers.vocabulary import column_role, is_label, join_header_rows

_FIGURE = re.compile(r"^[-(]?[£$€]?\d[\d,]*(?:\.\d+)?\)?%?$")


def _has_figure(text: str) -> bool:
    return any(_FIGURE.match(word) for word in text.split())


def words_over_figures(rows: list[Row]) -> bool:
    """A table printed with its header in plain type (not bold, not shaded): a first row
    of two or more cells of words, no figure among them ("Estimate included in County
    Council papers £'000 | Updated figures for Cabinet £'000 | Increase £'000"), over rows
    most of which have figures under two of those cells. Its first row is its header,
    so a row's figure can be asked for by its column."""
    if len(rows) < 2 or rows[0].at.page is None and rows[0].at.sheet is None:
        return False
    first = rows[0].cells
    heads = [i for i, cell in enumerate(first) if cell.strip()]
    if len(heads) < 2 or any(_has_figure(first[i]) for i in heads):
        return False
    if any(read_value(first[i]).rating or read_value(first[i]).direction for i in heads):
        return False  # "GREEN | AMBER | RED": a count of ratings, read as it was
    if not all(any(ch.isalpha() for ch in first[i]) for i in heads) or is_header_row(
        cells_of(rows[0])
    ):
        return False
    below = rows[1:]
    figured = sum(
        1
        for row in below
        if sum(1 for i in heads if i < len(row.cells) and _has_figure(row.cells[i])) >= 2
    )
    return figured * 2 >= len(below)


class TableReader(RowPlacer):
    """Reads the table blocks of one document in order, keeping state across blocks
    (a header carries on to the next run of rows; an item continues after a blank line)."""

    def __init__(self, meta: DocumentMeta, refs: set[str], source: str) -> None:
        prefixes = {ref.rsplit(".", 1)[0] for ref in refs if "." in ref}
        super().__init__(source, meta.columns, refs & prefixes)
        self.meta = meta
        self._header_labels: set[str] = set()
        self._pending: list[
            tuple[int, str]
        ] = []  # header labels waiting for the rest of the header
        self._pending_rows: list[list[str]] = []  # header rows of a gridded table, top first
        self.headers = HeaderReader(meta)
        self.caption: str = ""

    # --- state between blocks ----------------------------------------------------------
    def interrupt(self, *, heading: str | None = None) -> None:
        """A paragraph or heading between tables: the item above is finished."""
        self._close()
        self.carry = []
        if heading is not None:
            self._set_section(heading)
            self.caption = heading
            self.header = None

    def finish(self) -> TableOutput:
        self._close()
        return self.out

    # --- headers ---------------------------------------------------------------------
    def _set_header(
        self, labels: list[tuple[int, str]], body: list[Row], *, by_position: bool
    ) -> None:
        self.header, group = self.headers.from_labels(
            labels, body, by_position=by_position, caption=self.caption
        )
        if group:
            self._set_section(group)

    def _headerless(self, rows: list[Row]) -> None:
        self.header = self.headers.from_values(rows, caption=self.caption)

    # --- rows ------------------------------------------------------------------------
    def read(self, block: Block) -> None:
        block = upright(block)
        if not block.header and words_over_figures(block.rows):
            block = block.model_copy(
                update={"header": [block.rows[0].cells], "rows": block.rows[1:]}
            )
        rows = block.rows
        if block.header:
            while rows and is_units_row(cells_of(rows[0])):  # "£m | £m" under the header
                block = block.model_copy(
                    update={"header": [*block.header, rows[0].cells], "rows": rows[1:]}
                )
                rows = block.rows
            joined = join_header_rows(block.header)
            self._set_header(list(enumerate(joined)), rows, by_position=True)
            self._header_labels = {lb for lb in joined if lb}
        gridded = bool(rows) and (rows[0].at.page is not None or rows[0].at.sheet is not None)
        if not block.header and self.header is not None and gridded and self.header.by_position:
            # A table continuing on the next page has the same columns; another table does not.
            width = max((len(r.cells) for r in rows), default=0)
            if width != self.header.width:
                self.header = None
            elif self.header.labels:  # same columns: what the rows are is judged on these rows
                self._set_header(sorted(self.header.labels.items()), rows, by_position=True)
        if (
            not block.header
            and self.header is None
            and not any(is_header_row(cells_of(r)) for r in rows)
        ):
            body = [r for r in rows if len(cells_of(r)) >= 2]
            if body:
                self._headerless(body)
        for index, row in enumerate(rows):
            cells = cells_of(row)
            if not cells or is_separator(cells):
                continue
            if block.header and self._repeats_header(cells):
                continue
            if not block.header and is_header_row(cells):
                self._close()
                if gridded:  # header rows in a run are joined column by column
                    self._pending_rows.append(row.cells)
                    joined = join_header_rows(self._pending_rows)
                    self._set_header(
                        list(enumerate(joined)), self._body_after(rows, index), by_position=True
                    )
                    self._header_labels = {lb for lb in joined if lb} | {t for _, t, _ in cells}
                    continue
                # Text rows lose empty cells: header rows in a run (and labels on the group
                # row above) are one header in the order of their cells.
                labels = sorted(self._pending + label_cells(cells))
                self._pending = labels
                self._set_header(labels, self._body_after(rows, index), by_position=False)
                self._group_text(cells, row, drop_labels=True)
                continue
            self._pending_rows = []
            first = cells[0][1]
            if first in self.parents and cells[0][0] == 0:
                self._close()
                self._pending = label_cells(cells)
                self._group_text(cells, row, drop_labels=True)
                continue
            if self._in_table_heading(cells, row):
                continue
            self._pending = []
            if self.header is None:
                self._headerless([r for r in rows if len(cells_of(r)) >= 2] or [row])
            assert self.header is not None
            if self.header.kind is None:
                self._table_row(cells, row)
            elif self._is_ref_row(cells):
                self._ref_row(cells, row)
            else:
                self._loose_row(cells, row, rows, index)

    def _repeats_header(self, cells: Cells) -> bool:
        labels = self._header_labels
        return bool(labels) and all(t in labels for _, t, _ in cells)

    def _body_after(self, rows: list[Row], index: int) -> list[Row]:
        body = []
        for row in rows[index + 1 :]:
            cells = cells_of(row)
            if is_header_row(cells):
                break
            if len(cells) >= 2:
                body.append(row)
        return body

    def _in_table_heading(self, cells: Cells, row: Row) -> bool:
        """A row of one short cell ("BUDGET", "1. Leadership") heads the rows below it."""
        if len(cells) != 1:
            return False
        _, text, raw = cells[0]
        if len(text) > 80 or len(PARAGRAPH.findall(raw)) > 1 or read_value(text).ref:
            return False
        if (
            text.endswith(":") and text.upper() == text
        ):  # a lead-in line ("OUR PLEDGES – WE SHALL:")
            self._close()
            self.out.passages.append((text, row.at, self.section))
            return True
        found = column_role(text, self.overrides)
        group = found.group if found and found.role == "title" else None
        if not (group or looks_like_heading(text)):
            return False
        self._close()
        self._pending = []
        self._set_section(group or text)
        return True

    def _group_text(self, cells: Cells, row: Row, *, drop_labels: bool) -> None:
        """The text of a group row (a theme's aim beside its header cells): prose."""
        texts = [
            clean_cell(raw)
            for i, t, raw in cells
            if not (drop_labels and is_label(t)) and t not in self.parents
        ]
        texts = [t for t in texts if t]
        if len(texts) == 1 and len(texts[0]) <= 80 and "\n" not in texts[0]:
            self._set_section(texts[0])
        elif texts:
            self.out.passages.append(("\n".join(texts), row.at, self.section))


__all__ = ["Draft", "Header", "TableOutput", "TableReader", "is_header_row"]
