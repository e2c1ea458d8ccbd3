"""Table blocks → items (commitments, KPIs, risks, …) or rows of figures, by their headers.

A table whose columns include a title-like role (commitment, action, indicator, risk,
recommendation, question, …) gives one item per row of that kind, every cell kept by
its role (``fields``) or, for columns the vocabulary does not know, by header text
(``other_fields``). A form (a question column answered mostly Yes/No), an agenda, a
budget or any other table of figures gives ``TableRow``s instead, each cell under its
column header, so a question can find the row and the column.

Rows are read as extraction leaves them: a row without a ref continues the item above;
a row whose people and rating cells match the next ref row is that row's top half,
split by a page break; a row of only people/rating cells that no item can claim is kept
as unplaced, never attached by guess. A row whose ref is the parent of later refs
("3" before "3.1") is the heading of its group, not an item.
"""

from __future__ import annotations

import re

from indexing.blocks import Block, Row
from indexing.cell_text import clean_cell, first_paragraph_split, strip_markup
from indexing.model import DocumentMeta, TableRow, UnplacedRow
from indexing.readers.items import Draft, TableOutput
from indexing.readers.passages import looks_like_heading, span_location
from indexing.readers.roles import read_value
from indexing.readers.table_align import SIGNATURE_ROLES, align_cells, row_signature
from indexing.readers.table_header import (
    Cells,
    Header,
    HeaderReader,
    cells_of,
    is_header_row,
    is_units_row,
    label_cells,
)
from indexing.readers.table_shapes import (
    form_values,
    is_form_label,
    is_separator,
    label_row,
    upright,
)
from indexing.readers.vocabulary import (
    ROLES,
    TEXT_ROLES,
    column_role,
    is_label,
    join_header_rows,
)

_ROLE_NAMES = ROLES
_PARAGRAPH = re.compile(r"<p[^>]*>(.*?)</p\s*>", re.IGNORECASE | re.DOTALL)


