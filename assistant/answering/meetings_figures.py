"""A figure a paper gives in the sentence after the one about its subject, or in words.

Committee papers often name a thing in one sentence and give its figure in the next,
which only points back at it: "A de-minimis limit has been set to avoid small funds being
set up … This has been set at £250k." Neither sentence answers "what is the de-minimis
limit?" alone: the first holds the subject, the second the figure. Here such a pair is
read as one statement, so it is judged (and quoted) whole. And a count written in words
("Nine KPIs did not meet the floor standard (Red)") is a count as much as "9 KPIs" is; a
change asked "by how much" may be given as a share; and a sentence naming the quarter a
question asks of leads one naming only the report's own quarter.
"""

from __future__ import annotations

import re

from assistant.answering.evidence import Evidence, sentences
from assistant.answering.meetings_words import ASKS_COUNT, NUMBER_WORD, holds_figure
from assistant.models import PlanDocument

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


_BY_HOW_MUCH = re.compile(r"\bby\s+how\s+much\b", re.I)
_SHARE = re.compile(r"\d\s?(?:%|per\s?cent\b|percent\b)", re.I)
"""How much something changed ("by how much could staff costs go up?"): a share of it
("by about 10 to 11 percent") answers as well as a sum."""


def changed_by_share(question: str, sentence: str) -> bool:
    """Whether the question asks by how much something changed and the sentence gives
    the change as a share ("by about 10 to 11 percent")."""
    return bool(_BY_HOW_MUCH.search(question)) and bool(_SHARE.search(sentence))


QUARTER_BONUS = 1.0
"""A sentence naming the quarter a question asks of ("come down since quarter 2"), over one
that does not; one naming only another quarter (the report's own, "as at Quarter 3")
loses ``QUARTER_COST``. Not when the paper is of the quarter asked (a Q3 performance
report): every sentence of it is, whether it says so or not."""
QUARTER_COST = 0.5
_QUARTER = re.compile(r"\b(?:q|quarter)\s*([1-4])\b", re.I)


def _quarters(text: str) -> set[str]:
    """The quarters a text names by number ("Q2", "quarter 2")."""
    return set(_QUARTER.findall(text))


def quarter_fit(question: str, sentence: str, paper: PlanDocument | None) -> float:
    """``QUARTER_BONUS`` for a sentence naming the quarter asked, ``-QUARTER_COST`` for
    one naming only another, 0 otherwise or when the paper is itself of the quarter asked."""
    asked = _quarters(question)
    own = _quarters(f"{paper.meta.title} {paper.meta.period or ''}") if paper else set()
    held = _quarters(sentence)
    if not (asked - own) or not held:
        return 0.0
    return QUARTER_BONUS if asked & held else -QUARTER_COST
