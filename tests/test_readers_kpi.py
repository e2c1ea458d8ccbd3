"""KPI cards joined with their summary rows: hand-made blocks of shapes no shipped file has."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from indexing.blocks import Block, BlockKind, Row, Span
from indexing.loaders import load_file
from indexing.model import DocumentMeta, ItemKind, Location, PlanItem
from indexing.readers import read_document
from indexing.readers.kpi import name_score, read_kpi_cards
from indexing.readers.kpi_cards import read_cards, units


def heading(text: str, page: int, level: int = 1) -> Block:
    return Block(kind=BlockKind.heading, text=text, level=level, at=Span(page=page))


def para(text: str, page: int) -> Block:
    return Block(kind=BlockKind.paragraph, text=text, at=Span(page=page))


def table(header: list[list[str]], rows: list[list[str]], page: int) -> Block:
    return Block(
        kind=BlockKind.table,
        header=header,
        rows=[Row(cells=r, at=Span(page=page)) for r in rows],
        at=Span(page=page),
    )


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
    bins = by_name["Percentage of bins collected on the scheduled day"]
    assert (bins.rating, bins.rating_label, bins.previous_rating) == ("A", "Amber", "G")
    assert bins.fields["latest"] == "97.1%" and bins.fields["previous"] == "98.4%"
    assert bins.location.page == 6 and bins.fields["summary_page"] == "2"
    assert bins.direction == "↓" and bins.fields["direction_basis"] == "rating change"
    assert bins.period == "Q4 2024/25"
    fly = by_name["Number of fly tipping reports cleared within two working days"]
    assert fly.fields["summary_name"] == "No. of fly-tipping reports cleared in 2 working days"
    assert fly.rating == "R" and fly.fields["latest"] == "61%" and fly.fields["floor"] == "75%"
    assert fly.direction == "↓" and "direction_basis" not in fly.fields
    assert fly.period == "Mar 25"
    food = by_name["Tonnes of food waste composted (rolling year)"]
    assert (food.rating, food.previous_rating, food.fields["latest"]) == ("G", "A", "1,340")
    assert food.direction == "↑"
    # the summary row's rating is the one the report counts; its wording is kept too
    assert food.fields["summary_name"] == "Tonnes of food waste composted"
    lights = by_name["Number of street lights repaired within 5 days"]  # no summary row
    assert lights.rating == "A" and lights.fields["latest"] == "412" and lights.location.page == 7
    assert lights.previous_rating is None and lights.direction is None
    # people from the section's own lines; a line naming no person gives none
    assert [p.name for p in lights.cabinet_member] == ["Cllr Ann Other"]
    assert all(not i.director for i in items)


def test_items_of_the_table_reader_are_updated_in_place_and_card_rows_dropped() -> None:
    row_item = PlanItem(
        id="d:1",
        document_id="d",
        commitment="Tonnes of food waste composted",
        rating="G",
        rating_label="Green",
        location=Location(path="r.pdf", page=2),
    )
    card_item = PlanItem(
        id="d:2",
        document_id="d",
        section="Indicators",
        commitment="Tonnes of food waste composted (rolling year)",
        location=Location(path="r.pdf", page=5),
    )
    other = PlanItem(
        id="d:3",
        document_id="d",
        commitment="Publish the waste strategy",
        location=Location(path="r.pdf", page=1),
    )
    blocks = [heading("Summary", 2), summary(), *card_pages()]
    items = read_kpi_cards(
        blocks, [other, row_item, card_item], doc_id="d", source="r.pdf", period=None
    )
    assert card_item not in items and other in items and other.kind is ItemKind.commitment
    assert (
        row_item in items and row_item.kind is ItemKind.kpi and row_item.fields["target"] == "1,200"
    )
    assert len([i for i in items if i.kind is ItemKind.kpi]) == 4


def test_a_rated_table_that_is_not_about_indicators_gives_no_kpis() -> None:
    actions = table(
        [["Ref", "Action", "RAG", "Lead officer"]],
        [
            ["1", "Open the new depot", "Green", "Jane Smith"],
            ["2", "Replace the fleet", "Amber", "Bob Jones"],
        ],
        3,
    )
    assert (
        read_kpi_cards(
            [heading("Actions", 3), actions], [], doc_id="d", source="a.pdf", period=None
        )
        == []
    )


def test_a_risk_register_with_ratings_and_control_measures_gives_no_kpis() -> None:
    register = table(
        [["Risk", "Control measures", "RAG status"]],
        [
            ["Loss of a key supplier", "Second supplier on call-off", "Amber"],
            ["Cyber attack", "Backups tested monthly", "Red"],
        ],
        2,
    )
    risk = PlanItem(
        id="r:1",
        document_id="r",
        kind=ItemKind.risk,
        commitment="Cyber attack",
        rating="R",
        location=Location(path="r.pdf", page=2),
    )
    items = read_kpi_cards(
        [heading("Risks", 2), register], [risk], doc_id="r", source="r.pdf", period=None
    )
    assert items == [risk] and risk.kind is ItemKind.risk


def test_a_card_shaped_as_a_table_with_its_rating_in_the_header() -> None:
    blocks = [
        heading("Key Performance Indicators", 9, level=2),
        table(
            [["Percentage of phone calls which were answered", "", "", "GREEN"]],
            [
                ["", "", "", ""],
                ["Latest: 94%", "Target: 90%, Floor: 85%", "Previous: 89% (Amber)", ""],
            ],
            9,
        ),
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
        para(
            "The number of potholes repaired within 28 days was 3,058 out of 3,243 "
            "giving a Green RAG rating of 94%. The blitz is complete.",
            4,
        ),
    ]
    [item] = read_kpi_cards(blocks, [], doc_id="d", source="q.pdf", period=None)
    assert item.fields["latest"] == "94%" and item.rating == "G"
    assert item.fields["statement"].startswith("The number of potholes repaired")


def test_name_score_tells_rewordings_from_different_indicators() -> None:
    assert (
        name_score(
            "% of FoI requests completed in 20 days",
            "Percentage of FOI requests completed in 20 days",
        )
        == 100
    )
    assert (
        name_score("Number of foster households", "% of foster care placements which are in-house")
        < 70
    )


# --- the real Kent Quarterly Performance Report Q3 2024/25, read through the loaders ---

QPR = (
    Path(__file__).resolve().parent.parent
    / "evals/corpus-real/kent/cabinet_2025-03-04__QPR Q3 Cabinet appendix 1.pdf"
)

# Every KPI as the PDF prints it: its summary row (pp. 4–7: Latest / Previous RAG) and its
# card (latest, target, floor, previous), with the card's page.
QPR_KPIS = [
    ("% of callers to Contact Point who rated the advi", 9, "GG", "97%", "97%", "90%", "97%"),
    ("% of phone calls to Contact Point which were ans", 9, "GA", "94%", "90%", "85%", "89%"),
    ("% of complaints responded to within timescale", 9, "RR", "71%", "85%", "80%", "71%"),
    ("% of Freedom of Information Act (FoI) requests c", 15, "RR", "84%", "92%", "90%", "77%"),
    ("% of Data Protection Act (DPA) Subject Access re", 16, "RR", "60%", "90%", "85%", "52%"),
    ("Number of homes brought back to market through N", 21, "GG", "422", "400", "360", "493"),
    ("Section 106 developer contributions secured as a", 22, "RA", "80.9%", "98%", "85%", "93.2%"),
    ("% of routine pothole repairs completed within 28", 32, "GG", "94%", "90%", "80%", "97%"),
    ("% of routine highway repairs reported by residen", 33, "AG", "89%", "90%", "80%", "91%"),
    ("% of emergency highway incidents attended within", 33, "AA", "96%", "98%", "95%", "97%"),
    ("% of public enquiries for Highways maintenance r", 33, "GG", "64%", "60%", "55%", "64%"),
    ("% of municipal waste recycled or converted to en", 33, "GG", "99.2%", "99%", "95%", "99.2%"),
    (
        "Greenhouse Gas emissions from KCC estate (exclud",
        34,
        "GG",
        "10,323",
        "10,797",
        "11,877",
        "10,985",
    ),
    ("% of Education, Health Care Plans (EHCPs) issued", 39, "RR", "34%", "60%", "55%", "26%"),
    ("% of annual EHCP reviews waiting over 12 months", 39, "GG", "35%", "50%", "60%", "34%"),
    (
        "% of pupils (with EHCP’s) being placed in indepe",
        40,
        "AA",
        "10.5%",
        "9.0%",
        "10.5%",
        "10.3%",
    ),
    (
        "% of pupils permanently excluded from school – r",
        40,
        "AA",
        "0.04%",
        "0.02%",
        "0.04%",
        "0.04%",
    ),
    ("Rate of first-time entrants to youth justice sys", 40, "GA", "175", "180", "240", "190"),
    ("% of Early Help cases closed with outcomes achie", 47, "GA", "14.9%", "15%", "20%", "15.2%"),
    ("% of case holding posts filled by permanent qual", 47, "AR", "75.2%", "85%", "75%", "74.7%"),
    ("% of children social care referrals that were re", 47, "GG", "22.2%", "25%", "30%", "23.4%"),
    ("% of foster care placements which are in-house o", 47, "RR", "73.2%", "85%", "75%", "72.7%"),
    ("Number of foster households", 48, "RR", "613", "700", "650", "612"),
    ("% of care leavers in education, employment or tr", 48, "RR", "53.6%", "65%", "55%", "54.3%"),
    ("Percentage of reviews completed within timescale", 48, "AA", "59.1%", "65%", "55%", "59.6%"),
    ("Percentage of Learning Disability Young People i", 48, "GG", "98.6%", "95%", "90%", "98.1%"),
    ("% of people who have their contact resolved by A", 56, "GA", "4%", "5%", "9%", "6%"),
    ("Proportion of new Care Needs Assessments deliver", 56, "RA", "74%", "85%", "75%", "75%"),
    ("% of people receiving a long-term community serv", 57, "AA", "26%", "30%", "24%", "26%"),
    ("Proportion of older people (65+) who were still ", 57, "AA", "84%", "85%", "80%", "83%"),
    ("Long Term support needs of older people (65 and ", 57, "GG", "553", "588", "617", "562"),
    ("% of KCC supported people in residential or nurs", 58, "AA", "76%", "80%", "75%", "76%"),
    (
        "Number of eligible people receiving an NHS Healt",
        64,
        "GG",
        "33,550",
        "31,000",
        "24,800",
        "33,194",
    ),
    (
        "Number of mandated universal checks delivered by",
        64,
        "AA",
        "67,008",
        "68,000",
        "54,400",
        "66,746",
    ),
    ("% of all new first-time patients (at any clinic)", 64, "AA", "65%", "72%", "58%", "65%"),
    (
        "Number of Adults accessing structured substance ",
        65,
        "AA",
        "5,534",
        "5,998",
        "5,000",
        "5,473",
    ),
    ("Successful completion of drug and alcohol treatm", 65, "GG", "27.4%", "25%", "20%", "28.2%"),
    ("% of Live Well clients who would recommend the s", 65, "GG", "99.2%", "98%", "91%", "99.6%"),
]


@pytest.fixture(scope="module")
def qpr_blocks() -> list[Block]:
    return load_file(QPR).blocks


def test_real_qpr_every_kpi_with_its_values_ratings_and_page(qpr_blocks: list[Block]) -> None:
    items = read_kpi_cards(qpr_blocks, [], doc_id="qpr", source="qpr.pdf", period="Q3 2024/25")
    kpis = [i for i in items if i.kind is ItemKind.kpi]
    got = [
        (
            i.fields.get("summary_name", i.commitment)[:48],
            i.location.page,
            f"{i.rating}{i.previous_rating}",
            i.fields["latest"],
            i.fields["target"],
            i.fields["floor"],
            i.fields["previous"],
        )
        for i in kpis
    ]
    assert sorted(got) == sorted(QPR_KPIS)
    # the executive summary's count: 17 Green, 12 Amber, 9 Red
    assert Counter(i.rating for i in kpis) == {"G": 17, "A": 12, "R": 9}
    pothole = next(i for i in kpis if "pothole" in i.commitment)
    assert pothole.period == "Q3 2024/25" and pothole.rating_label == "GREEN"
    assert pothole.fields["card"] == "Latest: 94% Target: 90%, Floor: 80% Previous: 97% (Green)"
    assert [p.name for p in pothole.cabinet_member] == ["Neil Baker", "Rob Thomas"]
    assert [p.name for p in pothole.director] == ["Simon Jones"]
    public_health = next(i for i in kpis if "Live Well" in i.commitment)
    assert [p.name for p in public_health.director] == ["Anjan Ghosh"]
    # each card sits under "Key Performance Indicators" within its service's part
    assert Counter(i.fields.get("service") for i in kpis) == {
        "Customer Services": 3,
        "Governance, Law & Democracy": 2,
        "Growth, Economic Development & Communities": 2,
        "Environment and Transport": 6,
        "Children, Young People and Education (Education and Skills)": 5,
        "Children, Young People and Education (Integrated Children’s Services)": 8,
        "Adult Social Care": 6,
        "Public Health": 6,
    }
    got_worse = {i.commitment for i in kpis if i.direction == "↓"}
    assert got_worse == {
        "S106 developer contributions secured as a percentage of amount sought",
        "Percentage of routine highway repairs reported by residents completed within 28 days",
        "Proportion of new Care Needs Assessments delivered within 28 days",
    }
    # each KPI is named, and its values quoted, in the words of the page it cites
    assert pothole.commitment == "Percentage of routine pothole repairs completed within 28 days"
    for kpi in kpis:
        page = " ".join(b.text for b in qpr_blocks if b.at.page == kpi.location.page)
        assert kpi.commitment in page and kpi.fields["card"] in page, kpi.commitment


def test_a_card_under_a_heading_naming_only_indicators_belongs_to_the_part_above() -> None:
    """ "Indicators" under "Street Scene": the cards' section is the service, and the
    service's own people lines still reach them; a card whose heading says what it is
    keeps that heading, and without heading levels nothing is moved."""
    items = read_kpi_cards(card_pages(), [], doc_id="d", source="d.pdf", period=None)
    assert {i.fields.get("service") for i in items if i.kind is ItemKind.kpi} == {"Street Scene"}
    assert all([p.name for p in i.cabinet_member] == ["Cllr Ann Other"] for i in items)
    named = [heading("Street Scene", 5), heading("Recycling", 5, level=2), *card_pages()[4:6]]
    assert [
        i.section for i in read_kpi_cards(named, [], doc_id="d", source="d.pdf", period=None)
    ] == ["Recycling"]
    flat = [
        heading("Street Scene", 5, level=0),
        heading("Indicators", 5, level=0),
        *card_pages()[4:6],
    ]
    assert [
        i.section for i in read_kpi_cards(flat, [], doc_id="d", source="d.pdf", period=None)
    ] == ["Indicators"]


def test_real_qpr_read_whole_gives_the_38_kpis_once(qpr_blocks: list[Block]) -> None:
    doc = read_document(
        qpr_blocks,
        DocumentMeta(file=QPR.name, title="QPR", period="Q3 2024/25"),
        doc_id="qpr",
        source=QPR.name,
        sha256="0" * 64,
    )
    kpis = [i for i in doc.items if i.kind is ItemKind.kpi]
    assert Counter(i.rating for i in kpis) == {"G": 17, "A": 12, "R": 9}
    assert all(i.fields.get("latest") and i.fields.get("target") and i.location.page for i in kpis)
