"""What another body did, read from the paper it sent to a committee the records hold.

A council's scrutiny committee, a cabinet committee or a board whose meetings are not
synced may still have sent a report to one that is ("Scrutiny Committee – call-in …
Report to Cabinet"). Asked how that body voted or what it agreed, with no committee of
the records named, the answer is in that paper: its sentence recording the body's
decision is quoted. The question's date must be the paper's: "what did the governance
and audit committee agree in March 2025?" is answered only by a sentence that says
March 2025, not by whatever that body agreed at another time.
"""

from __future__ import annotations

from assistant.answering.meetings_choose import papers_naming
from assistant.answering.meetings_cues import MeetingCues
from assistant.answering.meetings_dates import subject_dated
from assistant.answering.meetings_papers import paper_answer
from assistant.answering.meetings_record import MeetingRecord
from assistant.answering.meetings_words import MEETING_WORDS
from assistant.answering.scope import Scope
from assistant.answering.understand import Query
from assistant.models import Answer
from indexing.readers.dates import MONTHS
from indexing.terms import content_stems


def body_in_papers(
    scope: Scope, query: Query, cues: MeetingCues, records: list[MeetingRecord]
) -> Answer | None:
    """The sentence of a paper another body sent that records what the question asks
    of it, at the date asked; ``None`` when no paper names the body or none answers."""
    bodies = [content_stems(b) for b in cues.other_bodies]
    topic = content_stems(cues.rest) - MEETING_WORDS
    papers = papers_naming(records, bodies, topic)
    if not papers:
        return None
    answer = paper_answer(scope, query, papers, cues.rest, MEETING_WORDS, bodies)
    if answer is None or not _at_date(answer, cues):
        return None
    return answer


def body_met(
    scope: Scope, query: Query, cues: MeetingCues, records: list[MeetingRecord]
) -> Answer | None:
    """Asked when another body met or acted ("on what date did the scrutiny committee
    meet to consider the call-in?"): a paper's sentence giving the date, of the month asked
    when one is named; else ``None``."""
    answer = subject_dated(scope, query, records, cues.rest, other_body=True)
    return answer if answer is not None and _at_date(answer, cues) else None


def _at_date(answer: Answer, cues: MeetingCues) -> bool:
    """The answer is of the date the question names: a quote gives that month (and the
    year, when one is named). True when no date is named."""
    for d in cues.dates:
        if not any(_dated(c.quote or "", d.month, d.year) for c in answer.citations):
            return False
    return True


def _dated(quote: str, month: int, year: int | None) -> bool:
    words = [w.strip(",.;:()") for w in quote.lower().split()]
    named = any(MONTHS.get(w) == month for w in words)
    return named and (year is None or str(year) in quote)
