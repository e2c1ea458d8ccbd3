"""What a member updated a meeting on: the points under their update in the printed minutes.

Minutes print a member's update as a line naming them that introduces a list ("4. Mr Baker,
Cabinet Member for Highways and Transport, provided an update on the following:") and the
points under it, each lettered ("(a) On the topic of buses, …", "(b) In regard to the
extensive roadwork by utility companies, …"), until the next member's numbered update.
Asked what a member (by name, or by the post the line gives them) updated or reported on,
the answer quotes that line and the first sentence of each point, cited where each is
printed. A meeting whose minutes are not held, or whose minutes print no update by that
member, gives ``None`` (``meetings_said`` then declines or searches as for any question).
"""

from __future__ import annotations

import re

from assistant.answering.citations import quoted_passage_citation, source_place
from assistant.answering.meetings_words import FRAMING, MEETING_WORDS, SPEAKER
from assistant.answering.scope import Scope
from assistant.answering.understand import Query
from assistant.models import Answer, Citation, Passage
from assistant.text import one_line
from indexing.terms import content_stems
from indexing.text import sentences

ASKS_UPDATE = re.compile(
    r"\b(?:update[ds]?|updating|report(?:ed|s)?)\b[^?]*\b(?:on|about|regarding)\b"
    r"|\bwhat\s+(?:updates?|was\s+\w+(?:'s|’s)\s+update)\b",
    re.I,
)
"""Asks what someone updated or reported on ("what did mr baker update cabinet on?",
"what update did the leader give?")."""
INTRODUCES = re.compile(
    r"\b(?:provided|gave|presented|delivered)\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?"
    r"(?:verbal\s+)?(?:update|report)s?\b.*:\s*$"
    r"|\bupdated\b.*:\s*$",
    re.I,
)
"""A line introducing a member's points ("… provided an update on the following:")."""
_POINT = re.compile(r"^\s*•?\s*\(([a-z]{1,2})\)\s*\S")
"""A lettered point of an update ("(a) …", "• (b) …")."""
NUMBERED = re.compile(r"^\s*•?\s*\d+\.\s+\S")
"""The next numbered paragraph: the next member's update, or the item's next part."""
_OWN_WORDS = content_stems(
    "update updated updates report reported reports provide provided give gave given gives"
    " tell told say said bring brought"
)
"""Words of asking for an update, which name no member's post."""
POST_WORDS = 2
"""Words of a post ("communications", "democratic", "services") a line must share with
the question to be the update of the member asked by post rather than by name."""
MOST_POINTS = 15


def _lines(passages: list[Passage]) -> list[tuple[Passage, str]]:
    """Every line of the passages, in print order, with the passage it is printed in."""
    return [(p, line.strip()) for p in passages for line in p.text.splitlines() if line.strip()]


def _asked_member(question: str, rest: str) -> tuple[str | None, set[str]]:
    """The surname the question names ("mr baker"), and the words of the rest that may
    name a post ("the cabinet member for communications and democratic services")."""
    named = SPEAKER.search(question)
    words = content_stems(rest) - MEETING_WORDS - FRAMING - _OWN_WORDS
    return (named.group(1).lower() if named else None), words


def _introduction(
    lines: list[tuple[Passage, str]], surname: str | None, words: set[str]
) -> int | None:
    """The index of the line introducing the asked member's update, or ``None``."""
    shared: list[tuple[int, int]] = []
    for at, (_, line) in enumerate(lines):
        if not INTRODUCES.search(line):
            continue
        if surname is not None:
            if re.search(rf"\b{re.escape(surname)}\b", line, re.I):
                return at
            continue
        shared.append((len(words & content_stems(line)), at))
    most = max((n for n, _ in shared), default=0)
    best = [at for n, at in shared if n == most]
    # the post's words ("communications", "democratic", "services"), or all of a one-word
    # post ("the leader"), naming one member's update and no other's
    if most >= min(POST_WORDS, len(words)) and most > 0 and len(best) == 1:
        return best[0]
    return None


def _points(lines: list[tuple[Passage, str]], start: int) -> list[tuple[Passage, str]]:
    """The lettered points printed after the introducing line, up to the next numbered
    paragraph or introduction."""
    found: list[tuple[Passage, str]] = []
    for passage, line in lines[start + 1 :]:
        if NUMBERED.match(line) or INTRODUCES.search(line):
            break
        if _POINT.match(line):
            first = next(iter(sentences(line.lstrip("• "))), "")
            if first:
                found.append((passage, first))
        if len(found) >= MOST_POINTS:
            break
    return found


def update_answer(scope: Scope, query: Query, paper_ids: list[str], rest: str) -> Answer | None:
    """The asked member's update as the printed minutes ``paper_ids`` give it (see the
    module); ``None`` when the question does not ask what someone updated on,
    or the minutes print no such update."""
    if not ASKS_UPDATE.search(query.text):
        return None
    surname, words = _asked_member(query.text, rest)
    if surname is None and not words:
        return None
    for document in (d for d in scope.documents if d.id in set(paper_ids)):
        lines = _lines(document.passages)
        at = _introduction(lines, surname, words)
        if at is None:
            continue
        points = _points(lines, at)
        if not points:
            continue
        quoted = [(lines[at][0], one_line(lines[at][1].lstrip("• "))), *points]
        citations: list[Citation] = []
        shown: list[str] = []
        for passage, text in quoted:
            citation = quoted_passage_citation(scope.store, passage, text)
            if citation is None:
                continue
            citations.append(citation)
            shown.append(f"“{text}” [{len(citations)}]")
        if len(citations) < 2:
            continue
        body = "\n".join(shown) + f"\nSource: {source_place(citations[0])}"
        return Answer(
            question=query.text,
            answer=body,
            answered=True,
            intent=query.intent.value,
            citations=citations,
            metadata={"route": "meetings", "paper": document.id},
        )
    return None
