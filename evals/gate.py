"""The CI gate: a run fails when our answerer is below a threshold on any kind of set,
in any corpus.

Hand-written and generated sets are gated separately, so thousands of easy generated
questions cannot hide a fall on the hand-written ones; and each corpus is gated on its
own, so questions over one council's papers cannot hide a fall on another's. Generated
register questions are also held to their own, higher bar (``--min-generated``, 0.98 by
default): they ask for one field of one row by its ref, so anything short of an exact
field match on nearly every row is a parsing or lookup bug, not a hard question. A
corpus may have thresholds of its own (``--corpus-min corpus-real:answer=0.8``) where a
new corpus is gated at a different bar while its readers are built. The baseline is
never gated.
"""

from __future__ import annotations

from evals.runner import EvalRun, KindReport
from evals.summary import Summary

GATED = ("answer", "citation", "abstention")
GENERATED = "generated"
CorpusThresholds = dict[str, dict[str, float | None]]
"""Per corpus name: metric (answer, citation, abstention, generated) → minimum."""


def parse_corpus_min(values: tuple[str, ...] | list[str]) -> CorpusThresholds:
    """``["corpus-real:answer=0.8", "corpus-real:generated=0"]`` → thresholds by corpus.

    Raises ``ValueError`` with a one-line message naming the bad value.
    """
    out: CorpusThresholds = {}
    for value in values:
        corpus, _, rest = value.partition(":")
        metric, _, number = rest.partition("=")
        metric = metric.strip()
        if not corpus or metric not in (*GATED, GENERATED) or not number:
            raise ValueError(
                f"--corpus-min {value!r}: write CORPUS:METRIC=VALUE, METRIC one of {', '.join((*GATED, GENERATED))}"
            )
        try:
            minimum = float(number)
        except ValueError as err:
            raise ValueError(f"--corpus-min {value!r}: {number!r} is not a number") from err
        out.setdefault(corpus.strip(), {})[metric] = minimum
    return out


def _groups(kind: KindReport) -> list[tuple[str, Summary]]:
    """(corpus name, summary) to gate: each corpus of the kind, or the whole kind for a
    run without corpora (an older results.json)."""
    named = [s for s in kind.by_corpus if s.group]
    return [(s.group, s) for s in named] if named else [("", kind.overall)]


def gate_failures(
    run: EvalRun,
    thresholds: dict[str, float | None],
    system: str = "ours",
    generated_min: float | None = None,
    corpus_thresholds: CorpusThresholds | None = None,
) -> list[str]:
    """One line per threshold missed, naming the corpus (when the run has several), the
    kind of set, metric, value and option.

    ``thresholds`` maps a metric (answer, citation, abstention) to its minimum for every
    kind of set; ``generated_min`` is the minimum answer accuracy — exact field match —
    of the generated kind; ``corpus_thresholds`` overrides either for one corpus. ``None``
    (or a metric that does not apply) checks nothing.
    """
    ours = run.system(system)
    if ours is None:
        return [f"no results for {system!r}"]
    corpora = {name for kind in ours.kinds for name, _ in _groups(kind)}
    failures = []
    for kind in ours.kinds:
        for corpus, summary in _groups(kind):
            own = (corpus_thresholds or {}).get(corpus, {})
            where = f"corpus {corpus}: " if corpus and (len(corpora) > 1 or own) else ""
            for metric, default in thresholds.items():
                minimum = own.get(metric, default)
                value = summary.value(metric)
                if minimum is None or value is None or value >= minimum:
                    continue
                shown = (
                    f"--corpus-min {corpus}:{metric}={minimum:g}"
                    if metric in own
                    else f"--min-{metric} {minimum:g}"
                )
                failures.append(
                    f"{where}{kind.kind} {metric} accuracy {value:.3f} is below {shown} "
                    f"({summary.metrics[metric].n} questions)"
                )
            exact = summary.value("answer")
            minimum = own.get(GENERATED, generated_min)
            if (
                kind.kind == GENERATED
                and minimum is not None
                and exact is not None
                and exact < minimum
            ):
                shown = (
                    f"--corpus-min {corpus}:{GENERATED}={minimum:g}"
                    if GENERATED in own
                    else f"--min-generated {minimum:g}"
                )
                failures.append(
                    f"{where}generated exact field match {exact:.3f} is below {shown} "
                    f"({summary.metrics['answer'].n} questions)"
                )
    return failures
