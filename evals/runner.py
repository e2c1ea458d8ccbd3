"""Running known-answer questions through an answerer and keeping what happened.

The answerer is ``Assistant`` — the same ``ask`` path the CLI and Slack use, so an eval
measures what councillors get — or anything with the same ``ask(question) -> Answer``
(the baseline, a deliberately broken answerer in the tests). Questions tagged ``draft``
go through ``assistant.drafting.draft.draft`` when the answerer is an ``Assistant``, since that
is the path a drafted reply takes. A question that raises is recorded as an error and
fails its checks; it does not stop the run.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Protocol

from pydantic import BaseModel, Field

from assistant.models import Answer
from evals.heldout import HELDOUT
from evals.schema import EvalSet, Expect, Question
from evals.scoring import Checks, ranked_refs, score
from evals.summary import Summary, summarise

QUOTE_CHARS = 400
"""Quotes are clipped in results.json: enough to judge a failure, not a copy of the corpus."""


class Answerer(Protocol):
    def ask(self, question: str) -> Answer: ...


class CitationResult(BaseModel):
    document_id: str | None
    ref: str | None
    source: str
    quote: str
    page: int | None = None


class QuestionResult(BaseModel):
    """One question, the answer it got (abridged), its checks and its latency."""

    system: str
    set: str
    kind: str
    id: str
    question: str
    tags: list[str]
    expect: Expect
    answered: bool | None
    answer: str | None
    declined_by: str | None = Field(
        default=None, description="For a declined answer: the check that found no answer"
    )
    citations: list[CitationResult] = Field(default_factory=list)
    ranked_refs: list[str] = Field(default_factory=list, description="document:ref, best first")
    latency_ms: float
    error: str | None = None
    checks: Checks
    corpus: str = Field(default="", description="Name of the corpus the question was asked of")
    document_kind: str | None = Field(
        default=None,
        description="Kind of the expected document (from its manifest); None when nothing is expected",
    )

    @property
    def passed(self) -> bool:
        return self.error is None and self.checks.passed

    @property
    def part(self) -> str:
        """``heldout`` for the questions kept out of tuning, else ``tuning``."""
        return HELDOUT if HELDOUT in self.tags else "tuning"

    @property
    def key(self) -> str:
        return f"{self.set}/{self.id}"


class KindReport(BaseModel):
    """Summaries of one kind of set (hand-written or generated) — kept apart by design."""

    kind: str
    overall: Summary
    by_tag: list[Summary]
    by_set: list[Summary]
    by_corpus: list[Summary] = Field(
        default_factory=list, description="One per corpus (group = its name)"
    )
    by_document_kind: list[Summary] = Field(
        default_factory=list,
        description="Per corpus and kind of expected document ('corpus-real: performance')",
    )
    by_part: list[Summary] = Field(
        default_factory=list,
        description="Tuning and held-out parts of corpora that hold some questions out",
    )

    def corpus(self, name: str) -> Summary | None:
        return next((s for s in self.by_corpus if s.group == name), None)


class SystemRun(BaseModel):
    """Everything one answerer (ours or the baseline) did in a run."""

    system: str
    results: list[QuestionResult]
    kinds: list[KindReport]

    def kind(self, name: str) -> KindReport | None:
        return next((k for k in self.kinds if k.kind == name), None)


class SetInfo(BaseModel):
    name: str
    kind: str
    source: str | None
    questions: int
    corpus: str | None = None


class EvalRun(BaseModel):
    """A whole run: ``results.json`` is this model serialised."""

    created: str = Field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    sets: list[SetInfo]
    systems: list[SystemRun]
    settings: dict[str, object] = Field(default_factory=dict)

    def system(self, name: str) -> SystemRun | None:
        return next((s for s in self.systems if s.system == name), None)


def _ask(answerer: Answerer, question: Question) -> Answer:
    if "draft" in question.tags:
        from assistant.answering.router import Assistant

        if isinstance(answerer, Assistant):
            return draft_answer(answerer, question.question)
    return answerer.ask(question.question)


def draft_answer(assistant: object, query: str) -> Answer:
    """A drafted reply seen as an ``Answer``: its text, sources, and uncovered parts."""
    from assistant.drafting.draft import draft

    result = draft(assistant, query)  # type: ignore[arg-type]
    items = [r.item for r in result.references if r.item is not None]
    return Answer(
        question=query,
        answer=result.text,
        answered=any(q.covered for q in result.questions),
        intent="draft",
        citations=result.citations,
        items=items,
        metadata={"uncovered": result.uncovered, "path": "draft"},
    )


def run_question(
    answerer: Answerer,
    evalset: EvalSet,
    question: Question,
    system: str,
    corpus: str = "",
    document_kinds: dict[str, str] | None = None,
) -> QuestionResult:
    """Ask one question, time it, score it; ``document_kinds`` maps document ids to kinds."""
    started = time.perf_counter()
    answer: Answer | None = None
    error: str | None = None
    try:
        answer = _ask(answerer, question)
    except Exception as err:  # noqa: BLE001 - a failing question is a result, not a crash
        error = f"{type(err).__name__}: {err}"
    latency = (time.perf_counter() - started) * 1000

    return QuestionResult(
        system=system,
        set=evalset.name,
        kind=evalset.kind,
        id=question.id,
        question=question.question,
        tags=question.tags,
        expect=question.expect,
        answered=answer.answered if answer else None,
        answer=answer.answer if answer else None,
        declined_by=_declined_by(answer),
        citations=[
            CitationResult(
                document_id=c.document_id,
                ref=c.ref,
                source=c.source,
                quote=c.quote[:QUOTE_CHARS],
                page=c.page,
            )
            for c in (answer.citations if answer else [])
        ],
        ranked_refs=[f"{d}:{r}" for d, r in ranked_refs(answer)] if answer else [],
        latency_ms=round(latency, 2),
        error=error,
        checks=score(question.expect, answer),
        corpus=corpus,
        document_kind=_document_kind(question.expect, document_kinds or {}),
    )


def _declined_by(answer: Answer | None) -> str | None:
    if answer is None or answer.answered:
        return None
    reason = answer.metadata.get("declined") or answer.metadata.get("declined_for")
    return str(reason) if reason else None


NOT_COVERED = "(not covered)"
"""The document kind of a question no document answers."""


def _document_kind(expect: Expect, kinds: dict[str, str]) -> str | None:
    if not expect.answered:
        return NOT_COVERED
    if expect.document is None:
        return None
    return kinds.get(expect.document, "(unknown document)")


def run_sets(
    answerer: Answerer,
    sets: Iterable[EvalSet],
    system: str,
    on_result: Callable[[QuestionResult], None] | None = None,
    corpus: str = "",
    document_kinds: dict[str, str] | None = None,
) -> list[QuestionResult]:
    """Every question of every set, in order, asked of one corpus's answerer."""
    results = []
    for evalset in sets:
        for question in evalset.questions:
            result = run_question(answerer, evalset, question, system, corpus, document_kinds)
            results.append(result)
            if on_result:
                on_result(result)
    return results


