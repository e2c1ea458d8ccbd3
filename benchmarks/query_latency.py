"""Warm ``Assistant.ask`` latency next to Chroma's bare ``collection.query`` on the same index.

    python -m benchmarks.query_latency                       # shipped corpus, 10k, 100k
    python -m benchmarks.query_latency --sizes 0 10000       # 0 = the shipped corpus

For each index (built by ``planbot ingest`` if missing; see ``benchmarks/_common.py``):
one warm-up pass, then ``--rounds`` passes over a fixed set of questions. Every stage of
``ask`` is timed by wrapping its function: understanding the question (with the typo
fixer), embedding it, the dense query, BM25, reading the nodes found from the node table,
exact metadata lookups, and the rest (routing, relevance checks, composing the answer).
Next to it, with the very same question vectors: Chroma's own ``collection.query`` for
the same 30 neighbours, without and with the ``where`` filter ``ask`` sends, and BM25's
own ``retrieve``. Questions are grouped: *search* (status, fact, abstention — the hybrid
path), *ref* ("who owns 3.2?"), *list* ("which are amber?": an exact filter whose answer
grows with the index, so it is reported apart).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import Busy, ensure_index, summary_ms, table, write_section

QUESTIONS: list[tuple[str, str]] = [
    ("search", "what's the latest on the one stop shop for homeless people?"),
    ("search", "how is the rough sleeping action plan going?"),
    ("search", "what is happening with the transport strategy?"),
    ("search", "are we on track to set a balanced budget?"),
    ("search", "what are we doing about rats?"),
    ("search", "when will the civic refurbishment be finished?"),
    ("search", "what's the council doing about child poverty?"),
    ("search", "how many emergency placements are planned this winter?"),
    ("search", "what is the 2025/26 budget for e-scooters?"),
    ("search", "is the woodland trust planting going ahead?"),
    ("ref", "who owns 3.2?"),
    ("ref", "how is 12.1 rated?"),
    ("list", "which commitments are amber?"),
]
POOL = 30  # assistant.answering.retrieve.POOL: neighbours asked of Chroma per question
QUESTION_TO_HITS = "question → Chroma hits (encode + query, as `query_texts` does)"

STAGES = [
    "understand (+ typo fix)",
    "embed question",
    "dense (Chroma query, ids + distances)",
    "BM25",
    "nodes read (node table)",
    "exact lookups (Chroma get)",
]


class Stages:
    def __init__(self) -> None:
        self.current: dict[str, float] = defaultdict(float)

    def wrap(self, owner: object, attr: str, label: str, stack: contextlib.ExitStack) -> None:
        original = getattr(owner, attr)
        depth = [0]

        @functools.wraps(original)
        def timed(*args, **kwargs):
            depth[0] += 1
            t = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                depth[0] -= 1
                if depth[0] == 0:
                    self.current[label] += time.perf_counter() - t

        setattr(owner, attr, timed)
        stack.callback(setattr, owner, attr, original)


def measure(data_dir: Path, rounds: int) -> dict:
    from assistant.answering import router as service
    from assistant.answering.retrieve import Search
    from assistant.answering.router import Assistant, Scope
    from assistant.config import Settings
    from indexing import embedding
    from indexing.embedding import embed_one
    from indexing.store import IndexStore

    assistant = Assistant(Settings(data_dir=data_dir))
    store = assistant.store
    n_nodes = store.collection.count()
    n_items = sum(len(d.items) for d in store.documents)
    for _, q in QUESTIONS:  # warm-up: model, collection, BM25, documents, caches
        assistant.ask(q)

    stages = Stages()
    samples: dict[str, list[float]] = defaultdict(list)
    per_stage: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    with contextlib.ExitStack() as stack, Busy() as busy:
        stages.wrap(service, "understand", STAGES[0], stack)
        try:
            from indexing.terms import TermStats

            stages.wrap(TermStats, "correct", STAGES[0], stack)
        except ImportError:
            pass
        stages.wrap(embedding, "embed_one", STAGES[1], stack)
        stages.wrap(IndexStore, "nearest", STAGES[2], stack)
        stages.wrap(IndexStore, "keyword", STAGES[3], stack)
        stages.wrap(Search, "nodes", STAGES[4], stack)
        stages.wrap(IndexStore, "get", STAGES[5], stack)
        for _ in range(rounds):
            for group, q in QUESTIONS:
                stages.current.clear()
                t = time.perf_counter()
                answer = assistant.ask(q)
                total = time.perf_counter() - t
                samples[group].append(total)
                for label in STAGES:
                    per_stage[group][label].append(stages.current.get(label, 0.0))
                per_stage[group]["rest (routing, checks, compose)"].append(
                    total - sum(stages.current.values())
                )
                per_stage[group]["_citations"].append(len(answer.citations))
                # Freed here, not when the next answer replaces it: freeing a 20,000-row
                # list answer took ~100 ms and was being timed as the next question's.
                del answer

    # Chroma and BM25 on their own, with the same vectors and the same filter.
    scope = Scope.of(store, set(assistant.settings.default_access))
    where = scope.where()  # what ask sends: None when the asker may see every document
    all_but_one = {"plan_document": {"$in": scope.ids[1:]}}  # an asker kept from one document
    vectors = [embed_one(q) for _, q in QUESTIONS if _ == "search"]
    texts = [q for g, q in QUESTIONS if g == "search"]
    include = ["documents", "metadatas", "distances"]
    bare: dict[str, list[float]] = defaultdict(list)
    with Busy() as busy_bare:
        for _ in range(rounds):
            for v, q in zip(vectors, texts, strict=False):
                t = time.perf_counter()
                store.collection.query(query_embeddings=[v], n_results=POOL, include=include)
                bare["Chroma query, no filter"].append(time.perf_counter() - t)
                t = time.perf_counter()
                store.collection.query(
                    query_embeddings=[v], n_results=POOL, include=include, where=where
                )
                bare["Chroma query + ask's where filter"].append(time.perf_counter() - t)
                t = time.perf_counter()
                store.collection.query(query_embeddings=[v], n_results=POOL, include=["distances"])
                bare["Chroma query, ids + distances only"].append(time.perf_counter() - t)
                t = time.perf_counter()
                store.bm25.retrieve(q, 2 * POOL)
                bare["BM25 retrieve (bm25s)"].append(time.perf_counter() - t)
                t = time.perf_counter()
                embed_one(q)
                bare["encode one question"].append(time.perf_counter() - t)
                t = time.perf_counter()
                store.collection.query(
                    query_embeddings=[embed_one(q)], n_results=POOL, include=include, where=where
                )
                bare[QUESTION_TO_HITS].append(time.perf_counter() - t)
                # Last: its metadata scan slows whatever query comes next.
                t = time.perf_counter()
                store.collection.query(
                    query_embeddings=[v], n_results=POOL, include=include, where=all_but_one
                )
                bare["Chroma query, all documents but one"].append(time.perf_counter() - t)
    return {
        "nodes": n_nodes,
        "items": n_items,
        "documents": len(store.documents),
        "where": where,
        "samples": samples,
        "stages": per_stage,
        "bare": bare,
        "others": max(busy.others, busy_bare.others),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[0, 10_000, 100_000], help="0 = the shipped corpus"
    )
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument(
        "--real-embed",
        action="store_true",
        help="build missing synthetic indexes with the real encoder (hours at 100k) instead of the fast-embed shortcut",
    )
    args = parser.parse_args(argv)

    summary: list[list[object]] = []
    details: list[str] = []
    for size in args.sizes:
        data_dir = ensure_index(size or None, fast_embed=bool(size) and not args.real_embed)
        r = measure(data_dir, args.rounds)
        name = "shipped corpus" if not size else f"synthetic {size:,}"
        search = r["samples"]["search"]
        every = [s for group in r["samples"].values() for s in group]
        no_list = r["samples"]["search"] + r["samples"]["ref"]
        bare = r["bare"]["Chroma query + ask's where filter"]
        p50, p95, _ = summary_ms(search)
        b50, b95, _ = summary_ms(bare)
        q50, q95, _ = summary_ms(r["bare"][QUESTION_TO_HITS])
        summary.append(
            [
                name,
                f"{r['items']:,} / {r['nodes']:,}",
                f"{p50} / {p95}",
                "{} / {}".format(*summary_ms(no_list)[:2]),
                "{} / {}".format(*summary_ms(every)[:2]),
                "{} / {}".format(*summary_ms(r["bare"]["Chroma query, no filter"])[:2]),
                f"{b50} / {b95}",
                f"{p95 / b95:.1f}×" if b95 else "–",
                f"{q50} / {q95}",
                f"{p95 / q95:.1f}×" if q95 else "–",
                r["others"],
            ]
        )
        stage_rows = []
        for label in STAGES + ["rest (routing, checks, compose)"]:
            row = [label]
            for group in ("search", "ref", "list"):
                values = r["stages"][group][label]
                row.append(f"{1000 * statistics.fmean(values):.1f}" if values else "–")
            stage_rows.append(row)
        stage_rows.append(
            ["**total (mean)**"]
            + [
                f"**{1000 * statistics.fmean(r['samples'][g]):.1f}**"
                for g in ("search", "ref", "list")
            ]
        )
        stage_rows.append(
            ["citations per answer (mean)"]
            + [
                f"{statistics.fmean(r['stages'][g]['_citations']):.0f}"
                for g in ("search", "ref", "list")
            ]
        )
        bare_rows = [[label, *summary_ms(values)[:2]] for label, values in r["bare"].items()]
        where = str(r["where"])
        details.append(
            f"### {name}: {r['documents']:,} documents, {r['items']:,} items, {r['nodes']:,} nodes\n\n"
            f"Mean ms per `ask`, by stage (search = {len(search) // args.rounds} hybrid questions, ref = 2, list = 1; "
            f"{args.rounds} rounds):\n\n"
            + table(["stage", "search", "ref", "list"], stage_rows)
            + "\n\nThe same work done by the libraries alone (search questions, same vectors, "
            f"{POOL} neighbours; `where` = `{where[:80]}{'…' if len(where) > 80 else ''}`):\n\n"
            + table(["call", "p50 ms", "p95 ms"], bare_rows)
        )
    body = (
        "Warm `Assistant.ask` in one process (model, collection, BM25 and documents loaded). "
        "Synthetic indexes were built by `planbot ingest` with the fast-embed shortcut unless `--real-embed` "
        "(`benchmarks/_planbot.py`: sentence-cached real-model vectors, only to build 100k items in minutes; "
        "questions are embedded by the real model as usual). Columns are p50 / p95 in ms. *Chroma query* = `collection.query` "
        "for the same 30 neighbours given the question's vector, returning text and metadata; *× Chroma* = ask p95 (search) "
        "over that query's p95 with the same filter. *Chroma from the question* = the same query preceded by encoding the "
        "question with the same model, which is what Chroma's own `query_texts` does and what any answer from Chroma costs; "
        "*× Chroma from the question* = ask p95 over its p95. *Other load* = cores other processes kept busy (of 2).\n\n"
        + table(
            [
                "index",
                "items / nodes",
                "ask: search",
                "ask: search + ref",
                "ask: all incl. list",
                "Chroma query",
                "Chroma query + filter",
                "× Chroma",
                "Chroma from the question",
                "× Chroma from the question",
                "other load",
            ],
            summary,
        )
        + "\n\n"
        + "\n\n".join(details)
    )
    write_section("query-latency", "Query latency (warm ask vs Chroma)", body)
    print(body)


if __name__ == "__main__":
    main()
