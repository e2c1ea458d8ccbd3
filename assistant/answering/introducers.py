"""Who introduced or presented an item at a meeting, read from the minutes' own "… introduced
the report" sentence, for papers that are not synced meeting records.

Minutes open an item's discussion with who introduced it: "1) The Leader introduced the
item …", "Dr Gosh (Director of Public Health) introduced the report …", "(21) The Cabinet
Member for Adult Social Care and Public Health introduced the budget for the Adult Social
Care and Health Directorate". Asked who introduced or presented an item, the item is the
minutes' passage holding most of the question's subject (``responders.item_passage``);
the sentence is looked for from the first passage under the same heading to the next
item, and quoted and cited. Without one, the question goes on to the rest.
"""

from __future__ import annotations

import re

from assistant.answering.evidence import sentences
from assistant.answering.responders import (
    AFTER,
    item_passage,
    said_answer,
    starts_item,
    subject_of,
)
from assistant.answering.scope import Scope
from assistant.answering.understand import Query
from assistant.models import Answer, Passage
from indexing.terms import content_stems

ASKS_INTRODUCER = re.compile(r"\bwho\b.*\b(?:introduc\w*|present(?:ed|s))\b", re.I)
_INTRODUCED = re.compile(
    r"^(?:[•·-]\s*)?(?:\(?\d+[.)]\)?\s*)?(?:The\s+[A-Z]|Mr|Mrs|Ms|Miss|Dr|Sir|Cllr|Councillor)"
    r"[^.]{0,160}?\s+introduced\s+(?:the|this|that|an?|his|her|their)\s+\w+"
)
_FRAMING = content_stems(
    "who introduced introduce introduces presented present presents item report paper "
    "meeting minutes according"
)
BEFORE = 6
"""How many passages before the best one are read back to the item's first."""


def introducer_answer(scope: Scope, query: Query) -> Answer | None:
    """The minutes' "… introduced the report" sentence of the item the question names,
    or ``None`` (see the module)."""
    if not ASKS_INTRODUCER.search(query.text):
        return None
    found = item_passage(scope, subject_of(query.text, _FRAMING), query.text)
    if found is None:
        return None
    passages, at = found
    return said_answer(scope, query, _introduced(_item(passages, at)), "introduced")


def _item(passages: list[Passage], at: int) -> list[Passage]:
    """The passages of the item around ``at``: back to the first under its heading (or
    the one opening the item), forward to the next item."""
    start = at
    while (
        start > 0 and at - start < BEFORE and not starts_item(passages[start], passages[start - 1])
    ):
        start -= 1
    end = at + 1
    while (
        end < len(passages)
        and end - at <= AFTER
        and not starts_item(passages[end], passages[end - 1])
    ):
        end += 1
    return passages[start:end]


def _introduced(passages: list[Passage]) -> tuple[Passage, str] | None:
    for passage in passages:
        for sentence in sentences(passage.text):
            line = " ".join(sentence.split())
            if _INTRODUCED.search(line):
                return passage, line
    return None
