"""Which papers or agenda item of the meetings a question is about, when it is not about
the meeting record itself.

A question may name no committee and no date but an agenda item ("what was decided about
the integrated care strategy delivery plan?") or a paper ("what does the reserves policy
call dangerous?"); it may ask what the minutes of a meeting say, which are a paper of a
later meeting; or it may name a committee but ask what a paper of its meetings says. Here
such a question is matched to the item or the papers, and answered from the papers
(``meetings_papers``) when they answer it.
"""

from __future__ import annotations

import re
from datetime import date

from assistant.answering import meetings_cues as cue
from assistant.answering.meetings_choose import (
    DECISIONS,
    best_statements,
    paper_named,
    papers_on,
    score,
)
from assistant.answering.meetings_cues import read_cues
from assistant.answering.meetings_papers import paper_answer
from assistant.answering.meetings_record import MeetingRecord, long_date
from assistant.answering.meetings_wording import answer_of
from assistant.answering.meetings_words import FRAMING, MEETING_WORDS
from assistant.answering.question_short_forms import sections_spelt
from assistant.answering.scope import Scope
from assistant.answering.understand import Query
from assistant.models import Answer
from indexing.readers.dates import MONTH_PATTERN, MONTHS
from indexing.terms import content_stems

_TITLE_MONTH = re.compile(rf"\b{MONTH_PATTERN}\b", re.I)

ASKS_MEETING = (
    cue.WHEN,
    cue.WHERE,
    cue.CHAIR,
    cue.APOLOGIES,
    cue.PRESENT,
    cue.AGENDA,
    cue.ITEM_NUMBER,
)
"""Cues of a question about the meeting itself (when, where, who, its agenda), never
about what its papers say."""
ASKS_RECORD = (*ASKS_MEETING, cue.PAPERS, cue.DECIDE)
"""Cues of a question the meeting record itself answers: those about the meeting, its
papers and its decisions."""


def minutes_of(pool: list[MeetingRecord], cues: cue.MeetingCues) -> list[str]:
    """ "according to the minutes of the january cabinet": the papers of the item of a
    later meeting that takes the minutes of that date."""
    if not cues.subject_dates:
        return []
    found = [
        paper
        for m in pool
        for s in m.of_kind("item", *DECISIONS, "papers")
        if (s.item_title or "").lower().startswith("minutes")
        and any(d.matches(t) for d in cues.subject_dates for t in title_days(s.item_title))
        for paper in papers_on([m], content_stems(s.item_title or ""))
    ]
    return list(dict.fromkeys(found))


def months_of_papers(
    text: str, cues: cue.MeetingCues, records: list[MeetingRecord]
) -> cue.MeetingCues:
    """The cues with a month that names a paper rather than a meeting moved to the
    subject: "the november budget monitoring report to cabinet" is the report covering
    November (its title or period says so), not a Cabinet meeting in November, when the
    committee held none that month, and the words after the month are the paper's. A
    month a meeting was held in stays the meeting's, as does one ending the question
    ("what did cabinet decide in november?")."""
    pool = [m for m in records if not cues.committees or m.committee in cues.committees]
    papers = [p for m in pool for p in m.papers]
    kept: list[cue.DateCue] = []
    for d in cues.dates:
        named = d.day is None and d.span is None and d.anchor is None
        if not named or any(d.matches(m.day) for m in pool):
            kept.append(d)
            continue
        titled = any(
            MONTHS[w.group(0).lower()] == d.month
            and _named_with(text, d.month, content_stems(f"{p.meta.title} {p.meta.agenda_item}"))
            for p in papers
            for t in (p.meta.title, p.meta.period or "")
            for w in _TITLE_MONTH.finditer(t)
        )
        if not titled:
            kept.append(d)
            continue
        cues.subject_dates.append(d)
        cues.rest = f"{cues.rest} {date(2000, d.month, 1):%B}".strip()
    cues.dates = kept
    return cues


def _named_with(text: str, month: int, title: set[str]) -> bool:
    """The question writes the month right before words of the title ("the november
    budget monitoring report")."""
    for found in _TITLE_MONTH.finditer(text):
        if MONTHS[found.group(0).lower()] != month:
            continue
        after = content_stems(" ".join(text[found.end() :].split()[:2]))
        if after and after <= title:
            return True
    return False


