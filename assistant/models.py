"""The domain model of Plan Assistant, in one module.

These pydantic models are the boundaries between the pieces: the parser produces
``PlanDocument``/``PlanItem``, the index stores them, the answerer returns ``Answer``,
and every face (CLI, Slack, evals) renders that same ``Answer``. The ``--json`` output
of ``planbot ask`` is ``Answer`` serialised, so field names here are a public contract.
"""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, Field, computed_field

RATING_WORDS: dict[str, str] = {"R": "Red", "A": "Amber", "G": "Green", "C": "Complete"}
"""The RAG key printed at the top of the delivery-plan updates (C = action complete)."""

DIRECTION_WORDS: dict[str, str] = {
    "↑": "improving",
    "↓": "worsening",
    "↔": "no change",
    "↕": "varies",
}


class DocumentKind(str, Enum):
    """What sort of document a file is; decides how it is parsed and how dates rank it."""

    plan = "plan"
    update = "update"
    strategy = "strategy"
    analysis = "analysis"
    other = "other"


class Access(str, Enum):
    """Who may see a document (``access:`` in the corpus manifest)."""

    public = "public"
    members = "members"
    restricted = "restricted"


class Location(BaseModel):
    """Where a piece of text sits in its source file, so a reader can find it."""

    path: str
    line_start: int = Field(ge=1)
    line_end: int = Field(ge=1)

    def __str__(self) -> str:
        if self.line_start == self.line_end:
            return f"{self.path}:{self.line_start}"
        return f"{self.path}:{self.line_start}-{self.line_end}"


class Person(BaseModel):
    """Someone named in a plan row by initials, resolved through the document's key.

    ``name`` and ``role`` stay ``None`` when the key has no entry for the initials:
    an unresolved initial is shown as written, never guessed.
    """

    initials: str
    name: str | None = None
    role: str | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def resolved(self) -> bool:
        return self.name is not None

    def display(self) -> str:
        """``Cllr Martin Gowans (MG), Cabinet member for Public Realm`` or ``AM``."""
        if not self.name:
            return self.initials
        text = f"{self.name} ({self.initials})"
        return f"{text}, {self.role}" if self.role else text


class DocumentMeta(BaseModel):
    """What the corpus manifest says of one file (or what is derived when it says nothing)."""

    file: str
    title: str
    kind: DocumentKind = DocumentKind.other
    period: str | None = Field(default=None, description="e.g. 'Q2 2017/18', 'December 2017'")
    date: str | None = Field(
        default=None, description="ISO date (YYYY-MM-DD or YYYY-MM) used to rank newer first"
    )
    publisher: str | None = None
    url: str | None = None
    access: Access = Access.public


class PlanItem(BaseModel):
    """One row of a plan: a commitment (or objective, or issue) and its latest position.

    One item becomes one node in the index, with every field below in its metadata, so
    a status question is answered from this row and not from a chunk that cut it in two.
    """

    id: str
    document_id: str
    section: str | None = None
    ref: str | None = None
    commitment: str
    update: str | None = Field(default=None, description="Progress note / key milestones / response")
    owner: list[Person] = Field(default_factory=list)
    director: list[Person] = Field(default_factory=list)
    cabinet_member: list[Person] = Field(default_factory=list)
    rating: str | None = Field(default=None, description="R, A, G, C or a combination like G/A")
    direction: str | None = Field(default=None, description="The arrow as printed: ↑ ↓ ↔ ↕")
    dates_due: list[str] = Field(default_factory=list)
    location: Location

    @computed_field  # type: ignore[prop-decorator]
    @property
    def rating_words(self) -> str | None:
        """``G/A`` → ``Green/Amber``."""
        if not self.rating:
            return None
        return "/".join(RATING_WORDS.get(code, code) for code in self.rating.split("/"))

    @computed_field  # type: ignore[prop-decorator]
    @property
    def direction_words(self) -> str | None:
        return DIRECTION_WORDS.get(self.direction) if self.direction else None

    def people(self) -> list[Person]:
        return [*self.owner, *self.director, *self.cabinet_member]

    def title(self, limit: int = 90) -> str:
        """The commitment shortened for lists and buttons."""
        text = self.commitment
        return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


class Passage(BaseModel):
    """A stretch of prose under its heading, for documents (or parts) that are not tables."""

    id: str
    document_id: str
    section: str | None = None
    text: str
    location: Location


class UnplacedRow(BaseModel):
    """A table row the parser could not give to any item (e.g. owner/rating cells whose
    commitment the extraction lost). Kept for the ingest report, never attached by guess."""

    cells: list[str]
    location: Location


class PlanDocument(BaseModel):
    """A parsed document: its manifest metadata, sections, items, passages and people key."""

    id: str
    meta: DocumentMeta
    sha256: str
    sections: list[str] = Field(default_factory=list)
    items: list[PlanItem] = Field(default_factory=list)
    passages: list[Passage] = Field(default_factory=list)
    people_key: dict[str, Person] = Field(default_factory=dict)
    people_key_location: Location | None = None
    unplaced_rows: list[UnplacedRow] = Field(default_factory=list)

    def unresolved_initials(self) -> set[str]:
        return {p.initials for item in self.items for p in item.people() if not p.resolved}


class Citation(BaseModel):
    """One source of a statement: enough to open the document and find the exact words."""

    document: str = Field(description="Document title")
    document_id: str | None = None
    date: str | None = Field(default=None, description="Period or date of the document")
    ref: str | None = None
    section: str | None = None
    quote: str = Field(description="The exact source text relied on")
    source: str = Field(description="File and line location, e.g. corpus/x.txt:42")
    url: str | None = None


class Answer(BaseModel):
    """What every face renders: the CLI, Slack, drafting and the evals."""

    question: str
    answer: str
    answered: bool
    intent: str | None = None
    citations: list[Citation] = Field(default_factory=list)
    items: list[PlanItem] = Field(default_factory=list, description="Items the answer used")
    suggestions: list[PlanItem] = Field(
        default_factory=list, description="Nearest items, offered when not answered"
    )
    history: list[PlanItem] = Field(
        default_factory=list, description="Older documents' items on the same subject"
    )
    metadata: dict[str, object] = Field(default_factory=dict)
