"""A table's header → its columns' roles, and what its rows are: items of a kind, or not.

Roles come from the header text through the vocabulary, from the manifest where it
names them, and from the values for columns without a header. The rows are items when a
column holds the rows' own words (commitment, indicator, risk, question, …) or, with no
header naming it, when the rows have refs and words of their own. A form (questions
answered Yes/No, by a date or a short choice, or left blank), an agenda, a budget or any
other table of figures is not items: its rows are kept as table rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexing.blocks import Row
from indexing.cell_text import strip_markup
from indexing.model import DocumentKind, DocumentMeta, ItemKind
from indexing.readers.roles import Column, read_value, role_from_values
from indexing.readers.vocabulary import ColumnRole, column_role, is_label

_KIND_OF_DOCUMENT = {
    DocumentKind.risk_register: ItemKind.risk,
    DocumentKind.performance: ItemKind.kpi,
}
_NONE = ColumnRole(role="", label="")
_STATUS_ROLES = {"rating", "owner", "director", "cabinet_member", "direction"}

Cells = list[tuple[int, str, str]]
"""A row's non-empty cells: (position, one-line text, raw text)."""


@dataclass
class Header:
    """The columns of the table being read and what its rows give."""

    columns: list[Column]
    labels: dict[int, str]  # position → header text, for table rows and unknown columns
    by_position: bool
    kind: ItemKind | None  # None: the rows are figures / a form, not items
    split_title: bool = False  # no update column: a title cell's notes follow its first paragraph
    caption: str = ""

    @property
    def width(self) -> int:
        return max((c.position + 1 for c in self.columns if c.position is not None), default=0)

    def position_of(self, role: str) -> int | None:
        return next((c.position for c in self.columns if c.role == role), None)

    def has(self, role: str) -> bool:
        return any(c.role == role for c in self.columns)


def cells_of(row: Row) -> Cells:
    out = []
    for i, raw in enumerate(row.cells):
        text = strip_markup(raw)
        if text:
            out.append((i, text, raw))
    return out


def label_cells(cells: Cells) -> list[tuple[int, str]]:
    return [(i, t) for i, t, _ in cells if is_label(t)]


def is_header_row(cells: Cells) -> bool:
    """Two or more cells that read as column headers, and no rating or arrow among the
    rest ("Owner | Director | …", even with a theme's aim beside them)."""
    labels = label_cells(cells)
    if len(labels) < 2:
        return False
    rest = [read_value(t) for i, t, _ in cells if (i, t) not in labels]
    short = [v for v in rest if not v.ref and len(v.text) <= 40]
    if len(short) > len(labels):  # words of a sentence split into cells, some of them labels
        return False
    return not any(v.rating or v.direction for v in rest)


_UNIT = re.compile(
    r"^\(?(?:[£$€](?:m|k|bn|000s?)?|%|m|k|bn|no\.?|number|\d\s*-\s*\d{1,2}|days?|weeks?)\)?$",
    re.IGNORECASE,
)


def is_units_row(cells: Cells) -> bool:
    """A row under the header giving units only ("£m | £m", "(1-5)", "%")."""
    return bool(cells) and all(_UNIT.match(t) for _, t, _ in cells)


