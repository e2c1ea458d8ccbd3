"""Lists by change since the previous period, from the items' own fields.

A performance report prints beside each KPI its rating now, often its rating last
period and sometimes a direction of travel. "Which KPIs got worse?", "which were red
last quarter?", "how many are red compared with last quarter?" and "which are
improving?" have one right answer in those fields: the items are listed (each cited
with its page) and counted. A direction of travel is taken only where the paper prints
one: one worked out from the two ratings is the rating change, not the figure's trend,
so a trend question over items without a printed direction is left to the report's own
words (its summary often counts them), and a question about change over items that
carry neither a previous rating nor a direction is told so rather than guessed at.
"""

from __future__ import annotations

import re

from assistant.answering import lists
from assistant.answering.citations import (
    item_citation,
    item_quote,
    passage_citation,
    sources_line,
)
from assistant.answering.compose import list_line
from assistant.answering.lookup import ItemFilter, find_items
from assistant.answering.relevance import date_key
from assistant.answering.scope import Scope
from assistant.answering.service_lists import of_services, service_scope
from assistant.answering.understand import Intent, Query
from assistant.models import Answer, Citation, PlanItem
from indexing.ratings import RAG_COLOUR, parse_rating, rating_words
from indexing.store import StoredNode

_PERIOD = r"(?:quarter|period|year|month|report|time|update)"
_COMPARED = re.compile(
    r"\b(?:compared\s+(?:with|to)|than|since|versus|vs\.?|from)\s+(?:the\s+)?"
    rf"(?:last|previous|prior|preceding)\s+{_PERIOD}\b",
    re.I,
)
"""A count set against the previous period: "how many are red compared with last quarter"."""
_WAS_RATED = re.compile(
    rf"\b(?:were|was)\s+(?:rag\s+)?(?:rated\s+)?({RAG_COLOUR})\b"
    rf"(?=.*\b(?:last|previous|prior|before|previously)\b)"
    rf"|\bpreviously\s+(?:rag\s+)?(?:rated\s+)?({RAG_COLOUR})\b",
    re.I,
)
"""A rating of the previous period asked for: "which KPIs were red last quarter"."""
_COUNT_ONLY = re.compile(r"\b(?:how many|number of|count)\b", re.I)
_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")
_DERIVED = "rating change"
"""``direction_basis`` of an item whose direction was worked out from its two ratings."""


def _items(scope: Scope, query: Query, explicit_docs: list[str]) -> list[PlanItem]:
    """The items of the kind asked for in the documents the question is about."""
    docs = scope.narrow(explicit_docs or query.document_ids)
    services, docs, _ = service_scope(scope, query, docs, explicit_docs)  # "adult social care"
    wanted = set(docs)
    return [
        item
        for doc in scope.documents
        if doc.id in wanted
        for item in doc.items
        if (query.kind is None or item.kind == query.kind)
        and (not services or of_services(item, services))
    ]


def printed_direction(item: PlanItem) -> bool:
    """The paper prints the item's direction of travel (not worked out from its ratings)."""
    return bool(item.direction) and item.fields.get("direction_basis") != _DERIVED


def searchable(scope: Scope, query: Query, explicit_docs: list[str]) -> Query:
    """A question counting items by direction of travel ("how many indicators were
    showing an improving trend") over items that print none, as a question for the
    report's own words; any other question unchanged."""
    if (
        query.intent != Intent.list
        or not query.direction
        or query.change
        or query.rating
        or query.from_rating
        or query.people
        or query.unrated
        or not _COUNT_ONLY.search(query.text)
    ):
        return query
    items = _items(scope, query, explicit_docs)
    if any(printed_direction(i) for i in items) or (
        query.direction == "↔" and any(i.previous_rating for i in items)
    ):
        return query
    return query.model_copy(
        update={"direction": None, "intent": Intent.figure, "kind": None, "sections": []}
    )


def was_rated(text: str) -> str | None:
    """The rating of the previous period a question asks for ("were red last quarter")."""
    match = _WAS_RATED.search(text)
    return parse_rating(match.group(1) or match.group(2)) if match else None


def compared(text: str) -> bool:
    """The question sets a count against the previous period."""
    return bool(_COMPARED.search(text))


