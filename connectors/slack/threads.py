"""The last answer in each Slack thread, so follow-ups resolve.

"And who owns it?" only means something next to the answer before it. Slack does not
give a bot its own earlier replies for free (that is a ``conversations.replies`` call
and a history scope per message), so the bot remembers the last ``Answer`` it posted
in each (channel, thread) in memory. Bounded, so a long-running bot cannot grow
without limit; lost on restart, which costs only the context of a follow-up.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict

from assistant.models import Answer

DM_ROOT = ""
"""The thread key of a DM's main conversation (messages not in a thread)."""


class ThreadMemory:
    """Last ``Answer`` per (channel, thread_ts); least recently used threads are forgotten."""

    def __init__(self, max_threads: int = 5000, ttl_seconds: float = 7 * 24 * 3600) -> None:
        self._answers: OrderedDict[tuple[str, str], tuple[float, Answer]] = OrderedDict()
        self._lock = threading.Lock()
        self.max_threads = max_threads
        self.ttl_seconds = ttl_seconds

    def remember(self, channel: str, thread_ts: str | None, answer: Answer) -> None:
        key = (channel, thread_ts or DM_ROOT)
        with self._lock:
            self._answers[key] = (time.monotonic(), answer)
            self._answers.move_to_end(key)
            while len(self._answers) > self.max_threads:
                self._answers.popitem(last=False)

    def last(self, channel: str, thread_ts: str | None) -> Answer | None:
        """The previous answer in this thread, or ``None`` (none, or too old to trust)."""
        key = (channel, thread_ts or DM_ROOT)
        with self._lock:
            entry = self._answers.get(key)
            if entry is None:
                return None
            stamp, answer = entry
            if time.monotonic() - stamp > self.ttl_seconds:
                del self._answers[key]
                return None
            self._answers.move_to_end(key)
            return answer

    def __len__(self) -> int:
        with self._lock:
            return len(self._answers)
