"""``planbot eval`` on the real assistant and the real shipped corpus.

A small known-answer set (facts checked against corpus/, written here in other forms
than the documents use — "5252" for "5,252", "13 June 2017" for "13.06.17" — so the
normalisation is exercised on real answers) passes the gate and writes its report;
an assistant whose sources come from the wrong document fails it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from assistant.answering.router import Assistant
from assistant.config import Settings
from assistant.models import Answer, Citation
from evals.cli_command import EvalHooks, eval_command

pytest_plugins = ["eval_fixtures"]
pytestmark = pytest.mark.slow

Q2 = "council-plan-delivery-update-q2-2017"
P20 = "council-plan-commitments-2020"
AMBER = [
    "2.4",
    "2.5",
    "9.1",
    "11.2",
    "13.4",
    "15.3",
    "15.4",
    "16.2",
]  # corpus lines with an "A" rating cell

SMALL_SET = {
    "name": "small",
    "description": "A few questions of each kind, for the tests.",
    "questions": [
        {
            "id": "onestopshop",
            "question": "what's the latest on the one stop shop for homeless people?",
            "tags": ["status", "colloquial"],
            "expect": {
                "answered": True,
                "refs": ["3.2"],
                "document": Q2,
                "facts": [["Green/Amber", "G/A"], "Michael Kelleher"],
                "evidence": "One Stop Shop style service",
            },
        },
        {
            "id": "amber",
            "question": "which commitments are amber?",
            "tags": ["list"],
            "expect": {"answered": True, "refs": AMBER, "document": Q2, "count": 8},
        },
        {
            "id": "carers",
            "question": "how many carers were supported at the end of Q2?",
            "tags": ["figure"],
            "expect": {
                "answered": True,
                "refs": ["5.8"],
                "document": Q2,
                "facts": ["5252"],
                "evidence": "5,252 carers were being supported by Carers MK",
            },
        },
        {
            "id": "waste-date",
            "question": "when did cabinet agree the waste strategy",
            "tags": ["date"],
            "expect": {
                "answered": True,
                "refs": ["10.1"],
                "document": Q2,
                "facts": ["13 June 2017"],
            },
        },
        {
            "id": "rats",
            "question": "any news on the rats in CMK?",
            "tags": ["status", "colloquial"],
            "expect": {
                "answered": True,
                "refs": ["26"],
                "document": P20,
                "facts": ["rat population"],
            },
        },
        {
            "id": "budget-2025",
            "question": "what is the 2025/26 budget?",
            "tags": ["unanswerable"],
            "expect": {"answered": False},
        },
        {
            "id": "election",
            "question": "when is the next local election?",
            "tags": ["unanswerable"],
            "expect": {"answered": False},
        },
    ],
}


class WrongDocumentAssistant(Assistant):
    """Answers with the usual text but cites and uses another document's rows — what a
    retrieval bug that returns the wrong document would look like to a reader."""

    def ask(self, question: str, **kwargs: object) -> Answer:  # type: ignore[override]
        answer = super().ask(question, **kwargs)  # type: ignore[arg-type]
        if not answer.answered:
            return answer
        used = {c.document_id for c in answer.citations} | {i.document_id for i in answer.items}
        other = next((d for d in self.store.documents if d.id not in used and d.items), None)
        if other is None:
            return answer
        rows = other.items[: max(1, len(answer.citations))]
        answer.items = rows
        answer.citations = [
            Citation(
                document=other.meta.title,
                document_id=other.id,
                ref=r.ref,
                quote=r.commitment,
                source=str(r.location),
            )
            for r in rows
        ]
        return answer


class WrongDocumentRetrieval(Assistant):
    """Retrieval pinned to one wrong document: every lookup, list and search runs as if
    the asker had chosen the 2006 improvement analysis — a scoping bug in retrieval."""

    def _route(self, scope, query, explicit_docs, k):  # type: ignore[no-untyped-def]
        return super()._route(scope, query, ["improvement-analysis-feb-2006"], k)


@pytest.fixture()
def small_set(tmp_path: Path) -> Path:
    path = tmp_path / "small.yaml"
    path.write_text(yaml.safe_dump(SMALL_SET, sort_keys=False), encoding="utf-8")
    return path


def _invoke(args: list[str], hooks: EvalHooks):
    return CliRunner().invoke(eval_command, args, obj=hooks, catch_exceptions=False)


def test_small_set_and_register_pass_the_gate_with_a_baseline_and_a_report(
    small_set: Path,
    tmp_path: Path,
    grounded_settings: Settings,
    grounded_assistant: Assistant,
    one_file_corpus: Path,
) -> None:
    report = tmp_path / "report"
    hooks = EvalHooks(
        settings=grounded_settings.model_copy(update={"corpus_dir": one_file_corpus}),
        assistant=grounded_assistant,
    )
    result = _invoke([str(small_set), "--generated", "--baseline", "--report", str(report)], hooks)
    assert result.exit_code == 0, result.output
    assert "ours/baseline" in result.output and "GATE FAILED" not in result.output

    for name in ("results.json", "summary.md", "index.html", "accuracy_by_tag.png", "latency.png"):
        assert (report / name).stat().st_size > 0, name
    assert (report / "accuracy_by_tag.png").read_bytes()[:4] == b"\x89PNG"
    run = json.loads((report / "results.json").read_text(encoding="utf-8"))
    ours, baseline = run["systems"]
    assert ours["system"] == "ours" and baseline["system"] == "baseline"

    kinds = {k["kind"]: k["overall"]["metrics"] for k in ours["kinds"]}
    assert (
        kinds["handwritten"]["answer"]["value"] == 1.0 and kinds["handwritten"]["answer"]["n"] == 5
    )
    assert (
        kinds["generated"]["answer"]["value"] >= 0.98 and kinds["generated"]["answer"]["n"] >= 150
    )
    # The baseline is the plain pipeline: it never declines, and cites chunks of the files it was given.
    base_results = [r for r in baseline["results"] if r["set"] == "small"]
    assert all(r["answered"] for r in base_results)
    assert {c["document_id"] for r in base_results for c in r["citations"]} == {Q2}
    assert any(
        c["ref"] for r in base_results for c in r["citations"]
    )  # chunks labelled with parsed rows


def test_wrong_document_sources_fail_the_gate_and_compare_shows_the_fix(
    small_set: Path, tmp_path: Path, grounded_settings: Settings, grounded_assistant: Assistant
) -> None:
    broken = tmp_path / "broken"
    result = _invoke(
        [str(small_set), "--generated", "--report", str(broken)],
        EvalHooks(settings=grounded_settings, assistant=WrongDocumentAssistant(grounded_settings)),
    )
    assert result.exit_code == 1
    assert "GATE FAILED: handwritten citation accuracy" in result.output
    assert (
        "GATE FAILED: generated answer accuracy" in result.output
    )  # first item is not the asked row
    assert "GATE FAILED: generated exact field match" in result.output

    fixed = _invoke(
        [str(small_set), "--compare", str(broken / "results.json"), "--json"],
        EvalHooks(settings=grounded_settings, assistant=grounded_assistant),
    )
    assert fixed.exit_code == 0, fixed.output
    assert "better" in fixed.output and "0 worse" in fixed.output


def test_retrieval_from_the_wrong_document_fails_the_gate(
    small_set: Path, grounded_settings: Settings
) -> None:
    result = _invoke(
        [str(small_set), "--no-generated"],
        EvalHooks(settings=grounded_settings, assistant=WrongDocumentRetrieval(grounded_settings)),
    )
    assert result.exit_code == 1, result.output
    assert "GATE FAILED: handwritten answer accuracy" in result.output
    assert "small/carers" in result.output  # listed among the failures
