"""The index on disk: Chroma (our embeddings), a BM25 index, and the parsed documents.

Each successful ingest writes a complete new *generation* (``data_dir/gen-NNNNNN/``)
and only then points ``data_dir/CURRENT`` at it with an atomic rename. A reader opens
whatever ``CURRENT`` names, so an ingest that fails or is killed midway leaves the
previous index answering. With ``PLANBOT_CHROMA_URL`` the vectors live in a Chroma
server instead (one collection per generation); everything else stays the same.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cachetools import LRUCache
from pydantic import BaseModel, TypeAdapter

from indexing.index_state import INDEX_FORMAT, IndexState
from indexing.model import Passage, PlanDocument, PlanItem, TableRow
from indexing.settings import IndexSettings

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection

    from indexing.keyword_index import KeywordIndex
    from indexing.node_table import NodeTable
    from indexing.terms import TermStats

CURRENT = "CURRENT"
_DOCUMENTS = TypeAdapter(list[PlanDocument])
KEEP_GENERATIONS = 2


class IndexMissing(RuntimeError):
    """There is no complete index yet: run ``planbot ingest`` first."""


class StoredNode(BaseModel):
    """A node as read back from the index."""

    id: str
    text: str
    metadata: dict[str, Any]

    @property
    def is_item(self) -> bool:
        return self.metadata.get("node_kind") == "item"

    def item(self) -> PlanItem:
        return PlanItem.model_validate_json(self.metadata["item_json"])

    @property
    def is_row(self) -> bool:
        return self.metadata.get("node_kind") == "row"

    def passage(self) -> Passage:
        return Passage.model_validate_json(self.metadata["passage_json"])

    def row(self) -> TableRow:
        return TableRow.model_validate_json(self.metadata["row_json"])


def chroma_client(settings: IndexSettings, generation_dir: Path) -> ClientAPI:
    """An embedded client on the generation's folder, or the configured server."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.chroma_url:
        from urllib.parse import urlparse

        url = urlparse(settings.chroma_url)
        return chromadb.HttpClient(
            host=url.hostname or "localhost",
            port=url.port or 8000,
            ssl=url.scheme == "https",
            settings=chroma_settings,
        )
    return chromadb.PersistentClient(path=str(generation_dir / "chroma"), settings=chroma_settings)


def collection_name(settings: IndexSettings, generation: str) -> str:
    """Per-generation collections, so a server holds the old one until the swap."""
    return f"{settings.collection}_{generation}" if settings.chroma_url else settings.collection


SEARCH_EF = 400
"""How many candidates Chroma's HNSW graph keeps while it searches. At its default (100)
the 20 nodes it returned for a known-answer question missed one of the exact 20 nearest
for 43 to 51 of 787 questions on the real papers' index (1,848 nodes), and which ones
changed from build to build, so the same question could find its indicator in one index
and not in the next; at 400, 9 to 14, for well under a millisecond more per query, and
wider searches do no better (``benchmarks/dense_recall.py``, docs/benchmarks.md)."""


def get_collection(client: ClientAPI, name: str) -> Collection:
    # No embedding function: Chroma is only ever given our own vectors, so it never
    # tries to fetch its default model.
    return client.get_or_create_collection(
        name=name,
        metadata={"hnsw:space": "cosine", "hnsw:search_ef": SEARCH_EF},
        embedding_function=None,
    )


def current_generation(data_dir: Path) -> str | None:
    pointer = data_dir / CURRENT
    if not pointer.exists():
        return None
    name = pointer.read_text(encoding="utf-8").strip()
    return name if name and (data_dir / name / "state.json").exists() else None


def point_current(data_dir: Path, generation: str) -> None:
    """Atomically switch readers to ``generation`` (rename is atomic on POSIX)."""
    tmp = data_dir / f".{CURRENT}.tmp"
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(generation)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, data_dir / CURRENT)
    fsync_dir(data_dir)


