"""KPI cards joined with their summary rows: hand-made blocks of shapes no shipped file has."""

from __future__ import annotations

from indexing.blocks import Block, BlockKind, Row, Span
from indexing.model import ItemKind, Location, PlanItem
from indexing.readers.kpi import name_score, read_kpi_cards
from indexing.readers.kpi_cards import read_cards, units


def heading(text: str, page: int, level: int = 1) -> Block:
    return Block(kind=BlockKind.heading, text=text, level=level, at=Span(page=page))


def para(text: str, page: int) -> Block:
    return Block(kind=BlockKind.paragraph, text=text, at=Span(page=page))


def table(header: list[list[str]], rows: list[list[str]], page: int) -> Block:
    return Block(kind=BlockKind.table, header=header,
                 rows=[Row(cells=r, at=Span(page=page)) for r in rows], at=Span(page=page))


def summary(page: int = 2) -> Block:
    """A summary table with a two-row header: "Status" over "Now | Last time"."""
    return table(
        [["Waste KPIs", "Status", "", "Trend"], ["", "Now", "Last time", ""]],
        [
            ["Proportion of bins collected on the scheduled day", "Amber", "Green", ""],
            ["No. of fly-tipping reports cleared in 2 working days", "Red", "Red", ""],
            ["Tonnes of food waste composted", "Green", "Amber", ""],
        ],
        page,
    )


def card_pages() -> list[Block]:
    """Cards as paragraphs, in another order than the summary, labels spelt differently."""
    return [
        heading("Street Scene", 5),
        para("Executive Member: Cllr Ann Other", 5),
        para("Head of Service: nobody in particular", 5),
        heading("Indicators", 5, level=2),
        para("Tonnes of food waste composted (rolling year) GREEN", 5),
        para("Target: 1,200 Actual: 1,340 Floor standard: 1,000 Last quarter: 1,190 (Amber)", 5),
        para("RED", 6),
        para("Number of fly tipping reports cleared within two working days", 6),
        para("Current (Mar 25): 61% Previous: 64% (Red) Target: 90%; Floor: 75% DoT: worsening", 6),
        para("Percentage of bins collected on the scheduled day", 6),
        para("Latest: 97.1% Target: 98% Floor: 95% Previous: 98.4% (Green)", 6),
        para("Number of street lights repaired within 5 days AMBER", 7),
        para("Outturn: 412 Target: 450, Floor: 380", 7),
    ]


def test_cards_read_in_any_order_and_spelling() -> None:
    cards = read_cards(units(card_pages()))
    assert [c.values for c in cards] == [
        {"target": "1,200", "latest": "1,340", "floor": "1,000", "previous": "1,190"},
        {"latest": "61%", "previous": "64%", "target": "90%", "floor": "75%"},
        {"latest": "97.1%", "target": "98%", "floor": "95%", "previous": "98.4%"},
        {"latest": "412", "target": "450", "floor": "380"},
    ]
    assert [c.rating_label for c in cards] == ["GREEN", "RED", None, "AMBER"]
    assert [c.previous_label for c in cards] == ["Amber", "Red", "Green", None]
    assert cards[0].name == "Tonnes of food waste composted (rolling year)"
    assert cards[1].name == "Number of fly tipping reports cleared within two working days"
    assert cards[1].period == "Mar 25" and cards[1].direction == "↓"
    assert [c.page for c in cards] == [5, 6, 6, 7]


