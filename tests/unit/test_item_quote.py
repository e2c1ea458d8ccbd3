"""A register's row with no update of its own is quoted by its cells, its figures side by
side at the end as the register prints them ("4 20.0": likelihood, annual exposure)."""

from __future__ import annotations

from assistant.answering.citations import item_quote
from indexing.model import ItemKind

from .plans import item


def test_a_register_row_keeps_its_figures_together_after_its_words() -> None:
    risk = item(
        None,
        "Market Sustainability",
        kind=ItemKind.risk,
        fields={"directorate": "ASCH / CYPE", "cause": "Pressure on providers.", "likelihood": "4"},
        other_fields={
            "Risk Event": "Care staff pay rises.",
            "Estimated Annual Exposure £m": "20.0",
        },
    )
    lines = item_quote(risk).split("\n")
    assert lines[-2:] == ["4", "20.0"]
    assert lines[:2] == ["Market Sustainability", "ASCH / CYPE"]
    assert "Care staff pay rises." in lines


def test_a_row_with_an_update_is_quoted_by_it() -> None:
    kpi = item(None, "Pothole repairs", kind=ItemKind.kpi, update="94% in 28 days.")
    assert item_quote(kpi) == "Pothole repairs\n94% in 28 days."


def test_two_sentences_over_a_page_break_are_cited_each_on_its_page() -> None:
    from assistant.answering.evidence import Evidence
    from assistant.answering.facts import evidence_answer
    from assistant.answering.understand import understand
    from indexing.model import Location, Passage

    from .plans import candidate, minutes_doc, passage_node

    doc = minutes_doc("minutes", [("Updates", "x")])
    lead_text = "(c) New smoke-free spaces were due to launch across Kent."
    funded = "The project was funded by a £1.9 million grant."
    passage = Passage(
        id="minutes:p9",
        document_id="minutes",
        section="Updates",
        text=f"{lead_text} {funded}",
        location=Location(path="minutes.pdf", page=2, page_end=3),
    )
    lead = Evidence(
        candidate=candidate(passage_node(passage, doc), 0.5),
        sentence=lead_text,
        score=1.1,
        has_required=True,
    )
    extra = lead.model_copy(update={"sentence": funded})
    asked = understand("how was the smoke-free spaces project paid for?", [])
    answer = evidence_answer(asked, lead, [extra])
    # the PDF is not on disk here, so both sentences are cited on the passage's first page
    assert len(answer.citations) == 1 and funded in (answer.citations[0].quote or "")
