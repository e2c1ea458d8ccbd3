"""Fixtures for the Slack tests: the real Bolt app behind its HTTP endpoint, a mock of
Slack's Web API, and a driver that delivers requests the way Slack does (signed).

Loaded as a plugin (``pytest_plugins = ["tests.slack_fixtures"]``) by the Slack test
modules. The index of the shipped corpus is built once per session: the shared
``corpus_settings`` fixture is reused when the suite has one, so the whole suite still
embeds the corpus only once.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from assistant.config import REPO_ROOT, Settings
from tests.slack_mock_server import BOT_USER_ID, TEAM_ID, MockSlack

SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
BOT_TOKEN = "xoxb-1111-2222-slacktestsecrettoken"
WAIT = 60.0


@pytest.fixture(scope="session")
def slack_index_settings(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Settings:
    """Settings of an index holding the whole shipped corpus (built once per session)."""
    try:
        return request.getfixturevalue("corpus_settings")
    except pytest.FixtureLookupError:
        from indexing.ingest import ingest

        settings = Settings(
            data_dir=tmp_path_factory.mktemp("slack-index"), corpus_dir=REPO_ROOT / "corpus"
        )
        ingest(settings, None)
        return settings


@pytest.fixture(scope="session")
def slack_assistant(slack_index_settings: Settings):
    """The real Assistant on the real index, shared by every Slack test."""
    from assistant.answering.router import Assistant

    assistant = Assistant(slack_index_settings)
    assistant.ask("how is 12.1 rated?")  # load the model once, outside any test's timing
    return assistant


@dataclass
class SlackRig:
    """One running bot: mock Slack, the real app served over HTTP, and request helpers."""

    mock: MockSlack
    server: Any  # connectors.slack.server.SlackHTTPServer
    executor: Any  # connectors.slack.executor.InflightExecutor
    settings: Settings
    last_headers: dict[str, str] | None = None
    last_sent: tuple[str, str, int] | None = None
    """(body, content type, timestamp) of the last request posted, for replaying it."""

    # --- delivering requests as Slack does ----------------------------------------
    def post(
        self,
        body: str,
        content_type: str,
        *,
        headers: dict[str, str] | None = None,
        secret: str = SIGNING_SECRET,
        timestamp: int | None = None,
    ) -> tuple[int, str]:
        stamp = str(timestamp if timestamp is not None else int(time.time()))
        self.last_sent = (body, content_type, int(stamp))
        signature = (
            "v0="
            + hmac.new(secret.encode(), f"v0:{stamp}:{body}".encode(), hashlib.sha256).hexdigest()
        )
        request = urllib.request.Request(
            self.server.url,
            data=body.encode("utf-8"),
            method="POST",
            headers={
                "Content-Type": content_type,
                "X-Slack-Request-Timestamp": stamp,
                "X-Slack-Signature": signature,
                **(headers or {}),
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                self.last_headers = {k.lower(): v for k, v in response.headers.items()}
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as err:
            self.last_headers = {k.lower(): v for k, v in err.headers.items()}
            return err.code, err.read().decode("utf-8")

    def replay(
        self, sent: tuple[str, str, int], *, retry_num: int | None = None
    ) -> tuple[int, str]:
        """Send recorded signed bytes again, as they were (``retry_num``: dressed up as
        Slack's retry, whose header is not signed)."""
        body, content_type, stamp = sent
        headers = (
            {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": "http_timeout"}
            if retry_num
            else {}
        )
        return self.post(body, content_type, timestamp=stamp, headers=headers)

    def event(
        self,
        event: dict[str, Any],
        *,
        event_id: str | None = None,
        retry_num: int | None = None,
        **post_options: Any,
    ) -> tuple[int, str]:
        """An Events API ``event_callback`` carrying ``event``."""
        payload = {
            "token": "unused-verification-token",
            "team_id": TEAM_ID,
            "api_app_id": "A0PLANBOT",
            "event": {"event_ts": event.get("ts"), **event},
            "type": "event_callback",
            "event_id": event_id or f"Ev{time.time_ns()}",
            "event_time": int(time.time()),
            "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
        }
        headers = (
            {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": "http_timeout"}
            if retry_num
            else {}
        )
        return self.post(json.dumps(payload), "application/json", headers=headers, **post_options)

    def mention(
        self,
        text: str,
        *,
        ts: str,
        channel: str = "C0COUNCIL",
        user: str = "U0CLLR",
        thread_ts: str | None = None,
        **options: Any,
    ) -> tuple[int, str]:
        event = {
            "type": "app_mention",
            "user": user,
            "text": f"<@{BOT_USER_ID}> {text}",
            "ts": ts,
            "channel": channel,
            "team": TEAM_ID,
        }
        if thread_ts:
            event["thread_ts"] = thread_ts
        return self.event(event, **options)

    def message(
        self,
        text: str,
        *,
        ts: str,
        channel: str,
        channel_type: str,
        user: str = "U0CLLR",
        thread_ts: str | None = None,
        **extra: Any,
    ) -> tuple[int, str]:
        event = {
            "type": "message",
            "user": user,
            "text": text,
            "ts": ts,
            "channel": channel,
            "channel_type": channel_type,
            "team": TEAM_ID,
            **extra,
        }
        if thread_ts:
            event["thread_ts"] = thread_ts
        return self.event(event)

    def command(
        self, text: str, *, user: str = "U0CLLR", channel: str = "C0COUNCIL"
    ) -> tuple[int, str]:
        """``/plan <text>``, form-encoded as Slack sends slash commands."""
        form = {
            "token": "unused",
            "team_id": TEAM_ID,
            "channel_id": channel,
            "channel_name": "councillors",
            "user_id": user,
            "user_name": "cllr",
            "command": "/plan",
            "text": text,
            "response_url": self.mock.response_url("command"),
            "trigger_id": f"111.222.{time.time_ns()}",
            "api_app_id": "A0PLANBOT",
        }
        return self.post(urlencode(form), "application/x-www-form-urlencoded")

    def interact(self, payload: dict[str, Any], **post_options: Any) -> tuple[int, str]:
        """block_actions / view_submission / shortcut: a form with one ``payload`` field."""
        payload = {"team": {"id": TEAM_ID}, "api_app_id": "A0PLANBOT", "token": "unused", **payload}
        return self.post(
            urlencode({"payload": json.dumps(payload)}),
            "application/x-www-form-urlencoded",
            **post_options,
        )

    def click(
        self,
        action_id: str,
        value: str,
        *,
        message_call: Any | None = None,
        channel: str = "C0COUNCIL",
        user: str = "U0CLLR",
        ephemeral: bool = False,
        response_url: str = "action",
    ) -> tuple[int, str]:
        """Press a button on a message the bot posted (``message_call``: its recorded call)."""
        message: dict[str, Any] = {}
        container: dict[str, Any] = {
            "type": "message",
            "channel_id": channel,
            "is_ephemeral": ephemeral,
        }
        if message_call is not None and not ephemeral:
            posted_ts = message_call.response["ts"]
            message = {
                "type": "message",
                "ts": posted_ts,
                "blocks": message_call.blocks,
                "text": message_call.args.get("text"),
            }
            if message_call.args.get("thread_ts"):
                message["thread_ts"] = message_call.args["thread_ts"]
            container["message_ts"] = posted_ts
        payload: dict[str, Any] = {
            "type": "block_actions",
            "user": {"id": user, "username": "cllr", "team_id": TEAM_ID},
            "container": container,
            "channel": {"id": channel, "name": "councillors"},
            "trigger_id": f"333.444.{time.time_ns()}",
            "response_url": self.mock.response_url(response_url),
            "actions": [
                {
                    "action_id": action_id,
                    "block_id": "b",
                    "type": "button",
                    "value": value,
                    "action_ts": str(time.time()),
                }
            ],
        }
        if message:
            payload["message"] = message
        return self.interact(payload)

    def wait_idle(self, timeout: float = WAIT) -> None:
        """Wait until every lazy listener the app started has finished."""
        assert self.executor.wait_idle(timeout), "the bot's listeners did not finish"


@pytest.fixture()
def slack_rig_factory(slack_assistant: Any, tmp_path: Path) -> Iterator[Callable[..., SlackRig]]:
    """Start bots on the shared Assistant; ``settings`` overrides (e.g. ``slack_access``)
    apply to the bot, ``limits`` (``connectors.slack.server.ServerLimits``) to its server. Each gets its own mock Slack, feedback DB, thread memory and dedupe."""
    from slack_sdk import WebClient

    from connectors.slack.app import build_app
    from connectors.slack.executor import InflightExecutor
    from connectors.slack.server import SlackHTTPServer

    started: list[SlackRig] = []

    def start(limits: Any = None, **overrides: Any) -> SlackRig:
        mock = MockSlack()
        settings = Settings(
            data_dir=slack_assistant.settings.data_dir,
            feedback_db=tmp_path / f"feedback-{len(started)}.sqlite3",
            **{
                "SLACK_BOT_TOKEN": BOT_TOKEN,
                "SLACK_SIGNING_SECRET": SIGNING_SECRET,
                "SLACK_APP_TOKEN": None,
            },
            **overrides,
        )
        executor = InflightExecutor()
        app = build_app(
            settings,
            slack_assistant,
            client=WebClient(token=BOT_TOKEN, base_url=mock.url),
            executor=executor,
        )
        server = SlackHTTPServer(app, host="127.0.0.1", port=0, limits=limits)
        server.start_background()
        rig = SlackRig(mock=mock, server=server, executor=executor, settings=settings)
        started.append(rig)
        return rig

    yield start
    for rig in started:
        rig.executor.wait_idle(WAIT)
        rig.server.shutdown()
        rig.server.server_close()
        rig.executor.shutdown(wait=True)
        rig.mock.close()


@pytest.fixture()
def slack_rig(slack_rig_factory: Callable[..., SlackRig]) -> SlackRig:
    """A fresh bot (empty thread memory, dedupe and feedback DB) on the shared Assistant."""
    return slack_rig_factory()
