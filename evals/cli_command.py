"""``planbot eval``: run known-answer sets, report, compare, gate.

The command only wires the library together (sets → runner → report → gate); it is
added to the ``planbot`` group through the ``planbot.commands`` entry point (the connectors
never import evals), and what it runs per corpus is ``evals.cli_runs``. Tests (and other embedders)
can hand it a ready ``Assistant`` and ``Settings`` through ``EvalHooks`` as the click
context object, which is how the deliberately broken answerer is swapped in.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from assistant.config import load_settings
from evals.schema import SetError


@dataclass
class EvalHooks:
    """What the command would otherwise build itself (pass as ``obj=`` to click)."""

    settings: Any = None
    assistant: Any = None


@click.command("eval")
@click.argument("sets", nargs=-1)
@click.option(
    "--report",
    "report_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write results.json, summary.md, index.html and PNG charts to DIR.",
)
@click.option(
    "--compare",
    "old_results",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A results.json of an earlier run: list the questions that got better or worse.",
)
@click.option(
    "--baseline", is_flag=True, help="Also run a plain llama-index pipeline on the same questions."
)
@click.option(
    "--min-answer",
    type=float,
    default=0.9,
    show_default=True,
    help="Fail (exit 1) below this answer accuracy.",
)
@click.option(
    "--min-citation",
    type=float,
    default=0.9,
    show_default=True,
    help="Fail below this citation accuracy.",
)
@click.option(
    "--min-abstention",
    type=float,
    default=0.9,
    show_default=True,
    help="Fail below this abstention accuracy.",
)
@click.option(
    "--min-generated",
    type=float,
    default=0.98,
    show_default=True,
    help="Fail below this exact field match on the generated register questions.",
)
@click.option(
    "--generated/--no-generated",
    default=None,
    help="Add the questions generated from the parsed register (default: on when no SET is named).",
)
@click.option(
    "--corpus",
    "corpora_wanted",
    multiple=True,
    metavar="NAME",
    help="Only the sets asked of this corpus (its folder name, its path, or 'default' for the "
    "configured one); repeatable.",
)
@click.option(
    "--corpus-min",
    "corpus_min",
    multiple=True,
    metavar="CORPUS:METRIC=VALUE",
    help="A threshold for one corpus (metric answer, citation, abstention or generated), "
    "e.g. corpus-real:answer=0.8; repeatable.",
)
@click.option(
    "--part",
    type=click.Choice(["all", "tuning", "heldout"]),
    default="all",
    show_default=True,
    help="Only the tuning questions (for tuning) or only the held-out ones.",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print the whole run (results.json) to stdout instead of tables.",
)
@click.pass_context
def eval_command(
    ctx: click.Context,
    sets: tuple[str, ...],
    report_dir: Path | None,
    old_results: Path | None,
    baseline: bool,
    min_answer: float,
    min_citation: float,
    min_abstention: float,
    min_generated: float,
    generated: bool | None,
    corpora_wanted: tuple[str, ...],
    corpus_min: tuple[str, ...],
    part: str,
    as_json: bool,
) -> None:
    """Check the assistant against known-answer question sets.

    Every question goes through the same Answer path as `planbot ask` and is scored
    for answer accuracy (all expected facts, numbers and dates normalised), citation
    accuracy, abstention (declines what the documents don't cover, answers the rest),
    retrieval hit@1/hit@5/MRR, claim support and latency — overall and per tag.
    SET is a name in evals/sets/ (e.g. handwritten) or a path to a .yaml file; with
    none, every shipped set runs, plus questions generated from the parsed register
    (rating, owner and cabinet member of every row; latest value and rating of every
    KPI, score of every risk), which are reported apart.
    A set that names a corpus (`corpus: evals/corpus-real`) is asked of that corpus's own
    index in DATA_DIR/eval-<name>/, brought up to date first; the others of the configured
    index. Results are reported per corpus, per kind of document and, where a set holds
    questions out of tuning, per part.
    Exit code 1 when answer, citation or abstention accuracy of either kind of set, in
    any corpus, is below its --min-* (or --corpus-min) threshold, or the generated
    questions' exact field match is below --min-generated (the CI gate); set a threshold
    to 0 to switch it off.

    \b
    Examples:
      planbot eval                                   # every set, with the gate at 0.9
      planbot eval handwritten --no-generated        # one set
      planbot eval --corpus corpus-real --part tuning   # the real papers, tuning part only
      planbot eval --corpus-min corpus-real:answer=0.5  # a lower bar for one corpus
      planbot eval --baseline --report eval-report   # ours vs plain llama-index, with charts
      planbot eval --compare eval-report/results.json
      planbot eval my-new-questions.yaml --min-answer 0 --json
    """
    from evals.cli_runs import console, run_corpora
    from evals.compare import CompareError, compare, print_comparison
    from evals.corpora import group, select
    from evals.gate import gate_failures, parse_corpus_min
    from evals.report import print_run, write_report
    from evals.runner import build_run
    from evals.sets import load_sets

    hooks = ctx.find_object(EvalHooks) or EvalHooks()
    out = console(stderr=as_json)
    err = console(stderr=True)
    try:
        corpus_thresholds = parse_corpus_min(corpus_min)
        settings = hooks.settings or load_settings()
        corpora = select(group(load_sets(sets), settings), corpora_wanted)
    except (SetError, ValueError) as error:
        raise click.ClickException(str(error)) from error

    chosen, systems, corpus_info = run_corpora(
        corpora,
        hooks,
        err,
        generated=generated if generated is not None else not sets,
        part=part,
        baseline=baseline,
        quiet=as_json,
    )
    run = build_run(
        chosen,
        systems,
        settings={
            "data_dir": str(settings.data_dir),
            "corpus_dir": str(settings.corpus_dir),
            "top_k": settings.top_k,
            "llm": settings.llm,
            "corpora": corpus_info,
            "part": part,
            "index_generation": corpus_info[0]["index_generation"] if corpus_info else None,
        },
    )

    comparison = None
    if old_results:
        try:
            comparison = compare(old_results, run)
        except CompareError as error:
            raise click.ClickException(str(error)) from error
    if as_json:
        click.echo(run.model_dump_json(indent=1))
    else:
        print_run(run, out)
    if comparison:
        print_comparison(
            comparison, out
        )  # on stderr with --json, so stdout stays one JSON document
    if report_dir:
        written = write_report(run, report_dir, comparison)
        err.print(f"Report written to {report_dir}/ ({', '.join(p.name for p in written)})")

    failed = gate_failures(
        run,
        {"answer": min_answer, "citation": min_citation, "abstention": min_abstention},
        generated_min=min_generated,
        corpus_thresholds=corpus_thresholds,
    )
    for line in failed:
        click.echo(f"GATE FAILED: {line}", err=True)
    if failed:
        ctx.exit(1)


if __name__ == "__main__":  # pragma: no cover - `python -m evals.cli_command`
    sys.exit(eval_command())
