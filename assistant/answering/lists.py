"""List answers: the items of a kind, rating, change, person or section, counted and
grouped per document, each cited."""

from __future__ import annotations

import re

from assistant.answering import compose
from assistant.answering.citations import item_citation, item_quote, sources_line
from assistant.answering.lookup import ItemFilter, find_items
from assistant.answering.relevance import date_key
from assistant.answering.scope import Scope
from assistant.answering.section_counts import by_section_line
from assistant.answering.service_lists import of_services, service_scope
from assistant.answering.understand import Query
from assistant.models import Answer, Citation, ItemKind, PlanItem
from indexing.ratings import DIRECTION_WORDS, rating_words
from indexing.store import StoredNode

_LATEST = re.compile(
    r"\b(this|current|latest|most recent|last) (quarter|period|report|year|month)\b|\bcurrently\b",
    re.I,
)


KIND_NOUNS = {
    ItemKind.kpi: "KPI",
    ItemKind.risk: "risk",
    ItemKind.recommendation: "recommendation",
    ItemKind.question: "question",
    ItemKind.milestone: "milestone",
    ItemKind.decision: "decision",
    ItemKind.commitment: "commitment",
}


def kind_noun(query: Query) -> str:
    """What the items asked for are called in an answer: "KPI", "risk", else "item"."""
    return KIND_NOUNS.get(query.kind, "item") if query.kind else "item"


def none_found(query: Query, label: str, **counts: int) -> Answer:
    """ "0 KPIs are <label> in the documents I have.": a list that found nothing, said as
    a count (the documents were read; none matched), with nothing to cite."""
    return Answer(
        question=query.text,
        answer=f"0 {kind_noun(query)}s are {label} in the documents I have.",
        answered=True,
        intent=query.intent.value,
        metadata=dict(counts),
    )


def _rating(code: str | None) -> str:
    return rating_words(code) or ""


def list_answer(scope: Scope, query: Query, explicit_docs: list[str]) -> Answer:
    docs = scope.narrow(explicit_docs or query.document_ids)
    # "adult social care kpis rated amber": the service's items, wherever its words match
    services, docs, sections = service_scope(scope, query, docs, explicit_docs)
    if sections != query.sections:
        query = query.model_copy(update={"sections": sections})
    if query.sections:
        docs = [d for d in docs if d in {doc_id for doc_id, _ in query.sections}] or docs
    if query.unrated or query.direction:
        # Only documents that rate their items can have an unrated or arrowed item.
        docs = [
            d.id
            for d in scope.documents
            if d.id in docs and any(i.rating or i.direction for i in d.items)
        ]
    criteria = ItemFilter(
        rating=query.rating,
        people=query.people,
        role=query.people_role if query.people else None,
        sections=[name for _, name in query.sections],
        direction=query.direction,
        unrated=query.unrated,
        kind=query.kind,
        previous_rating=query.from_rating,
        rating_change=query.change,
    )
    found = find_items(scope, criteria, document_ids=docs)
    if services:
        found = [(n, i) for n, i in found if of_services(i, services)]
    if query.direction:
        # A direction worked out from the two ratings is the rating change, not a trend.
        found = [(n, i) for n, i in found if i.fields.get("direction_basis") != "rating change"]
    combined: list[tuple[StoredNode, PlanItem]] = []
    if query.rating and "/" not in query.rating and not query.from_rating:
        wider = find_items(
            scope,
            ItemFilter(rating=query.rating, include_combined=True, kind=query.kind),
            document_ids=docs,
        )
        combined = [
            (n, i)
            for n, i in wider
            if i.rating != query.rating and (not services or of_services(i, services))
        ]
    label = _filter_label(query, services)
    if not found and not combined:
        return none_found(query, label, count=0, combined_count=0)
    if _LATEST.search(query.text):
        # "this quarter", "latest": the newest paper that has such items, not every year's.
        newest = max((date_key(n) for n, _ in found + combined), default=())
        found = [(n, i) for n, i in found if date_key(n) == newest]
        combined = [(n, i) for n, i in combined if date_key(n) == newest]
    citations: list[Citation] = []
    lines: list[str] = []
    noun = kind_noun(query)
    plural = noun if len(found) == 1 else f"{noun}s"
    groups = _by_document(found)
    across = f" across {len(groups)} documents" if len(groups) > 1 else ""
    if query.people and not query.rating:
        lines.append(f"{label} is named on {len(found)} {plural}{across}:")
    else:
        lines.append(f"{len(found)} {plural} {'is' if len(found) == 1 else 'are'} {label}{across}:")
    for group in groups:
        if len(groups) > 1:
            meta = group[0][0].metadata
            where = meta.get("document_title", "") + (
                f", {meta['document_period']}" if meta.get("document_period") else ""
            )
            lines.append(f"{len(group)} in {where}:")
        if parts := by_section_line(query.text, [i for _, i in group]):
            lines.append(parts)  # "which directorate has the most red KPIs"
        for node, item in group:
            citations.append(item_citation(node, item, quote=item_quote(item, with_update=False)))
            lines.append(compose.list_line(item, len(citations), query.people_role))
    if combined:
        lines.append(
            f"A further {len(combined)} have a combined rating that includes {_rating(query.rating)}:"
        )
        for node, item in combined:
            citations.append(item_citation(node, item, quote=item_quote(item, with_update=False)))
            lines.append(compose.list_line(item, len(citations), query.people_role))
    lines.append(sources_line(citations))
    return Answer(
        question=query.text,
        answer="\n".join(lines),
        answered=True,
        intent=query.intent.value,
        citations=citations,
        items=[i for _, i in found + combined],
        metadata={"count": len(found), "combined_count": len(combined)},
    )


def _filter_label(query: Query, services: set[str] | None = None) -> str:
    parts = []
    if query.change:
        parts.append(
            {"↓": "rated worse than last time", "↑": "rated better than last time"}.get(
                query.change, "unchanged"
            )
        )
    if query.from_rating and not query.rating:
        return f"rated {_rating(query.from_rating)} the previous period"
    if query.from_rating:
        parts.append(f"previously {_rating(query.from_rating)}")
    if query.unrated:
        parts.append("without a RAG rating")
    if query.direction:
        parts.append(
            f"with direction of travel {DIRECTION_WORDS[query.direction]} ({query.direction})"
        )
    if query.sections or services:
        places = {name.title() for _, name in query.sections} | set(services or ())
        parts.append("in " + " / ".join(sorted(places)))
    if query.rating:
        parts.append(f"rated {_rating(query.rating)}")
    if query.people:
        names = " or ".join(p.display() for p in query.people)
        role = {
            "owner": "as owner",
            "director": "as director",
            "cabinet_member": "as cabinet member",
        }.get(query.people_role or "", "")
        who = f"{names}{' (' + role + ')' if role else ''}"
        return f"{parts[0]} naming {who}" if parts else who
    return " and ".join(parts) or "listed"


def _by_document(
    found: list[tuple[StoredNode, PlanItem]],
) -> list[list[tuple[StoredNode, PlanItem]]]:
    """Items grouped by their document, in the order found (newest document first)."""
    groups: dict[str, list[tuple[StoredNode, PlanItem]]] = {}
    for node, item in found:
        groups.setdefault(item.document_id, []).append((node, item))
    return list(groups.values())
