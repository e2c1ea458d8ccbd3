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


def test_a_form_row_whose_answer_is_prose_is_quoted_at_the_sentence_that_answers() -> None:
    from assistant.answering.evidence import Evidence
    from assistant.answering.facts import evidence_answer
    from assistant.answering.understand import understand
    from indexing import chunking
    from indexing.model import Location, TableRow

    from .plans import candidate, minutes_doc, stored

    doc = minutes_doc("dpia", [("Screening", "x")])
    answer_cell = (
        "To facilitate the changes, HR Oracle will need to be amended for staff and the "
        "service, which currently uses the systems LAS and Liberi, will have to transfer "
        "over to Mosaic. " + "The data will be used for case notes and care payments. " * 6
    )
    row = TableRow(
        id="dpia:r3",
        document_id="dpia",
        table="Screening",
        cells={"Question Number": "3", "Question": "Describe the data", "Answer": answer_cell},
        location=Location(path="dpia.pdf", page=3),
    )
    node = stored(chunking.row_node(doc, row))
    said = answer_cell.split(". ")[0] + "."
    found = Evidence(candidate=candidate(node, 0.5), sentence=said, score=1.0, has_required=True)
    answer = evidence_answer(understand("what systems does the service use now?", []), found, [])
    # the sentence chosen, not the row's first cells ("Question Number: 3; Question: …")
    assert answer.answer.startswith("“To facilitate the changes") and "Mosaic" in answer.answer
    assert "Question Number" not in answer.answer
