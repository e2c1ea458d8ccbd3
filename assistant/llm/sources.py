"""The numbered sources behind an ``Answer``: what a model is shown and what it is checked against.

Source ``[n]`` is the answer's ``n``-th citation together with the plan item it came
from (matched by file location, else document and ref). Its ``text`` holds the quote
and the row's fields — rating, people, dates — laid out by ``prompts/llm_source_*.md``.
That same text is what the claim check reads, so a model can only be credited with a
figure it was actually shown. The rating *codes* are kept apart: a rating may only be
claimed from the rating field, never from words inside a quote (a document could
contain "all commitments are complete").
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field

from assistant.models import Answer, Citation, Person, PlanItem
from assistant.prompts import render
from indexing.text import shorten

MAX_QUOTE_CHARS = 1500
"""A long update is cut (at a word) before it reaches a model; the check uses the cut text too."""


class Source(BaseModel):
    """One numbered source: the citation, its plan item if any, and the text shown and checked."""

    n: int
    citation: Citation
    item: PlanItem | None = None
    text: str
    ratings: list[str] = Field(
        default_factory=list, description="Rating codes of the row, e.g. ['G/A']"
    )


def item_for(citation: Citation, candidates: list[PlanItem]) -> PlanItem | None:
    """The plan item a citation was made from, or ``None`` for a prose passage."""
    for item in candidates:
        if str(item.location) == citation.source:
            return item
    if citation.ref:
        for item in candidates:
            if item.document_id == citation.document_id and item.ref == citation.ref:
                return item
    return None


def answer_items(answer: Answer) -> list[PlanItem]:
    return [*answer.items, *answer.history]


def clip_words(text: str, limit: int = MAX_QUOTE_CHARS) -> str:
    """Cut at a word boundary, so a figure is never cut into a different figure."""
    return shorten(text, limit)


def people_text(people: list[Person]) -> str:
    """``Michael Kelleher (Service Director Housing and Community)``; initials when unresolved."""
    parts = []
    for person in people:
        if person.name:
            parts.append(f"{person.name} ({person.role})" if person.role else person.name)
        else:
            parts.append(f"{person.initials} (initials as printed; not in the document's key)")
    return "; ".join(parts)


def build_sources(answer: Answer, prompts_dir: Path) -> list[Source]:
    """Source ``[n]`` for each citation of ``answer``, numbered as the answer numbers them."""
    candidates = answer_items(answer)
    sources = []
    for n, citation in enumerate(answer.citations, start=1):
        item = item_for(citation, candidates)
        sources.append(
            Source(
                n=n,
                citation=citation,
                item=item,
                text=source_text(n, citation, item, prompts_dir),
                ratings=[item.rating] if item and item.rating else [],
            )
        )
    return sources


def source_text(
    n: int,
    citation: Citation,
    item: PlanItem | None,
    prompts_dir: Path,
    limit: int | None = MAX_QUOTE_CHARS,
) -> str:
    """Source ``[n]`` laid out by ``prompts/llm_source_item.md`` (a row) or ``llm_source_passage.md``."""
    common = {
        "n": n,
        "document": citation.document,
        "period": citation.date or "no date given",
        "section": citation.section or "none",
        "quote": clip_words(citation.quote, limit) if limit else citation.quote.strip(),
    }
    if item is None:
        return render(prompts_dir, "llm_source_passage.md", **common).strip()
    rating = f"{item.rating_words} ({item.rating})" if item.rating else "none given in the source"
    return render(
        prompts_dir,
        "llm_source_item.md",
        **common,
        ref=item.ref or "none",
        rating=rating,
        direction=item.direction_words or "none given",
        owner=people_text(item.owner) or "none given",
        director=people_text(item.director) or "none given",
        cabinet_member=people_text(item.cabinet_member) or "none given",
        due=", ".join(item.dates_due) or "none given",
    ).strip()
