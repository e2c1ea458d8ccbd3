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

import json
import os
import shutil
import signal
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import cast

from filelock import FileLock
from pydantic import BaseModel, Field

from indexing import embedding
from indexing.chunking import document_nodes
from indexing.index_state import INDEX_FORMAT, FileRecord, IndexState
from indexing.ingest_embed import embed_nodes
from indexing.keyword_index import write_keyword_index
from indexing.loaders import SUPPORTED_SUFFIXES, LoadError, file_sha256
from indexing.manifest import Manifest, load_manifest
from indexing.model import PlanDocument
from indexing.node_table import FILE as NODE_TABLE
from indexing.node_table import write_node_table
from indexing.parse_pool import read_all
from indexing.readers.duplicates import mark_duplicates
from indexing.reading import ReadJob
from indexing.settings import IndexSettings
from indexing.store import (
    IndexStore,
    chroma_client,
    collection_name,
    current_generation,
    get_collection,
    point_current,
    prune_generations,
)
from indexing.terms import TermStats, place_stems

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)`` — the CLI draws it as a bar."""

FAULT_POINT_ENV = "PLANBOT_FAULT_POINT"
FAULT_POINTS = ("parsed", "stored", "renamed", "pointed")
"""Named steps of a build. ``PLANBOT_FAULT_POINT=<step>`` makes the process SIGKILL
itself there: how ``tests/test_crash_safety.py`` proves that an ingest killed at any
step leaves the previous index answering. Unset (always, outside that test) it costs
one dictionary lookup per step."""


def _fault_point(step: str) -> None:
    if os.environ.get(FAULT_POINT_ENV) == step:
        os.kill(os.getpid(), signal.SIGKILL)


class FileProblem(BaseModel):
    path: str
    reason: str
    kept_previous: bool = False


class DocumentSummary(BaseModel):
    path: str
    title: str
    status: str = Field(description="new, changed, unchanged or kept previous version")
    items: int
    passages: int
    kinds: dict[str, int] = Field(
        default_factory=dict, description="Items by kind: commitment, kpi, risk…"
    )
    table_rows: int = Field(default=0, description="Rows of tables of figures (not items)")
    ratings: dict[str, int] = Field(default_factory=dict)
    unresolved_initials: list[str] = Field(default_factory=list)
    unplaced_rows: int = 0
    repeats: str | None = Field(
        default=None, description="Id of the paper this one repeats (its copies are not indexed)"
    )


class IngestReport(BaseModel):
    generation: str | None
    changed: bool
    embedded: int = Field(description="Texts embedded in this run (0 when nothing changed)")
    documents: list[DocumentSummary] = Field(default_factory=list)
    skipped: list[FileProblem] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)
    seconds: float = 0.0


def discover(paths: list[Path], manifest: Manifest) -> tuple[list[Path], list[FileProblem]]:
    """Documents under ``paths`` (files or folders), and the ones that can't be documents."""
    found: list[Path] = []
    problems: list[FileProblem] = []
    for root in paths:
        if not root.exists():
            problems.append(FileProblem(path=str(root), reason="no such file or folder"))
            continue
        candidates = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        for path in candidates:
            if manifest.ignores(path) or any(part.startswith(".") for part in path.parts[-1:]):
                continue
            if _python_package_file(path):
                continue
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                problems.append(
                    FileProblem(
                        path=str(path),
                        reason=f"unsupported file type '{path.suffix or '(none)'}' "
                        f"(supported: {', '.join(sorted(SUPPORTED_SUFFIXES))})",
                    )
                )
                continue
            found.append(path)
    return found, problems


def _python_package_file(path: Path) -> bool:
    """A package marker or its byte-code: the shipped corpus is a Python package (so an
    installed Plan Assistant finds it), and neither file is a document."""
    return path.name == "__init__.py" or "__pycache__" in path.parts


def _document_id(path: Path, taken: set[str]) -> str:
    """The file name's stem, lower case, with no space or colon: node ids are
    ``<document id>:<key>``, and ``store.document_of`` splits them at the first colon."""
    base = path.stem.lower().replace(" ", "-").replace(":", "-")
    doc_id, n = base, 2
    while doc_id in taken:
        doc_id, n = f"{base}-{n}", n + 1
    taken.add(doc_id)
    return doc_id


def _display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path.resolve())


def _summary(doc: PlanDocument, path: str, status: str) -> DocumentSummary:
    return DocumentSummary(
        path=path,
        title=doc.meta.title,
        status=status,
        items=len(doc.items),
        passages=len(doc.passages),
        kinds=doc.items_by_kind(),
        table_rows=len(doc.tables),
        ratings=dict(Counter(item.rating for item in doc.items if item.rating)),
        unresolved_initials=sorted(doc.unresolved_initials()),
        unplaced_rows=len(doc.unplaced_rows),
    )


