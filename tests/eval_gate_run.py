"""One run of `planbot eval` as CI's gate on a set that names its own corpus.

The gates on the real papers and on the meetings (``test_eval_gate_real.py``,
``test_eval_gate_meetings.py``) both index their corpus into a fresh data folder, run the
real CLI with their thresholds spelt out, and read the report it wrote; this is that run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from connectors.cli import cli


@dataclass
class GateRun:
    result: Result
    data_dir: Path
    handwritten: dict[str, Any]
    """The report's hand-written kind for our system: overall, by corpus, part and kind."""


def run_corpus_gate(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    eval_args: list[str],
) -> GateRun:
    """``planbot eval <eval_args> --report …`` on a fresh data folder, embedded store, no LLM
    (the gate measures the default, LLM-free answerer)."""
    from assistant import config

    data_dir = tmp_path_factory.mktemp(f"{name}-index")
    report = tmp_path_factory.mktemp(f"{name}-report") / "eval-report"
    monkeypatch.setenv("PLANBOT_DATA_DIR", str(data_dir))
    monkeypatch.delenv("PLANBOT_CORPUS_DIR", raising=False)
    monkeypatch.delenv("PLANBOT_CHROMA_URL", raising=False)
    monkeypatch.delenv("PLANBOT_LLM", raising=False)
    config.get_settings.cache_clear()
    try:
        result = CliRunner().invoke(
            cli, ["eval", *eval_args, "--report", str(report)], catch_exceptions=False
        )
    finally:
        config.get_settings.cache_clear()
    assert (report / "results.json").is_file(), result.output[-3000:]
    run = json.loads((report / "results.json").read_text(encoding="utf-8"))
    ours = next(s for s in run["systems"] if s["system"] == "ours")
    handwritten = next(k for k in ours["kinds"] if k["kind"] == "handwritten")
    return GateRun(result=result, data_dir=data_dir, handwritten=handwritten)


def gate_failures(output: str) -> str:
    """The gate lines and the failed questions, which is what a reader of CI needs."""
    keep = [
        line
        for line in output.splitlines()
        if "GATE FAILED" in line or "✗" in line or "questions failed" in line
    ]
    return "\n".join(keep)[-8000:]