def fsync_dir(path: Path) -> None:
    """Make a rename inside ``path`` durable: fsync the folder itself."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def prune_generations(settings: IndexSettings, keep: str) -> None:
    """Delete generations older than the newest ``KEEP_GENERATIONS`` (never ``keep``)."""
    data_dir = settings.data_dir
    gens = sorted(p.name for p in data_dir.glob("gen-*") if p.is_dir())
    stale = [g for g in gens[:-KEEP_GENERATIONS] if g != keep]
    partials = list(data_dir.glob(".building-*"))
    # On a server, a stale generation's collection goes with its folder, and so does the
    # collection of a build that failed (its ``.building-gen-…`` folder is all that's left).
    doomed = stale + [p.name.removeprefix(".building-") for p in partials]
    if settings.chroma_url and doomed:
        client = chroma_client(settings, data_dir)
        for gen in doomed:
            if gen == keep:
                continue
            try:
                client.delete_collection(collection_name(settings, gen))
            except Exception:  # noqa: BLE001 - already gone (or never created) is fine
                pass
    for gen in stale:
        shutil.rmtree(data_dir / gen, ignore_errors=True)
    for partial in partials:
        shutil.rmtree(partial, ignore_errors=True)


DERIVED_ENTRIES = 256
"""Entries ``IndexStore.derived`` keeps, the least recently used going first."""


class IndexStore:
    """Read access to the current generation: exact lookups, dense and BM25 search."""

    def __init__(self, settings: IndexSettings, generation: str) -> None:
        self.settings = settings
        self.generation = generation
        self.dir = settings.data_dir / generation
        self.derived: LRUCache[Any, Any] = LRUCache(maxsize=DERIVED_ENTRIES)
        """What layers above work out once per generation from its documents (the documents
        each access level may see, ``assistant.answering.scope.Scope``; term statistics),
        bounded so that many distinct access sets cannot grow it without end."""

    @classmethod
    def open(cls, settings: IndexSettings) -> IndexStore:
        generation = current_generation(settings.data_dir)
        if generation is None:
            raise IndexMissing(
                f"No index in {settings.data_dir}/ yet. Run `planbot ingest` to build it "
                "from the shipped corpus (or `planbot ingest PATH` for your own documents)."
            )
        return cls(settings, generation)

    def is_current(self) -> bool:
        """False once a newer ingest has swapped ``CURRENT``: time to reopen."""
        return current_generation(self.settings.data_dir) == self.generation

    @cached_property
    def state(self) -> IndexState:
        return IndexState.model_validate_json((self.dir / "state.json").read_text(encoding="utf-8"))

    @cached_property
    def documents(self) -> list[PlanDocument]:
        # pydantic parses the JSON itself, without building Python dicts first.
        return _DOCUMENTS.validate_json((self.dir / "documents.json").read_bytes())

    @cached_property
    def terms(self) -> TermStats:
        from indexing.terms import TermStats

        path = self.dir / "terms.json"
        if path.exists():
            return TermStats.load(path)
        from indexing.terms import place_stems

        return TermStats.build(
            [node.text for node in self.get()],
            place_stems(d.meta.publisher for d in self.documents),
        )

    @cached_property
    def collection(self) -> Collection:
        client = chroma_client(self.settings, self.dir)
        return get_collection(client, collection_name(self.settings, self.generation))

    @cached_property
    def nodes(self) -> NodeTable:
        from indexing.node_table import FILE, NodeTable

        if self.state.format < INDEX_FORMAT or not (self.dir / FILE).exists():
            raise IndexMissing(
                f"The index in {self.settings.data_dir}/ was built by an older Plan Assistant. Run "
                "`planbot ingest` to bring it up to date (nothing is embedded again)."
            )
        return NodeTable(self.dir / FILE)

    def read(self, ids: list[str]) -> list[StoredNode]:
        """Nodes in the order of ``ids``, from the node table (ids it lacks are skipped)."""
        rows = self.nodes.rows(ids)
        return [StoredNode(id=i, text=rows[i][0], metadata=rows[i][1]) for i in ids if i in rows]

    @cached_property
    def bm25(self) -> KeywordIndex | None:
        from indexing.keyword_index import KeywordIndex

        path = self.dir / "bm25"
        return KeywordIndex.load(path) if path.exists() else None

    # --- lookups ----------------------------------------------------------------------
    def get(
        self, where: dict[str, Any] | None = None, limit: int | None = None
    ) -> list[StoredNode]:
        """Exact metadata lookup (no ranking): "rating is A", "ref is 3.2"."""
        return self.read(self.collection.get(where=where or None, limit=limit, include=[])["ids"])

    @cached_property
    def document_ids(self) -> frozenset[str]:
        return frozenset(doc.id for doc in self.documents)

    def covers_every_document(self, ids: list[str]) -> bool:
        """Do ``ids`` name every document of the index? Then a filter on documents keeps
        everything, and is better not sent: Chroma scans metadata for it."""
        return len(ids) >= len(self.document_ids) and set(ids) == self.document_ids

    @cached_property
    def document_sizes(self) -> dict[str, int]:
        """Nodes (items, table rows and passages) of each document, from what ingest recorded."""
        return {
            r.document_id: r.items + r.passages + r.table_rows for r in self.state.files.values()
        }

    @cached_property
    def size(self) -> int:
        """Nodes in this generation's collection; a generation never changes once built,
        so it is counted once rather than asked of Chroma (a round trip) on every search."""
        return self.collection.count()

    def nearest(
        self, vector: list[float], k: int, where: dict[str, Any] | None = None
    ) -> list[tuple[str, float]]:
        """Ids and cosines (1.0 = same direction) of the ``k`` nodes nearest ``vector``,
        by Chroma; ``where`` uses Chroma's own filter, which scans metadata before the
        search and is many times slower than an unfiltered one on a large index
        (docs/benchmarks.md), so ``assistant.answering.retrieve`` applies filters on
        documents itself and passes ``where`` only as a last resort."""
        k = min(k, self.size)
        if k <= 0:
            return []
        queries: list[Sequence[float]] = [vector]
        result = self.collection.query(
            query_embeddings=queries, n_results=k, where=where or None, include=["distances"]
        )
        distances = result["distances"]
        assert distances is not None  # Chroma returns what ``include`` asks for
        return [(i, 1.0 - d) for i, d in zip(result["ids"][0], distances[0], strict=False)]

    def keyword(self, question: str, k: int) -> list[tuple[str, float]]:
        """BM25 over the same nodes: exact words, refs and names that embeddings blur.
        Node ids and scores only; ``nodes.rows`` reads the nodes wanted."""
        if self.bm25 is None:
            return []
        return self.bm25.retrieve(question, k)
