"""``planbot slack`` and ``planbot feedback export``: click commands for the ``planbot`` group.

Registered by ``connectors.cli`` (``cli.add_command(slack_command)``,
``cli.add_command(feedback_group)``). Each checks what it needs up front and says, in
one line, which environment variable is missing; nothing here prints a token.
"""

from __future__ import annotations

import logging
import signal
import sys
from pathlib import Path
from types import FrameType

import click
import yaml

from connectors.cli_settings import load_settings

DESCRIPTION = (
    "Answers councillors marked 👎 in Slack, with their corrections (planbot feedback export)."
)


def _require(value: object, env_var: str, why: str) -> str:
    if value is None or not value.get_secret_value():  # type: ignore[attr-defined]
        raise click.ClickException(f"{env_var} is not set: {why} (see docs/slack.md)")
    return value.get_secret_value()  # type: ignore[attr-defined]


def _stop_on_sigterm() -> None:
    """A service manager's SIGTERM stops the bot like Ctrl-C, so answers in flight finish."""

    def interrupt(_signum: int, _frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)


@click.command("slack")
@click.option(
    "--http", "use_http", is_flag=True, help="Serve an HTTP endpoint instead of Socket Mode."
)
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=3000,
    show_default=True,
    help="Port for --http.",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Interface for --http (put a TLS reverse proxy in front; 0.0.0.0 for all).",
)
def slack_command(use_http: bool, port: int, host: str) -> None:
    """Run Plan Assistant as a Slack bot (mentions, DMs, threads, /plan).

    Socket Mode (the default) needs no public endpoint: the bot connects out to Slack.
    It needs SLACK_BOT_TOKEN (xoxb-…) and SLACK_APP_TOKEN (xapp-…). With --http it
    serves POST /slack/events instead and needs SLACK_BOT_TOKEN and
    SLACK_SIGNING_SECRET. Create the Slack app from slack/manifest.yaml; docs/slack.md
    walks through it. Index the documents first with `planbot ingest`.

    \b
    Examples:
      export SLACK_BOT_TOKEN=xoxb-… SLACK_APP_TOKEN=xapp-…
      planbot slack
      export SLACK_BOT_TOKEN=xoxb-… SLACK_SIGNING_SECRET=…
      planbot slack --http --port 3000
    """
    settings = load_settings()
    bot_token = _require(
        settings.slack_bot_token, "SLACK_BOT_TOKEN", "the bot's OAuth token (xoxb-…)"
    )
    if use_http:
        _require(
            settings.slack_signing_secret,
            "SLACK_SIGNING_SECRET",
            "--http verifies every request with it",
        )
        app_token = None
    else:
        app_token = _require(
            settings.slack_app_token,
            "SLACK_APP_TOKEN",
            "Socket Mode needs an app-level token (xapp-…)",
        )
        if not app_token.startswith("xapp-"):
            raise click.ClickException(
                "SLACK_APP_TOKEN should start with xapp- (an app-level token with connections:write)"
            )
    if not bot_token.startswith("xoxb-"):
        raise click.ClickException(
            "SLACK_BOT_TOKEN should start with xoxb- (the Bot User OAuth Token)"
        )

    from slack_bolt.error import BoltError

    from assistant.answering.router import Assistant
    from connectors.slack.app import build_app
    from connectors.slack.executor import InflightExecutor
    from connectors.slack.server import serve_http, serve_socket_mode
    from indexing.store import IndexMissing

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    assistant = Assistant(settings)
    try:
        assistant.store  # noqa: B018 - opening the store is the check: fail now, not on the first question, when there is no index
    except IndexMissing as err:
        raise click.ClickException(str(err)) from err
    executor = InflightExecutor()
    try:
        app = build_app(settings, assistant, executor=executor)
    except BoltError as err:
        raise click.ClickException(
            "Slack did not accept SLACK_BOT_TOKEN (auth.test failed); check the token and that the app is installed"
        ) from err
    _stop_on_sigterm()
    if use_http:
        click.echo(
            f"Plan Assistant: serving http://{host}:{port}/slack/events (Ctrl-C to stop)", err=True
        )
        serve_http(
            app,
            host=host,
            port=port,
            executor=executor,
            ready=lambda: bool(assistant.store.documents),
        )
    else:
        click.echo("Plan Assistant: connected to Slack in Socket Mode (Ctrl-C to stop)", err=True)
        serve_socket_mode(app, app_token or "", executor=executor)


@click.group("feedback")
def feedback_group() -> None:
    """Feedback councillors gave in Slack (👍/👎), and turning misses into eval cases.

    \b
    Examples:
      planbot feedback export                      # YAML eval set on stdout
      planbot feedback export --out evals/sets/feedback.yaml
    """


@feedback_group.command("export")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write the eval set here instead of stdout.",
)
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Feedback database (default: PLANBOT_FEEDBACK_DB, .planbot/feedback.sqlite3).",
)
def export_command(out: Path | None, db: Path | None) -> None:
    """Write every 👎 from Slack as a known-answer eval item (evals/sets format).

    Each item has the question, `tags: [feedback]`, and `expect`: whether the documents
    should answer it, the expected answer the councillor typed (as a fact) and the refs
    they said it should cite. Review the file (trim each fact to the words that must
    appear), then run it with `planbot eval`. Nothing is written when there are no 👎s.

    \b
    Examples:
      planbot feedback export --out evals/sets/feedback.yaml
      planbot feedback export | less
    """
    from connectors.slack.feedback import export_known_answer_items

    path = db or load_settings().feedback_db
    if not path.exists():
        raise click.ClickException(
            f"no feedback database at {path}: run `planbot slack` and collect some feedback first"
        )
    items = export_known_answer_items(path)
    if not items:
        click.echo("nothing to export: no 👎 feedback yet", err=True)
        return
    evalset = {"name": "feedback", "description": DESCRIPTION, "questions": items}
    text = yaml.safe_dump(evalset, sort_keys=False, allow_unicode=True, width=100)
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        click.echo(f"wrote {len(items)} item{'s' if len(items) != 1 else ''} to {out}", err=True)
    else:
        sys.stdout.write(text)