class HeaderReader:
    """Builds ``Header``s for one document, remembering whether it has shown a form."""

    def __init__(self, meta: DocumentMeta) -> None:
        self.meta = meta
        self.overrides = meta.columns
        self.form_seen = False
        self._kind_of_shape: dict[tuple[str | None, ...], ItemKind] = {}

    def from_labels(
        self, labels: list[tuple[int, str]], body: list[Row], *, by_position: bool, caption: str
    ) -> tuple[Header, str | None]:
        """Header cells (position, text) → the header, and the group its title column
        names ("Housing Actions"), if any."""
        columns: list[Column] = []
        kinds: list[ItemKind] = []
        groups: list[str] = []
        implicit = not by_position and bool(labels) and labels[0][0] > 0
        if implicit:  # unheaded leading columns: a ref and the item's own words
            columns += [Column("ref", "", None), Column("title", "", None)]
        has_update = any(
            (column_role(lb, self.overrides) or _NONE).role == "update" for _, lb in labels
        )
        seen: set[str] = set()
        for position, label in labels:
            found = column_role(label, self.overrides)
            role = found.role if found else None
            if role == "title" and any(c.role == "title" for c in columns):
                if implicit and not has_update:
                    role = "update"  # the title came from an unheaded column; this holds the notes
                else:  # a second words column: "Action" beside "Risk" is what is done about it
                    role = "action" if found and found.kind is ItemKind.commitment else None
            elif found and found.kind:
                kinds.append(found.kind)
            if found and found.group and role == "title":
                groups.append(found.group)
            if role in seen:
                role = None
            if role:
                seen.add(role)
            columns.append(Column(role, label, position))
        if by_position:
            columns = self._fill_unheaded(columns, body)
        title = next((c for c in columns if c.role == "title"), None)
        if title is None and by_position and any(c.role == "rating" for c in columns):
            # Rated rows named in a column headed by their group ("Children's Services |
            # RAG rating"): that column is the rows' title, its header their group.
            named = next(
                (
                    c
                    for c in columns
                    if c.role in (None, "service", "directorate")
                    and role_from_values(_values(c, body)) == "title"
                ),
                None,
            )
            if named is not None:
                title = Column("title", named.label, named.position)
                columns = [title if c is named else c for c in columns]
                if named.label:
                    groups.append(named.label)
        if title is not None and by_position and _mostly_numbers(title, body):
            title = None  # "Low Risk | Medium Risk" over counts: a table of figures
        if title is not None and _is_agenda(columns, labels, self.meta):
            title = None  # "Item | Title | Pages": a paper's agenda, not items
        if title is not None and _are_figures(columns, body, title, kinds):
            title = None  # "Description | 2025-26 £000s | 2026-27 £000s": budget lines
        kind: ItemKind | None = None
        if title is not None and (bool(title.label) or implicit or items_by_values(columns, body)):
            said = column_role(title.label, self.overrides) if title.label else None
            kind = (said.kind if said and said.kind else None) or (kinds[0] if kinds else None)
            shape = tuple(c.role for c in columns)
            kind = (
                kind
                or self._kind_of_shape.get(shape)
                or _KIND_OF_DOCUMENT.get(self.meta.kind, ItemKind.commitment)
            )
            if self.is_form(columns, body, kind):
                kind = None
            else:  # a later table of the same columns, without the word, holds the same kind
                self._kind_of_shape.setdefault(shape, kind)
        header = Header(
            columns,
            dict(labels),
            by_position,
            kind,
            split_title=not any(c.role == "update" for c in columns),
            caption=caption,
        )
        return header, (groups[0] if groups and kind is not None else None)

    def from_values(self, rows: list[Row], *, caption: str) -> Header:
        """No header anywhere: roles from the values of each column position."""
        width = max((len(r.cells) for r in rows), default=0)
        columns, taken = [], set()
        for position in range(width):
            role = role_from_values(
                [strip_markup(r.cells[position]) for r in rows if position < len(r.cells)]
            )
            if role in taken:
                role = "update" if role == "title" and "update" not in taken else None
            if role:
                taken.add(role)
            columns.append(Column(role, "", position))
        title = next((c for c in columns if c.role == "title"), None)
        items = (
            items_by_values(columns, rows)
            and not (self.meta.kind in _NO_DEFAULT_ITEMS and not taken & _STATUS_ROLES)
            and not (title is not None and _are_figures(columns, rows, title))
        )
        kind = _KIND_OF_DOCUMENT.get(self.meta.kind, ItemKind.commitment) if items else None
        if kind is not None and self.is_form(columns, rows, kind):
            kind = None
        return Header(
            columns,
            {},
            by_position=True,
            kind=kind,
            split_title="update" not in taken,
            caption=caption,
        )

    @staticmethod
    def _fill_unheaded(columns: list[Column], body: list[Row]) -> list[Column]:
        """Columns with an empty header take a role from their values."""
        taken = {c.role for c in columns if c.role}
        filled = []
        for column in columns:
            if column.role is None and not column.label and column.position is not None:
                at = column.position
                role = role_from_values(
                    [strip_markup(r.cells[at]) for r in body if at < len(r.cells)]
                )
                if role and role not in taken:
                    taken.add(role)
                    column = Column(role, "", at)
            filled.append(column)
        return filled

    def is_form(self, columns: list[Column], body: list[Row], kind: ItemKind) -> bool:
        """A form: questions answered Yes/No, by a date or a short choice, or left blank
        (a screening questionnaire), rather than items with answers of their own."""
        if self.meta.kind is DocumentKind.form:
            return True
        answer_at = next((c.position for c in columns if c.role == "update"), None)
        answered = yes_no = short = asked = 0
        for row in body:
            cells = [strip_markup(c) for c in row.cells]
            if not any(cells):
                continue
            answered += 1
            if answer_at is not None and answer_at < len(cells):
                answer = cells[answer_at]
            else:
                answer = cells[-1] if len(cells) > 1 else ""
            yes_no += read_value(answer).yes_no or any(read_value(c).yes_no for c in cells[1:])
            short += not answer or len(answer) <= 40
            asked += any(c.endswith("?") for c in cells)
        if answered < 2:
            return self.form_seen and kind is ItemKind.question
        questions = kind is ItemKind.question or asked * 2 >= answered
        statuses = {c.role for c in columns} & _STATUS_ROLES
        form = (
            questions
            and not statuses
            and (yes_no * 10 >= answered * 3 or short * 10 >= answered * 6 or self.form_seen)
        ) or (not statuses and yes_no * 2 >= answered)
        self.form_seen = self.form_seen or form
        return form


