"""The statement of a meeting's record that answers a question about the meeting itself:
when and where it met, who chaired, sent apologies or attended, its agenda, and what it
decided — quoted from the record of the meetings the question names."""

from __future__ import annotations

import re

from assistant.answering import meetings_cues as cue
from assistant.answering.asked_terms import post_words
from assistant.answering.counted_numbers import HOW_MANY
from assistant.answering.meetings_agenda import agenda_answer
from assistant.answering.meetings_choose import DECISIONS, best_statements, score
from assistant.answering.meetings_held import named_in
from assistant.answering.meetings_record import MeetingRecord, Statement, long_date
from assistant.answering.meetings_wording import answer_of, declined, not_recorded, quote
from assistant.answering.meetings_words import SPEAKER, VOTE_OUTCOME
from assistant.answering.understand import Query
from assistant.models import Answer
from indexing.terms import content_stems

_ON_AGENDA = re.compile(r"\bagenda\b", re.I)
"""Asks about the agenda: its items' titles answer, though they hold a word of another
question ("Chairman's Announcements", "Apologies")."""


def record_answer(
    query: Query,
    text: str,
    pool: list[MeetingRecord],
    topic: set[str],
    named: bool = False,
    said: bool = False,
) -> Answer | None:
    """The record's statement that answers; with ``named`` (the question names the day
    of the one meeting in ``pool``), a decline when its record does not state who
    chaired or sent apologies, rather than a search that may quote another meeting.
    Asked what was ``said`` there, the record's decisions and items on the subject are no
    answer: what members said is in the minutes, or nowhere the record holds."""
    if cue.WHEN.search(text) or cue.WHERE.search(text) or (cue.NEXT.search(text) and pool):
        return when_met(query, pool, topic)
    latest = pool[-1:]
    unsaid = not_recorded(query, pool) if named else None
    if _ON_AGENDA.search(text) and (listed := agenda_answer(query, text, pool, topic)):
        return listed  # "were chairman's announcements on the agenda?": an item's title
    if cue.VICE.search(text):
        found = [(m, s) for m in latest for s in m.of_kind("role") if "Vice" in s.text]
        return quote(query, found) or unsaid
    if cue.CHAIR.search(text):
        return quote(query, [(m, s) for m in latest for s in m.of_kind("chair")]) or unsaid
    if cue.APOLOGIES.search(text):
        found = [(m, s) for m in latest for s in m.of_kind("apologies")]
        found += [
            (m, s)
            for m in latest
            for s in m.of_kind("minutes")
            if (s.item_title or "").lower().startswith("apolog")
        ]
        return quote(query, found) or unsaid
    number = cue.ITEM_NUMBER.search(text)
    if number and cue.DECIDE.search(text) and not cue.PAPERS.search(text):
        # "what did cabinet resolve on item 8?": that item's decision, not its title
        on_item = [
            (m, s)
            for m in pool[-1:]
            for s in m.of_kind(*DECISIONS)
            if (s.item_number or "").lower() == number.group(1).lower()
        ]
        if on_item:
            return quote(query, on_item)
    if number or cue.AGENDA.search(text) or cue.PAPERS.search(text):
        return agenda_answer(query, text, pool, topic)
    if cue.DECIDE.search(text):
        return _decisions(query, pool, topic)
    if cue.PRESENT.search(text) and not _officer_post(text):
        # "was Mrs Bell at cabinet?": the line naming her, though it is the apologies
        lines = [(m, s) for m in latest for s in m.of_kind("present", "apologies", "chair")]
        naming = named_in(text, lines)
        asked = SPEAKER.search(text)
        if lines and not naming and asked and not _listed(asked.group(1), lines):
            return _not_listed(query, asked.group(0), latest[0])  # "was cllr smith there?"
        return quote(query, naming or [(m, s) for m in latest for s in m.of_kind("present")])
    if said:
        return None
    best = best_statements(pool, topic, [k for k in DECISIONS] + ["item", "other"])
    return quote(query, best) if best and score(best[0][1], topic) >= 2 else None


_MEMBERS_POSTS = frozenset({"member", "members", "councillor", "councillors", "chairman", "chair"})


