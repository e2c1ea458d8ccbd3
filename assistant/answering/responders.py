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
from assistant.models import Answer, Passage, PlanDocument
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
_WHEN_WHERE = content_stems(
    "cabinet council committee meeting full county january february march april may june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct nov dec"
)
"""Words saying which meeting, not which item of it."""
_NUMBER = re.compile(r"\b\d+(?:st|nd|rd|th)?\b")
SHARE = 0.6
"""The share of the subject's (rarity-weighted) words the item's passage must hold."""


_DAY_MONTH = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
    r"|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+(\d{1,2})(?:st|nd|rd|th)?\b",
    re.I,
)


def held_on_asked_day(document: PlanDocument, text: str) -> bool:
    """Whether the minutes are of the day the question names ("on 4 March"), read from
    their opening ("held … on Thursday, 30 January 2025"); true when it names no day."""
    asked = _days(text)
    if not asked:
        return True
    opening = " ".join(p.text for p in document.passages[:2])[:600]
    return bool(asked & _days(opening))


def _days(text: str) -> set[tuple[int, str]]:
    out = set()
    for a, b, c, d in _DAY_MONTH.findall(text):
        day, month = (a, b) if a else (d, c)
        out.add((int(day), month.lower()[:3]))
    return out


def subject_of(text: str, framing: set[str]) -> set[str]:
    """The words naming the item a question asks about: without its framing words, the
    meeting's body and month, or any number (a day or year of the meeting)."""
    return content_stems(_NUMBER.sub(" ", text)) - framing - _WHEN_WHERE


AFTER = 4
"""How many passages after the item's own are read for the response, up to the next item."""
_NEXT_ITEM = re.compile(r"^\s*\(Item\s|^.{0,80}\bsubmitted\s+by\b", re.I)
"""A passage that opens another item: "(Item 6)", another motion or question submitted."""


def starts_item(passage: Passage, previous: Passage | None) -> bool:
    """Whether ``passage`` opens another item than ``previous``: a new heading over it,
    or its own opening says so."""
    moved_on = previous is not None and passage.section != previous.section
    return moved_on or bool(_NEXT_ITEM.search(passage.text))


def responder_answer(scope: Scope, query: Query) -> Answer | None:
    """The minutes' "In response …" sentence after the item the question names, or
    ``None`` (see the module)."""
    if not ASKS_RESPONDER.search(query.text):
        return None
    found = item_passage(scope, subject_of(query.text, _FRAMING), query.text)
    if found is None:
        return None
    passages, at = found
    response = _response(passages[at : at + AFTER + 1])
    return said_answer(scope, query, response, "response")


def said_answer(
    scope: Scope, query: Query, said: tuple[Passage, str] | None, route: str
) -> Answer | None:
    """The minutes' sentence ``said`` (with its passage) quoted as the answer and cited
    there; None when there is none or the index does not hold its passage."""
    if said is None:
        return None
    passage, sentence = said
    citation = quoted_passage_citation(scope.store, passage, sentence)
    if citation is None:
        return None
    return one_source_answer(query, f"“{sentence}”", citation, metadata={"route": route})


def item_passage(
    scope: Scope, subject: set[str], text: str = ""
) -> tuple[list[Passage], int] | None:
    """The passages of the minutes (of the day ``text`` names, if it names one) and the
    index of the one holding most of ``subject`` (rarity-weighted over all their passages,
    with their headings), or ``None`` when none holds ``SHARE`` of it."""
    runs = [
        (d.passages, i)
        for d in scope.documents
        if d.meta.kind is DocumentKind.minutes and held_on_asked_day(d, text)
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
    return runs[best] if shares[best] >= SHARE else None


def _response(passages: list[Passage]) -> tuple[Passage, str] | None:
    for n, passage in enumerate(passages):
        if n and starts_item(passage, passages[n - 1]):
            return None
        for sentence in sentences(passage.text):
            if _RESPONSE.search(" ".join(sentence.split())):
                return passage, " ".join(sentence.split())
    return None
