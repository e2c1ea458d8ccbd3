"""Status answers: one item (found by ref or by search) with its rating, values, people
and update, the newest paper first and older papers' rows as history."""

from __future__ import annotations

from assistant.answering import compose, facts
from assistant.answering.asked_fields import missing_field
from assistant.answering.citations import item_citation
from assistant.answering.evidence import best_evidence
from assistant.answering.lookup import ItemFilter, find_items
from assistant.answering.meeting_versions import asked_copy
from assistant.answering.relevance import date_key, item_in_place
from assistant.answering.retrieve import Candidate
from assistant.answering.scope import Scope
from assistant.answering.understand import Intent, Query
from assistant.models import Answer, PlanItem
from indexing.store import StoredNode
from indexing.terms import content_stems


def by_ref(scope: Scope, query: Query, explicit_docs: list[str]) -> Answer | None:
    found: list[tuple[StoredNode, PlanItem]] = []
    for ref in query.refs:
        found += find_items(scope, ItemFilter(ref=ref))
    docs = explicit_docs or query.document_ids
    if docs:
        preferred = [(n, i) for n, i in found if i.document_id in docs]
        found = preferred or ([] if explicit_docs else found)
    if not found:
        refs = ", ".join(query.refs)
        return Answer(
            question=query.text,
            answer=f"There is no item {refs} in the plan documents I have"
            + (
                " (some refs were lost when the published files were extracted)."
                if any("." in r for r in query.refs)
                else "."
            ),
            answered=False,
            intent=query.intent.value,
        )
    if query.asks_rating or query.asks_owner:
        # The same ref can exist in several documents; prefer one that has what is asked.
        found.sort(key=lambda pair: not bool(pair[1].rating or pair[1].owner))
    if query.intent == Intent.when:
        candidates = [Candidate(node=n, cosine=1.0) for n, _ in found]
        evidence = [e for e in best_evidence(query, candidates) if e.has_required]
        if evidence:
            return facts.evidence_answer(query, evidence[0], [])
    return item_answer(
        scope,
        query,
        found[0],
        found[1:],
        other_items_label="Same ref in other documents",
        named=True,
    )


def status_answer(floor: float, scope: Scope, query: Query, candidates: list[Candidate]) -> Answer:
    # Another council's item does not answer a question that names a council
    # ("northtown's claimant count target"): that council's own item, or its sentences.
    elsewhere = {
        c.node.id for c in candidates if c.node.is_item and not item_in_place(scope, query, c)
    }
    candidates = [c for c in candidates if c.node.id not in elsewhere]
    items = [c for c in candidates if c.node.is_item]
    if not items or items[0].cosine < floor - 0.05:
        return facts.fact_answer(floor, scope, query, candidates)
    lead = _naming_fields(scope, query, items[:3]) or items[0]
    items = [lead] + [c for c in items if c is not lead]
    # A question that names its period ("in Q2 2017/18") is about that paper's row:
    # lead with it when it is as close, and never swap it for a newer paper's.
    named = set(query.document_ids) if (query.years or query.quarters) else set()
    if named and lead.node.metadata.get("plan_document") not in named:
        in_named = next(
            (
                c
                for c in items[1:5]
                if c.node.metadata.get("plan_document") in named and c.cosine >= lead.cosine - 0.06
            ),
            None,
        )
        if in_named is not None:
            items = [in_named] + [c for c in items if c is not in_named]
            lead = in_named
    same_subject = [
        c
        for c in items[1:5]
        if c.node.metadata.get("plan_document") != lead.node.metadata.get("plan_document")
        and c.cosine >= lead.cosine - 0.06
        and (not named or c.node.metadata.get("plan_document") in named)
    ]
    newer = [
        c
        for c in same_subject
        if date_key(c.node) > date_key(lead.node)
        and (not named or c.node.metadata.get("plan_document") in named)
        and _same_name(c, lead)  # a later edition of this item, not another item near it
    ]
    if newer:
        newest = max(newer, key=lambda c: date_key(c.node))
        same_subject = [lead] + [c for c in same_subject if c is not newest]
        lead = newest
    if (asked := asked_copy(scope, query.text, lead, same_subject)) is not None:
        # "the register that went to cabinet in jan": that meeting's copy, not the newest
        same_subject = [lead] + [c for c in same_subject if c is not asked]
        lead = asked
    role = query.people_role if query.asks_owner else None
    if role and not getattr(lead.node.item(), role):
        # "Which cabinet member is down for…": lead with a version that names one.
        naming = next((c for c in same_subject if getattr(c.node.item(), role)), None)
        if naming is not None:
            same_subject = [lead] + [c for c in same_subject if c is not naming]
            lead = naming
    history = sorted(same_subject, key=lambda c: date_key(c.node), reverse=True)
    return item_answer(
        scope,
        query,
        (lead.node, lead.node.item()),
        [(c.node, c.node.item()) for c in history],
        other_items_label="Also covered in",
    )


