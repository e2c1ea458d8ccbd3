"""Each Slack event answered once, however often it is delivered.

Slack redelivers an event (with ``X-Slack-Retry-Num``) when it did not see our 200 in
time, and sends one message twice when two subscriptions match it. A councillor who
gets the same answer three times stops trusting the bot, so the first delivery of an
``event_id`` claims it and every later one is acknowledged and dropped. A retry of an
event never seen (the bot was down) is answered normally: the key, not the header,
decides.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable

from slack_bolt.request import BoltRequest
from slack_bolt.response import BoltResponse

log = logging.getLogger(__name__)


class RecentKeys:
    """A thread-safe set of keys seen in the last ``ttl_seconds`` (bounded in size)."""

    def __init__(self, ttl_seconds: float = 3600, max_keys: int = 50_000) -> None:
        self._seen: OrderedDict[Hashable, float] = OrderedDict()
        self._lock = threading.Lock()
        self.ttl_seconds = ttl_seconds
        self.max_keys = max_keys

    def claim(self, key: Hashable) -> bool:
        """True the first time ``key`` is claimed; False for every repeat within the TTL."""
        now = time.monotonic()
        with self._lock:
            while self._seen and (
                len(self._seen) >= self.max_keys or now - next(iter(self._seen.values())) > self.ttl_seconds
            ):
                self._seen.popitem(last=False)
            if key in self._seen:
                return False
            self._seen[key] = now
            return True


def drop_duplicate_events(recent: RecentKeys) -> Callable[..., BoltResponse | None]:
    """Bolt global middleware: a repeated ``event_id`` is acked with 200 and goes no further.

    It runs after Bolt's signature check, so a forged request cannot use up an event id.
    """

    def drop_duplicate_events(request: BoltRequest, body: dict, next: Callable[[], None]) -> BoltResponse | None:  # noqa: A002
        event_id = body.get("event_id") if isinstance(body, dict) else None
        if event_id and not request.lazy_only and not recent.claim(("event", event_id)):
            retry = (request.headers.get("x-slack-retry-num") or [None])[0]
            log.info("ignored a repeated delivery of event %s (retry %s)", event_id, retry)
            return BoltResponse(status=200, body="", headers={"x-slack-no-retry": "1"})
        next()
        return None

    return drop_duplicate_events
