"""Loaders keep the structure: blocks in reading order from real council papers and from
small files built here for the shapes the real ones lack.

Real files are the project's copy of other councils' papers (``evals/corpus-real``);
what each test expects was read off the PDF or file by hand.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from indexing.blocks import Block, BlockKind
from indexing.loaders import LoadError, load_file

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "evals" / "corpus-real"
KENT = REAL / "kent"
OTHER = REAL / "other"
SHARED_KENT = Path(os.environ.get("PLANBOT_SHARED_KENT", "/work/shared/corpus-real/kent"))
QPR = KENT / "cabinet_2025-03-04__QPR Q3 Cabinet appendix 1.pdf"
MINERALS = (
    KENT / "cabinet_2025-03-04__Adoption of the Kent Minerals and Waste Local Plan 2024-2039.pdf"
)
RISK_REGISTER = KENT / "full_council_2025-02-13__Appendix J - Budget Risk Register.pdf"
DRAFT_RISK_REGISTER = KENT / "cabinet_2025-01-30__Appendix I Budget Risk Register 22.01.25.pdf"


def _texts(blocks: list[Block], kind: BlockKind | None = None) -> list[str]:
    return [b.text for b in blocks if kind is None or b.kind is kind]


def _tables(blocks: list[Block]) -> list[Block]:
    return [b for b in blocks if b.is_table]


@pytest.fixture(scope="module")
def qpr() -> list[Block]:
    return load_file(QPR).blocks


@pytest.fixture(scope="module")
def minerals() -> list[Block]:
    return load_file(MINERALS).blocks


# --- real PDFs ------------------------------------------------------------------------


def test_qpr_kpi_summary_tables_have_their_two_header_rows(qpr: list[Block]) -> None:
    summary = [t for t in _tables(qpr) if t.header and t.header[0][1:2] == ["RAG rating"]]

    assert len(summary) == 8  # one per service area, pages 4-7
    first = summary[0]
    assert first.header == [
        ["Customer Services KPIs", "RAG rating", "", "DoT"],
        ["", "Latest", "Previous", ""],
    ]
    assert first.at.page == 4
    assert [row.cells[:3] for row in first.rows] == [
        [
            "% of callers to Contact Point who rated the advisor who dealt with their call as good",
            "GREEN",
            "GREEN",
        ],
        ["% of phone calls to Contact Point which were answered", "GREEN", "AMBER"],
        ["% of complaints responded to within timescale", "RED", "RED"],
    ]
    ratings = [row.cells[1] for table in summary for row in table.rows]
    # the executive summary: 17 Green, 12 Amber, 9 Red
    assert (ratings.count("GREEN"), ratings.count("AMBER"), ratings.count("RED")) == (17, 12, 9)


def test_qpr_kpi_card_text_is_a_paragraph_on_its_page(qpr: list[Block]) -> None:
    cards = [
        b for b in qpr if b.text == "Latest: 94% Target: 90%, Floor: 80% Previous: 97% (Green)"
    ]

    assert [(b.kind, b.at.page) for b in cards] == [(BlockKind.paragraph, 32)]
    title = qpr[qpr.index(cards[0]) - 1]
    assert title.text == "Percentage of routine pothole repairs completed within 28 days GREEN"


def test_qpr_running_header_and_page_numbers_are_dropped(qpr: list[Block]) -> None:
    texts = _texts(qpr)

    assert "Appendix 1" not in texts  # printed at the top of pages 2-71
    assert not [t for t in texts if re.fullmatch(r"\d{1,3}", t)]  # page numbers 1-70
    assert any("giving a Green RAG rating of 94%" in t for t in texts)


def test_qpr_headings_come_from_type_size_and_weight(qpr: list[Block]) -> None:
    headings = {b.text: b.level for b in qpr if b.kind is BlockKind.heading}

    assert headings["Quarterly Performance Report"] == 1  # 26 pt on the cover
    assert headings["Key to KPI Ratings used"] == 2  # 16 pt
    assert headings["Executive Summary"] == 3  # 14 pt
    assert headings["Key Performance Indicators"] == 4  # bold at body size


def test_sentences_are_not_cut_at_line_ends(minerals: list[Block]) -> None:
    paragraphs = _texts(minerals, BlockKind.paragraph)

    # "…adopted by County Council in July" / "2016 with some limited changes…" on page 1
    assert any(
        "Local Plan 2013-30 was adopted by County Council in July 2016 with some limited changes "
        "adopted in September 2020." in p
        for p in paragraphs
    )
    assert any(
        p.startswith(
            "In December 2023, following three rounds of public consultation between 2021 and 2023,"
        )
        for p in paragraphs
    )


def test_a_paragraph_running_onto_the_next_page_is_one_block(minerals: list[Block]) -> None:
    [block] = [
        b for b in minerals if b.text.startswith("1.3 The National Planning Policy Framework")
    ]

    assert (block.at.page, block.at.page_end) == (2, 3)
    assert "was undertaken in 2021 that concluded a need for updates to the Plan" in block.text


def test_lists_are_list_items(minerals: list[Block]) -> None:
    items = _texts(minerals, BlockKind.list_item)

    assert (
        "(ii) NOTE the recommendations of the Sustainability Appraisal of the KMWLP (Appendix D); and,"
        in items
    )
    assert "extending the plan period to 2039;" in items  # a "•" bullet, the bullet dropped


@pytest.mark.parametrize(
    "path", [RISK_REGISTER, DRAFT_RISK_REGISTER], ids=["appendix J", "appendix I (draft)"]
)
def test_budget_risk_register_is_one_table_over_its_pages_with_one_header(path: Path) -> None:
    blocks = load_file(path).blocks
    registers = [
        t for t in _tables(blocks) if t.header and t.header[0][:2] == ["Directorate", "Risk Title"]
    ]

    assert len(registers) == 1
    register = registers[0]
    assert (register.at.page, register.at.page_end) == (1, 11)
    assert register.header[0][5:] == [
        "Current Likelihood (1-5)",
        "Estimated Annual Financial Exposure",
        "Estimated Lifetime Financial Exposure",
    ]
    assert sorted({row.at.page for row in register.rows}) == list(range(1, 12))
    assert not [row for row in register.rows if row.cells[:2] == ["Directorate", "Risk Title"]]
    assert any(row.cells[1] == "Cyber Security" and row.cells[0] == "DCED" for row in register.rows)
    assert "DRAFT" not in _texts(blocks)  # the watermark at the foot of every page


@pytest.mark.parametrize(
    "path", [RISK_REGISTER, DRAFT_RISK_REGISTER], ids=["appendix J", "appendix I (draft)"]
)
def test_risk_register_cells_hold_no_letters_of_the_clipped_section_label(path: Path) -> None:
    # Each page repeats the section label "Significant Risks (over £10m)" inside the first
    # data row, clipped out of sight; its letters used to land in the first cells
    # ("SignificanALL", "t Risks (over Market Sustainability", "£10m) The long term ...").
    [register] = [
        t
        for t in _tables(load_file(path).blocks)
        if t.header and t.header[0][:2] == ["Directorate", "Risk Title"]
    ]
    fragments = ("Significan", "t Risks (over", "£10m)")
    section_rows = [r for r in register.rows if r.cells[0] == "Significant Risks (over £10m)"]

    assert [r.at.page for r in section_rows] == [1]  # the one printed on page 1, a row of its own
    for row in register.rows:
        if row in section_rows:
            continue
        assert not [c for c in row.cells[:3] if any(f in c for f in fragments)], row.cells[:3]
    titles = {(r.at.page, r.cells[1]) for r in register.rows}
    assert {
        (2, "Market Sustainability"),
        (3, "Demand & Cost Drivers"),
        (3, "Market Sustainability"),
        (9, "Income"),
        (11, "IFRS9"),
    } <= titles
    covid = next(
        r for r in register.rows if r.at.page == 2 and r.cells[1] == "Market Sustainability"
    )
    assert covid.cells[2].startswith("The long term impact of Covid-19 is still")


@pytest.mark.parametrize(
    "path", [RISK_REGISTER, DRAFT_RISK_REGISTER], ids=["appendix J", "appendix I (draft)"]
)
def test_risk_register_cell_shaded_by_a_gradient_is_one_cell(path: Path) -> None:
    # The directorate cells are shaded by a gradient drawn as a stack of thin filled
    # strips; read as ruling lines they cut "ASCH / CYPE" into rows of its own.
    [register] = [
        t
        for t in _tables(load_file(path).blocks)
        if t.header and t.header[0][:2] == ["Directorate", "Risk Title"]
    ]
    risks = [r for r in register.rows if r.cells[2]]  # not a section's title row

    assert all(r.cells[0] and r.cells[1] for r in risks), [
        r.cells[:2] for r in risks if not (r.cells[0] and r.cells[1])
    ]
    keys = {(r.at.page, r.cells[0], r.cells[1]) for r in risks}
    assert (2, "ASCH / CYPE", "Market Sustainability") in keys
    assert (3, "GET/DCED", next(r.cells[1] for r in risks if r.cells[0] == "GET/DCED")) in keys
    assert next(r.cells[1] for r in risks if r.cells[0] == "GET/DCED").startswith(
        "Changing Government focus on funding"
    )


def test_text_turned_on_its_side_stays_out_of_the_lines_it_crosses(tmp_path: Path) -> None:
    path = tmp_path / "turned.pdf"
    page = canvas.Canvas(str(path), pagesize=A4)
    page.setFont("Helvetica", 11)
    lines = [
        "Market Sustainability is a risk we hold",
        "Revenue Inflation is another one",
        "Income is the third",
    ]
    for number, line in enumerate(lines):
        page.drawString(90, 700 - 14 * number, line)
    page.saveState()
    page.translate(80, 640)
    page.rotate(90)
    page.setFont("Helvetica-Bold", 14)
    page.drawString(0, 0, "Significant Risks (over £10m)")  # up the side, across the lines' rows
    page.restoreState()
    page.save()

    text = " ".join(_texts(load_file(path).blocks))

    assert text == " ".join(lines)


def test_a_table_row_split_by_a_page_break_is_one_row() -> None:
    blocks = load_file(
        KENT
        / "cabinet_2025-01-30__24-00109 - Appendix C - DPIA Screening Tool outcome - Transitions.pdf"
    ).blocks
    [core] = [t for t in _tables(blocks) if t.at.page == 6]

    assert core.header == [["Question Number", "Question", "Answer"]]
    first = core.rows[0]
    assert first.cells[:2] == ["1", "What is your project aim?"]
    assert (
        "To facilitate the changes, HR Oracle will need to be amended" in first.cells[2]
    )  # page 7
    assert not [row for row in core.rows if not row.cells[0] and not row.cells[1]]


# --- real CSV and Markdown ------------------------------------------------------------


def test_csvs_are_one_table_each_with_their_header() -> None:
    hart = load_file(OTHER / "hartdc-kpi-q2-2014-15.csv")
    wye = load_file(OTHER / "wyevalley-cc-financial-risk-assessment.csv")

    [kpis] = hart.blocks
    assert kpis.header == [
        [
            "KPI ref",
            "Description",
            "Service",
            "Previous year",
            "Q1 2014/15",
            "Q2 2014/15",
            "Target",
            "Unit",
            "Status",
            "Notes",
        ]
    ]
    first = kpis.rows[0]
    assert first.cells[0] == "CS01" and first.cells[8] == "Green (above target)"
    assert (first.at.sheet, first.at.row) == ("hartdc-kpi-q2-2014-15", 2)
    [risks] = wye.blocks
    assert risks.header[0][:5] == ["no", "risk", "severity", "likelihood", "riskscore"]
    row = next(r for r in risks.rows if r.cells[0] == "1.1")
    assert row.cells[1:5] == ["Precept too low for spending needs", "3", "1", "3"]
    assert hart.text.splitlines()[0] == "\t".join(kpis.header[0])


def test_limerick_markdown_gives_headings_and_reflowed_paragraphs() -> None:
    blocks = load_file(OTHER / "limerick-council-minutes-2025-03-31-questions.md").blocks
    headings = _texts(blocks, BlockKind.heading)
    paragraphs = _texts(blocks, BlockKind.paragraph)

    assert {"Votes of Sympathy", "Vote of Congratulations", "Correspondence"} <= set(headings)
    assert (
        "The Members joined in welcoming Councillor Moisa and extended their best for his visit in Limerick."
        in paragraphs
    )
    assert "2" not in paragraphs  # the page number after the page-break rule
    sympathy = blocks.index(next(b for b in blocks if b.text == "Votes of Sympathy"))
    assert blocks[sympathy + 1].text.startswith(
        "The Príomh Chomhairleoir expressed deepest sympathy"
    )
    assert blocks[sympathy + 1].at.line == 70


@pytest.mark.parametrize(
    ("path", "title"),
    [
        (RISK_REGISTER, "Appendix J: Budget Risks Register 2025-26"),
        (DRAFT_RISK_REGISTER, "Appendix I: Budget Risks Register 2025-26"),
    ],
    ids=["appendix J", "appendix I (draft)"],
)
def test_a_title_repeated_atop_every_page_is_kept_once_as_the_first_heading(
    path: Path, title: str
) -> None:
    blocks = load_file(path).blocks
    headings = [b for b in blocks if b.kind is BlockKind.heading]

    assert headings and headings[0].text == title and headings[0].at.page == 1
    assert _texts(blocks).count(title) == 1  # printed on all 11 pages, read once


def test_limerick_markdown_keeps_a_number_alone_on_its_line_as_its_own_block() -> None:
    blocks = load_file(OTHER / "limerick-council-minutes-2025-03-31-questions.md").blocks
    texts = [b.text for b in blocks]

    nineteen = texts.index("19.")
    assert blocks[nineteen].at.line == 1880
    assert texts[nineteen - 1].endswith(
        "€2,525,411 €2,897,508"
    )  # not "… €2,897,508 Question submitted by …"
    assert texts[nineteen + 1].startswith("Question submitted by Councillor J. Scanlan")
    eight = texts.index("8.")
    assert texts[eight + 1].startswith("Question submitted by Councillor U. Gavan")
    assert not [t for t in texts if re.search(r"€[\d,]+ Question submitted", t)]


def test_markdown_pipe_table_keeps_header_and_link_text() -> None:
    blocks = load_file(OTHER / "trafford-corporate-plan-indicators.md").blocks
    [table] = _tables(blocks)

    assert table.header == [
        ["Priority", "Indicator", "Source", "Period", "Publication Date", "Next Release", "Notes"]
    ]
    assert table.rows[0].cells[:2] == [
        "Health",
        "Proportion of children aged 4-5 years classified as obese.",
    ]
    assert table.rows[0].cells[2].startswith("NHS Digital National Child Measurement Programme")
    assert "https://" not in table.rows[0].cells[2]
    assert table.rows[0].at.line == 13
    assert _texts(blocks, BlockKind.list_item)[0] == "Health: Reducing health inequalities"


# --- made-up files for shapes the real ones lack --------------------------------------


def _pdf(tmp_path: Path, name: str, story: list, *, running: bool = False) -> Path:
    """A PDF of ``story``; with ``running``, a running header and "Page N" on every page."""
    path = tmp_path / name

    def header_footer(page: canvas.Canvas, doc: SimpleDocTemplate) -> None:
        if running:
            page.setFont("Helvetica", 9)
            page.drawString(72, 800, "Homelessness Plan – progress update")
            page.drawString(280, 30, f"Page {doc.page}")

    SimpleDocTemplate(str(path), pagesize=A4).build(
        story, onFirstPage=header_footer, onLaterPages=header_footer
    )
    return path


def test_pdf_table_across_a_page_break_is_one_table_with_its_header_once(tmp_path: Path) -> None:
    styles = getSampleStyleSheet()
    rows = [["Ref", "Action", "RAG", "Lead officer"]] + [
        [f"{n}.1", f"Action number {n} of the plan", "Amber" if n % 3 else "Green", "Jane Smith"]
        for n in range(1, 61)
    ]
    table = Table(rows, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
            ]
        )
    )
    path = _pdf(
        tmp_path, "actions.pdf", [Paragraph("Action plan", styles["Heading1"]), table], running=True
    )

    blocks = load_file(path).blocks
    [found] = _tables(blocks)
    assert found.header == [rows[0]]
    assert [row.cells for row in found.rows] == rows[1:]
    assert found.at.page == 1 and found.at.page_end is not None and found.at.page_end >= 2
    assert [row.at.page for row in found.rows] == sorted(row.at.page for row in found.rows)
    assert _texts(blocks, BlockKind.heading) == ["Action plan"]
    assert not [t for t in _texts(blocks) if t.startswith(("Page ", "Homelessness Plan"))]


def test_pdf_paragraph_over_a_page_break_and_line_end_hyphens(tmp_path: Path) -> None:
    path = tmp_path / "prose.pdf"
    page = canvas.Canvas(str(path), pagesize=A4)
    lines_1 = [
        "The implementation of the strategy is under way.",
        "",
        "We will improve the co-",
        "ordination of services and the imple-",
        "mentation of the plan across the",
    ]
    lines_2 = [
        "borough by March 2026, as agreed.",
        "",
        "A second paragraph starts here, on the UK-",
        "France forum and the budget for 2024-",
        "25.",
    ]
    for lines in (lines_1, lines_2):
        page.setFont("Helvetica", 9)
        page.drawString(72, 810, "Council Plan 2025 update")
        page.setFont("Helvetica", 12)
        y = 700
        for line in lines:
            if line:
                page.drawString(72, y, line)
            y -= 14 if line else 28
        page.setFont("Helvetica", 9)
        page.drawString(290, 30, str(page.getPageNumber()))
        page.showPage()
    page.save()

    blocks = load_file(path).blocks
    assert [(b.kind, b.text, b.at.page, b.at.page_end) for b in blocks] == [
        (BlockKind.paragraph, "The implementation of the strategy is under way.", 1, None),
        (
            BlockKind.paragraph,
            (
                "We will improve the co-ordination of services and the implementation of the plan "
                "across the borough by March 2026, as agreed."
            ),
            1,
            2,
        ),
        (
            BlockKind.paragraph,
            "A second paragraph starts here, on the UK-France forum and the budget for 2024-25.",
            2,
            None,
        ),
    ]


def test_pdf_headings_by_size_and_bulleted_lists(tmp_path: Path) -> None:
    styles = getSampleStyleSheet()
    story = [
        Paragraph("Housing Strategy", styles["Title"]),
        Paragraph("Priorities", styles["Heading2"]),
        Paragraph("We have three priorities for the coming year, set out below.", styles["Normal"]),
        Spacer(1, 6),
        Paragraph("build 500 new homes;", styles["Normal"], bulletText="•"),
        Paragraph("end rough sleeping;", styles["Normal"], bulletText="•"),
        Spacer(1, 6),
        Paragraph("Each priority has a lead officer.", styles["Normal"]),
    ]
    blocks = load_file(_pdf(tmp_path, "strategy.pdf", story)).blocks

    assert [(b.kind.value, b.level, b.text) for b in blocks] == [
        ("heading", 1, "Housing Strategy"),
        ("heading", 2, "Priorities"),
        ("paragraph", 0, "We have three priorities for the coming year, set out below."),
        ("list_item", 0, "build 500 new homes;"),
        ("list_item", 0, "end rough sleeping;"),
        ("paragraph", 0, "Each priority has a lead officer."),
    ]


def test_docx_headings_lists_and_a_table_with_a_repeated_header_row(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Risk register", level=1)
    document.add_heading("Corporate risks", level=2)
    document.add_paragraph("Risks are scored on likelihood and impact.")
    document.add_paragraph("Likelihood 1-5", style="List Bullet")
    table = document.add_table(rows=3, cols=4)
    values = [
        ["Ref", "Risk", "Owner", "Score"],
        ["R1", "Funding gap", "Jane Smith", "16"],
        ["R2", "Cyber attack", "Bob Jones", "12"],
    ]
    for row, cells in zip(table.rows, values, strict=True):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    header = OxmlElement("w:tblHeader")
    table.rows[0]._tr.get_or_add_trPr().append(header)
    path = tmp_path / "risks.docx"
    document.save(path)

    loaded = load_file(path)
    assert [(b.kind.value, b.level, b.text) for b in loaded.blocks if not b.is_table] == [
        ("heading", 1, "Risk register"),
        ("heading", 2, "Corporate risks"),
        ("paragraph", 0, "Risks are scored on likelihood and impact."),
        ("list_item", 0, "Likelihood 1-5"),
    ]
    [found] = _tables(loaded.blocks)
    assert found.header == [values[0]] and [r.cells for r in found.rows] == values[1:]
    assert "Ref\tRisk\tOwner\tScore\nR1\tFunding gap\tJane Smith\t16" in loaded.text
    assert qn("w:tblHeader")  # the marker read above is Word's "repeat as header row"


def test_html_table_with_th_header_and_headings(tmp_path: Path) -> None:
    page = (
        "<html><body><h1>Performance</h1><h3>Quarter 2</h3><p>Figures for the quarter.</p>"
        "<table><tr><th>Indicator</th><th>Target</th><th>Actual</th></tr>"
        "<tr><td>Homes built</td><td>500</td><td>420</td></tr>"
        "<tr><td>Calls answered</td><td>90%</td><td>94%</td></tr></table>"
        "<ul><li>Data is provisional.</li></ul></body></html>"
    )
    path = tmp_path / "perf.html"
    path.write_text(page, encoding="utf-8")

    blocks = load_file(path).blocks
    assert [(b.kind.value, b.level) for b in blocks] == [
        ("heading", 1),
        ("heading", 3),
        ("paragraph", 0),
        ("table", 0),
        ("list_item", 0),
    ]
    table = blocks[3]
    assert table.header == [["Indicator", "Target", "Actual"]]
    assert [r.cells for r in table.rows] == [
        ["Homes built", "500", "420"],
        ["Calls answered", "90%", "94%"],
    ]


def test_xlsx_sheets_are_tables_with_sheet_and_row(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    kpis = book.active
    kpis.title = "KPIs"
    kpis.append(["Ref", "Indicator", "Target", "Actual", "RAG"])
    kpis.append(["K1", "Homes built", 500, 420, "Amber"])
    kpis.append(["K2", "Calls answered", 0.9, 0.94, "Green"])
    risks = book.create_sheet("Risks")
    risks.append([None])
    risks.append(["Risk", "Likelihood", "Impact", "Score"])
    risks.append(["Funding gap", 4, 4, 16])
    path = tmp_path / "book.xlsx"
    book.save(path)

    loaded = load_file(path)
    first, second = loaded.blocks
    assert first.header == [["Ref", "Indicator", "Target", "Actual", "RAG"]]
    assert [r.cells for r in first.rows] == [
        ["K1", "Homes built", "500", "420", "Amber"],
        ["K2", "Calls answered", "0.9", "0.94", "Green"],
    ]
    assert [(r.at.sheet, r.at.row) for r in first.rows] == [("KPIs", 2), ("KPIs", 3)]
    assert second.header == [["Risk", "Likelihood", "Impact", "Score"]]
    assert [(r.cells, r.at.sheet, r.at.row) for r in second.rows] == [
        (["Funding gap", "4", "4", "16"], "Risks", 3)
    ]
    assert loaded.format == "xlsx"


def test_corrupt_workbook_is_a_clear_load_error(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    data = bytearray(buffer.getvalue())
    at = data.find(b"xl/workbook.xml", data.find(b"PK\x03\x04")) + 40
    data[at : at + 200] = b"\x00" * 200  # damage the deflated workbook part
    path = tmp_path / "broken.xlsx"
    path.write_bytes(bytes(data))

    with pytest.raises(LoadError) as caught:
        load_file(path)
    assert caught.value.reason.startswith("not a valid XLSX (")
    assert "\n" not in str(caught.value)


def test_txt_tab_runs_are_tables_and_lines_keep_their_numbers(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        "HOUSING\n\nRef\tCommitment\tRAG\n3.2\tBuild homes\tG\nUpdated quarterly.\n",
        encoding="utf-8",
    )

    loaded = load_file(path)
    assert loaded.text == path.read_text(encoding="utf-8")
    heading, table, note = loaded.blocks
    assert (heading.kind, heading.text, heading.at.line) == (BlockKind.paragraph, "HOUSING", 1)
    assert table.header == []  # no header inferred: the reader decides
    assert [(r.cells, r.at.line) for r in table.rows] == [
        (["Ref", "Commitment", "RAG"], 3),
        (["3.2", "Build homes", "G"], 4),
    ]
    assert (note.text, note.at.line) == ("Updated quarterly.", 5)


# --- every real PDF --------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(not SHARED_KENT.is_dir(), reason=f"{SHARED_KENT} is not on this machine")
def test_every_kent_pdf_loads_or_is_a_clear_load_error() -> None:
    loaded = refused = 0
    for path in sorted(SHARED_KENT.glob("*.pdf")):
        try:
            blocks = load_file(path).blocks
        except LoadError as err:
            refused += 1
            assert err.path == path and err.reason and "\n" not in str(err)
            assert "Traceback" not in err.reason
            continue
        loaded += 1
        assert blocks, path.name
        for block in blocks:
            assert block.at.page is not None and block.at.page >= 1, path.name
            for row in block.rows:
                assert row.at.page is not None, path.name
    assert loaded >= 80, (loaded, refused)


def test_symbol_font_bullets_of_a_converted_pdf_are_list_items() -> None:
    # The Limerick minutes were converted from a PDF whose bullets are U+F0B7 (a
    # Symbol-font glyph); each bulleted line is its own item, never joined to the one
    # above because that one did not end a sentence ("… - 31/01/2025").
    path = OTHER / "limerick-council-minutes-2025-03-31-questions.md"
    raw = path.read_text(encoding="utf-8")
    bulleted = [
        line.strip()[1:].strip() for line in raw.splitlines() if line.strip().startswith("\uf0b7")
    ]
    assert len(bulleted) >= 5
    blocks = load_file(path).blocks
    items = [b.text for b in blocks if b.kind is BlockKind.list_item]
    assert not [b for b in blocks if "\uf0b7" in b.text]
    licence = next(line for line in bulleted if line.startswith("Copy of valid Dog Licence"))
    assert licence in items
    application = next(i for i in items if i.startswith("Application form submitted"))
    assert "Dog Licence" not in application


def test_a_markdown_paragraph_opening_with_a_bullet_glyph_is_a_list_item(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("Required:\n\n\u2022 First thing -\n\n\uf0b7 Second thing.\n", encoding="utf-8")
    blocks = load_file(path).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        (BlockKind.paragraph, "Required:"),
        (BlockKind.list_item, "First thing -"),
        (BlockKind.list_item, "Second thing."),
    ]


APPENDIX_E = KENT / "full_council_2025-02-13__Appendix E - 2025-26 Budget by Directorate.pdf"


def _column_ruled_table(path: Path, cells: list[list[str]], labels: list[str]) -> None:
    """A frame ruled round its header and down its columns only (no rule between body
    rows), each body cell a column of lines, with the rows' labels printed left of it."""
    page = canvas.Canvas(str(path), pagesize=A4)
    left, width, top = 200, 120, 760
    columns = len(cells[0])
    bottom = top - 30 - 16 * (len(cells) - 1) - 10
    for x in range(columns + 1):
        page.line(left + x * width, top, left + x * width, bottom)
    for y in (top, top - 24, bottom):
        page.line(left, y, left + columns * width, y)
    page.setFont("Helvetica-Bold", 10)
    for x, head in enumerate(cells[0]):
        page.drawString(left + x * width + 4, top - 16, head)
    page.setFont("Helvetica", 10)
    for number, (label, row) in enumerate(zip(labels, cells[1:], strict=True)):
        y = top - 40 - 16 * number
        page.drawString(60, y, label)
        for x, value in enumerate(row):
            page.drawString(left + x * width + 4, y, value)
    page.save()


