"""What ``planbot ingest`` reports: each document's summary (items by kind, table rows,
passages, ratings, unplaced rows, the paper a pack repeats) and the files it skipped."""

from __future__ import annotations

from collections import Counter

from pydantic import BaseModel, Field

from indexing.model import PlanDocument


class FileProblem(BaseModel):
    path: str
    reason: str
    kept_previous: bool = False


class DocumentSummary(BaseModel):
    path: str
    title: str
    status: str = Field(description="new, changed, unchanged or kept previous version")
    items: int
    passages: int
    kinds: dict[str, int] = Field(
        default_factory=dict, description="Items by kind: commitment, kpi, risk…"
    )
    table_rows: int = Field(default=0, description="Rows of tables of figures (not items)")
    ratings: dict[str, int] = Field(default_factory=dict)
    unresolved_initials: list[str] = Field(default_factory=list)
    unplaced_rows: int = 0
    repeats: str | None = Field(
        default=None, description="Id of the paper this one repeats (its copies are not indexed)"
    )


class IngestReport(BaseModel):
    generation: str | None
    changed: bool
    embedded: int = Field(description="Texts embedded in this run (0 when nothing changed)")
    documents: list[DocumentSummary] = Field(default_factory=list)
    skipped: list[FileProblem] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)
    seconds: float = 0.0


def summarise(doc: PlanDocument, path: str, status: str) -> DocumentSummary:
    return DocumentSummary(
        path=path,
        title=doc.meta.title,
        status=status,
        items=len(doc.items),
        passages=len(doc.passages),
        kinds=doc.items_by_kind(),
        table_rows=len(doc.tables),
        ratings=dict(Counter(item.rating for item in doc.items if item.rating)),
        unresolved_initials=sorted(doc.unresolved_initials()),
        unplaced_rows=len(doc.unplaced_rows),
    )
