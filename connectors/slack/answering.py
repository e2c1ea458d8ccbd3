"""Ask the library, keep the answer, and deliver it as Slack messages.

Listeners stay a few lines each because the shared steps live here: turning a
``QuestionError`` (empty, too long, no words) or a missing index into a polite reply,
keeping every posted answer so its buttons work later, and posting long answers as
several messages in order.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from slack_sdk import WebClient

from assistant.config import Settings
from assistant.conversation import Conversation
from assistant.models import Answer
from connectors.slack import blocks
from connectors.slack.access import Audience, access_for
from connectors.slack.dedupe import RecentKeys
from connectors.slack.drafting import draft_text
from connectors.slack.feedback import FeedbackStore
from connectors.slack.ratelimit import RateLimiter, slow_down_message
from connectors.slack.threads import ThreadMemory

if TYPE_CHECKING:
    from assistant.answering.router import Assistant

log = logging.getLogger(__name__)

HELP = (
    "Ask me about the council's plan documents and I'll answer with the sources, e.g.\n"
    "• @Plan Assistant how is 12.1 rated?\n"
    "• @Plan Assistant which commitments are amber?\n"
    "• /plan who is the cabinet member for the transport strategy?\n"
    'Reply in the thread to ask a follow-up, like "and who owns it?"'
)
NO_INDEX = (
    "I can't answer yet: the plan documents haven't been indexed. "
    "An administrator needs to run `planbot ingest`."
)
FAILED = (
    "Sorry, something went wrong while answering that. It has been logged; please try again later."
)
EXPIRED = (
    "I no longer have that answer (it may be from before a reset). Please ask the question again."
)


@dataclass(frozen=True)
class Reply:
    """One Slack message: the notification text and its blocks."""

    text: str
    blocks: list[blocks.Block]


@dataclass
class PlanBot:
    """What every listener shares: settings, the library, the answer store, memory, dedupe."""

    settings: Settings
    assistant: Assistant
    store: FeedbackStore
    memory: ThreadMemory = field(default_factory=ThreadMemory)
    recent: RecentKeys = field(default_factory=RecentKeys)
    limiter: RateLimiter = field(init=False)

    def __post_init__(self) -> None:
        self.limiter = RateLimiter(self.settings.slack_rate_limit)

    def over_limit(self, user: str | None) -> str | None:
        """The polite note when ``user`` has asked too often this minute, else None."""
        wait = self.limiter.wait_for(user)
        return slow_down_message(self.limiter.per_minute, wait) if wait else None

    def answer(
        self,
        question: str,
        *,
        user: str | None,
        channel: str | None,
        audience: Audience,
        conversation: Conversation | None = None,
        document: str | None = None,
    ) -> Answer | str:
        """An ``Answer`` from the documents its readers may see (``access``), or the
        message to show instead (help, a polite refusal, an error). In a
        ``conversation`` (a thread) the question has its context and the answer is
        kept as its latest turn (``assistant.conversation``)."""
        from assistant.answering.router import QuestionError
        from indexing.store import IndexMissing

        if not question.strip():
            return HELP
        if slow_down := self.over_limit(user):
            return slow_down
        try:
            access = access_for(self.settings, user=user, channel=channel, audience=audience)
            if conversation is not None:
                return conversation.ask(self.assistant, question, document=document, access=access)
            return self.assistant.ask(question, document=document, access=access)
        except QuestionError as err:
            return str(err)
        except IndexMissing:
            log.error("no index to answer from; run `planbot ingest`")
            return NO_INDEX
        except Exception:
            log.exception("answering failed")
            return FAILED

    def draft(
        self, query: str, *, user: str | None, channel: str | None, answer: Answer | None = None
    ) -> list[Reply]:
        """A private draft reply to ``query`` from the documents the asker may see, or a
        notice saying why there is none. ``answer`` is the fallback if drafting fails."""
        from assistant.answering.router import QuestionError
        from indexing.store import IndexMissing

        if slow_down := self.over_limit(user):
            return notice_replies(slow_down)
        access = access_for(self.settings, user=user, channel=channel, audience=Audience.asker)
        try:
            return draft_replies(draft_text(self.assistant, query, access=access, answer=answer))
        except QuestionError as err:
            return notice_replies(str(err))
        except IndexMissing:
            return notice_replies(NO_INDEX)
        except Exception:
            log.exception("drafting failed")
            return notice_replies(FAILED)


def answer_replies(answer: Answer, answer_id: str, **render: Any) -> list[Reply]:
    """An answer as the messages to post (usually one)."""
    text = blocks.fallback_text(answer)
    return [
        Reply(text=text, blocks=chunk)
        for chunk in blocks.answer_messages(answer, answer_id, **render)
    ]


def notice_replies(text: str) -> list[Reply]:
    return [Reply(text=blocks.escape(blocks.clip(text, 300)), blocks=blocks.notice_blocks(text))]


def draft_replies(draft: str) -> list[Reply]:
    return [Reply(text="Draft reply", blocks=chunk) for chunk in blocks.draft_messages(draft)]


def post(
    client: WebClient, channel: str, thread_ts: str | None, replies: list[Reply]
) -> str | None:
    """Post in order (in the thread when ``thread_ts``); the ts of the first message."""
    first: str | None = None
    for reply in replies:
        result = client.chat_postMessage(
            channel=channel,
            thread_ts=thread_ts,
            text=reply.text,
            blocks=reply.blocks,
            unfurl_links=False,
        )
        first = first or result.get("ts")
    return first


def respond_all(
    respond: Callable[..., Any], replies: list[Reply], *, response_type: str = "ephemeral"
) -> None:
    """Send through the interaction's ``response_url`` (works where the bot isn't a member)."""
    for reply in replies:
        respond(
            text=reply.text,
            blocks=reply.blocks,
            response_type=response_type,
            replace_original=False,
        )
