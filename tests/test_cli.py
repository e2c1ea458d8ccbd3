"""The real `planbot` CLI, driven as a user types it (click's runner, real index)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from assistant.config import Settings
from connectors.cli import cli

pytestmark = pytest.mark.store  # ingests through the configured store


@pytest.fixture()
def run(corpus_settings: Settings, monkeypatch: pytest.MonkeyPatch):
    """Invoke planbot with the session index selected through its PLANBOT_ env vars."""
    from assistant import config

    monkeypatch.setenv("PLANBOT_DATA_DIR", str(corpus_settings.data_dir))
    config.get_settings.cache_clear()

    def invoke(*args: str, input: str | None = None, code: int | None = 0):
        """The result, once its exit code is ``code`` (None: any, checked by the caller)."""
        result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
        if code is not None:
            assert result.exit_code == code, result.output[-2000:]
        return result

    yield invoke
    config.get_settings.cache_clear()


def test_help_lists_commands_with_examples() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for command in ("ingest", "items", "ask"):
        assert command in result.output
    assert "planbot ask --json -" in CliRunner().invoke(cli, ["ask", "--help"]).output


def test_items_by_rating_lists_the_amber_commitments(run) -> None:
    result = run("items", "--rating", "amber")
    assert result.exit_code == 0
    assert "8 items" in result.output
    assert "13.4" in result.output and "Flood and Water" in result.output


def test_items_by_person_as_json(run) -> None:
    result = run("items", "--person", "Martin Gowans", "--json")
    refs = [json.loads(line)["ref"] for line in result.output.splitlines()]
    assert "13.4" in refs and "10.1" in refs


def test_items_with_unknown_rating_is_a_clear_error(run) -> None:
    result = CliRunner().invoke(cli, ["items", "--rating", "purple"])
    assert result.exit_code == 1 and "unknown rating 'purple'" in result.output


def test_ask_json_has_the_answer_contract(run) -> None:
    result = run("ask", "--json", "who is the cabinet member for 13.4?")
    data = json.loads(result.output)
    assert {"answer", "answered", "citations", "items"} <= set(data)
    cite = data["citations"][0]
    assert {"document", "date", "ref", "section", "quote", "source"} <= set(cite)
    assert cite["ref"] == "13.4" and "Cllr Martin Gowans" in data["answer"]


def test_ask_reads_questions_from_stdin_one_json_per_line(run) -> None:
    questions = [
        "who owns 12.1?",
        "",
        "which commitments are red?",
        "?!?",
        "how many carers were supported?",
    ]
    result = run("ask", "--json", "-", input="\n".join(questions) + "\n")
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert len(lines) == 4
    assert lines[0]["citations"][0]["ref"] == "12.1"
    assert "error" in lines[2] and "no words" in lines[2]["error"]
    assert "5,252" in lines[3]["answer"]


def test_ask_prints_numbered_sources(run) -> None:
    result = run("ask", "what's the latest on the one stop shop for homeless people?")
    assert result.exit_code == 0
    assert "Sources" in result.output and "[1] Council Plan Delivery Plan Update" in result.output
    assert "ref 3.2" in result.output


def test_too_long_question_is_a_clear_error_not_a_traceback(run) -> None:
    result = CliRunner().invoke(cli, ["ask", "x " * 3000])
    assert result.exit_code == 1
    assert "Error: The question is" in result.output and "Traceback" not in result.output


def test_ask_without_an_index_says_to_ingest(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant import config

    monkeypatch.setenv("PLANBOT_DATA_DIR", str(tmp_path / "empty"))
    config.get_settings.cache_clear()
    result = CliRunner().invoke(cli, ["ask", "who owns 12.1?"])
    config.get_settings.cache_clear()
    assert result.exit_code == 1 and "planbot ingest" in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["ask", "who owns 12.1?"],
        ["draft", "who owns 12.1?"],
        ["eval", "--no-generated"],
        ["feedback", "export"],
    ],
    ids=["ask", "draft", "eval", "feedback"],
)
def test_a_bad_setting_is_one_clear_line_in_every_command(
    args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant import config

    monkeypatch.setenv("PLANBOT_TOP_K", "0")
    config.get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli, args)
    finally:
        config.get_settings.cache_clear()
    assert result.exit_code == 1, result.output
    assert "configuration:" in result.output and "top_k" in result.output
    assert "Traceback" not in result.output
