"""Text of a plan document → ``PlanDocument``: sections, plan items, passages, people key.

Plan documents are tables that went through a lossy extraction: rows are lines of
TAB-separated cells, with HTML inside cells, rows split across page breaks, rows with
no ref, and rows whose commitment was lost so that only owner and rating cells remain.
This parser reads them as they are, by these rules:

* A *ref row* starts with a ref (``3.2``, ``25``, ``<p>14.3</p>``). Its trailing cells,
  read from the right, are direction of travel (an arrow), RAG rating, then up to
  three people cells (owner, director, cabinet member); what is left is text.
* In documents with dotted refs, a whole-number ref row (``3 | Ensuring people…``) is
  the theme's aim, kept as a passage of that section, not an item.
* A row with text but no ref continues the item above, unless it carries owner/rating
  cells identical to the next ref row (the top half of that row, split by a page
  break: the Carers MK update above 5.8) — then it belongs to the next item. Text with
  other people cells belongs to an item whose ref was lost and is left unplaced.
* A row of only people/rating cells is unplaced. A rating is read only from an item's
  own row, never from a neighbour.
* Documents without refs but with "… Objectives | Update" tables (RegenerationMK) give
  one item per objective; prose becomes passages under the nearest heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from indexing.model import (
    DocumentMeta,
    Location,
    Passage,
    PlanDocument,
    PlanItem,
    Person,
    UnplacedRow,
)
from indexing.cell_text import clean_cell, first_paragraph_split, strip_markup
from indexing.people_key import KEY_HEADING, parse_people_key, resolve, split_initials

_REF = re.compile(r"^\d{1,3}(?:\.\d{1,2})?$")
_DOTTED_REF = re.compile(r"^\d{1,3}\.\d{1,2}$")
_RATING = re.compile(r"^[RAGC](?:\s*/\s*[RAGC]){0,2}$")
_ARROWS = {"↑", "↓", "↔", "↕"}
_SEPARATOR = re.compile(r"^-{2,}$")
_SECTION_NUMBERED = re.compile(r"^\d{1,2}\.\s+[A-Z][\w&,' -]{2,60}$")
_OBJECTIVES_HEADING = re.compile(r"^(?:[A-Z][a-z]+ )?Objectives$")
_HEADER_LABELS = {
    "key milestones", "owner", "cd/director", "cabinet member", "rag rating",
    "direction of travel", "update", "issue", "response", "ref",
}
_DUE = re.compile(
    r"\bby (?:the end of |at least |early |mid |late )?("
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? )?(?:19|20)\d{2}"
    r"|(?:Spring|Summer|Autumn|Winter) (?:19|20)\d{2})",
    re.I,
)
_PASSAGE_MAX_CHARS = 900


@dataclass
class _Row:
    """One line of the file split into cells, with what the right-hand cells hold."""

    line: int
    raw: list[str]
    text_cells: list[tuple[int, str]] = field(default_factory=list)  # (column, raw text)
    people_cells: list[str] = field(default_factory=list)  # owner, director, cabinet member
    rating: str | None = None
    direction: str | None = None

    @property
    def first(self) -> str:
        return strip_markup(self.raw[0]) if self.raw else ""

    @property
    def filled(self) -> list[str]:
        return [c for c in self.raw if c.strip()]

    @property
    def signature(self) -> tuple[str, ...]:
        """Owner/director/cabinet cells, rating and arrow: how split halves are matched."""
        return (*self.people_cells, self.rating or "", self.direction or "")


def _read_trailing_cells(row: _Row, start: int) -> None:
    """Fill direction, rating and people from the right; the rest is text."""
    cells = [(i, c) for i, c in enumerate(row.raw) if i >= start and strip_markup(c)]
    if cells and strip_markup(cells[-1][1]) in _ARROWS:
        row.direction = strip_markup(cells.pop()[1])
    if cells and _RATING.match(strip_markup(cells[-1][1])):
        row.rating = re.sub(r"\s+", "", strip_markup(cells.pop()[1])).upper()
    people: list[tuple[int, str]] = []
    while cells and len(people) < 3 and split_initials(strip_markup(cells[-1][1])):
        people.insert(0, cells.pop())
    if start == 0 and len(people) < 2 and not (row.rating or row.direction):
        # In a row with no ref, a lone capitalised word ("Notes") is text, not initials.
        cells.extend(people)
        people = []
    row.people_cells = [strip_markup(c) for _, c in people]
    row.text_cells = cells


def _is_heading(row: _Row) -> bool:
    filled = row.filled
    if len(filled) != 1 or not row.raw[0].strip():
        return False
    text = strip_markup(filled[0])
    if _SECTION_NUMBERED.match(text) or _OBJECTIVES_HEADING.match(text):
        return True
    letters = [c for c in text if c.isalpha()]
    return 3 <= len(letters) and len(text) <= 80 and text.upper() == text and not text.endswith(":")


def _is_header_row(row: _Row) -> bool:
    labels = {strip_markup(c).lower() for c in row.filled}
    return len(labels & _HEADER_LABELS) >= 1 and any(
        strip_markup(c).lower() in _HEADER_LABELS for c in row.raw[1:] if c.strip()
    )


def _is_we_will(row: _Row) -> bool:
    return any("WE WILL" in strip_markup(c) for c in row.filled)


def _due_dates(*texts: str) -> list[str]:
    found: list[str] = []
    for text in texts:
        for match in _DUE.finditer(text or ""):
            if match.group(1) not in found:
                found.append(match.group(1))
    return found


@dataclass
class _ItemDraft:
    """An item being assembled from its row and any continuation rows."""

    ref: str | None
    section: str | None
    commitment: str
    update_parts: list[str]
    row: _Row
    line_end: int


class _Parser:
    def __init__(self, text: str, meta: DocumentMeta, doc_id: str, source: str) -> None:
        self.meta = meta
        self.doc_id = doc_id
        self.source = source
        self.rows = [
            _Row(line=n, raw=line.split("\t")) for n, line in enumerate(text.split("\n"), start=1)
        ]
        self.section: str | None = None
        self.sections: list[str] = []
        self.drafts: list[_ItemDraft] = []
        self.current: _ItemDraft | None = None
        self.passages: list[Passage] = []
        self.unplaced: list[UnplacedRow] = []
        self.carry: list[tuple[_Row, str]] = []  # top halves waiting for their ref row
        self.people_key = {}
        self.key_rows: set[int] = set()
        self._read_people_key()
        ref_cells = [r.first for r in self.rows if r.raw and _REF.match(r.first)]
        self.dotted = any(_DOTTED_REF.match(ref) for ref in ref_cells)
        self.has_refs = bool(ref_cells)

    # --- key to initials ------------------------------------------------------------
    def _read_people_key(self) -> None:
        start = next((i for i, r in enumerate(self.rows) if KEY_HEADING.match(r.first or "")), None)
        if start is None:
            return
        key_rows = []
        for row in self.rows[start + 1 :]:
            if not row.filled:
                continue
            if len(row.raw) > 4:
                break
            key_rows.append(row.raw)
            self.key_rows.add(row.line)
        self.key_rows.add(self.rows[start].line)
        self.people_key = parse_people_key(key_rows)

    # --- walking the rows -----------------------------------------------------------
    def parse(self) -> None:
        for index, row in enumerate(self.rows):
            if row.line in self.key_rows:
                continue
            if not row.filled:
                continue
            if all(_SEPARATOR.match(c.strip()) for c in row.filled):
                continue
            if _is_we_will(row) and not _REF.match(row.first):
                continue
            if _REF.match(row.first) and len(row.filled) >= 2:
                self._ref_row(row)
            elif _is_heading(row):
                self._set_section(strip_markup(row.filled[0]))
            elif _is_header_row(row):
                self._header_row(row)
            elif not self.has_refs and self._objective_row(row):
                continue
            else:
                self._loose_row(row, index)
        self._close_current()

    def _set_section(self, name: str) -> None:
        self._close_current()
        self.section = name
        if name not in self.sections:
            self.sections.append(name)

    def _header_row(self, row: _Row) -> None:
        first = strip_markup(row.raw[0])
        if _OBJECTIVES_HEADING.match(first):
            self._set_section(first)
        # Otherwise a column header row: it tells nothing an item needs.

    def _ref_row(self, row: _Row) -> None:
        ref = row.first
        if self.dotted and not _DOTTED_REF.match(ref):
            # The theme's aim ("3 | Ensuring people have a safe place…"): a passage.
            self._close_current()
            texts = [
                clean_cell(c) for c in row.raw[1:]
                if c.strip() and strip_markup(c).lower() not in _HEADER_LABELS
            ]
            if texts:
                self._add_passage("\n".join(texts), row.line, row.line)
            return
        self._close_current()
        _read_trailing_cells(row, start=1)
        texts = [raw for _, raw in row.text_cells]
        if not texts:
            commitment, update = "", ""
        elif len(texts) == 1 and not self.dotted:
            commitment, update = first_paragraph_split(texts[0])
        elif len(texts) == 1:
            commitment, update = clean_cell(texts[0]), ""
        else:
            commitment, update = clean_cell(texts[0]), "\n".join(clean_cell(t) for t in texts[1:])
        parts = [text for _, text in self.carry] + ([update] if update else [])
        first_line = self.carry[0][0].line if self.carry else row.line
        self.carry = []
        self.current = _ItemDraft(ref, self.section, commitment, parts, row, row.line)
        self.current.row.line = first_line

    def _objective_row(self, row: _Row) -> bool:
        """RegenerationMK: ``objective | update`` rows under "… Objectives" headings."""
        if len(row.filled) < 2 or not self.section or "Objectives" not in self.section:
            paragraphs = re.findall(r"<p[^>]*>(.*?)</p>", row.raw[0], flags=re.S)
            if not (paragraphs and _OBJECTIVES_HEADING.match(strip_markup(paragraphs[0]))):
                return False
        objective_raw, update_raw = row.raw[0], "\n".join(c for c in row.raw[1:] if c.strip())
        paragraphs = re.findall(r"<p[^>]*>(.*?)</p>", objective_raw, flags=re.S)
        if paragraphs and _OBJECTIVES_HEADING.match(strip_markup(paragraphs[0])):
            self._set_section(strip_markup(paragraphs[0]))
            objective_raw = objective_raw[objective_raw.find("</p>") + 4 :]
        self._close_current()
        row.text_cells = [(0, objective_raw)]
        self.current = _ItemDraft(
            None, self.section, clean_cell(objective_raw), [clean_cell(update_raw)], row, row.line
        )
        self._close_current()
        return True

    def _loose_row(self, row: _Row, index: int) -> None:
        """A row with no ref: continuation, top half of the next row, orphan, or prose."""
        _read_trailing_cells(row, start=0)
        texts = [(col, clean_cell(raw)) for col, raw in row.text_cells if clean_cell(raw)]
        has_cells = bool(row.people_cells or row.rating)
        if not texts:
            if has_cells:
                self._unplace(row)
            return
        body = "\n".join(text for _, text in texts)
        if has_cells:
            following = self._next_ref_row(index)
            if following is not None and following.signature == row.signature:
                self._close_current()
                self.carry.append((row, body))
            elif self.current and self.current.row.signature == row.signature:
                self._extend_current(row, texts)
            else:
                self._unplace(row)
            return
        standalone_line = len(row.filled) == 1 and row.raw[0].strip() and "<" not in row.raw[0]
        if standalone_line:
            # A plain line of its own (a signature, a note under the table) is prose.
            self._close_current()
        if self.current is not None:
            self._extend_current(row, texts)
        else:
            self._add_passage(body, row.line, row.line)

    def _extend_current(self, row: _Row, texts: list[tuple[int, str]]) -> None:
        assert self.current is not None
        for col, text in texts:
            # In a ref | issue | response table, column 1 continues the issue text.
            if self.dotted and col <= 1 and len(self.current.row.text_cells) >= 2:
                self.current.commitment = f"{self.current.commitment}\n{text}".strip()
            else:
                self.current.update_parts.append(text)
        self.current.line_end = row.line

    def _next_ref_row(self, index: int) -> _Row | None:
        for row in self.rows[index + 1 :]:
            if not row.filled:
                continue
            if _REF.match(row.first) and len(row.filled) >= 2:
                probe = _Row(line=row.line, raw=row.raw)
                _read_trailing_cells(probe, start=1)
                return probe
            return None
        return None

    def _unplace(self, row: _Row) -> None:
        self.unplaced.append(
            UnplacedRow(
                cells=[strip_markup(c) for c in row.raw if c.strip()],
                location=Location(path=self.source, line_start=row.line, line_end=row.line),
            )
        )

    def _close_current(self) -> None:
        if self.current is not None:
            self.drafts.append(self.current)
            self.current = None

    # --- prose ------------------------------------------------------------------------
    def _add_passage(self, text: str, start: int, end: int) -> None:
        previous = self.passages[-1] if self.passages else None
        if (
            previous is not None
            and previous.section == self.section
            and previous.location.line_end >= start - 3
            and len(previous.text) + len(text) < _PASSAGE_MAX_CHARS
            and (len(text) < 200 or len(previous.text) < 200)
        ):
            previous.text = f"{previous.text}\n{text}"
            previous.location.line_end = end
            return
        self.passages.append(
            Passage(
                id=f"{self.doc_id}:p{len(self.passages) + 1}",
                document_id=self.doc_id,
                section=self.section,
                text=text,
                location=Location(path=self.source, line_start=start, line_end=end),
            )
        )

    # --- result -----------------------------------------------------------------------
    def items(self) -> list[PlanItem]:
        items: list[PlanItem] = []
        seen: dict[str, int] = {}
        counters: dict[str | None, int] = {}
        for draft in self.drafts:
            if draft.ref:
                key = draft.ref
            else:
                counters[draft.section] = counters.get(draft.section, 0) + 1
                key = f"{_slug(draft.section or 'item')}-{counters[draft.section]}"
            seen[key] = seen.get(key, 0) + 1
            if seen[key] > 1:
                key = f"{key}~{seen[key]}"
            people = list(draft.row.people_cells) + [""] * (3 - len(draft.row.people_cells))
            owner, director, cabinet = (resolve(cell, self.people_key) for cell in people[:3])
            update = "\n".join(p for p in draft.update_parts if p).strip() or None
            items.append(
                PlanItem(
                    id=f"{self.doc_id}:{key}",
                    document_id=self.doc_id,
                    section=draft.section,
                    ref=draft.ref,
                    commitment=draft.commitment or "(commitment text missing in the source)",
                    update=update,
                    owner=owner,
                    director=director,
                    cabinet_member=cabinet,
                    rating=draft.row.rating,
                    direction=draft.row.direction,
                    dates_due=_due_dates(draft.commitment),
                    location=Location(
                        path=self.source, line_start=draft.row.line, line_end=max(draft.line_end, draft.row.line)
                    ),
                )
            )
        return items


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def derive_title(text: str, fallback: str) -> str:
    """A title for a file the manifest does not describe: its first short line of text."""
    for line in text.split("\n"):
        candidate = strip_markup(line.split("\t")[0])
        if 4 <= len(candidate) <= 120 and any(c.isalpha() for c in candidate):
            return candidate
    return fallback


def parse_document(
    text: str, meta: DocumentMeta, *, doc_id: str, source: str, sha256: str
) -> PlanDocument:
    """Parse the loaded text of one file into a ``PlanDocument``."""
    parser = _Parser(text, meta, doc_id, source)
    parser.parse()
    return PlanDocument(
        id=doc_id,
        meta=meta,
        sha256=sha256,
        sections=parser.sections,
        items=parser.items(),
        passages=parser.passages,
        people_key={p.initials: p for p in parser.people_key.values()},
        people_key_location=(
            Location(path=source, line_start=min(parser.key_rows), line_end=max(parser.key_rows))
            if parser.key_rows else None
        ),
        unplaced_rows=parser.unplaced,
    )


__all__ = ["parse_document", "derive_title", "Person"]
