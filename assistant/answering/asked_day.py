"""The calendar day a question names ("apologies to cabinet on 30 jan", "the vote at
county council on 13 feb") and the minutes that record that day's meeting.

A meeting's minutes are often published again in a later meeting's papers (to be
agreed as a true record), so a paper's date says when it was published, not which
meeting it records. The minutes themselves open with the day of their meeting ("…held
at County Hall on Thursday, 9 January 2025"); a question naming a day is answered from
the minutes of that day, not from another meeting's.
"""

from __future__ import annotations

import re

from assistant.answering.retrieve import Candidate
from assistant.answering.scope import Scope
from assistant.answering.understand import Query
from indexing.model import DocumentKind, PlanDocument
from indexing.readers.dates import MONTHS

_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}", re.I)
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d{{3}})", re.I)
OPENING = 3
"""Passages of the minutes read for the day of their meeting."""

Day = tuple[int, int]


def asked_day(text: str) -> Day | None:
    """(day, month) the question names, or None."""
    found = _DAY_MONTH.search(text)
    if found:
        day, month = int(found.group(1)), found.group(2)
    else:
        found = _MONTH_DAY.search(text)
        if not found:
            return None
        month, day = found.group(1), int(found.group(2))
    if not 1 <= day <= 31:
        return None
    return day, MONTHS[month.lower()[:3]]


def meeting_day(doc: PlanDocument) -> Day | None:
    """The day of the meeting a paper of minutes records: the first day its title or
    opening passages name; None for other papers."""
    if doc.meta.kind is not DocumentKind.minutes:
        return None
    opening = " ".join(
        [doc.meta.title or ""] + [f"{p.section or ''} {p.text}" for p in doc.passages[:OPENING]]
    )
    return asked_day(opening)


def on_asked_day(
    scope: Scope, query: Query, candidates: list[Candidate]
) -> tuple[Query, list[Candidate]]:
    """``candidates`` without the minutes of a meeting on another day than the one the
    question names, when the minutes of that day are among them; and the question with
    its day left out, since those minutes hold it in their opening, not in each passage
    ("on 30 jan" is not a word the apologies sentence must share)."""
    wanted = asked_day(query.text)
    if wanted is None:
        return query, candidates
    days = {d.id: meeting_day(d) for d in scope.documents}

    def day_of(cand: Candidate) -> Day | None:
        return days.get(cand.node.metadata.get("plan_document", ""))

    if not any(day_of(c) == wanted for c in candidates):
        return query, candidates
    kept = [c for c in candidates if day_of(c) in (None, wanted)]
    without = _DAY_MONTH.sub(" ", query.text) if _DAY_MONTH.search(query.text) else query.text
    without = " ".join(_MONTH_DAY.sub(" ", without).split()) if without == query.text else without
    return query.model_copy(update={"text": " ".join(without.split())}), kept
