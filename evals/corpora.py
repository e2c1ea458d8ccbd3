"""Which corpus each set is asked of, and an index of it to ask.

A set names its corpus (``corpus: evals/corpus-real``) or none, meaning the configured
one (``PLANBOT_CORPUS_DIR``, whose index is ``PLANBOT_DATA_DIR``) — so the shipped sets
run exactly as before. Any other corpus gets its own index in ``<data_dir>/eval-<name>/``,
brought up to date with ``indexing.ingest.ingest`` before its questions are asked (ingest
is incremental: an index that already matches the files is reused as it is). Results
are reported, and gated, per corpus, so one council's papers cannot hide a fall on
another's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evals.schema import EvalSet, SetError

PROJECT = Path(__file__).resolve().parent.parent
"""Relative corpus paths are read from the project folder first, then the working directory
(the evals' own corpora are in the source checkout; an installed package has none)."""


@dataclass
class Corpus:
    """One corpus of a run: its name in the reports, its folder, the settings of its index."""

    name: str
    corpus_dir: Path
    settings: Any
    configured: bool = False
    sets: list[EvalSet] = field(default_factory=list)


def resolve_dir(value: str) -> Path:
    """The folder a set's ``corpus:`` names; a clear error when there is none."""
    path = Path(value).expanduser()
    for candidate in [path] if path.is_absolute() else [PROJECT / path, Path.cwd() / path]:
        if candidate.is_dir():
            return candidate.resolve()
    raise SetError(
        f"corpus {value!r}: no such folder (relative paths are read from {PROJECT} or the "
        "working directory). The evals' own corpora (evals/corpus-real, evals/corpus-meetings) "
        "come with the source checkout, not with an installed package: run from a checkout, "
        "or name sets asked of the configured corpus (e.g. `planbot eval handwritten`)"
    )


def corpus_name(directory: Path) -> str:
    """What the reports call a corpus: its folder's name (``corpus``, ``corpus-real``)."""
    return directory.resolve().name


def group(sets: list[EvalSet], settings: Any) -> list[Corpus]:
    """The corpora the sets need, in the order first named; the configured one first.

    A set naming the configured corpus folder joins the configured corpus (and its index).
    Two different folders with the same name would be reported as one, so that is an error.
    """
    configured_dir = Path(settings.corpus_dir).resolve()
    corpora: dict[Path, Corpus] = {}
    for evalset in sets:
        directory = resolve_dir(evalset.corpus) if evalset.corpus else configured_dir
        if directory not in corpora:
            corpora[directory] = _corpus(
                directory, settings, configured=directory == configured_dir
            )
        corpora[directory].sets.append(evalset)
    ordered = sorted(corpora.values(), key=lambda c: not c.configured)
    names: dict[str, Path] = {}
    for corpus in ordered:
        if corpus.name in names:
            raise SetError(
                f"two corpora are both called {corpus.name!r}: {names[corpus.name]} and {corpus.corpus_dir}"
            )
        names[corpus.name] = corpus.corpus_dir
    return ordered


def _corpus(directory: Path, settings: Any, configured: bool) -> Corpus:
    name = corpus_name(directory)
    if configured:
        return Corpus(name=name, corpus_dir=directory, settings=settings, configured=True)
    data_dir = Path(settings.data_dir) / f"eval-{name}"
    own = settings.model_copy(
        update={"corpus_dir": directory, "data_dir": data_dir, "chroma_url": None}
    )
    return Corpus(name=name, corpus_dir=directory, settings=own, configured=False)


def ensure_index(corpus: Corpus) -> Any:
    """Bring a non-configured corpus's own index up to date (incremental); the report.

    The configured corpus is left to ``planbot ingest``, as before: the eval measures the
    index people ask, and a missing one is reported by the caller. An evaluation corpus's
    own index mirrors its folder exactly: run from another checkout, the papers indexed
    from the old one are replaced, not kept beside their copies under other ids.
    """
    if corpus.configured:
        return None
    from indexing.ingest import ingest

    corpus.settings.data_dir.mkdir(parents=True, exist_ok=True)
    return ingest(corpus.settings, mirror=True)


def select(corpora: list[Corpus], wanted: tuple[str, ...]) -> list[Corpus]:
    """Only the corpora named (by name, by folder, or ``default`` for the configured one)."""
    if not wanted:
        return corpora
    chosen = []
    for corpus in corpora:
        labels = {corpus.name, str(corpus.corpus_dir)} | (
            {"default"} if corpus.configured else set()
        )
        if labels & set(wanted) or any(_same_dir(w, corpus.corpus_dir) for w in wanted):
            chosen.append(corpus)
    if not chosen:
        known = ", ".join(c.name for c in corpora)
        raise SetError(
            f"--corpus {', '.join(wanted)}: no set is asked of it (corpora of the chosen sets: {known})"
        )
    return chosen


def _same_dir(value: str, directory: Path) -> bool:
    try:
        return resolve_dir(value) == directory
    except SetError:
        return False
