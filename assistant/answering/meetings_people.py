"""People at one meeting that its record and printed minutes answer for, or decline.

Three rules read the meeting record (present, apologies) and its printed minutes:

* "how many members attended?" is answered with the count of the names the record's
  attendance line lists (a title's honours, ", OBE", are part of the name before them),
  quoted with the line;
* a question about what a member said or did at the meeting ("what update did Mrs Bell
  give?") when the record lists that member under apologies is declined, saying they sent
  apologies: their name in the apologies line is not an answer to what they said;
* a question about the votes cast ("what was the vote count?", "how many voted for?") or
  about who moved or seconded a motion, asked of a meeting whose printed minutes are held
  and print no count or mover, where neither the minutes nor the item's papers name a
  proposer or seconder, is declined: the record says what was resolved, not how it was
  voted or moved.
"""

from __future__ import annotations

import re

from assistant.answering.meetings_choose import papers_on
from assistant.answering.meetings_officers import printed_minutes
from assistant.answering.meetings_record import MeetingRecord, Statement, long_date
from assistant.answering.meetings_wording import answer_of, declined
from assistant.answering.meetings_words import SPEAKER
from assistant.answering.scope import Scope
from assistant.answering.understand import Query
from assistant.models import Answer

HOW_MANY = re.compile(r"\bhow\s+many\b|\bnumber\s+of\b", re.I)
_HONOUR = re.compile(r"^(?:[A-Z]{2,4}|QC|KC|JP)$")
"""A piece of a list that is an honour of the name before it ("Mr R C Love, OBE")."""

