"""Slack-formatted message text → the plain question the library expects.

Slack sends ``<@U123>`` for mentions, ``<https://…|label>`` for links and escapes
``&``, ``<``, ``>``; left in, they would reach retrieval as noise ("U0BOT amp").
"""

from __future__ import annotations

import html
import re

_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
_LINK = re.compile(r"<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>")
_SPECIAL = re.compile(r"<!(?:here|channel|everyone)(?:\|[^>]*)?>|<![^>]*>")
_CHANNEL = re.compile(r"<#[CG][A-Z0-9]+\|([^>]*)>")


def mentions(text: str) -> set[str]:
    """The user ids ``text`` mentions."""
    return set(_MENTION.findall(text or ""))


def clean_question(text: str, bot_user_id: str | None = None) -> str:
    """The question without the bot's mention, with links as their labels, unescaped."""
    text = text or ""
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>", " ", text)
    text = _MENTION.sub(lambda m: f"@{m.group(1)}", text)
    text = _LINK.sub(lambda m: m.group(2) or m.group(1), text)
    text = _CHANNEL.sub(lambda m: f"#{m.group(1)}", text)
    text = _SPECIAL.sub(" ", text)
    return " ".join(html.unescape(text).split())
