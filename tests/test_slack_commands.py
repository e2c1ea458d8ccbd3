"""``planbot slack`` and ``planbot feedback export`` through click, as a user runs them.

A council IT officer's first run usually lacks a token; the command must say which
environment variable, before loading a model or reaching Slack.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from assistant.config import get_settings
from connectors.slack.commands import feedback_group, slack_command

SLACK_VARS = (
    "SLACK_BOT_TOKEN",
    "SLACK_APP_TOKEN",
    "SLACK_SIGNING_SECRET",
    "PLANBOT_SLACK_BOT_TOKEN",
    "PLANBOT_SLACK_APP_TOKEN",
    "PLANBOT_SLACK_SIGNING_SECRET",
)


@pytest.fixture(autouse=True)
def fresh_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Settings read from this test's environment only (no real tokens, an empty data dir)."""
    for name in SLACK_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no .env of the developer's
    monkeypatch.setenv("PLANBOT_DATA_DIR", str(tmp_path / "no-index"))
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.mark.parametrize(
    ("args", "env", "missing"),
    [
        ([], {}, "SLACK_BOT_TOKEN"),
        ([], {"SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_APP_TOKEN"),
        (["--http", "--port", "3999"], {"SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_SIGNING_SECRET"),
        (["--http"], {"SLACK_SIGNING_SECRET": "s"}, "SLACK_BOT_TOKEN"),
    ],
)
def test_slack_names_the_missing_environment_variable(
    args: list[str], env: dict[str, str], missing: str
) -> None:
    result = CliRunner().invoke(slack_command, args, env=env)
    assert result.exit_code == 1
    assert f"{missing} is not set" in result.output


def test_slack_rejects_a_token_of_the_wrong_kind_without_echoing_it() -> None:
    result = CliRunner().invoke(
        slack_command, [], env={"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xoxb-oops-9"}
    )
    assert result.exit_code == 1 and "should start with xapp-" in result.output
    assert "xoxb-oops-9" not in result.output


def test_slack_without_an_index_says_to_ingest_first() -> None:
    result = CliRunner().invoke(
        slack_command, ["--http"], env={"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}
    )
    assert result.exit_code == 1 and "ingest" in result.output
    assert "Traceback" not in result.output


def test_help_has_examples() -> None:
    assert (
        "planbot slack --http --port 3000" in CliRunner().invoke(slack_command, ["--help"]).output
    )
    assert (
        "planbot feedback export --out"
        in CliRunner().invoke(feedback_group, ["export", "--help"]).output
    )


def test_feedback_export_without_a_database_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(feedback_group, ["export", "--db", str(tmp_path / "none.sqlite3")])
    assert result.exit_code == 1 and "no feedback database" in result.output


def test_feedback_export_with_no_thumbs_down_writes_nothing(tmp_path: Path) -> None:
    from connectors.slack.feedback import FeedbackStore

    FeedbackStore(tmp_path / "fb.sqlite3")  # an eval set needs at least one question
    out = tmp_path / "feedback.yaml"
    result = CliRunner().invoke(
        feedback_group, ["export", "--db", str(tmp_path / "fb.sqlite3"), "--out", str(out)]
    )
    assert result.exit_code == 0 and "nothing to export" in result.output and not out.exists()


def test_manifest_declares_what_the_app_listens_for() -> None:
    from assistant.config import REPO_ROOT
    from connectors.slack.actions import DRAFT_SHORTCUT

    manifest = yaml.safe_load((REPO_ROOT / "slack" / "manifest.yaml").read_text(encoding="utf-8"))
    assert manifest["display_information"]["name"] == "Plan Assistant"
    assert set(manifest["oauth_config"]["scopes"]["bot"]) == {
        "app_mentions:read",
        "chat:write",
        "commands",
        "im:history",
        "im:read",
        "im:write",
        "channels:history",
        "groups:history",
    }
    settings = manifest["settings"]
    assert {"app_mention", "message.im", "message.channels"} <= set(
        settings["event_subscriptions"]["bot_events"]
    )
    assert settings["interactivity"]["is_enabled"] and settings["socket_mode_enabled"]
    assert [c["command"] for c in manifest["features"]["slash_commands"]] == ["/plan"]
    assert [s["callback_id"] for s in manifest["features"]["shortcuts"]] == [DRAFT_SHORTCUT]
    assert manifest["features"]["app_home"]["messages_tab_enabled"]  # or nobody can DM the bot
