"""A list of KPIs asked by service and rating ("adult social care kpis rated amber"):
which services a question names, and the documents and sections the list is read from."""

from __future__ import annotations

from assistant.answering.service_lists import named_services, service_scope
from assistant.answering.understand import understand
from indexing.model import DocumentKind, DocumentMeta, ItemKind, PlanDocument

from .plans import MemoryScope, item

ICS = "Children, Young People and Education (Integrated Children’s Services)"


def _report() -> PlanDocument:
    kpis = [
        item(
            None,
            title,
            doc="qpr",
            kind=ItemKind.kpi,
            rating=rating,
            section=section,
            fields={"service": service},
        )
        for title, rating, service, section in (
            (
                "Proportion of people receiving Direct Payments",
                "A",
                "Adult Social Care",
                "Key Performance Indicators",
            ),
            ("Number of foster households", "R", ICS, "Key Performance Indicators"),
            ("% uptime of key systems", "G", "IT Services", "Key Performance Indicators"),
            ("Number of NHS Health Checks", "G", "Public Health", "Performance Indicators"),
        )
    ]
    return PlanDocument(
        id="qpr",
        meta=DocumentMeta(
            file="qpr.pdf", title="Quarterly Performance Report", kind=DocumentKind.performance
        ),
        sha256="qpr",
        sections=["Key Performance Indicators", "Performance Indicators"],
        items=kpis,
    )


def _amendment() -> PlanDocument:
    """A paper whose title holds a service's words and no KPI."""
    return PlanDocument(
        id="amend",
        meta=DocumentMeta(file="amend.pdf", title="Amendment - Adult Social Care base budget"),
        sha256="amend",
    )


def _spreadsheet() -> PlanDocument:
    """KPIs under a section that names only indicators."""
    return PlanDocument(
        id="sheet",
        meta=DocumentMeta(file="sheet.csv", title="Corporate plan indicators"),
        sha256="sheet",
        sections=["Indicators"],
        items=[
            item(
                None,
                "Residents satisfied",
                doc="sheet",
                kind=ItemKind.kpi,
                rating="G",
                section="Indicators",
            )
        ],
    )


DOCS = [_amendment(), _report(), _spreadsheet()]


def _services(question: str) -> set[str]:
    return named_services(MemoryScope(DOCS), understand(question, DOCS))


def test_a_service_is_named_by_all_the_words_of_its_name_or_of_a_part() -> None:
    assert _services("list the adult social care kpis rated amber") == {"Adult Social Care"}
    assert _services("red kpis for integrated children's services") == {ICS}
    assert _services("which IT services kpis are green") == {"IT Services"}


def test_generic_or_partial_words_name_no_service() -> None:
    assert _services("which services kpis are green") == set()
    assert _services("which social care kpis are amber") == set()
    assert _services("which kpis are red") == set()


def test_a_named_service_reads_its_own_paper_not_one_whose_title_shares_its_words() -> None:
    scope = MemoryScope(DOCS)
    query = understand("list the adult social care kpis rated amber", DOCS)
    services, docs, _ = service_scope(scope, query, ["amend"], [])
    assert services == {"Adult Social Care"}
    assert docs == ["qpr"]


def test_a_heading_that_names_only_indicators_does_not_narrow_the_list() -> None:
    scope = MemoryScope(DOCS)
    query = understand("which public health indicators are green", DOCS)
    services, docs, sections = service_scope(scope, query, ["qpr", "sheet"], [])
    assert services == {"Public Health"}
    assert docs == ["qpr"]
    assert sections == []


def test_without_a_named_service_documents_and_sections_are_left_alone() -> None:
    scope = MemoryScope(DOCS)
    query = understand("which indicators are green", DOCS)
    assert service_scope(scope, query, ["sheet"], []) == (set(), ["sheet"], query.sections)
