"""What the papers say, not the record: dates of a subject, and "according to" a paper.

"When did the cabinet committee endorse the plan before cabinet agreed it?", "from what
date were the draft budget proposals published, per the covering report?": the date asked
is of another body's act or of a paper's publication, printed in the papers of the item —
not the day the committee named met. Such a question is answered from a sentence of the
papers that gives a date; when none does, ``None`` (the record then answers as usual).

A question is of this kind when it asks when and names another body, asks when something
was published, issued, announced or notified, or asks "according to" (or "per") a paper.

Any question asked "according to the budget monitoring report" (or "per the section 25
statement", "in the minutes") is answered from the papers first: the record's short
decision may give a neighbouring figure, but the question names where its answer is.
"""

from __future__ import annotations

import re

from assistant.answering import meetings_cues as cue
from assistant.answering.meetings_choose import DECISIONS, best_statements, papers_on
from assistant.answering.meetings_papers import paper_answer
from assistant.answering.meetings_record import MeetingRecord
from assistant.answering.meetings_words import MEETING_WORDS
from assistant.answering.paper_request import requested_papers
from assistant.answering.scope import Scope
from assistant.answering.understand import Query
from assistant.models import Answer
from indexing.readers.dates import MONTH_PATTERN
from indexing.terms import content_stems

_EVENT = re.compile(
    r"\b(?:published|issued|announced|notified|released|launched|circulated)\b|"
    r"\b(?:according\s+to|per)\s+(?:the\s+)?\w+",
    re.I,
)
"""A date of a paper's event, or one a paper gives ("per the covering report")."""
_BODY = re.compile(r"\b(?:committee|sub-committee|board|panel|forum)s?\b", re.I)
"""Another body, named or not ("the cabinet committee"), left in the question's rest."""
_DATED = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH_PATTERN})\b", re.I)


_RECORD_DATED = re.compile(
    rf"\b(?:published|issued|announced|notified)\s+(?:on\s+|from\s+)?{_DATED.pattern}", re.I
)
"""The record's own statement giving the event's date."""


def subject_dated(
    scope: Scope, query: Query, pool: list[MeetingRecord], rest: str, other_body: bool
) -> Answer | None:
    """The papers' sentence giving the date asked, when the question asks the date of
    another body's act or of a paper's event (see the module); else ``None``."""
    text = query.text
    if not cue.WHEN.search(text) or cue.NEXT.search(text) or cue.LAST.search(text):
        return None
    if not (other_body or _BODY.search(rest) or _EVENT.search(text)):
        return None
    topic = content_stems(rest) - MEETING_WORDS
    said = best_statements(pool, topic, DECISIONS)
    if cue.DECIDE.search(text) and said and _RECORD_DATED.search(said[0][1].text):
        return None  # "the decision refers to a report published on 5th February 2025"
    answer = paper_answer(
        scope, query, _papers_asked(scope, text, pool, topic), rest, MEETING_WORDS
    )
    if answer is None or not any(_DATED.search(c.quote or "") for c in answer.citations):
        return None
    return answer


_ACCORDING = re.compile(
    r"\b(?:according\s+to|per|in)\s+(?:the\s+)?(?:[\w'’&-]+\s+){0,6}?"
    r"(?:report|paper|statement|minutes|plan|policy|appendix|form|register)\b",
    re.I,
)
"""Names the paper the answer is in: "according to the budget monitoring report"."""


def per_paper(scope: Scope, query: Query, pool: list[MeetingRecord], rest: str) -> Answer | None:
    """The papers' answer to a question asked "according to" a paper of the meetings in
    ``pool``; ``None`` when it names none or no sentence of them answers."""
    if not _ACCORDING.search(query.text):
        return None
    topic = content_stems(rest) - MEETING_WORDS
    papers = _papers_asked(scope, query.text, pool, topic)
    named = _papers_asked(scope, query.text, pool, topic, alone=True)
    if named != papers and (answer := paper_answer(scope, query, named, rest, MEETING_WORDS)):
        return answer  # "per the late changes report": that paper before its appendix
    return paper_answer(scope, query, papers, rest, MEETING_WORDS)


_APPENDIX = re.compile(r"\s*(?:appendix|appendices|annex)", re.I)
_ACCORDING_WORDS = re.compile(r"^\s*(?:according\s+to|per|in)\s+", re.I)


def _papers_asked(
    scope: Scope, text: str, pool: list[MeetingRecord], topic: set[str], alone: bool = False
) -> list[str]:
    """The papers of the item the topic names; or the paper the question's "according to"
    names by its title or opening words ("per the s25 assurance statement"), when that is
    a paper of another meeting than those asked about — or, with ``alone``, whichever."""
    papers = papers_on(pool, topic)
    according = _ACCORDING.search(text)
    if according is None:
        return papers
    phrase = _ACCORDING_WORDS.sub("", according.group(0))  # "the s25 assurance statement"
    named = requested_papers(scope, phrase)  # "the s25 statement": its title's "Section 25"
    if len(named) != 1 or (named[0].id in papers and not alone):
        return papers
    if _APPENDIX.match(named[0].meta.title) and not _APPENDIX.search(phrase):
        return papers  # "the late budget changes paper" is the report, not its appendix
    return [named[0].id]
