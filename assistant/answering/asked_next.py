"""Questions asking when the next one is: "when is the next meeting of the delivery board?".

A sentence about the next one ("… at the next meeting of the Delivery Board scheduled for
2nd May, 2025") answers; a sentence about the last one that took place ("… at the most
recent meeting …, which took place on 30th September") does not, however many of the
question's words it holds. So sentences about the coming one lead those about a past
one, and a best sentence that tells only of a past one is no answer at all.
"""

from __future__ import annotations

import re

from assistant.answering.evidence import Evidence
from assistant.answering.understand import Intent, Query

_ASKS_NEXT = re.compile(r"\b(?:next|upcoming|forthcoming|coming)\b", re.I)
_ASKS_PAST = re.compile(r"\b(?:last|previous|most\s+recent|latest)\b", re.I)
_PAST_ONE = re.compile(
    r"\b(?:most\s+recent|last|previous)\s+(?:\w+\s+){0,2}?(?:meeting|one|session)\b"
    r"|\btook\s+place\b|\bwas\s+held\b",
    re.I,
)
_COMING_ONE = re.compile(
    r"\bnext\s+(?:\w+\s+){0,2}?(?:meeting|one|session)\b|\bscheduled\s+for\b|\bwill\s+(?:be\s+held|meet)\b",
    re.I,
)


def _asks_next(query: Query) -> bool:
    """A when-question about the next one, not about the last one."""
    return (
        query.intent == Intent.when
        and bool(_ASKS_NEXT.search(query.text))
        and not _ASKS_PAST.search(query.text)
    )


def coming_first(query: Query, fitting: list[Evidence]) -> list[Evidence]:
    """Asked when the next one is, a sentence about the next one leads a sentence about the
    last one that took place ("… at the most recent meeting …, which took place on 30th
    September" is not when the next meeting is)."""
    if not _asks_next(query):
        return fitting
    coming = [e for e in fitting if _COMING_ONE.search(e.sentence)]
    past = [e for e in fitting if _PAST_ONE.search(e.sentence) and e not in coming]
    if not coming or not past:
        return fitting
    return coming + [e for e in fitting if e not in coming and e not in past] + past


_SAYS_COMING = re.compile(
    r"\b(?:next|will|shall|scheduled|due|planned|upcoming|forthcoming|expected|intend\w*|"
    r"to\s+be\s+held)\b",
    re.I,
)
_SAYS_PAST = re.compile(r"\b(?:was|were|took\s+place|had\s+been)\b", re.I)


def only_past(query: Query, sentence: str) -> bool:
    """Asked when the next one is, the best sentence tells of one that has happened and
    of nothing to come ("options were considered at the Cabinet meeting in January 2017"):
    it does not say when the next one is."""
    return (
        _asks_next(query)
        and bool(_SAYS_PAST.search(sentence))
        and not _SAYS_COMING.search(sentence)
    )
