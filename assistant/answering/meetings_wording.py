"""The wording of meeting answers: each statement quoted from the record and cited.

A statement cites the meeting record (its title names the committee and the date) at
the meeting's public page; a paper of an agenda item is cited at the paper's own address.
A decision or agenda item cited is followed by the papers of that item, so the answer
links to them. Declines say what the corpus does have instead.
"""

from __future__ import annotations

import re
from pathlib import Path

from assistant.answering.meetings_cues import MeetingCues
from assistant.answering.meetings_record import MeetingRecord, Statement, committees
from assistant.answering.understand import Query
from assistant.models import Answer, Citation

_URL = re.compile(r"https?://\S+")
_WITH_PAPERS = ("decision", "no_decision", "minutes", "item", "decided")
PAPERS_SHOWN = 3
"""Papers listed under a cited decision or item, at most."""


def _papers_of(
    pairs: list[tuple[MeetingRecord, Statement]], already: list[Statement]
) -> list[tuple[MeetingRecord, Statement]]:
    """The papers of the agenda items the cited statements are about (or, for the list
    of items awaiting decisions, of those items), each once, at most ``PAPERS_SHOWN``."""
    out: list[tuple[MeetingRecord, Statement]] = []
    for meeting, statement in pairs:
        if statement.kind not in _WITH_PAPERS:
            continue
        numbers = (
            set(re.findall(r"\bitem (\S+) \(", statement.text))
            if statement.kind == "decided"
            else {statement.item_number}
        )
        for paper in meeting.of_kind("paper"):
            if paper.item_number in numbers and paper not in already and len(out) < PAPERS_SHOWN:
                if all(paper is not s for _, s in out):
                    out.append((meeting, paper))
    return out


def _paper_title(statement: Statement) -> str:
    """``Cabinet QPR Q3 Cover (item 6)``: the paper's title as the record lists it."""
    title = re.sub(r"^[•\-*]\s+", "", statement.text).split(" (")[0].split(" — ")[0]
    return f"{title} (item {statement.item_number})" if statement.item_number else title


def _citation(meeting: MeetingRecord, statement: Statement) -> Citation:
    """The record's statement; a paper's line is cited as that paper, at its address."""
    citation = meeting.citation(statement)
    link = _URL.search(statement.text) if statement.kind == "paper" else None
    if link:
        citation.url = link.group(0)
        paper = next(
            (p for p in meeting.papers if f"({Path(p.meta.file).name})" in statement.text), None
        )
        if paper is not None:
            citation.document, citation.document_id = paper.meta.title, paper.id
    return citation


def quote(query: Query, pairs: list[tuple[MeetingRecord, Statement]]) -> Answer | None:
    if not pairs:
        return None
    return answer_of(query, [s.text for _, s in pairs], pairs, [])


def answer_of(
    query: Query,
    lines: list[str],
    pairs: list[tuple[MeetingRecord, Statement]],
    also: list[tuple[MeetingRecord, Statement]],
) -> Answer:
    papers = _papers_of(pairs + also, already=[s for _, s in pairs + also])
    citations = [_citation(m, s) for m, s in pairs + also + papers]
    text = [f"{line} [{n}]" for n, line in enumerate(lines, start=1)]
    text += [f"On that: {s.text} [{n}]" for n, (_, s) in enumerate(also, start=len(lines) + 1)]
    first = len(lines) + len(also) + 1
    text += [f"Paper: {_paper_title(s)} [{n}]" for n, (_, s) in enumerate(papers, start=first)]
    return Answer(
        question=query.text,
        answer="\n".join(text),
        answered=True,
        intent=query.intent.value,
        citations=citations,
        metadata={"route": "meetings", "meetings": sorted({m.label for m, _ in pairs + also})},
    )


def no_meeting(
    query: Query, cues: MeetingCues, pool: list[MeetingRecord], when: str | None = None
) -> Answer:
    names = ", ".join(cues.committees)
    dates = " or ".join(d.label() for d in cues.meeting_dates)
    relative = any(d.span for d in cues.meeting_dates)  # "last Tuesday (25 November 2026)"
    asked = when or (dates if relative else f"on {dates}" if dates else "on that date")
    held = "; ".join(m.label for m in pool) or "none"
    text = (
        f"The papers I have hold no {names} meeting {asked}. "
        f"The {names} meetings they hold: {held}."
    )
    return declined(query, text, pool[-1:])


def no_body(query: Query, body: str, records: list[MeetingRecord]) -> Answer:
    text = (
        f"The papers I have hold no meetings of the {body}. "
        f"They hold meetings of: {', '.join(committees(records))}."
    )
    return declined(query, text, [])


def declined(
    query: Query, text: str, nearest: list[MeetingRecord], reason: str | None = None
) -> Answer:
    """A meeting question declined with ``text``, citing when each of the ``nearest``
    meetings was (what the records do hold); ``reason`` is kept in the metadata."""
    citations = [m.citation(s) for m in nearest if (s := m.first("when")) is not None]
    metadata: dict[str, object] = {"route": "meetings"}
    if reason:
        metadata["declined"] = reason
    return Answer(
        question=query.text,
        answer=text,
        answered=False,
        intent=query.intent.value,
        citations=citations,
        metadata=metadata,
    )


def not_recorded(query: Query, pool: list[MeetingRecord]) -> Answer:
    """A question about one named meeting whose record does not state what it asks
    (who chaired, who sent apologies): declined, naming the meeting read."""
    meeting = pool[-1]
    text = (
        f"The record of the {meeting.committee} meeting of {meeting.label.split(', ', 1)[-1]} "
        "that I have does not say that."
    )
    return declined(query, text, [meeting], reason="not in the meeting's record")
