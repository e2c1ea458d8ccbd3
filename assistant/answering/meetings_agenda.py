"""Answers about a meeting's agenda: its items, an item by number, place or subject, and
the papers listed for an item, quoted from the meeting record."""

from __future__ import annotations

from assistant.answering import meetings_cues as cue
from assistant.answering.meetings_choose import DECISIONS, best_statements
from assistant.answering.meetings_record import MeetingRecord, long_date
from assistant.answering.meetings_wording import answer_of, quote
from assistant.answering.understand import Query
from assistant.models import Answer
from indexing.terms import content_stems


def agenda_answer(
    query: Query, text: str, pool: list[MeetingRecord], topic: set[str]
) -> Answer | None:
    """The agenda of the meeting, an item by its number or place ("item 4", "the first
    item") or by its subject, or the papers of an item."""
    number = cue.ITEM_NUMBER.search(text)
    ordinal = None if number else cue.ORDINAL.search(text)
    if ordinal:  # "the first item on the agenda": a place in the agenda, not a subject
        topic = topic - content_stems(ordinal.group(0))
    latest = pool[-1:] if len(pool) > 1 and not topic else pool
    if cue.PAPERS.search(text) and not number:
        best = (
            best_statements(pool, topic, ("papers", "paper", *DECISIONS, "item")) if topic else []
        )
        if best:
            meeting, chosen = best[0]
            found = [
                (meeting, s)
                for s in meeting.statements
                if s.item_number == chosen.item_number and s.kind in ("papers", "paper")
            ]
            if found:
                return quote(query, found)
    items: list[tuple[MeetingRecord, str, str]] = []
    for meeting in latest:
        titles = {
            s.item_number: s.item_title
            for s in meeting.statements
            if s.item_number and s.item_title
        }
        for item_number, title in titles.items():
            if number and item_number.lower() != number.group(1).lower():
                continue
            items.append((meeting, item_number, title))
    if ordinal and not topic:
        at = cue.ORDINALS[ordinal.group(1).lower()]
        items = [
            mine[at]
            for meeting in latest
            if len(mine := [i for i in items if i[0] is meeting]) > max(at, -at - 1)
        ]
        number = ordinal
    elif topic and not number:
        scored = [(len(topic & content_stems(t)), m, n, t) for m, n, t in items]
        top = max((s for s, *_ in scored), default=0)
        items = [(m, n, t) for s, m, n, t in scored if s == top and s > 0]
    if not (number or topic):
        return quote(query, [(m, s) for m in latest for s in m.of_kind("agenda")])
    if not items:
        return None
    lines, pairs = [], []
    for meeting, item_number, title in items[:3]:
        agenda = meeting.first("agenda")
        if agenda is None:
            continue
        lines.append(
            f"Item {item_number} on the agenda of the {meeting.committee} meeting of "
            f"{long_date(meeting.day)}: {title}"
        )
        pairs.append((meeting, agenda))
    return answer_of(query, lines, pairs, []) if pairs else None