def title_days(title: str | None) -> list[date]:
    """The days an item's title names ("Minutes of the Meeting held on 30 January 2025")."""
    named = read_cues(title or "", [])
    return [
        date(d.year, d.month, d.day) for d in named.dates + named.subject_dates if d.day and d.year
    ]


def item_named(records: list[MeetingRecord], text: str, topic: set[str]) -> list[MeetingRecord]:
    """The meeting whose agenda item the question names by its title (two or more of its
    words, and no other), when it asks what was decided on it or when."""
    if not (cue.DECIDE.search(text) or cue.WHEN.search(text)) or cue.ASKED.search(text):
        return []
    # Every word of the subject is the item's ("when was the integrated care strategy
    # delivery plan decided?"); a word beyond it asks what a paper of the item says
    # ("when was the public health grant published according to the late changes paper?").
    subject = topic - FRAMING
    named = [
        (len(subject & title), m)
        for m in records
        for s in m.of_kind(*DECISIONS)
        if not subject - (title := content_stems(s.item_title or ""))
    ]
    top = max((n for n, _ in named), default=0)
    return [m for m in records if any(n == top and r is m for n, r in named)] if top >= 2 else []


def named_paper(
    scope: Scope, query: Query, records: list[MeetingRecord], rest: str
) -> Answer | None:
    """A question naming no committee but a paper of one of its meetings ("what does the
    reserves policy call dangerous?"), unless it asks what the record says: answered
    from that item's papers, or ``None`` for the router to search as usual."""
    if any(p.search(query.text) for p in (*ASKS_MEETING, cue.DECIDE)):
        return None
    topic = content_stems(sections_spelt(rest)) - MEETING_WORDS  # "s25": "Section 25 …"
    papers = paper_named(records, topic)
    return paper_answer(scope, query, papers, rest, MEETING_WORDS) if papers else None


def from_papers(
    scope: Scope,
    query: Query,
    papers: list[str],
    rest: str,
    bodies: list[set[str]] | None = None,
) -> Answer | None:
    """What the item's papers say (``meetings_papers``); when none of their sentences
    answers, ``None`` with the search narrowed to those papers first."""
    answer = paper_answer(scope, query, papers, rest, MEETING_WORDS, bodies)
    if answer is None:
        query.document_ids = papers or query.document_ids
    return answer


def held_before(query: Query, pool: list[MeetingRecord], anchor: cue.DateCue) -> Answer | None:
    """The committee's meeting before a day when the records hold none before it: the
    meeting whose minutes the meeting of that day approved ("Minutes of the Meeting held
    on 9th January 2025"), since a committee approves the minutes of its previous
    meeting. ``None`` when no meeting that day approved earlier minutes."""
    for meeting in pool:
        if not anchor.matches(meeting.day):
            continue
        for statement in meeting.of_kind("item", *DECISIONS):
            title = statement.item_title or ""
            days = [d for d in title_days(title) if d < meeting.day]
            if title.lower().startswith("minutes") and days:
                line = (
                    f"The {meeting.committee} meeting before {long_date(meeting.day)} was held "
                    f"on {long_date(max(days))}: the meeting of {long_date(meeting.day)} took "
                    f"its minutes as item {statement.item_number} ({title})."
                )
                return answer_of(query, [line], [(meeting, statement)], [])
    return None


def ahead_in_papers(
    scope: Scope, query: Query, pool: list[MeetingRecord], rest: str
) -> Answer | None:
    """ "When would full council review the family hubs decision?": a date of what is to
    happen to an agenda item is in that item's papers, not in when a meeting was held.
    Only for a question that names an item (two or more words of its title or papers)
    and does not ask for a committee's next meeting."""
    if not (cue.WHEN.search(query.text) and cue.AHEAD.search(query.text)):
        return None
    if cue.NEXT.search(query.text):
        return None
    topic = content_stems(rest) - MEETING_WORDS
    best = best_statements(pool, topic, ("paper", "papers", "item", *DECISIONS))
    if not best or score(best[0][1], topic) < 2:
        return None
    answer = paper_answer(scope, query, papers_on(pool, topic), rest, MEETING_WORDS)
    if answer is None or not any(_SAYS_WHEN.search(c.quote or "") for c in answer.citations):
        return None  # a row of 2027-28 figures does not say when the budget is set
    return answer


_SAYS_WHEN = re.compile(rf"\b(?:{MONTH_PATTERN})\b|\b(?:spring|summer|autumn|winter)\b", re.I)
"""A quote that says when: it names a month or a season."""
