"""Hybrid retrieval: dense (MiniLM in Chroma) and BM25, fused by reciprocal rank.

Embeddings carry colloquial wording ("rats" → the rat population commitment) and BM25
carries exact words (names, "CCTV", "Carers Week"); reciprocal rank fusion (k=60, as in
Cormack et al. and llama-index's ``QueryFusionRetriever``) combines their rankings
without calibrating their scores against each other. Fusion is keyed on node id rather
than done by llama-index's fusion retriever because the answerer needs each
candidate's own cosine similarity for its relevance floor, which that retriever drops.
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any

from pydantic import BaseModel

from assistant.answering.word_forms import joined_words
from indexing.keyword_index import KeywordIndex
from indexing.store import IndexStore, StoredNode
from indexing.where import document_of, where_matches

RRF_K = 60.0
POOL = 30
DENSE_OVERFETCH = 8
"""Neighbours looked at per wanted one when a search is kept to some documents."""


class Candidate(BaseModel):
    """A node found for a question, with the evidence of each retriever."""

    node: StoredNode
    cosine: float = 0.0
    bm25: float = 0.0
    dense_rank: int | None = None
    bm25_rank: int | None = None
    fused: float = 0.0
    named: bool = False
    """A table row the question names by its label and column (``row_lookup``)."""


class Search:
    """One question's retrieval, from which one or more filtered rankings are asked
    (the asker's whole scope, then the documents the question names).

    Chroma's neighbours, the BM25 hits and the nodes read are fetched once and shared by
    the rankings, so a question that names a year or a document costs one search, not two
    (docs/benchmarks.md).
    """

    def __init__(
        self,
        store: IndexStore,
        text: str,
        vector: list[float],
        keywords: KeywordIndex | None = None,
    ) -> None:
        """``keywords`` is the BM25 index of the asker's documents (``Scope.keywords``);
        without one, the generation's index of every document is searched."""
        self.store = store
        self.text = text
        self.keywords = keywords
        self.vector = vector
        self._neighbours: list[tuple[str, float]] = []
        self._depth = 0
        self._keyword: list[tuple[str, float]] | None = None
        self._rows: dict[str, tuple[str, dict[str, Any], Any]] = {}

    def with_words(self, text: str) -> Search:
        """This search with its keyword part asked of ``text`` (the question with the
        words a sentence giving the value asked prints, "am pm" for a time); the dense
        neighbours and the nodes read are shared."""
        if text == self.text:
            return self
        other = Search(self.store, text, self.vector, self.keywords)
        other._neighbours, other._depth, other._rows = self._neighbours, self._depth, self._rows
        return other

    def neighbours(self, depth: int) -> list[tuple[str, float]]:
        """The ``depth`` nearest nodes of the whole index, as (id, cosine)."""
        depth = min(depth, self.store.size)
        if depth > self._depth:
            self._neighbours, self._depth = self.store.nearest(self.vector, depth), depth
        return self._neighbours[:depth]

    def dense(self, k: int, where: dict[str, Any] | None = None) -> list[tuple[str, float]]:
        """The ``k`` nearest nodes that ``where`` allows, as (id, cosine).

        A filter on documents is applied to unfiltered neighbours — at least
        ``DENSE_OVERFETCH × k`` of them, more when the allowed documents hold a small share
        of the index, then 8× as many — exact, since the first k survivors of a ranking
        are the top k of the filtered set; Chroma's own filter is used only when too few
        survive (it scans metadata before searching, which on a large index costs more than
        the search itself, even for one document: docs/benchmarks.md).
        """
        if where is None:
            return self.neighbours(k)
        if set(where) == {"plan_document"}:  # node ids tell the document
            keeps = cache(lambda document: where_matches({"plan_document": document}, where))
            sizes = self.store.document_sizes
            allowed = sum(n for document, n in sizes.items() if keeps(document))
            if allowed == 0:
                return []
            # Deep enough that k allowed nodes are likely among the first: a share of
            # 1/50 of the index looks 100·k deep at once, not 8·k, then 64·k, then deeper.
            first = max(k * DENSE_OVERFETCH, math.ceil(2 * k * sum(sizes.values()) / allowed))
            for depth in (first, first * 8):
                hits = [hit for hit in self.neighbours(depth) if keeps(document_of(hit[0]))][:k]
                if len(hits) == k or depth >= self.store.size:
                    return hits
        return self.store.nearest(self.vector, k, where)

    def keyword(self, k: int) -> list[tuple[str, float]]:
        """The ``k`` best BM25 hits of the asker's documents, as (id, score)."""
        if self._keyword is None or len(self._keyword) < k:
            # the question's neighbouring words written as one are asked too ("drawn
            # down": "Drawdowns from Reserves")
            text = " ".join([self.text, *joined_words(self.text)])
            self._keyword = (
                self.keywords.retrieve(text, k)
                if self.keywords is not None
                else self.store.keyword(text, k)
            )
        return self._keyword[:k]

    def nodes(self, ids: list[str]) -> dict[str, tuple[StoredNode, Any]]:
        """``{id: (node, vector)}``, read from the node table once per question."""
        missing = [i for i in ids if i not in self._rows]
        if missing:
            self._rows.update(self.store.nodes.rows(missing, vectors=True))
        return {
            i: (
                StoredNode(id=i, text=self._rows[i][0], metadata=self._rows[i][1]),
                self._rows[i][2],
            )
            for i in ids
            if i in self._rows
        }

    def hybrid(self, k: int, where: dict[str, Any] | None = None) -> list[Candidate]:
        """Top ``k`` nodes by fused rank; ``where`` restricts both retrievers before ranking."""
        import numpy as np

        pool = max(POOL, k)
        dense = self.dense(pool, where)
        keyword = self.keyword(pool * 2)
        by_document = where is None or set(where) == {"plan_document"}
        if by_document:
            keyword = [
                h for h in keyword if where_matches({"plan_document": document_of(h[0])}, where)
            ][:pool]
        read = self.nodes([i for i, _ in dense] + [i for i, _ in keyword])
        if not by_document:
            keyword = [
                h for h in keyword if h[0] in read and where_matches(read[h[0]][0].metadata, where)
            ][:pool]
        found: dict[str, Candidate] = {}
        for rank, (node_id, cosine) in enumerate(h for h in dense if h[0] in read):
            found[node_id] = Candidate(
                node=read[node_id][0], cosine=cosine, dense_rank=rank, fused=1.0 / (RRF_K + rank)
            )
        keyword_only = [
            node_id for node_id, _ in keyword if node_id not in found and node_id in read
        ]
        if keyword_only:
            # Stored vectors are unit length (normalised at embedding): a dot product is the cosine.
            cosines = np.asarray([read[i][1] for i in keyword_only], dtype=np.float32) @ np.asarray(
                self.vector, dtype=np.float32
            )
            for node_id, cosine in zip(keyword_only, cosines.tolist(), strict=False):
                found[node_id] = Candidate(node=read[node_id][0], cosine=cosine)
        for rank, (node_id, score) in enumerate(h for h in keyword if h[0] in found):
            cand = found[node_id]
            cand.bm25, cand.bm25_rank = score, rank
            cand.fused += 1.0 / (RRF_K + rank)
        return sorted(found.values(), key=lambda c: c.fused, reverse=True)[:k]


def named_first(search: Search, ids: list[str], candidates: list[Candidate]) -> list[Candidate]:
    """``candidates`` led by the stored nodes ``ids`` (rows or records the question names by
    label), each with its cosine to the question, marked ``named``; no node twice."""
    import numpy as np

    if not ids:
        return candidates
    read = search.nodes(ids)
    vector = np.asarray(search.vector, dtype=np.float32)
    first = [
        Candidate(node=node, cosine=float(np.asarray(vec, dtype=np.float32) @ vector), named=True)
        for node, vec in (read[i] for i in ids if i in read)
    ]
    return led_by(first, candidates)


def led_by(first: list[Candidate], rest: list[Candidate]) -> list[Candidate]:
    """``first``, then the candidates of ``rest`` that are not among them: no node twice."""
    held = {c.node.id for c in first}
    return first + [c for c in rest if c.node.id not in held]
