"""Where the bot answers: @mentions, DMs, thread follow-ups and ``/plan``.

Every listener acknowledges at once and answers in a Bolt *lazy* listener on the
worker pool, so Slack gets its 200 well within 3 seconds however long an answer takes.

- An @mention in a channel is answered in a thread under it; a mention inside a thread
  the bot answered in is a follow-up, with that thread's last answer as context.
- A DM is answered in the DM; no mention is needed, and a follow-up in the same DM (or
  DM thread) has the previous answer as context.
- A channel message that doesn't mention the bot is acknowledged and left alone.
- ``/plan <question>`` answers privately, with a Share in channel button.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from connectors.slack.access import Audience
from connectors.slack.answering import (
    HELP,
    PlanBot,
    answer_replies,
    notice_replies,
    post,
    respond_all,
)
from connectors.slack.incoming import clean_question

ASKING_SUBTYPES = frozenset({None, "file_share"})
"""Message subtypes that are a person asking something (edits, joins, bot posts are not)."""


def _ack(ack: Ack) -> None:
    ack()


def register(app: App, bot: PlanBot) -> None:
    """Add the message and slash-command listeners to ``app``."""

    def answer_mention(event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        channel, ts = event["channel"], event["ts"]
        if not bot.recent.claim(("message", channel, ts)):
            return
        root = event.get("thread_ts") or ts  # a new mention starts its own thread
        question = clean_question(event.get("text", ""), context.bot_user_id)
        converse(
            bot,
            client,
            channel=channel,
            reply_ts=root,
            memory_ts=root,
            question=question,
            user=event.get("user"),
        )

    def is_direct_question(event: dict[str, Any]) -> bool:
        return (
            event.get("channel_type") == "im"
            and event.get("subtype") in ASKING_SUBTYPES
            and not event.get("bot_id")
            and bool(event.get("text"))
        )

    def answer_direct_message(
        event: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        channel, ts = event["channel"], event["ts"]
        if not bot.recent.claim(("message", channel, ts)):
            return
        in_thread = event.get("thread_ts")
        question = clean_question(event.get("text", ""), context.bot_user_id)
        converse(
            bot,
            client,
            channel=channel,
            reply_ts=in_thread,
            memory_ts=in_thread,
            question=question,
            user=event.get("user"),
        )

    def ack_plan(ack: Ack, command: dict[str, Any]) -> None:
        if not clean_question(command.get("text", "")):
            ack(text=HELP)
            return
        ack()

    def answer_plan(command: dict[str, Any], respond: Respond) -> None:
        question = clean_question(command.get("text", ""))
        if not question:
            return  # the help text went with the ack
        user, channel = command.get("user_id"), command.get("channel_id")
        result = bot.answer(question, user=user, channel=channel, audience=Audience.shareable)
        if isinstance(result, str):
            respond_all(respond, notice_replies(result))
            return
        answer_id = bot.store.save_answer(result, user=user, channel=channel)
        respond_all(respond, answer_replies(result, answer_id, ephemeral=True, show_question=True))

    def ignore(ack: Ack) -> None:
        """Channel chatter and message edits: acknowledged (or Slack would retry), not answered."""
        ack()

    app.event("app_mention")(ack=_ack, lazy=[answer_mention])
    app.event("message", matchers=[is_direct_question])(ack=_ack, lazy=[answer_direct_message])
    app.event("message")(ignore)
    app.command("/plan")(ack=ack_plan, lazy=[answer_plan])


def converse(
    bot: PlanBot,
    client: WebClient,
    *,
    channel: str,
    reply_ts: str | None,
    memory_ts: str | None,
    question: str,
    user: str | None,
) -> None:
    """Answer in a conversation (thread ``reply_ts``, remembered under ``memory_ts``): the
    question has the thread's context and its answer is the thread's latest turn, kept
    before posting, as a reply may follow at once."""
    conversation = bot.memory.conversation(channel, memory_ts)
    result = bot.answer(
        question, user=user, channel=channel, audience=Audience.channel, conversation=conversation
    )
    if isinstance(result, str):
        post(client, channel, reply_ts, notice_replies(result))
        return
    answer_id = bot.store.save_answer(result, user=user, channel=channel, thread_ts=reply_ts)
    post(client, channel, reply_ts, answer_replies(result, answer_id))
