"""A paper the question names by its title, kind or month (``named_papers``), and a
source of that paper preferred to a nearly as good one elsewhere (``prefer_named``)."""

from __future__ import annotations

from typing import cast

import pytest

from assistant.answering import named_papers as named
from assistant.answering.evidence import Evidence
from assistant.answering.named_papers import named_papers, paper_name, prefer_named
from assistant.answering.retrieve import Candidate
from assistant.answering.scope import Scope
from assistant.answering.understand import Intent, Query
from indexing.model import DocumentKind, DocumentMeta, PlanDocument
from indexing.store import StoredNode
from indexing.terms import TermStats

TITLES = {
    "reserves": ("Reserves Policy", DocumentKind.strategy, "2025-01-30"),
    "callin": (
        "Cabinet reconsideration of the Future of Seashore and Millbrook Family Hubs",
        DocumentKind.report,
        "2025-03-04",
    ),
    "minutes-jan": ("Minutes of a meeting of the Cabinet", DocumentKind.minutes, "2025-01-30"),
    "minutes-mar": ("Minutes of a meeting of the Cabinet", DocumentKind.minutes, "2025-03-04"),
    "budget-a": ("Revenue Budget 2025-26", DocumentKind.budget, "2025-02-13"),
    "budget-b": ("Capital Budget 2025-26", DocumentKind.budget, "2025-02-13"),
}
TEXTS = [
    "Reserves are held to manage risk; the level of the general reserve is set each year.",
    "The family hubs at Seashore and Millbrook: the decision was called in by two members.",
    "The Cabinet discussed the budget, council tax and the family hubs decision.",
    "The revenue budget and the capital budget for 2025-26 were agreed.",
    "Budget monitoring shows an overspend on the revenue budget.",
]


def _scope() -> Scope:
    documents = [
        PlanDocument(
            id=doc_id,
            meta=DocumentMeta(file=f"{doc_id}.pdf", title=title, kind=kind, date=date),
            sha256=doc_id,
        )
        for doc_id, (title, kind, date) in TITLES.items()
    ]
    names = [paper_name(d) for d in documents]
    scope = Scope.__new__(Scope)  # no store: only the documents and their word statistics
    scope.documents = documents
    scope.__dict__["terms"] = TermStats.build(TEXTS + names)
    return scope


def test_a_paper_is_named_by_its_title_and_a_paper_word() -> None:
    scope = _scope()
    assert named_papers(scope, "what level of reserves is dangerous under the reserves policy") == {
        "reserves"
    }
    assert named_papers(scope, "who called in the seashore and millbrook family hubs decision") == {
        "callin"
    }


def test_a_meeting_is_named_by_its_kind_and_month() -> None:
    assert named_papers(_scope(), "what did the cabinet minutes of january say about tax") == {
        "minutes-jan"
    }


def test_a_subject_alone_or_a_shared_name_names_no_paper() -> None:
    scope = _scope()
    # No word of a paper or meeting: the question is about reserves, not a paper.
    assert named_papers(scope, "what level of reserves is dangerous") == set()
    # Two papers' names hold as much of the question: neither is named.
    assert named_papers(scope, "what does the 2025-26 budget report say") == set()


def test_a_named_papers_source_leads_when_nearly_as_good() -> None:
    ranked = [("minutes", 1.27), ("callin", 1.22), ("callin", 1.10)]
    doc, score = (lambda e: e[0]), (lambda e: e[1])
    assert prefer_named({"callin"}, ranked, doc, score)[0] == ("callin", 1.22)
    # Far behind: the better source elsewhere stays first.
    far = [("minutes", 1.5), ("callin", 1.2)]
    assert prefer_named({"callin"}, far, doc, score)[0] == ("minutes", 1.5)
    assert prefer_named(set(), ranked, doc, score) == ranked


def _evidence(document: str, score: float) -> Evidence:
    node = StoredNode(id=f"{document}:p1", text="", metadata={"plan_document": document})
    return Evidence(
        candidate=Candidate(node=node), sentence=document, score=score, has_required=True
    )


def test_the_named_lead_redirects_an_answer_but_never_turns_a_decline_into_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(named, "named_papers", lambda scope, text: {"callin"})
    fitting = [_evidence("minutes", 1.27), _evidence("callin", 1.22)]
    query = Query(text="who called in the family hubs decision", intent=Intent.who)

    def on_topic(*documents: str):
        return lambda floor, scope, query, e: (
            e.candidate.node.metadata["plan_document"] in documents
        )

    monkeypatch.setattr(named, "evidence_on_topic", on_topic("minutes", "callin"))
    assert named.lead_with_named(0.3, cast(Scope, None), query, fitting)[0].sentence == "callin"
    # The first sentence is off topic (a decline follows): no named sentence answers instead.
    monkeypatch.setattr(named, "evidence_on_topic", on_topic("callin"))
    assert named.lead_with_named(0.3, cast(Scope, None), query, fitting)[0].sentence == "minutes"
    # The named paper's sentence is off topic: the first one stays.
    monkeypatch.setattr(named, "evidence_on_topic", on_topic("minutes"))
    assert named.lead_with_named(0.3, cast(Scope, None), query, fitting)[0].sentence == "minutes"
