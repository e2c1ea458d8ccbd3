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

from assistant.config import load_settings
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
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )


def _run(
    answerer: Any,
    sets: list[EvalSet],
    system: str,
    console: Console,
    quiet: bool,
    corpus: str = "",
    kinds: dict[str, str] | None = None,
) -> list:
    from evals.runner import run_sets

    total = sum(len(s.questions) for s in sets)
    if quiet:
        return run_sets(answerer, sets, system, corpus=corpus, document_kinds=kinds)
    with _progress(console) as progress:
        task = progress.add_task(f"{system} · {corpus}" if corpus else system, total=total)
        return run_sets(
            answerer,
            sets,
            system,
            on_result=lambda _r: progress.advance(task),
            corpus=corpus,
            document_kinds=kinds,
        )


def _part(sets: list[EvalSet], part: str) -> list[EvalSet]:
    """Only the tuning or held-out questions of each set (sets left empty are dropped)."""
    from evals.heldout import HELDOUT

    if part == "all":
        return sets
    keep = [
        s.model_copy(
            update={
                "questions": [q for q in s.questions if (HELDOUT in q.tags) == (part == HELDOUT)]
            }
        )
        for s in sets
    ]
    return [s for s in keep if s.questions]


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
    from evals.corpora import ensure_index, group, select
    from evals.gate import gate_failures, parse_corpus_min
    from evals.report import CompareError, compare, print_comparison, print_run, write_report
    from evals.runner import build_run
    from evals.sets import load_sets

    hooks = ctx.find_object(EvalHooks) or EvalHooks()
    out = _console(stderr=as_json)
    err = _console(stderr=True)
    try:
        corpus_thresholds = parse_corpus_min(corpus_min)
        settings = hooks.settings or load_settings()
        corpora = select(group(load_sets(sets), settings), corpora_wanted)
    except (SetError, ValueError) as error:
        raise click.ClickException(str(error)) from error

    chosen: list[EvalSet] = []
    systems: dict[str, list] = {"ours": []}
    corpus_info: list[dict[str, object]] = []
    for corpus in corpora:
        _index(corpus, ensure_index, err)
        assistant = (
            hooks.assistant
            if corpus.configured and hooks.assistant
            else _assistant(corpus.settings)
        )
        documents = _documents(assistant, corpus.settings)
        kinds = {doc.id: doc.meta.kind.value for doc in documents}
        mine = list(corpus.sets)
        if generated if generated is not None else not sets:
            from evals.register_sets import register_set

            name = "register" if corpus.configured else f"register-{corpus.name}"
            extra = register_set(
                documents, name=name, corpus=None if corpus.configured else str(corpus.corpus_dir)
            )
            mine += [extra] if extra else []
        mine = _part(mine, part)
        chosen += mine
        systems["ours"] += _run(assistant, mine, "ours", err, as_json, corpus.name, kinds)
        if baseline:
            systems.setdefault("baseline", [])
            systems["baseline"] += _baseline(corpus, documents, mine, err, as_json, kinds)
        corpus_info.append(
            {
                "name": corpus.name,
                "corpus_dir": str(corpus.corpus_dir),
                "data_dir": str(corpus.settings.data_dir),
                "index_generation": getattr(assistant.store, "generation", None),
                "documents": len(documents),
            }
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


def _index(corpus: Any, ensure_index: Any, err: Console) -> None:
    """Bring a named corpus's own index up to date, saying so in one line on stderr."""
    if corpus.configured:
        return
    err.print(f"Index of {corpus.name}: {corpus.settings.data_dir} (bringing it up to date)…")
    try:
        report = ensure_index(corpus)
    except OSError as error:
        raise click.ClickException(f"cannot index {corpus.corpus_dir}: {error}") from error
    changed = sum(1 for d in report.documents if d.status in ("new", "changed"))
    err.print(
        f"Index of {corpus.name}: {len(report.documents)} documents, {changed} read again, "
        f"{len(report.skipped)} skipped ({report.seconds:g} s)"
    )


def _baseline(
    corpus: Any, documents: list, sets: list[EvalSet], err: Console, quiet: bool, kinds: dict
) -> list:
    from evals.baseline import Baseline

    err.print(f"Building the baseline index of {corpus.name} (SentenceSplitter + MiniLM + Chroma)…")
    try:
        plain = Baseline(corpus.settings, documents)
    except FileNotFoundError as error:  # a corpus of only PDF/DOCX/HTML files
        raise click.ClickException(f"--baseline: {error}") from error
    return _run(plain, sets, "baseline", err, quiet, corpus.name, kinds)


def _assistant(settings: Any) -> Any:
    from assistant.answering.router import Assistant

    return Assistant(settings)


def _documents(assistant: Any, settings: Any) -> list:
    """The parsed documents of the current index that ``PLANBOT_DEFAULT_ACCESS`` may see.

    Questions are generated, and the baseline indexed, from these only: the answers are
    scoped to the same labels, and a restricted paper's rows must not reach a report
    as questions or expected answers either. A missing index is one clear line.
    """
    from indexing.store import IndexMissing

    try:
        return list(assistant.scope(settings.default_access).documents)
    except IndexMissing as error:
        raise click.ClickException(str(error)) from error


if __name__ == "__main__":  # pragma: no cover - `python -m evals.cli_command`
    sys.exit(eval_command())
