"""Questions kept to some documents: the post-filtered dense search (``Search.dense``)
must return exactly what Chroma's own ``where`` filter returns, by both of its paths, and
two rankings of one question must share Chroma's neighbours rather than ask again."""

from __future__ import annotations

import pytest

from assistant.answering import retrieve
from assistant.answering.retrieve import Search
from assistant.config import Settings
from indexing.embedding import embed_one
from indexing.store import IndexStore
from indexing.where import document_of

QUESTIONS = [
    "what's the latest on the one stop shop for homeless people?",
    "what are we doing about rats?",
    "how is the regeneration of the estates going?",
]


@pytest.fixture(scope="module")
def store(corpus_settings: Settings) -> IndexStore:
    return IndexStore.open(corpus_settings)


def chroma_filtered(
    store: IndexStore, vector: list[float], k: int, where: dict
) -> list[tuple[str, float]]:
    result = store.collection.query(
        query_embeddings=[vector], n_results=k, where=where, include=["distances"]
    )
    return [
        (i, round(1.0 - d, 5))
        for i, d in zip(result["ids"][0], result["distances"][0], strict=False)
    ]


def ids_and_scores(hits: list[tuple[str, float]]) -> list[tuple[str, float]]:
    return [(i, round(score, 5)) for i, score in hits]


@pytest.mark.parametrize("question", QUESTIONS)
@pytest.mark.parametrize("kept", ["one plan", "all but the Q2 update", "a prose document"])
def test_post_filtered_dense_equals_chromas_filter(
    store: IndexStore, question: str, kept: str
) -> None:
    ids = [d.id for d in store.documents]
    chosen = {
        "one plan": ["council-plan-commitments-2020"],
        "all but the Q2 update": [i for i in ids if i != "council-plan-delivery-update-q2-2017"],
        "a prose document": ["what-makes-us-mk-city-council"],
    }[kept]
    where = {"plan_document": chosen[0]} if len(chosen) == 1 else {"plan_document": {"$in": chosen}}
    vector = embed_one(question)
    search = Search(store, question, vector)
    got = search.dense(10, where)
    assert ids_and_scores(got) == chroma_filtered(store, vector, 10, where)
    assert {document_of(i) for i, _ in got} <= set(chosen)
    read = search.nodes([i for i, _ in got])
    assert all(
        node.metadata["plan_document"] == document_of(i) and node.text
        for i, (node, _) in read.items()
    )


def test_too_few_allowed_neighbours_still_gives_the_whole_filtered_top_k(
    store: IndexStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no over-fetch, a small document's nodes are not among the first k: the
    store must look deeper or ask Chroma to filter, never return a short list."""
    monkeypatch.setattr(retrieve, "DENSE_OVERFETCH", 1)
    where = {"plan_document": "improvement-analysis-feb-2006"}
    vector = embed_one("what's the latest on the one stop shop for homeless people?")
    got = Search(store, "", vector).dense(10, where)
    assert len(got) == 10
    assert ids_and_scores(got) == chroma_filtered(store, vector, 10, where)


def test_two_rankings_of_one_question_share_chromas_neighbours(
    store: IndexStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    nearest = store.nearest
    monkeypatch.setattr(
        store, "nearest", lambda vector, k, where=None: calls.append(k) or nearest(vector, k, where)
    )
    question = "what's the latest on the one stop shop for homeless people?"
    search = Search(store, question, embed_one(question))
    search.hybrid(10, {"plan_document": "council-plan-delivery-update-q2-2017"})  # looks 240 deep
    whole = search.hybrid(10)  # the first 30 of those
    assert calls == [min(240, store.size)]
    fresh = Search(store, question, search.vector).hybrid(10)
    assert [(c.node.id, round(c.cosine, 5), c.bm25_rank) for c in whole] == [
        (c.node.id, round(c.cosine, 5), c.bm25_rank) for c in fresh
    ]


def test_every_node_id_names_its_document(store: IndexStore) -> None:
    nodes = store.get()
    assert nodes and all(document_of(n.id) == n.metadata["plan_document"] for n in nodes)


@pytest.mark.parametrize("question", QUESTIONS)
def test_dense_neighbours_are_the_exact_nearest(store: IndexStore, question: str) -> None:
    """Chroma's graph search gives the same 20 nodes as an exact search over every stored
    vector: an approximate search that drops a node makes one index find an indicator and
    the next, built from the same files, miss it."""
    import numpy as np

    stored = store.collection.get(include=["embeddings"])
    vectors = np.asarray(stored["embeddings"], dtype=np.float32)
    vector = embed_one(question)
    exact = np.argsort(-(vectors @ np.asarray(vector, dtype=np.float32)))[:20]
    got = Search(store, question, vector).dense(20)
    assert [i for i, _ in got] == [stored["ids"][n] for n in exact]


def test_collection_searches_wide_enough(store: IndexStore) -> None:
    from indexing.store import SEARCH_EF

    assert store.collection.configuration_json["hnsw"]["ef_search"] == SEARCH_EF
