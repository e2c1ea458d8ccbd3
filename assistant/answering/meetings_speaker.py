"""Who gave the update a quoted point of the minutes belongs to.

Minutes print a member's update as a line naming them that introduces lettered points
("5. Mr R Thomas, Cabinet Member for Environment, provided an update on the following:",
then "(a) Due to changes in managing soft furnishings …", "(b) …"). Asked who updated the
meeting on something ("which cabinet member updated cabinet on the tips that can't take
soft furnishings?"), the point quoted names no one: the line introducing it does. That
line is found by reading back from the point, under the same heading, to the nearest line
that introduces an update, stopping at the item's previous numbered paragraph; it is
quoted before the point, cited where it is printed.
"""

from __future__ import annotations

from assistant.answering.citations import (
    QUOTE_HEAD,
    quoted_passage_at,
    quoted_passage_citation,
    source_place,
)
from assistant.answering.meetings_held import asks_person, names_person
from assistant.answering.meetings_updates import INTRODUCES, NUMBERED
from assistant.answering.scope import Scope
from assistant.answering.understand import Query
from assistant.markers import renumber
from assistant.models import Answer, Passage

MOST_PASSAGES_BACK = 12
"""How far back under one heading an update's points may run (a member's update rarely
has more lettered points than this)."""


def with_speaker(scope: Scope, query: Query, answer: Answer) -> Answer:
    """The answer with the line introducing the update its quote is a point of, when the
    question asks who and no quote names a person; else the answer as it was."""
    if not answer.answered or not asks_person(query.text):
        return answer
    if any(names_person(c.quote or "") for c in answer.citations):
        return answer
    for at, citation in enumerate(answer.citations):
        found = _introduction(scope, citation.document_id, citation.quote or "")
        if found is None:
            continue
        passage, line = found
        cited = quoted_passage_citation(scope.store, passage, line)
        if cited is None:
            continue
        # the introducing line takes the point's number; the point and those after move up
        number = at + 1
        moved = {n: n + 1 for n in range(number, len(answer.citations) + 1)}
        lines = renumber(answer.answer, moved).split("\n")
        point = next((n for n, x in enumerate(lines) if f"[{number + 1}]" in x), 0)
        lines.insert(point, f"“{line}” [{number}]")
        lines.append(f"Source: {source_place(cited)} [{number}]")
        citations = [*answer.citations[:at], cited, *answer.citations[at:]]
        return answer.model_copy(update={"answer": "\n".join(lines), "citations": citations})
    return answer


def _introduction(scope: Scope, document_id: str | None, quote: str) -> tuple[Passage, str] | None:
    document = scope.document(document_id) if document_id else None
    return introduction_of(document.passages, quote) if document is not None and quote else None


def introduction_of(passages: list[Passage], quote: str) -> tuple[Passage, str] | None:
    """The passage and line introducing the update that ``quote`` is a point of, when
    that line names a person; ``None`` when the quote is no update's point."""
    at = quoted_passage_at(passages, quote)
    if at is None:
        return None
    section = passages[at].section
    own = passages[at].text
    before = own[: own.index(quote[:QUOTE_HEAD])].splitlines()
    reading: list[tuple[Passage, list[str]]] = [(passages[at], before)]
    for passage in reversed(passages[max(0, at - MOST_PASSAGES_BACK) : at]):
        if passage.section != section:
            break
        reading.append((passage, passage.text.splitlines()))
    for passage, lines in reading:
        for line in reversed([x.strip() for x in lines if x.strip()]):
            if INTRODUCES.search(line):
                return (passage, line) if names_person(line) else None
            if NUMBERED.match(line):
                return None  # the item's previous paragraph: the point is not an update's
    return None
