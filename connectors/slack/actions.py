"""The buttons on an answer, the 👎 modal and the Draft a reply message shortcut.

- 👍 / 👎 record a vote on the kept answer; 👎 also opens a modal asking what was wrong
  and what the answer should have been (the modal is opened inside the ack function:
  its ``trigger_id`` expires after 3 seconds, too soon to wait behind queued answers).
- Share in channel posts a private ``/plan`` answer publicly and removes the private one.
- A nearest-item button asks about that item, in the same place as the answer it was on.
- Draft a reply (button, or the message shortcut on a member's message) sends the
  officer a private, editable draft with every statement cited, written by the
  drafting path from the documents the officer may see.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from connectors.slack import blocks, feedback_modal
from connectors.slack.access import Audience
from connectors.slack.answering import (
    EXPIRED,
    PlanBot,
    answer_replies,
    notice_replies,
    post,
    respond_all,
)
from connectors.slack.feedback import FOLLOW_UP_OF
from connectors.slack.incoming import clean_question

log = logging.getLogger(__name__)

DRAFT_SHORTCUT = "plan_draft_reply"
THANKS = "Thanks for the feedback."
THANKS_CORRECTION = (
    "Thank you. Your correction has been saved and will become a test the assistant must pass."
)


def _ack(ack: Ack) -> None:
    ack()


def _where(body: dict[str, Any]) -> tuple[str | None, str | None, bool]:
    """(channel, thread to answer in, whether the clicked message was ephemeral)."""
    container = body.get("container") or {}
    channel = container.get("channel_id") or (body.get("channel") or {}).get("id")
    message = body.get("message") or {}
    thread = (
        message.get("thread_ts")
        or message.get("ts")
        or container.get("thread_ts")
        or container.get("message_ts")
    )
    if channel and channel.startswith("D") and not message.get("thread_ts"):
        thread = None  # a DM's main conversation stays unthreaded
    return channel, thread, bool(container.get("is_ephemeral"))


def _user(body: dict[str, Any]) -> str | None:
    return (body.get("user") or {}).get("id")


def register(app: App, bot: PlanBot) -> None:
    """Add the button, modal and shortcut listeners to ``app``."""

    def vote_up(body: dict[str, Any], action: dict[str, Any], respond: Respond) -> None:
        channel, _, _ = _where(body)
        if bot.store.record(action["value"], "up", user=_user(body), channel=channel) is None:
            respond_all(respond, notice_replies(EXPIRED))
            return
        respond_all(respond, notice_replies(f"👍 {THANKS}"))

    def vote_down(
        ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, respond: Respond
    ) -> None:
        ack()
        channel, _, _ = _where(body)
        feedback_id = bot.store.record(action["value"], "down", user=_user(body), channel=channel)
        answer = bot.store.answer(action["value"])
        if feedback_id is None or answer is None:
            respond_all(respond, notice_replies(EXPIRED))
            return
        client.views_open(
            trigger_id=body["trigger_id"],
            view=feedback_modal.feedback_modal(feedback_id, answer.question),
        )

    def save_correction(ack: Ack, view: dict[str, Any]) -> None:
        feedback_id, fields = feedback_modal.parse_feedback_modal(view)
        saved = feedback_id is not None and bot.store.add_correction(
            feedback_id,
            kind=fields["kind"],
            wrong=fields["wrong"],
            expected=fields["expected"],
            expected_refs=fields["refs"],
        )
        text = THANKS_CORRECTION if saved else EXPIRED
        ack(
            response_action="update",
            view={
                "type": "modal",
                "title": {"type": "plain_text", "text": "Plan Assistant"},
                "close": {"type": "plain_text", "text": "Close"},
                "blocks": blocks.notice_blocks(text),
            },
        )

    def share(
        body: dict[str, Any], action: dict[str, Any], client: WebClient, respond: Respond
    ) -> None:
        answer = bot.store.answer(action["value"])
        if answer is None:
            respond_all(respond, notice_replies(EXPIRED))
            return
        channel, _, _ = _where(body)
        user = _user(body)
        replies = answer_replies(answer, action["value"], shared_by=user)
        try:
            ts = post(client, channel or "", None, replies)
            if ts and channel:
                bot.memory.remember(channel, ts, answer)  # a mention in its thread is a follow-up
        except SlackApiError as err:
            if err.response.get("error") not in ("not_in_channel", "channel_not_found"):
                raise
            respond_all(
                respond, replies, response_type="in_channel"
            )  # bot not a member: via response_url
        respond(delete_original=True)

    def ask_nearest(
        body: dict[str, Any], action: dict[str, Any], client: WebClient, respond: Respond
    ) -> None:
        question, document = blocks.nearest_question(action["value"])
        channel, thread, ephemeral = _where(body)
        audience = Audience.shareable if ephemeral else Audience.channel
        result = bot.answer(
            question, user=_user(body), channel=channel, audience=audience, document=document
        )
        if isinstance(result, str):
            respond_all(respond, notice_replies(result))
            return
        answer_id = bot.store.save_answer(
            result, user=_user(body), channel=channel, thread_ts=thread
        )
        if ephemeral or not channel:
            respond_all(
                respond, answer_replies(result, answer_id, ephemeral=True, show_question=True)
            )
            return
        bot.memory.remember(channel, thread, result)
        post(client, channel, thread, answer_replies(result, answer_id, show_question=True))

    def draft(body: dict[str, Any], action: dict[str, Any], respond: Respond) -> None:
        answer = bot.store.answer(action["value"])
        if answer is None:
            respond_all(respond, notice_replies(EXPIRED))
            return
        context = answer.metadata.get(FOLLOW_UP_OF)  # "who owns it?" needs what it followed
        query = f"{context} {answer.question}" if context else answer.question
        channel, _, _ = _where(body)
        respond_all(respond, bot.draft(query, user=_user(body), channel=channel, answer=answer))

    def draft_from_message(
        shortcut: dict[str, Any], respond: Respond, context: BoltContext
    ) -> None:
        query = clean_question((shortcut.get("message") or {}).get("text", ""), context.bot_user_id)
        channel = (shortcut.get("channel") or {}).get("id")
        respond_all(respond, bot.draft(query, user=_user(shortcut), channel=channel))

    app.action(blocks.ACTION_UP)(ack=_ack, lazy=[vote_up])
    app.action(blocks.ACTION_DOWN)(vote_down)
    app.view(feedback_modal.FEEDBACK_VIEW)(save_correction)
    app.action(blocks.ACTION_SHARE)(ack=_ack, lazy=[share])
    app.action(re.compile(rf"^{blocks.ACTION_NEAREST}_\d+$"))(ack=_ack, lazy=[ask_nearest])
    app.action(blocks.ACTION_DRAFT)(ack=_ack, lazy=[draft])
    app.shortcut(DRAFT_SHORTCUT)(ack=_ack, lazy=[draft_from_message])