def _officer_post(text: str) -> bool:
    """ "who was the head of finance operations at the 30 jan cabinet": the holder of one
    post is asked, whom the minutes name beside it, not the record's list of members."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    return bool(post_words(text)) and not words & _MEMBERS_POSTS


def _listed(name: str, lines: list[tuple[MeetingRecord, Statement]]) -> bool:
    """Whether an attendance line names ``name`` (a surname or a first name) as a word."""
    word = re.compile(rf"\b{re.escape(name)}\b", re.I)
    return any(word.search(s.text) for _, s in lines)


def _not_listed(query: Query, who: str, meeting: MeetingRecord) -> Answer:
    """A member asked about whom neither the present nor the apologies list names."""
    text = (
        f"The record of the {meeting.committee} meeting of {long_date(meeting.day)} does not "
        f"list {who} among those present or those who sent apologies."
    )
    return declined(query, text, [meeting], reason="not listed")


def when_met(query: Query, pool: list[MeetingRecord], topic: set[str]) -> Answer | None:
    chosen = pool
    about: list[tuple[MeetingRecord, Statement]] = []
    if topic:
        about = best_statements(pool, topic, DECISIONS + ("item", "agenda"))
        if about:
            chosen = [about[0][0]]
            about = about[:1]
    pairs = [(m, s) for m in chosen if (s := m.first("when")) is not None]
    if not pairs:
        return None
    lines = [f"{m.committee} met on {long_date(m.day)}: {s.text}" for m, s in pairs]
    return answer_of(query, lines, pairs, about)


def _decisions(query: Query, pool: list[MeetingRecord], topic: set[str]) -> Answer | None:
    if topic:
        best = best_statements(pool, topic, DECISIONS)
        if best:
            return quote(query, best[:2])
    if HOW_MANY.search(query.text) and (counted := _decisions_counted(query, pool)):
        return counted  # "how many decisions came out of cabinet on 30/1/25?"
    found = [(m, s) for m in pool for s in m.of_kind("decision")]
    if not found:
        found = [(m, s) for m in pool for s in m.of_kind("decided")]
    return quote(query, found) if found else None


def _decisions_counted(query: Query, pool: list[MeetingRecord]) -> Answer | None:
    """How many items each meeting's record says decisions were published for, counted
    from its own line listing them ("Decisions were published for these items …")."""
    pairs = [(m, s) for m in pool for s in m.of_kind("decided")]
    counts = [len(cue.ITEM_NUMBER.findall(s.text)) for _, s in pairs]
    if not pairs or not all(counts):
        return None
    lines = [
        f"{n} decision{'s' if n != 1 else ''} for the {m.committee} meeting of "
        f"{long_date(m.day)}: {s.text}"
        for n, (m, s) in zip(counts, pairs, strict=True)
    ]
    return answer_of(query, lines, pairs, [])


def vote_answer(query: Query, pool: list[MeetingRecord], topic: set[str]) -> Answer | None:
    """The decision on the item the topic names that says how the vote went, quoted from
    the record; ``None`` when no such decision says it (the papers may)."""
    votes = {"vote", "votes", "voted", "voting"}
    subject = topic - {w for v in votes for w in content_stems(v)}
    found = [
        (m, s) for m, s in best_statements(pool, subject, DECISIONS) if VOTE_OUTCOME.search(s.text)
    ]
    return quote(query, found[:1]) if found else None


ASKS_NUMBER = re.compile(
    r"\bdecision\s+(?:no\b\.?|nos?\b|numbers?|ref(?:erence)?s?)\b"
    r"|\b(?:what|which)\s+(?:number|reference)\b[^?]*\bdecision\b",
    re.I,
)
"""Asks the number a decision was taken under ("what's the decision no. of …")."""
_DECISION_NUMBER = re.compile(r"\b\d{2,4}/\d{3,6}\b")
"""A decision's number as a committee system prints it in the item's title ("24/00096")."""


def decision_number_answer(
    query: Query, pool: list[MeetingRecord], topic: set[str]
) -> Answer | None:
    """The record's statement of the item the topic names whose title gives its decision
    number, asked what number a decision had; ``None`` when no such item holds the topic."""
    if not ASKS_NUMBER.search(query.text):
        return None
    subject = topic - content_stems("decision number reference")
    found = [
        (m, s)
        for m, s in best_statements(pool, subject, DECISIONS + ("item",))
        if _DECISION_NUMBER.search(s.item_title or "")
    ]
    return quote(query, found[:1]) if found and score(found[0][1], subject) >= 2 else None
