"""Run the app: Socket Mode (no public endpoint) or an HTTP endpoint.

Socket Mode suits a council network: the bot dials out to Slack over a websocket and
nothing needs to be reachable from the internet. The HTTP endpoint is for a bot behind
a TLS-terminating reverse proxy. It is a small stdlib server rather than Bolt's
``app.start()`` because Bolt's development server handles one request at a time and
listens on every interface; this one is threaded (a slow request cannot hold up
another's 3-second ack), binds to the host given, refuses oversized bodies before
reading them, and never echoes an error's details to the caller.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Executor
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from slack_bolt import App, BoltRequest

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
MAX_BODY_BYTES = 1_000_000
"""Slack's largest payloads (a modal's state) are tens of KB; anything near 1 MB is abuse."""


class SlackHTTPServer(ThreadingHTTPServer):
    """POST ``/slack/events`` → ``app.dispatch``; GET ``/healthz`` → 200 for load balancers."""

    daemon_threads = True
    request_queue_size = 128
    """Connections waiting to be accepted. The stdlib default of 5 resets the sixth
    connection of a burst (a busy channel, Slack's retries) before it is even read."""

    def __init__(self, app: App, host: str = "127.0.0.1", port: int = 3000, path: str = EVENTS_PATH,
                 max_body: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.events_path = path
        self.max_body = max_body
        super().__init__((host, port), _Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}{self.events_path}"

    def start_background(self) -> threading.Thread:
        """Serve in a daemon thread (tests, embedding); stop with ``shutdown()``."""
        thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        thread.start()
        return thread


class _Handler(BaseHTTPRequestHandler):
    server: SlackHTTPServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        log.debug("%s " + format, self.address_string(), *args)

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        if self.path.partition("?")[0] == "/healthz":
            self._send(HTTPStatus.OK, {}, "ok")
        else:
            self._send(HTTPStatus.NOT_FOUND, {}, "")

    def do_POST(self) -> None:  # noqa: N802 - stdlib name
        path, _, query = self.path.partition("?")
        if path != self.server.events_path:
            self._send(HTTPStatus.NOT_FOUND, {}, "")
            return
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > self.server.max_body:
            self.close_connection = True
            self._send(HTTPStatus.REQUEST_ENTITY_TOO_LARGE if length > 0 else HTTPStatus.BAD_REQUEST, {}, "")
            return
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        try:
            request = BoltRequest(body=body, query=query, headers={k: v for k, v in self.headers.items()})
            response = self.server.app.dispatch(request)
        except Exception:  # a body Bolt cannot parse: say so without details
            log.warning("rejected a request Bolt could not parse", exc_info=log.isEnabledFor(logging.DEBUG))
            self._send(HTTPStatus.BAD_REQUEST, {}, "")
            return
        self._send(response.status, response.headers, response.body)

    def _send(self, status: int, headers: dict, body: str) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else bytes(body)
        self.send_response(status)
        for name, values in headers.items():
            if name.lower() in ("content-length",):
                continue
            for value in [values] if isinstance(values, str) else values:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def serve_http(app: App, *, host: str, port: int, executor: Executor | None = None) -> None:
    """Serve until Ctrl-C / SIGTERM, then let answers already acknowledged finish."""
    server = SlackHTTPServer(app, host=host, port=port)
    log.info("Plan Assistant listening on %s", server.url)
    try:
        server.serve_forever(poll_interval=0.2)
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
