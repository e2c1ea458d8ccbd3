"""A day the question names picks the minutes of that day's meeting, though another
meeting's minutes were published again in the same papers (hand-built minutes)."""

from __future__ import annotations

from assistant.answering.asked_day import asked_day, meeting_day, on_asked_day
from assistant.answering.understand import understand
from indexing.model import DocumentKind, DocumentMeta, Location, Passage, PlanDocument

from .plans import MemoryScope, candidate, passage_node


def minutes(doc: str, held: str, apologies: str) -> PlanDocument:
    def passage(n: int, text: str) -> Passage:
        return Passage(
            id=f"{doc}:p{n}",
            document_id=doc,
            section="Apologies and Substitutes",
            text=text,
            location=Location(path=f"{doc}.pdf", page=1),
        )

    return PlanDocument(
        id=doc,
        meta=DocumentMeta(
            file=f"{doc}.pdf",
            title="Minutes of a meeting of the Cabinet",
            kind=DocumentKind.minutes,
            date="2025-02-13",  # both published in the papers of 13 February
        ),
        sha256=doc,
        passages=[
            passage(1, f"MINUTES of a meeting of the Cabinet held at County Hall on {held}."),
            passage(2, apologies),
        ],
    )


def test_the_day_a_question_or_the_minutes_name() -> None:
    assert asked_day("who sent apologies to cabinet on 30 jan") == (30, 1)
    assert asked_day("the vote at county council on 13th February 2025") == (13, 2)
    assert asked_day("what did cabinet decide on March 4?") == (4, 3)
    assert asked_day("how many homes were built in 2024?") is None
    january = minutes("jan", "Thursday, 9 January 2025", "Apologies from Mr Wright.")
    assert meeting_day(january) == (9, 1)


def test_a_question_naming_a_day_is_answered_from_that_days_minutes() -> None:
    january = minutes("jan", "Thursday, 9 January 2025", "Apologies were received from Mr Wright.")
    later = minutes("later", "Thursday, 30 January 2025", "Apologies were received from Mrs Bell.")
    docs = [january, later]
    scope = MemoryScope(docs)
    query = understand("who sent apologies to cabinet on 30 jan", docs)
    found = [
        candidate(passage_node(january.passages[1], january), 0.7),
        candidate(passage_node(later.passages[1], later), 0.6),
    ]
    judged, kept = on_asked_day(scope, query, found)
    assert [c.node.id for c in kept] == ["later:p2"]
    assert judged.text == "who sent apologies to cabinet on"
    # A day no minutes record: the candidates are left as they are.
    other = understand("who sent apologies to cabinet on 2 june", docs)
    assert on_asked_day(scope, other, found) == (other, found)