def change_answer(scope: Scope, query: Query, explicit_docs: list[str]) -> Answer | None:
    """The answer to a list question about change, or None when the question asks about
    no change (or the rating-change list of ``lists`` answers it as it stands)."""
    if query.intent != Intent.list or query.people:
        return None
    items = _items(scope, query, explicit_docs)
    previous = any(i.previous_rating for i in items)
    printed = any(printed_direction(i) for i in items)
    before = was_rated(query.text)
    if before and not (query.change or query.from_rating):
        if not previous:
            return _no_history(query, "previous rating")
        asked = query.model_copy(update={"rating": None, "from_rating": before, "direction": None})
        return lists.list_answer(scope, asked, explicit_docs)
    if query.change or query.from_rating:
        if previous:
            if query.direction and not printed:
                # "improved" names both; the ratings say how each moved.
                return lists.list_answer(
                    scope, query.model_copy(update={"direction": None}), explicit_docs
                )
            return None
        if query.change and printed:
            asked = query.model_copy(update={"direction": query.change, "change": None})
            return lists.list_answer(scope, asked, explicit_docs)
        return _no_history(query, "previous rating or direction of travel")
    if query.direction and not printed:
        if query.direction == "↔" and previous:
            asked = query.model_copy(update={"direction": None, "change": "↔"})
            return lists.list_answer(scope, asked, explicit_docs)
        return _no_history(query, "direction of travel")
    if query.rating and "/" not in query.rating and compared(query.text) and not query.sections:
        if not previous:
            return _no_history(query, "previous rating")
        return _compared(scope, query, explicit_docs)
    return None


def _no_history(query: Query, missing: str) -> Answer:
    noun = lists.kind_noun(query)
    return Answer(
        question=query.text,
        answer=(
            f"The documents I have give no {missing} for their {noun}s, so I can't say "
            "how they changed since the previous period."
        ),
        answered=False,
        intent=query.intent.value,
        metadata={"count": 0},
    )


def _difference(now: int, then: int) -> str:
    gap = abs(now - then)
    if gap == 0:
        return "the same number now"
    word = _NUMBER_WORDS[gap] if gap < len(_NUMBER_WORDS) else str(gap)
    return f"{word} {'more' if now > then else 'fewer'} now"


def _stated(scope: Scope, found: list[tuple[StoredNode, PlanItem]], word: str) -> Citation | None:
    """The report's own sentence comparing its count of ``word`` with the previous period
    ("… rated Red (one more than last Quarter)"), from the document of the items."""
    if not found:
        return None
    node, first = found[0]
    said = re.compile(
        rf"\b{re.escape(word)}\b[^.;]{{0,60}}?\b(?:than|since|compared\s+(?:with|to)|on)\s+"
        rf"(?:the\s+)?(?:last|previous|preceding)\s+{_PERIOD}",
        re.I,
    )
    doc = scope.document(first.document_id)
    for passage in doc.passages if doc else []:
        for sentence in _SENTENCE.split(" ".join(passage.text.split())):
            if said.search(sentence):
                return passage_citation(node, passage, quote=sentence.strip())
    return None


def _compared(scope: Scope, query: Query, explicit_docs: list[str]) -> Answer:
    """The items rated so now, counted against those rated so the previous period."""
    docs = scope.narrow(explicit_docs or query.document_ids)
    docs = [
        d.id for d in scope.documents if d.id in docs and any(i.previous_rating for i in d.items)
    ]
    now = find_items(scope, ItemFilter(rating=query.rating, kind=query.kind), document_ids=docs)
    then = find_items(
        scope, ItemFilter(previous_rating=query.rating, kind=query.kind), document_ids=docs
    )
    newest = max((date_key(n) for n, _ in now + then), default=())
    now = [(n, i) for n, i in now if date_key(n) == newest]
    then = [(n, i) for n, i in then if date_key(n) == newest and i.rating != query.rating]
    word = rating_words(query.rating) or query.rating or ""
    noun = lists.kind_noun(query)
    if not now and not then:
        label = f"rated {word} now or the previous period"
        return lists.none_found(query, label, count=0, previous_count=0)
    count_then = len(then) + sum(1 for _, i in now if i.previous_rating == query.rating)
    plural = noun if len(now) == 1 else f"{noun}s"
    lines = [
        f"{len(now)} {plural} {'is' if len(now) == 1 else 'are'} rated {word} now; of the "
        f"{noun}s reported, {count_then} {'was' if count_then == 1 else 'were'} rated {word} "
        "the previous period (by the previous rating printed beside each): "
        f"{_difference(len(now), count_then)}."
    ]
    citations = []
    stated = _stated(scope, now + then, word)
    if stated is not None:
        citations.append(stated)
        lines.append(f"The report says: “{stated.quote}” [1]")
    for node, item in now:
        citations.append(item_citation(node, item, quote=item_quote(item, with_update=False)))
        lines.append(list_line(item, len(citations)))
    if then:
        lines.append(f"No longer {word} ({len(then)}):")
        for node, item in then:
            citations.append(item_citation(node, item, quote=item_quote(item, with_update=False)))
            lines.append(list_line(item, len(citations)))
    lines.append(sources_line(citations))
    return Answer(
        question=query.text,
        answer="\n".join(lines),
        answered=True,
        intent=query.intent.value,
        citations=citations,
        items=[i for _, i in now + then],
        metadata={"count": len(now), "previous_count": count_then},
    )