def summarise_system(system: str, results: list[QuestionResult]) -> SystemRun:
    """Overall, per-tag and per-set summaries, separately for each kind of set."""
    kinds = []
    for kind in sorted({r.kind for r in results}, key=lambda k: (k != "handwritten", k)):
        mine = [r for r in results if r.kind == kind]
        tags = sorted({t for r in mine for t in r.tags})
        set_names = list(dict.fromkeys(r.set for r in mine))
        corpora = list(dict.fromkeys(r.corpus for r in mine))
        doc_kinds = sorted({(r.corpus, r.document_kind) for r in mine if r.document_kind}, key=str)
        parted = [c for c in corpora if any(r.corpus == c and r.part == HELDOUT for r in mine)]
        kinds.append(
            KindReport(
                kind=kind,
                overall=summarise(kind, _pairs(mine)),
                by_tag=[summarise(t, _pairs([r for r in mine if t in r.tags])) for t in tags],
                by_set=[summarise(s, _pairs([r for r in mine if r.set == s])) for s in set_names],
                by_corpus=[
                    summarise(c, _pairs([r for r in mine if r.corpus == c])) for c in corpora
                ],
                by_document_kind=[
                    summarise(
                        f"{c}: {k}",
                        _pairs([r for r in mine if r.corpus == c and r.document_kind == k]),
                    )
                    for c, k in doc_kinds
                ],
                by_part=[
                    summarise(
                        f"{c}: {p}", _pairs([r for r in mine if r.corpus == c and r.part == p])
                    )
                    for c in parted
                    for p in ("tuning", HELDOUT)
                ],
            )
        )
    return SystemRun(system=system, results=results, kinds=kinds)


def _pairs(results: list[QuestionResult]) -> list[tuple[Checks, float]]:
    return [(r.checks, r.latency_ms) for r in results]


def build_run(
    sets: list[EvalSet],
    systems: dict[str, list[QuestionResult]],
    settings: dict[str, object] | None = None,
) -> EvalRun:
    return EvalRun(
        sets=[
            SetInfo(
                name=s.name,
                kind=s.kind,
                source=s.source,
                questions=len(s.questions),
                corpus=s.corpus,
            )
            for s in sets
        ],
        systems=[summarise_system(name, results) for name, results in systems.items()],
        settings=settings or {},
    )