def test_a_frame_ruled_down_its_columns_only_gives_a_row_per_line_with_its_label(
    tmp_path: Path,
) -> None:
    """Budget appendices rule their columns but not their rows: each line across the
    frame is a row, and the label printed beside the frame is its first cell."""
    path = tmp_path / "budget.pdf"
    cells = [
        ["Adults", "Children", "Highways"],
        ["585,946.2", "429,966.5", "201,737.2"],
        ["7,800.0", "-3,300.0", "6,587.1"],
        ["-20,234.5", "-10,600.0", "0.0"],
        ["643,221.6", "449,237.2", "201,552.7"],
    ]
    labels = ["Original base budget", "Base Budget Changes", "Efficiency", "NET BUDGET"]
    _column_ruled_table(path, cells, labels)

    [table] = _tables(load_file(path).blocks)

    assert table.header == [["", *cells[0]]]
    assert [row.cells for row in table.rows] == [
        [label, *row] for label, row in zip(labels, cells[1:], strict=True)
    ]


def test_a_tall_cell_of_wrapped_prose_stays_one_row(tmp_path: Path) -> None:
    """A form's answer wrapped over many lines in a frame is one cell, not rows, though
    a column beside it holds dates."""
    path = tmp_path / "form.pdf"
    cells = [
        ["Question", "Answer", "Dates"],
        ["Please outline the", "There was a decision", "16th December"],
        ["project and the types", "made to transfer the", "2021 - 9th February"],
        ["of data it will use", "service to adults from", "2022"],
        ["and how", "April including staff", "(8 weeks)"],
    ]
    _column_ruled_table(path, cells, ["", "", "", ""])

    [table] = _tables(load_file(path).blocks)

    assert len(table.rows) == 1
    assert table.rows[0].cells[1].startswith("There was a decision made to transfer")


