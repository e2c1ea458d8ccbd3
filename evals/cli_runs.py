"""What ``planbot eval`` runs for each corpus: its own index brought up to date, its sets and
the questions generated from its register, ours and (with --baseline) plain llama-index,
with progress on stderr.
"""

from __future__ import annotations

from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from evals.schema import EvalSet


def console(stderr: bool) -> Console:
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


def run_corpora(
    corpora: list[Any],
    hooks: Any,
    err: Console,
    *,
    generated: bool,
    part: str,
    baseline: bool,
    quiet: bool,
) -> tuple[list[EvalSet], dict[str, list], list[dict[str, object]]]:
    """Each corpus's sets asked of its own index: (the sets run, results by system, what was
    run where). ``generated`` adds the register's questions; ``part`` keeps tuning or held-out."""
    from evals.corpora import ensure_index

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
        if generated:
            from evals.register_sets import register_set

            name = "register" if corpus.configured else f"register-{corpus.name}"
            extra = register_set(
                documents, name=name, corpus=None if corpus.configured else str(corpus.corpus_dir)
            )
            mine += [extra] if extra else []
        mine = _part(mine, part)
        chosen += mine
        systems["ours"] += _run(assistant, mine, "ours", err, quiet, corpus.name, kinds)
        if baseline:
            systems.setdefault("baseline", [])
            systems["baseline"] += _baseline(corpus, documents, mine, err, quiet, kinds)
        corpus_info.append(
            {
                "name": corpus.name,
                "corpus_dir": str(corpus.corpus_dir),
                "data_dir": str(corpus.settings.data_dir),
                "index_generation": getattr(assistant.store, "generation", None),
                "documents": len(documents),
            }
        )
    return chosen, systems, corpus_info


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
