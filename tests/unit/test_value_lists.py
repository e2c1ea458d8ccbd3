"""Lists by value and rows named by label and column, on hand-built registers and tables:
"which risk has the highest score", "which risks have a likelihood of 1", "what is the
2025-26 net budget for Adults" — answered from every item's or row's own figures."""

from __future__ import annotations

from assistant.answering.row_lookup import named_rows
from assistant.answering.understand import understand
from assistant.answering.value_lists import ranked_answer
from indexing.model import (
    DocumentKind,
    DocumentMeta,
    ItemKind,
    Location,
    PlanDocument,
    TableRow,
)

from .plans import MemoryScope, documents, item, item_node

RISKS = [
    ("1.1", "Invoices paid late", {"likelihood": "2", "impact": "1", "score": "4"}),
    ("4.1", "Vital information lost", {"likelihood": "4", "impact": "2", "score": "8"}),
    ("5.2", "Highways unadopted land", {"likelihood": "1", "score": "3"}),
    ("5.3", "Backlog of maintenance", {"likelihood": "1", "score": "2"}),
]


def register(doc: str, title: str, date: str, risks=RISKS) -> PlanDocument:
    return PlanDocument(
        id=doc,
        meta=DocumentMeta(
            file=f"{doc}.csv", title=title, kind=DocumentKind.risk_register, date=date
        ),
        sha256=doc,
        items=[
            item(ref, name, doc=doc, kind=ItemKind.risk, section="Risks", fields=dict(fields))
            for ref, name, fields in risks
        ],
    )


def budget() -> PlanDocument:
    def row(n: int, label: str, total: str, adults: str, children: str) -> TableRow:
        return TableRow(
            id=f"budget:t{n}",
            document_id="budget",
            table="2025-26 Proposed Budget by Directorate",
            cells={
                "Category": label,
                "TOTAL £000s": total,
                "Adults £000s": adults,
                "Children £000s": children,
            },
            location=Location(path="budget.pdf", page=1),
        )

    return PlanDocument(
        id="budget",
        meta=DocumentMeta(
            file="budget.pdf",
            title="2025-26 Proposed Budget by Directorate",
            kind=DocumentKind.budget,
            date="2025-02",
        ),
        sha256="budget",
        tables=[
            row(1, "Original base budget", "1,429,506.8", "585,946.2", "429,966.5"),
            row(2, "Efficiency", "509.6", "3,304.9", "-1,891.5"),
            row(3, "NET BUDGET", "1,530,923.8", "643,221.6", "449,237.2"),
        ],
    )


def answer(question: str, docs: list[PlanDocument]):
    scope = MemoryScope(docs)
    found = [(item_node(i, d), i) for d in docs for i in d.items]
    return ranked_answer(scope, understand(question, docs), found)


def test_the_item_with_the_highest_score() -> None:
    found = answer("which risk has the highest score", [register("wye", "Risk assessment", "2024")])
    assert found is not None and found.metadata["count"] == 1
    assert "Vital information lost" in found.answer and "score 8" in found.answer
    assert [c.quote for c in found.citations] and found.items[0].ref == "4.1"


def test_the_items_with_a_given_likelihood_and_none_with_another() -> None:
    docs = [register("wye", "Risk assessment", "2024")]
    found = answer("which risks have a likelihood of 1?", docs)
    assert found is not None and found.metadata["count"] == 2
    assert "Highways unadopted land" in found.answer and "Backlog of maintenance" in found.answer
    none = answer("which risks have a likelihood of 5?", docs)
    assert none is not None and none.metadata["count"] == 0


def test_a_question_without_a_rank_or_a_value_is_not_a_value_list() -> None:
    docs = [register("wye", "Risk assessment", "2024")]
    assert answer("what is the score of the vital information risk?", docs) is None
    assert answer("which risks are red?", docs) is None
    assert answer("which risk has the highest score", documents()) is None  # no scores


def test_the_register_the_question_names_by_its_title() -> None:
    """ "budget risks" are the budget risk register's, not another council's register."""
    other = register("parish", "Financial risk assessment", "2024")
    budget_risks = register(
        "brr",
        "Budget Risks Register 2025-26",
        "2025-02",
        [RISKS[0], ("9.9", "Cyber attack", {"likelihood": "1"})],
    )
    found = answer("which budget risks have a likelihood of 1?", [other, budget_risks])
    assert found is not None and found.metadata["count"] == 1
    assert "Cyber attack" in found.answer


def test_an_item_in_two_editions_of_a_register_is_counted_once_from_the_newest() -> None:
    draft = register(
        "draft", "Budget Risks Register", "2025-01", [("9.9", "Cyber attack", {"likelihood": "2"})]
    )
    final = register(
        "final", "Budget Risks Register", "2025-02", [("9.9", "Cyber attack", {"likelihood": "1"})]
    )
    found = answer("which budget risks have a likelihood of 1?", [draft, final])
    assert found is not None and found.metadata["count"] == 1
    assert found.citations[0].document_id == "final"
    assert (
        answer("which budget risks have a likelihood of 2?", [draft, final]).metadata["count"] == 0
    )


def test_a_row_named_by_its_label_and_a_column() -> None:
    docs = [budget(), *documents()]
    scope = MemoryScope(docs)
    rows = named_rows(scope, understand("what is the 2025-26 net budget for adults?", docs))
    assert [r.id for r in rows] == ["budget:t3"]
    # The label alone names no column; a column alone names no row.
    assert named_rows(scope, understand("what is the net budget?", docs)) == []
    assert named_rows(scope, understand("what is the budget for adults?", docs)) == []


def form() -> PlanDocument:
    """A budget amendment form: each box a one-row table of its own."""

    def record(n: int, cells: dict[str, str]) -> TableRow:
        return TableRow(
            id=f"form:t{n}",
            document_id="form",
            table="",
            cells=cells,
            location=Location(path="form.pdf", page=1),
        )

    return PlanDocument(
        id="form",
        meta=DocumentMeta(
            file="form.pdf",
            title="Amendment: Expansion of Community Wardens",
            kind=DocumentKind.other,
            date="2025-02",
        ),
        sha256="form",
        tables=[
            record(
                1, {"Amendment Name": "Expansion of Community Wardens", "Amendment Number": "6"}
            ),
            record(2, {"Proposer": "Mike Baldock", "Seconder": "Mark Hood"}),
            record(3, {"Proposed Amount": "£550k", "Proposed Funding Source": "Prevention Grant"}),
        ],
    )


def test_a_forms_record_named_by_its_papers_title_and_fields() -> None:
    """ "the community wardens amendment's funding source and amount" are two fields of
    one record of that paper's form, found and ranked first as such."""
    from assistant.answering.evidence import best_evidence
    from assistant.answering.retrieve import Candidate

    from .plans import all_nodes

    docs = [form(), *documents()]
    scope = MemoryScope(docs)
    asked = understand("community wardens amendment - funding source and amount", docs)
    assert [r.id for r in named_rows(scope, asked)] == ["form:t3"]
    nodes = {n.id: n for n in all_nodes(docs)}
    candidates = [
        Candidate(node=nodes["form:t3"], cosine=0.4, named=True),
        Candidate(node=nodes["form:t1"], cosine=0.75),
    ]
    best = best_evidence(asked, candidates)[0]
    assert best.candidate.node.id == "form:t3" and "£550k" in best.sentence
    # A field of no record, or a paper the question does not name: no record.
    assert named_rows(scope, understand("community wardens amendment - start date", docs)) == []
    assert named_rows(scope, understand("funding source and amount of the plan", docs)) == []
