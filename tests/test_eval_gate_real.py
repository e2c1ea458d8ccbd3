"""The CI gate on the real-papers corpus: the `real-papers` set, through `planbot eval` as typed.

The real `planbot` CLI indexes `evals/corpus-real/` (Kent County Council's papers and
four other bodies' files) into its own folder under the data folder, asks every question
of the real-papers set (its tuning and held-out parts) and the register questions
generated from the KPIs and risks read from those papers, writes its report, and must
exit 0 at the thresholds below (spelt out so a change of default cannot loosen them): a
floor just under the measured level while it rises to the 0.9 target. The fresh
held-out sets written later (`real-fresh.yaml`) are measured in docs/evaluation.md, not
gated: their failures are not printed to every CI log. The Milton Keynes gate
(`test_eval_gate.py`) is a separate run over the shipped corpus.

The index is built once per session in a temporary folder (ingest of some 300 PDF pages;
the run then reuses it). When the gate fails, the assertion message carries the gate
lines and the failed questions.
"""

from __future__ import annotations

import pytest

from tests.eval_gate_run import gate_failures, run_corpus_gate

# The gate's own embedded index (PLANBOT_CHROMA_URL removed): run once.
pytestmark = [pytest.mark.slow, pytest.mark.own_store]

THRESHOLDS = [
    "--min-answer",
    "0.83",
    "--min-citation",
    "0.81",
    "--min-abstention",
    "0.93",
    "--min-generated",
    "0.98",
]
"""Just below the whole set's figures of the latest real-papers measurement in
docs/evaluation.md, so a change that loses ground fails CI. The product's target is 0.9
for each; raise these as the readers and answering reach it."""


def test_real_papers_sets_pass_the_gate(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = run_corpus_gate(
        tmp_path_factory,
        monkeypatch,
        "real",
        # the set the floors are measured on; the fresh held-out sets are reported in
        # docs/evaluation.md, not printed by CI's failures
        ["real-papers", "--corpus", "corpus-real", "--generated", *THRESHOLDS],
    )
    result, handwritten = gate.result, gate.handwritten
    # its own index, not the shipped one
    assert (gate.data_dir / "eval-corpus-real").is_dir(), result.output[-3000:]
    assert handwritten["overall"]["metrics"]["answer"]["n"] >= 150
    assert [c["group"] for c in handwritten["by_corpus"]] == ["corpus-real"]
    parts = {p["group"] for p in handwritten["by_part"]}
    assert parts == {"corpus-real: tuning", "corpus-real: heldout"}
    kinds = {d["group"] for d in handwritten["by_document_kind"]}
    assert {
        "corpus-real: performance",
        "corpus-real: risk_register",
        "corpus-real: minutes",
    } <= kinds
    assert result.exit_code == 0, gate_failures(result.output)
    assert "GATE FAILED" not in result.output
