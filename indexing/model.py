"""The document model: what a council's paper holds once it has been read.

Readers (``indexing/readers``) produce a ``PlanDocument``: its metadata, sections,
items of several kinds (commitments, KPIs, risks, recommendations, milestones, member
questions with their answers), tables of figures, prose passages and the document's
own key to people. The index stores them and the assistant answers from them; this
module imports nothing from the layers above it.
"""

from __future__ import annotations

import re
from enum import Enum

from pydantic import BaseModel, Field, computed_field

from indexing.ratings import DIRECTION_WORDS, rating_words
from indexing.text import shorten


class DocumentKind(str, Enum):
    """What sort of paper a file is; decides how dates rank it and how it is reported."""

    plan = "plan"
    update = "update"
    strategy = "strategy"
    analysis = "analysis"
    report = "report"
    performance = "performance"
    risk_register = "risk_register"
    budget = "budget"
    minutes = "minutes"
    agenda = "agenda"
    decision = "decision"
    questions = "questions"
    form = "form"
    appendix = "appendix"
    other = "other"


class Access(str, Enum):
    """Who may see a document (``access:`` in the corpus manifest)."""

    public = "public"
    members = "members"
    restricted = "restricted"


class ItemKind(str, Enum):
    """The kinds of row a council paper tracks; one model holds them all."""

    commitment = "commitment"  # commitment, action, objective, issue
    kpi = "kpi"  # indicator, measure
    risk = "risk"
    recommendation = "recommendation"  # a recommendation and the response to it
    milestone = "milestone"
    question = "question"  # a member's question and its written answer
    decision = "decision"


class Location(BaseModel):
    """Where a piece of text sits in its source file, so a reader can open it there.

    Text files give lines, PDFs pages, spreadsheets a sheet and row; a location
    carries whichever its file has.
    """

    path: str
    line_start: int | None = Field(default=None, ge=1)
    line_end: int | None = Field(default=None, ge=1)
    page: int | None = Field(default=None, ge=1)
    page_end: int | None = Field(default=None, ge=1)
    sheet: str | None = None
    row: int | None = Field(default=None, ge=1)

    def pages(self) -> str | None:
        """``p. 23`` or ``pp. 23–24``; None for a file without pages."""
        if self.page is None:
            return None
        if self.page_end and self.page_end != self.page:
            return f"pp. {self.page}–{self.page_end}"
        return f"p. {self.page}"

    def __str__(self) -> str:
        if self.page is not None:
            return f"{self.path} {self.pages()}"
        if self.sheet is not None or self.row is not None:
            sheet = f" sheet '{self.sheet}'" if self.sheet else ""
            row = f" row {self.row}" if self.row else ""
            return f"{self.path}{sheet}{row}"
        if self.line_start is None:
            return self.path
        if self.line_end in (None, self.line_start):
            return f"{self.path}:{self.line_start}"
        return f"{self.path}:{self.line_start}-{self.line_end}"


class Person(BaseModel):
    """Someone a row names: by initials resolved through the document's key, or by name.

    ``name`` and ``role`` stay ``None`` when the document does not say them: an
    unresolved initial is shown as written, never guessed.
    """

    initials: str = ""
    name: str | None = None
    role: str | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def resolved(self) -> bool:
        return self.name is not None

    def display(self) -> str:
        """``Cllr Martin Gowans (MG), Cabinet member for Public Realm``, ``Jane Smith`` or ``AM``."""
        if not self.name:
            return self.initials
        text = f"{self.name} ({self.initials})" if self.initials else self.name
        return f"{text}, {self.role}" if self.role else text


class DocumentMeta(BaseModel):
    """What is known of one file: from its own text, overridden by the manifest."""

    file: str
    title: str
    kind: DocumentKind = DocumentKind.other
    period: str | None = Field(default=None, description="e.g. 'Q2 2017/18', 'Quarter 3 2024/25'")
    date: str | None = Field(
        default=None, description="ISO date (YYYY-MM-DD or YYYY-MM) used to rank newer first"
    )
    publisher: str | None = Field(default=None, description="The council or body that published it")
    url: str | None = Field(default=None, description="Public address of the file")
    access: Access = Access.public
    committee: str | None = None
    meeting: str | None = Field(
        default=None, description="Meeting id or label in its committee system"
    )
    meeting_date: str | None = None
    agenda_item: str | None = None
    columns: dict[str, str] = Field(
        default_factory=dict, description="Header text → role, overriding the reader's vocabulary"
    )


