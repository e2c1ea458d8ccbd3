"""Keeping a meeting answer to the question asked, or declining it.

"A wrong answer is worse than 'I can't find that'": an answer that quotes the corpus but
answers a different question is replaced by a decline that says what the records hold.
Each rule is one a clerk would apply:

- **another body**: a question about a committee, board or panel the records hold no
  meetings of ("the environment and transport cabinet committee") is answered only by a
  quote that names that body; a sentence about another committee meeting that day answers
  a different question;
- **a period no meeting covers**: asked when a meeting for a financial year is ("the
  budget meeting for 2026-27"), the meeting quoted must be about that year; the 2025
  budget meeting is not the one for 2026-27;
- **an item without content**: asked what an agenda item said, showed or recommended
  (a presentation with no papers), the record's agenda line says only that it was on the
  agenda, not what it said;
- **a person no quote names**: asked who, a quote that names no one (no title such as
  "Mr" and no post such as "Director") does not answer;
- **a vote no quote states**: asked how a body voted, a quote that does not say how the
  vote went ("carried", "unanimously", "by 45 votes to 12") does not answer.

It also finds, for "was Mrs Bell at …?", the attendance line that names her: the
apologies when she sent them, not the list of members present.
"""

from __future__ import annotations

import re

from assistant.answering import meetings_cues as cue
from assistant.answering.meetings_record import MeetingRecord, Statement, committees
from assistant.answering.meetings_wording import declined, no_body
from assistant.answering.meetings_words import ASKS_VOTE, BY_BODY, VOTE_OUTCOME
from assistant.answering.understand import Query
from assistant.answering.year_words import consecutive
from assistant.models import Answer
from indexing.terms import content_stems

_TITLED = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Cllr|Councillor)\.?\s+(?:[A-Z]\.?\s+)*([A-Z][\w'’-]+)"
)
"""A member as a record names one: "Mrs C Bell", "Mr P J Oakford" (the surname kept)."""
_PERSON = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Cllr|Councillor)\b|\b(?:Director|Officer|Leader|Member|"
    r"Chair\w*|Head|Chief|Executive|Counsel|Manager|Secretary|Minister|Proposer|Seconder)\b"
)
"""A quote that names a person: a title or a post."""
_NAME_WHO = re.compile(r"\b[A-Z][a-z]+\s+(?:[A-Z]\.?\s+)?[A-Z][\w'’-]+,\s+who\b")
"""A person named without title or post, and said to be one ("Steve Grimshaw, who
managed the scheme")."""
_WHO = re.compile(
    r"^\s*(?:who|whom|whose)\b|^\s*(?:which|what)\s+(?:(?!did|do|does|was|were)\w+\s+)?(?:officers?|members?|"
    r"councillors?|person|people|directors?)\b",
    re.I,
)
_PERIOD = re.compile(r"\b(20\d\d)\s*[-/–]\s*(?:20)?(\d\d)\b")
"""A financial year: "2026-27", "2026/27", "2026-2027"."""
_SAYS = re.compile(
    r"\b(?:say|says|said|show|shows|showed|shown|recommend\w*|conclu\w*|find|finds|found|"
    r"options?|mention\w*|tell|told|propos\w*)\b",
    re.I,
)
"""Asks what an item said, not whether it was on the agenda."""
_GENERIC = content_stems("committee sub-committee board panel forum cabinet council the of and")


def named_in(
    text: str, pairs: list[tuple[MeetingRecord, Statement]]
) -> list[tuple[MeetingRecord, Statement]]:
    """The attendance lines (present, apologies) that name a member the question names
    by surname; none when it names no one they list."""
    words = {w.lower() for w in re.findall(r"[\w'’-]+", text)}
    return [
        (m, s) for m, s in pairs if any(name.lower() in words for name in _TITLED.findall(s.text))
    ]


def _joined(text: str) -> str:
    """A hyphen without the space a line break leaves after it ("UK- France"); a dash
    between spaced words ("item 3 - minutes") stays."""
    return re.sub(r"(?<=[A-Za-z])-\s+(?=[A-Za-z])", "-", text)


def answers_asked(
    query: Query, answer: Answer, records: list[MeetingRecord], today: object
) -> Answer:
    """The answer, or a decline when it answers a different question than the one asked
    (see the module's rules)."""
    if not answer.answered or not answer.citations or not records:
        return answer
    text = query.text
    quotes = [c.quote or "" for c in answer.citations]
    cues = cue.read_cues(text, committees(records), today)  # type: ignore[arg-type]
    if cues.other_bodies and not cues.committees:
        names = [content_stems(_joined(b)) - _GENERIC for b in cues.other_bodies]
        said = [content_stems(_joined(q)) for q in quotes]
        if all(n and not any(n <= s for s in said) for n in names):
            return no_body(query, cues.other_bodies[0], records)
    by_record = {m.document.id: m for m in records}
    cited = [by_record[c.document_id] for c in answer.citations if c.document_id in by_record]
    if (
        cited
        and (period := _PERIOD.search(text))
        and (cue.WHEN.search(text) or cue.MEET.search(text))
    ):
        year = f"{period.group(1)}-{period.group(2)}"
        if not any(year in _years(t) for m in cited for t in _about(m)):
            return declined(
                query,
                f"The records hold no meeting about {year}; the meetings they hold are cited.",
                cited,
                reason="period",
            )
    statements = {s.text: s for m in records for s in m.statements}
    if (
        _SAYS.search(text)
        and not cue.AGENDA.search(text.replace("item", ""))
        and all(statements.get(q) is not None and statements[q].kind == "item" for q in quotes)
    ):
        return declined(
            query,
            "The record lists the item on the agenda, but holds no paper, minutes or "
            "decision of it, so it does not say what the item said.",
            cited,
            reason="item without content",
        )
    if ASKS_VOTE.search(text) and not any(VOTE_OUTCOME.search(q) for q in quotes):
        return declined(
            query,
            "The records and papers I have do not say how that vote went.",
            cited,
            reason="no vote stated",
        )
    if (
        answer.metadata.get("route") == "meetings"
        and _WHO.search(text)
        and not any(names_person(q) for q in quotes)
    ):
        return declined(
            query,
            "The papers I can see do not name who that is.",
            cited,
            reason="no person named",
        )
    return answer


def names_person(quote: str) -> bool:
    """Does the quote name a person (a title, a post, "<Name>, who …") or a body that
    acted ("by the Cabinet")?"""
    return bool(_PERSON.search(quote) or _NAME_WHO.search(quote) or BY_BODY.search(quote))


def asks_person(text: str) -> bool:
    """Does the question ask who ("who …", "which cabinet member …")?"""
    return bool(_WHO.search(text))


def _about(meeting: MeetingRecord) -> list[str]:
    """What a meeting is about: its record's statements, and its papers' titles and
    periods (a budget paper "for 2025-26" makes its meeting one about 2025-26)."""
    papers = [f"{p.meta.title} {p.meta.period or ''}" for p in meeting.papers]
    return [s.text for s in meeting.statements] + papers


def _years(text: str) -> set[str]:
    """The financial years a text names, written "2025-26" ("25-26" too)."""
    years = {f"{a}-{b}" for a, b in _PERIOD.findall(text)}
    for a, b in _SHORT_PERIOD.findall(text):
        if consecutive(a, b):  # "25-26", never the ages "18-25"
            years.add(f"20{a}-{b}")
    return years


_SHORT_PERIOD = re.compile(r"(?<![\d/-])(\d\d)\s*[-/–]\s*(\d\d)(?![\d/-])")
