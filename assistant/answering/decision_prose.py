"""Who took a decision, and how a committee voted on it, read from a report's own sentence
when no record of decision or counted vote answers: "The decision maker was Mrs Chandler,
Cabinet Member for …", "the Scrutiny Committee unanimously agreed the following motion".

A report that carries a decision on to another meeting (a call-in, a referral, a
reconsideration) says in one sentence who took the decision and how a committee voted on
it. Asked "who took the … decision" or "how did the committee vote on …", the best-ranked
passages of the question whose paper (its title, the passage's heading and text) hold most
of the question's subject are read, best first, for such a sentence; the first in print
order is the answer, quoted. Without one the question is left to the rest of the
answering, so a vote that no paper records in words is not told from another item's.
"""

from __future__ import annotations

import re

from assistant.answering.citations import node_citation
from assistant.answering.compose import one_source_answer
from assistant.answering.evidence import sentences
from assistant.answering.retrieve import Candidate
from assistant.answering.scope import Scope
from assistant.answering.understand import Query
from assistant.models import Answer
from indexing.terms import content_stems

_ASKS_MAKER = re.compile(
    r"\bwho\b.*\b(?:took|taken|take|made|make|makes|decided)\b.*\bdecision\b"
    r"|\bdecision[- ]?(?:maker|taker)\b|\bwhose\s+decision\b",
    re.I,
)
_ASKS_VOTE = re.compile(
    r"\bhow\b.*\bvot(?:e|ed|es|ing)\b|\bwhat\s+was\s+the\s+vote\b"
    r"|\b(?:result|outcome)\s+of\s+the\s+vote\b|\bunanimous(?:ly)?\b",
    re.I,
)
_MAKER = re.compile(
    r"\bdecision[- ]?(?:maker|taker)\s+(?:was|is|will\s+be|had\s+been)\b"
    r"|\bdecision\s+(?:was|is|had\s+been)\s+(?:taken|made)\s+by\b",
    re.I,
)
_VOTE_WORDS = re.compile(
    r"\bunanimous(?:ly)?\b|\bnem(?:ine)?\.?\s+con\w*|\bwithout\s+(?:a\s+)?(?:vote|dissent)\b"
    r"|\bby\s+(?:\d+|[a-z]+)\s+votes?\s+to\s+(?:\d+|[a-z]+)\b|\bcasting\s+vote\b"
    r"|\bon\s+a\s+vote\s+of\b",
    re.I,
)
"""A vote told in words, not counted under "For (n)": "unanimously", "by 7 votes to 2"."""
_FRAMING = content_stems(
    "who took taken take made make makes decided decision decisions maker taker whose how "
    "did does vote voted votes voting unanimous actually original originally really got "
    "was were"
)
_DAY = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\b|\b(?:19|20)\d\d\b",
    re.I,
)
"""A day or year in the question says when the meeting was, not what was decided."""
SHARE = 0.6
"""The share of the subject's (rarity-weighted) words the passage's paper must hold."""
READ = 5
"""How many of the best-ranked sources are read for the sentence."""


_BODY = re.compile(r"\b(council|cabinet|committee|panel|board|assembly)\b", re.I)
_ACTING_BODY = re.compile(
    r"\b(council|cabinet|committee|panel|board|assembly)\b[^.;:]{0,30}?\b(?:unanimously\s+)?"
    r"(?:resolved|agreed|voted|decided|approved|endorsed|carried|rejected)\b",
    re.I,
)
_WHICH = re.compile(
    r"\b(full|scrutiny|planning|licensing|audit|overview|county|city|district)\b", re.I
)


def same_body(question: str, sentence: str) -> bool:
    """The body that voted in the sentence is the one the question names, if it names one:
    "how did full council vote" is not answered by "the Scrutiny Committee unanimously
    agreed"; a qualifier both give ("full", "scrutiny") must be the same."""
    asked = _BODY.findall(question)
    acting = _ACTING_BODY.search(sentence)
    if not asked or acting is None:
        return True
    if acting.group(1).lower() not in {b.lower() for b in asked}:
        return False
    before = sentence[max(0, acting.start() - 30) : acting.start()]
    said, wanted = _WHICH.findall(before), _WHICH.findall(question)
    return not said or not wanted or bool({w.lower() for w in said} & {w.lower() for w in wanted})


def held_on_day(question: str, text: str) -> bool:
    """Every day and month the question names ("on 13 march") is printed in ``text``."""
    for day, month in _DAY_MONTH.findall(question):
        if not re.search(rf"\b{int(day)}(?:st|nd|rd|th)?\s+(?:of\s+)?{month[:3]}", text, re.I):
            return False
    return True


_DAY_MONTH = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b",
    re.I,
)


def decision_prose_answer(scope: Scope, query: Query, candidates: list[Candidate]) -> Answer | None:
    """The sentence saying who took the decision, or how the committee voted on it, in the
    best-ranked passage about the question's subject (see the module); else None."""
    if _ASKS_MAKER.search(query.text):
        told, route = _MAKER, "decision maker"
    elif _ASKS_VOTE.search(query.text):
        told, route = _VOTE_WORDS, "vote in words"
    else:
        return None
    subject = content_stems(_DAY.sub(" ", query.text)) - _FRAMING
    if not subject:
        return None
    for candidate in candidates[:READ]:
        node = candidate.node
        if node.is_item or node.is_row:
            continue
        passage = node.passage()
        title = node.metadata.get("document_title", "") or ""
        held = content_stems(f"{title} {passage.section or ''} {passage.text}")
        if scope.terms.coverage(subject, held) < SHARE:
            continue
        paper = scope.document(passage.document_id)
        told_of = " ".join(p.text for p in paper.passages) if paper else passage.text
        if not held_on_day(query.text, f"{title} {told_of}"):
            continue  # "on 13 march": not the meeting of 29 January the paper tells of
        said = next(
            (s for s in sentences(passage.text) if told.search(s) and same_body(query.text, s)),
            None,
        )
        if said is None:
            continue
        quote = " ".join(said.split())
        citation = node_citation(node, quote)
        return one_source_answer(query, f"“{quote}”", citation, metadata={"route": route})
    return None
