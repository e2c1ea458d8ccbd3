"""How a list's items fall across the sections of their paper, for "which directorate
has the most red KPIs?".

A performance report groups its indicators by service or directorate (each KPI's
``service`` field holds its service's heading, ``indexing.readers.kpi_service``; other
items count by their section). A question that asks which
directorate, service or department a listed kind of item is mostly in is answered by
counting the listed items per section, most first: the items themselves are still listed
and cited, and the count says which part holds most of them.
"""

from __future__ import annotations

import re
from collections import Counter

from assistant.models import PlanItem

_WHICH_PART = re.compile(
    r"\b(?:which|what|whose|what's|each|per|by)\s+(?:\w+\s+)?"
    r"(?:directorates?|departments?|services?|sections?|areas?|divisions?|portfolios?|teams?)\b"
    r"|\b(?:directorates?|departments?|services?)['’]s?\s+(?:\w+\s+)?(?:kpis?|indicators?|measures?|risks?)\b",
    re.I,
)
"""A question about the parts of the council: "which directorate…", "by service",
"which directorate's KPIs are mostly red"."""


def asks_by_part(question: str) -> bool:
    return bool(_WHICH_PART.search(question))


def by_section_line(question: str, items: list[PlanItem]) -> str | None:
    """ "By service or section: Integrated Children's Services 3; Governance, Law & Democracy 2; …"
    when the question asks which part holds the items and they fall in two or more."""
    if not asks_by_part(question):
        return None
    counts = Counter(part for i in items if (part := i.fields.get("service") or i.section))
    if len(counts) < 2:
        return None
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return "By service or section: " + "; ".join(f"{name} {n}" for name, n in ordered) + "."
