"""Which documents an answer in Slack may draw on: decided by who will be able to see it.

``PLANBOT_SLACK_ACCESS`` maps channel and user ids to access labels (``public``,
``members``, ``restricted``); anyone or anywhere unlisted gets ``default_access``. The
rule is that an answer is scoped to *everyone who can read it, now or after a click*:

- posted in a channel (a mention, a follow-up, a shared answer): the channel's labels;
- in the bot's DM: the asker's labels (no one else reads it);
- private but shareable (``/plan``): the labels both the asker and the channel have,
  so Share in channel can never publish what the channel may not see. This holds in
  DMs too, because ``/plan`` also works in a DM between two people;
- private and never shareable (a draft from the message shortcut): the asker's labels.

The library filters documents out before any lookup or ranking, so a document outside
the labels is never cited, quoted or suggested.
"""

from __future__ import annotations

from enum import Enum

from assistant.config import Settings


class Audience(str, Enum):
    """Who will be able to read an answer."""

    channel = "channel"
    asker = "asker"
    shareable = "shareable"


def is_direct_message(channel: str | None) -> bool:
    return bool(channel) and channel.startswith("D")  # type: ignore[union-attr]


def access_for(
    settings: Settings, *, user: str | None, channel: str | None, audience: Audience
) -> list[str]:
    """The access labels for an answer to ``user`` in ``channel`` read by ``audience``."""
    default = list(settings.default_access)
    user_labels = settings.slack_access.get(user or "", default)
    channel_labels = settings.slack_access.get(channel or "", default)
    if audience == Audience.asker or not channel:
        return list(user_labels)
    if audience == Audience.channel:
        # Events from a D… channel come only from the bot's own DM with the asker.
        return list(user_labels if is_direct_message(channel) else channel_labels)
    return [label for label in user_labels if label in channel_labels]
