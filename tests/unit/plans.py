"""Small hand-built documents for the unit tests: two quarterly updates of an invented
council's delivery plan and a KPI report, with a key to initials, built in memory.

No file, no model, no Chroma: what the routing, relevance and wording code is given
here is what a reader would have given it, written out by hand so a test can say
exactly what it expects.
"""

from __future__ import annotations

from typing import Any

from llama_index.core.schema import TextNode

from assistant.answering.retrieve import Candidate
from assistant.answering.scope import Scope
from indexing import chunking
from indexing.model import (
    DocumentKind,
    DocumentMeta,
    ItemKind,
    Location,
    Passage,
    Person,
    PlanDocument,
    PlanItem,
)
from indexing.store import StoredNode
from indexing.terms import TermStats

PEOPLE = {
    "JR": Person(initials="JR", name="Jo Rowan", role="Director of Place"),
    "PK": Person(initials="PK", name="Cllr Priya Kaur", role="Cabinet member for Housing"),
    "TW": Person(initials="TW", name="Tom Wexley", role="Leader of the Council"),
}


def item(
    ref: str | None,
    commitment: str,
    *,
    doc: str = "update-q2",
    rating: str | None = None,
    update: str | None = None,
    owner: str | None = None,
    cabinet: str | None = None,
    section: str | None = "Homes for everyone",
    kind: ItemKind = ItemKind.commitment,
    line: int = 10,
    **extra: Any,
) -> PlanItem:
    """A plan item as the table reader gives it (people resolved through ``PEOPLE``)."""
    return PlanItem(
        id=f"{doc}:{ref or commitment[:10]}",
        document_id=doc,
        kind=kind,
        section=section,
        ref=ref,
        commitment=commitment,
        update=update,
        owner=[PEOPLE[owner]] if owner else [],
        cabinet_member=[PEOPLE[cabinet]] if cabinet else [],
        rating=rating,
        location=Location(path=f"{doc}.txt", line_start=line),
        **extra,
    )


def q2_update() -> PlanDocument:
    items = [
        item(
            "1.1",
            "Build 500 new affordable homes by March 2019",
            rating="G",
            update="212 homes completed so far; two sites on site.",
            owner="JR",
            cabinet="PK",
        ),
        item(
            "1.2",
            "Open a day centre for rough sleepers in the town centre",
            rating="A",
            update="Lease signed; fit-out delayed by asbestos survey.",
            owner="JR",
        ),
        item(
            "2.1",
            "Replace every street light with LED lanterns",
            rating="R",
            update="Contract re-tendered after the supplier withdrew.",
            section="Cleaner greener streets",
            cabinet="TW",
        ),
        item("2.2", "Plant 10,000 trees", section="Cleaner greener streets"),
    ]
    return PlanDocument(
        id="update-q2",
        meta=DocumentMeta(
            file="update-q2.txt",
            title="Delivery Plan Update Quarter 2 2017/18",
            kind=DocumentKind.update,
            period="Q2 2017/18",
            date="2017-11",
        ),
        sha256="q2",
        sections=["Homes for everyone", "Cleaner greener streets"],
        items=items,
        passages=[
            Passage(
                id="update-q2:p1",
                document_id="update-q2",
                section="Introduction",
                text="This update reports progress on the delivery plan at the end of September.",
                location=Location(path="update-q2.txt", line_start=3),
            )
        ],
        people_key=dict(PEOPLE),
    )


def kpi_report() -> PlanDocument:
    kpis = [
        item(
            None,
            "% of routine pothole repairs completed within 28 days",
            doc="kpi-q3",
            kind=ItemKind.kpi,
            rating="G",
            previous_rating="A",
            direction="↑",
            section="Transport",
            fields={"latest": "94%", "target": "90%", "previous": "97%"},
            period="Dec 24",
        ),
        item(
            None,
            "Number of households in temporary accommodation",
            doc="kpi-q3",
            kind=ItemKind.kpi,
            rating="R",
            previous_rating="G",
            direction="↓",
            section="Housing",
            fields={"latest": "412", "target": "350"},
        ),
    ]
    return PlanDocument(
        id="kpi-q3",
        meta=DocumentMeta(
            file="kpi-q3.pdf",
            title="Quarterly Performance Report Quarter 3 2024/25",
            kind=DocumentKind.performance,
            period="Q3 2024/25",
            date="2025-02",
        ),
        sha256="kpi",
        sections=["Transport", "Housing"],
        items=kpis,
    )


