"""A local stand-in for Slack's Web API, recording what the bot sends.

The pattern of bolt-python's own ``tests/mock_web_api_server``: a stdlib HTTP server on
127.0.0.1 (random port, in a thread) that answers ``auth.test``, ``chat.postMessage``,
``chat.postEphemeral``, ``chat.update``, ``views.open`` and ``response_url`` posts the
way Slack does, and records each call so tests can assert what was posted. It is the
only stand-in in the Slack tests: the Bolt app, the listeners and the Assistant are real.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs

from local_server import LocalServer

BOT_USER_ID = "U0PLANBOT"
BOT_ID = "B0PLANBOT"
TEAM_ID = "T0COUNCIL"


@dataclass
class Call:
    """One request the bot made: the API method (or ``response_url``) and its arguments."""

    method: str
    args: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)
    status: int = 200
    response: dict[str, Any] = field(default_factory=dict)
    at: float = field(default_factory=time.monotonic)

    @property
    def blocks(self) -> list[dict[str, Any]]:
        return self.args.get("blocks") or []

    def block_text(self) -> str:
        """All text in the blocks, for asserting what a reader sees."""
        return json.dumps(self.blocks, ensure_ascii=False)

    def buttons(self) -> dict[str, str]:
        """action_id → value of every button in the blocks."""
        return {
            element["action_id"]: element.get("value", "")
            for block in self.blocks
            if block.get("type") == "actions"
            for element in block.get("elements", [])
        }


class MockSlack(LocalServer):
    """The mock server; ``url`` is the ``base_url`` for ``WebClient``."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self._changed = threading.Condition()
        self._ts = itertools.count(1)
        self._failures: dict[str, list[tuple[int, dict[str, str], dict[str, Any]]]] = {}
        super().__init__(self._handler())

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def response_url(self, name: str = "r1") -> str:
        return f"{self.url}response/{name}"

    # --- scripting failures --------------------------------------------------------
    def fail_next(
        self,
        method: str,
        status: int,
        headers: dict[str, str] | None = None,
        body: dict[str, Any] | None = None,
    ) -> None:
        """The next call of ``method`` gets this response (e.g. 429 with Retry-After)."""
        self._failures.setdefault(method, []).append((status, headers or {}, body or {"ok": False}))

    # --- reading what was sent -----------------------------------------------------
    def of(self, method: str) -> list[Call]:
        with self._changed:
            return [call for call in self.calls if call.method == method]

    def wait_for(
        self,
        method: str,
        count: int = 1,
        timeout: float = 30.0,
        where: Callable[[Call], bool] = lambda call: True,
    ) -> list[Call]:
        """Wait until ``count`` successful calls of ``method`` match ``where``; return them."""

        def matching() -> list[Call]:
            return [c for c in self.calls if c.method == method and c.status == 200 and where(c)]

        with self._changed:
            if not self._changed.wait_for(lambda: len(matching()) >= count, timeout=timeout):
                seen = [(c.method, c.status) for c in self.calls]
                raise AssertionError(
                    f"waited {timeout}s for {count} × {method}; calls so far: {seen}"
                )
            return matching()

    # --- the server --------------------------------------------------------------
    def _record(self, call: Call) -> None:
        with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    def _reply(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            return {
                "ok": True,
                "url": "https://council.slack.com/",
                "team": "Council",
                "user": "planbot",
                "team_id": TEAM_ID,
                "user_id": BOT_USER_ID,
                "bot_id": BOT_ID,
            }
        if method == "chat.postMessage":
            ts = f"1800000000.{next(self._ts):06d}"
            return {
                "ok": True,
                "channel": args.get("channel"),
                "ts": ts,
                "message": {"ts": ts, "text": args.get("text"), "thread_ts": args.get("thread_ts")},
            }
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": f"1800000000.{next(self._ts):06d}"}
        if method == "views.open":
            return {
                "ok": True,
                "view": {**(args.get("view") or {}), "id": f"V{next(self._ts):08d}"},
            }
        return {"ok": True}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        mock = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8")
                path = self.path.partition("?")[0].strip("/")
                method = "response_url" if path.startswith("response/") else path
                args = _parse(raw, self.headers.get("Content-Type") or "")
                if method == "response_url":
                    args["response_url"] = path
                headers = {k.lower(): v for k, v in self.headers.items()}
                failures = mock._failures.get(method)
                if failures:
                    status, extra, body = failures.pop(0)
                    mock._record(Call(method, args, headers, status))
                    self._send(status, json.dumps(body), extra)
                    return
                if method != "response_url" and not headers.get("authorization", "").startswith(
                    "Bearer xoxb-"
                ):
                    mock._record(Call(method, args, headers, 200))
                    self._send(200, json.dumps({"ok": False, "error": "invalid_auth"}))
                    return
                if method == "response_url":
                    mock._record(Call(method, args, headers, 200))
                    self._send(200, "ok", content_type="text/plain")
                    return
                reply = mock._reply(method, args)
                mock._record(Call(method, args, headers, 200, reply))
                self._send(200, json.dumps(reply))

            def _send(
                self,
                status: int,
                body: str,
                extra: dict[str, str] | None = None,
                content_type: str = "application/json; charset=utf-8",
            ) -> None:
                data = body.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                for name, value in (extra or {}).items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler


def _parse(raw: str, content_type: str) -> dict[str, Any]:
    if not raw:
        return {}
    if "json" in content_type or raw.lstrip().startswith("{"):
        args = json.loads(raw)
    else:
        args = {key: values[0] for key, values in parse_qs(raw).items()}
    for key in ("blocks", "view"):  # form-encoded calls send these as JSON strings
        if isinstance(args.get(key), str):
            args[key] = json.loads(args[key])
    return args
