"""The readers on real papers of other councils, through the real loaders (no model).

Each expectation is checked against the file itself: CSV cells read with ``csv``, the
Markdown table's rows counted from its lines, and for the PDFs the figures their own
text states (the Q3 performance report's executive summary counts 17 Green, 12 Amber
and 9 Red KPIs; the budget risk register prints each risk's likelihood and exposure).
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pytest

from indexing.model import DocumentMeta, ItemKind, PlanDocument
from indexing.ratings import parse_rating
from indexing.readers import read_document

REAL = Path(__file__).resolve().parents[1] / "evals" / "corpus-real"
QPR = "kent/cabinet_2025-03-04__QPR Q3 Cabinet appendix 1.pdf"
RISKS_FEB = "kent/full_council_2025-02-13__Appendix J - Budget Risk Register.pdf"
RISKS_JAN = "kent/cabinet_2025-01-30__Appendix I Budget Risk Register 22.01.25.pdf"
DPIA = (
    "kent/cabinet_2025-01-30__24-00109 - Appendix C - DPIA Screening Tool outcome - Transitions.pdf"
)
HART = "other/hartdc-kpi-q2-2014-15.csv"
WYE = "other/wyevalley-cc-financial-risk-assessment.csv"
TRAFFORD = "other/trafford-corporate-plan-indicators.md"
UKGOV = "other/ukgov-covid-inquiry-m1-govt-response.pdf"


@cache
def read(name: str) -> PlanDocument:
    from indexing.loaders import LoadedFile, load_file

    if "blocks" not in LoadedFile.model_fields:
        pytest.skip("the loaders do not give blocks yet")
    path = REAL / name
    loaded = load_file(path)
    return read_document(
        list(loaded.blocks),  # type: ignore[attr-defined]
        DocumentMeta(file=path.name, title=path.stem),
        doc_id=path.stem,
        source=name,
        sha256=loaded.sha256,
    )


def _csv(name: str) -> list[dict[str, str]]:
    with (REAL / name).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_hart_csv_gives_every_kpi_with_its_status_rating() -> None:
    rows = _csv(HART)
    doc = read(HART)
    assert len(rows) == 45
    assert doc.items_by_kind() == {"kpi": 45}
    by_ref = {i.ref: i for i in doc.items}
    for row in rows:
        item = by_ref[row["KPI ref"]]
        assert item.commitment == row["Description"]
        assert (item.rating, item.rating_label) == (
            parse_rating(row["Status"]),
            row["Status"] or None,
        )
        assert item.fields.get("target") == (row["Target"] or None)
        assert item.fields.get("previous") == (row["Previous year"] or None)
        assert item.other_fields.get("Q2 2014/15") == (row["Q2 2014/15"] or None)
        assert item.location.row is not None and item.location.sheet is not None
    assert sum(1 for i in doc.items if i.rating) == sum(
        1 for r in rows if parse_rating(r["Status"])
    )


def test_wye_valley_csv_gives_18_risks_with_scores() -> None:
    rows = [r for r in _csv(WYE) if "." in r["no"]]  # "1, Direct Financial" heads a group
    doc = read(WYE)
    assert len(rows) == 18
    assert doc.items_by_kind() == {"risk": 18}
    by_ref = {i.ref: i for i in doc.items}
    for row in rows:
        item = by_ref[row["no"]]
        assert item.commitment == row["risk"]
        assert (item.fields["impact"], item.fields["likelihood"], item.fields["score"]) == (
            row["severity"],
            row["likelihood"],
            row["riskscore"],
        )
    assert by_ref["1.1"].section == "Direct Financial"


def test_trafford_markdown_gives_its_indicators() -> None:
    lines = (REAL / TRAFFORD).read_text(encoding="utf-8").splitlines()
    table = [line for line in lines if line.startswith("|")][2:]  # header and rule rows
    doc = read(TRAFFORD)
    kpis = [i for i in doc.items if i.kind is ItemKind.kpi]
    assert len(kpis) == len(table) == 32
    first = kpis[0]
    assert first.commitment == "Proportion of children aged 4-5 years classified as obese."
    assert (
        first.other_fields["Priority"] == "Health"
        and first.fields["period"] == "2010/11 to 2019/20"
    )
    assert first.location.line_start is not None


def test_qpr_summary_tables_give_the_38_kpis_its_summary_counts() -> None:
    doc = read(QPR)
    kpis = [i for i in doc.items if i.kind is ItemKind.kpi]
    ratings = [i.rating for i in kpis]
    assert (ratings.count("R"), ratings.count("G"), ratings.count("A")) == (9, 17, 12)
    assert len(kpis) == 38
    potholes = next(i for i in kpis if "routine pothole repairs" in i.commitment)
    assert (potholes.rating, potholes.rating_label, potholes.previous_rating) == ("G", "GREEN", "G")
    assert potholes.location.page is not None
    assert not [i for i in doc.items if i.kind is not ItemKind.kpi]


@pytest.mark.parametrize("name", [RISKS_FEB, RISKS_JAN])
def test_budget_risk_registers_give_risks_with_likelihood_and_exposure(name: str) -> None:
    doc = read(name)
    risks = [i for i in doc.items if i.kind is ItemKind.risk]
    assert len(risks) >= 40
    assert doc.items_by_kind() == {"risk": len(risks)}
    high_needs = next(i for i in risks if i.commitment == "High Needs Spending")
    assert high_needs.fields["likelihood"] == "4" and high_needs.fields["directorate"] == "CYPE"
    assert high_needs.other_fields["Estimated Lifetime Financial Exposure £m"] == "165.0"
    cyber = next(i for i in risks if i.commitment == "Cyber Security")
    assert cyber.fields["likelihood"] == "3" and cyber.fields["directorate"] == "DCED"
    with_likelihood = [i for i in risks if i.fields.get("likelihood") in {"1", "2", "3", "4", "5"}]
    assert len(with_likelihood) >= 0.8 * len(risks)


def test_dpia_form_gives_table_rows_and_no_items() -> None:
    doc = read(DPIA)
    assert doc.tables, "the form's questions and answers are kept as rows"
    screening = [
        r
        for r in doc.tables
        if r.cells.get("Question", "").startswith("Has a DPIA for this been previously")
    ]
    assert screening and screening[0].cells["Answer"] == "No"
    assert doc.items == []


def test_government_response_gives_its_ten_recommendations_with_pages() -> None:
    doc = read(UKGOV)
    recs = [i for i in doc.items if i.kind is ItemKind.recommendation]
    assert [i.ref for i in recs] == [str(n) for n in range(1, 11)]
    second = recs[1]
    assert (
        second.commitment
        == "Cabinet Office leadership for whole-system civil emergencies in the UK"
    )
    assert second.location.page == 13
    assert "model which retains an essential role in preparedness and resilience" in (
        second.update or ""
    )
    assert all(r.location.page and r.location.page >= 11 for r in recs)  # not the contents page


def test_a_title_page_line_set_large_above_its_date_is_read_with_the_date() -> None:
    """The response's title page prints "Presented to Parliament … by Command of His
    Majesty" and, under a gap, "16 January 2025", both set larger than the body: two
    headings of the same rank, the first titling nothing. Both lines open the text under
    the date, so "when was it presented to parliament" finds them together."""
    doc = read(UKGOV)
    dated = [p for p in doc.passages if p.section == "16 January 2025"]
    assert len(dated) == 1
    assert dated[0].location.page == 3
    assert dated[0].text.startswith(
        "Presented to Parliament by the Chancellor of the Duchy of Lancaster by Command of"
        " His Majesty\n16 January 2025\n"
    )
    # the title above them is of a higher rank: it titles them and is not read as text
    assert not any(p.text.startswith("UK Government Response") for p in doc.passages)


def test_a_spreadsheet_register_through_the_loader_carries_sheet_and_row(tmp_path: Path) -> None:
    from openpyxl import Workbook

    from indexing.loaders import LoadedFile, load_file

    if "blocks" not in LoadedFile.model_fields:
        pytest.skip("the loaders do not give blocks yet")
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Q3 risks"
    sheet.append(
        ["Risk Ref", "Risk Description", "Risk Owner", "Likelihood", "Impact", "Score", "RAG"]
    )
    sheet.append(["R1", "Savings are not delivered", "Jane Smith", 4, 5, 20, "Red"])
    sheet.append(["R2", "Care demand outstrips funding", "Ann Lee", 3, 4, 12, "Amber"])
    path = tmp_path / "register.xlsx"
    book.save(path)
    loaded = load_file(path)
    doc = read_document(
        list(loaded.blocks),
        DocumentMeta(file=path.name, title="Register"),  # type: ignore[attr-defined]
        doc_id="register",
        source=path.name,
        sha256=loaded.sha256,
    )
    assert [(i.ref, i.kind, i.rating, i.owner[0].name, i.fields) for i in doc.items] == [
        ("R1", ItemKind.risk, "R", "Jane Smith", {"likelihood": "4", "impact": "5", "score": "20"}),
        ("R2", ItemKind.risk, "A", "Ann Lee", {"likelihood": "3", "impact": "4", "score": "12"}),
    ]
    assert (doc.items[1].location.sheet, doc.items[1].location.row) == ("Q3 risks", 3)


def test_a_record_laid_on_its_side_is_read_by_its_labels() -> None:
    # Each directorate of the QPR opens with a two-column box: "Cabinet Member | Dylan
    # Jeffrey" over "Corporate Director | Amanda Beer" (labels down the first column).
    # Read as a header row over a body row it gave "Cabinet Member: Corporate Director".
    import pdfplumber

    with pdfplumber.open(REAL / QPR) as pdf:
        box = next(t for t in pdf.pages[7].extract_tables() if t and t[0][0] == "Cabinet Member")
    assert box == [["Cabinet Member", "Dylan Jeffrey"], ["Corporate Director", "Amanda Beer"]]
    rows = [r for r in read(QPR).tables if r.location.page == 8 and "Cabinet Member" in r.cells]
    assert [r.cells for r in rows] == [
        {"Cabinet Member": "Dylan Jeffrey", "Corporate Director": "Amanda Beer"}
    ]
    assert rows[0].table == "Customer Services"


def test_a_table_of_labels_and_values_is_upright_only_when_its_first_column_is_labels() -> None:
    from indexing.blocks import Block, BlockKind, Row
    from indexing.readers.table_shapes import upright as stand_up

    side = Block(
        kind=BlockKind.table,
        header=[["Lead officer", "Jane Smith"]],
        rows=[Row(cells=["Portfolio holder", "Cllr Bob Jones"]), Row(cells=["RAG", "Amber"])],
    )
    upright = stand_up(side)
    assert upright.header == [["Lead officer", "Portfolio holder", "RAG"]]
    assert [r.cells for r in upright.rows] == [["Jane Smith", "Cllr Bob Jones", "Amber"]]
    # a real header over rows ("Lead officer | Portfolio holder") stays as it is
    table = Block(
        kind=BlockKind.table,
        header=[["Lead officer", "Portfolio holder"]],
        rows=[Row(cells=["Jane Smith", "Cllr Bob Jones"])],
    )
    assert stand_up(table) == table
    # and so does a table whose first column is not all labels
    mixed = Block(
        kind=BlockKind.table,
        header=[["Owner", "Jane Smith"]],
        rows=[Row(cells=["Repair the bridge", "Amber"])],
    )
    assert stand_up(mixed) == mixed
