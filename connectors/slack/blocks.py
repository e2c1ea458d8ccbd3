"""``Answer`` → Block Kit: what a councillor sees in Slack.

Rendering only; nothing here asks or decides. The same ``Answer`` the CLI prints becomes
mrkdwn sections (``&``, ``<``, ``>`` escaped, so document text can never ping
``@channel`` or forge a link), a coloured rating marker, a numbered sources block with
the quoted text, and the buttons. Slack rejects a message outright when a section text
passes 3,000 characters or a message passes 50 blocks, so everything long is split here
rather than trusted to fit.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from assistant.models import RATING_WORDS, Answer, Citation, PlanItem
from assistant.text import one_line
from indexing.ratings import parse_rating
from indexing.text import shorten

SECTION_LIMIT = 3000
"""Slack's maximum length of a section block's text."""
MESSAGE_BLOCK_LIMIT = 50
"""Slack's maximum number of blocks in one message."""
BUTTON_TEXT_LIMIT = 75
QUOTE_CHARS = 300
NEAREST_BUTTONS = 5

ACTION_UP = "plan_feedback_up"
ACTION_DOWN = "plan_feedback_down"
ACTION_DRAFT = "plan_draft"
ACTION_SHARE = "plan_share"
ACTION_NEAREST = "plan_nearest"
"""Prefix: nearest-item buttons are ``plan_nearest_0``, ``plan_nearest_1``… (unique per block)."""

RATING_EMOJI: dict[str, str] = {"G": "🟢", "A": "🟠", "R": "🔴", "C": "✅"}
_WORDS = "|".join(RATING_WORDS.values())
_RATING_PHRASE = re.compile(rf"(Rating: |— |rated )((?:{_WORDS})(?:/(?:{_WORDS}))*)\b")
_BOLD = re.compile(r"\*\*(.+?)\*\*")

Block = dict[str, Any]


# --- text ---------------------------------------------------------------------------
def escape(text: str) -> str:
    """Slack's three control characters; anything else is shown as written."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_mrkdwn(text: str) -> str:
    """The answer's markdown-ish text as Slack mrkdwn: escaped, ``**bold**`` → ``*bold*``,
    and rating words given their coloured marker (``Rating: 🟠 Amber``)."""
    text = _BOLD.sub(r"*\1*", escape(text))
    return _RATING_PHRASE.sub(lambda m: f"{m.group(1)}{rating_marker_for_words(m.group(2))}", text)


def rating_marker(rating: str | None) -> str:
    """``G/A`` → ``🟢🟠 Green/Amber``; an unknown code is shown as written."""
    if not rating:
        return ""
    codes = [code.strip() for code in rating.split("/")]
    emoji = "".join(RATING_EMOJI.get(code, "") for code in codes)
    words = "/".join(RATING_WORDS.get(code, code) for code in codes)
    return f"{emoji} {words}".strip()


def rating_marker_for_words(words: str) -> str:
    """``Green/Amber`` → ``🟢🟠 Green/Amber`` (the words read as ``indexing.ratings`` reads them)."""
    return rating_marker(parse_rating(words) or words)


def clip(text: str, limit: int) -> str:
    """One line of at most ``limit`` characters, cut at a word, with an ellipsis."""
    return shorten(text, limit, placeholder="…")


def split_mrkdwn(
    text: str, render: Callable[[str], str] = to_mrkdwn, limit: int = SECTION_LIMIT
) -> list[str]:
    """Rendered chunks of at most ``limit`` characters, cut at lines, then words.

    The raw text is cut before rendering, so an escape like ``&amp;`` is never split.
    """
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for line in text.split("\n"):
        for piece in _fit(line, render, limit):
            rendered = render(piece)
            extra = len(rendered) + (1 if current else 0)
            if current and size + extra > limit:
                chunks.append("\n".join(current))
                current, size = [], 0
                extra = len(rendered)
            current.append(rendered)
            size += extra
    if current:
        chunks.append("\n".join(current))
    return [chunk for chunk in chunks if chunk.strip()]


def _fit(line: str, render: Callable[[str], str], limit: int) -> list[str]:
    if len(render(line)) <= limit:
        return [line]
    pieces: list[str] = []
    current = ""
    for word in line.split(" "):
        candidate = f"{current} {word}" if current else word
        if len(render(candidate)) <= limit:
            current = candidate
            continue
        if current:
            pieces.append(current)
        current = word
        while len(render(current)) > limit:  # a single "word" longer than a section
            low, high = 1, len(current)  # the longest prefix that still fits
            while low < high:
                middle = (low + high + 1) // 2
                low, high = (
                    (middle, high) if len(render(current[:middle])) <= limit else (low, middle - 1)
                )
            pieces.append(current[:low])
            current = current[low:]
    if current:
        pieces.append(current)
    return pieces


# --- blocks -------------------------------------------------------------------------
def section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def context(text: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text[:SECTION_LIMIT]}]}


def button(text: str, action_id: str, value: str, style: str | None = None) -> Block:
    element: Block = {
        "type": "button",
        "text": {"type": "plain_text", "text": clip(text, BUTTON_TEXT_LIMIT), "emoji": True},
        "action_id": action_id,
        "value": value,
    }
    if style:
        element["style"] = style
    return element


def answer_messages(
    answer: Answer,
    answer_id: str,
    *,
    ephemeral: bool = False,
    shared_by: str | None = None,
    show_question: bool = False,
) -> list[list[Block]]:
    """The blocks of one answer, as one or more messages of at most 50 blocks.

    ``ephemeral`` adds the Share in channel button (a ``/plan`` answer only its asker
    sees); ``shared_by`` (a user id) credits who shared it; ``show_question`` repeats
    the question, for answers that are not posted under the message that asked it.
    """
    blocks: list[Block] = []
    if shared_by:
        blocks.append(context(f"<@{shared_by}> asked: {escape(clip(answer.question, 500))}"))
    elif show_question:
        blocks.append(context(f"❓ {escape(clip(answer.question, 500))}"))
    blocks += [section(chunk) for chunk in split_mrkdwn(answer.answer)]
    marker = _rating_context(answer)
    if marker:
        blocks.append(marker)
    if not answer.answered and answer.suggestions:
        blocks.append(nearest_actions(answer.suggestions))
    if answer.citations:
        blocks.append({"type": "divider"})
        blocks += [section(chunk) for chunk in sources_mrkdwn(answer.citations)]
    blocks.append(answer_actions(answer_id, ephemeral=ephemeral))
    return split_messages(blocks)


def _rating_context(answer: Answer) -> Block | None:
    """A marker line when the text itself carries none (e.g. a fact answer from a row)."""
    rated = [item for item in answer.items if item.rating]
    if not rated or len(answer.items) > 3 or _RATING_PHRASE.search(answer.answer):
        return None
    parts = [
        f"{rating_marker(item.rating)}{' · ref ' + escape(item.ref) if item.ref else ''}"
        for item in rated
    ]
    return context("   ".join(parts))


def sources_mrkdwn(citations: list[Citation]) -> list[str]:
    """``*Sources*`` then one entry per citation, packed into sections of ≤ 3,000 chars."""
    entries = [_source_entry(n, cite) for n, cite in enumerate(citations, start=1)]
    chunks: list[str] = []
    current = "*Sources*"
    for entry in entries:
        if len(current) + 1 + len(entry) > SECTION_LIMIT:
            chunks.append(current)
            current = entry
        else:
            current = f"{current}\n{entry}"
    chunks.append(current)
    return chunks


def _source_entry(number: int, cite: Citation) -> str:
    title = escape(clip(cite.document, 200))
    if cite.url and re.match(r"https?://[^\s|<>]+$", cite.url):
        title = f"<{cite.url}|{title}>"
    parts = [title]
    if cite.date:
        parts.append(escape(cite.date))
    if cite.ref:
        parts.append(f"ref {escape(cite.ref)}")
    head = f"*[{number}]* " + " · ".join(parts)
    if not cite.url:
        head += f"  `{escape(cite.source)}`"
    return f"{head}\n>{escape(clip(one_line(cite.quote), QUOTE_CHARS))}"  # one line: all of it inside the quote


def nearest_actions(suggestions: list[PlanItem]) -> Block:
    """Buttons that ask about the nearest items when the documents didn't cover a question."""
    elements = []
    for n, item in enumerate(suggestions[:NEAREST_BUTTONS]):
        label = f"{item.ref} {item.title(70)}" if item.ref else item.title(70)
        elements.append(button(f"Ask about {label}", f"{ACTION_NEAREST}_{n}", nearest_value(item)))
    return {"type": "actions", "block_id": "plan_nearest", "elements": elements}


