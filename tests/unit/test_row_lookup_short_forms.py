"""A column headed by a directorate's short form ("ASCH Core £000s") is named by a
question that spells the directorate out ("adult social care and health")."""

from __future__ import annotations

from assistant.answering.row_lookup import named_rows
from assistant.answering.understand import understand
from indexing.model import DocumentKind, DocumentMeta, Location, PlanDocument, TableRow

from .plans import MemoryScope, documents


def by_directorate() -> PlanDocument:
    """A budget by directorate whose columns are headed by short forms."""

    def row(n: int, label: str, adults: str, children: str) -> TableRow:
        return TableRow(
            id=f"dir:t{n}",
            document_id="dir",
            table="APPENDIX E - 2025-26 Proposed Budget by Directorate",
            cells={
                "MTFP Category": label,
                "ASCH Core £000s": adults,
                "CYPE Core £000s": children,
                "CYPE External £000s": "0.0",
            },
            location=Location(path="dir.pdf", page=1),
        )

    return PlanDocument(
        id="dir",
        meta=DocumentMeta(
            file="dir.pdf",
            title="2025-26 Proposed Budget by Directorate",
            kind=DocumentKind.budget,
            date="2025-02",
        ),
        sha256="dir",
        tables=[
            row(1, "Prices", "26,300.0", "9,148.5"),
            row(2, "NET BUDGET", "643,221.6", "449,237.2"),
        ],
    )


def test_a_directorate_spelt_out_names_its_short_form_column() -> None:
    docs = [by_directorate(), *documents()]
    scope = MemoryScope(docs)
    for question in (
        "what is the 2025-26 net budget for adult social care and health?",
        "net budget for children, young people and education in 2025/26",
        "what's the ASCH net budget",
    ):
        assert [r.id for r in named_rows(scope, understand(question, docs))] == ["dir:t2"]
    assert [
        r.id for r in named_rows(scope, understand("prices for adult social care and health", docs))
    ] == ["dir:t1"]


def test_words_that_spell_no_column_name_no_row() -> None:
    docs = [by_directorate(), *documents()]
    scope = MemoryScope(docs)
    assert named_rows(scope, understand("net budget for highways and transport", docs)) == []
    assert named_rows(scope, understand("net budget for adult services", docs)) == []


def test_the_answer_gives_the_spelt_out_directorate_s_column() -> None:
    from assistant.answering.compose import row_values

    net = by_directorate().tables[1]
    assert (
        row_values(net, "2025-26 net budget for adult social care and health")
        == "NET BUDGET — ASCH Core £000s: 643,221.6"
    )


def test_a_short_form_is_named_by_all_but_the_last_word_of_its_name() -> None:
    from assistant.answering.short_forms import spelt_out

    # "adult social care" for the "ASCH" column (Adult Social Care and Health)
    assert spelt_out("ASCH Core £000s", "growth with adult social care") == {
        "adult",
        "social",
        "care",
    }
    assert spelt_out("ASCH Core £000s", "growth with adult care") == set()  # two of four: no