class TableReader:
    """Reads the table blocks of one document in order, keeping state across blocks
    (a header carries on to the next run of rows; an item continues after a blank line)."""

    def __init__(self, meta: DocumentMeta, refs: set[str], source: str) -> None:
        self.meta = meta
        self.source = source
        self._header_labels: set[str] = set()
        self._pending: list[tuple[int, str]] = []
        self._pending_rows: list[list[str]] = []
        self._labels_above: dict[int, str] = {}  # a form's row of labels, for the values below
        self._memo: (
            tuple[
                tuple[int, tuple[tuple[int, str, str], ...]],
                tuple[dict[str, tuple[int, str, str]], dict[str, str]],
            ]
            | None
        ) = None  # header rows of a gridded table, top first  # header labels waiting for the rest of the header
        self.overrides = meta.columns
        self.headers = HeaderReader(meta)
        prefixes = {ref.rsplit(".", 1)[0] for ref in refs if "." in ref}
        self.parents = refs & prefixes  # "3" when "3.1" is a ref too
        self.header: Header | None = None
        self.current: Draft | None = None
        self.carry: list[tuple[Row, list[str]]] = []
        self.section: str | None = None
        self.caption: str = ""
        self.out = TableOutput()

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
        if len(text) > 80 or len(_PARAGRAPH.findall(raw)) > 1 or read_value(text).ref:
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

    def _set_section(self, name: str) -> None:
        self.section = name
        if name not in self.out.sections:
            self.out.sections.append(name)

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

    def _is_ref_row(self, cells: Cells) -> bool:
        assert self.header is not None
        ref_at = self.header.position_of("ref")
        has_ref_column = any(c.role == "ref" for c in self.header.columns)
        if not has_ref_column:
            return True  # a table without refs: every row with text is an item
        if ref_at is not None and self.header.by_position:
            at_ref = [t for i, t, _ in cells if i == ref_at]
            return bool(at_ref) and read_value(at_ref[0]).ref and len(cells) >= 2
        return read_value(cells[0][1]).ref and len(cells) >= 2

    def _aligned(self, cells: Cells) -> tuple[dict[str, tuple[int, str, str]], dict[str, str]]:
        """Role → cell, and header text → value for cells without a role (the row looked
        ahead at for a split row's signature is aligned once)."""
        assert self.header is not None
        key = (id(self.header), tuple(cells))
        if self._memo is not None and self._memo[0] == key:
            roles, other = self._memo[1]
            return dict(roles), dict(other)
        result = align_cells(self.header, cells)
        self._memo = (key, result)
        return dict(result[0]), dict(result[1])

    def _ref_row(self, cells: Cells, row: Row) -> None:
        assert self.header is not None and self.header.kind is not None
        self._close()
        roles, other = self._aligned(cells)
        ref = roles.pop("ref")[1] if "ref" in roles else None
        title, notes = "", ""
        title_position = roles["title"][0] if "title" in roles else None
        split = self.header.split_title and "update" not in roles
        if "title" in roles:
            raw = roles["title"][2]
            title, notes = first_paragraph_split(raw) if split else (clean_cell(raw), "")
            title, notes = self._group_in_title(raw, title, notes, split)
        update = [clean_cell(roles["update"][2])] if "update" in roles else []
        if notes:
            update.insert(0, notes)
        values = {r: clean_cell(v[2]) for r, v in roles.items() if r not in ("title", "update")}
        first_span = self.carry[0][0].at if self.carry else row.at
        parts = [text for _, texts in self.carry for text in texts] + update
        self.carry = []
        self.current = Draft(
            ref=ref,
            section=self.section,
            kind=self.header.kind,
            title=title,
            update=parts,
            values=values,
            other=other,
            signature=row_signature(roles),
            title_position=title_position,
            split=split,
            start=first_span,
            end=row.at,
        )

    def _group_in_title(self, raw: str, title: str, notes: str, split: bool) -> tuple[str, str]:
        """A title cell opening with a group label ("Housing Actions", the title
        column's header repeated) sets the section and is not part of the title."""
        paragraphs = _PARAGRAPH.findall(raw)
        if len(paragraphs) < 2:
            return title, notes
        head = strip_markup(paragraphs[0])
        found = column_role(head, self.overrides)
        if not (found and found.role == "title" and found.group):
            return title, notes
        self._set_section(found.group)
        rest = raw[raw.lower().find("</p>") + 4 :]
        return first_paragraph_split(rest) if split else (clean_cell(rest), "")

    def _loose_row(self, cells: Cells, row: Row, rows: list[Row], index: int) -> None:
        """A row without a ref: continuation, top half of the next row, orphan, or prose."""
        roles, other = self._aligned(cells)
        signature = row_signature(roles)
        texts: list[tuple[int, str, str]] = []  # (position, role, text)
        extra: dict[str, str] = {k: v for k, v in other.items() if v}  # values by role or header
        for role, (pos, _, raw) in roles.items():
            if role in TEXT_ROLES:
                if clean_cell(raw):
                    texts.append((pos, role, clean_cell(raw)))
            elif role not in SIGNATURE_ROLES:  # a ref alone on its row is kept, never attached
                extra[role] = clean_cell(raw)
        texts.sort()
        if not texts:
            if signature or extra:
                self._unplace(cells, row)
            return
        if signature:
            following = self._next_ref_signature(rows, index)
            if following is not None and following == signature:
                self._close()
                self.carry.append((row, [t for _, _, t in texts] + list(extra.values())))
            elif self.current is not None and self.current.signature == signature:
                self._extend(texts, extra, row)
            else:
                self._unplace(cells, row)
            return
        if self.current is not None:
            self._extend(texts, extra, row)
        else:
            prose = [t for _, _, t in texts] + list(extra.values())
            self.out.passages.append(("\n".join(prose), row.at, self.section))

    def _extend(self, texts: list[tuple[int, str, str]], extra: dict[str, str], row: Row) -> None:
        """A continuation row: text at or left of the title continues the title, other
        text the notes; values of other roles continue those roles."""
        assert self.current is not None
        draft = self.current
        for position, role, text in texts:
            if role in ("title", "update"):
                at_title = draft.title_position is not None and position <= draft.title_position
                if at_title and not draft.split:
                    draft.title = f"{draft.title}\n{text}".strip()
                else:
                    draft.update.append(text)
            else:
                draft.values[role] = (
                    f"{draft.values[role]}\n{text}" if role in draft.values else text
                )
        for key, value in extra.items():
            target = draft.values if key in _ROLE_NAMES else draft.other
            target[key] = f"{target[key]}\n{value}" if key in target else value
        draft.end = row.at

    def _next_ref_signature(
        self, rows: list[Row], index: int
    ) -> tuple[tuple[str, str], ...] | None:
        for row in rows[index + 1 :]:
            cells = cells_of(row)
            if not cells:
                continue
            if self._is_ref_row(cells) and cells[0][1] not in self.parents:
                roles, _ = self._aligned(cells)
                return row_signature(roles)
            return None
        return None

    def _unplace(self, cells: Cells, row: Row) -> None:
        self.out.unplaced.append(
            UnplacedRow(cells=[t for _, t, _ in cells], location=span_location(self.source, row.at))
        )

    def _table_row(self, cells: Cells, row: Row) -> None:
        """A row of a table of figures or of a form, its cells under their column headers;
        in a form, a value under the label beside it ("Proposer: | Mike Baldock") or above
        it (a row of labels, then a row of values in the same columns)."""
        assert self.header is not None
        labels = self.header.labels
        above, self._labels_above = self._labels_above, {}
        if label_row(cells):
            self._labels_above = {i: t.rstrip(": ") for i, t, _ in cells}
        form = bool(above or self._labels_above) or any(is_form_label(t) for _, t, _ in cells)
        values = form_values(row.cells, labels, above, self._labels_above, form=form)
        self.out.rows.append(
            TableRow(
                id="",
                document_id="",
                table=self.header.caption or self.section or "",
                section=self.section,
                cells=values,
                location=span_location(self.source, row.at),
            )
        )

    def _close(self) -> None:
        if self.current is not None:
            self.out.drafts.append(self.current)
            self.current = None


__all__ = ["Draft", "Header", "TableOutput", "TableReader", "is_header_row"]
