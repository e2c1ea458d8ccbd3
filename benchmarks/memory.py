"""Peak RSS of ``planbot ingest`` and of a process holding the Assistant (the Slack bot).

    python -m benchmarks.memory --items 100000          # first build (long: see notes)
    python -m benchmarks.memory --items 100000 --reuse  # keep the index, re-measure the rest

The ingest runs as its own process (``planbot ingest --json CORPUS``) and its peak RSS
is the kernel's ``ru_maxrss`` for that child (``os.wait4``), so nothing is missed
between polls. With ``--profile`` py-spy samples it from outside (10 Hz) and the top
functions by own and total time are reported. The bot's footprint is measured in a
second process that does what ``planbot slack`` does before its first answer — builds
an ``Assistant`` and answers — and reads its ``VmRSS``/``VmHWM`` after each stage.

The first build's wall time and RSS are kept in ``SCRATCH/memory-N.json`` so a later
``--reuse`` run still reports them.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import ROOT, SCRATCH, synthetic_corpus, table, write_section

BOT_SCRIPT = r"""
import json, sys, time
def rss():
    fields = dict(l.split(':', 1) for l in open('/proc/self/status') if l.startswith(('VmRSS', 'VmHWM')))
    return {k: round(int(v.split()[0]) / 1024) for k, v in fields.items()}
stages = [('python started', rss(), 0.0)]
t = time.perf_counter()
from assistant.config import Settings
from assistant.answering.router import Assistant
stages.append(('imports (assistant.answering.router)', rss(), time.perf_counter() - t))
assistant = Assistant(Settings(data_dir=sys.argv[1]))
store = assistant.store
t = time.perf_counter(); store.documents
stages.append(('parsed documents (documents.json)', rss(), time.perf_counter() - t))
t = time.perf_counter(); store.collection.count()
stages.append(('Chroma collection opened', rss(), time.perf_counter() - t))
t = time.perf_counter(); store.bm25
stages.append(('BM25 index loaded', rss(), time.perf_counter() - t))
from indexing.embedding import embed_one, query_encoder
t = time.perf_counter(); embed_one('warm up')
runtime = 'ONNX Runtime' if type(query_encoder()).__name__ == 'OnnxEncoder' else 'torch'
stages.append(('question encoder loaded (' + runtime + ')', rss(), time.perf_counter() - t))
t = time.perf_counter()
for q in json.loads(sys.argv[2]):
    assistant.ask(q)
stages.append(('after answering the questions', rss(), time.perf_counter() - t))
print(json.dumps(stages))
"""

QUESTIONS = [
    "what's the latest on the one stop shop for homeless people?",
    "who owns 3.2?",
    "which commitments are amber?",
    "what is happening about rough sleeping?",
    "what is the 2025/26 budget?",
    "how is the transport strategy going?",
]


def measure_ingest(corpus: Path, data_dir: Path, profile: bool, fast_embed: bool = False) -> dict:
    env = {**os.environ, "PLANBOT_DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1"}
    if fast_embed:
        env["PLANBOT_BENCH_FAST_EMBED"] = "1"
    out = tempfile.NamedTemporaryFile("w+", suffix=".json", delete=False)
    started = time.perf_counter()
    command = [sys.executable, "-m", "benchmarks._planbot", "ingest", "--json", str(corpus)]
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.DEVNULL)
    spy = None
    stacks = SCRATCH / f"ingest-{corpus.name}.pyspy.txt"
    if profile and shutil.which("py-spy"):
        spy = subprocess.Popen(
            [
                "py-spy",
                "record",
                "--pid",
                str(proc.pid),
                "--rate",
                "10",
                "--format",
                "raw",
                "--output",
                str(stacks),
                "--nonblocking",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    if spy is not None:
        spy.wait(timeout=120)
    out.seek(0)
    text = out.read()
    report = json.loads(text[text.index("{") :]) if "{" in text else {}
    result = {
        "wall_s": round(wall, 1),
        "exit": os.waitstatus_to_exitcode(status),
        "peak_rss_mib": round(usage.ru_maxrss / 1024),
        "embedded": report.get("embedded"),
        "items": sum(d.get("items", 0) for d in report.get("documents", [])),
        "passages": sum(d.get("passages", 0) for d in report.get("documents", [])),
        "documents": len(report.get("documents", [])),
        "profile": str(stacks) if spy is not None else None,
        "fast_embed": fast_embed,
    }
    return result


def top_functions(stacks_file: Path, n: int = 12) -> tuple[list[list[object]], int]:
    """py-spy's raw (collapsed) stacks → the functions with most own and total samples."""
    own: collections.Counter[str] = collections.Counter()
    total: collections.Counter[str] = collections.Counter()
    samples = 0
    for line in stacks_file.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        weight = int(count)
        samples += weight
        frames = [
            f.split(" (")[0] + " (" + f.split(" (")[1].split(":")[0].split("/")[-1] + ")"
            if " (" in f
            else f
            for f in stack.split(";")
        ]
        own[frames[-1]] += weight
        for frame in set(frames):
            total[frame] += weight
    interesting = [
        (f, c)
        for f, c in total.most_common(200)
        if any(
            k in f
            for k in (
                "ingest.py",
                "store.py",
                "embedding.py",
                "chunking.py",
                "readers/",
                "encode",
                "add (",
                "persist",
                "from_defaults",
                "_write",
                "_reusable",
                "upsert",
                "_add",
            )
        )
    ][:n]
    rows = [
        [f"`{f}`", f"{100 * c / samples:.1f}%", f"{100 * own.get(f, 0) / samples:.1f}%"]
        for f, c in interesting
    ]
    return rows, samples


