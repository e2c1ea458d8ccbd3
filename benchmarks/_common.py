"""Shared helpers of the benchmark scripts: the machine, timing, RSS, and the report file.

Every script rewrites only its own section of ``docs/benchmarks.md`` (between
``<!-- bench:NAME -->`` markers), so they can be run one at a time, in any order.
"""

from __future__ import annotations

import datetime as _dt
import os
import platform
import re
import shlex
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

REPORT = Path(os.environ.get("PLANBOT_BENCH_REPORT") or ROOT / "docs" / "benchmarks.md")
"""Where sections are written (``PLANBOT_BENCH_REPORT`` for a trial run elsewhere)."""
SCRATCH = Path(os.environ.get("PLANBOT_BENCH_DIR", "/tmp/planbot-bench"))
"""Where synthetic corpora and their indexes are kept between runs (reused if present)."""

_HEADER = """# Benchmarks

Measured by the scripts in `benchmarks/` (`python -m benchmarks.<name>`); each rewrites
its own section below with the machine, the date, the exact command and its numbers.
Synthetic corpora come from `benchmarks/synthetic.py` (variants of the real rows).
Targets (issue 7): ingest ≥ 0.8× the raw encoder; warm `ask` p95 < 150 ms at 100k items
and within 3× of Chroma's bare query; cold start < 4 s.
"""


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        ram = f"{kib / 2**20:.1f} GiB RAM"
    except (OSError, ValueError, IndexError):
        ram = "RAM unknown"
    try:
        import torch

        torch_info = f"torch {torch.__version__} ({torch.get_num_threads()} threads)"
    except ImportError:
        torch_info = "torch not installed"
    try:
        import chromadb

        chroma = f"chromadb {chromadb.__version__}"
    except ImportError:
        chroma = ""
    load = os.getloadavg()[0]
    return (
        f"{os.cpu_count()} CPUs ({cpu}), {ram}, Python {platform.python_version()}, "
        f"{torch_info}, {chroma}; load average at start {load:.2f}"
    )


def command_line() -> str:
    module = Path(sys.argv[0]).stem
    return (
        "python -m benchmarks." + module + (" " + shlex.join(sys.argv[1:]) if sys.argv[1:] else "")
    )


def write_section(name: str, title: str, body: str) -> None:
    """Replace (or append) the ``name`` section of docs/benchmarks.md."""
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    text = REPORT.read_text(encoding="utf-8") if REPORT.exists() else _HEADER
    stamp = _dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    section = (
        f"<!-- bench:{name} -->\n## {title}\n\n"
        f"- Machine: {machine()}\n- Date: {stamp}\n- Command: `{command_line()}`\n\n"
        f"{body.strip()}\n<!-- /bench:{name} -->\n"
    )
    pattern = re.compile(
        rf"<!-- bench:{re.escape(name)} -->.*?<!-- /bench:{re.escape(name)} -->\n?", re.S
    )
    text = (
        pattern.sub(lambda _: section, text)
        if pattern.search(text)
        else text.rstrip() + "\n\n" + section
    )
    REPORT.write_text(text, encoding="utf-8")
    print(f"wrote section '{name}' of {REPORT}")


def pct(values: list[float], q: float) -> float:
    """The q-th percentile (0–100), linear between ranks."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    pos = (len(ordered) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def summary_ms(values: list[float]) -> tuple[float, float, float]:
    """(p50, p95, mean) of seconds, in milliseconds."""
    ms = [v * 1000 for v in values]
    return round(pct(ms, 50), 1), round(pct(ms, 95), 1), round(statistics.fmean(ms), 1)


def table(header: list[str], rows: list[list[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def synthetic_corpus(items: int) -> Path:
    """The synthetic corpus of ``items`` plan items, generated once and reused."""
    from benchmarks.synthetic import generate

    path = SCRATCH / f"corpus-{items}"
    if not (path / "manifest.yaml").exists():
        print(f"generating {items:,} synthetic items in {path} …", flush=True)
        generate(path, items)
    return path


def planbot(*args: str) -> list[str]:
    """The argv of ``planbot ARGS`` run from this checkout (same as the console script)."""
    return [sys.executable, "-m", "connectors.cli", *args]


def run_planbot(args: list[str], env: dict[str, str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(planbot(*args), env={**os.environ, **env}, cwd=ROOT, **kw)


class Busy:
    """How many cores *other* processes kept busy while a block ran (noise on 2 cores).

    ``with Busy() as b: …`` then ``b.others`` (cores, e.g. 0.9), ``b.ours`` and
    ``b.seconds``. Read from ``/proc/stat`` (all CPUs) and ``os.times`` (this process
    and the children it waited for).
    """

    def __enter__(self) -> Busy:
        self._t0 = _wall()
        self._sys0 = _busy_seconds()
        self._own0 = _own_seconds()
        return self

    def __exit__(self, *exc: object) -> None:
        wall = max(_wall() - self._t0, 1e-9)
        busy = _busy_seconds() - self._sys0
        ours = _own_seconds() - self._own0
        self.ours = round(ours / wall, 2)
        self.others = round(max(0.0, busy - ours) / wall, 2)
        self.seconds = wall


def _busy_seconds() -> float:
    """CPU seconds all processes have used since boot (user + nice + system)."""
    fields = Path("/proc/stat").read_text().splitlines()[0].split()
    user, nice, system = (int(v) for v in fields[1:4])
    return (user + nice + system) / os.sysconf("SC_CLK_TCK")


def _own_seconds() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _wall() -> float:
    import time

    return time.perf_counter()


def ensure_index(items: int | None, fast_embed: bool = False) -> Path:
    """``SCRATCH/index-N`` built by ``planbot ingest`` (``None`` = the shipped corpus)."""
    data_dir = SCRATCH / (f"index-{items}" if items else "index-corpus")
    if (data_dir / "CURRENT").exists():
        return data_dir
    args = ["ingest"] + ([str(synthetic_corpus(items))] if items else [])
    env = {**os.environ, "PLANBOT_DATA_DIR": str(data_dir)}
    if fast_embed:
        env["PLANBOT_BENCH_FAST_EMBED"] = "1"
    print(f"building {data_dir} …", flush=True)
    subprocess.run(
        [sys.executable, "-m", "benchmarks._planbot", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return data_dir
