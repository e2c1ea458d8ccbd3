"""One index generation written whole: nodes embedded (or their vectors reused), stored
in Chroma, the node table, the BM25 index, term statistics, documents and state, in a
hidden folder renamed into place, then ``CURRENT`` pointed at it — one atomic step, so
a build that fails or is killed at any point leaves the previous generation answering.
"""

from __future__ import annotations

import json
import os
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import cast

from indexing import embedding
from indexing.chunking import document_nodes
from indexing.index_state import INDEX_FORMAT, FileRecord, IndexState
from indexing.ingest_embed import embed_nodes
from indexing.keyword_index import write_keyword_index
from indexing.model import PlanDocument
from indexing.node_table import FILE as NODE_TABLE
from indexing.node_table import write_node_table
from indexing.settings import IndexSettings
from indexing.store import (
    IndexStore,
    chroma_client,
    collection_name,
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


def build_generation(
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
        write_bm25(nodes, building / "bm25", previous.dir / "bm25" if previous else None)
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


def write_bm25(nodes: list, path: Path, previous: Path | None) -> None:
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