def nearest_value(item: PlanItem) -> str:
    return json.dumps({"ref": item.ref, "document": item.document_id, "title": item.title(200)})


def nearest_question(value: str) -> tuple[str, str | None]:
    """A nearest-item button's value → the question to ask and the document to ask it of."""
    data = json.loads(value)
    if data.get("ref"):
        return f"What is the latest on ref {data['ref']}?", data.get("document")
    return str(data.get("title") or ""), data.get("document")


def answer_actions(answer_id: str, *, ephemeral: bool = False) -> Block:
    elements = [
        button("👍 Helpful", ACTION_UP, answer_id),
        button("👎 Not right", ACTION_DOWN, answer_id),
        button("✍️ Draft a reply", ACTION_DRAFT, answer_id),
    ]
    if ephemeral:
        elements.append(button("📣 Share in channel", ACTION_SHARE, answer_id, style="primary"))
    return {"type": "actions", "block_id": "plan_answer_actions", "elements": elements}


def split_messages(blocks: list[Block], limit: int = MESSAGE_BLOCK_LIMIT) -> list[list[Block]]:
    """Consecutive runs of at most ``limit`` blocks; the buttons stay with the last run."""
    return [blocks[start : start + limit] for start in range(0, len(blocks), limit)] or [[]]


def fallback_text(answer: Answer) -> str:
    """The notification / screen-reader text Slack shows alongside the blocks."""
    first = next((line for line in answer.answer.split("\n") if line.strip()), answer.answer)
    return escape(clip(_BOLD.sub(r"\1", first), 300))


def notice_blocks(text: str) -> list[Block]:
    """A plain message (help, a polite refusal) as blocks."""
    return [section(chunk) for chunk in split_mrkdwn(text, render=escape)]


def draft_messages(draft: str) -> list[list[Block]]:
    """A draft reply in code blocks, so it copies out of Slack exactly as written."""
    blocks: list[Block] = [
        context("✍️ Draft reply — only you can see this. Check it and edit before sending.")
    ]
    for chunk in split_mrkdwn(draft, render=escape, limit=SECTION_LIMIT - 8):
        blocks.append(section(f"```{chunk}```"))
    return split_messages(blocks)
