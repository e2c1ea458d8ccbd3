"""What a run looks like: the terminal table and the report folder (``evals.compare``: changes).

The terminal shows one table per answerer and kind of set (overall, then per tag), a
side-by-side with the baseline when it ran, and our failures — the list a developer
works from. ``write_report`` leaves the same in a folder a reviewer can open:
``results.json`` (every question, answer and check; the input of ``--compare``),
``summary.md``, ``index.html`` and two PNG charts.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table
from rich.text import Text

from evals.charts import accuracy_by_tag, latency_histogram
from evals.runner import EvalRun, QuestionResult, SystemRun
from evals.summary import METRICS, Summary

if TYPE_CHECKING:
    from evals.compare import Comparison

COLUMNS = [
    "answer",
    "citation",
    "abstention",
    "declines",
    "hit@1",
    "hit@5",
    "mrr",
    "claims",
    "count",
    "p50_ms",
    "p95_ms",
]
SIDE_BY_SIDE = ["answer", "citation", "abstention", "hit@1", "hit@5", "mrr", "claims", "p50_ms"]
SHORT = {
    "answer": "ans",
    "citation": "cite",
    "abstention": "abst",
    "declines": "decl",
    "claims": "claim",
    "p50_ms": "p50ms",
    "p95_ms": "p95ms",
}
"""Terminal column headings, short so the per-tag table fits a 120-column log."""


def fmt(summary: Summary, metric: str) -> str:
    value = summary.value(metric)
    if value is None:
        return "–"
    return f"{value:.0f}" if metric.endswith("_ms") else f"{value:.2f}"


def _rows(system: SystemRun) -> list[tuple[str, Summary, bool]]:
    rows = []
    for kind in system.kinds:
        rows.append((kind.kind, kind.overall, True))
        if len(kind.by_corpus) > 1:
            rows += [(f"  corpus {s.group}", s, True) for s in kind.by_corpus]
        rows += [(f"  part {s.group}", s, False) for s in kind.by_part]
        if len(kind.by_document_kind) > 1:
            rows += [(f"  documents {s.group}", s, False) for s in kind.by_document_kind]
        rows += [
            (f"  {s.group}", s, False) for s in kind.by_tag if s.questions < kind.overall.questions
        ]
        if len(kind.by_set) > 1:
            rows += [(f"  set {s.group}", s, False) for s in kind.by_set]
    return rows


def failures(system: SystemRun) -> list[QuestionResult]:
    return [r for r in system.results if not r.passed]


def failure_line(result: QuestionResult) -> str:
    reasons = [result.error] if result.error else result.checks.problems()
    return f"{result.key}: {'; '.join(reasons)}"


# --- terminal -----------------------------------------------------------------------
def print_run(run: EvalRun, console: Console, max_failures: int = 30) -> None:
    """Tables per answerer, the baseline side by side, and our failures."""
    for system in run.systems:
        table = Table(
            title=f"{system.system}: {len(system.results)} questions", title_justify="left"
        )
        table.add_column("group")
        table.add_column("n", justify="right")
        for metric in COLUMNS:
            table.add_column(SHORT.get(metric, metric), justify="right")
        for label, summary, bold in _rows(system):
            style = "bold" if bold else None
            table.add_row(
                label, str(summary.questions), *[fmt(summary, m) for m in COLUMNS], style=style
            )
        console.print(table)
    ours, baseline = run.system("ours"), run.system("baseline")
    if ours and baseline:
        console.print(side_by_side(ours, baseline))
    if ours:
        failed = failures(ours)
        console.print(
            f"[bold]{len(failed)} of {len(ours.results)} questions failed[/bold]"
            + (":" if failed else "")
        )
        for result in failed[:max_failures]:
            console.print(Text.assemble(("  ✗ ", "red"), failure_line(result)))
        if len(failed) > max_failures:
            console.print(
                f"  … and {len(failed) - max_failures} more (all are in --report DIR/summary.md)"
            )


def side_by_side(ours: SystemRun, baseline: SystemRun) -> Table:
    table = Table(title="ours/baseline", title_justify="left")
    table.add_column("group")
    for metric in SIDE_BY_SIDE:
        table.add_column(SHORT.get(metric, metric), justify="right")
    theirs = {label: summary for label, summary, _ in _rows(baseline)}
    for label, summary, bold in _rows(ours):
        other = theirs.get(label)
        cells = [f"{fmt(summary, m)}/{fmt(other, m) if other else '–'}" for m in SIDE_BY_SIDE]
        table.add_row(label, *cells, style="bold" if bold else None)
    return table


# --- the report folder --------------------------------------------------------------
def _markdown_table(system: SystemRun) -> list[str]:
    lines = ["| group | n | " + " | ".join(COLUMNS) + " |", "|---" * (len(COLUMNS) + 2) + "|"]
    for label, summary, bold in _rows(system):
        name = f"**{label.strip()}**" if bold else label.strip()
        lines.append(
            f"| {name} | {summary.questions} | "
            + " | ".join(fmt(summary, m) for m in COLUMNS)
            + " |"
        )
    return lines


def summary_markdown(run: EvalRun, comparison: Comparison | None = None) -> str:
    out = [
        f"# Evaluation run {run.created}",
        "",
        "Sets: " + ", ".join(f"{s.name} ({s.kind}, {s.questions})" for s in run.sets),
        "",
    ]
    for system in run.systems:
        out += [f"## {system.system}", "", *_markdown_table(system), ""]
    out += ["## Metrics", "", *[f"- **{k}**: {v}" for k, v in METRICS.items()], ""]
    ours = run.system("ours")
    if ours:
        failed = failures(ours)
        out += [f"## Failures ({len(failed)} of {len(ours.results)})", ""]
        out += [f"- {failure_line(r)}" for r in failed] or ["None."]
        out.append("")
    if comparison:
        out += [
            f"## Compared with {comparison.old}",
            "",
            f"{len(comparison.better)} better, {len(comparison.worse)} worse.",
            "",
        ]
        out += [f"- better: {c.system} {c.key}" for c in comparison.better]
        out += [f"- worse: {c.system} {c.now}" for c in comparison.worse]
    return "\n".join(out) + "\n"


def summary_html(run: EvalRun, charts: list[str], comparison: Comparison | None = None) -> str:
    esc = html.escape
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'><title>Plan Assistant evaluation</title>",
        "<style>body{font-family:sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse;margin:1em 0}"
        "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}td:first-child{text-align:left}"
        ".fail{color:#a33}img{max-width:100%}</style></head><body>",
        f"<h1>Evaluation run {esc(run.created)}</h1>",
        "<p>"
        + esc(", ".join(f"{s.name} ({s.kind}, {s.questions} questions)" for s in run.sets))
        + "</p>",
    ]
    parts += [f"<img src='{esc(c)}' alt='{esc(c)}'>" for c in charts]
    for system in run.systems:
        parts.append(
            f"<h2>{esc(system.system)}</h2><table><tr><th>group</th><th>n</th>"
            + "".join(f"<th title='{esc(METRICS[m])}'>{esc(m)}</th>" for m in COLUMNS)
            + "</tr>"
        )
        for label, summary, bold in _rows(system):
            cell = f"<b>{esc(label)}</b>" if bold else esc(label.strip())
            parts.append(
                f"<tr><td>{cell}</td><td>{summary.questions}</td>"
                + "".join(f"<td>{fmt(summary, m)}</td>" for m in COLUMNS)
                + "</tr>"
            )
        parts.append("</table>")
    ours = run.system("ours")
    if ours:
        failed = failures(ours)
        parts.append(f"<h2>Failures ({len(failed)} of {len(ours.results)})</h2><ul>")
        for r in failed:
            parts.append(
                f"<li class='fail'><b>{esc(r.key)}</b> — {esc(r.question)}<br>"
                f"{esc('; '.join([r.error] if r.error else r.checks.problems()))}</li>"
            )
        parts.append("</ul>")
    if comparison:
        parts.append(f"<h2>Compared with {esc(comparison.old)}</h2><ul>")
        parts += [f"<li>better: {esc(c.system)} {esc(c.key)}</li>" for c in comparison.better]
        parts += [
            f"<li class='fail'>worse: {esc(c.system)} {esc(c.now)}</li>" for c in comparison.worse
        ]
        parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts)


def write_report(run: EvalRun, directory: Path, comparison: Comparison | None = None) -> list[Path]:
    """results.json, summary.md, index.html, accuracy_by_tag.png and latency.png."""
    directory.mkdir(parents=True, exist_ok=True)
    charts = [
        accuracy_by_tag(run, directory / "accuracy_by_tag.png"),
        latency_histogram(run, directory / "latency.png"),
    ]
    results = directory / "results.json"
    results.write_text(run.model_dump_json(indent=1), encoding="utf-8")
    summary = directory / "summary.md"
    summary.write_text(summary_markdown(run, comparison), encoding="utf-8")
    page = directory / "index.html"
    page.write_text(summary_html(run, [c.name for c in charts], comparison), encoding="utf-8")
    return [results, summary, page, *charts]