_SAID = re.compile(
    r"\b(?:say|said|says|update[ds]?|report(?:ed)?|introduc\w+|present(?:ed|s)\b|gave|give|"
    r"tell|told|speak|spoke|explain\w*|propos\w+|second\w*|mov(?:e|ed))\b",
    re.I,
)
"""What a member did at the meeting: spoke, gave an update, introduced, moved."""
_TITLED = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Cllr|Councillor)\.?\s+(?:[A-Z]\.?\s+)*([A-Z][\w'’-]+)"
)
_ASKS_COUNT = re.compile(
    r"\bvote\s+count|\bcount\s+of\s+(?:the\s+)?votes|\bhow\s+many\b.*\bvot(?:e|ed|es|ing)\b"
    r"|\bvot(?:e|es|ed|ing)\s+(?:for|against)\b|\babst(?:ain|ention)|\bby\s+how\s+many\b"
    r"|\b(?:result|tally)\s+of\s+the\s+vote\b",
    re.I,
)
"""Asks for the votes cast, which a record's "RESOLVED" does not give."""
_ASKS_MOVER = re.compile(r"\bwho\b.*\b(?:propos\w*|second\w*|mov(?:e|ed))\b", re.I)
_MOVED = re.compile(
    r"\bpropos(?:ed|er)\b.{0,80}\bsecond(?:ed|er)\b|\bsecond(?:ed|er)\b", re.I | re.S
)
_TALLY = re.compile(r"\b(?:For|Against|Abstain\w*)\s*[(:]\s*\d+", re.I)


def names_in(line: str) -> list[str]:
    """The people an attendance line lists ("Present at …: Mr A (Chairman), Mr B, OBE,
    Mr C"): comma-separated, an honour joined to the name before it, "and" between the
    last two split apart."""
    listed = line.split(":", 1)[-1].strip().rstrip(".")
    pieces = [p.strip() for p in re.split(r",|\band\b", listed) if p.strip()]
    names: list[str] = []
    for piece in pieces:
        if names and _HONOUR.match(piece):
            names[-1] += f", {piece}"
        else:
            names.append(piece)
    return names


def count_present(query: Query, meeting: MeetingRecord) -> Answer | None:
    """ "How many members attended?": the count of the names the record lists as present,
    with the line quoted; ``None`` when the question asks no count or the record lists
    no one."""
    if not HOW_MANY.search(query.text):
        return None
    lines = meeting.of_kind("present")
    if not lines:
        return None
    count = sum(len(names_in(s.text)) for s in lines)
    where = f"the {meeting.committee} meeting of {long_date(meeting.day)}"
    listed = lines[0].text.split(":", 1)[-1].strip()
    said = [f"{count} members were present at {where}: {listed}"]
    said += [s.text for s in lines[1:]]
    return answer_of(query, said, [(meeting, s) for s in lines], [])


_STOOD_IN = re.compile(
    r"\b(?:was(?:n['’]t| not) there|was(?:n['’]t| not) present|was absent|absence|absent|"
    r"instead of|in place of|stood in|standing in|stand in|on behalf of|deputi[sz]ed)\b",
    re.I,
)
"""The question itself says the member was away, and asks who stood in for them."""


def absent_speaker(query: Query, meeting: MeetingRecord) -> Answer | None:
    """A decline for a question about what a member said or did at the meeting when its
    record lists that member under apologies (and not as present); else ``None``."""
    if not _SAID.search(query.text) or _STOOD_IN.search(query.text):
        return None  # "who gave the update as Mrs Bell wasn't there?" asks who stood in
    asked = {m.group(1).lower() for m in SPEAKER.finditer(query.text)}  # "mrs bell" too
    if not asked:
        return None
    sent = _surnames(meeting.of_kind("apologies"))
    there = _surnames(meeting.of_kind("present", "chair"))
    absent = sorted((asked & sent) - there)
    if not absent:
        return None
    lines = [s for s in meeting.of_kind("apologies") if absent[0] in _surnames([s])]
    who = next(
        (n for n in names_in(lines[0].text) if absent[0] in n.lower().split()), absent[0].title()
    )
    text = (
        f"{who} sent apologies to the "
        f"{meeting.committee} meeting of {long_date(meeting.day)}, so its record and minutes "
        "hold nothing they said or did there."
    )
    answer = declined(query, text, [meeting], reason="sent apologies")
    answer.citations.append(meeting.citation(lines[0]))
    return answer


def unrecorded_vote(
    scope: Scope,
    query: Query,
    meeting: MeetingRecord,
    records: list[MeetingRecord],
    topic: set[str],
) -> Answer | None:
    """A decline for a question about the votes cast or who moved or seconded, when
    neither the meeting's record, its printed minutes (when held) nor the item's papers
    print a count of votes or a proposer and seconder; else ``None``. A meeting whose
    minutes are not held is declined only when asked for the votes cast: who moved a
    motion may be printed in a paper no record lists."""
    counts = bool(_ASKS_COUNT.search(query.text))
    mover = bool(_ASKS_MOVER.search(query.text))
    if not (counts or mover):
        return None
    minutes = printed_minutes(records, meeting)
    if not minutes and not counts:
        return None
    ids = set(minutes) | set(papers_on([meeting], topic)) | {meeting.document.id}
    texts = [p.text for d in scope.documents if d.id in ids for p in d.passages]
    wanted = _TALLY if counts else _MOVED
    if any(wanted.search(t) for t in texts):
        return None
    asked = "how the votes were cast" if counts else "who moved or seconded it"
    held = "record and printed minutes" if minutes else "record and papers"
    text = (
        f"The {held} of the {meeting.committee} meeting of {long_date(meeting.day)} say "
        f"what was resolved, not {asked}."
    )
    return declined(query, text, [meeting], reason="vote not recorded")


def member_typed(text: str, pool: list[MeetingRecord]) -> str:
    """The member present at a meeting of ``pool`` whom the question names by surname
    alone ("what did watkins say …"), as the record lists them ("Mr D Watkins"); ``""``
    when it names none that way (a surname after a title is ``SPEAKER``'s)."""
    typed = {w.lower() for w in re.findall(r"[A-Za-z'’-]{3,}", SPEAKER.sub(" ", text))}
    for meeting in pool:
        for line in meeting.of_kind("present"):
            for name in names_in(line.text):
                titled = _TITLED.search(name)
                if titled and titled.group(1).lower() in typed:
                    return titled.group(0)
    return ""


def _surnames(lines: list[Statement]) -> set[str]:
    return {m.group(1).lower() for s in lines for m in _TITLED.finditer(s.text)}


_ATTENDED = re.compile(r"\b(?:present|attend\w*|there)\b", re.I)
_VOTED = re.compile(r"\bvot(?:e|ed|es|ing)\b|\babst(?:ain|ention)", re.I)


def people_at(
    scope: Scope,
    query: Query,
    meeting: MeetingRecord,
    records: list[MeetingRecord],
    topic: set[str],
) -> Answer | None:
    """The answer or decline of the rules above for a question about one meeting, or
    ``None`` when none of them applies."""
    if absent := absent_speaker(query, meeting):
        return absent
    if unrecorded := unrecorded_vote(scope, query, meeting, records, topic):
        return unrecorded
    if _ATTENDED.search(query.text) and not _VOTED.search(query.text):
        return count_present(query, meeting)
    return None