class PlanItem(BaseModel):
    """One tracked thing in a paper — a commitment, KPI, risk, recommendation,
    milestone, decision or member question — and its latest position.

    One item becomes one node in the index, with every field in its metadata, so a
    status question is answered from this row and not from a chunk that cut it in two.
    ``commitment`` is the item's own words (the commitment, the indicator's name, the
    risk, the question); ``update`` its progress note, commentary, response or answer.
    """

    id: str
    document_id: str
    kind: ItemKind = ItemKind.commitment
    section: str | None = None
    ref: str | None = None
    commitment: str
    update: str | None = Field(
        default=None, description="Progress note / commentary / response / answer"
    )
    owner: list[Person] = Field(default_factory=list)
    director: list[Person] = Field(default_factory=list)
    cabinet_member: list[Person] = Field(default_factory=list)
    rating: str | None = Field(default=None, description="R, A, G, C or a combination like G/A")
    rating_label: str | None = Field(
        default=None, description="The rating as the document wrote it"
    )
    previous_rating: str | None = Field(
        default=None, description="The rating of the previous period"
    )
    direction: str | None = Field(
        default=None, description="↑ improving, ↓ worsening, ↔ no change, ↕ varies"
    )
    dates_due: list[str] = Field(default_factory=list)
    period: str | None = Field(
        default=None, description="The period the values are for, e.g. 'Dec 24'"
    )
    fields: dict[str, str] = Field(
        default_factory=dict,
        description="Values by role: target, latest, previous, floor, likelihood, impact, score, due, asker…",
    )
    other_fields: dict[str, str] = Field(
        default_factory=dict, description="Columns the vocabulary has no role for, by their header"
    )
    location: Location

    @computed_field  # type: ignore[prop-decorator]
    @property
    def rating_words(self) -> str | None:
        """``G/A`` → ``Green/Amber``."""
        return rating_words(self.rating)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def direction_words(self) -> str | None:
        return DIRECTION_WORDS.get(self.direction) if self.direction else None

    def people(self) -> list[Person]:
        return [*self.owner, *self.director, *self.cabinet_member]

    def title(self, limit: int = 90) -> str:
        """The item's own words shortened for lists and buttons."""
        return shorten(self.commitment, limit, placeholder="…")


class Passage(BaseModel):
    """A stretch of prose under its heading, for documents (or parts) that are not tables."""

    id: str
    document_id: str
    section: str | None = None
    text: str
    location: Location


_UNHEADED = re.compile(r"column \d+")


def unheaded_column(position: int) -> str:
    """The name a reader gives a column whose paper printed no header: its place, counted
    from 1 ("column 3")."""
    return f"column {position}"


def is_unheaded_column(header: str) -> bool:
    """Is ``header`` the reader's name for a column the paper gave no header?"""
    return _UNHEADED.fullmatch(header) is not None


class TableRow(BaseModel):
    """One body row of a table of figures, with its cells under their column headers."""

    id: str
    document_id: str
    table: str = Field(description="The table's caption or nearest heading")
    section: str | None = None
    cells: dict[str, str] = Field(description="Column header → cell text, in column order")
    location: Location

    def label(self) -> str:
        """The row's name: its first non-numeric cell ("Adult Social Care")."""
        for value in self.cells.values():
            if value and any(ch.isalpha() for ch in value):
                return value
        return next(iter(self.cells.values()), "")


class UnplacedRow(BaseModel):
    """A table row the reader could not give to any item (e.g. owner/rating cells whose
    commitment the extraction lost). Kept for the ingest report, never attached by guess."""

    cells: list[str]
    location: Location


class PlanDocument(BaseModel):
    """A read document: metadata, sections, items, tables, passages and people key."""

    id: str
    meta: DocumentMeta
    sha256: str
    sections: list[str] = Field(default_factory=list)
    items: list[PlanItem] = Field(default_factory=list)
    tables: list[TableRow] = Field(default_factory=list, description="Rows of tables of figures")
    passages: list[Passage] = Field(default_factory=list)
    people_key: dict[str, Person] = Field(default_factory=dict)
    people_key_location: Location | None = None
    unplaced_rows: list[UnplacedRow] = Field(default_factory=list)
    duplicate_of: str | None = Field(
        default=None, description="Id of the separate paper this one repeats (a reports pack)"
    )

    def unresolved_initials(self) -> set[str]:
        return {
            p.initials
            for item in self.items
            for p in item.people()
            if not p.resolved and p.initials
        }

    def items_by_kind(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for item in self.items:
            counts[item.kind.value] = counts.get(item.kind.value, 0) + 1
        return counts
