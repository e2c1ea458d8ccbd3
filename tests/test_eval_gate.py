"""The CI gate: every shipped known-answer set, through `planbot eval` as typed.

This runs in the normal `python -m pytest` (and so in `.ci/run`): the real `planbot`
CLI, with the session index of the shipped corpus selected through PLANBOT_DATA_DIR,
runs every set in evals/sets/ asked of the shipped corpus (`--corpus default`: the
real-papers sets have their own gate, `test_eval_gate_real.py`) plus the questions
generated from the parsed register,
writes its report, and must exit 0 — hand-written answer, citation and abstention
accuracy at least 0.9 and generated exact field match at least 0.98 (the command's
defaults, spelt out here so a change of default cannot loosen the gate). When it
fails, the assertion message carries the gate lines and the failed questions.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.config import Settings
from connectors.cli import cli

pytestmark = pytest.mark.slow

THRESHOLDS = [
    "--min-answer",
    "0.9",
    "--min-citation",
    "0.9",
    "--min-abstention",
    "0.9",
    "--min-generated",
    "0.98",
]


def test_shipped_sets_pass_the_gate(
    corpus_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant import config

    monkeypatch.setenv("PLANBOT_DATA_DIR", str(corpus_settings.data_dir))
    monkeypatch.setenv("PLANBOT_CORPUS_DIR", str(corpus_settings.corpus_dir))
    monkeypatch.delenv(
        "PLANBOT_LLM", raising=False
    )  # the gate measures the default, LLM-free answerer
    config.get_settings.cache_clear()
    try:
        report = tmp_path / "eval-report"
        result = CliRunner().invoke(
            cli,
            ["eval", "--corpus", "default", *THRESHOLDS, "--report", str(report)],
            catch_exceptions=False,
        )
    finally:
        config.get_settings.cache_clear()

    run = json.loads((report / "results.json").read_text(encoding="utf-8"))
    kinds = {
        k["kind"]: k["overall"]["metrics"]
        for s in run["systems"]
        if s["system"] == "ours"
        for k in s["kinds"]
    }
    assert {"handwritten", "generated"} <= set(kinds), kinds.keys()
    assert kinds["handwritten"]["answer"]["n"] >= 150 and kinds["generated"]["answer"]["n"] >= 150
    assert result.exit_code == 0, result.output[-6000:]
    assert "GATE FAILED" not in result.output
