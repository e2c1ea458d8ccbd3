"""Sub-columns the table finder merged into one ("2025-26 Core External Total £000s
£000s £000s" over "1,428,670.2 836.6 1,429,506.8") are split back apart, one figure each;
a column that only looks merged, or a cell whose figures do not fit, stays whole."""

from __future__ import annotations

from indexing.readers.merged_columns import split_merged, sub_headers

MERGED = "2025-26 Core External Total £000s £000s £000s"


def test_a_spanning_header_over_sub_columns_in_one_unit_each() -> None:
    assert sub_headers(MERGED) == [
        "2025-26 Core £000s",
        "2025-26 External £000s",
        "2025-26 Total £000s",
    ]
    assert sub_headers("CYPE Gross Income Net £m £m £m") == [
        "CYPE Gross £m",
        "CYPE Income £m",
        "CYPE Net £m",
    ]


def test_a_single_column_header_is_not_split() -> None:
    assert sub_headers("ASCH Core £000s") is None
    assert sub_headers("TOTAL £000s") is None
    assert sub_headers("Budget £m £m") is None  # one word cannot head two columns
    assert sub_headers("2024-25 2025-26 £000s £000s") is None  # years are not words
    assert sub_headers("Proposed Funding Source") is None


def test_a_budget_row_is_split_one_figure_a_column() -> None:
    row = {
        "MTFP Category": "NET BUDGET",
        "ASCH Core £000s": "643,221.6",
        "CYPE Core External Total £000s £000s £000s": "449,237.2 0.0 449,237.2",
    }
    assert split_merged(row) == {
        "MTFP Category": "NET BUDGET",
        "ASCH Core £000s": "643,221.6",
        "CYPE Core £000s": "449,237.2",
        "CYPE External £000s": "0.0",
        "CYPE Total £000s": "449,237.2",
    }


def test_an_empty_cell_is_empty_in_every_sub_column() -> None:
    assert split_merged({"Item": "Revised Base", MERGED: ""}) == {
        "Item": "Revised Base",
        "2025-26 Core £000s": "",
        "2025-26 External £000s": "",
        "2025-26 Total £000s": "",
    }


def test_a_cell_whose_figures_do_not_fit_stays_whole() -> None:
    # One of three sub-columns left blank: which one cannot be told, so nothing is guessed.
    short = {"Item": "Prior year savings", MERGED: "-1,891.0 -1,891.0"}
    assert split_merged(short) == short
    words = {"Item": "Pay", MERGED: "see note below"}
    assert split_merged(words) == words


def test_a_budget_book_table_read_from_blocks_gives_each_sub_column() -> None:
    """The shape pdfplumber gives for a budget by directorate whose sub-column rules
    are not drawn: the reader's rows have one figure under each sub-column."""
    from indexing.blocks import Block, BlockKind, Row, Span
    from indexing.model import DocumentKind, DocumentMeta
    from indexing.readers import read_document

    header = [
        ["MTFP Category", "TOTAL", "ASCH", "CYPE"],
        ["", "Core External Total", "Core", "Core External Total"],
        ["", "£000s £000s £000s", "£000s", "£000s £000s £000s"],
    ]
    rows = [
        ["Prices", "41,407.1 1,944.4 43,351.5", "26,300.0", "9,148.5 0.0 9,148.5"],
        ["NET BUDGET", "1,530,923.8 0.0 1,530,923.8", "643,221.6", "449,237.2 0.0 449,237.2"],
    ]
    block = Block(
        kind=BlockKind.table,
        header=header,
        rows=[Row(cells=r, at=Span(page=1)) for r in rows],
        at=Span(page=1),
    )
    meta = DocumentMeta(file="e.pdf", title="Budget by Directorate", kind=DocumentKind.budget)
    doc = read_document([block], meta, doc_id="e", source="e.pdf", sha256="x")
    net = next(r for r in doc.tables if r.label() == "NET BUDGET")
    assert net.cells["ASCH Core £000s"] == "643,221.6"
    assert net.cells["CYPE External £000s"] == "0.0"
    assert net.cells["CYPE Total £000s"] == "449,237.2"
    assert net.cells["TOTAL Total £000s"] == "1,530,923.8"
