"""The two report charts (matplotlib PNGs): accuracy per tag, and latency.

Drawn with the non-interactive Agg backend so a report can be written on a server or
in CI with no display.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

from evals.runner import EvalRun

COLOURS = {"ours": "#1f6f8b", "baseline": "#c8553d"}


def _bars(run: EvalRun) -> list[tuple[str, str, str, str]]:
    """(kind, group, metric, label) per bar group: answer accuracy, or — for a tag whose
    questions are mostly unanswerable — how often it declined, which is what it tests."""
    bars: list[tuple[str, str, str, str]] = []
    for system in run.systems:
        for kind in system.kinds:
            for summary in [kind.overall, *kind.by_tag]:
                if summary is not kind.overall and summary.questions >= kind.overall.questions:
                    continue  # a tag on every question of the kind repeats the overall bar
                declines = summary.metrics["declines"].n > summary.metrics["answers"].n
                metric = "declines" if declines else "answer"
                overall = summary is kind.overall
                label = (
                    summary.group
                    if overall or kind.kind == "handwritten"
                    else f"{kind.kind}:{summary.group}"
                )
                label += " (declines)" if declines else ""
                if summary.value(metric) is not None and all(
                    b[:2] != (kind.kind, summary.group) for b in bars
                ):
                    bars.append((kind.kind, summary.group, metric, label))
    return bars


def _value(run_system, kind_name: str, group: str, metric: str) -> float:
    kind = run_system.kind(kind_name)
    if kind is None:
        return 0.0
    found = next((s for s in [kind.overall, *kind.by_tag] if s.group == group), None)
    return (found.value(metric) or 0.0) if found else 0.0


def accuracy_by_tag(run: EvalRun, path: Path) -> Path:
    """Grouped bars: accuracy per tag (and per generated field), one bar per system."""
    bars = _bars(run)
    fig, ax = plt.subplots(figsize=(max(6.0, 0.55 * len(bars) + 2), 4.4))
    width = 0.8 / max(1, len(run.systems))
    x = np.arange(len(bars))
    for offset, system in enumerate(run.systems):
        values = [_value(system, kind, group, metric) for kind, group, metric, _ in bars]
        ax.bar(
            x + offset * width - 0.4 + width / 2,
            values,
            width,
            label=system.system,
            color=COLOURS.get(system.system),
        )
    ax.set_xticks(x, [b[3] for b in bars], rotation=40, ha="right", fontsize=8)
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("accuracy")
    ax.set_title("Answer accuracy per tag (declines, for unanswerable tags)")
    ax.axhline(0.9, color="grey", linestyle=":", linewidth=1)
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def latency_histogram(run: EvalRun, path: Path) -> Path:
    """Per-question latency (log-spaced bins, since lookups take ms and searches ~1 s)."""
    fig, ax = plt.subplots(figsize=(6.5, 3.8))
    all_ms = [max(r.latency_ms, 0.1) for s in run.systems for r in s.results]
    low, high = (min(all_ms), max(all_ms)) if all_ms else (0.1, 1.0)
    bins: list[float] = np.geomspace(low, max(high, low * 1.01), 30).tolist()
    for system in run.systems:
        ms = [max(r.latency_ms, 0.1) for r in system.results]
        if ms:
            ax.hist(ms, bins=bins, alpha=0.6, label=system.system, color=COLOURS.get(system.system))
    ax.set_xscale("log")
    ax.set_xlabel("latency per question (ms, log scale)")
    ax.set_ylabel("questions")
    ax.set_title("Latency")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
