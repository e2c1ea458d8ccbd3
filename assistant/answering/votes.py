"""Motions, amendments and recorded votes in minutes: whether a question asks how a vote
went, how well a sentence's place in the procedure fits it, and a recorded vote read as
one line of its counts and outcome."""

from __future__ import annotations

import re

_ASKS_VOTE = re.compile(
    r"\bvot(?:e|ed|es|ing)\b|\bcarried\b|\bdid (?:it|the \w+) pass\b|\bwhat happened to\b", re.I
)
TALLIED = re.compile(r"\b(?:For|Against) \(\d+\)")
_OUTCOME_TOLD = re.compile(
    r" — (?:the )?(?:substantive )?(?:motion|amendment|recommendations?)\b", re.I
)
OUTCOME_BONUS = 0.15
"""A tally that ends with what became of the motion beats the same tally cut before it."""
_AMENDMENT = re.compile(r"\bamendments?\b", re.I)
VOTE_BONUS = 0.7
"""A vote's recorded counts answer "how did the vote go" over any sentence about the motion."""
WRONG_MOTION = 0.3
"""An amendment is not the motion it amends: "who proposed the motion" is not answered
by "Mr A proposed the following amendment to the motion", nor the other way round."""


def asks_vote(question: str) -> bool:
    """How a vote went: "how did the vote go", "was it carried", "what happened to"."""
    return bool(_ASKS_VOTE.search(question))


def procedure_fit(question: str, sentence: str) -> float:
    """How much a sentence's place in a meeting's procedure fits the question: a recorded
    vote for a question about a vote, the amendment (or the motion) a question names."""
    score = 0.0
    if asks_vote(question) and TALLIED.search(sentence):
        score += VOTE_BONUS + (OUTCOME_BONUS if _OUTCOME_TOLD.search(sentence) else 0.0)
    if re.search(r"\b(?:propos|second|moved)", sentence, re.I) or TALLIED.search(sentence):
        asks_amendment = bool(_AMENDMENT.search(question))
        if asks_amendment != bool(_AMENDMENT.search(sentence)):
            score -= WRONG_MOTION
    return score


_COUNT_LINE = re.compile(
    r"^\s*(For|Against|Abstain(?:ed|ing|ions)?)\s*[:(]\s*(\d+)\s*\)?\s*$", re.I
)
_OUTCOME = re.compile(
    r"^\s*(?:the\s+)?(?:substantive\s+)?(?:motion|amendment|recommendations?)\b.{0,30}\b(?:carried|lost|agreed|fell|defeated)\b",
    re.I,
)


def tally(text: str) -> str:
    """A recorded vote ("For (41)", the names, "Against (10)", the names, "Motion
    carried.") as one line of its counts and outcome, joined to the line that puts the
    motion to the vote: the members' names between the counts are who voted, not what
    the vote was."""
    lines = text.split("\n")
    out: list[str] = []
    counting = False
    for line in lines:
        count = _COUNT_LINE.match(line)
        if count:
            piece = f"{count.group(1).title()} ({count.group(2)})"
            if counting:
                out[-1] += f", {piece}"
            elif out:
                out[-1] += f" {piece}"
            else:
                out.append(piece)
            counting = True
            continue
        if counting:
            outcome = _OUTCOME.search(line) or re.search(
                r"\b(?:Motion|Amendment|Recommendations?) (?:carried|lost|agreed)\.?", line
            )
            if outcome:
                out[-1] += f" — {outcome.group(0).strip().rstrip('.').lower()}."
                counting = False
            continue  # the names of those who voted
        out.append(line)
    return "\n".join(out)
