"""Officers at a meeting: who was in attendance, read from the meeting's printed minutes.

A meeting record synced from the committee system lists the members present and the
apologies. The officers who attended are named only in the printed minutes: under a
heading at the top ("IN ATTENDANCE:", "IN ATTENDANCE VIRTUALLY:", "ALSO PRESENT:") and
against an agenda item ("(Item 9) … and … were in attendance for this item"). The minutes
of a meeting are a paper of a later meeting (its item "Minutes of the Meeting held on
<day>"). Asked which officers attended a named meeting, or one of its items, those lines
are quoted and cited where they are printed; when the printed minutes are not among the
papers, the question is declined rather than answered with the members present.
"""

from __future__ import annotations

import re

from assistant.answering.citations import passage_citation
from assistant.answering.meetings_authors import ASKS_AUTHOR
from assistant.answering.meetings_choose import papers_on
from assistant.answering.meetings_record import MeetingRecord, long_date
from assistant.answering.meetings_subject import title_days
from assistant.answering.meetings_wording import declined
from assistant.answering.scope import Scope
from assistant.answering.understand import Query
from assistant.models import Answer, Citation, Passage, PlanDocument
from indexing.terms import content_stems

ASKS_OFFICERS = re.compile(
    r"\bin\s+attendance\b"
    r"|\bofficers?\b.*\b(?:attend\w*|present|there|joined|at)\b"
    r"|\b(?:attend\w*|joined|there|present)\b.*\b(?:virtual(?:ly)?|remote(?:ly)?|online)\b",
    re.I,
)
"""Which officers attended, who was in attendance, who joined virtually."""
AS_POST = re.compile(
    r"\b(?:attend\w*|present|there|joined)\b.*?\bas\s+(?:the\s+|an?\s+|its\s+|their\s+)?"
    r"(?P<post>[a-z][\w\s,&'’-]*?)(?:\s+(?:at|on|in|during|for|to)\b[^?]*)?\s*\??\s*$",
    re.I,
)
"""Who attended in a post ("who attended … as general counsel?"): officers are named in
the printed minutes with their posts, "Mr B Watts (General Counsel)"."""
_ENTRY = re.compile(r"[^,:()]+\([^()]*\)")
"""One person of an attendance line with their post in brackets."""
REMOTE = re.compile(r"\b(?:virtual(?:ly)?|remote(?:ly)?|online|by video)\b", re.I)
_HEADING = re.compile(
    r"^\s*(?:IN ATTENDANCE|ALSO PRESENT|OFFICERS(?: PRESENT| IN ATTENDANCE)?)\b[^:\n]*:\s*\S",
    re.M,
)
"""The printed minutes' heading of the officers present (set in capitals)."""
_ITEM = re.compile(r"^\s*\(?Item\s+(\d+[a-z]?)\)?\s*$", re.I | re.M)
_FOR_ITEM = re.compile(
    r"[^\n.]*\b(?:were|was)\s+in\s+attendance\s+for\s+this\s+item\b[^\n.]*", re.I
)
_OFFICER_WORDS = content_stems("officer officers attendance attended attend joined virtually item")


def printed_minutes(records: list[MeetingRecord], meeting: MeetingRecord) -> list[str]:
    """The ids of the papers holding the minutes of ``meeting``: the papers of a later
    meeting's item of the same committee whose title names the meeting's day."""
    found = [
        paper
        for m in records
        if m.committee == meeting.committee and m.day > meeting.day
        for s in m.statements
        if (s.item_title or "").lower().startswith("minutes")
        and meeting.day in title_days(s.item_title)
        for paper in papers_on([m], content_stems(s.item_title or ""))
    ]
    return list(dict.fromkeys(found))


