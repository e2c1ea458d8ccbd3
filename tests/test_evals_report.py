"""Reports, run-to-run comparison and the gate, on runs of a scripted answerer.

The answerer here is a stand-in so these tests are fast and exact; the same code on
the real assistant is exercised in ``test_evals_real.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console

from assistant.models import Answer, Citation
from evals.compare import compare
from evals.gate import gate_failures
from evals.report import print_run, write_report
from evals.runner import EvalRun, build_run, run_sets
from evals.schema import EvalSet, Expect, Question

Q2 = "council-plan-delivery-update-q2-2017"


def _set(kind: str = "handwritten") -> EvalSet:
    return EvalSet(
        name="tiny" if kind == "handwritten" else "register",
        kind=kind,  # type: ignore[arg-type]
        questions=[
            Question(
                id="status",
                question="how is 12.1 rated?",
                tags=["status"],
                expect=Expect(answered=True, refs=["12.1"], document=Q2, facts=["Green"]),
            ),
            Question(
                id="budget",
                question="what is the 2025/26 budget?",
                tags=["unanswerable"],
                expect=Expect(answered=False),
            ),
        ],
    )


class Scripted:
    """Answers from a script: question → (text, answered, cited ref)."""

    def __init__(self, script: dict[str, tuple[str, bool, str | None]]) -> None:
        self.script = script

    def ask(self, question: str) -> Answer:
        text, answered, ref = self.script[question]
        if text == "boom":
            raise RuntimeError("index unreadable")
        citations = (
            [Citation(document="Q2", document_id=Q2, ref=ref, quote=text, source="corpus/q2.txt:1")]
            if ref
            else []
        )
        return Answer(question=question, answer=text, answered=answered, citations=citations)


RIGHT = {
    "how is 12.1 rated?": ("Rating: Green (G)", True, "12.1"),
    "what is the 2025/26 budget?": ("The plan documents I have don't cover this.", False, None),
}
WRONG = {
    "how is 12.1 rated?": ("Rating: Amber (A)", True, "12.2"),
    "what is the 2025/26 budget?": ("boom", True, None),
}


def _run(
    ours: dict, baseline: dict | None = None, kinds: tuple[str, ...] = ("handwritten",)
) -> EvalRun:
    sets = [_set(k) for k in kinds]
    systems = {"ours": run_sets(Scripted(ours), sets, "ours")}
    if baseline:
        systems["baseline"] = run_sets(Scripted(baseline), sets, "baseline")
    return build_run(sets, systems)


def test_report_folder_has_results_summary_page_and_two_pngs(tmp_path: Path) -> None:
    run = _run(WRONG, baseline=RIGHT, kinds=("handwritten", "generated"))
    written = write_report(run, tmp_path / "report")
    names = {p.name for p in written}
    assert names == {
        "results.json",
        "summary.md",
        "index.html",
        "accuracy_by_tag.png",
        "latency.png",
    }
    for png in ("accuracy_by_tag.png", "latency.png"):
        data = (tmp_path / "report" / png).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000
    page = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    assert "accuracy_by_tag.png" in page and "latency.png" in page and "tiny/status" in page
    summary = (tmp_path / "report" / "summary.md").read_text(encoding="utf-8")
    assert "## Failures (4 of 4)" in summary and "RuntimeError: index unreadable" in summary
    again = EvalRun.model_validate_json(
        (tmp_path / "report" / "results.json").read_text(encoding="utf-8")
    )
    assert [s.system for s in again.systems] == ["ours", "baseline"]
    assert again.system("ours").kind("handwritten").overall.value("answer") == 0.0  # type: ignore[union-attr]


def test_compare_lists_questions_that_got_better_and_worse(tmp_path: Path) -> None:
    old = tmp_path / "old.json"
    old.write_text(_run(WRONG).model_dump_json(), encoding="utf-8")
    better = compare(old, _run(RIGHT))
    assert {c.key for c in better.better} == {"tiny/status", "tiny/budget"} and not better.worse
    old.write_text(_run(RIGHT).model_dump_json(), encoding="utf-8")
    worse = compare(old, _run(WRONG))
    assert not worse.better and {c.key for c in worse.worse} == {"tiny/status", "tiny/budget"}
    assert any("missing 'Green'" in c.now for c in worse.worse)


def test_gate_names_the_kind_and_metric_below_threshold() -> None:
    thresholds = {"answer": 0.9, "citation": 0.9, "abstention": 0.9}
    assert gate_failures(_run(RIGHT, kinds=("handwritten", "generated")), thresholds) == []
    failed = gate_failures(_run(WRONG, baseline=RIGHT), thresholds)
    assert any(
        line.startswith("handwritten answer accuracy 0.000 is below --min-answer 0.9")
        for line in failed
    )
    assert any("citation accuracy" in line for line in failed) and any(
        "abstention" in line for line in failed
    )
    assert gate_failures(_run(WRONG), {"answer": None, "citation": 0.0, "abstention": 0.0}) == []


def test_generated_sets_have_their_own_higher_bar() -> None:
    off = {"answer": None, "citation": None, "abstention": None}
    both = ("handwritten", "generated")
    assert gate_failures(_run(RIGHT, kinds=both), off, generated_min=0.98) == []
    failed = gate_failures(_run(WRONG, kinds=both), off, generated_min=0.98)
    assert failed == [
        "generated exact field match 0.000 is below --min-generated 0.98 (1 questions)"
    ]
    assert (
        gate_failures(_run(WRONG), off, generated_min=0.98) == []
    )  # no generated kind, nothing to check


def test_terminal_output_has_tables_side_by_side_and_failures() -> None:
    console = Console(record=True, width=140)
    print_run(_run(WRONG, baseline=RIGHT), console)
    text = console.export_text()
    assert (
        "ours: 2 questions" in text and "baseline: 2 questions" in text and "ours/baseline" in text
    )
    assert "0.00/1.00" in text  # answer accuracy, ours vs baseline
    assert "2 of 2 questions failed" in text and "tiny/status: missing 'Green'" in text


def test_results_json_keeps_every_question_with_its_checks() -> None:
    data = json.loads(_run(RIGHT).model_dump_json())
    results = data["systems"][0]["results"]
    assert [r["id"] for r in results] == ["status", "budget"]
    assert results[0]["checks"]["answer"] is True and results[0]["ranked_refs"] == [f"{Q2}:12.1"]
    assert results[0]["latency_ms"] >= 0