FIELD_COVERAGE_MARGIN = 0.05
"""How much less of the question an item's own words may hold and still lead because
it has the column the question names."""


SAME_NAME = 0.8
"""Share of each other's name words two items in different papers must hold to be copies
of one item (a register's risk in its January and February editions)."""


def _same_name(a: Candidate, b: Candidate) -> bool:
    """Whether two items are one item printed in two papers: their names share nearly all
    their words ("Insecure funding" is not the "Net Zero … green agenda" risk, however
    close their embeddings)."""
    x = content_stems(a.node.item().commitment)
    y = content_stems(b.node.item().commitment)
    if not x or not y:
        return False
    shared = len(x & y)
    return shared >= SAME_NAME * len(x) and shared >= SAME_NAME * len(y)


def _naming_fields(scope: Scope, query: Query, items: list[Candidate]) -> Candidate | None:
    """Of the best items, one whose columns the question names more fully than the
    first's ("… green agenda funding risk - lifetime exposure": the capital risk with
    an "Estimated Lifetime Financial Exposure" over the revenue one with an annual
    exposure), when its own words hold as much of the question."""
    asked = content_stems(query.text)

    def named(candidate: Candidate) -> int:
        item = candidate.node.item()
        headers = [h for h, v in {**item.fields, **item.other_fields}.items() if v]
        return len(asked & content_stems(" ".join(h.replace("_", " ") for h in headers)))

    if len(items) < 2:
        return None
    first = scope.terms.coverage(asked, content_stems(items[0].node.item().commitment))
    best = max(items[1:], key=named)
    if named(best) <= named(items[0]):
        return None
    mine = scope.terms.coverage(asked, content_stems(best.node.item().commitment))
    return best if mine >= first - FIELD_COVERAGE_MARGIN else None


def item_answer(
    scope: Scope,
    query: Query,
    lead: tuple[StoredNode, PlanItem],
    others: list[tuple[StoredNode, PlanItem]],
    *,
    other_items_label: str,
    named: bool = False,
) -> Answer:
    """One item's answer; ``named`` when the question gave its ref."""
    node, item = lead
    missing = missing_field(query.text, item, named)
    if missing and all(missing_field(query.text, other, named) for _n, other in others):
        # "The impact score of the cyber security risk": the register prints none.
        title = node.metadata.get("document_title") or item.document_id
        return Answer(
            question=query.text,
            answer=f"{title} gives no {missing} for “{compose.one_line(item.title(100))}”; "
            "the plan documents I have don't say.",
            answered=False,
            intent=query.intent.value,
            suggestions=[item],
        )
    has_ratings = any(
        i.rating for d in scope.documents if d.id == item.document_id for i in d.items
    )
    citations = [item_citation(node, item)]
    text = compose.status_text(
        node, item, 1, has_ratings=has_ratings, asks_rating=query.asks_rating, question=query.text
    )
    history: list[PlanItem] = []
    if others:
        lines = [f"{other_items_label}:"]
        for other_node, other in others:
            citations.append(item_citation(other_node, other))
            lines.append(compose.history_line(other_node, other, len(citations)))
            history.append(other)
        text += "\n" + "\n".join(lines)
    return Answer(
        question=query.text,
        answer=text,
        answered=True,
        intent=query.intent.value,
        citations=citations,
        items=[item],
        history=history,
    )
