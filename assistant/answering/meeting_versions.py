"""Of the copies of one item in papers of different meetings, the one the question names
by its meeting's month or committee.

A budget risk register goes to Cabinet in January and, revised, to full Council in
February: the same risk in both, its exposure changed. "What annual exposure did the
register that went to cabinet in jan put on market sustainability" asks for the January
copy; the newest copy answers only when the question names neither. A month counts when
the question names it as a word ("jan", "january") and it is the month of the paper's
meeting (or of its date); a committee when every word of its name is in the question.
"""

from __future__ import annotations

import re

from assistant.answering.retrieve import Candidate
from assistant.answering.scope import Scope
from indexing.readers.dates import MONTH_PATTERN, MONTHS
from indexing.terms import content_stems

_MONTH = re.compile(rf"\b{MONTH_PATTERN}\b", re.IGNORECASE)
_MAY = re.compile(r"\bmay\s+(?:be|have|not|also|need|want|wish|I|we|you|it)\b", re.IGNORECASE)
""""may" as a verb, not the month."""


def asked_months(question: str) -> set[int]:
    """The months the question names as words ("in jan", "the february meeting")."""
    text = _MAY.sub(" ", question)
    return {MONTHS[m.group(0).lower()] for m in _MONTH.finditer(text)}


def _fit(scope: Scope, question: str, months: set[int], candidate: Candidate) -> int:
    doc = scope.document(str(candidate.node.metadata.get("plan_document") or ""))
    if doc is None:
        return 0
    score = 0
    day = doc.meta.meeting_date or doc.meta.date or ""
    found = re.match(r"\d{4}-(\d\d)", day)
    if found and int(found.group(1)) in months:
        score += 1
    committee = content_stems(doc.meta.committee or "")
    if committee and committee <= content_stems(question):
        score += 1
    return score


def asked_copy(
    scope: Scope, question: str, lead: Candidate, copies: list[Candidate]
) -> Candidate | None:
    """The copy (``lead`` or one of ``copies``) whose meeting the question names more
    fully than every other copy's, when that is not ``lead``; else None."""
    months = asked_months(question)
    stems = content_stems(question)
    if not months and not stems:
        return None
    scored = [(_fit(scope, question, months, c), c) for c in [lead, *copies]]
    best = max(score for score, _ in scored)
    top = [c for score, c in scored if score == best]
    if best == 0 or len(top) != 1 or top[0] is lead:
        return None
    return top[0]
