"""A list asked by directorate ("which directorate has the most red KPIs?") says how its
items fall across the report's services, most first; other lists say nothing of it.
Names are a quarterly performance report's red KPIs and their services."""

from __future__ import annotations

from assistant.answering.section_counts import asks_by_part, by_section_line
from indexing.model import Location, PlanItem

AT = Location(path="qpr.pdf")

RED = [
    ("Percentage of complaints responded to within timescale", "Customer Services"),
    ("FOI requests completed within 20 working days", "Governance, Law & Democracy"),
    (
        "Subject Access requests completed within statutory timescales",
        "Governance, Law & Democracy",
    ),
    ("Number of foster households", "Integrated Children’s Services"),
    (
        "Percentage of care leavers in education, employment or training",
        "Integrated Children’s Services",
    ),
    ("Percentage foster care placements which are in-house", "Integrated Children’s Services"),
]


def kpis() -> list[PlanItem]:
    return [
        PlanItem(
            id=f"qpr:{n}",
            document_id="qpr",
            commitment=name,
            section="Key Performance Indicators",
            fields={"service": service},
            location=AT,
        )
        for n, (name, service) in enumerate(RED)
    ]


def test_which_directorate_counts_the_items_by_service_most_first() -> None:
    line = by_section_line("which directorate has the most red kpis?", kpis())
    assert line == (
        "By service or section: Integrated Children’s Services 3; "
        "Governance, Law & Democracy 2; Customer Services 1."
    )
    assert by_section_line("which directorate's kpis are mostly red", kpis()) == line


def test_a_list_not_asked_by_part_is_not_counted_by_part() -> None:
    assert not asks_by_part("which kpis are red?")
    assert by_section_line("which kpis are red?", kpis()) is None
    # items of one part only say nothing more than the list
    one = [k for k in kpis() if k.fields["service"] == "Customer Services"]
    assert by_section_line("which service has red kpis", one) is None


def test_items_without_a_service_count_by_their_section() -> None:
    items = [
        PlanItem(id="a", document_id="d", commitment="x", section="Housing", location=AT),
        PlanItem(id="b", document_id="d", commitment="y", section="Housing", location=AT),
        PlanItem(id="c", document_id="d", commitment="z", section="Planning", location=AT),
    ]
    assert (
        by_section_line("red risks by service", items)
        == "By service or section: Housing 2; Planning 1."
    )
