"""The PDF loader on the real budget appendices: every row of their tables of figures.

Checked against the papers' own text (PDFium's page text, whitespace folded): each row
label the loader gives is printed on its page as it reads (no letters of two rows
interleaved), rows printed on lines of their own are rows of their own, and a table
framed by column rules only, which the table finder sees as one tall row under a short
header, is read as its rows and not as a card.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from indexing.blocks import Block
from indexing.loaders import load_file

KENT = Path(__file__).resolve().parents[1] / "evals" / "corpus-real" / "kent"
PLAN = KENT / "full_council_2025-02-13__Appendix D - 3 Year Revenue Plan.pdf"
BUDGETS = [
    PLAN,
    KENT / "full_council_2025-02-13__Appendix E - 2025-26 Budget by Directorate.pdf",
    KENT / "cabinet_2025-03-04__Appendix 1 Cabinet - Budget Update.pdf",
    KENT / "cabinet_2025-03-04__Cabinet Report 4 March 2025.pdf",
]
_FIGURE = re.compile(r"^[-(]?[£$€]?\d[\d,]*(?:\.\d+)?\)?%?$|^-$")


def _folded(text: str) -> str:
    return " ".join(text.split())


@cache
def _page_texts(path: Path) -> list[str]:
    document = pdfium.PdfDocument(path)
    try:
        return [_folded(page.get_textpage().get_text_range()) for page in document]
    finally:
        document.close()


@cache
def _tables(path: Path) -> list[Block]:
    return [b for b in load_file(path).blocks if b.is_table]


def _label(cells: list[str]) -> str:
    """A row's first cell of words (its label), as printed."""
    return next((c for c in cells if c and not all(_FIGURE.match(w) for w in c.split())), "")


def _rows(path: Path) -> dict[str, tuple[int, list[str]]]:
    """Every table row by its label: (page, cells)."""
    return {
        _label(row.cells): (row.at.page or 0, row.cells)
        for table in _tables(path)
        for row in table.rows
        if _label(row.cells)
    }


@pytest.mark.parametrize("path", BUDGETS, ids=lambda p: p.name[:40])
def test_every_row_label_is_printed_on_its_page_as_read(path: Path) -> None:
    """No label mixes the letters of two rows ("TInOcTreAaL sSeAs"): each is the text of
    its page, or the words of a label wrapped over two lines."""
    pages = _page_texts(path)
    rows = [(row.at.page, _label(row.cells)) for t in _tables(path) for row in t.rows]
    assert rows
    for page, label in rows:
        if not label:
            continue
        words = _folded(label).split()
        assert all(word in pages[(page or 1) - 1] for word in words), (page, label)
        assert any(
            " ".join(words[: n + 1]) in pages[(page or 1) - 1] for n in range(min(3, len(words)))
        ), (page, label)


def test_rows_on_lines_of_their_own_between_two_rules_are_rows_of_their_own() -> None:
    """Between two rules of the 3-year plan, 'TOTAL SAVINGS & INCOME' and 'Increases in
    Grants and Contributions' are two rows, each with its own figures."""
    rows = _rows(PLAN)
    page, total = rows["TOTAL SAVINGS & INCOME"]
    _, grants = rows["Increases in Grants and Contributions"]
    assert page == 1
    assert "-61,527.1 -65.0 -61,592.1" in total
    assert "0.0 -28,965.7 -28,965.7" in grants
    assert all("-28,965.7" not in cell for cell in total)


def test_a_frame_of_column_rules_under_a_short_header_is_read_as_rows() -> None:
    """Page 3 of the 3-year plan (its funding): one tall row under the header, read as a
    row per line with each year's figure, as the page prints it."""
    text = _page_texts(PLAN)[2]
    rows = _rows(PLAN)
    page, levy = rows["Council Tax Adult Social Care Levy"]
    assert page == 3
    assert levy[-3:] == ["155,881.6", "178,359.8", "202,513.0"]
    for figure in levy[-3:]:
        assert figure in text
    _, total = rows["Total Funding"]
    assert total[-1] == "1,680,820.3"
    _, grant = rows["Revenue Support Grant"]
    assert grant[-3:] == ["15,680.3", "16,101.0", "16,448.1"]


def test_one_column_frames_of_figures_with_labels_between_them_are_read_as_rows() -> None:
    """Page 1 of the 4 March budget update rules each year's figures as one column (its
    Core, External and Total not ruled apart) with the row labels printed between the
    frames: each line is a row, its label and both years' figures."""
    update = KENT / "cabinet_2025-03-04__Appendix 1 Cabinet - Budget Update.pdf"
    text = _page_texts(update)[0]
    rows = _rows(update)
    page, spending = rows["TOTAL SPENDING"]
    assert page == 1
    assert spending == [
        "209,578.3 -9,380.7 200,197.6",
        "TOTAL SPENDING",
        "151,171.3 55,028.1 206,199.4",
    ]
    assert "209,578.3 -9,380.7 200,197.6 TOTAL SPENDING 151,171.3 55,028.1 206,199.4" in text
    _, net = rows["NET BUDGET"]
    assert net[-1] == "1,531,279.8 0.0 1,531,279.8"
    [table] = [t for t in _tables(update) if t.rows[0].at.page == 1]
    assert [" ".join(column).strip() for column in zip(*table.header, strict=True)][-1] == (
        "2025-26 Core External Total £000s £000s £000s"
    )