_AGENDA_WORDS = frozenset({"page", "pages", "time", "speaker", "presenter", "paper"})
_NO_DEFAULT_ITEMS = frozenset({DocumentKind.agenda, DocumentKind.minutes, DocumentKind.budget})


def _is_agenda(columns: list[Column], labels: list[tuple[int, str]], meta: DocumentMeta) -> bool:
    """An agenda or a list of papers: pages, times or presenters beside a title, and no
    status, owner or update column; or, in an agenda, minutes or budget, a title column
    whose header does not say what the rows are."""
    roles = {c.role for c in columns}
    if roles & (_STATUS_ROLES | {"update"}):
        return False
    words = {w.lower().strip("()") for _, label in labels for w in label.split()}
    if words & _AGENDA_WORDS:
        return True
    title = next((c for c in columns if c.role == "title"), None)
    said = column_role(title.label) if title is not None and title.label else None
    return meta.kind in _NO_DEFAULT_ITEMS and not (said and said.kind)


def _are_figures(
    columns: list[Column], body: list[Row], title: Column, kinds: list[ItemKind] | None = None
) -> bool:
    """Rows named by a description beside figures, with nothing of a tracked item (no
    rating, direction or progress; the header names no kind; a named person only beside
    two columns of figures or more): budget or programme lines, a table of figures."""
    if {c.role for c in columns} & {"rating", "previous_rating", "direction", "update"}:
        return False
    said = column_role(title.label) if title.label else None
    stated = [*(kinds or []), *([said.kind] if said is not None and said.kind else [])]
    others = [c for c in columns if c is not title and c.role != "ref" and _values(c, body)]
    numeric = [c for c in others if _mostly_numbers(c, body)]
    if stated:
        # A header naming the rows ("Policy decisions") over nothing but figures is still a
        # table of figures; indicators and risks are measured in figures, so they stay items.
        measured = {ItemKind.kpi, ItemKind.risk} & set(stated)
        return not measured and len(numeric) >= 2 and len(numeric) == len(others)
    if {c.role for c in columns} & {"owner", "director", "cabinet_member"}:
        return len(numeric) >= 2
    return len(numeric) >= 1  # "Category | Description | Amount": a list of sums


def _values(column: Column, body: list[Row]) -> list[str]:
    at = column.position
    if at is None:
        return []
    return [strip_markup(r.cells[at]) for r in body if at < len(r.cells) and r.cells[at].strip()]


def _mostly_numbers(column: Column, body: list[Row]) -> bool:
    values = _values(column, body)
    return bool(values) and sum(read_value(v).number for v in values) * 2 > len(values)


def items_by_values(columns: list[Column], rows: list[Row]) -> bool:
    """Without a header naming the rows, they are items when they have refs and words of
    their own that are more than labels (long titles, or a rating/owner beside them)."""
    roles = {c.role for c in columns if c.role}
    titles = [
        strip_markup(r.cells[c.position])
        for r in rows
        for c in columns
        if c.role == "title" and c.position is not None and c.position < len(r.cells)
    ]
    filled = [t for t in titles if t]
    mean = sum(len(t) for t in filled) / max(1, len(filled))
    return (
        "ref" in roles
        and "title" in roles
        and (mean >= 40 or bool(roles & {"rating", "direction", "owner", "update"}))
    )
