"""Run the app: Socket Mode (no public endpoint) or an HTTP endpoint served by uvicorn.

Socket Mode suits a council network: the bot dials out to Slack over a websocket and
nothing needs to be reachable from the internet. The HTTP endpoint is for a bot behind
a TLS-terminating reverse proxy: the Bolt app as an ASGI application
(``connectors.slack.asgi``) under uvicorn, which reads connections on one event loop,
so a client that never finishes its request costs a socket, not a thread.

Limits (``ServerLimits``), each one a bound on what a client can hold:

- ``request_timeout``: a connection must have its request read and a response started
  within this many seconds of connecting (or of its previous response), else it is
  closed — uvicorn itself has no such timer, so a half-sent request would be held for
  ever (``_DeadlineH11`` adds it);
- ``body_timeout`` and ``max_body``: the body must arrive in time (else 408) and be
  small (else 413), checked before Bolt sees it;
- ``keep_alive``: an idle kept-alive connection is closed after this many seconds;
- ``max_connections``: past this many open connections new requests get 503;
- ``max_header_bytes``: a request line and headers larger than this are refused.

Bolt's ``app.start()`` was not used: its development server handles one request at a
time and listens on every interface.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass
from typing import Any, ClassVar

import uvicorn
from slack_bolt import App
from uvicorn.protocols.http.h11_impl import H11Protocol

from connectors.slack.asgi import (
    BODY_TIMEOUT_SECONDS,
    EVENTS_PATH,
    MAX_BODY_BYTES,
    SlackASGI,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ServerLimits:
    """How long and how much a client may hold the HTTP endpoint (see the module docstring)."""

    request_timeout: float = 15.0
    body_timeout: float = BODY_TIMEOUT_SECONDS
    keep_alive: int = 5
    max_connections: int = 1000
    max_body: int = MAX_BODY_BYTES
    max_header_bytes: int = 16 * 1024
    backlog: int = 1024
    graceful_shutdown: int = 30


class _DeadlineH11(H11Protocol):
    """uvicorn's h11 protocol with a request deadline (``ServerLimits.request_timeout``).

    Armed when a connection is made and again after each response; when it fires
    before a response has started, the connection is closed. Closing is quiet: the
    count is kept in ``closed_stalled`` (class-wide, per server) and logged at debug.
    """

    request_timeout = ServerLimits.request_timeout
    closed_stalled: ClassVar[list[int]] = [0]

    def connection_made(self, transport: Any) -> None:
        super().connection_made(transport)
        self._deadline: Any = None
        self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        if getattr(self, "_deadline", None) is not None:
            self._deadline.cancel()
        super().connection_lost(exc)

    def _arm(self) -> None:
        if getattr(self, "_deadline", None) is not None:
            self._deadline.cancel()
        if not self.transport.is_closing():
            self._deadline = self.loop.call_later(self.request_timeout, self._expire)

    def _expire(self) -> None:
        self._deadline = None
        if self.transport.is_closing() or (self.cycle is not None and self.cycle.response_started):
            return
        self.closed_stalled[0] += 1
        log.debug(
            "closed a connection that sent no complete request in %.0fs", self.request_timeout
        )
        self.transport.close()


def _protocol(limits: ServerLimits) -> type[_DeadlineH11]:
    """A subclass of its own per server, so each counts its closed connections apart."""
    return type(
        "DeadlineH11",
        (_DeadlineH11,),
        {"request_timeout": limits.request_timeout, "closed_stalled": [0]},
    )


class SlackHTTPServer:
    """POST ``/slack/events`` → Bolt; GET ``/healthz`` and ``/readyz``; served by uvicorn.

    Binds at construction (``port=0`` picks a free port; ``url`` tells which), then
    ``serve_forever()`` in the calling thread or ``start_background()`` in a daemon
    thread (tests); ``shutdown()`` stops serving, ``server_close()`` frees the socket.
    """

    def __init__(
        self,
        app: App,
        host: str = "127.0.0.1",
        port: int = 3000,
        path: str = EVENTS_PATH,
        max_body: int | None = None,
        *,
        limits: ServerLimits | None = None,
        ready: Callable[[], bool] | None = None,
    ) -> None:
        self.limits = limits or ServerLimits()
        if max_body is not None:
            self.limits = ServerLimits(**{**self.limits.__dict__, "max_body": max_body})
        self.events_path = path
        self.asgi = SlackASGI(
            app,
            path=path,
            max_body=self.limits.max_body,
            body_timeout=self.limits.body_timeout,
            ready=ready,
        )
        self.protocol = _protocol(self.limits)
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.socket = socket.socket(family, socket.SOCK_STREAM)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.socket.bind((host, port))
        config = uvicorn.Config(
            self.asgi,
            http=self.protocol,
            lifespan="off",
            log_config=None,
            access_log=False,
            server_header=False,
            timeout_keep_alive=self.limits.keep_alive,
            limit_concurrency=self.limits.max_connections,
            backlog=self.limits.backlog,
            h11_max_incomplete_event_size=self.limits.max_header_bytes,
            timeout_graceful_shutdown=self.limits.graceful_shutdown,
        )
        self.server = uvicorn.Server(config)
        self._thread: threading.Thread | None = None

    @property
    def server_address(self) -> tuple[str, int]:
        host, port = self.socket.getsockname()[:2]
        return host, port

    @property
    def url(self) -> str:
        host, port = self.server_address
        return f"http://{host}:{port}{self.events_path}"

    @property
    def closed_stalled(self) -> int:
        """Connections closed so far for sending no complete request within the timeout."""
        return self.protocol.closed_stalled[0]

    def serve_forever(self) -> None:
        """Serve in this thread until ``shutdown()``, Ctrl-C or SIGTERM (uvicorn's own handling)."""
        self.server.run(sockets=[self.socket])

    def start_background(self, timeout: float = 10.0) -> threading.Thread:
        """Serve in a daemon thread; returns once the server accepts connections."""
        self._thread = threading.Thread(target=self.serve_forever, name="planbot-http", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the HTTP server did not start")
            time.sleep(0.01)
        return self._thread

    def shutdown(self, timeout: float = 30.0) -> None:
        self.server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)

    def server_close(self) -> None:
        self.socket.close()
        self.asgi.executor.shutdown(wait=False)


def serve_http(
    app: App,
    *,
    host: str,
    port: int,
    executor: Executor | None = None,
    ready: Callable[[], bool] | None = None,
) -> None:
    """Serve until Ctrl-C / SIGTERM, then let answers already acknowledged finish."""
    server = SlackHTTPServer(app, host=host, port=port, ready=ready)
    log.info("Plan Assistant listening on %s (health: /healthz, readiness: /readyz)", server.url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        if executor is not None:
            executor.shutdown(wait=True)


def serve_socket_mode(app: App, app_token: str, *, executor: Executor | None = None) -> None:
    """Connect to Slack over a websocket and serve until Ctrl-C."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    handler = SocketModeHandler(app, app_token)
    log.info("Plan Assistant connecting to Slack (Socket Mode)")
    try:
        handler.start()
    except KeyboardInterrupt:
        pass
    finally:
        handler.close()
        if executor is not None:
            executor.shutdown(wait=True)
