"""A paper of an agenda item that is restricted: said to be so, never answered around.

The committee system lists an item's public papers and says how many restricted papers
it does not list ("1 restricted paper not listed here"). A question may name a paper of
the item that is not among the public ones ("the equality impact assessment for the
delivery plan item"): asked whether it can be seen, the answer is the record's listing,
which says the item has a restricted paper; asked what it says, a public paper of the
item answers only when its sentence holds what is asked ("did it find any negative
impact?": "… shows no negative impact"); otherwise the question is declined — a public
sentence that only mentions the paper ("an assessment has been completed") does not say
what the restricted paper holds ("which mitigating actions does it list?"). An item listed
with nothing of it published (a presentation) is declined the same way when asked what
it said.

A question names a paper when, besides the words of the item's title, it holds a word
that names a kind of document ("assessment", "appendix", "business case") that no public
paper of the item has in its title.
"""

from __future__ import annotations

import re

from assistant.answering.meetings_choose import best_statements, paper_named
from assistant.answering.meetings_papers import paper_answer
from assistant.answering.meetings_record import MeetingRecord, Statement, long_date
from assistant.answering.meetings_subject import ASKS_MEETING
from assistant.answering.meetings_wording import declined, quote
from assistant.answering.meetings_words import FRAMING, MEETING_WORDS
from assistant.answering.scope import Scope
from assistant.answering.understand import Query
from assistant.models import Answer, PlanDocument
from indexing.terms import content_stems

_RESTRICTED = re.compile(r"\b(\d+)\s+restricted\s+papers?\b", re.I)
"""The record's count of an item's papers it does not list."""
DOCUMENT_WORDS = content_stems(
    "assessment appendix annex presentation statement register policy case letter map"
    " schedule appraisal eqia dpia briefing"
)
"""Words that name a kind of document."""
_SEE = re.compile(
    r"\b(?:can|may|could)\s+(?:i|we|you|members?|the\s+public)\s+(?:see|read|view|get|access|have"
    r"|download|open)\b|\b(?:available|published|public|link|download)\b",
    re.I,
)
"""Asks whether the paper can be seen, not what it says."""
_STOP = {"the", "a", "an", "its", "their", "this", "that", "of", "for", "does", "did", "do", "is"}


def restricted_paper(
    scope: Scope, query: Query, pool: list[MeetingRecord], rest: str
) -> Answer | None:
    """The record's listing (asked whether it can be seen) or a decline (asked what it
    says) when the question names a paper of an item that has restricted papers and no
    public paper of that name; else ``None``."""
    topic = content_stems(rest) - MEETING_WORDS - FRAMING
    found = best_statements(pool, topic, ("papers", "paper", "decision", "item"))
    if not found:
        return None
    meeting, chosen = found[0]
    listing = [
        s
        for s in meeting.statements
        if s.item_number == chosen.item_number and s.kind in ("paper", "papers")
    ]
    restricted = next((r for s in listing if (r := _RESTRICTED.search(s.text))), None)
    if restricted is None:
        return None
    title = content_stems(chosen.item_title or "")
    named = (topic - title) & DOCUMENT_WORDS
    public = {w for s in listing if s.kind == "paper" for w in content_stems(_listed(s))}
    if not named or named & public or len(topic & title) < 2:
        return None
    if _SEE.search(query.text):
        return quote(query, [(meeting, s) for s in listing])
    public_papers = [p.id for p in meeting.papers if p.meta.agenda_item and _of_item(p, chosen)]
    said = paper_answer(scope, query, public_papers, rest, MEETING_WORDS) if public_papers else None
    asked = topic - title - _paper_name(query.text, named)
    if said is not None and asked:
        held = content_stems(" ".join(c.quote or "" for c in said.citations))
        if 2 * len(asked & held) >= len(asked):
            return said  # a public paper says what was asked of it ("no negative impact")
    text = (
        f"Item {chosen.item_number} of the {meeting.committee} meeting of "
        f"{long_date(meeting.day)} has {restricted.group(0)} not published, and none of its "
        "public papers is the one asked about, so what it says cannot be quoted."
    )
    return declined(query, text, [meeting], reason="restricted paper")


def _paper_name(text: str, named: set[str]) -> set[str]:
    """The stems of the words naming the paper: each document word with the words before
    it up to an article ("the equality impact assessment" → equality, impact, assessment)."""
    words = re.findall(r"[\w'’-]+", text.lower())
    out: set[str] = set()
    for n, word in enumerate(words):
        if not content_stems(word) & named:
            continue
        start = n
        while start > 0 and words[start - 1] not in _STOP and n - start < 3:
            start -= 1
        out |= content_stems(" ".join(words[start : n + 1]))
    return out


def _of_item(paper: PlanDocument, item: Statement) -> bool:
    """The paper is listed under the item ("8. 24/00115 - …" for item 8)."""
    number = (paper.meta.agenda_item or "").split(".", 1)[0].strip()
    return number == (item.item_number or "")


def _listed(statement: Statement) -> str:
    """A paper's title as its listing line gives it ("• 24-00115 - PROD (…pdf) — url")."""
    return statement.text.split("(", 1)[0]


def unpublished_item(query: Query, pool: list[MeetingRecord], rest: str) -> Answer | None:
    """A decline when the question asks what an agenda item said and the record lists
    the item with nothing of it published — no paper, decision or minutes ("what does
    the home to school transport presentation say about costs?"): another paper's
    sentence on the same subject would answer a different question. ``None`` when the
    question asks about the meeting itself or names no such item."""
    if any(p.search(query.text) for p in ASKS_MEETING):
        return None
    topic = content_stems(rest) - MEETING_WORDS - FRAMING
    found = best_statements(pool, topic, ("item", "paper", "papers", "decision", "minutes"))
    if not found or len(topic & content_stems(found[0][1].item_title or "")) < 2:
        return None
    if len({(m.day, s.item_number) for m, s in found}) != 1:
        return None
    if paper_named(pool, topic - content_stems(found[0][1].item_title or "")):
        return None  # "… in the budget risk register?": a paper named says it
    meeting, chosen = found[0]
    of_item = [s for s in meeting.statements if s.item_number == chosen.item_number]
    if any(s.kind != "item" for s in of_item) or any(_of_item(p, chosen) for p in meeting.papers):
        return None
    text = (
        f"Item {chosen.item_number} of the {meeting.committee} meeting of "
        f"{long_date(meeting.day)} ({chosen.item_title}) is on its agenda with no paper, "
        "decision or minutes published, so what it said is not in the papers I have."
    )
    return declined(query, text, [meeting], reason="item without papers")
