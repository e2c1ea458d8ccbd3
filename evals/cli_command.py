"""``planbot eval``: run known-answer sets, report, compare, gate.

The command only wires the library together (sets → runner → report → gate); it is
registered on the ``planbot`` group by ``connectors.cli``. Tests (and other embedders)
can hand it a ready ``Assistant`` and ``Settings`` through ``EvalHooks`` as the click
context object, which is how the deliberately broken answerer is swapped in.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from connectors.cli_settings import load_settings
from evals.schema import EvalSet, SetError


@dataclass
class EvalHooks:
    """What the command would otherwise build itself (pass as ``obj=`` to click)."""

    settings: Any = None
    assistant: Any = None


def _console(stderr: bool) -> Console:
    """A console at least 120 columns wide: piped into a CI log, rich would assume 80
    and squeeze the per-tag table until the numbers are cut off."""
    console = Console(stderr=stderr, highlight=False)
    if not console.is_terminal:
        console = Console(stderr=stderr, highlight=False, width=max(console.width, 120))
    return console


def _progress(console: Console) -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, transient=True,
    )


def _run(answerer: Any, sets: list[EvalSet], system: str, console: Console, quiet: bool) -> list:
    from evals.runner import run_sets

    total = sum(len(s.questions) for s in sets)
    if quiet:
        return run_sets(answerer, sets, system)
    with _progress(console) as progress:
        task = progress.add_task(f"{system}", total=total)
        return run_sets(answerer, sets, system, on_result=lambda _r: progress.advance(task))


@click.command("eval")
@click.argument("sets", nargs=-1)
@click.option("--report", "report_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write results.json, summary.md, index.html and PNG charts to DIR.")
@click.option("--compare", "old_results", type=click.Path(dir_okay=False, path_type=Path),
              help="A results.json of an earlier run: list the questions that got better or worse.")
@click.option("--baseline", is_flag=True, help="Also run a plain llama-index pipeline on the same questions.")
@click.option("--min-answer", type=float, default=0.9, show_default=True, help="Fail (exit 1) below this answer accuracy.")
@click.option("--min-citation", type=float, default=0.9, show_default=True, help="Fail below this citation accuracy.")
@click.option("--min-abstention", type=float, default=0.9, show_default=True, help="Fail below this abstention accuracy.")
@click.option("--min-generated", type=float, default=0.98, show_default=True,
              help="Fail below this exact field match on the generated register questions.")
@click.option("--generated/--no-generated", default=None,
              help="Add the questions generated from the parsed register (default: on when no SET is named).")
@click.option("--json", "as_json", is_flag=True, help="Print the whole run (results.json) to stdout instead of tables.")
@click.pass_context
def eval_command(
    ctx: click.Context, sets: tuple[str, ...], report_dir: Path | None, old_results: Path | None,
    baseline: bool, min_answer: float, min_citation: float, min_abstention: float,
    min_generated: float, generated: bool | None, as_json: bool,
) -> None:
    """Check the assistant against known-answer question sets.

    Every question goes through the same Answer path as `planbot ask` and is scored
    for answer accuracy (all expected facts, numbers and dates normalised), citation
    accuracy, abstention (declines what the documents don't cover, answers the rest),
    retrieval hit@1/hit@5/MRR, claim support and latency — overall and per tag.
    SET is a name in evals/sets/ (e.g. handwritten) or a path to a .yaml file; with
    none, every shipped set runs, plus questions generated from the parsed register
    (rating, owner and cabinet member of every row), which are reported apart.
    Exit code 1 when answer, citation or abstention accuracy of either kind of set is
    below its --min-* threshold, or the generated questions' exact field match is below
    --min-generated (the CI gate); set a threshold to 0 to switch it off.

    \b
    Examples:
      planbot eval                                   # every set, with the gate at 0.9
      planbot eval handwritten --no-generated        # one set
      planbot eval --baseline --report eval-report   # ours vs plain llama-index, with charts
      planbot eval --compare eval-report/results.json
      planbot eval my-new-questions.yaml --min-answer 0 --json
    """
    from evals.gate import gate_failures
    from evals.report import CompareError, compare, print_comparison, print_run, write_report
    from evals.runner import build_run
    from evals.sets import load_sets

    hooks = ctx.find_object(EvalHooks) or EvalHooks()
    out = _console(stderr=as_json)
    err = _console(stderr=True)
    try:
        chosen = load_sets(sets)
    except SetError as error:
        raise click.ClickException(str(error)) from error
    settings = hooks.settings or load_settings()
    assistant = hooks.assistant or _assistant(settings)
    documents = _documents(assistant, settings)
    if (generated if generated is not None else not sets):
        from evals.register_sets import register_set

        extra = register_set(documents)
        chosen += [extra] if extra else []

    systems = {"ours": _run(assistant, chosen, "ours", err, as_json)}
    if baseline:
        from evals.baseline import Baseline

        err.print("Building the baseline index (SentenceSplitter + MiniLM + Chroma)…")
        try:
            plain = Baseline(settings, documents)
        except FileNotFoundError as error:  # a corpus of only PDF/DOCX/HTML files
            raise click.ClickException(f"--baseline: {error}") from error
        systems["baseline"] = _run(plain, chosen, "baseline", err, as_json)
    run = build_run(chosen, systems, settings={
        "data_dir": str(settings.data_dir), "corpus_dir": str(settings.corpus_dir), "top_k": settings.top_k,
        "llm": settings.llm, "index_generation": getattr(assistant.store, "generation", None),
    })

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
        print_comparison(comparison, out)  # on stderr with --json, so stdout stays one JSON document
    if report_dir:
        written = write_report(run, report_dir, comparison)
        err.print(f"Report written to {report_dir}/ ({', '.join(p.name for p in written)})")

    failed = gate_failures(
        run, {"answer": min_answer, "citation": min_citation, "abstention": min_abstention},
        generated_min=min_generated,
    )
    for line in failed:
        click.echo(f"GATE FAILED: {line}", err=True)
    if failed:
        ctx.exit(1)


def _assistant(settings: Any) -> Any:
    from assistant.service import Assistant

    return Assistant(settings)


def _documents(assistant: Any, settings: Any) -> list:
    """The parsed documents of the current index that ``PLANBOT_DEFAULT_ACCESS`` may see.

    Questions are generated, and the baseline indexed, from these only: the answers are
    scoped to the same labels, and a restricted paper's rows must not reach a report
    as questions or expected answers either. A missing index is one clear line.
    """
    from indexing.store import IndexMissing

    try:
        documents = assistant.store.documents
    except IndexMissing as error:
        raise click.ClickException(str(error)) from error
    labels = set(settings.default_access)
    return [doc for doc in documents if doc.meta.access.value in labels]


if __name__ == "__main__":  # pragma: no cover - `python -m evals.cli_command`
    sys.exit(eval_command())
