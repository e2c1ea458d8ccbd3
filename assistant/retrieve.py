"""Hybrid retrieval: dense (MiniLM in Chroma) and BM25, fused by reciprocal rank.

Embeddings carry colloquial wording ("rats" → the rat population commitment) and BM25
carries exact words (names, "CCTV", "Carers MK"); reciprocal rank fusion (k=60, as in
Cormack et al. and llama-index's ``QueryFusionRetriever``) combines their rankings
without calibrating their scores against each other. Fusion is keyed on node id rather
than done by llama-index's fusion retriever because the answerer needs each
candidate's own cosine similarity for its relevance floor, which that retriever drops.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from indexing.store import IndexStore, StoredNode, document_of, where_matches

RRF_K = 60.0
POOL = 30


class Candidate(BaseModel):
    """A node found for a question, with the evidence of each retriever."""

    node: StoredNode
    cosine: float = 0.0
    bm25: float = 0.0
    dense_rank: int | None = None
    bm25_rank: int | None = None
    fused: float = 0.0


def hybrid_search(
    store: IndexStore,
    text: str,
    vector: list[float],
    *,
    k: int,
    where: dict[str, Any] | None = None,
) -> list[Candidate]:
    """Top ``k`` nodes by fused rank; ``where`` restricts both retrievers before ranking."""
    pool = max(POOL, k)
    found: dict[str, Candidate] = {}
    for rank, node in enumerate(store.dense(vector, pool, where=where)):
        found[node.id] = Candidate(node=node, cosine=node.score, dense_rank=rank, fused=1.0 / (RRF_K + rank))
    for rank, (node_id, score) in enumerate(_keyword_hits(store, text, vector, pool, where, found)):
        cand = found[node_id]
        cand.bm25, cand.bm25_rank = score, rank
        cand.fused += 1.0 / (RRF_K + rank)
    ranked = sorted(found.values(), key=lambda c: c.fused, reverse=True)
    return ranked[:k]


def _keyword_hits(
    store: IndexStore,
    text: str,
    vector: list[float],
    pool: int,
    where: dict[str, Any] | None,
    found: dict[str, Candidate],
) -> list[tuple[str, float]]:
    """The best ``pool`` BM25 hits that ``where`` allows, as (node id, score).

    Hits the dense search did not find are read from the index with their vectors and
    added to ``found`` with their cosine, so every candidate can be judged against the
    relevance floor. A filter on documents alone is applied by node id before reading.
    """
    import numpy as np

    hits = store.keyword(text, pool * 2)
    by_document = where is None or set(where) == {"plan_document"}
    if by_document:
        hits = [h for h in hits if where_matches({"plan_document": document_of(h[0])}, where)][:pool]
    fetched = store.fetch([node_id for node_id, _ in hits if node_id not in found])
    if fetched:
        # Stored vectors are unit length (normalised at embedding): a dot product is the cosine.
        cosines = np.asarray([v for _, v in fetched], dtype=np.float32) @ np.asarray(vector, dtype=np.float32)
        for (node, _), cosine in zip(fetched, cosines.tolist()):
            if by_document or where_matches(node.metadata, where):
                found[node.id] = Candidate(node=node, cosine=cosine)
    return [h for h in hits if h[0] in found][:pool]
