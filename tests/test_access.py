"""Access by document set: a restricted paper never reaches someone who may not see it.

The exempt paper below uses words, a ref and a rating that real questions would hit;
for a public asker every path (status, lists, facts, nearest-item suggestions, the
CLI) must behave as if it did not exist, and for an asker with access it answers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from assistant.config import Settings
from assistant.models import Answer
from assistant.service import Assistant
from indexing.ingest import ingest

SECRET = "Dispose of the Fennel House to a private buyer by March 2018"
EXEMPT_PAPER = (
    "Exempt Cabinet briefing – Schedule 12A\n\n"
    "BUDGET\t\t\t\t\t\t\t\n"
    "\t\tKey Milestones\tOwner\tCD/Director\tCabinet Member\tRAG Rating\tDirection of Travel\n"
    f"90.1\t{SECRET}.\tNegotiations with the preferred bidder for the Fennel House are at heads of terms; "
    "the receipt of £14.5m is confidential.\tDMcL\tDMcL\tRM\tR\t↓\n"
    "90.2\tReview the homelessness one stop shop lease at the Old Bus Station.\t"
    "The lease renegotiation is confidential.\tMK\tDS\tNL\tR\t↓\n"
)


@pytest.fixture(scope="module")
def restricted_index(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    from tests.conftest import CORPUS

    corpus = tmp_path_factory.mktemp("corpus")
    for path in CORPUS.iterdir():
        (corpus / path.name).write_bytes(path.read_bytes())
    (corpus / "exempt-briefing.txt").write_text(EXEMPT_PAPER, encoding="utf-8")
    manifest = yaml.safe_load((corpus / "manifest.yaml").read_text(encoding="utf-8"))
    manifest["documents"]["exempt-briefing.txt"] = {
        "title": "Exempt Cabinet briefing", "kind": "other", "date": "2018-01", "access": "restricted",
    }
    (corpus / "manifest.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")
    settings = Settings(data_dir=tmp_path_factory.mktemp("index"), corpus_dir=corpus)
    ingest(settings)
    return settings


QUESTIONS = [
    "what is happening with the fennel house sale?",
    "what's the status of 90.1?",
    "which commitments are red?",
    "what is Cllr Rob Middleton responsible for?",
    "how much will the fennel house sell for?",
    "what's the latest on the one stop shop for homeless people?",
    "tell me about the preferred bidder",
]


def leaks(answer: Answer) -> list[str]:
    """Words of the restricted paper in the answer, other than the asker's own words."""
    text = answer.model_dump_json()
    secrets = ("Fennel House", "90.1", "90.2", "14.5m", "preferred bidder", "exempt", "Exempt")
    return [word for word in secrets if word in text and word.lower() not in answer.question.lower()]


@pytest.mark.parametrize("question", QUESTIONS)
def test_public_asker_never_sees_the_restricted_paper(restricted_index: Settings, question: str) -> None:
    answer = Assistant(restricted_index).ask(question)
    assert leaks(answer) == [], answer.answer


def test_red_list_counts_only_visible_items(restricted_index: Settings) -> None:
    public = Assistant(restricted_index).ask("which commitments are red?")
    allowed = Assistant(restricted_index).ask("which commitments are red?", access={"public", "restricted"})
    assert public.metadata.get("count", 0) == 0
    assert allowed.metadata["count"] == 2
    assert {i.ref for i in allowed.items} == {"90.1", "90.2"}


def test_asker_with_access_gets_the_restricted_answer(restricted_index: Settings) -> None:
    answer = Assistant(restricted_index).ask("what's the status of 90.1?", access={"public", "restricted"})
    assert answer.answered and answer.citations[0].ref == "90.1"
    assert "Red" in answer.answer


def test_unknown_document_error_does_not_name_restricted_documents(restricted_index: Settings) -> None:
    from assistant.service import QuestionError

    with pytest.raises(QuestionError) as err:
        Assistant(restricted_index).ask("who owns 90.1?", document="nonexistent")
    assert "exempt" not in str(err.value)


def test_cli_access_option(restricted_index: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant import config
    from connectors.cli import cli

    monkeypatch.setenv("PLANBOT_DATA_DIR", str(restricted_index.data_dir))
    monkeypatch.setenv("PLANBOT_CORPUS_DIR", str(restricted_index.corpus_dir))
    config.get_settings.cache_clear()
    try:
        runner = CliRunner()
        public = runner.invoke(cli, ["items", "--rating", "R", "--json"])
        assert public.exit_code == 0 and public.output == ""
        allowed = runner.invoke(cli, ["items", "--rating", "R", "--json", "--access", "public,restricted"])
        assert [json.loads(line)["ref"] for line in allowed.output.splitlines()] == ["90.1", "90.2"]
        asked = runner.invoke(cli, ["ask", "--json", "what's the status of 90.1?"])
        assert "Fennel House" not in asked.output
        bad = runner.invoke(cli, ["ask", "--access", "secret", "who owns 12.1?"])
        assert bad.exit_code == 1 and "unknown access label" in bad.output
    finally:
        config.get_settings.cache_clear()
