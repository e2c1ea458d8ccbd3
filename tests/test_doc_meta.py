"""A paper's title, publisher, date, period and kind from its own first page.

Made-up first pages of the shapes councils use (cover forms, decision records, minutes,
title pages, letters), and the real Kent papers read through the loaders.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from indexing.blocks import Block, BlockKind, Row, Span
from indexing.loaders import load_file
from indexing.model import DocumentKind
from indexing.readers.dates import parse_date, parse_period
from indexing.readers.doc_meta import meta_from_blocks


def page(*lines: str, page_no: int = 1, headings: tuple[str, ...] = ()) -> list[Block]:
    return [
        Block(
            kind=BlockKind.heading if line in headings else BlockKind.paragraph,
            text=line,
            level=1 if line in headings else 0,
            at=Span(page=page_no),
        )
        for line in lines
    ]


def test_cover_form_gives_subject_and_meeting_date_not_the_from_line() -> None:
    blocks = page(
        "From: Jo Bloggs, Cabinet Member for Highways",
        "Sam Price, Corporate Director of Place",
        "To: Executive – Tuesday 8 April 2025",
        "Subject: Highways Asset Management Plan",
        "2025-30",
        "Classification: Unrestricted",
        "Past Pathway of report: Place Committee - 12 March 2025",
        "Summary: This report asks the Executive to approve the plan.",
    )
    meta = meta_from_blocks(blocks, "exec-item-7.pdf")
    assert meta.title == "Highways Asset Management Plan 2025-30"
    assert meta.date == "2025-04-08"
    assert meta.period == "2025-30"
    assert meta.publisher is None  # the page names no council
    assert meta.kind is DocumentKind.other


def test_cover_form_reflowed_into_one_paragraph() -> None:
    blocks = page(
        "From: Jo Bloggs, Leader of the Council To: Cabinet, 13.02.25 Decision No: 25/001 "
        "Subject: Quarterly Performance Report, Quarter 2, 2025/26 Classification: Unrestricted "
        "Summary: Of the 30 KPIs, 20 are Green."
    )
    meta = meta_from_blocks(blocks, "cover.pdf")
    assert meta.title == "Quarterly Performance Report, Quarter 2, 2025/26"
    assert (meta.date, meta.period, meta.kind) == (
        "2025-02-13",
        "Q2 2025/26",
        DocumentKind.performance,
    )
    assert meta.publisher is None  # "Leader of the Council" is a post, not a publisher


def test_title_page_in_large_type_with_the_council_above_it() -> None:
    blocks = page(
        "Borsetshire District Council",
        "Quarterly Performance Report",
        "Quarter 1",
        "2025/26",
        "Produced by: Corporate Insight",
        "E-mail: insight@example.org",
        headings=(
            "Borsetshire District Council",
            "Quarterly Performance Report",
            "Quarter 1",
            "2025/26",
        ),
    )
    meta = meta_from_blocks(blocks, "appendix 1.pdf")
    assert meta.title == "Quarterly Performance Report Quarter 1 2025/26"
    assert meta.publisher == "Borsetshire District Council"
    assert meta.period == "Q1 2025/26" and meta.date is None


def test_minutes_give_meeting_body_date_and_kind() -> None:
    blocks = page(
        "MINUTES OF PROCEEDINGS AT MEETING OF AMBRIDGE CITY AND COUNTY COUNCIL HELD IN THE "
        "COUNCIL CHAMBER, ON MONDAY, 31ST MARCH, 2025, AT 3PM.",
        "PRESENT IN THE CHAIR: Councillor A. Archer.",
        "The minutes of the meeting held on 3 March 2025 were agreed.",
    )
    meta = meta_from_blocks(blocks, "minutes.md")
    assert meta.kind is DocumentKind.minutes
    assert meta.date == "2025-03-31"
    assert meta.publisher == "Ambridge City and County Council"
    assert meta.title.startswith("Minutes of Proceedings at Meeting of Ambridge")


def test_decision_record_with_title_on_the_next_line() -> None:
    blocks = page(
        "WESSEX COUNTY COUNCIL – RECORD OF DECISION",
        "DECISION TO BE TAKEN BY: DECISION NO:",
        "Cabinet 25/00042",
        "Subject Matter / Title of Decision",
        "Library Opening Hours Review",
        "Decision:",
        "Cabinet agree to adopt the new hours.",
    )
    meta = meta_from_blocks(blocks, "prod.pdf")
    assert meta.title == "Library Opening Hours Review"
    assert meta.kind is DocumentKind.decision
    assert meta.publisher == "Wessex County Council"
    assert meta.date is None  # no date on the page: left to the manifest


def test_letter_lines_are_never_the_title() -> None:
    blocks = page(
        "Direct Dial/Ext: 03000 123456",
        "e-mail: clerk@example.org",
        "Ask for: A Clerk",
        "Date: 27 January 2025",
        "Dear Member",
        "CABINET - THURSDAY, 30 JANUARY 2025",
        "I am now able to enclose the following document.",
    )
    meta = meta_from_blocks(blocks, "pack.pdf")
    assert meta.title == "Cabinet - Thursday, 30 January 2025"
    assert meta.date == "2025-01-30"  # the meeting (with its weekday), not the letter


def test_a_title_page_in_capitals_stops_before_its_first_section() -> None:
    blocks = page(
        "INVESTMENT STRATEGY",
        "Introduction",
        "1.1 This strategy meets the guidance.",
        headings=("INVESTMENT STRATEGY", "Introduction"),
    )
    assert meta_from_blocks(blocks, "appendix-m.pdf").title == "Investment Strategy"


def test_a_paper_that_is_one_table_is_titled_by_its_caption_not_a_footnote() -> None:
    table = Block(
        kind=BlockKind.table,
        at=Span(page=1),
        header=[["APPENDIX B - CAPITAL INVESTMENT SUMMARY (PROPOSED) 2025-26 to 2034-35", "", ""]],
        rows=[Row(cells=["1", "Home Support Fund", "2,500"], at=Span(page=1))],
    )
    footnote = page("[3] Rolling programmes have been included for 10 year capital programme")
    meta = meta_from_blocks([table, *footnote], "appendix-b.pdf")
    assert meta.title == "Capital Investment Summary (Proposed) 2025-26 to 2034-35"
    assert meta.period == "2025-26"
    assert meta_from_blocks(footnote, "appendix-b.pdf").title == "appendix-b"  # the file's name


def test_a_body_date_is_not_the_document_date() -> None:
    blocks = page(
        "Reserves Policy",
        "1. Background",
        "CIPFA issued Bulletin 99 on 4 July 2014.",
        headings=("Reserves Policy",),
    )
    meta = meta_from_blocks(blocks, "appendix-g.pdf")
    assert meta.title == "Reserves Policy" and meta.date is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Thursday 13 March 2025", "2025-03-13"),
        ("30th January, 2025", "2025-01-30"),
        ("13.02.25", "2025-02-13"),
        ("22/01/2025", "2025-01-22"),
        ("2025-02-13", "2025-02-13"),
        ("March 2025", "2025-03"),
        ("31 February 2025", None),
        ("no date here", None),
    ],
)
def test_dates(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Quarter 3 2024/25", "Q3 2024/25"),
        ("Report, Quarter 3, 2024/25", "Q3 2024/25"),
        ("Q4 2023-24", "Q4 2023-24"),
        ("Budget Monitoring Report – November 2024-25", "November 2024-25"),
        ("Budget Risks Register 2025-26", "2025-26"),
        ("held on 2025-03-04", None),
    ],
)
def test_periods(text: str, period: str | None) -> None:
    assert parse_period(text) == period


KENT = Path(__file__).resolve().parent.parent / "evals" / "corpus-real" / "kent"


@pytest.mark.parametrize(
    ("name", "title", "kind", "date", "period", "publisher"),
    [
        (
            "cabinet_2025-03-04__QPR Q3 Cabinet appendix 1.pdf",
            "Quarterly Performance Report Quarter 3 2024/25",
            DocumentKind.performance,
            None,
            "Q3 2024/25",
            "Kent County Council",
        ),  # its title page names the council; no date on it
        (
            "cabinet_2025-03-04__Cabinet QPR Q3 Cover.pdf",
            "Quarterly Performance Report, Quarter 3, 2024/25",
            DocumentKind.performance,
            "2025-03-04",
            "Q3 2024/25",
            None,
        ),
        (
            "cabinet_2025-01-30__24-00115 - Adoption of Integrated Care Strategy delivery plan - Report.pdf",
            "Kent County Council Integrated Care Strategy (KCC ICS) Delivery Plan",
            DocumentKind.other,
            "2025-01-30",
            None,
            None,
        ),
        (
            "cabinet_2025-01-30__24-00108 - Revenue and Capital Budget Monitoring Report November 2024-25.pdf",
            "Revenue and Capital Budget Monitoring Report – November 2024-25",
            DocumentKind.other,
            "2025-01-30",
            "November 2024-25",
            None,
        ),
        (
            "cabinet_2025-01-30__24-00096 - PRoD.pdf",
            "Commissioning Plan for Education Provision in Kent 2025-29",
            DocumentKind.decision,
            None,
            "2025-29",
            "Kent County Council",
        ),
        (
            "cabinet_2025-01-30__Printed minutes 30th-Jan-2025 10.00 Cabinet.pdf",
            "Minutes of a meeting of the Cabinet",
            DocumentKind.minutes,
            "2025-01-30",
            None,
            "Kent County Council",
        ),
        (
            "cabinet_2025-01-30__pack__24-00096 - PROD 30th-Jan-2025 10.00 Cabinet.pdf",
            "Cabinet - Thursday, 30 January 2025",
            DocumentKind.other,
            "2025-01-30",
            None,
            None,
        ),
        (
            "full_council_2025-02-13__3 - Amendment - Liberal Democrats - LEVI capital funding.pdf",
            "Amendment: LEVI capital funding",
            DocumentKind.form,
            None,
            None,
            None,
        ),
        (
            "cabinet_2025-01-30__24-00115 - EqIA.pdf",
            "EQIA: KCC adoption of ICS delivery Plan",
            DocumentKind.form,
            None,
            None,
            None,
        ),
    ],
)
def test_real_kent_papers(
    name: str,
    title: str,
    kind: DocumentKind,
    date: str | None,
    period: str | None,
    publisher: str | None,
) -> None:
    meta = meta_from_blocks(load_file(KENT / name).blocks, name)
    assert (meta.title, meta.kind, meta.date, meta.period, meta.publisher) == (
        title,
        kind,
        date,
        period,
        publisher,
    )
    assert not meta.title.startswith(("From:", "Direct Dial"))