def officers_answer(
    scope: Scope,
    query: Query,
    meeting: MeetingRecord,
    records: list[MeetingRecord],
    topic: set[str],
) -> Answer | None:
    """The officers in attendance at ``meeting`` (or at the agenda item ``topic`` names)
    as its printed minutes list them; a decline when those minutes are not held; ``None``
    when the question does not ask which officers attended."""
    post = AS_POST.search(query.text)
    if not (ASKS_OFFICERS.search(query.text) or post) or ASKS_AUTHOR.search(query.text):
        return None
    ids = printed_minutes(records, meeting)
    papers = [d for d in scope.documents if d.id in ids]
    if not papers:
        text = (
            f"The record of the {meeting.committee} meeting of {long_date(meeting.day)} lists "
            "the members present, not the officers in attendance; those are in its printed "
            "minutes, which the papers I have do not hold."
        )
        return declined(query, text, [meeting], reason="no printed minutes")
    item = _item_asked(meeting, topic - _OFFICER_WORDS)
    remote = bool(REMOTE.search(query.text))
    found: list[tuple[PlanDocument, Passage, str]] = []
    for paper in papers:
        found += _for_item(paper, item) if item else []
    if not found:
        for paper in papers:
            found += _headed(paper, remote)
    if post is not None:  # only those attending in the post asked about
        found = _in_post(found, post.group("post"))
        if not found:
            text = (
                f"The printed minutes of the {meeting.committee} meeting of "
                f"{long_date(meeting.day)} name no one attending as {post.group('post')}."
            )
            return declined(query, text, [meeting], reason="no one in that post")
    if not found:
        return None
    citations: list[Citation] = []
    lines: list[str] = []
    for paper, passage, quote in found:
        node = next(
            (n for n in scope.store.get(where={"plan_document": paper.id}) if n.id == passage.id),
            None,
        )
        if node is None:
            continue
        citations.append(passage_citation(node, passage, quote))
        lines.append(f"“{quote}” [{len(citations)}]")
    if not citations:
        return None
    where = f"The printed minutes of the {meeting.committee} meeting of {long_date(meeting.day)}"
    if (held := meeting.first("when")) is not None:  # the day named, cited from its record
        citations.append(meeting.citation(held))
        where += f" [{len(citations)}]"
    return Answer(
        question=query.text,
        answer="\n".join([f"{where} ({papers[0].meta.title}):", *lines]),
        answered=True,
        intent=query.intent.value,
        citations=citations,
        metadata={"route": "meetings", "paper": papers[0].id},
    )


def _item_asked(meeting: MeetingRecord, subject: set[str]) -> str | None:
    """The number of the meeting's agenda item whose title holds the subject's words
    (two or more, or all of a one-word subject), or ``None``."""
    if not subject:
        return None
    titles = {s.item_number: s.item_title for s in meeting.statements if s.item_number}
    scored = sorted(
        ((len(subject & content_stems(t or "")), n) for n, t in titles.items() if n),
        reverse=True,
    )
    if not scored:
        return None
    best, number = scored[0]
    enough = best >= 2 or (best == 1 and len(subject) == 1)
    unique = len(scored) == 1 or scored[1][0] < best
    return number if enough and unique else None


def _for_item(paper: PlanDocument, item: str) -> list[tuple[PlanDocument, Passage, str]]:
    """The "… were in attendance for this item" sentence under "(Item N)"."""
    for passage in paper.passages:
        heading = _ITEM.search(passage.text)
        if heading is None or heading.group(1).lower() != item.lower():
            continue
        sentence = _FOR_ITEM.search(passage.text)
        if sentence:
            return [(paper, passage, sentence.group(0).strip())]
    return []


def _headed(paper: PlanDocument, remote: bool) -> list[tuple[PlanDocument, Passage, str]]:
    """The passages under the officers' headings; only those attending remotely when
    asked who joined virtually."""
    out = []
    for passage in paper.passages:
        heading = _HEADING.search(passage.text)
        if heading is None:
            continue
        block = passage.text[heading.start() :].strip()
        if remote and not REMOTE.search(block.split(":", 1)[0]):
            continue
        out.append((paper, passage, " ".join(block.split())))
    return out


def _in_post(
    found: list[tuple[PlanDocument, Passage, str]], post: str
) -> list[tuple[PlanDocument, Passage, str]]:
    """The entries of the attendance lines whose bracketed post holds every word of
    ``post`` ("Mr B Watts (General Counsel)" for "general counsel"); those holding it
    word for word when any does ("Director of Education", not "Corporate Director
    Children, Young People and Education")."""
    words = _words(post)
    if not words:
        return []
    phrase = " ".join(post.lower().split())
    held, exact = [], []
    for paper, passage, line in found:
        for entry in _ENTRY.findall(line.split(":", 1)[-1]):
            bracketed = " ".join(entry[entry.index("(") :].lower().split())
            if words <= _words(bracketed):
                held.append((paper, passage, " ".join(entry.split()).strip(" ,")))
                if phrase in bracketed:
                    exact.append(held[-1])
    return exact or held


def _words(text: str) -> set[str]:
    """The words of a post, lower-cased, without "of", "and", "the"."""
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in _JOINING}


_JOINING = {"of", "and", "the", "for", "a", "an", "to", "in"}
