"""``planbot ingest``: files → parsed documents → a new index generation, or nothing.

Only files whose bytes changed are loaded and parsed again, and only text that was not
embedded before is embedded (vectors of unchanged nodes are copied from the previous
generation). Every file is read first, in worker processes on all cores
(``parse_pool``); then a reports pack's copies of separate papers are found and left out
(``readers/duplicates.py``); only then is the encoder given the text that is indexed
(``ingest_embed``). A file that cannot be read is reported and skipped; if an earlier
version of it was indexed, that version is kept. The new generation becomes visible in
one atomic step at the very end, so a failure at any point leaves the old index
answering.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock

from indexing import embedding
from indexing.discover import discover, display_path, document_id
from indexing.generation import Progress, build_generation
from indexing.index_state import INDEX_FORMAT, FileRecord, readers_version
from indexing.ingest_report import DocumentSummary, FileProblem, IngestReport, summarise
from indexing.loaders import LoadError, file_sha256
from indexing.manifest import Manifest, load_manifest
from indexing.model import PlanDocument
from indexing.parse_pool import read_all
from indexing.readers.duplicates import mark_duplicates
from indexing.reading import ReadJob
from indexing.settings import IndexSettings
from indexing.store import IndexStore, current_generation


@contextmanager
def _ingest_lock(data_dir: Path) -> Iterator[None]:
    """One ingest at a time per index folder (a second one waits)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(data_dir / "ingest.lock"):
        yield


def ingest(
    settings: IndexSettings,
    paths: list[Path] | None = None,
    progress: Progress | None = None,
    *,
    mirror: bool = False,
) -> IngestReport:
    """Bring the index up to date with ``paths`` (default: the shipped corpus).

    Documents indexed earlier from another folder are kept (``planbot ingest FOLDER``
    adds to the index), unless ``mirror``: then the index holds exactly the files under
    ``paths``, so an index built from a checkout that has since moved is not doubled by
    the same papers read again under new ids (how an evaluation corpus is indexed)."""
    started = time.perf_counter()
    roots = paths or [settings.corpus_dir]
    manifest = load_manifest(settings.manifest_path)
    for root in roots:
        if (
            root.is_dir()
            and (root / "manifest.yaml").exists()
            and root.resolve() != settings.corpus_dir.resolve()
        ):
            manifest = load_manifest(root / "manifest.yaml")
    with _ingest_lock(settings.data_dir):
        report = _ingest_locked(settings, roots, manifest, progress or (lambda *_: None), mirror)
    report.seconds = round(time.perf_counter() - started, 2)
    return report


def _under(key: str, roots: list[Path]) -> bool:
    """Is the indexed file ``key`` (a resolved path) in one of the folders ingested?"""
    return any(Path(key).is_relative_to(r.resolve()) for r in roots if r.is_dir())


