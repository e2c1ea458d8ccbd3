"""A meeting's record answers narrowly: what it leaves out is in the minutes or the papers.

The committee system publishes a meeting's decisions in short; the printed minutes,
approved at the next meeting and published as its paper, give each resolution in full
(the delegations, the conditions, "to implement the decision"), and the meeting's papers
give what the record only names ("when did county council agree the new pay structure
staff are moving to?" is a date the budget report gives, not the day council met). When
two or more of the question's own words are missing from the record's answer, the
printed minutes answer instead if their answer holds them, else the papers of the
meeting's items if theirs does; otherwise the record's answer stands.
"""

from __future__ import annotations

from assistant.answering.meetings_officers import printed_minutes
from assistant.answering.meetings_papers import paper_answer
from assistant.answering.meetings_record import MeetingRecord
from assistant.answering.meetings_words import FRAMING, MEETING_WORDS
from assistant.answering.scope import Scope
from assistant.answering.understand import Query
from assistant.models import Answer
from indexing.terms import content_stems

MISSING = 2
"""Words of the question the record's answer must lack (and the minutes hold) before the
minutes answer: one word is a paraphrase, two are something the short form left out."""


def fuller_in_minutes(
    scope: Scope,
    query: Query,
    answer: Answer | None,
    meeting: MeetingRecord,
    records: list[MeetingRecord],
    rest: str,
    papers: bool = False,
) -> Answer | None:
    """The answer from the meeting's printed minutes — or, with ``papers``, its items'
    papers — when they hold what the record's ``answer`` leaves out of the question;
    else ``answer``."""
    if answer is None or not answer.answered:
        return answer
    topic = content_stems(rest) - MEETING_WORDS - FRAMING
    missing = topic - content_stems(answer.answer)
    if len(missing) < MISSING:
        return answer
    sources = [printed_minutes(records, meeting)]
    if papers:
        sources.append([p.id for p in meeting.papers])
    for paper_ids in (s for s in sources if s):
        fuller = paper_answer(scope, query, paper_ids, rest, MEETING_WORDS)
        if fuller is not None and len(missing & content_stems(fuller.answer)) >= MISSING:
            return fuller
    return answer