def test_appendix_e_directorate_columns_are_read_row_by_row() -> None:
    """The real budget by directorate: its row labels beside the frame, the totals
    column between them and the frame, one row per line."""
    [table] = _tables(load_file(APPENDIX_E).blocks)
    header = [" ".join(cells).strip() for cells in zip(*table.header, strict=True)]
    rows = {row.cells[0]: row.cells for row in table.rows}

    assert header[2].startswith("ASCH") and header[4].startswith("CYPE")
    assert header[1].startswith("TOTAL") and header[0] == "MTFP Category"
    assert rows["NET BUDGET"][2] == "643,221.6"
    assert rows["NET BUDGET"][4] == "449,237.2 0.0 449,237.2"
    assert rows["TOTAL Savings for delivery in 2025-26"][1].endswith("-144,198.9")
    assert not any(label.startswith("*") for label in rows)  # the footnote stays text


def test_pdf_footnote_mark_set_small_and_raised_is_no_part_of_the_figure(tmp_path: Path) -> None:
    """ "17 of the 38¹ indicators": the raised footnote mark is a superscript, not "381";
    a figure in the body's own size after a number stays as printed."""
    path = tmp_path / "summary.pdf"
    page = canvas.Canvas(str(path), pagesize=A4)
    text = page.beginText(72, 700)
    text.setFont("Helvetica", 12)
    text.textOut("In Quarter 3, 17 of the 38")
    text.setFont("Helvetica", 8)
    text.setRise(4)
    text.textOut("1")
    text.setFont("Helvetica", 12)
    text.setRise(0)
    text.textOut(" indicators are rated Green, and 12 are Amber.")
    page.drawText(text)
    page.showPage()
    page.save()

    body = " ".join(b.text for b in load_file(path).blocks)
    assert "17 of the 38¹ indicators" in body
    assert "381" not in body and "12 are Amber" in body
