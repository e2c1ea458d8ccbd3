"""A local stand-in for an OpenAI-compatible model server, with scripted replies.

No hosted model can be reached from the tests, so this is a real HTTP server on
127.0.0.1 (stdlib ``http.server`` in a thread, random port) that speaks the part of the
OpenAI protocol our backend uses: ``POST /v1/chat/completions`` (plain and
``stream: true``) and ``GET /v1/models``. It checks requests the way the real API does
(bearer key, a ``model``, a non-empty ``messages`` list) and records every request
body, so a test can assert exactly what text the model was shown. The reply to each
request is whatever the test scripted: a fixed string, or a function of the request.
Everything between our code and this server — llama-index's ``OpenAILike``, the
``openai`` client, HTTP — is the real thing.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from typing import Any

from local_server import LocalServer

Reply = str | Callable[[dict[str, Any]], str]


class MockOpenAI(LocalServer):
    """The server. ``url`` is the ``api_base`` (ends in ``/v1``); use as a context manager."""

    def __init__(self, model: str = "council-test-model", api_key: str = "test-key") -> None:
        self.model = model
        self.api_key = api_key
        self.requests: list[dict[str, Any]] = []
        self._replies: deque[Reply] = deque()
        self._default: Reply | None = None
        self._lock = threading.Lock()
        super().__init__(self._handler())

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    # --- scripting -------------------------------------------------------------------
    def script(self, *replies: Reply) -> None:
        """Queue the replies to the next requests, in order (a string, or request → string)."""
        with self._lock:
            self._replies.extend(replies)

    def always(self, reply: Reply | None) -> None:
        """The reply when the queue is empty (``None``: answer 500, as a broken server would)."""
        self._default = reply

    def reset(self) -> None:
        with self._lock:
            self._replies.clear()
            self.requests.clear()
        self._default = None

    # --- what was asked --------------------------------------------------------------
    @property
    def last(self) -> dict[str, Any]:
        return self.requests[-1]

    def prompt_text(self, index: int = -1) -> str:
        """Every message's content of one request, joined: what the model was shown."""
        return "\n".join(str(m.get("content", "")) for m in self.requests[index]["messages"])

    # --- the protocol ----------------------------------------------------------------
    def _next_reply(self, body: dict[str, Any]) -> str | None:
        with self._lock:
            reply = self._replies.popleft() if self._replies else self._default
        if reply is None:
            return None
        return reply(body) if callable(reply) else reply

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        mock = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def _send(self, status: int, payload: dict[str, Any]) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _error(self, status: int, message: str, kind: str) -> None:
                self._send(
                    status,
                    {"error": {"message": message, "type": kind, "param": None, "code": None}},
                )

            def _authorised(self) -> bool:
                if self.headers.get("Authorization") == f"Bearer {mock.api_key}":
                    return True
                self._error(401, "Incorrect API key provided.", "invalid_request_error")
                return False

            def do_GET(self) -> None:
                if self.path.rstrip("/") != "/v1/models":
                    self._error(404, f"Unknown path {self.path}", "invalid_request_error")
                    return
                if self._authorised():
                    self._send(
                        200,
                        {
                            "object": "list",
                            "data": [
                                {
                                    "id": mock.model,
                                    "object": "model",
                                    "created": 1700000000,
                                    "owned_by": "planbot-tests",
                                }
                            ],
                        },
                    )

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                if self.path.rstrip("/") != "/v1/chat/completions":
                    self._error(404, f"Unknown path {self.path}", "invalid_request_error")
                    return
                if not self._authorised():
                    return
                try:
                    body = json.loads(raw or b"{}")
                except json.JSONDecodeError:
                    self._error(
                        400,
                        "We could not parse the JSON body of your request.",
                        "invalid_request_error",
                    )
                    return
                messages = body.get("messages")
                if (
                    not body.get("model")
                    or not isinstance(messages, list)
                    or not messages
                    or not all(
                        isinstance(m, dict)
                        and m.get("role") in {"system", "user", "assistant", "developer", "tool"}
                        for m in messages
                    )
                ):
                    self._error(
                        400,
                        "'model' and a non-empty 'messages' list are required.",
                        "invalid_request_error",
                    )
                    return
                mock.requests.append(body)
                content = mock._next_reply(body)
                if content is None:
                    self._error(
                        500,
                        "The server had an error while processing your request.",
                        "server_error",
                    )
                    return
                if body.get("stream"):
                    self._stream(body, content)
                    return
                self._send(200, completion(body["model"], content, prompt=json.dumps(messages)))

            def _stream(self, body: dict[str, Any], content: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Connection", "close")
                self.end_headers()
                ident, created = f"chatcmpl-{time.time_ns()}", int(time.time())
                pieces = [{"role": "assistant", "content": ""}] + [
                    {"content": word} for word in _chunks(content)
                ]
                for delta in pieces:
                    chunk = {
                        "id": ident,
                        "object": "chat.completion.chunk",
                        "created": created,
                        "model": body["model"],
                        "choices": [{"index": 0, "delta": delta, "finish_reason": None}],
                    }
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                end = {
                    "id": ident,
                    "object": "chat.completion.chunk",
                    "created": created,
                    "model": body["model"],
                    "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
                }
                self.wfile.write(f"data: {json.dumps(end)}\n\ndata: [DONE]\n\n".encode())
                self.close_connection = True

        return Handler


def completion(model: str, content: str, prompt: str = "") -> dict[str, Any]:
    """A ``chat.completion`` object as the OpenAI API returns it."""
    prompt_tokens, completion_tokens = len(prompt.split()), len(content.split())
    return {
        "id": f"chatcmpl-{time.time_ns()}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content, "refusal": None},
                "logprobs": None,
                "finish_reason": "stop",
            }
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


def _chunks(text: str, size: int = 16) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]
