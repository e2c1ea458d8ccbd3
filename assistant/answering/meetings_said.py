"""What was said at a meeting: read from its printed minutes, not its papers.

A meeting's papers say what was put to it; what members and officers said there — who
introduced a report, what a cabinet member told the meeting, what the minutes record of
the discussion — is printed only in its minutes, which are a paper of the committee's
next meeting ("Minutes of the Meeting held on <day>", ``printed_minutes``). A question
that asks what someone said or did at a meeting ("who introduced the delivery plan
report?", "what did the finance member tell cabinet council tax would rise by?"), or asks
"according to the minutes" of a meeting it names by its committee or day, is answered
from those minutes when they are held; otherwise ``None`` and the question goes on to
the meeting's own papers. So is one asking what a person named by name or post reported
or brought to the meeting ("what did mr baker update cabinet on?", "which date did
general counsel give?", "which member brought the report?", "how much did watkins say
adults would save?" by a surname the meeting's attendance lists): a member's update is quoted
point by point (``meetings_updates``), and a quote from a part of the minutes that does
not name the person asked is declined, since it records someone else. Asked what was said
at one meeting whose minutes are not held ("what did the chairman announce?"), the
question is declined: its record lists the items, not what was said on them.
"""

from __future__ import annotations

import re

from assistant.answering import meetings_cues as cue
from assistant.answering.citations import quoted_passage_at, quoted_passage_citation
from assistant.answering.evidence import sentences
from assistant.answering.meetings_authors import ASKS_AUTHOR
from assistant.answering.meetings_cues import MeetingCues
from assistant.answering.meetings_held import asks_person
from assistant.answering.meetings_officers import printed_minutes
from assistant.answering.meetings_papers import paper_answer
from assistant.answering.meetings_people import member_typed
from assistant.answering.meetings_record import MeetingRecord, long_date
from assistant.answering.meetings_subject import title_days
from assistant.answering.meetings_updates import update_answer
from assistant.answering.meetings_wording import declined
from assistant.answering.meetings_words import MEETING_WORDS, SPEAKER
from assistant.answering.scope import Scope
from assistant.answering.understand import Query
from assistant.markers import renumber
from assistant.models import Answer, Passage
from assistant.text import one_line

SPOKEN = re.compile(
    r"\b(?:introduc(?:e|ed|es|ing)|told|tell|tells|explain(?:ed|s)?|spoke|speak|"
    r"mention(?:ed|s)?|highlight(?:ed|s)?|thank(?:ed|s)?|stress(?:ed|es)?|"
    r"emphasi[sz](?:ed|es)?|warn(?:ed|s)?|remark(?:ed|s)?)\b",
    re.I,
)
"""What a person said or did at the meeting: only its minutes record it."""
PER_MINUTES = re.compile(
    r"\b(?:according\s+to|per|in)\s+(?:the\s+)?(?:\w+\s+){0,2}?minutes\b"
    r"|\bminutes\s+(?:say|said|says|record|recorded|records|show|showed|shows|note|noted)\b",
    re.I,
)
"""The question names the minutes as where its answer is."""
PRESENTED = re.compile(r"\bwho\b.*\bpresent(?:ed|s)\b", re.I)
"""Who presented a report: the minutes say who introduced it."""
REPORTED = re.compile(
    r"\b(?:update[ds]?|updating|say|says|said|give|gives|gave|bring|brings|brought|"
    r"advis(?:e|ed|es)|confirm(?:ed|s)?|announc(?:e|ed|es)|outlin(?:e|ed|es)|"
    r"describ(?:e|ed|es)|assur(?:e|ed|es)|acknowledg(?:e|ed|es)|express(?:ed|es)?|"
    r"prais(?:e|ed|es)|paid\s+tribute|pay\s+tribute|raise[ds]?|elaborat(?:e|ed|es)|"
    r"reported|report\s+(?:to|back)|listed|quoted|cited|"
    r"ask(?:ed|s)?\s+(?:members|cabinet|councillors|colleagues|residents|people|everyone))\b",
    re.I,
)
"""What someone reported or brought to the meeting ("what did mr baker update cabinet
on?", "which date did general counsel give?", "which member brought the report?"):
only the minutes record it, when the question names who by name or post or asks who."""
SPEAKING_POST = re.compile(
    r"\b(?:leader|cabinet\s+members?|members?\s+for|chair(?:man|woman)?|counsel|"
    r"directors?|officers?|chief\s+executive|councillors?|cllr|head\s+of|"
    r"portfolio\s+holders?|mayor|solicitor|treasurer)\b",
    re.I,
)
"""A post whose holder may speak at a meeting, as a question names them."""
_SOLE_POST = re.compile(
    r"\b(?:general\s+counsel|chief\s+executive|monitoring\s+officer|leader|mayor|"
    r"treasurer|solicitor)\b",
    re.I,
)
"""A post one person holds, by which a question may name who spoke."""
SPEAKER_REACH = 3
"""Passages before a quoted one that may name its speaker (a member's update runs on)."""
_ASKS_RESOLUTION = re.compile(r"\b(?:the|its|their)\s+resolution\b|\bresolved\b", re.I)
"""Asks what a resolution said ("who did the resolution say must be consulted?")."""
_RESOLVED = re.compile(r"\bRESOLVED\b")
"""How minutes print a resolution."""
_ATTENDANCE = re.compile(r"\s*(?:PRESENT|IN ATTENDANCE|ALSO PRESENT|APOLOGIES)\b")
"""A line of the minutes listing who attended: it names a speaker, not what they said."""
_MINUTES_ITEM = re.compile(r"^\s*(?:\d+[a-z]?\.\s*)?minutes\b", re.I)
"""An agenda item holding a previous meeting's minutes ("3. Minutes of the Meeting held …")."""
_ASKED_DATE = re.compile(r"\b(?:dates?|days?)\b", re.I)
"""The kind of answer a question asks for ("which date …"), which no sentence says."""
_ASKS_WHAT = re.compile(r"(?:^|,\s*)(?:what|which|how|when)\b", re.I)
"""Asks what was said, not whether something happened ("were there any cabinet member
updates?" is answered by the agenda) nor who said it (the paper's "From:" line may say
who brought it)."""


