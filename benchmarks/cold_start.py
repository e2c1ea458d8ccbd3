"""Cold start: ``planbot ask "…"`` from a fresh process to its first answer.

    python -m benchmarks.cold_start --runs 5

On the shipped corpus (indexed first if needed): the wall time of whole ``planbot ask``
processes (several runs, two kinds of question: one that needs the embedding model and
one answered by an exact ref lookup), where the time goes inside such a process (stage
by stage), and which imports cost most (``python -X importtime``, self time summed per
top-level package).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import ROOT, Busy, ensure_index, planbot, table, write_section

SEARCH_Q = "what's the latest on the one stop shop for homeless people?"
REF_Q = "who owns 12.1?"

STAGE_SCRIPT = r"""
import json, sys, time
t0 = time.perf_counter(); marks = []
def mark(name):
    marks.append((name, time.perf_counter() - t0))
import connectors.cli
mark('import connectors.cli')
from assistant.config import Settings
from assistant.answering.router import Assistant
mark('import assistant.answering.router')
a = Assistant(Settings(data_dir=sys.argv[1]))
store = a.store; store.documents
mark('open index + parse documents.json')
store.collection.count()
mark('import chromadb + open collection')
store.bm25
mark('import bm25s + load BM25 index')
from indexing.embedding import query_encoder
encoder = query_encoder()
mark('load question encoder (' + ('ONNX Runtime' if type(encoder).__name__ == 'OnnxEncoder' else 'torch') + ')')
a.ask(sys.argv[2])
mark('first ask')
print('torch imported:', 'torch' in sys.modules, file=sys.stderr)
print(json.dumps(marks))
"""


def wall_runs(question: str, data_dir: Path, runs: int) -> list[float]:
    env = {**os.environ, "PLANBOT_DATA_DIR": str(data_dir)}
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(
            planbot("ask", question),
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        times.append(time.perf_counter() - t)
    return times


def import_costs(question: str, data_dir: Path) -> tuple[list[tuple[str, float]], float]:
    env = {**os.environ, "PLANBOT_DATA_DIR": str(data_dir)}
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "connectors.cli", "ask", question],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    per_package: Counter[str] = Counter()
    total = 0.0
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
        if not m:
            continue
        self_us, name = int(m.group(1)), m.group(4)
        per_package[name.split(".")[0]] += self_us / 1e6
        total += self_us / 1e6
    return per_package.most_common(12), total


def stages(question: str, data_dir: Path) -> list[tuple[str, float]]:
    proc = subprocess.run(
        [sys.executable, "-c", STAGE_SCRIPT, str(data_dir), question],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)

    data_dir = ensure_index(None)
    wall_runs(REF_Q, data_dir, 1)  # page cache warm: what a second invocation sees
    rows = []
    for label, q in (("search question (needs the model)", SEARCH_Q), ("ref lookup", REF_Q)):
        with Busy() as b:
            times = wall_runs(q, data_dir, args.runs)
        rows.append(
            [
                label,
                f"`{q}`",
                f"{min(times):.2f}",
                f"{statistics.median(times):.2f}",
                f"{max(times):.2f}",
                b.others,
            ]
        )
    with Busy() as b:
        marks = stages(SEARCH_Q, data_dir)
    stage_rows, last = [], 0.0
    for name, at in marks:
        stage_rows.append([name, f"{at - last:.2f}", f"{at:.2f}"])
        last = at
    packages, total = import_costs(SEARCH_Q, data_dir)
    body = f"""
Shipped corpus index; `planbot ask` = `{" ".join(planbot("ask"))}` with `PLANBOT_DATA_DIR` set; the index
files are in the page cache (one run before timing). Seconds of wall time per process, {args.runs} runs each:

{table(["question", "text", "min s", "median s", "max s", "other load"], rows)}

Inside one fresh process answering the search question (seconds; other load {b.others} cores):

{table(["stage", "seconds", "cumulative"], stage_rows)}

Import time by top-level package (`python -X importtime`, self times summed; all imports
{total:.2f} s in that run):

{table(["package", "seconds"], [[f"`{p}`", f"{s:.2f}"] for p, s in packages])}
"""
    write_section("cold-start", "Cold start (`planbot ask` in a fresh process)", body)
    print(body)


if __name__ == "__main__":
    main()
