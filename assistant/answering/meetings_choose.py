"""Choosing a meeting record's statements and papers for a question's topic.

A meeting question's topic (its words without the committee, the date and the meeting
words) is matched against the record's statements, an agenda item's title counting twice,
so "the budget monitoring item" finds that item's decision and its papers. A question
whose topic a paper's listing holds best of all the statements is about what that paper
says; it is searched among that item's papers.
"""

from __future__ import annotations

import re
from pathlib import Path

from assistant.answering.meetings_record import MeetingRecord, Statement
from indexing.terms import content_stems

DECISIONS = ("decision", "no_decision", "minutes")
"""The kinds of statement that record what a meeting decided on an item."""


def score(statement: Statement, topic: set[str]) -> int:
    """Topic words the statement holds, those of its item's title counted twice."""
    return len(topic & content_stems(statement.text)) + len(
        topic & content_stems(statement.item_title or "")
    )


def best_statements(
    pool: list[MeetingRecord], topic: set[str], kinds: tuple[str, ...] | list[str]
) -> list[tuple[MeetingRecord, Statement]]:
    """The statements of these kinds that hold most of the topic (decisions first)."""
    if not topic:
        return []
    scored = [
        (score(s, topic), -list(kinds).index(s.kind), m, s)
        for m in pool
        for s in m.statements
        if s.kind in kinds
    ]
    scored = [x for x in scored if x[0] > 0]
    if not scored:
        return []
    top = max(x[0] for x in scored)
    scored.sort(key=lambda x: (x[0], x[1]), reverse=True)
    return [(m, s) for score, _, m, s in scored if score == top]


def papers_on(pool: list[MeetingRecord], topic: set[str]) -> list[str]:
    """The papers of the item the topic names (its title or its papers' titles), or of
    every meeting in the pool when no item is named."""
    best = best_statements(pool, topic, ("paper", "papers", "item", *DECISIONS))
    if best:
        meeting, chosen = best[0]
        ids = _item_papers(meeting, chosen.item_number)
        if ids:
            return ids
    return [p.id for m in pool for p in m.papers]


def paper_subject(pool: list[MeetingRecord], topic: set[str]) -> list[str]:
    """The papers of the item when a paper's listing holds the topic best of all the
    record's statements (the question is about what that paper says), else none."""
    best = best_statements(pool, topic, ("paper", *DECISIONS, "item", "other"))
    if not best or best[0][1].kind != "paper" or score(best[0][1], topic) < 2:
        return []
    meeting, chosen = best[0]
    return _item_papers(meeting, chosen.item_number, chosen)


def papers_naming(pool: list[MeetingRecord], bodies: list[set[str]], topic: set[str]) -> list[str]:
    """The papers of the item whose paper's listing names one of ``bodies`` (each the
    stems of a body's name) and holds most of the topic: the report of another body
    ("the scrutiny committee's report to cabinet") that went to this committee."""
    listed = [
        (score(s, topic), m, s)
        for m in pool
        for s in m.of_kind("paper")
        if any(body and body <= content_stems(s.text) for body in bodies)
    ]
    if not listed:
        return []
    _, meeting, chosen = max(listed, key=lambda x: x[0])
    return _item_papers(meeting, chosen.item_number, chosen)


def paper_named(pool: list[MeetingRecord], topic: set[str]) -> list[str]:
    """The papers of the item when the question names one of its papers — two or more of
    the topic's words in the paper's title or its item's ("the reserves policy", "the
    november budget monitoring report") — else none."""
    named = [
        (len(topic & (content_stems(_listed_title(s)) | content_stems(s.item_title or ""))), m, s)
        for m in pool
        for s in m.of_kind("paper")
    ]
    named = [x for x in named if x[0] >= 2]
    if not named:
        return []
    _, meeting, chosen = max(named, key=lambda x: x[0])
    return _item_papers(meeting, chosen.item_number, chosen)


def _listed_title(statement: Statement) -> str:
    """A paper's title as its listing gives it, without its file name and address."""
    return re.sub(r"\s*\([^()]*\.\w{2,4}\)\s*—\s*\S+\s*$", "", statement.text)


def _item_papers(
    meeting: MeetingRecord, number: str | None, first: Statement | None = None
) -> list[str]:
    """The ids of the papers of an agenda item, the one ``first`` lists first."""
    lines = [s for s in meeting.of_kind("paper") if s.item_number == number]
    if first is not None:
        lines.sort(key=lambda s: s is not first)
    ids = [
        p.id for line in lines for p in meeting.papers if f"({Path(p.meta.file).name})" in line.text
    ]
    return list(dict.fromkeys(ids))