def test_cards_join_summary_rows_by_name_not_position() -> None:
    blocks = [heading("Summary", 2), summary(), *card_pages()]
    items = read_kpi_cards(blocks, [], doc_id="d", source="r.pdf", period="Q4 2024/25")
    by_name = {i.commitment: i for i in items}
    assert len(items) == 4 and all(i.kind is ItemKind.kpi for i in items)
    bins = by_name["Proportion of bins collected on the scheduled day"]
    assert (bins.rating, bins.rating_label, bins.previous_rating) == ("A", "Amber", "G")
    assert bins.fields["latest"] == "97.1%" and bins.fields["previous"] == "98.4%"
    assert bins.location.page == 6 and bins.fields["summary_page"] == "2"
    assert bins.direction == "↓" and bins.fields["direction_basis"] == "rating change"
    assert bins.period == "Q4 2024/25"
    fly = by_name["No. of fly-tipping reports cleared in 2 working days"]
    assert fly.rating == "R" and fly.fields["latest"] == "61%" and fly.fields["floor"] == "75%"
    assert fly.direction == "↓" and "direction_basis" not in fly.fields
    assert fly.period == "Mar 25"
    food = by_name["Tonnes of food waste composted"]
    assert (food.rating, food.previous_rating, food.fields["latest"]) == ("G", "A", "1,340")
    assert food.direction == "↑"
    # the summary row's rating is the one the report counts; the card's name is kept too
    assert food.fields["card_name"] == "Tonnes of food waste composted (rolling year)"
    lights = by_name["Number of street lights repaired within 5 days"]  # no summary row
    assert lights.rating == "A" and lights.fields["latest"] == "412" and lights.location.page == 7
    assert lights.previous_rating is None and lights.direction is None
    # people from the section's own lines; a line naming no person gives none
    assert [p.name for p in lights.cabinet_member] == ["Cllr Ann Other"]
    assert all(not i.director for i in items)


def test_items_of_the_table_reader_are_updated_in_place_and_card_rows_dropped() -> None:
    row_item = PlanItem(id="d:1", document_id="d", commitment="Tonnes of food waste composted",
                        rating="G", rating_label="Green", location=Location(path="r.pdf", page=2))
    card_item = PlanItem(id="d:2", document_id="d", section="Indicators",
                         commitment="Tonnes of food waste composted (rolling year)",
                         location=Location(path="r.pdf", page=5))
    other = PlanItem(id="d:3", document_id="d", commitment="Publish the waste strategy",
                     location=Location(path="r.pdf", page=1))
    blocks = [heading("Summary", 2), summary(), *card_pages()]
    items = read_kpi_cards(blocks, [other, row_item, card_item], doc_id="d", source="r.pdf", period=None)
    assert card_item not in items and other in items and other.kind is ItemKind.commitment
    assert row_item in items and row_item.kind is ItemKind.kpi and row_item.fields["target"] == "1,200"
    assert len([i for i in items if i.kind is ItemKind.kpi]) == 4


def test_a_rated_table_that_is_not_about_indicators_gives_no_kpis() -> None:
    actions = table([["Ref", "Action", "RAG", "Lead officer"]],
                    [["1", "Open the new depot", "Green", "Jane Smith"],
                     ["2", "Replace the fleet", "Amber", "Bob Jones"]], 3)
    assert read_kpi_cards([heading("Actions", 3), actions], [], doc_id="d", source="a.pdf",
                          period=None) == []


def test_a_card_shaped_as_a_table_with_its_rating_in_the_header() -> None:
    blocks = [
        heading("Key Performance Indicators", 9, level=2),
        table([["Percentage of phone calls which were answered", "", "", "GREEN"]],
              [["", "", "", ""], ["Latest: 94%", "Target: 90%, Floor: 85%", "Previous: 89% (Amber)", ""]], 9),
        para("Floor: 90%", 9),  # a chart's label, not a card
    ]
    [item] = read_kpi_cards(blocks, [], doc_id="d", source="q.pdf", period="Q3 2024/25")
    assert item.commitment == "Percentage of phone calls which were answered"
    assert (item.rating, item.previous_rating, item.direction) == ("G", "A", "↑")
    assert item.fields["target"] == "90%" and item.fields["floor"] == "85%"


def test_a_rating_stated_in_running_text_fills_a_kpi_that_has_no_card() -> None:
    blocks = [
        heading("Summary", 1),
        table([["Highways KPIs", "RAG"]], [["% of potholes repaired in 28 days", "Green"]], 1),
        heading("Pothole repairs", 4, level=2),
        para("The number of potholes repaired within 28 days was 3,058 out of 3,243 "
             "giving a Green RAG rating of 94%. The blitz is complete.", 4),
    ]
    [item] = read_kpi_cards(blocks, [], doc_id="d", source="q.pdf", period=None)
    assert item.fields["latest"] == "94%" and item.rating == "G"
    assert item.fields["statement"].startswith("The number of potholes repaired")


def test_name_score_tells_rewordings_from_different_indicators() -> None:
    assert name_score("% of FoI requests completed in 20 days",
                      "Percentage of FOI requests completed in 20 days") == 100
    assert name_score("Number of foster households",
                      "% of foster care placements which are in-house") < 70
