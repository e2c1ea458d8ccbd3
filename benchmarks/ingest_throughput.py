"""Ingest throughput: texts embedded per second by ``ingest`` vs the bare encoder (the ceiling).

    python -m benchmarks.ingest_throughput --items 1000
    python -m benchmarks.ingest_throughput --items 1000 --profile   # + pyinstrument tree

In one process, on one synthetic corpus (``benchmarks/synthetic.py``):

1. *ceiling*: the very texts ingest embeds, encoded by the same SentenceTransformer in
   one ``encode`` call (normalised, ingest's batch size ``PLANBOT_EMBED_BATCH_SIZE``,
   the fastest in the sweep of 5.) — what the hardware can do;
2. *ingest*: ``indexing.ingest.ingest`` into a fresh folder with the model already
   loaded, every stage timed by wrapping its function (no profiler overhead);
3. *sorted*: the same ingest with all its nodes ordered by text length before it starts
   (ingest sorts the texts it embeds itself, longest first, since this benchmark showed
   the gain; kept as a check that nothing is left there);
4. *planbot ingest*: the CLI from a fresh process, imports and model load included;
5. a sweep of batch size and torch threads on a sample of the texts, both in one
   ``encode`` call (sorted by length inside) and one call per batch in file order (how
   ingest called it before it passed many batches per call).

Each phase also records how many cores *other* processes kept busy: on a 2-core machine
a test run elsewhere halves the numbers, so read them with that column.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import random
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import ROOT, SCRATCH, Busy, planbot, synthetic_corpus, table, write_section


def corpus_texts(corpus: Path) -> list[str]:
    """The texts ``ingest`` embeds for ``corpus``, in the order it embeds them."""
    from indexing import ingest as ing
    from indexing.chunking import document_nodes
    from indexing.manifest import load_manifest
    from indexing.reading import ReadJob, read_file

    manifest = load_manifest(corpus / "manifest.yaml")
    files, _ = ing.discover([corpus], manifest)
    taken: set[str] = set()
    texts: list[str] = []
    for path in files:
        job = ReadJob(path=path, doc_id=ing._document_id(path, taken), source=str(path))
        doc = read_file(job, manifest).document
        if doc is not None:
            texts += [node.get_content() for node in document_nodes(doc)]
    return texts


class StageTimer:
    """Wraps ingest's stage functions and adds up the seconds spent in each."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)

    def wrap(self, owner: object, attr: str, label: str, stack: contextlib.ExitStack) -> None:
        original = getattr(owner, attr)

        @functools.wraps(original)
        def timed(*args, **kwargs):
            t = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds[label] += time.perf_counter() - t
                self.calls[label] += 1

        setattr(owner, attr, timed)
        stack.callback(setattr, owner, attr, original)


def run_ingest(
    corpus: Path, data_dir: Path, *, sort_by_length: bool = False, profile: Path | None = None
) -> tuple[float, int, StageTimer]:
    from assistant.config import Settings
    from indexing import embedding, parse_pool
    from indexing import ingest as ing

    shutil.rmtree(data_dir, ignore_errors=True)
    timer = StageTimer()
    with contextlib.ExitStack() as stack:
        timer.wrap(parse_pool, "read_file", "load + read files (in this process)", stack)
        timer.wrap(ing, "document_nodes", "build nodes", stack)
        timer.wrap(embedding, "embed", "embed (encoder)", stack)
        timer.wrap(ing, "_store_nodes", "Chroma add", stack)
        timer.wrap(ing, "_write_bm25", "BM25 build + persist", stack)
        timer.wrap(ing, "_write_json", "write documents/state JSON", stack)
        timer.wrap(ing, "_release_chroma", "close Chroma", stack)
        timer.wrap(ing, "prune_generations", "prune", stack)
        if sort_by_length:
            original = ing._reusable_embeddings

            def sorted_first(previous, nodes):  # the prototype: order nodes by text length
                nodes.sort(key=lambda n: len(n.get_content()), reverse=True)
                return original(previous, nodes)

            ing._reusable_embeddings = sorted_first
            stack.callback(setattr, ing, "_reusable_embeddings", original)
        profiler = None
        if profile is not None:
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.005)
            profiler.start()
        t = time.perf_counter()
        report = ing.ingest(Settings(data_dir=data_dir), [corpus])
        seconds = time.perf_counter() - t
        if profiler is not None:
            profiler.stop()
            profile.write_text(
                profiler.output_text(unicode=False, show_all=False), encoding="utf-8"
            )
    return seconds, report.embedded, timer


