"""A run against an earlier one: which questions pass now and failed then, and the reverse.

``planbot eval --compare results.json`` prints it; the report folder keeps it beside the run.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field, ValidationError
from rich.console import Console
from rich.text import Text

from evals.report import SIDE_BY_SIDE, failure_line
from evals.runner import EvalRun


class Change(BaseModel):
    system: str
    key: str
    question: str
    now: str = Field(description="Why it fails now, or 'passes'")


class Comparison(BaseModel):
    """Questions that pass now but failed in the old run (better), and the reverse (worse)."""

    old: str
    better: list[Change] = Field(default_factory=list)
    worse: list[Change] = Field(default_factory=list)
    added: list[str] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)
    overall: dict[str, dict[str, tuple[float | None, float | None]]] = Field(
        default_factory=dict, description="system/kind → metric → (old, new)"
    )


class CompareError(ValueError):
    """The old results file cannot be read as a results.json."""


def load_run(path: Path) -> EvalRun:
    try:
        return EvalRun.model_validate_json(Path(path).read_text(encoding="utf-8"))
    except OSError as err:
        raise CompareError(f"{path}: cannot read ({err.strerror or err})") from err
    except ValidationError as err:
        raise CompareError(
            f"{path}: not a results.json written by `planbot eval --report` ({err.error_count()} errors)"
        ) from err


def compare(old_results_json: Path, run: EvalRun) -> Comparison:
    """Question by question, what changed since ``old_results_json``."""
    old = load_run(old_results_json)
    comparison = Comparison(old=str(old_results_json))
    for system in run.systems:
        before_system = old.system(system.system)
        if before_system is None:
            continue
        before = {r.key: r for r in before_system.results}
        now = {r.key: r for r in system.results}
        for key, result in now.items():
            if key not in before:
                comparison.added.append(f"{system.system}:{key}")
            elif result.passed and not before[key].passed:
                comparison.better.append(
                    Change(system=system.system, key=key, question=result.question, now="passes")
                )
            elif before[key].passed and not result.passed:
                comparison.worse.append(
                    Change(
                        system=system.system,
                        key=key,
                        question=result.question,
                        now=failure_line(result),
                    )
                )
        comparison.removed += [f"{system.system}:{k}" for k in before if k not in now]
        for kind in system.kinds:
            old_kind = before_system.kind(kind.kind)
            comparison.overall[f"{system.system}/{kind.kind}"] = {
                m: (old_kind.overall.value(m) if old_kind else None, kind.overall.value(m))
                for m in SIDE_BY_SIDE
            }
    return comparison


def print_comparison(comparison: Comparison, console: Console) -> None:
    # One line however long the path: a log reader (or a script) looks for "N better, M worse".
    console.print(
        f"[bold]Compared with {comparison.old}[/bold]: {len(comparison.better)} better, {len(comparison.worse)} worse",
        soft_wrap=True,
    )
    for change in comparison.better:
        console.print(Text.assemble(("  + ", "green"), f"{change.system} {change.key}"))
    for change in comparison.worse:
        console.print(Text.assemble(("  - ", "red"), f"{change.system} {change.now}"))
    if comparison.added or comparison.removed:
        console.print(
            f"  {len(comparison.added)} questions new, {len(comparison.removed)} no longer asked"
        )
