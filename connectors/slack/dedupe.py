"""Each Slack request answered once, however often it is delivered.

Slack redelivers an event (with ``X-Slack-Retry-Num``) when it did not see our 200 in
time, and sends one message twice when two subscriptions match it; and that header is
not signed, so anyone holding one captured request can add it to get past the replay
check (``ratelimit.refuse_replays``) as often as they like. A councillor who gets the
same answer three times, or sees one "Share in channel" click posted three times,
stops trusting the bot. So every kind of request has a stable key that Slack keeps the
same across its retries and that a new request never shares:

- an event: its ``event_id``;
- a slash command: its ``trigger_id`` (one per invocation);
- a button or menu action: the interaction's ``trigger_id`` with each action's
  ``action_id`` and ``action_ts``;
- a modal submission or shortcut: its ``trigger_id`` (and the view's id).

The first delivery claims the key and every later one within ``RETRY_WINDOW_SECONDS``
is acknowledged with 200 and goes no further. A retry of a request never seen (the bot
was down) is answered normally: the key, not the header, decides.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Hashable
from typing import Any

from cachetools import TTLCache
from slack_bolt.request import BoltRequest
from slack_bolt.response import BoltResponse

log = logging.getLogger(__name__)

RETRY_WINDOW_SECONDS = 3600.0
"""Slack retries an event three times over about five minutes; an hour is well past it."""
MAX_KEYS = 50_000


class RecentKeys:
    """A thread-safe set of keys seen in the last ``ttl_seconds``, bounded in size
    (``cachetools.TTLCache``: the oldest keys go first when it is full)."""

    def __init__(self, ttl_seconds: float = RETRY_WINDOW_SECONDS, max_keys: int = MAX_KEYS) -> None:
        self._seen: TTLCache[Hashable, bool] = TTLCache(maxsize=max_keys, ttl=ttl_seconds)
        self._lock = threading.Lock()
        self.ttl_seconds = ttl_seconds
        self.max_keys = max_keys

    def claim(self, key: Hashable) -> bool:
        """True the first time ``key`` is claimed; False for every repeat within the TTL."""
        with self._lock:
            if key in self._seen:
                return False
            self._seen[key] = True
            return True


def request_key(body: Any) -> tuple[Hashable, ...] | None:
    """The stable key of a delivery (see the module docstring); None when it has none
    (``url_verification``, a malformed body): such requests are not de-duplicated."""
    if not isinstance(body, dict):
        return None
    if body.get("event_id"):
        return ("event", str(body["event_id"]))
    trigger = body.get("trigger_id")
    if body.get("command") and trigger:
        return ("command", str(trigger))
    kind = body.get("type")
    if kind == "block_actions" and isinstance(body.get("actions"), list):
        actions = tuple(
            (str(a.get("action_id")), str(a.get("action_ts")))
            for a in body["actions"]
            if isinstance(a, dict)
        )
        return ("action", str(trigger), actions)
    if kind in ("view_submission", "view_closed"):
        view = body.get("view")
        if not isinstance(view, dict):
            view = {}
        return ("view", kind, str(view.get("id")), str(trigger or view.get("hash")))
    if trigger:
        return ("interaction", str(kind), str(trigger))
    return None


def first_header(request: BoltRequest, name: str) -> str | None:
    """The first value of header ``name`` (Bolt keeps each header's values as a list)."""
    values = request.headers.get(name)
    return values[0] if values else None


def drop_duplicate_requests(recent: RecentKeys) -> Callable[..., BoltResponse | None]:
    """Bolt global middleware: a repeated delivery is acked with 200 and goes no further.

    It runs after Bolt's signature check, so a forged request cannot use up a key.
    """

    def drop_duplicate_requests(
        request: BoltRequest, body: dict, next: Callable[[], None]
    ) -> BoltResponse | None:
        key = request_key(body)
        if key is not None and not request.lazy_only and not recent.claim(key):
            retry = first_header(request, "x-slack-retry-num")
            log.info("ignored a repeated delivery of %s %s (retry %s)", key[0], key[1], retry)
            return BoltResponse(status=200, body="", headers={"x-slack-no-retry": "1"})
        next()
        return None

    return drop_duplicate_requests