def encode_rate(texts: list[str], batch: int, *, one_call: bool) -> float:
    from indexing.embedding import embed

    t = time.perf_counter()
    if one_call:
        embed(texts, batch_size=batch)
    else:
        for start in range(0, len(texts), 64):
            embed(texts[start : start + 64], batch_size=batch)
    return len(texts) / (time.perf_counter() - t)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument(
        "--sample", type=int, default=256, help="texts per batch/thread sweep point"
    )
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)

    import torch

    from indexing.embedding import embed, get_model

    corpus = synthetic_corpus(args.items)
    texts = corpus_texts(corpus)
    model = get_model()
    tokens = [
        len(ids)
        for ids in model.tokenizer(texts, truncation=True, max_length=model.max_seq_length)[
            "input_ids"
        ]
    ]
    tokens.sort()
    embed(texts[:64])  # warm up (first calls pay for allocation and kernel selection)
    threads = torch.get_num_threads()
    rows: list[list[object]] = []

    from assistant.config import Settings

    batch = Settings().embed_batch_size
    with Busy() as b:
        t = time.perf_counter()
        embed(texts, batch_size=batch)
        ceiling = len(texts) / (time.perf_counter() - t)
    rows.append(
        [f"ceiling: `encode(all texts, batch_size={batch})`", f"{ceiling:.1f}", "1.00", b.others]
    )

    profile = SCRATCH / f"ingest-{args.items}.pyinstrument.txt" if args.profile else None
    with Busy() as b:
        secs, embedded, timer = run_ingest(corpus, SCRATCH / "tp-index", profile=profile)
    ingest_rate = embedded / secs
    rows.append(
        [
            "`ingest()` as shipped (model warm)",
            f"{ingest_rate:.1f}",
            f"{ingest_rate / ceiling:.2f}",
            b.others,
        ]
    )

    with Busy() as b:
        secs_p, embedded_p, timer_p = run_ingest(corpus, SCRATCH / "tp-index", sort_by_length=True)
    proto_rate = embedded_p / secs_p
    rows.append(
        [
            "`ingest()` with all nodes sorted by length first",
            f"{proto_rate:.1f}",
            f"{proto_rate / ceiling:.2f}",
            b.others,
        ]
    )

    with Busy() as b:
        shutil.rmtree(SCRATCH / "tp-cli", ignore_errors=True)
        t = time.perf_counter()
        subprocess.run(
            planbot("ingest", str(corpus)),
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**__import__("os").environ, "PLANBOT_DATA_DIR": str(SCRATCH / "tp-cli")},
        )
        cli_secs = time.perf_counter() - t
    rows.append(
        [
            "`planbot ingest` (fresh process: imports + model load)",
            f"{embedded / cli_secs:.1f}",
            f"{embedded / cli_secs / ceiling:.2f}",
            b.others,
        ]
    )

    stages = table(
        ["stage", "shipped: seconds", "share", "sorted first: seconds"],
        [
            [
                label,
                f"{timer.seconds[label]:.2f}",
                f"{100 * timer.seconds[label] / secs:.1f}%",
                f"{timer_p.seconds.get(label, 0):.2f}",
            ]
            for label in timer.seconds
        ]
        + [
            [
                "(everything else)",
                f"{secs - sum(timer.seconds.values()):.2f}",
                f"{100 * (secs - sum(timer.seconds.values())) / secs:.1f}%",
                f"{secs_p - sum(timer_p.seconds.values()):.2f}",
            ],
            ["total", f"{secs:.2f}", "100%", f"{secs_p:.2f}"],
        ],
    )
    embed_only = embedded / timer.seconds["embed (encoder)"]

    # Sweep: batch size × threads, on a random sample, as ingest calls it today and sorted.
    rng = random.Random(1)
    sample = rng.sample(texts, min(args.sample, len(texts)))
    sweep: list[list[object]] = []
    for n_threads in sorted({1, threads}, reverse=True):
        torch.set_num_threads(n_threads)
        embed(sample[:32], batch_size=32)
        for batch in (16, 32, 64, 128, 256):
            if n_threads != threads and batch not in (32, 64):
                continue
            with Busy() as b:
                sorted_rate = encode_rate(sample, batch, one_call=True)
            with Busy() as b2:
                chunked = (
                    encode_rate(sample, batch, one_call=False) if batch <= 64 else float("nan")
                )
            sweep.append(
                [
                    n_threads,
                    batch,
                    f"{sorted_rate:.1f}",
                    "–" if chunked != chunked else f"{chunked:.1f}",
                    max(b.others, b2.others),
                ]
            )
    torch.set_num_threads(threads)

    body = f"""
Synthetic corpus: {args.items:,} plan items → {len(texts):,} texts (items + passages); word pieces per
text p10/p50/p90/max = {tokens[len(tokens) // 10]}/{tokens[len(tokens) // 2]}/{tokens[9 * len(tokens) // 10]}/{tokens[-1]}
(MiniLM reads at most {model.max_seq_length}). torch threads: {threads}. "Other load" = cores that other processes
kept busy during the phase (2 cores in all).

{table(["run", "texts/s", "× ceiling", "other load (cores)"], rows)}

Inside the shipped ingest the encoder alone ran at {embed_only:.1f} texts/s ({embed_only / ceiling:.2f}× the ceiling);
the rest of the gap between ingest and the ceiling is the other stages below. Stage by stage:

{stages}

Batch size and threads ({len(sample)} sampled texts; "one call" = one `encode` call, which orders by length
internally, as ingest does per 64 batches; "per batch" = `encode` per 64 texts in file order, as ingest did before):

{table(["torch threads", "batch_size", "one call texts/s", "per batch texts/s", "other load"], sweep)}
"""
    if profile is not None:
        body += f"\npyinstrument tree of the shipped ingest: `{profile}`.\n"
    write_section(f"ingest-{args.items}", f"Ingest throughput ({args.items:,} items)", body)
    print(body)


if __name__ == "__main__":
    main()
