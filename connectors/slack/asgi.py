"""The Bolt app as an ASGI application: what ``planbot slack --http`` serves (under uvicorn).

Bolt's own ASGI adapter (``slack_bolt.adapter.asgi``) calls the synchronous
``App.dispatch`` on the event loop, so one slow ack would stall every connection; this
one reads the body itself, bounded in size and time, and dispatches on a bounded thread
pool. Its request and response types are Bolt's (``BoltRequest``, ``BoltResponse``).

Routes:

- ``POST /slack/events``: Slack's requests. A body over ``max_body`` bytes is refused
  with 413 before it is read; one that does not arrive within ``body_timeout`` seconds
  gets 408; a request whose ``X-Slack-Request-Timestamp`` is not a number gets 401
  (Bolt's verifier would raise on it) — before Bolt sees any of them.
- ``GET /healthz``: 200 while the process serves (for a load balancer's liveness check).
- ``GET /readyz``: 200 when the index can be read (``ready()``), else 503: a bot whose
  index is missing should not be sent traffic.

Errors are never echoed to the caller: a body Bolt cannot parse is a bare 400.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import Executor, ThreadPoolExecutor
from typing import Any

from slack_bolt import App, BoltRequest, BoltResponse

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
MAX_BODY_BYTES = 1_000_000
"""Slack's largest payloads (a modal's state) are tens of KB; anything near 1 MB is abuse."""
BODY_TIMEOUT_SECONDS = 10.0
"""Slack sends a whole request at once; a body still arriving after this is a stalled client."""
DISPATCH_THREADS = 16
_NUMBER = re.compile(r"[0-9]{1,15}")
"""ASCII digits only: ``str.isdigit`` also accepts "²", which ``int()`` does not."""

Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


class _BodyTooLarge(Exception):
    pass


class SlackASGI:
    """ASGI callable: ``uvicorn.Config(SlackASGI(app), …)``."""

    def __init__(
        self,
        app: App,
        *,
        path: str = EVENTS_PATH,
        max_body: int = MAX_BODY_BYTES,
        body_timeout: float = BODY_TIMEOUT_SECONDS,
        ready: Callable[[], bool] | None = None,
        executor: Executor | None = None,
    ) -> None:
        self.app = app
        self.path = path
        self.max_body = max_body
        self.body_timeout = body_timeout
        self.ready = ready or (lambda: True)
        self.executor = executor or ThreadPoolExecutor(
            DISPATCH_THREADS, thread_name_prefix="planbot-dispatch"
        )

    async def __call__(self, scope: dict[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        method, path = scope["method"], scope["path"]
        if method in ("GET", "HEAD") and path == "/healthz":
            await _respond(send, 200, "ok")
        elif method in ("GET", "HEAD") and path == "/readyz":
            ok = await asyncio.get_running_loop().run_in_executor(self.executor, self._is_ready)
            await _respond(send, 200 if ok else 503, "ready" if ok else "not ready")
        elif method == "POST" and path == self.path:
            await self._events(scope, receive, send)
        else:
            await _respond(send, 404, "")

    def _is_ready(self) -> bool:
        try:
            return bool(self.ready())
        except Exception as err:  # noqa: BLE001 - not ready, whatever the reason; one log line per probe
            log.warning("not ready: %s", err)
            return False

    async def _events(self, scope: dict[str, Any], receive: Receive, send: Send) -> None:
        headers = _headers(scope)
        declared = headers.get("content-length", "0")
        if not _NUMBER.fullmatch(declared):
            await _respond(send, 400, "")
            return
        if int(declared) > self.max_body:
            await _respond(send, 413, "")
            return
        if not _NUMBER.fullmatch(headers.get("x-slack-request-timestamp", "0").strip()):
            await _respond(send, 401, "")  # Bolt's verifier would raise on int("abc")
            return
        try:
            body = await asyncio.wait_for(self._read_body(receive), self.body_timeout)
        except TimeoutError:
            await _respond(send, 408, "")
            return
        except _BodyTooLarge:
            await _respond(send, 413, "")
            return
        if body is None:  # the client went away
            return
        request_query = scope.get("query_string", b"").decode("latin-1")
        response = await asyncio.get_running_loop().run_in_executor(
            self.executor,
            self._dispatch,
            body.decode("utf-8", errors="replace"),
            request_query,
            headers,
        )
        await _respond(send, response.status, response.body, response.headers)

    async def _read_body(self, receive: Receive) -> bytes | None:
        chunks = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            chunks.extend(message.get("body", b""))
            if len(chunks) > self.max_body:
                raise _BodyTooLarge
            if not message.get("more_body", False):
                return bytes(chunks)

    def _dispatch(self, body: str, query: str, headers: dict[str, str]) -> BoltResponse:
        # Bolt takes each header as one value or a list of them (and only reads the dict).
        bolt_headers: dict[str, str | Sequence[str]] = dict(headers)
        try:
            return self.app.dispatch(BoltRequest(body=body, query=query, headers=bolt_headers))
        except Exception:  # a body Bolt cannot parse: say so without details
            log.warning(
                "rejected a request Bolt could not parse", exc_info=log.isEnabledFor(logging.DEBUG)
            )
            return BoltResponse(status=400, body="")


def _headers(scope: dict[str, Any]) -> dict[str, str]:
    return {
        name.decode("latin-1").lower(): value.decode("latin-1")
        for name, value in scope.get("headers", [])
    }


async def _respond(
    send: Send, status: int, body: str | bytes, headers: dict[str, Any] | None = None
) -> None:
    data = body.encode("utf-8") if isinstance(body, str) else bytes(body)
    raw: list[tuple[bytes, bytes]] = []
    for name, values in (headers or {}).items():
        if name.lower() == "content-length":
            continue
        for value in [values] if isinstance(values, str) else values:
            raw.append((name.lower().encode("latin-1"), str(value).encode("latin-1")))
    if status in (
        400,
        408,
        413,
    ):  # the rest of such a request is not read: do not reuse the connection
        raw.append((b"connection", b"close"))
    if not any(name == b"content-type" for name, _ in raw):
        raw.append((b"content-type", b"text/plain; charset=utf-8"))
    raw.append((b"content-length", str(len(data)).encode("ascii")))
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": data})


async def _lifespan(receive: Receive, send: Send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return
