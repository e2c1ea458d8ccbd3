"""The services a list question names ("adult social care kpis rated amber"), and the
documents and sections the list is then read from.

A performance report prints each service's KPI cards under a heading that names only
indicators ("Key Performance Indicators"); the reader keeps the service's own heading as
the item's ``service`` field (``indexing.readers.kpi_service``), and a district's KPI
spreadsheet has a service column. A question names a service by all the words of its name
or of one part of it: "integrated children's services" names "Children, Young People and
Education (Integrated Children's Services)", "IT" in capitals names "IT Services". A name
whose words are all generic ("services") names no service.

When the question names a service, its other words that happen to be a paper's title words
("the adult social care base budget" amendment holds no KPIs) or a heading that names only
indicators ("public health *indicators*" is not a spreadsheet's "Indicators" section)
do not narrow the list: the items of that service do.
"""

from __future__ import annotations

import re

from assistant.answering.scope import Scope
from assistant.answering.short_forms import capital_words
from assistant.answering.understand import Query
from indexing.model import PlanItem
from indexing.readers.kpi_service import generic_heading
from indexing.terms import content_stems

_GENERIC = frozenset(content_stems("services department directorate team unit division area"))
"""Words that say a name is a service without saying which one."""


def _parts(service: str) -> list[str]:
    """A service's name and the parts it prints in brackets or after a dash: "Children,
    Young People and Education (Integrated Children's Services)" is named by either."""
    inner = re.findall(r"\(([^()]+)\)", service)
    outer = re.sub(r"\([^()]*\)", " ", service)
    return [service, outer, *inner]


def _names(part: str, asked: set[str]) -> bool:
    stems = content_stems(part) | capital_words(part)
    return bool(stems - _GENERIC) and stems <= asked


def names_part(name: str, asked: set[str]) -> bool:
    """``asked`` (a question's stems) holds all the words of ``name`` or of one part."""
    return any(_names(part, asked) for part in _parts(name))


def named_services(scope: Scope, query: Query, docs: list[str] | None = None) -> set[str]:
    """The services of items of the kind asked (in ``docs``, else every document) that
    the question names by all the words of their name or of one of its parts."""
    asked = content_stems(query.text) | capital_words(query.text, asked=True)
    found: set[str] = set()
    for doc in scope.documents:
        if docs and doc.id not in docs:
            continue
        for item in doc.items:
            service = str(item.fields.get("service") or "")
            if not service or service in found or (query.kind and item.kind != query.kind):
                continue
            if names_part(service, asked):
                found.add(service)
    return found


def of_services(item: PlanItem, services: set[str]) -> bool:
    return str(item.fields.get("service") or "") in services


def service_scope(
    scope: Scope, query: Query, docs: list[str], explicit_docs: list[str]
) -> tuple[set[str], list[str], list[tuple[str, str]]]:
    """The services named, and the documents and sections to list from: the documents
    that hold items of those services (within ``explicit_docs`` when given), and only the
    question's sections that are of those documents and name more than indicators.
    With no service named, the documents and sections are left as they are."""
    services = named_services(scope, query, explicit_docs or None)
    if not services:
        return services, docs, query.sections
    holding = [
        doc.id
        for doc in scope.documents
        if (not explicit_docs or doc.id in explicit_docs)
        and any(of_services(item, services) for item in doc.items)
    ]
    narrowed = [d for d in docs if d in holding] or holding
    sections = [
        (doc_id, name)
        for doc_id, name in query.sections
        if doc_id in narrowed and not generic_heading(name)
    ]
    return services, narrowed, sections
