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

from indexing.store import IndexStore, StoredNode, where_matches

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
    dense = store.dense(vector, pool, where=where)
    keyword = [n for n in store.keyword(text, pool * 2) if where_matches(n.metadata, where)][:pool]
    found: dict[str, Candidate] = {}
    for rank, node in enumerate(dense):
        found[node.id] = Candidate(node=node, cosine=node.score, dense_rank=rank, fused=1.0 / (RRF_K + rank))
    for rank, node in enumerate(keyword):
        cand = found.get(node.id)
        if cand is None:
            cand = found[node.id] = Candidate(node=node)
        cand.bm25, cand.bm25_rank = node.score, rank
        cand.fused += 1.0 / (RRF_K + rank)
    missing = [c for c in found.values() if c.dense_rank is None]
    if missing:
        _fill_cosines(store, vector, missing)
    ranked = sorted(found.values(), key=lambda c: c.fused, reverse=True)
    return ranked[:k]


def _fill_cosines(store: IndexStore, vector: list[float], candidates: list[Candidate]) -> None:
    """Cosine for BM25-only hits, so every candidate can be judged against the floor."""
    got = store.collection.get(ids=[c.node.id for c in candidates], include=["embeddings"])
    by_id = {i: e for i, e in zip(got["ids"], got["embeddings"])}
    for cand in candidates:
        emb = by_id.get(cand.node.id)
        if emb is not None:
            cand.cosine = float(sum(a * b for a, b in zip(vector, emb)))
