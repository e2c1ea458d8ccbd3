"""Lists by value over a register: "which risk has the highest score", "which risks
have a likelihood of 1", "the lowest latest figure".

A register prints a figure per item under a column (score, likelihood, impact, latest,
target); a question that asks for the items with the highest or lowest such figure, or
with a given one, is answered from the parsed figures of every item, not from the one
sentence search finds. Items are taken from the documents the question names (else
those whose titles hold most of its words), and of an item printed in several editions
of a register, from the newest.
"""

from __future__ import annotations

import re

from assistant.answering.citations import item_citation, item_quote, sources_line
from assistant.answering.lists import KIND_NOUNS
from assistant.answering.lookup import ItemFilter, find_items
from assistant.answering.relevance import date_key
from assistant.answering.scope import Scope
from assistant.answering.understand import Query
from assistant.models import Answer, PlanItem
from assistant.text import one_line
from indexing.readers.vocabulary import column_role
from indexing.store import StoredNode
from indexing.terms import content_stems

_FIELDS = ("score", "likelihood", "impact", "latest", "target")
"""Roles of a register's figures a question can rank or match items by."""
_HIGH = re.compile(r"\b(?:highest|largest|biggest|greatest|top|most\s+(?:likely|severe))\b", re.I)
_LOW = re.compile(r"\b(?:lowest|smallest|least\s+likely)\b", re.I)
_EQUAL = re.compile(
    r"\b([a-z]+)\s+(?:of|=|is|at|rated)\s+(\d+(?:\.\d+)?)\b(?!\s*(?:%|m\b|k\b))", re.I
)
_WHICH = re.compile(r"\b(?:which|what|list|show)\b", re.I)
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def _role(word: str) -> str | None:
    found = column_role(word)
    return found.role if found is not None and found.role in _FIELDS else None


def _asked(text: str) -> tuple[str, str, float | None] | None:
    """(role, "high" | "low" | "equal", value) the question ranks or matches items by."""
    if not _WHICH.search(text):
        return None
    for match in _EQUAL.finditer(text):
        role = _role(match.group(1))
        if role is not None:
            return role, "equal", float(match.group(2))
    way = "high" if _HIGH.search(text) else "low" if _LOW.search(text) else None
    if way is None:
        return None
    for word in re.findall(r"[a-z]+", text.lower()):
        role = _role(word) or ("score" if word in ("scoring", "scored") else None)
        if role is not None:
            return role, way, None
    return None


def _value(item: PlanItem, role: str) -> float | None:
    found = _NUMBER.search(str(item.fields.get(role) or ""))
    return float(found.group(0)) if found else None


Valued = list[tuple[StoredNode, PlanItem, float]]


def _best_titled(scope: Scope, query: Query, valued: Valued) -> Valued:
    """The items of the documents whose titles hold most of the question's words ("budget
    risks" → the budget risk register, not another council's risk assessment)."""
    asked = content_stems(query.text)

    def fit(node: StoredNode) -> float:
        meta = node.metadata
        title = f"{meta.get('document_title', '')} {meta.get('plan_document', '')}"
        return scope.terms.coverage(asked, content_stems(title.replace("-", " ")))

    best = max(fit(n) for n, _, _ in valued)
    return [(n, i, v) for n, i, v in valued if fit(n) >= best - 1e-9]


def _newest_editions(valued: Valued) -> Valued:
    """Of an item printed in several editions of a register (the same title), the newest;
    a later edition that repeats the earlier one's rows unchanged keeps only its own."""
    newest: dict[str, tuple[tuple[int, ...], tuple[StoredNode, PlanItem, float]]] = {}
    for entry in valued:
        key = entry[1].title(200).lower()
        when = date_key(entry[0])
        if key not in newest or when > newest[key][0]:
            newest[key] = (when, entry)
    return [entry for _, entry in newest.values()]


def value_list_answer(scope: Scope, query: Query, explicit_docs: list[str]) -> Answer | None:
    """The items with the highest, lowest or a given figure, or None when the question
    asks no such thing or no document has items with that figure."""
    if _asked(query.text) is None:
        return None
    named = explicit_docs or query.document_ids
    found = find_items(scope, ItemFilter(kind=query.kind), document_ids=named or None)
    return ranked_answer(scope, query, found, bool(named))


def ranked_answer(
    scope: Scope, query: Query, found: list[tuple[StoredNode, PlanItem]], named: bool = False
) -> Answer | None:
    """The answer from ``found`` (the items of the documents searched); ``named``: the
    question or the asker chose the documents, so their titles are not weighed."""
    asked = _asked(query.text)
    if asked is None:
        return None
    role, way, wanted = asked
    valued = [(n, i, v) for n, i in found if (v := _value(i, role)) is not None]
    if not valued:
        return None
    valued = _newest_editions(valued if named else _best_titled(scope, query, valued))
    if way == "equal":
        chosen = [(n, i, v) for n, i, v in valued if v == wanted]
        head = f"with a {role} of {wanted:g}"
    else:
        best = (max if way == "high" else min)(v for _, _, v in valued)
        chosen = [(n, i, v) for n, i, v in valued if v == best]
        head = f"with the {'highest' if way == 'high' else 'lowest'} {role} ({best:g})"
    return _answer(query, role, head, chosen)


def _answer(
    query: Query, role: str, head: str, chosen: list[tuple[StoredNode, PlanItem, float]]
) -> Answer:
    noun = KIND_NOUNS.get(chosen[0][1].kind, "item") if chosen else "item"
    lines = [f"{len(chosen)} {noun}{'' if len(chosen) == 1 else 's'} {head}:"]
    citations = []
    for node, item, _ in chosen:
        citations.append(item_citation(node, item, quote=item_quote(item, with_update=False)))
        ref = f"{item.ref} " if item.ref else ""
        lines.append(
            f"• {ref}{one_line(item.title(110))} — {role} {item.fields.get(role)} "
            f"[{len(citations)}]"
        )
    if not chosen:
        lines = [f"No item {head} in the documents I have."]
    if citations:
        lines.append(sources_line(citations))
    return Answer(
        question=query.text,
        answer="\n".join(lines),
        answered=True,
        intent=query.intent.value,
        citations=citations,
        items=[i for _, i, _ in chosen],
        metadata={"count": len(chosen)},
    )
