"""A decision in full: the printed minutes' resolution when the record gives it short.

The committee system publishes a meeting's decisions in short; the printed minutes,
approved at the next meeting and published as its paper, give each resolution in full
(the delegations, the conditions, "to implement the decision"). Asked what a decision
said that its short form leaves out ("who was given delegated authority to implement the
transfer?"), the record's statement answers a narrower question. When two or more of the
question's own words are missing from the record's answer and the resolution in the
printed minutes holds them, the minutes answer instead.
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
) -> Answer | None:
    """The answer from the meeting's printed minutes when they hold what the record's
    ``answer`` leaves out of the question; else ``answer``."""
    if answer is None or not answer.answered:
        return answer
    topic = content_stems(rest) - MEETING_WORDS - FRAMING
    missing = topic - content_stems(answer.answer)
    if len(missing) < MISSING:
        return answer
    papers = printed_minutes(records, meeting)
    if not papers:
        return answer
    fuller = paper_answer(scope, query, papers, rest, MEETING_WORDS)
    if fuller is not None and len(missing & content_stems(fuller.answer)) >= MISSING:
        return fuller
    return answer