@contextmanager
def _ingest_lock(data_dir: Path) -> Iterator[None]:
    """One ingest at a time per index folder (a second one waits)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(data_dir / "ingest.lock"):
        yield


def ingest(
    settings: IndexSettings, paths: list[Path] | None = None, progress: Progress | None = None
) -> IngestReport:
    """Bring the index up to date with ``paths`` (default: the shipped corpus)."""
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
        report = _ingest_locked(settings, roots, manifest, progress or (lambda *_: None))
    report.seconds = round(time.perf_counter() - started, 2)
    return report


def _ingest_locked(
    settings: IndexSettings, roots: list[Path], manifest: Manifest, progress: Progress
) -> IngestReport:
    previous = _previous(settings)
    prev_state = previous.state if previous else None
    prev_docs = {doc.id: doc for doc in previous.documents} if previous else {}
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
        shown = _display_path(path)
        try:
            sha = file_sha256(path)
        except OSError as err:
            _keep_previous(
                skipped, docs, records, summaries, shown, _reason(err, path), key, old, prev_docs
            )
            continue
        stated = manifest.entry_for(path)
        if old and old.sha256 == sha and old.document_id in prev_docs and old.stated == stated:
            doc = prev_docs[old.document_id]
            taken.add(doc.id)
            docs[doc.id] = doc
            records[key] = _record(shown, sha, doc, stated)
            summaries.append(_summary(doc, shown, "unchanged"))
            continue
        doc_id = old.document_id if old else _document_id(path, taken | set(prev_docs))
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
        summaries.append(_summary(doc, job.source, "changed" if old else "new"))
        any_change = True

    removed: list[str] = []
    if prev_state:
        for key, record in prev_state.files.items():
            if key in records:
                continue
            under_roots = any(Path(key).is_relative_to(r.resolve()) for r in roots if r.is_dir())
            if not Path(key).exists() or under_roots:
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
    generation, embedded = _build_generation(
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
    summaries.append(_summary(doc, shown, "kept previous version"))


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


def _build_generation(
    settings: IndexSettings,
    docs: list[PlanDocument],
    records: dict[str, FileRecord],
    previous: IndexStore | None,
    progress: Progress,
    repeats: dict[str, str],
) -> tuple[str, int]:
    """Write a complete generation and point CURRENT at it; returns it and the number of
    texts embedded. Nodes in ``repeats`` (a reports pack's copies of papers indexed on
    their own) are left out, so each passage is found, and cited, once: from the separate
    paper — and, the files being all read before anything is embedded, never embedded."""
    generation = f"gen-{time.time_ns() // 1_000_000:015d}"
    building = settings.data_dir / f".building-{generation}"
    building.mkdir(parents=True)
    nodes = [node for doc in docs for node in document_nodes(doc) if node.node_id not in repeats]
    _fault_point("parsed")
    embedded = embed_nodes(nodes, settings.embed_batch_size, previous, progress)
    embedding.ensure_onnx()  # once per machine: lets `planbot ask` skip importing torch

    client = chroma_client(settings, building)
    name = collection_name(settings, generation)
    if settings.chroma_url:
        try:
            client.delete_collection(name)
        except Exception:  # noqa: BLE001 - not there yet is the normal case
            pass
    collection = get_collection(client, name)
    step = max(1, min(client.get_max_batch_size(), 2000))
    for start in range(0, len(nodes), step):
        progress("storing", start, len(nodes))
        _store_nodes(collection, nodes[start : start + step])
    progress("storing", len(nodes), len(nodes))
    _fault_point("stored")

    write_node_table(
        building / NODE_TABLE,
        (
            (n.node_id, n.get_content(), n.metadata, cast("list[float]", n.embedding))
            for n in nodes  # every node was embedded (or reused) above
        ),
    )
    if nodes:
        _write_bm25(nodes, building / "bm25", previous.dir / "bm25" if previous else None)
    places = place_stems(doc.meta.publisher for doc in docs)
    TermStats.build([node.get_content() for node in nodes], places).save(building / "terms.json")
    state = IndexState(
        generation=generation,
        embedding_model=embedding.MODEL_NAME,
        format=INDEX_FORMAT,
        files=records,
    )
    _write_json(building / "documents.json", [doc.model_dump(mode="json") for doc in docs])
    _write_json(building / "state.json", state.model_dump(mode="json"))
    del collection, client
    final = settings.data_dir / generation
    if not settings.chroma_url:
        _release_chroma(building / "chroma")
    os.replace(building, final)
    _fault_point("renamed")
    point_current(settings.data_dir, generation)
    _fault_point("pointed")
    prune_generations(settings, keep=generation)
    return generation, embedded


def _store_nodes(collection, nodes: list) -> None:
    """Each node's id, vector, text and metadata, as they are. Not through llama-index's
    ``ChromaVectorStore``: it refuses list metadata (the people and rating codes,
    ``chunking.py``) and stores a second copy of every node as JSON (~2.5 KB a node)."""
    collection.add(
        ids=[node.node_id for node in nodes],
        embeddings=[node.embedding for node in nodes],
        documents=[node.get_content() for node in nodes],
        metadatas=[node.metadata for node in nodes],
    )


def _write_bm25(nodes: list, path: Path, previous: Path | None) -> None:
    write_keyword_index(
        [node.node_id for node in nodes], [node.get_content() for node in nodes], path, previous
    )


def _write_json(path: Path, data: object) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False)
        handle.flush()
        os.fsync(handle.fileno())


def _release_chroma(path: Path) -> None:
    """Close the embedded Chroma system on ``path`` so its folder can be renamed."""
    from chromadb.api.client import SharedSystemClient

    SharedSystemClient.clear_system_cache()


__all__ = ["ingest", "IngestReport", "discover", "shutil"]
