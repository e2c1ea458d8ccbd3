"""Build the Bolt ``App``: the client, the middleware and every listener.

``build_app`` is the one place the pieces meet, and it takes the ``WebClient`` as an
argument so tests can point it at a local mock of Slack's Web API and drive the real
app with signed requests.

``process_before_response=True``: ack functions run in the request thread and answer
at once, and only the lazy listeners go to the worker pool. With Bolt's default
(``False``) every listener, acks included, queues on the same pool, so a burst of
questions could hold a button's ack past Slack's 3 seconds.
"""

from __future__ import annotations

import logging
from concurrent.futures import Executor
from typing import TYPE_CHECKING

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from assistant.config import Settings
from connectors.slack import actions, listeners
from connectors.slack.answering import PlanBot
from connectors.slack.dedupe import RecentKeys, drop_duplicate_requests
from connectors.slack.executor import InflightExecutor
from connectors.slack.feedback import FeedbackStore
from connectors.slack.ratelimit import refuse_replays

if TYPE_CHECKING:
    from assistant.answering.router import Assistant

RATE_LIMIT_RETRIES = 2
SIGNATURE_MEMORY_SECONDS = 600
"""Longer than the five minutes in which Bolt accepts a request's timestamp."""


def _secret(value: object) -> str | None:
    return value.get_secret_value() if value is not None else None  # type: ignore[attr-defined]


def build_app(
    settings: Settings,
    assistant: Assistant,
    client: WebClient | None = None,
    *,
    executor: Executor | None = None,
    bot: PlanBot | None = None,
) -> App:
    """The Plan Assistant Bolt app, with listeners registered.

    ``client`` defaults to a ``WebClient`` with ``SLACK_BOT_TOKEN``; tests pass one whose
    ``base_url`` is a mock of Slack's Web API.

    Calls ``auth.test`` once (Bolt checks the bot token and learns its own user id, to
    strip its mention and ignore its own messages); an invalid token raises
    ``slack_bolt.error.BoltError``.
    """
    token = _secret(settings.slack_bot_token)
    client = client or WebClient(token=token)
    if client.token is None:
        client.token = token  # Bolt takes the token from the client when given one
    if not any(
        isinstance(handler, RateLimitErrorRetryHandler) for handler in client.retry_handlers
    ):
        # Honour 429 Retry-After; Bolt copies these handlers onto each request's client.
        client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES))
    app = App(
        signing_secret=_secret(settings.slack_signing_secret) or "",
        client=client,
        process_before_response=True,
        listener_executor=executor or InflightExecutor(),
        logger=logging.getLogger("planbot.slack"),
    )
    bot = bot or PlanBot(
        settings=settings, assistant=assistant, store=FeedbackStore(settings.feedback_db)
    )
    app.use(refuse_replays(RecentKeys(ttl_seconds=SIGNATURE_MEMORY_SECONDS)))
    app.use(drop_duplicate_requests(bot.recent))
    listeners.register(app, bot)
    actions.register(app, bot)
    return app
