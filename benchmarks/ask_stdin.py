"""``planbot ask --json -`` with 50 questions on stdin: warm per-question latency.

    python -m benchmarks.ask_stdin                 # shipped corpus, 50 questions
    python -m benchmarks.ask_stdin --questions 50 --items 10000

One ``planbot ask --json -`` process (the real CLI) is fed the first N questions of the
hand-written eval set (the way councillors and officers type them: status, lists, refs,
people, figures, questions the documents don't cover), all at once on stdin. Each answer
line is time-stamped as it arrives: the first answer includes start-up (imports, model,
index); every later one is a warm question, measured from the previous answer's arrival
(so it includes JSON output and the pipe). The ``latency_ms`` each answer reports
(``Assistant.ask`` alone) is summarised next to it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import ROOT, Busy, ensure_index, planbot, summary_ms, table, write_section


def eval_questions(n: int) -> list[str]:
    from evals.sets import load_sets

    (handwritten,) = load_sets(["handwritten"])
    return [q.question for q in handwritten.questions if "draft" not in q.tags][:n]


def run(data_dir: Path, questions: list[str]) -> tuple[float, list[float], list[float]]:
    """(seconds to the first answer, warm gaps between answers, in-process latencies in s)."""
    env = {**os.environ, "PLANBOT_DATA_DIR": str(data_dir)}
    started = time.perf_counter()
    proc = subprocess.Popen(
        planbot("ask", "--json", "-"),
        cwd=ROOT,
        env=env,
        text=True,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write("\n".join(questions) + "\n")
    proc.stdin.close()
    arrivals: list[float] = []
    inside: list[float] = []
    for line in proc.stdout:
        arrivals.append(time.perf_counter())
        record = json.loads(line)
        latency = (record.get("metadata") or {}).get("latency_ms")
        if latency is not None:
            inside.append(latency / 1000)
    if proc.wait() != 0 or len(arrivals) != len(questions):
        raise SystemExit(
            f"planbot ask exited {proc.returncode} after {len(arrivals)} of {len(questions)} answers"
        )
    gaps = [b - a for a, b in zip(arrivals, arrivals[1:], strict=False)]
    return arrivals[0] - started, gaps, inside[1:]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=int, default=50)
    parser.add_argument(
        "--items", type=int, default=0, help="0 = the shipped corpus; else a synthetic index"
    )
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)

    data_dir = ensure_index(args.items or None, fast_embed=bool(args.items))
    questions = eval_questions(args.questions)
    run(data_dir, questions[:2])  # page cache warm
    rows = []
    for n in range(1, args.runs + 1):
        load = os.getloadavg()[0]
        with Busy() as b:
            first, gaps, inside = run(data_dir, questions)
        g50, g95, gmean = summary_ms(gaps)
        i50, i95, _ = summary_ms(inside)
        rows.append(
            [
                n,
                f"{load:.2f}",
                b.others,
                f"{first:.2f}",
                g50,
                g95,
                gmean,
                i50,
                i95,
                f"{b.seconds:.1f}",
            ]
        )
    name = "shipped corpus" if not args.items else f"synthetic {args.items:,}"
    body = f"""
{name}; {len(questions)} questions of `evals/sets/handwritten.yaml` (the first {
        len(questions)
    } that are not drafts)
piped into one `planbot ask --json -` process. *First answer* includes start-up. *Warm* = time
between consecutive answer lines for questions 2–{
        len(questions)
    }; *in `ask`* = the `latency_ms` each answer
reports. Load = 1-minute load average when the run began; *other load* = cores other processes kept busy.

{
        table(
            [
                "run",
                "load avg",
                "other load",
                "first answer s",
                "warm p50 ms",
                "warm p95 ms",
                "warm mean ms",
                "in `ask` p50 ms",
                "in `ask` p95 ms",
                "whole run s",
            ],
            rows,
        )
    }
"""
    write_section(
        "ask-stdin" + (f"-{args.items}" if args.items else ""),
        f"`planbot ask --json -`, {len(questions)} questions ({name})",
        body,
    )
    print(body)


if __name__ == "__main__":
    main()
