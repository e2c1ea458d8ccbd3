"""Who responded to members at a meeting, read from the minutes' own "In response …"
sentences.

Minutes record a reply to members' points as "In response to Members' concerns, the
Director of Planning and Place-Making pointed out that …" or "In response, Mr Betts
advised …", in the paragraphs after the item the members spoke on. Asked who responded
or replied to members on an item ("who responded to members' concerns on the sewerage
motion?"), the item is the minutes' passage that holds most of the question's subject
(rarity-weighted, as a motion is found in ``motion_answer``), and the answer is the first
such sentence in it or the passages after it up to the next item, quoted and cited.
Without a passage holding most of the subject, or a responding sentence after it, the
question is left to the rest of the answering.
"""

from __future__ import annotations

import math
import re

from assistant.answering.citations import quoted_passage_citation
from assistant.answering.compose import one_source_answer
from assistant.answering.evidence import sentences
from assistant.answering.scope import Scope
from assistant.answering.understand import Query
from assistant.models import Answer, Passage
from indexing.model import DocumentKind
from indexing.terms import content_stems

ASKS_RESPONDER = re.compile(r"\bwho\b.*\b(?:respond\w*|repl(?:ied|y)|answered)\b", re.I)
_RESPONSE = re.compile(
    r"^In\s+response\b[^.]{0,120}?,\s*(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[\w'’.,&-]+){0,10}?\s+"
    r"(?:outlined|pointed|advised|informed|said|noted|stated|confirmed|acknowledged|"
    r"explained|replied|responded|assured|agreed)\b"
)
_FRAMING = content_stems(
    "who responded respond response replied reply answered member members councillor "
    "councillors concern concerns question questions query queries point points meeting "
    "motion item minutes"
)
SHARE = 0.6
"""The share of the subject's (rarity-weighted) words the item's passage must hold."""
AFTER = 4
"""How many passages after the item's own are read for the response, up to the next item."""
_NEXT_ITEM = re.compile(r"^\s*(?:\d{1,3}[.)]\s|\(Item\s)|^.{0,80}\bsubmitted\s+by\b", re.I)
"""A passage that opens another item: a numbered one, another motion or question."""


def responder_answer(scope: Scope, query: Query) -> Answer | None:
    """The minutes' "In response …" sentence after the item the question names, or
    ``None`` (see the module)."""
    if not ASKS_RESPONDER.search(query.text):
        return None
    subject = content_stems(query.text) - _FRAMING
    runs = [
        (d.passages, i)
        for d in scope.documents
        if d.meta.kind is DocumentKind.minutes
        for i in range(len(d.passages))
    ]
    if not subject or not runs:
        return None
    held = [content_stems(f"{ps[i].section or ''} {ps[i].text}") for ps, i in runs]
    df = {w: sum(w in h for h in held) for w in subject}
    weight = {w: math.log((len(runs) + 1) / (df[w] + 0.5)) for w in subject}
    total = sum(weight.values()) or 1.0
    shares = [sum(weight[w] for w in subject & h) / total for h in held]
    best = max(range(len(runs)), key=lambda n: shares[n])
    if shares[best] < SHARE:
        return None
    passages, at = runs[best]
    found = _response(passages[at : at + AFTER + 1])
    if found is None:
        return None
    passage, sentence = found
    citation = quoted_passage_citation(scope.store, passage, sentence)
    if citation is None:
        return None
    return one_source_answer(query, f"“{sentence}”", citation, metadata={"route": "response"})


def _response(passages: list[Passage]) -> tuple[Passage, str] | None:
    for n, passage in enumerate(passages):
        if n and _NEXT_ITEM.search(passage.text):
            return None
        for sentence in sentences(passage.text):
            if _RESPONSE.search(" ".join(sentence.split())):
                return passage, " ".join(sentence.split())
    return None
