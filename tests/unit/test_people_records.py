"""The record of people over a service that a "who" question names by the service's
heading or a part of it ("integrated children's services")."""

from __future__ import annotations

from assistant.answering.people_records import named_records
from assistant.answering.understand import understand
from indexing.model import DocumentKind, DocumentMeta, Location, PlanDocument, TableRow

from .plans import MemoryScope

ICS = "Children, Young People and Education (Integrated Children’s Services)"
SKILLS = "Children, Young People and Education (Education and Skills)"


def _record(n: int, heading: str, people: dict[str, str]) -> TableRow:
    return TableRow(
        id=f"qpr:t{n}",
        document_id="qpr",
        table=heading,
        cells=people,
        location=Location(path="qpr.pdf", page=n),
    )


REPORT = PlanDocument(
    id="qpr",
    meta=DocumentMeta(file="qpr.pdf", title="Performance Report", kind=DocumentKind.performance),
    sha256="qpr",
    tables=[
        _record(1, ICS, {"Cabinet Members": "Sue Chandler", "Corporate Director": "Sarah Hammond"}),
        _record(2, SKILLS, {"Cabinet Members": "Rory Love", "Corporate Director": "Sarah Hammond"}),
        _record(3, "Public Health", {"Cabinet Member": "Dan Watkins", "Director": "Anjan Ghosh"}),
    ],
)


def _ids(question: str) -> list[str]:
    docs = [REPORT]
    return [r.id for r in named_records(MemoryScope(docs), understand(question, docs))]


def test_the_heading_or_its_part_names_the_record() -> None:
    assert _ids("who's the corporate director over the integrated childrens services kpis") == [
        "qpr:t1"
    ]
    assert _ids("who is the cabinet member for public health") == ["qpr:t3"]


def test_a_heading_named_in_part_or_a_post_it_lacks_names_none() -> None:
    assert _ids("who's the corporate director over the childrens services kpis") == []
    assert _ids("who owns the public health kpis") == []
    assert _ids("how many public health kpis are green") == []
