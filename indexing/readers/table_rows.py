"""Rows of a table placed as items or rows of figures, under the header the table reader
has read: a row with a ref starts an item; a row without one continues the item above,
is the top half of the next row (split by a page break, found by its people and rating
cells), is kept as unplaced when nothing can claim it, or is prose; a table of figures
or a form gives each row's cells under their headers. ``TableReader`` (tables.py) reads
the blocks and headers and hands each body row here."""

from __future__ import annotations

import re

from indexing.blocks import Row
from indexing.cell_text import clean_cell, first_paragraph_split, strip_markup
from indexing.model import TableRow, UnplacedRow
from indexing.readers.items import Draft, TableOutput
from indexing.readers.merged_columns import split_merged
from indexing.readers.passages import span_location
from indexing.readers.roles import read_value
from indexing.readers.table_align import SIGNATURE_ROLES, align_cells, row_signature
from indexing.readers.table_header import Cells, Header, cells_of
from indexing.readers.table_shapes import form_values, is_form_label, label_row
from indexing.readers.vocabulary import ROLES, TEXT_ROLES, column_role

PARAGRAPH = re.compile(r"<p[^>]*>(.*?)</p\s*>", re.IGNORECASE | re.DOTALL)
"""A paragraph of a cell's markup (``<p>…</p>``)."""


class RowPlacer:
    """The state rows are placed with: the header, the item being read, rows carried to
    the next ref row, the section, and what has been read so far (``out``)."""

    def __init__(self, source: str, overrides: dict[str, str], parents: set[str]) -> None:
        self.source = source
        self.overrides = overrides
        self.parents = parents  # "3" when "3.1" is a ref too
        self.header: Header | None = None
        self.current: Draft | None = None
        self.carry: list[tuple[Row, list[str]]] = []
        self.section: str | None = None
        self.out = TableOutput()
        self._labels_above: dict[int, str] = {}  # a form's row of labels, for the values below
        self._memo: (
            tuple[
                tuple[int, tuple[tuple[int, str, str], ...]],
                tuple[dict[str, tuple[int, str, str]], dict[str, str]],
            ]
            | None
        ) = None  # the last row aligned, looked ahead at for a split row's signature

    def _set_section(self, name: str) -> None:
        self.section = name
        if name not in self.out.sections:
            self.out.sections.append(name)

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
        paragraphs = PARAGRAPH.findall(raw)
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
            target = draft.values if key in ROLES else draft.other
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
        if not form:
            values = split_merged(values)
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