def _ingest_locked(
    settings: IndexSettings,
    roots: list[Path],
    manifest: Manifest,
    progress: Progress,
    mirror: bool = False,
) -> IngestReport:
    previous = _previous(settings)
    prev_state = previous.state if previous else None
    prev_docs = {doc.id: doc for doc in previous.documents} if previous else {}
    if mirror and prev_state:
        # Papers of other folders leave the index, and their ids are free again.
        outside = {
            record.document_id for key, record in prev_state.files.items() if not _under(key, roots)
        }
        prev_docs = {id_: doc for id_, doc in prev_docs.items() if id_ not in outside}
    files, skipped = discover(roots, manifest)

    docs: dict[str, PlanDocument] = {}
    records: dict[str, FileRecord] = {}
    summaries: list[DocumentSummary] = []
    taken: set[str] = set()
    any_change = False
    jobs: list[tuple[str, str, ReadJob]] = []  # (key, sha256, job) of files to read again
    for path in files:
        key = str(path.resolve())
        old = prev_state.files.get(key) if prev_state else None
        shown = display_path(path)
        try:
            sha = file_sha256(path)
        except OSError as err:
            _keep_previous(
                skipped, docs, records, summaries, shown, _reason(err, path), key, old, prev_docs
            )
            continue
        stated = manifest.entry_for(path)
        if (
            old
            and old.readers == readers_version()
            and old.sha256 == sha
            and old.document_id in prev_docs
            and old.stated == stated
        ):
            doc = prev_docs[old.document_id]
            taken.add(doc.id)
            docs[doc.id] = doc
            records[key] = _record(shown, sha, doc, stated)
            summaries.append(summarise(doc, shown, "unchanged"))
            continue
        doc_id = old.document_id if old else document_id(path, taken | set(prev_docs))
        taken.add(doc_id)
        jobs.append((key, sha, ReadJob(path=path, doc_id=doc_id, source=shown)))

    progress("reading", 0, len(jobs))
    for n, ((key, sha, job), result) in enumerate(
        zip(jobs, read_all([job for _, _, job in jobs], manifest), strict=True), start=1
    ):
        progress("reading", n, len(jobs))
        old = prev_state.files.get(key) if prev_state else None
        if result.document is None:
            _keep_previous(
                skipped,
                docs,
                records,
                summaries,
                job.source,
                result.reason or "unreadable",
                key,
                old,
                prev_docs,
            )
            continue
        doc = result.document
        docs[doc.id] = doc
        records[key] = _record(job.source, sha, doc, manifest.entry_for(job.path))
        summaries.append(summarise(doc, job.source, "changed" if old else "new"))
        any_change = True

    removed: list[str] = []
    if prev_state:
        for key, record in prev_state.files.items():
            if key in records:
                continue
            if mirror or not Path(key).exists() or _under(key, roots):
                removed.append(record.path)
                any_change = True
            else:
                # Indexed earlier from another folder and still there: keep it.
                docs[record.document_id] = prev_docs[record.document_id]
                records[key] = record

    repeats = mark_duplicates(list(docs.values()))
    by_path = {record.path: record.document_id for record in records.values()}
    for summary in summaries:
        kept = docs.get(by_path.get(summary.path, ""))
        summary.repeats = kept.duplicate_of if kept else None

    if previous is not None and not any_change and previous.state.format == INDEX_FORMAT:
        return IngestReport(
            generation=previous.generation,
            changed=False,
            embedded=0,
            documents=summaries,
            skipped=skipped,
            removed=removed,
        )
    generation, embedded = build_generation(
        settings, list(docs.values()), records, previous, progress, repeats
    )
    return IngestReport(
        generation=generation,
        changed=True,
        embedded=embedded,
        documents=summaries,
        skipped=skipped,
        removed=removed,
    )


def _record(shown: str, sha: str, doc: PlanDocument, stated: dict[str, object]) -> FileRecord:
    return FileRecord(
        path=shown,
        sha256=sha,
        document_id=doc.id,
        title=doc.meta.title,
        stated=stated,
        items=len(doc.items),
        passages=len(doc.passages),
        table_rows=len(doc.tables),
        readers=readers_version(),
    )


def _keep_previous(
    skipped: list[FileProblem],
    docs: dict[str, PlanDocument],
    records: dict[str, FileRecord],
    summaries: list[DocumentSummary],
    shown: str,
    reason: str,
    key: str,
    old: FileRecord | None,
    prev_docs: dict[str, PlanDocument],
) -> None:
    """A file that cannot be read is skipped; its earlier version, if indexed, stays."""
    kept = bool(old and old.document_id in prev_docs)
    skipped.append(FileProblem(path=shown, reason=reason, kept_previous=kept))
    if old is None or not kept:
        return
    doc = prev_docs[old.document_id]
    docs[doc.id] = doc
    records[key] = old
    summaries.append(summarise(doc, shown, "kept previous version"))


def _reason(err: Exception, path: Path) -> str:
    if isinstance(err, LoadError):
        return err.reason
    return f"cannot read the file ({err.strerror or err})" if isinstance(err, OSError) else str(err)


def _previous(settings: IndexSettings) -> IndexStore | None:
    generation = current_generation(settings.data_dir)
    if generation is None:
        return None
    store = IndexStore(settings, generation)
    if store.state.embedding_model != embedding.MODEL_NAME:
        return None  # a different model's vectors cannot be reused
    return store


__all__ = ["ingest", "IngestReport", "discover"]