def said_in_minutes(
    scope: Scope,
    query: Query,
    pool: list[MeetingRecord],
    records: list[MeetingRecord],
    cues: MeetingCues,
) -> Answer | None:
    """The answer from the printed minutes of the meetings in ``pool`` when the question
    asks what was said there (see the module); else ``None``."""
    text = query.text
    typed = _typed(text, pool)
    spoken = _said(text, typed)
    if cues.subject_dates and not spoken:  # "the minutes of 9 January": ``minutes_of``
        return None  # reads those; "who introduced the November report?" names a report
    if not (spoken or PER_MINUTES.search(text)):
        return None
    papers = list(dict.fromkeys(p for m in pool for p in printed_minutes(records, m)))
    if not papers:
        if len(pool) == 1 and spoken and _ASKS_WHAT.search(text) and not asks_person(text):
            return not_minuted(query, pool[0])  # "what did the chairman announce?"
        return None
    for meeting in pool:  # "what did mr baker update cabinet on?": the points of his update
        minutes = printed_minutes(records, meeting)
        if minutes and (updated := update_answer(scope, query, minutes, cues.rest)):
            return updated
    # the member who spoke is who said it, not what it was about: the minutes name a
    # speaker once for a paragraph of what they said; nor is the verb of saying, nor the
    # date asked for ("which date did general counsel give for …")
    rest = SPEAKER.sub(" ", PER_MINUTES.sub(" ", cues.rest))
    if typed:  # "what did watkins say …": the member by surname alone
        rest = re.sub(rf"\b{re.escape(typed.split()[-1])}\b", " ", rest, flags=re.I)
    rest = _ASKED_DATE.sub(" ", REPORTED.sub(" ", rest))
    answer = paper_answer(scope, query, papers, rest, MEETING_WORDS)
    if answer is not None and _ASKS_RESOLUTION.search(text) and not _resolved(scope, answer):
        return declined(  # "who did the resolution say … must consult?": not the debate
            query,
            "The resolution in the minutes I have does not say that.",
            pool[:1],
            reason="not resolved",
        )
    speaker = _speaker(text) or typed
    if answer is None or not speaker:
        return answer
    listed = any(_ATTENDANCE.match(c.quote or "") for c in answer.citations)
    if not listed and _spoken_by(scope, answer, speaker):
        return answer
    return declined(  # "which date did general counsel give for …": not a date he gave
        query,
        f"The minutes I have do not record {speaker} saying that.",
        pool[:1],
        reason="speaker not minuted",
    )


def _speaker(text: str) -> str:
    """Who the question asks said something, when it names them by surname or by a post
    only one person holds ("general counsel"); else ``""``."""
    if not reported(text) and not SPOKEN.search(text):
        return ""
    named = SPEAKER.search(text)
    if named:
        return named.group(0)
    post = _SOLE_POST.search(text)
    return f"the {post.group(0).lower()}" if post else ""


