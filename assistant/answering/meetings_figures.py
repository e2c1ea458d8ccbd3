"""A figure a paper gives in the sentence after the one about its subject, or in words.

Committee papers often name a thing in one sentence and give its figure in the next,
which only points back at it: "A de-minimis limit has been set to avoid small funds being
set up … This has been set at £250k." Neither sentence answers "what is the de-minimis
limit?" alone: the first holds the subject, the second the figure. Here such a pair is
read as one statement, so it is judged (and quoted) whole. And a count written in words
("Nine KPIs did not meet the floor standard (Red)") is a count as much as "9 KPIs" is.
"""

from __future__ import annotations

import re

from assistant.answering.evidence import Evidence, sentences
from assistant.answering.meetings_words import ASKS_COUNT, NUMBER_WORD, holds_figure

POINTS_BACK = re.compile(
    r"^\s*(?:this|it|that|these|they|the\s+(?:limit|figure|amount|sum|level|total|threshold))\b"
    r"\s+(?:has|have|is|are|was|were|will|would|amounts?|totals?|stands?|contribut\w*|"
    r"accounts?|represents?|equates?|comes?)\b",
    re.I,
)
"""A sentence that opens by pointing back at the one before ("This has been set at …",
"This contributes to £8.6m of the underspend.")."""
MAX_FOLLOWING_WORDS = 20
"""A following sentence longer than this says something of its own."""
FIGURE_FOUND = 0.3
"""The score a sentence holding the asked figure gets (as ``best_evidence`` gives)."""


def with_following_figure(evidence: Evidence, question: str) -> Evidence:
    """The evidence, with the next sentence of its passage appended when the evidence
    holds no figure and the next one points back at it with one."""
    if holds_figure(question, evidence.sentence) or evidence.candidate.node.is_row:
        return evidence
    parts = [p.strip() for p in sentences(evidence.candidate.node.text) if p.strip()]
    here = evidence.sentence.strip()
    if here not in parts:
        return evidence
    at = parts.index(here)
    if at + 1 >= len(parts):
        return evidence
    following = parts[at + 1]
    if (
        not POINTS_BACK.search(following)
        or len(following.split()) > MAX_FOLLOWING_WORDS
        or not holds_figure(question, following)
    ):
        return evidence
    return evidence.model_copy(
        update={
            "sentence": f"{here} {following}",
            "has_required": True,
            "score": evidence.score + (0 if evidence.has_required else FIGURE_FOUND),
        }
    )


def counted_in_words(evidence: Evidence, question: str) -> Evidence:
    """The evidence marked as holding the figure when the question asks how many and
    the sentence gives a count in words."""
    if evidence.has_required or not ASKS_COUNT.search(question):
        return evidence
    if not NUMBER_WORD.search(evidence.sentence):
        return evidence
    return evidence.model_copy(
        update={"has_required": True, "score": evidence.score + FIGURE_FOUND}
    )
