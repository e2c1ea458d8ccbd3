"""Who took a decision and how a committee voted on it, read from a report's sentence
(``decision_prose``), on the text of Kent County Council's report to Cabinet of 4 March
2025 on the call-in of decision 24/00093, beside a paper about another decision."""

from __future__ import annotations

from assistant.answering.decision_prose import decision_prose_answer
from assistant.answering.understand import understand
from assistant.models import Answer
from indexing.model import DocumentKind, DocumentMeta, Location, Passage, PlanDocument

from .plans import MemoryScope, candidate, passage_node


def _paper(doc_id: str, title: str, texts: list[str]) -> PlanDocument:
    return PlanDocument(
        id=doc_id,
        sha256=doc_id,
        meta=DocumentMeta(file=f"{doc_id}.pdf", title=title, kind=DocumentKind.report),
        passages=[
            Passage(
                id=f"{doc_id}:p{n}",
                document_id=doc_id,
                section="Background",
                text=text,
                location=Location(path=f"{doc_id}.pdf", page=1),
            )
            for n, text in enumerate(texts, start=1)
        ],
    )


CALL_IN = _paper(
    "callin",
    "Cabinet reconsideration of Decision 24/00093 - Future of Commissioned Services at "
    "Seashells and Millmead Family Hubs",
    [
        "Summary: Cabinet must reconsider the decision, taking account of comments expressed "
        "by the Scrutiny Committee on 29 January 2025.",
        "4. On 29 Jan 2025, the Scrutiny Committee considered a call-in made by Mrs Jackie "
        "Meade and Mr Barry Lewis of decision 24/00093 (Future of Commissioned Services at "
        "Seashells and Millmead Family Hubs). The decision maker was Mrs Chandler, Cabinet "
        "Member for Integrated Children’s Services.",
        "5. Members debated the usage figures of the Family Hubs.\n6. Following the debate, the Scrutiny Committee unanimously agreed "
        "the following motion: a. That implementation of Decision 24/00093 be postponed.\n8. "
        "After the debate, the Committee resolved, with a unanimous vote, to refer the matter "
        "to full Council for review.",
    ],
)
PLACES = _paper(
    "places",
    "Commissioning Plan for Education Provision in Kent 2025-29",
    [
        "The Children’s and Young People Cabinet Committee endorsed the Commissioning Plan for "
        "Education Provision on 21 November 2024. Cabinet agreed the plan in January."
    ],
)
SCOPE = MemoryScope([CALL_IN, PLACES])
RANKED = [  # the votes' passage first: the day of the meeting is printed above it
    candidate(passage_node(CALL_IN.passages[2], CALL_IN), 0.6),
    candidate(passage_node(CALL_IN.passages[1], CALL_IN), 0.6),
    candidate(passage_node(PLACES.passages[0], PLACES), 0.5),
]


def _ask(question: str) -> Answer | None:
    return decision_prose_answer(SCOPE, understand(question, SCOPE.documents), RANKED)


def test_who_took_a_decision_is_the_reports_decision_maker_sentence() -> None:
    answer = _ask("who actually took the original seashells / millmead family hubs decision")
    assert answer is not None and answer.answered
    assert answer.citations[0].quote.startswith("The decision maker was Mrs Chandler")


def test_a_vote_told_in_words_answers_how_the_committee_voted() -> None:
    answer = _ask("how did scrutiny committee vote on the family hubs call-in on 29 jan?")
    assert answer is not None
    assert "unanimously agreed the following motion" in answer.citations[0].quote
    for asked in (
        "was the scrutiny committee's decision on the family hubs call-in unanimous?",
        "what was the vote at scrutiny committee on the family hubs call-in",
    ):
        answer = _ask(asked)
        assert answer is not None and "unanimously" in answer.citations[0].quote


def test_a_vote_on_a_decision_the_papers_record_no_vote_on_is_left_alone() -> None:
    # the call-in report records a unanimous vote, but not on the commissioning plan
    assert _ask("how did the scrutiny committee vote on the education commissioning plan?") is None
    assert _ask("who took the decision on the education commissioning plan?") is None
    assert _ask("what did the scrutiny committee say about family hubs?") is None


def test_a_vote_of_another_body_or_another_day_is_not_the_one_asked() -> None:
    # the committee's vote to refer it to full Council is not full Council's vote on it
    assert _ask("how did full council vote on the family hubs call-in?") is None
    assert _ask("how did scrutiny committee vote on the family hubs call-in on 13 march?") is None
