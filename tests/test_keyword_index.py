"""The BM25 index: llama-index's BM25Retriever's scores and order, from node ids alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexing.chunking import document_nodes
from indexing.keyword_index import NODE_IDS, KeywordIndex, write_keyword_index
from indexing.store import IndexStore

QUESTIONS = [
    "what's the latest on the one stop shop for homeless people?",
    "CCTV in the city centre",
    "Carers MK",
    "who owns 12.1?",
    "rats",
    "balanced budget 2019/20",
]


@pytest.fixture(scope="module")
def nodes(corpus_settings):
    return [
        node for doc in IndexStore.open(corpus_settings).documents for node in document_nodes(doc)
    ]


def test_same_hits_and_scores_as_llama_index_bm25_retriever(nodes, tmp_path: Path) -> None:
    import Stemmer
    from llama_index.retrievers.bm25 import BM25Retriever

    write_keyword_index(
        [n.node_id for n in nodes], [n.get_content() for n in nodes], tmp_path / "bm25"
    )
    ours = KeywordIndex.load(tmp_path / "bm25")
    theirs = BM25Retriever.from_defaults(
        nodes=nodes,
        similarity_top_k=len(nodes),
        stemmer=Stemmer.Stemmer("english"),
        language="english",
    )
    position = {n.node_id: i for i, n in enumerate(nodes)}
    for question in QUESTIONS:
        hits = [
            (hit.node.node_id, round(hit.score, 5))
            for hit in theirs.retrieve(question)
            if hit.score > 0
        ]
        # The retriever orders equal scores arbitrarily; ours puts them in node order.
        expected = sorted(hits, key=lambda hit: (-hit[1], position[hit[0]]))
        got = [(node_id, round(score, 5)) for node_id, score in ours.retrieve(question, len(nodes))]
        assert got == expected, question
        assert got, question
        top = ours.retrieve(question, 5)
        assert [node_id for node_id, _ in top] == [node_id for node_id, _ in got[:5]], question


def test_reads_an_index_written_by_bm25_retriever(nodes, tmp_path: Path) -> None:
    """A generation built before node_ids.json existed still answers after an upgrade."""
    import Stemmer
    from llama_index.retrievers.bm25 import BM25Retriever

    BM25Retriever.from_defaults(
        nodes=nodes, stemmer=Stemmer.Stemmer("english"), language="english"
    ).persist(str(tmp_path / "old"))
    assert not (tmp_path / "old" / NODE_IDS).exists()
    old = KeywordIndex.load(tmp_path / "old")
    write_keyword_index(
        [n.node_id for n in nodes], [n.get_content() for n in nodes], tmp_path / "new"
    )
    new = KeywordIndex.load(tmp_path / "new")
    for question in QUESTIONS:
        assert old.retrieve(question, 10) == new.retrieve(question, 10)


def test_asks_for_no_more_than_it_holds(tmp_path: Path) -> None:
    write_keyword_index(
        ["a:1", "a:2"], ["rat population control", "library opening hours"], tmp_path / "bm25"
    )
    index = KeywordIndex.load(tmp_path / "bm25")
    assert index.retrieve("rats", 50) == [("a:1", pytest.approx(index.retrieve("rats", 1)[0][1]))]
    assert index.retrieve("rats", 0) == []
    assert index.retrieve("nothing in common", 5) == []


def test_equal_scores_come_in_node_order_and_the_cut_keeps_the_first(tmp_path: Path) -> None:
    texts = ["rat control", "library hours", "rat control", "rat control", "park benches"]
    write_keyword_index([f"d:{i}" for i in range(5)], texts, tmp_path / "bm25")
    index = KeywordIndex.load(tmp_path / "bm25")
    assert [node_id for node_id, _ in index.retrieve("rat", 10)] == ["d:0", "d:2", "d:3"]
    assert [node_id for node_id, _ in index.retrieve("rat", 2)] == ["d:0", "d:2"]


def test_an_update_tokenizes_only_changed_text_and_ranks_as_a_fresh_build(
    nodes, tmp_path: Path
) -> None:
    ids, texts = [n.node_id for n in nodes], [n.get_content() for n in nodes]
    assert write_keyword_index(ids, texts, tmp_path / "first") == len(nodes)
    rat = next(i for i, t in enumerate(texts) if "rat population" in t)
    edited = (
        texts[:rat] + [texts[rat].replace("rat population", "pigeon population")] + texts[rat + 1 :]
    )
    added_ids, added = (
        ids + ["extra:1"],
        edited + ["A new commitment on pigeon control in Bletchley"],
    )
    assert (
        write_keyword_index(added_ids, added, tmp_path / "update", previous=tmp_path / "first") == 2
    )
    write_keyword_index(added_ids, added, tmp_path / "fresh")
    update, fresh = KeywordIndex.load(tmp_path / "update"), KeywordIndex.load(tmp_path / "fresh")
    for question in QUESTIONS + ["pigeon control", "rat population"]:
        assert update.retrieve(question, 20) == fresh.retrieve(question, 20), question
    assert update.retrieve("pigeon", 5)[0][0] in {"extra:1", ids[rat]}


def test_a_damaged_token_file_means_tokenizing_everything(nodes, tmp_path: Path) -> None:
    ids, texts = [n.node_id for n in nodes], [n.get_content() for n in nodes]
    write_keyword_index(ids, texts, tmp_path / "first")
    (tmp_path / "first" / "tokens.json").write_text("{not json", encoding="utf-8")
    assert write_keyword_index(ids, texts, tmp_path / "again", previous=tmp_path / "first") == len(
        nodes
    )
    assert write_keyword_index(ids, texts, tmp_path / "third", previous=tmp_path / "again") == 0


@pytest.mark.parametrize("question", ["the", "a", "is it", "is that it?", "?!", "I"])
def test_a_question_of_only_common_words_has_no_hits_not_an_error(
    tmp_path: Path, question: str
) -> None:
    """bm25s raises IndexError on a query with no token left after stop words."""
    write_keyword_index(
        ["d:1", "d:2"],
        ["The bus station lease is renewed", "Is it a rat survey?"],
        tmp_path / "bm25",
    )
    index = KeywordIndex.load(tmp_path / "bm25")
    assert index.retrieve(question, 5) == []
    assert [node_id for node_id, _ in index.retrieve("the lease", 5)] == ["d:1"]
