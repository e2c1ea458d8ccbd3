"""The BM25 index of a generation, written and read with ``bm25s``.

Files (``gen-…/bm25/``): bm25s's own score matrix and vocabulary; ``node_ids.json``, the
node id of each BM25 row; ``tokens.json``, each node's stemmed tokens and a digest of its
text, from which the next ingest reuses the tokens of every unchanged node. Only ids are
kept, not the nodes: hits are read from the node table (``node_table.py``) with their
vectors, so no second copy of every node's text and metadata sits in memory (1.2 GB at
100k items when the llama-index ``BM25Retriever`` corpus was loaded; docs/benchmarks.md).

Tokenisation is ``BM25Retriever``'s: Snowball English stems, its token pattern, English
stop words removed from the documents but not from the question, so scores and order
are what llama-index's retriever gives for the same nodes (``tests/test_keyword_index.py``).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from indexing.where import document_of

if TYPE_CHECKING:
    from indexing.store import IndexStore

TOKEN_PATTERN = r"(?u)\b\w\w+\b"  # llama-index BM25Retriever's default
NODE_IDS = "node_ids.json"
TOKENS = "tokens.json"


def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


def write_keyword_index(
    node_ids: list[str], texts: list[str], path: Path, previous: Path | None = None
) -> int:
    """Index ``texts`` (one per node, in the same order as ``node_ids``) at ``path``.

    Incremental: the stemmed tokens of every node are kept (``tokens.json``), and a node
    whose text is unchanged since the ``previous`` index takes its tokens from there;
    only new and edited texts are tokenized. The score matrix itself is rebuilt from the
    tokens, as it must be: BM25's idf is over the whole corpus, so one added document
    changes every score. Returns how many texts were tokenized.
    """
    import bm25s

    digests = [_digest(text) for text in texts]
    known = _load_tokens(previous / TOKENS) if previous is not None else {}
    tokens: list[list[str] | None] = [
        known[node_id][1] if node_id in known and known[node_id][0] == digest else None
        for node_id, digest in zip(node_ids, digests, strict=False)
    ]
    todo = [n for n, found in enumerate(tokens) if found is None]
    if todo:
        fresh = bm25s.tokenize(
            [texts[n] for n in todo],
            stopwords="english",
            stemmer=_stemmer(),
            token_pattern=TOKEN_PATTERN,
            return_ids=False,
            show_progress=False,
        )
        for n, words in zip(todo, fresh, strict=False):
            tokens[n] = words
    every = cast("list[list[str]]", tokens)  # each None slot was filled just above
    bm25 = bm25s.BM25()
    bm25.index(every, show_progress=False)
    bm25.save(str(path), show_progress=False)
    (path / NODE_IDS).write_text(json.dumps(node_ids), encoding="utf-8")
    vocab = {word: i for i, word in enumerate(sorted({w for words in every for w in words}))}
    (path / TOKENS).write_text(
        json.dumps(
            {
                "vocab": list(vocab),
                "nodes": [
                    [i, d, [vocab[w] for w in words]]
                    for i, d, words in zip(node_ids, digests, every, strict=False)
                ],
            }
        ),
        encoding="utf-8",
    )
    return len(todo)


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def _load_tokens(
    path: Path, documents: frozenset[str] | None = None
) -> dict[str, tuple[str, list[str]]]:
    """``{node id: (text digest, tokens)}`` of an earlier index, of the nodes of
    ``documents`` only when given; empty when it has none (an index written before
    tokens were kept, or a damaged file: all is tokenized)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        vocab = data["vocab"]
        return {
            node_id: (digest, [vocab[i] for i in ids])
            for node_id, digest, ids in data["nodes"]
            if documents is None or document_of(node_id) in documents
        }
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        return {}


class KeywordIndex:
    """BM25 search over a generation's nodes: node ids and scores, best first."""

    def __init__(self, bm25: Any, node_ids: list[str]) -> None:
        self._bm25 = bm25
        self._stemmer = _stemmer()
        self.node_ids = node_ids
        self.size = len(node_ids)

    @classmethod
    def load(cls, path: Path) -> KeywordIndex:
        import bm25s

        ids_file = path / NODE_IDS
        if ids_file.exists():
            return cls(
                bm25s.BM25.load(str(path), show_progress=False),
                json.loads(ids_file.read_text(encoding="utf-8")),
            )
        # A generation written by llama-index's BM25Retriever (before node_ids.json):
        # its corpus holds each row's node id; the rest of it is not needed.
        bm25 = bm25s.BM25.load(str(path), load_corpus=True, show_progress=False)
        node_ids = [entry["node_id"] for entry in bm25.corpus]
        bm25.corpus = None
        return cls(bm25, node_ids)

    @classmethod
    def over_documents(cls, path: Path, document_ids: frozenset[str]) -> KeywordIndex:
        """A BM25 index of the nodes of ``document_ids`` alone, built in memory from the
        tokens the generation keeps (``tokens.json``): its idf and average length come
        from those documents only, so a document outside them cannot change any score.
        An index without kept tokens gives no hits rather than the whole index's."""
        import bm25s

        kept = [
            (node_id, words)
            for node_id, (_, words) in _load_tokens(path / TOKENS, document_ids).items()
        ]
        if not kept:
            return cls(None, [])
        bm25 = bm25s.BM25()
        bm25.index([words for _, words in kept], show_progress=False)
        return cls(bm25, [node_id for node_id, _ in kept])

    def retrieve(self, question: str, k: int) -> list[tuple[str, float]]:
        """Up to ``k`` (node id, BM25 score) pairs with a score above zero, best first;
        equal scores in node order. A question with no indexable word (only stop words
        or one-letter words: "the", "is it?") has no hits rather than an error.

        Scores are bm25s's own (``get_scores``); the top k are chosen here from the nodes
        that share a word with the question, not by bm25s's ``retrieve``, which
        partitions the scores of every node: 7 ms a question at 100k nodes, nearly all
        zeros, against well under 1 ms for the few thousand that are not.
        """
        import bm25s
        import numpy as np

        if k <= 0 or self.size == 0:
            return []
        (tokens,) = bm25s.tokenize(
            question,
            stemmer=self._stemmer,
            token_pattern=TOKEN_PATTERN,
            return_ids=False,
            show_progress=False,
        )
        if not tokens:  # only stop words or one-letter words ("the", "is it"): nothing to match
            return []
        scores = self._bm25.get_scores(tokens)
        rows = np.flatnonzero(scores > 0)
        if len(rows) > k:  # keep every row that ties with the k-th best, then cut after sorting
            kth_best = np.partition(scores[rows], len(rows) - k)[len(rows) - k]
            rows = rows[scores[rows] >= kth_best]
        rows = rows[np.lexsort((rows, -scores[rows]))][:k]
        return [(self.node_ids[row], float(scores[row])) for row in rows.tolist()]


def scoped_keywords(store: IndexStore, document_ids: list[str]) -> KeywordIndex | None:
    """The BM25 index an asker who may see ``document_ids`` searches, kept on the store
    per document set: the generation's own when they are every document, otherwise one
    over those documents alone. A restricted paper's words would otherwise raise the idf
    and the average length every public score is computed with, and so reorder what a
    public asker is shown although the paper itself is never among the hits."""
    if store.bm25 is None or store.covers_every_document(document_ids):
        return store.bm25
    key = ("bm25", frozenset(document_ids))
    if key not in store.derived:
        store.derived[key] = KeywordIndex.over_documents(
            store.dir / "bm25", frozenset(document_ids)
        )
    return store.derived[key]