def _spoken_by(scope: Scope, answer: Answer, speaker: str) -> bool:
    """Whether the paragraph the answer quotes, or one of the few before it under the same
    heading, names the speaker: minutes name a speaker once for what they said."""
    surname = speaker.split()[-1].lower()
    return any(surname in p.text.lower() for p in _quoted_and_before(scope, answer))


def _resolved(scope: Scope, answer: Answer) -> bool:
    """Whether the answer quotes a resolution: the paragraph quoted, or one of the few
    before it under the same heading (the lettered parts follow "RESOLVED that …:"), holds
    the word the minutes print a resolution with."""
    return any(_RESOLVED.search(p.text) for p in _quoted_and_before(scope, answer))


def _quoted_and_before(scope: Scope, answer: Answer) -> list[Passage]:
    """The passages the answer quotes, each with the few before it under its heading."""
    found: list[Passage] = []
    for citation in answer.citations:
        document = scope.document(citation.document_id)
        if document is None:
            continue
        passages = document.passages
        at = quoted_passage_at(passages, citation.quote or "")
        if at is None:
            continue
        section = passages[at].section
        found += [p for p in passages[max(0, at - SPEAKER_REACH) : at + 1] if p.section == section]
    return found


def asks_said(text: str, pool: list[MeetingRecord]) -> bool:
    """Whether the question asks what someone said or did at the meeting ("which cabinet
    member spoke on …", "what did members say", "what did Mr Baker update cabinet on"):
    what its printed minutes record, not its decisions."""
    return _said(text, _typed(text, pool))


def _typed(text: str, pool: list[MeetingRecord]) -> str:
    """The member a question that asks what was reported names by surname alone."""
    return member_typed(text, pool) if REPORTED.search(text) else ""


def _said(text: str, typed: str) -> bool:
    return bool(SPOKEN.search(text) or PRESENTED.search(text) or reported(text) or typed)


def reported(text: str) -> bool:
    """Whether the question asks what a person (named, by post, or asked for) reported or
    brought to the meeting (``REPORTED``); not who gave apologies, which the record says,
    nor who wrote a report."""
    if cue.APOLOGIES.search(text) or ASKS_AUTHOR.search(text):
        return False  # who wrote a report: its contact details, not the minutes
    return bool(
        REPORTED.search(text)
        and (
            SPEAKER.search(text)
            or SPEAKING_POST.search(text)
            or asks_person(text)
            or _MEMBERS_SAID.search(text)
        )
    )


_MEMBERS_SAID = re.compile(r"\b(?:members?|cllrs?)\s+(?:say|said|raised?|asked|quoted)\b", re.I)
"""What members said at the meeting ("what did members say at the january cabinet")."""


def not_minuted(query: Query, meeting: MeetingRecord) -> Answer:
    """A question about what was said at a meeting whose printed minutes are not held:
    declined, since its record lists the items but not what was said on them."""
    text = (
        f"The record of the {meeting.committee} meeting of {long_date(meeting.day)} lists its "
        "items but not what was said on them, and its printed minutes are not among the "
        "papers I have."
    )
    return declined(query, text, [meeting], reason="minutes not held")


def minutes_named(scope: Scope, answer: Answer) -> Answer:
    """The answer, led by which meeting's minutes it quotes when it quotes printed minutes
    (a paper of a later meeting, its item "Minutes of the Meeting held on <day>") and
    does not say that day — the paper's own date is the later meeting's —, the day cited
    where the minutes print it ("MINUTES of a meeting of the Cabinet held … on …")."""
    if not answer.answered or not answer.citations:
        return answer
    paper = scope.document(answer.citations[0].document_id)
    if paper is None or not _MINUTES_ITEM.match(paper.meta.agenda_item or ""):
        return answer
    days = title_days(paper.meta.agenda_item)
    if not days or (day := long_date(days[0])) in answer.answer:
        return answer
    held = next((p for p in paper.passages[:3] if day in " ".join(p.text.split())), None)
    opening = (
        next((x for x in sentences(held.text) if day in " ".join(x.split())), "") if held else ""
    )
    citation = (
        quoted_passage_citation(scope.store, held, one_line(opening)) if held and opening else None
    )
    if citation is None:
        return answer
    lead = f"From the minutes of the {paper.meta.committee or 'committee'} meeting of {day} [1]:"
    shifted = renumber(answer.answer, {n: n + 1 for n in range(1, len(answer.citations) + 1)})
    return answer.model_copy(
        update={"answer": f"{lead}\n{shifted}", "citations": [citation, *answer.citations]}
    )
