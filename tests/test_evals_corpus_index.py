"""A set naming its own corpus, through the real `planbot eval`: the corpus is indexed
into its own folder under the data folder, asked there, and the index is reused when
nothing changed.

Real pieces on small real data: two files of the real-papers corpus (Limerick's minutes
with members' questions, Trafford's indicator table) copied into a temporary corpus,
the real ingest, encoder, Chroma and answerer.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from connectors.cli import cli

# Its own embedded index (PLANBOT_CHROMA_URL removed): run once.
pytestmark = [pytest.mark.slow, pytest.mark.own_store]

REAL = Path(__file__).resolve().parent.parent / "evals" / "corpus-real" / "other"
FILES = (
    "limerick-council-minutes-2025-03-31-questions.md",
    "trafford-corporate-plan-indicators.md",
)


def _set(corpus: Path) -> str:
    return f"""
name: tiny-real
corpus: {corpus}
questions:
  - id: xl-bully
    question: "how many xl bully exemption certs were issued in limerick?"
    tags: [figure]
    expect:
      answered: true
      document: limerick-council-minutes-2025-03-31-questions
      facts: ["38"]
  - id: weather
    question: "will it rain in limerick tomorrow"
    tags: [unanswerable]
    expect: {{answered: false}}
"""


def test_a_named_corpus_gets_its_own_index_which_is_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant import config

    corpus = tmp_path / "tiny-real"
    corpus.mkdir()
    for name in FILES:
        shutil.copy(REAL / name, corpus / name)
    (corpus / "manifest.yaml").write_text(
        "documents:\n  limerick-council-minutes-2025-03-31-questions.md:\n    kind: minutes\n"
        "  trafford-corporate-plan-indicators.md:\n    kind: plan\n",
        encoding="utf-8",
    )
    set_file = tmp_path / "tiny.yaml"
    set_file.write_text(_set(corpus), encoding="utf-8")
    data_dir = tmp_path / "data"
    monkeypatch.setenv("PLANBOT_DATA_DIR", str(data_dir))
    monkeypatch.delenv("PLANBOT_LLM", raising=False)
    monkeypatch.delenv("PLANBOT_CHROMA_URL", raising=False)
    config.get_settings.cache_clear()
    args = [
        "eval",
        str(set_file),
        "--no-generated",
        "--min-answer",
        "0",
        "--min-citation",
        "0",
        "--min-abstention",
        "0",
    ]
    try:
        first = CliRunner().invoke(
            cli, [*args, "--report", str(tmp_path / "r1")], catch_exceptions=False
        )
        second = CliRunner().invoke(cli, [*args, "--json"], catch_exceptions=False)
    finally:
        config.get_settings.cache_clear()

    assert first.exit_code == 0, first.output
    assert second.exit_code == 0, second.output
    assert (data_dir / "eval-tiny-real").is_dir() and not (
        data_dir / "CURRENT"
    ).exists()  # not the configured index
    assert "Index of tiny-real: 2 documents, 2 read again" in first.output
    assert "Index of tiny-real: 2 documents, 0 read again" in second.output  # up to date: reused
    run = json.loads((tmp_path / "r1" / "results.json").read_text(encoding="utf-8"))
    results = run["systems"][0]["results"]
    assert {r["corpus"] for r in results} == {"tiny-real"}
    assert {r["id"]: r["document_kind"] for r in results} == {
        "xl-bully": "minutes",
        "weather": "(not covered)",
    }
    corpora = run["settings"]["corpora"]
    assert (
        corpora[0]["data_dir"] == str(data_dir / "eval-tiny-real") and corpora[0]["documents"] == 2
    )
