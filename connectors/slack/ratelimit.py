"""Per-person question limits, and refusing a signed request that is sent twice.

A councillor pasting the same question ten times, or a script in someone's name,
should not be able to hold the bot's workers (and every other asker's answers) busy,
so each Slack user may ask ``PLANBOT_SLACK_RATE_LIMIT`` questions a minute; past that
they get a polite note, not silence.

Slack signs each delivery with its own timestamp, so the same signature arriving twice
is a captured request being replayed (within the five minutes Bolt allows for clock
skew). It is refused with 401 before any listener runs. A delivery marked as Slack's
retry (``X-Slack-Retry-Num``) is let through to the event-id check instead, which
acknowledges it with 200 and answers nothing: that header is not signed, so it cannot
be trusted to mean "new", only to mean "don't refuse, don't answer twice".
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable

from cachetools import TTLCache
from slack_bolt.request import BoltRequest
from slack_bolt.response import BoltResponse

from connectors.slack.dedupe import RecentKeys, first_header

log = logging.getLogger(__name__)

WINDOW_SECONDS = 60.0
MAX_ASKERS = 10_000
"""People tracked at once; one silent for a whole window is forgotten first anyway."""


class RateLimiter:
    """At most ``per_minute`` questions per key in any 60 seconds; 0 means no limit.

    Each key's times sit in a ``cachetools.TTLCache`` that drops a key a window after its
    last question (by then none of its times count), so the limiter stays small."""

    def __init__(self, per_minute: int, window: float = WINDOW_SECONDS) -> None:
        self.per_minute = per_minute
        self.window = window
        self._asked: TTLCache[str, deque[float]] = TTLCache(
            maxsize=MAX_ASKERS, ttl=window, timer=time.monotonic
        )
        self._lock = threading.Lock()

    def wait_for(self, key: str | None) -> float:
        """0 if ``key`` may ask now (and counts the question); else seconds until it may."""
        if not self.per_minute or not key:
            return 0.0
        now = time.monotonic()
        with self._lock:
            asked = self._asked.get(key) or deque()
            while asked and now - asked[0] >= self.window:
                asked.popleft()
            if len(asked) >= self.per_minute:
                return self.window - (now - asked[0])
            asked.append(now)
            self._asked[key] = asked  # set again: the key lives a window past this question
            return 0.0


def slow_down_message(per_minute: int, wait: float) -> str:
    """The polite note for someone over the limit: what the limit is, how long to wait."""
    seconds = max(1, round(wait))
    return (
        f"You've asked {per_minute} questions in the last minute, which is as many as I take "
        f"from one person. Please wait about {seconds} second{'s' if seconds != 1 else ''} "
        "and ask again."
    )


def refuse_replays(recent: RecentKeys) -> Callable[..., BoltResponse | None]:
    """Bolt global middleware: a request whose signature was seen before gets 401.

    It runs after Bolt's signature and timestamp check, so only a genuinely signed
    request can claim a signature, and a key is kept for Bolt's five-minute window.
    """

    def refuse_replays(request: BoltRequest, next: Callable[[], None]) -> BoltResponse | None:
        signature = first_header(request, "x-slack-signature")
        stamp = first_header(request, "x-slack-request-timestamp")
        retry = request.headers.get("x-slack-retry-num")
        if (
            signature
            and not retry
            and not request.lazy_only
            and not recent.claim(("signature", stamp, signature))
        ):
            log.warning("refused a replayed request (a signature already used)")
            return BoltResponse(status=401, body="")
        next()
        return None

    return refuse_replays
