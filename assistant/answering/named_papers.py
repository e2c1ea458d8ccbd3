"""Which paper a question names by its title, kind or date, and preferring that paper's
sources.

A councillor names the paper they mean by its subject ("the reserves policy", "the
call-in of the family hubs decision", "the late changes to the budget paper") or by
its meeting and month ("the cabinet discussion in january"). How much of the question
a paper's name holds is weighed like any other match, by the rarity of the words
(``TermStats.coverage``): "seashells and millmead family hubs" names the one paper whose
title says so, while "budget" alone, in many papers' titles, names none in particular.
When one paper's name holds clearly more of the question than any other's, a source in
that paper that answers as well, or nearly, is preferred to one in a paper the
question did not name (the minutes that mention the same decision in passing).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from assistant.answering.evidence import Evidence
from assistant.answering.relevance import evidence_on_topic
from assistant.answering.scope import Scope
from assistant.answering.understand import Query
from assistant.models import PlanDocument
from indexing.readers.dates import MONTHS
from indexing.terms import content_stems

NAMED_FLOOR = 0.2
"""Share of the question (by idf) a paper's name must hold to count as named."""
NAMED_LEAD = 0.05
"""How much more of the question the named paper's name must hold than the next
different name: a question whose words several papers' names share names none."""
NAMED_MARGIN = 0.12
"""How much lower a named paper's source may score and still be preferred."""

PAPER_WORDS = re.compile(
    r"\b(?:reports?|papers?|polic(?:y|ies)|plans?|strateg(?:y|ies)|registers?|minutes|"
    r"decisions?|statements?|responses?|amendments?|agendas?|appendix|appendices|"
    r"meetings?|discussions?|debates?|call(?:ed)?[- ]in|motions?|consultations?)\b",
    re.I,
)
"""Words that speak of a paper or a meeting rather than a subject: a question that uses
one ("under the reserves policy", "the family hubs decision") points at a paper."""

MONTH_NAMES = {number: name for name, number in MONTHS.items() if len(name) > 3}
"""Each month's number to its name in full, lower case (``MONTHS`` also holds "jan")."""


def paper_name(doc: PlanDocument) -> str:
    """What a paper is called: its title, its kind ("minutes", "risk register") and the
    month and year of its date ("january 2025")."""
    meta = doc.meta
    words = [meta.title, meta.kind.value.replace("_", " ")]
    date = meta.date or ""
    if len(date) >= 7 and date[4] == "-" and date[5:7].isdigit():
        words += [MONTH_NAMES.get(int(date[5:7]), ""), date[:4]]
    return " ".join(w for w in words if w)


def name_scores(scope: Scope, question: str) -> dict[str, float]:
    """Each paper's share of the question (by idf weight) that its name holds."""
    asked = content_stems(question)
    if not asked:
        return {}
    return {
        doc.id: scope.terms.coverage(asked, content_stems(paper_name(doc)))
        for doc in scope.documents
    }


def named_papers(scope: Scope, question: str) -> set[str]:
    """The papers the question names: those whose name holds the largest share of it,
    when that share is at least ``NAMED_FLOOR`` and clearly above every other name's,
    and the question speaks of a paper or meeting at all."""
    scores = name_scores(scope, question)
    if not scores:
        return set()
    best = max(scores.values())
    if best < NAMED_FLOOR:
        return set()
    if not PAPER_WORDS.search(question):
        return set()  # a subject, not a paper: "when does the service transfer"
    names = {d.id: paper_name(d).lower() for d in scope.documents}
    top = {i for i, s in scores.items() if s >= best - 1e-9}
    # Papers of the same name (a report and its decision record) are named together;
    # papers of different names that hold as much of the question, none of them.
    top_names = {names[i] for i in top}
    rest = [s for i, s in scores.items() if names[i] not in top_names]
    if len(top_names) > 1 or (rest and max(rest) > best - NAMED_LEAD):
        return set()
    return top


T = TypeVar("T")


def prefer_named(
    named: set[str],
    ranked: Sequence[T],
    document_of: Callable[[T], str | None],
    score_of: Callable[[T], float],
) -> list[T]:
    """``ranked`` (best first) with the best entry of a named paper moved to the front,
    when it scores within ``NAMED_MARGIN`` of the first and the first is from a paper
    the question did not name."""
    out = list(ranked)
    if not named or not out or document_of(out[0]) in named:
        return out
    lead = next((e for e in out if document_of(e) in named), None)
    if lead is None or score_of(lead) < score_of(out[0]) - NAMED_MARGIN:
        return out
    return [lead] + [e for e in out if e is not lead]


def lead_with_named(
    floor: float, scope: Scope, query: Query, fitting: list[Evidence]
) -> list[Evidence]:
    """The fitting sentences (best first) led by the named paper's best one when it is
    nearly as good (``prefer_named``). Only an answer is redirected, never a decline
    turned into one: the first sentence and the named paper's must both be on topic."""
    if not fitting or not evidence_on_topic(floor, scope, query, fitting[0]):
        return fitting
    reordered = prefer_named(
        named_papers(scope, query.text),
        fitting,
        lambda e: e.candidate.node.metadata.get("plan_document"),
        lambda e: e.score,
    )
    if reordered[0] is not fitting[0] and not evidence_on_topic(floor, scope, query, reordered[0]):
        return fitting
    return reordered
