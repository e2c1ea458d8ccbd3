"""Answers about a meeting's agenda: its items, an item by number, place or subject, and
the papers listed for an item, quoted from the meeting record."""

from __future__ import annotations

import re

from assistant.answering import meetings_cues as cue
from assistant.answering.meetings_choose import DECISIONS, best_statements
from assistant.answering.meetings_record import MeetingRecord, long_date
from assistant.answering.meetings_wording import answer_of, quote
from assistant.answering.meetings_words import FRAMING, MEETING_WORDS
from assistant.answering.understand import Query
from assistant.models import Answer
from indexing.terms import content_stems

NEIGHBOUR = re.compile(
    r"\b(?:(?:straight|immediately|directly|right|just)\s+)?(after|following|follow(?:ed|s)?|before"
    r"|preced(?:ing|ed|es)|prior\s+to)\b",
    re.I,
)
"""A place in the agenda counted from another item ("straight after item 5", "the item
before the budget")."""
_TITLE_WORDS = content_stems("apologies apology minutes declarations interest announcements")
"""Meeting words that are also the titles of the standing items of an agenda."""


def agenda_answer(
    query: Query, text: str, pool: list[MeetingRecord], topic: set[str]
) -> Answer | None:
    """The agenda of the meeting, an item by its number or place ("item 4", "the first
    item") or by its subject, or the papers of an item."""
    if (near := NEIGHBOUR.search(text)) and (beside := _neighbour(query, text, near, pool)):
        return beside  # "what came straight after the late changes item?"
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


def _neighbour(
    query: Query, text: str, near: re.Match[str], pool: list[MeetingRecord]
) -> Answer | None:
    """The item next to the one named after ``near`` (by its number, or by the words
    of its title) in the agenda of the one meeting that has it; ``None`` when no single
    item of one meeting is named so."""
    named = cue.read_cues(text[near.end() :], [m.committee for m in pool]).rest
    number = cue.ITEM_NUMBER.search(named)
    # an item's title may be a meeting word itself ("Apologies", "Minutes of …")
    topic = content_stems(named) - (MEETING_WORDS - _TITLE_WORDS) - FRAMING
    found: list[tuple[MeetingRecord, int, list[tuple[str, str]]]] = []
    for meeting in pool:
        titles = {s.item_number: s.item_title for s in meeting.statements if s.item_title}
        items = [(n, t) for n, t in titles.items() if n and t]
        if number:
            places = [n for n, (i, _t) in enumerate(items) if i.lower() == number.group(1).lower()]
        else:
            held = [len(topic & content_stems(t)) for _i, t in items]
            top = max(held, default=0)
            enough = top >= 2 or (top == 1 and len(topic) == 1)
            places = [n for n, h in enumerate(held) if h == top] if enough else []
        if len(places) == 1:
            found.append((meeting, places[0], items))
    if len(found) != 1:
        return None
    meeting, at, items = found[0]
    backwards = near.group(1).lower().startswith(("before", "preced", "prior"))
    step = -1 if backwards else 1
    if (agenda := meeting.first("agenda")) is None:
        return None
    side = "after" if step == 1 else "before"
    ref_number, ref_title = items[at]
    if not 0 <= at + step < len(items):  # nothing after the last item (or before the first)
        place = "last" if step == 1 else "first"
        line = (
            f"Item {ref_number} ({ref_title}) is the {place} item on the agenda of the "
            f"{meeting.committee} meeting of {long_date(meeting.day)}: no item comes {side} it."
        )
        return answer_of(query, [line], [(meeting, agenda)], [])
    number_at, title_at = items[at + step]
    line = (
        f"Item {number_at} on the agenda of the {meeting.committee} meeting of "
        f"{long_date(meeting.day)}: {title_at} ({side} item {ref_number}, {ref_title})"
    )
    return answer_of(query, [line], [(meeting, agenda)], [])
