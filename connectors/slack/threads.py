"""The conversation of each Slack thread, so follow-ups resolve.

"And who owns it?" only means something next to the answer before it. Slack does not
give a bot its own earlier replies for free (that is a ``conversations.replies`` call
and a history scope per message), so the bot keeps the conversation of each
(channel, thread) itself. What a conversation remembers, how long and how many, and
how a follow-up uses it are ``assistant.conversation``'s rules, the same as
``planbot chat``'s; this module only says which Slack messages share one.
"""

from __future__ import annotations

from assistant.conversation import Conversation, Conversations
from assistant.models import Answer

DM_ROOT = ""
"""The thread key of a DM's main conversation (messages not in a thread)."""


class ThreadMemory:
    """The conversation per (channel, thread_ts); a DM's main conversation is ``DM_ROOT``."""

    def __init__(self, max_threads: int = 5000, ttl_seconds: float = 7 * 24 * 3600) -> None:
        self._conversations = Conversations(max_threads, ttl_seconds)

    def conversation(self, channel: str, thread_ts: str | None) -> Conversation:
        """The thread's conversation, started empty for a new (or long idle) thread."""
        return self._conversations.get((channel, thread_ts or DM_ROOT))

    def remember(self, channel: str, thread_ts: str | None, answer: Answer) -> None:
        """``answer`` is the thread's latest turn (a shared answer starts its thread)."""
        self._conversations.remember((channel, thread_ts or DM_ROOT), answer)

    def last(self, channel: str, thread_ts: str | None) -> Answer | None:
        """The context a follow-up in this thread has, or ``None``."""
        return self._conversations.last((channel, thread_ts or DM_ROOT))

    def __len__(self) -> int:
        return len(self._conversations)
