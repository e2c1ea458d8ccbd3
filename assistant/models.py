"""What the assistant returns: ``Answer`` and its ``Citation``s.

The document model (``PlanDocument``, ``PlanItem``…) lives with the indexing layer
(``indexing/model.py``) and is re-exported here for the fronts. Every face (CLI, Slack,
evals) renders the same ``Answer``; the ``--json`` output of ``planbot ask`` is ``Answer``
serialised, so field names here are a public contract.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from indexing.model import (  # noqa: F401  (the document model, re-exported for the fronts)
    Access,
    DocumentKind,
    DocumentMeta,
    ItemKind,
    Location,
    Passage,
    Person,
    PlanDocument,
    PlanItem,
    TableRow,
    UnplacedRow,
)
from indexing.ratings import DIRECTION_WORDS, RATING_WORDS  # noqa: F401


class Citation(BaseModel):
    """One source of a statement: enough to open the document and find the exact words."""

    document: str = Field(description="Document title")
    document_id: str | None = None
    date: str | None = Field(default=None, description="Period or date of the document")
    ref: str | None = None
    section: str | None = None
    quote: str = Field(description="The exact source text relied on")
    source: str = Field(description="File and place, e.g. corpus/x.txt:42 or corpus/x.pdf p. 23")
    page: int | None = Field(default=None, description="Page of a PDF the quote is on")
    url: str | None = Field(
        default=None, description="Public address of the paper (#page=N for PDFs)"
    )


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