def documents() -> list[PlanDocument]:
    return [q2_update(), kpi_report()]


def stored(node: TextNode) -> StoredNode:
    """A node as the index gives it back: its text and metadata, as ingest wrote them."""
    return StoredNode(id=node.node_id, text=node.text, metadata=dict(node.metadata))


def item_node(plan_item: PlanItem, doc: PlanDocument) -> StoredNode:
    """The node the index stores for an item (``indexing.chunking``, no embedding)."""
    return stored(chunking.item_node(doc, plan_item))


def passage_node(passage: Passage, doc: PlanDocument) -> StoredNode:
    return stored(chunking.passage_node(doc, passage))


def all_nodes(docs: list[PlanDocument]) -> list[StoredNode]:
    return [stored(node) for doc in docs for node in chunking.document_nodes(doc)]


def candidate(node: StoredNode, cosine: float) -> Candidate:
    return Candidate(node=node, cosine=cosine)


class MemoryScope(Scope):
    """A ``Scope`` over in-memory documents: word statistics from their nodes' text,
    as ``indexing.terms.scoped_terms`` would give them, and no store behind it."""

    def __init__(self, docs: list[PlanDocument]) -> None:
        super().__init__(store=None, documents=docs)  # type: ignore[arg-type]  # no store: nothing here queries it
        self.nodes = all_nodes(docs)
        self.__dict__["terms"] = TermStats.build([n.text for n in self.nodes])
        self.__dict__["text"] = "\n".join(
            [d.meta.title for d in docs] + [n.text for n in self.nodes]
        )


def minutes_doc(doc_id: str, texts: list[tuple[str, str]], *, pdf: bool = True) -> PlanDocument:
    """Minutes as a reader gives them: one passage per (section, text), on pages 1, 2, …
    of a PDF, or as lines of a meeting record (``pdf=False``)."""
    suffix = "pdf" if pdf else "md"
    return PlanDocument(
        id=doc_id,
        sha256="0",
        meta=DocumentMeta(file=f"{doc_id}.{suffix}", title=doc_id, kind=DocumentKind.minutes),
        passages=[
            Passage(
                id=f"{doc_id}:p{n}",
                document_id=doc_id,
                section=section,
                text=text,
                location=Location(path=f"{doc_id}.{suffix}", page=n if pdf else None),
            )
            for n, (section, text) in enumerate(texts, start=1)
        ],
    )


def pdf_passages(
    doc_id: str, texts: list[tuple[str | None, str]], *, one_page: bool = False
) -> list[Passage]:
    """A PDF's passages, one per (section, text), on pages 1, 2, … (or all on page 1)."""
    return [
        Passage(
            id=f"{doc_id}:p{n}",
            document_id=doc_id,
            section=section,
            text=text,
            location=Location(path=f"{doc_id}.pdf", page=1 if one_page else n + 1),
        )
        for n, (section, text) in enumerate(texts)
    ]


def prose_paper(
    title: str,
    *texts: str,
    kind: DocumentKind = DocumentKind.report,
    section: str = "Report",
    doc_id: str = "paper",
) -> PlanDocument:
    """A paper of prose passages, one per text, on pages 1, 2, … of a PDF."""
    return PlanDocument(
        id=doc_id,
        meta=DocumentMeta(file=f"{doc_id}.pdf", title=title, kind=kind),
        sha256=doc_id,
        passages=pdf_passages(doc_id, [(section, t) for t in texts]),
    )


FACT_FLOOR = 0.2
"""The relevance floor the fact answers of these tests are judged at."""


def fact_answer_from(question: str, doc: PlanDocument):
    """The fact answer to ``question`` from every passage of ``doc``, each found alike."""
    from assistant.answering.facts import fact_answer
    from assistant.answering.understand import understand

    scope = MemoryScope([doc])
    query = understand(question, [doc])
    found = [candidate(passage_node(p, doc), 0.6) for p in doc.passages]
    return fact_answer(FACT_FLOOR, scope, query, found)
