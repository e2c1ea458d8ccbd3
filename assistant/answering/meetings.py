"""Answers about committee meetings: decisions, dates, agendas, papers and attendance.

A question that names a committee the corpus has meetings of (learned from the synced
records, ``meetings_record``) is answered from the meeting's own record: the statement
that says when it met, what was on its agenda, who chaired, attended or sent apologies,
and what it decided on an item — each quoted and cited with the meeting (committee and
date) and its public page; a paper of an item is cited at its own address. A question
about what a paper asked the committee to do goes on to the papers, searched among that
meeting's papers first; so does one that names a paper or an agenda item without its
committee (``meetings_subject``).

"Last" and "next" are counted from today's date, not from the newest meeting in the
corpus: the last meeting is the newest one on or before today; a next meeting after today
that the corpus does not hold is declined, naming the latest one it has, since answering
with an old meeting as "the next" would mislead. A date or a committee the corpus has no
meeting for is declined the same way, naming what it does have.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from assistant.answering import meetings_cues as cue
from assistant.answering.meetings_anchor import after as is_after
from assistant.answering.meetings_anchor import anchored
from assistant.answering.meetings_anchor import before as is_before
from assistant.answering.meetings_authors import maker_answer
from assistant.answering.meetings_between import held_between
from assistant.answering.meetings_bodies import body_in_papers, body_met
from assistant.answering.meetings_choose import (
    paper_subject,
    papers_naming,
    papers_on,
)
from assistant.answering.meetings_cues import read_cues
from assistant.answering.meetings_dates import per_paper, subject_dated
from assistant.answering.meetings_fuller import fuller_in_minutes
from assistant.answering.meetings_held import asks_person
from assistant.answering.meetings_officers import officers_answer
from assistant.answering.meetings_papers import paper_answer
from assistant.answering.meetings_people import people_at
from assistant.answering.meetings_record import (
    MeetingRecord,
    committees,
    long_date,
    meetings,
)
from assistant.answering.meetings_restricted import restricted_paper, unpublished_item
from assistant.answering.meetings_said import asks_said, minutes_named, said_in_minutes
from assistant.answering.meetings_statement import (
    decision_number_answer,
    record_answer,
    vote_answer,
    when_met,
)
from assistant.answering.meetings_subject import (
    ASKS_MEETING,
    ASKS_RECORD,
    ahead_in_papers,
    from_papers,
    held_before,
    item_named,
    minutes_of,
    months_of_papers,
    named_paper,
)
from assistant.answering.meetings_which import meeting_of_paper
from assistant.answering.meetings_wording import (
    no_body,
    no_meeting,
)
from assistant.answering.meetings_words import ASKS_FIGURE, ASKS_MANNER, ASKS_VOTE, MEETING_WORDS
from assistant.answering.scope import Scope
from assistant.answering.understand import Query
from assistant.models import Answer
from indexing.terms import content_stems


def today() -> date:
    """The date "next" and "last" are counted from (a function, so tests can move it)."""
    return date.today()


def meeting_answer(scope: Scope, query: Query) -> Answer | None:
    """The answer from the meeting records, or ``None`` when the question is not one
    about a meeting the records can answer (the router then searches the papers).

    A question about what a meeting's paper asked for narrows ``query.document_ids`` to
    that meeting's papers and returns ``None``. An answer quoted from printed minutes
    says which meeting's minutes they are (``meetings_said.minutes_named``).
    """
    answer = _meeting_answer(scope, query)
    return minutes_named(scope, answer) if answer is not None else None


def _meeting_answer(scope: Scope, query: Query) -> Answer | None:
    records = meetings(scope)
    if not records:
        return None
    text = query.text
    cues = months_of_papers(text, read_cues(text, committees(records), today()), records)
    cues = anchored(cues, records)  # "the next cabinet after the budget council"
    asked = [m for m in records if not cues.committees or m.committee in cues.committees]
    if (between := held_between(query, records, cues)) is not None:
        return between  # "which meeting was held between cabinet on 30 jan and 4 march?"
    if (had := meeting_of_paper(scope, query, asked)) is not None:
        return had  # "which meeting had the reserves policy among its papers?"
    if restricted := restricted_paper(scope, query, asked, cues.rest):
        return restricted  # "can I see the equality impact assessment for the item?"
    if unpublished := unpublished_item(query, asked, cues.rest):
        return unpublished  # "what does the transport presentation say about costs?"
    about_meetings = any(
        p.search(text)
        for p in (
            cue.MEET,
            cue.DECIDE,
            cue.AGENDA,
            cue.CHAIR,
            cue.APOLOGIES,
            cue.ATTEND,
            cue.WHEN,
            cue.NEXT,
        )
    )
    if cues.other_bodies and not cues.committees:
        # Its chair, attendance, agenda or next meeting are in no record here; what it
        # did and when may be in a paper naming it (``meetings_held`` keeps the answer
        # to a quote that does).
        of_meeting = (cue.MEET, cue.AGENDA, cue.CHAIR, cue.APOLOGIES, cue.ATTEND, cue.NEXT)
        asks_meeting = any(p.search(text) for p in of_meeting)
        if asks_meeting:  # "on what date did the scrutiny committee meet to consider it?":
            met = body_met(scope, query, cues, records)  # a paper's date, of the month asked
            return met or no_body(query, cues.other_bodies[0], records)
        return body_in_papers(scope, query, cues, records)  # "how did scrutiny vote?"
    if cues.other_bodies:
        # "what did the scrutiny committee agree before it went back to cabinet?": the
        # other body's words are in a paper that went to the committee, or nowhere here.
        pool = [m for m in records if m.committee in cues.committees]
        if cues.meeting_dates:
            pool = [m for m in pool if any(d.matches(m.day) for d in cues.meeting_dates)]
        if said := said_in_minutes(scope, query, pool, records, cues):
            return said  # "what did the january cabinet minutes say about the call-in?"
        topic = content_stems(cues.rest) - MEETING_WORDS
        bodies = [content_stems(b) for b in cues.other_bodies]
        # the body's report may have gone to another committee than the one named
        # ("was the scrutiny committee's vote to refer it to full council unanimous?")
        papers = papers_naming(pool, bodies, topic) or papers_naming(records, bodies, topic)
        if papers:
            return from_papers(scope, query, papers, cues.rest, bodies)
        return subject_dated(scope, query, pool, cues.rest, other_body=True)
    if numbered := decision_number_answer(query, asked, content_stems(cues.rest) - MEETING_WORDS):
        return numbered  # "what's the decision number for the commissioning plan?"
    if not cues.committees:
        # No committee named: a meeting day the records hold ("what was decided on 30
        # January 2025?") still names the meeting; anything else goes to the papers.
        days = [m for m in records if any(d.day and d.matches(m.day) for d in cues.dates)]
        if not (days and about_meetings and not cues.anchor):
            # "what was decided about the integrated care strategy delivery plan?": an
            # agenda item's subject names its meeting when asked what or when it decided.
            days = item_named(records, text, content_stems(cues.rest) - MEETING_WORDS)
            if not days or cues.dates:
                topic = content_stems(cues.rest) - MEETING_WORDS
                taken = _decided_by(scope, query, records, topic, cues.rest)
                dated = taken or subject_dated(scope, query, records, cues.rest, other_body=False)
                return dated or named_paper(scope, query, records, cues.rest)
        cues.committees = sorted({m.committee for m in days})
    pool = [m for m in records if m.committee in cues.committees]
    anchor = cues.anchor
    if anchor is None and cues.subject_dates and (cue.NEXT.search(text) or cue.AFTER.search(text)):
        # "were the minutes of 9 January signed off at the next meeting?": the meeting
        # after the subject's date, not one after today.
        anchor = replace(cues.subject_dates[0], anchor="after")
    if anchor is not None:
        before = anchor.anchor == "before"
        after = [
            m for m in pool if (is_before(m.day, anchor) if before else is_after(m.day, anchor))
        ]
        if not after:
            earlier = held_before(query, pool, anchor) if anchor.anchor == "before" else None
            return earlier or no_meeting(query, cues, pool, f"{anchor.anchor} that date")
        pool = [after[0]] if anchor.anchor != "before" else [after[-1]]
        if cue.WHICH_MEETING.search(text) and not (
            content_stems(cues.rest) - MEETING_WORDS - _MOVED
        ):
            return when_met(query, pool, set())  # "which cabinet came before the one on 4 March?"
    elif cue.NEXT.search(text) and not cues.meeting_dates:
        coming = [m for m in pool if m.day > today()]
        if not coming:
            return no_meeting(query, cues, pool, f"after today ({long_date(today())})")
        pool = coming[:1]
    if cues.meeting_dates:
        pool = [m for m in pool if any(d.matches(m.day) for d in cues.meeting_dates)]
        if not pool:
            return no_meeting(query, cues, [m for m in records if m.committee in cues.committees])
    if cue.LAST.search(text) and anchor is None:
        held = [m for m in pool if m.day <= today()]
        pool = held[-1:] or pool[-1:]
    topic = content_stems(cues.rest) - MEETING_WORDS
    if len(pool) == 1 and (people := people_at(scope, query, pool[0], records, topic)):
        return people  # "how many attended?", "what did Mrs Bell say?" (she sent apologies)
    if len(pool) == 1 and (officers := officers_answer(scope, query, pool[0], records, topic)):
        return officers  # "which officers were in attendance?": the printed minutes
    if said := said_in_minutes(scope, query, pool, records, cues):
        return said  # "who introduced the report?": what the printed minutes record
    if ASKS_VOTE.search(text) and (voted := vote_answer(query, pool, topic)):
        return voted  # "how did council vote on the budget?": "Substantive Motion Carried"
    if ahead := ahead_in_papers(scope, query, pool, cues.rest):
        return ahead
    if dated := subject_dated(scope, query, pool, cues.rest, other_body=False):
        return dated  # "when were the drafts published?": a date a paper gives
    if said := per_paper(scope, query, pool, cues.rest):
        return said  # "how much … according to the budget monitoring report?"
    asks_paper = (
        cue.ASKED.search(text)
        or cue.WHICH_BODY.search(text)
        or (cue.PAPERS.search(text) and not cue.PAPER_LIST.search(text))
    )
    if asks_paper and (
        cue.WHICH_BODY.search(text) or not (cue.WHEN.search(text) or cue.AGENDA.search(text))
    ):  # "which cabinet committee considered it?" asks a paper, not the agenda
        return from_papers(scope, query, papers_on(pool, topic), cues.rest)
    if not any(p.search(text) for p in ASKS_RECORD) and (papers := paper_subject(pool, topic)):
        # "how much did the LEVI amendment want for EV charging?": what a paper says.
        return from_papers(scope, query, papers, cues.rest)
    if (
        not any(p.search(text) for p in ASKS_RECORD if p is not cue.PAPERS)
        or (ASKS_FIGURE.search(text) and not any(p.search(text) for p in ASKS_MEETING))
        or ASKS_MANNER.search(text)
    ):
        # "how much is CYPE underspending in the budget monitoring that went to cabinet?",
        # "who wrote the late changes report?": not what the record says but what the
        # papers of its meetings say, when they say it.
        papers = minutes_of(pool, cues) or papers_on(pool, topic)
        answer = paper_answer(scope, query, papers, cues.rest, MEETING_WORDS)
        if answer is not None:
            return answer
    if taken := _decided_by(scope, query, pool, topic, cues.rest):
        return taken
    named = len(pool) == 1 and any(d.day for d in cues.meeting_dates)
    answer = record_answer(query, text, pool, topic, named, said=asks_said(text, pool))
    if len(pool) == 1 and (cue.DECIDE.search(text) or cue.WHEN.search(text)):
        # the resolution in full, when asked; a date the papers give, not the day it met
        return fuller_in_minutes(
            scope, query, answer, pool[0], records, cues.rest, bool(cue.WHEN.search(text))
        )
    return answer


_MOVED = content_stems(
    "came come comes held took place preceded precedes followed follows went before after "
    "one ones since prior previous earlier later"
)
"""Words that place a meeting in the run of meetings ("came before"), not a subject."""
_TOOK = re.compile(r"\b(?:took|take|taken|made|make)\b.*\bdecision|\bdecision[- ]?maker", re.I)
"""Asks who took a decision ("which member took the decision?")."""


def _decided_by(
    scope: Scope, query: Query, pool: list[MeetingRecord], topic: set[str], rest: str
) -> Answer | None:
    """ "Which cabinet member took the decision?": a record says which body decided, the
    item's papers name the member; their sentence naming a person, else ``None``."""
    text = query.text
    if not (asks_person(text) and _TOOK.search(text) and cue.DECIDE.search(text)):
        return None  # "who called in the decision?" asks another thing
    if maker := maker_answer(scope, query, papers_on(pool, topic)):
        return maker  # "The decision maker was Mrs Chandler, …"
    return None
