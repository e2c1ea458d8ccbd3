"""Metrics over many scored answers: rates, ranks and latencies per group of questions.

A rate counts only the questions a check applies to (``None`` checks are left out), and says
on how many it was measured, so a small group's rate is read for what it is.
"""

from __future__ import annotations

import numpy as np
from pydantic import BaseModel

from evals.scoring import Checks


class Metric(BaseModel):
    """A rate (or latency) and how many questions it was measured on."""

    value: float | None
    n: int


class Summary(BaseModel):
    """All metrics for one group of questions (everything, one tag, one set kind)."""

    group: str
    questions: int
    metrics: dict[str, Metric]

    def value(self, name: str) -> float | None:
        metric = self.metrics.get(name)
        return metric.value if metric else None


METRICS: dict[str, str] = {
    "answer": "answer accuracy: answerable questions answered with every fact (and count)",
    "citation": "citation accuracy: a citation carries the expected ref or quotes the evidence",
    "abstention": "abstention accuracy: answers the answerable and declines the rest",
    "declines": "declines the unanswerable",
    "answers": "answers the answerable",
    "hit@1": "expected item ranked first",
    "hit@5": "expected item in the first five",
    "mrr": "mean reciprocal rank of the expected item",
    "claims": "claim support: every figure of an answered text is in a cited quote",
    "count": "list questions stating the exact count",
    "p50_ms": "median latency (ms)",
    "p95_ms": "95th percentile latency (ms)",
}


def _rate(values: list[bool | None]) -> Metric:
    applicable = [v for v in values if v is not None]
    return Metric(
        value=(sum(applicable) / len(applicable)) if applicable else None, n=len(applicable)
    )


def summarise(group: str, scored: list[tuple[Checks, float]]) -> Summary:
    """Metrics over ``(checks, latency_ms)`` pairs."""
    checks = [c for c, _ in scored]
    ranks = [c.retrieval_rank for c in checks if c.retrieval_rank is not None]
    latencies = [ms for _, ms in scored]
    metrics = {
        "answer": _rate([c.answer for c in checks]),
        "citation": _rate([c.citation for c in checks]),
        "abstention": _rate([c.abstention for c in checks]),
        "declines": _rate([c.abstention for c in checks if not c.answerable]),
        "answers": _rate([c.abstention for c in checks if c.answerable]),
        "hit@1": _rate([r == 1 for r in ranks]),
        "hit@5": _rate([1 <= r <= 5 for r in ranks]),
        "mrr": Metric(
            value=float(np.mean([1 / r if r else 0.0 for r in ranks])) if ranks else None,
            n=len(ranks),
        ),
        "claims": _rate([c.claims for c in checks]),
        "count": _rate([c.count for c in checks]),
        "p50_ms": Metric(
            value=float(np.percentile(latencies, 50)) if latencies else None, n=len(latencies)
        ),
        "p95_ms": Metric(
            value=float(np.percentile(latencies, 95)) if latencies else None, n=len(latencies)
        ),
    }
    return Summary(group=group, questions=len(scored), metrics=metrics)
