"""What a question asks for: a question naming an average asks for a figure, answered by
the sentence that gives one, not by a chart's title that only names the measure
(hand-built report); "completed in timescale" names a measure, not a date asked for."""

from __future__ import annotations

from assistant.answering.facts import fact_answer
from assistant.answering.understand import Intent, understand
from indexing.model import DocumentKind, DocumentMeta, Location, Passage, PlanDocument

from .plans import MemoryScope, candidate, passage_node


def test_an_average_is_a_figure_read_from_the_sentence_that_gives_it() -> None:
    texts = [
        "Average contact centre call handling time in seconds – Quarterly",
        "Average call handling time at 6 minutes 26 seconds remained above the aim.",
    ]
    doc = PlanDocument(
        id="report",
        meta=DocumentMeta(file="report.pdf", title="Performance report", kind=DocumentKind.report),
        sha256="report",
        passages=[
            Passage(
                id=f"report:p{n}",
                document_id="report",
                section="Contact centre",
                text=text,
                location=Location(path="report.pdf", page=n + 1),
            )
            for n, text in enumerate(texts)
        ],
    )
    query = understand("average call handling time at the contact centre?", [doc])
    assert query.intent is Intent.figure
    found = [candidate(passage_node(p, doc), 0.6) for p in doc.passages]
    answer = fact_answer(0.2, MemoryScope([doc]), query, found)
    assert answer.answered and "6 minutes 26 seconds" in answer.answer


def test_in_timescale_names_a_measure_not_a_date_asked_for() -> None:
    assert understand("service reviews completed in timescale?", []).intent is not Intent.when
    assert understand("requests answered within timescales", []).intent is not Intent.when
    assert understand("what is the timescale for the new library", []).intent is Intent.when


def test_when_opening_a_clause_of_another_question_asks_no_date() -> None:
    asked = "reserves policy - what happens to the balance when its protocol reaches its end date?"
    assert understand(asked, []).intent is not Intent.when
    assert understand("who was leader when the plan was adopted?", []).intent is not Intent.when
    assert understand("what was agreed and when was it agreed?", []).intent is Intent.when
    assert understand("when did cabinet adopt the plan?", []).intent is Intent.when


def test_a_unit_of_time_ending_the_question_asks_a_figure() -> None:
    asked = "what is the healthy life expectancy at birth in years?"
    assert understand(asked, []).intent is Intent.figure
    assert understand("what happened in years gone by?", []).intent is not Intent.figure
