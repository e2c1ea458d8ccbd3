"""People a section names for itself, given to the items of that section that lack them."""

from __future__ import annotations

from indexing.blocks import Block, BlockKind, Row, Span
from indexing.model import Location, Person, PlanItem
from indexing.readers.section_people import (
    assign_section_people,
    people_line,
    people_lines,
)


def heading(text: str, page: int, level: int) -> Block:
    return Block(kind=BlockKind.heading, text=text, level=level, at=Span(page=page))


def para(text: str, page: int) -> Block:
    return Block(kind=BlockKind.paragraph, text=text, at=Span(page=page))


def item(name: str, section: str, page: int, **people: list[Person]) -> PlanItem:
    return PlanItem(
        id=name,
        document_id="d",
        commitment=name,
        section=section,
        location=Location(path="d.pdf", page=page),
        **people,
    )


def test_role_lines_in_their_spellings() -> None:
    assert people_line("Cabinet Member(s): Dan Watkins, Sue Chandler") == (
        "cabinet_member",
        [
            Person(name="Dan Watkins", role="Cabinet Member"),
            Person(name="Sue Chandler", role="Cabinet Member"),
        ],
    )
    field, [who] = people_line("Portfolio Holder for Housing – Cllr Jane Smith")  # type: ignore[misc]
    assert field == "cabinet_member" and who == Person(
        name="Cllr Jane Smith", role="Portfolio Holder for Housing"
    )
    assert people_line("Lead officer: Bob Jones")[0] == "owner"  # type: ignore[index]
    assert people_line("Corporate Director Simon Jones")[0] == "director"  # type: ignore[index]
    assert [
        (f, [p.name for p in ps])
        for f, ps in people_lines("Cabinet Member: Dan Watkins / Corporate Director: Pat Green")
    ] == [("cabinet_member", ["Dan Watkins"]), ("director", ["Pat Green"])]
    assert people_lines("Cabinet Member: Dan Watkins / the rest of the sentence") == []
    # sentences that mention a role are not role lines
    assert (
        people_line(
            "Following a letter from Cabinet Member for Economic Development to the housing"
        )
        is None
    )
    assert people_line("Director of Public Health delivered a presentation") is None


def test_each_part_gives_its_own_people_to_its_items_and_subsections() -> None:
    blocks = [
        heading("Adult Care", 3, 1),
        para("Cabinet Member: Cllr Ann Other", 3),
        Block(
            kind=BlockKind.table,
            header=[["Corporate Director", "Pat Green"]],
            rows=[Row(cells=["Lead officer", "Sam Brown and Lee White"], at=Span(page=3))],
            at=Span(page=3),
        ),
        heading("Key Performance Indicators", 4, 2),
        heading("Children's Services", 6, 1),
        para("Cabinet Members: Cllr Tom Blue, Cllr Ray Red", 6),
        heading("Key Performance Indicators", 7, 2),
    ]
    adult = item("adult kpi", "Key Performance Indicators", 4)
    own_owner = item("adult action", "Adult Care", 3, owner=[Person(initials="JS")])
    children = item("children kpi", "Key Performance Indicators", 7)
    elsewhere = item("no section", None, 7)  # type: ignore[arg-type]
    assign_section_people(blocks, [adult, own_owner, children, elsewhere])
    assert [p.name for p in adult.cabinet_member] == ["Cllr Ann Other"]
    assert [p.name for p in adult.director] == ["Pat Green"]
    assert [p.name for p in adult.owner] == ["Sam Brown", "Lee White"]
    assert own_owner.owner == [Person(initials="JS")]  # an item's own person is kept
    assert [p.name for p in children.cabinet_member] == ["Cllr Tom Blue", "Cllr Ray Red"]
    assert children.director == [] and children.owner == []  # the next part names none
    assert elsewhere.people() == []


def test_people_lines_under_a_lost_heading_start_their_own_part() -> None:
    blocks = [
        heading("Adult Care", 3, 1),
        para("Corporate Director: Pat Green", 3),
        heading("Safeguarding", 5, 2),
        para("Director: Anjan Ghosh", 6),  # the next part's own heading was lost
        heading("Performance Indicators", 7, 2),
    ]
    kpi = item("health kpi", "Performance Indicators", 7)
    assign_section_people(blocks, [kpi])
    assert [p.name for p in kpi.director] == ["Anjan Ghosh"]
