"""The encoder's side of an ingest: a vector for every indexed node, with the encoder
spent only on text that is indexed and was not embedded before.

Ingest calls this once every file is read and a reports pack's copies of separate papers
are dropped (``readers/duplicates.py``), so no text is embedded and then thrown away.
A node's vector is, in this order: the previous generation's (its text is unchanged),
the vector of the same text embedded in this run (a row or passage repeated word for
word), or a new one. New texts are embedded longest first, in chunks, because each
batch is padded only to its own longest text (docs/benchmarks.md, ingest).
"""

from __future__ import annotations

from collections.abc import Callable

from llama_index.core.schema import TextNode

from indexing import embedding
from indexing.store import IndexStore

Progress = Callable[[str, int, int], None]
CHUNK_BATCHES = 64
"""Batches handed to the encoder per call: enough for sentence-transformers to sort
them by length, few enough that progress moves."""


def embed_nodes(
    nodes: list[TextNode], batch: int, previous: IndexStore | None, progress: Progress
) -> int:
    """Set every node's ``embedding``; returns how many texts the encoder embedded."""
    vectors = _reusable_embeddings(previous, nodes)
    by_text = {
        node.get_content(): vectors[node.node_id] for node in nodes if node.node_id in vectors
    }
    todo = sorted(
        {node.get_content() for node in nodes if node.get_content() not in by_text},
        key=lambda text: (-len(text), text),
    )
    chunk = batch * CHUNK_BATCHES
    progress("embedding", 0, len(todo))
    for start in range(0, len(todo), chunk):
        part = todo[start : start + chunk]
        by_text.update(zip(part, embedding.embed(part, batch_size=batch), strict=True))
        progress("embedding", start + len(part), len(todo))
    for node in nodes:
        node.embedding = vectors.get(node.node_id) or by_text[node.get_content()]
    return len(todo)


def _reusable_embeddings(
    previous: IndexStore | None, nodes: list[TextNode]
) -> dict[str, list[float]]:
    """Vectors of nodes whose text is exactly as before: no need to embed them again."""
    if previous is None or not nodes:
        return {}
    wanted = {node.node_id: node.get_content() for node in nodes}
    reused: dict[str, list[float]] = {}
    ids = list(wanted)
    for start in range(0, len(ids), 2000):
        got = previous.collection.get(
            ids=ids[start : start + 2000], include=["documents", "embeddings"]
        )
        texts, vectors = got["documents"], got["embeddings"]
        assert texts is not None and vectors is not None  # Chroma returns what ``include`` asks for
        for node_id, text, vector in zip(got["ids"], texts, vectors, strict=False):
            if text == wanted.get(node_id):
                reused[node_id] = [float(x) for x in vector]
    return reused