def measure_bot(data_dir: Path) -> list:
    proc = subprocess.run(
        [sys.executable, "-c", BOT_SCRIPT, str(data_dir), json.dumps(QUESTIONS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument(
        "--reuse", action="store_true", help="keep an existing index (no first build)"
    )
    parser.add_argument("--profile", action="store_true", help="sample the first build with py-spy")
    parser.add_argument(
        "--fast-embed",
        action="store_true",
        help="first build only: sentence-cached vectors instead of encoding every text (benchmarks/_planbot.py)",
    )
    args = parser.parse_args(argv)

    corpus = synthetic_corpus(args.items)
    data_dir = SCRATCH / f"index-{args.items}"
    saved = SCRATCH / f"memory-{args.items}.json"
    results = json.loads(saved.read_text()) if saved.exists() else {}
    if not args.reuse or not (data_dir / "CURRENT").exists():
        shutil.rmtree(data_dir, ignore_errors=True)
        print(f"first build of {data_dir} …", flush=True)
        results["first"] = measure_ingest(corpus, data_dir, args.profile, args.fast_embed)
        results["first"]["date"] = time.strftime("%Y-%m-%d %H:%M")
        saved.write_text(json.dumps(results, indent=1))
    print("re-ingest (nothing changed) …", flush=True)
    results["again"] = measure_ingest(corpus, data_dir, profile=False)
    saved.write_text(json.dumps(results, indent=1))
    print("bot process …", flush=True)
    stages = measure_bot(data_dir)
    results["bot"] = stages
    saved.write_text(json.dumps(results, indent=1))
    print(json.dumps(results, indent=1))

    first, again = results["first"], results["again"]
    body = [
        f"Synthetic corpus of {args.items:,} plan items ({first['documents']} documents, "
        f"{first['items']:,} items + {first['passages']:,} passages = {first['embedded']:,} texts embedded).",
        "",
        table(
            ["run", "wall time", "texts embedded", "texts/s (end to end)", "peak RSS"],
            [
                [
                    f"first build ({first.get('date', '')}{', fast-embed shortcut' if first.get('fast_embed') else ''})",
                    f"{first['wall_s']:,.0f} s",
                    f"{first['embedded']:,}",
                    f"{first['embedded'] / first['wall_s']:.1f}",
                    f"{first['peak_rss_mib']:,} MiB",
                ],
                [
                    "re-ingest, nothing changed",
                    f"{again['wall_s']:,.1f} s",
                    again["embedded"],
                    "–",
                    f"{again['peak_rss_mib']:,} MiB",
                ],
            ],
        ),
        "",
        "A process holding the Assistant (what `planbot slack` holds), stage by stage:",
        "",
        table(
            ["stage", "seconds", "RSS", "peak RSS"],
            [
                [name, f"{sec:.2f}", f"{mem.get('VmRSS', 0):,} MiB", f"{mem.get('VmHWM', 0):,} MiB"]
                for name, mem, sec in stages
            ],
        ),
    ]
    if first.get("profile") and Path(first["profile"]).exists():
        rows, samples = top_functions(Path(first["profile"]))
        body += [
            "",
            f"Where the first build's time goes (py-spy, {samples:,} samples at 10 Hz; share of all samples):",
            "",
            table(["function", "total", "own"], rows),
        ]
    write_section(
        f"memory-{args.items}", f"Memory and the {args.items:,}-item ingest", "\n".join(body)
    )


if __name__ == "__main__":
    main()
