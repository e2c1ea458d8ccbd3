"""How many of the exact nearest nodes Chroma's graph search returns, and at what cost,
for its default search width and for the one Plan Assistant sets (``SEARCH_EF``).

    python -m benchmarks.dense_recall                       # shipped corpus and real papers
    python -m benchmarks.dense_recall --k 20 --widths 100 400

For each index (the shipped corpus's and the real papers', built by ``planbot ingest``
into the scratch folder if missing), every vector of its collection is loaded into an
in-memory Chroma collection per search width, inserted in the same order; each known-
answer question of that corpus (``evals/sets``) is encoded once, and its ``k`` nearest
nodes asked of every collection. Recall is the share of the exact ``k`` nearest (numpy,
every stored vector) that the collection returns — the limit, 1.0, is that exact search,
whose time is measured in the same run beside Chroma's.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import ROOT, SCRATCH, run_planbot, summary_ms, table, write_section

CORPORA = {
    "shipped corpus": (ROOT / "corpus", None),
    "real papers (evals/corpus-real)": (ROOT / "evals" / "corpus-real", "evals/corpus-real"),
}


def _index(name: str, corpus: Path) -> Path:
    """The data folder of ``corpus``'s index in the scratch folder, ingested if missing."""
    data = SCRATCH / f"dense-recall-{corpus.name}"
    if not (data / "CURRENT").exists():
        env = {**os.environ, "PLANBOT_DATA_DIR": str(data), "PLANBOT_CORPUS_DIR": str(corpus)}
        print(f"indexing {name} into {data} …", flush=True)
        run_planbot(["ingest"], env, check=True)
    return data


def _questions(corpus_key: str | None) -> list[str]:
    """The questions of every shipped set asked of this corpus."""
    import yaml

    found: list[str] = []
    for path in sorted((ROOT / "evals" / "sets").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("corpus") == corpus_key:
            found += [q["question"] for q in data["questions"]]
    return found


def _stored(data: Path) -> tuple[list[str], list[list[float]]]:
    from assistant.config import Settings
    from indexing.store import IndexStore

    store = IndexStore.open(Settings(data_dir=data, corpus_dir=data))
    got = store.collection.get(include=["embeddings"])
    return list(got["ids"]), [list(map(float, v)) for v in got["embeddings"]]


def measure(name: str, corpus: Path, corpus_key: str | None, k: int, widths: list[int]) -> list:
    import chromadb
    import numpy as np
    from chromadb.config import Settings as ChromaSettings

    from indexing.embedding import embed

    ids, vectors = _stored(_index(name, corpus))
    matrix = np.asarray(vectors, dtype=np.float32)
    questions = _questions(corpus_key)
    encoded = np.asarray(embed(questions), dtype=np.float32)
    exact_s: list[float] = []
    exact: list[set[str]] = []
    for vector in encoded:
        started = time.perf_counter()
        top = np.argsort(-(matrix @ vector))[:k]
        exact_s.append(time.perf_counter() - started)
        exact.append({ids[n] for n in top})
    rows = []
    client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
    for width in widths:
        collection = client.create_collection(
            name=f"recall-{width}",
            metadata={"hnsw:space": "cosine", "hnsw:search_ef": width},
            embedding_function=None,
        )
        for start in range(0, len(ids), 2000):
            collection.add(ids=ids[start : start + 2000], embeddings=vectors[start : start + 2000])
        took: list[float] = []
        found = 0
        missed = 0
        for vector, nearest in zip(encoded, exact, strict=True):
            started = time.perf_counter()
            hits = collection.query(query_embeddings=[vector.tolist()], n_results=k, include=[])
            took.append(time.perf_counter() - started)
            got = set(hits["ids"][0]) & nearest
            found += len(got)
            missed += len(got) < len(nearest)
        p50, p95, _ = summary_ms(took)
        rows.append(
            [
                name,
                f"{len(ids):,}",
                len(questions),
                width,
                f"{found / (k * len(questions)):.4f}",
                missed,
                f"{p50} / {p95}",
            ]
        )
        client.delete_collection(f"recall-{width}")
    p50, p95, _ = summary_ms(exact_s)
    rows.append(
        [name, f"{len(ids):,}", len(questions), "exact (numpy)", "1.0000", 0, f"{p50} / {p95}"]
    )
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--k", type=int, default=20, help="nearest nodes asked (default 20)")
    parser.add_argument(
        "--widths", type=int, nargs="+", default=[100, 400], help="HNSW search widths to compare"
    )
    args = parser.parse_args(argv)
    rows = []
    for name, (corpus, key) in CORPORA.items():
        rows += measure(name, corpus, key, args.k, args.widths)
    body = (
        f"Chroma's HNSW search against an exact search over every stored vector: the share of "
        f"the exact {args.k} nearest nodes it returns (recall), the questions for which it "
        "missed at least one, and the time of one query (p50 / p95 ms, `include=[]`). "
        "Chroma's default width is 100; Plan Assistant creates its collections with "
        "`hnsw:search_ef` = `indexing.store.SEARCH_EF`. Questions are the known-answer "
        "sets' questions of each corpus.\n\n"
        + table(
            [
                "index",
                "nodes",
                "questions",
                "search width",
                f"recall@{args.k}",
                "questions missing one",
                "query ms p50 / p95",
            ],
            rows,
        )
    )
    write_section("dense-recall", "Dense search recall (Chroma's graph search vs exact)", body)


if __name__ == "__main__":
    main()
