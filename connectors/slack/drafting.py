"""A draft reply to a member query, for an officer to check, edit and send.

The drafting path (``assistant.drafting.draft.draft``) does the work: it splits a member's
message into its questions, answers each from the documents and writes a reply with
every statement cited and the uncovered parts named. ``draft_reply`` is the fallback
when that path fails on a query. It dresses an answer the councillor already has
as a reply (greeting, the answer with its citation markers, the numbered references)
and adds nothing beyond courtesy, so every claim in it is still one the documents make.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from assistant.models import Answer

if TYPE_CHECKING:
    from assistant.answering.router import Assistant

log = logging.getLogger(__name__)
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def draft_text(
    assistant: Assistant, query: str, *, access: Iterable[str], answer: Answer | None = None
) -> str:
    """A draft reply to ``query`` from the documents ``access`` allows.

    Raises ``QuestionError`` for a query that cannot be asked. On any other failure,
    the draft is ``answer`` formatted as a reply, if there is one.
    """
    from assistant.answering.router import QuestionError
    from assistant.drafting.draft import draft

    try:
        return draft(assistant, query, access=list(access)).text.rstrip("\n")
    except QuestionError:
        raise
    except Exception:
        if answer is None:
            raise
        log.exception("the drafting path failed; sending the answer as a reply instead")
        return draft_reply(answer)


def draft_reply(answer: Answer) -> str:
    """The answer as a plain-text reply with a references list (no Slack markup)."""
    body = _BOLD.sub(r"\1", answer.answer).strip()
    lines = [
        "Dear Councillor,",
        "",
        f'Thank you for your question: "{answer.question.strip()}"',
        "",
    ]
    if answer.answered:
        lines.append(body)
    else:
        lines.append(
            "I have checked the council's published plan documents and they do not cover this. "
            "I will ask the service area concerned and come back to you."
        )
        if answer.suggestions:
            lines += ["", "The nearest items in the plan are:"]
            lines += [f"• {s.ref + ' ' if s.ref else ''}{s.title(120)}" for s in answer.suggestions]
    if answer.citations:
        lines += ["", "References"]
        for n, cite in enumerate(answer.citations, start=1):
            where = ", ".join(
                filter(None, [cite.document, cite.date, f"ref {cite.ref}" if cite.ref else None])
            )
            lines.append(f"[{n}] {where}" + (f" – {cite.url}" if cite.url else f" ({cite.source})"))
    lines += ["", "Kind regards,", ""]
    return "\n".join(lines)
