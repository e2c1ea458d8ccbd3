"""The CI gate: a run fails when our answerer is below a threshold on any kind of set.

Hand-written and generated sets are gated separately, so thousands of easy generated
questions cannot hide a fall on the hand-written ones. Generated register questions
are also held to their own, higher bar (``--min-generated``, 0.98 by default): they ask
for one field of one row by its ref, so anything short of an exact field match on
nearly every row is a parsing or lookup bug, not a hard question. The baseline is
never gated.
"""

from __future__ import annotations

from evals.runner import EvalRun

GATED = ("answer", "citation", "abstention")
GENERATED = "generated"


def gate_failures(
    run: EvalRun,
    thresholds: dict[str, float | None],
    system: str = "ours",
    generated_min: float | None = None,
) -> list[str]:
    """One line per threshold missed, naming the kind of set, metric, value and option.

    ``thresholds`` maps a metric (answer, citation, abstention) to its minimum for every
    kind of set; ``generated_min`` is the minimum answer accuracy — exact field match —
    of the generated kind. ``None`` (or a metric that does not apply) checks nothing.
    """
    ours = run.system(system)
    if ours is None:
        return [f"no results for {system!r}"]
    failures = []
    for kind in ours.kinds:
        for metric, minimum in thresholds.items():
            value = kind.overall.value(metric)
            if minimum is None or value is None:
                continue
            if value < minimum:
                failures.append(
                    f"{kind.kind} {metric} accuracy {value:.3f} is below --min-{metric} {minimum:g} "
                    f"({kind.overall.metrics[metric].n} questions)"
                )
        exact = kind.overall.value("answer")
        if kind.kind == GENERATED and generated_min is not None and exact is not None and exact < generated_min:
            failures.append(
                f"generated exact field match {exact:.3f} is below --min-generated {generated_min:g} "
                f"({kind.overall.metrics['answer'].n} questions)"
            )
    return failures
