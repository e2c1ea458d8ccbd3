"""The table reader on the real budget papers: each row's figures under their columns.

Checked against the papers' own text (PDFium's page text): a table whose header is
printed in plain type over columns of figures (the 4 March covering report's "Estimate
included in County Council papers | Updated figures for Cabinet | Increase") gives its
rows under those headers, and a table of rating counts ("GREEN | AMBER | RED") is read
as before, its KPIs counted once.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pypdfium2 as pdfium

from indexing.loaders import load_file
from indexing.model import DocumentMeta, PlanDocument
from indexing.readers import read_document

KENT = Path(__file__).resolve().parents[1] / "evals" / "corpus-real" / "kent"
LATE_CHANGES = KENT / "cabinet_2025-03-04__Cabinet Report 4 March 2025.pdf"
QPR = KENT / "cabinet_2025-03-04__QPR Q3 Cabinet appendix 1.pdf"


@cache
def _read(path: Path) -> PlanDocument:
    loaded = load_file(path)
    return read_document(
        list(loaded.blocks),
        DocumentMeta(file=path.name, title=path.stem),
        doc_id=path.stem,
        source=path.name,
        sha256=loaded.sha256,
    )


def _page(path: Path, number: int) -> str:
    document = pdfium.PdfDocument(path)
    try:
        return " ".join(document[number - 1].get_textpage().get_text_range().split())
    finally:
        document.close()


def test_a_header_in_plain_type_over_figures_heads_its_columns() -> None:
    rows = {row.label(): row for row in _read(LATE_CHANGES).tables}
    share = rows["% increase from 2024-25"]
    updated = next(h for h in share.cells if h.startswith("Updated figures for Cabinet"))
    estimate = next(h for h in share.cells if h.startswith("Estimate included"))
    assert share.cells[updated] == "1.89%" and share.cells[estimate] == "1.87%"
    assert rows["Retained business rates - baseline & local share"].cells[updated] == "69,097.6"
    text = _page(LATE_CHANGES, 2)
    assert "1.87% 1.89%" in text and "67,238.1 69,097.6" in text
    assert not any(label.startswith("Estimate included") for label in rows)


def test_counts_of_ratings_stay_counts_and_add_no_kpi() -> None:
    doc = _read(QPR)
    assert doc.items_by_kind() == {"kpi": 38}
