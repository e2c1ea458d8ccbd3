"""DOCX → blocks, with python-docx: headings, paragraphs, list items and tables in order.

Headings come from the paragraph style ("Heading 2" is level 2, "Title" level 1), list
items from list styles or numbering; a table's header rows are those marked to repeat
on each page (``w:tblHeader``), else its first row when it reads as labels. A .docx is a
zip, so ``_zip_limits`` vets the archive before python-docx inflates anything.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from indexing.blocks import Block, BlockKind, Row
from indexing.loaders._common import (
    LoadError,
    brief,
    clean_text,
    make_row,
    split_header,
    table_block,
    text_block,
)
from indexing.loaders._zip_limits import check_archive

_MAIN_PART = "word/document.xml"
_HEADING = re.compile(r"^Heading (\d)$")



def _is_list_item(paragraph: Paragraph) -> bool:
    """A bulleted or numbered paragraph: list style, or numbering on a non-heading."""
    style = paragraph.style.name if paragraph.style is not None else ""
    if style.startswith(("Heading", "Title")):
        return False
    return style.startswith("List") or bool(paragraph._p.xpath("./w:pPr/w:numPr"))


def _paragraph_block(paragraph: Paragraph) -> Block | None:
    style = paragraph.style.name if paragraph.style is not None else ""
    if style == "Title":
        return text_block(BlockKind.heading, paragraph.text, level=1)
    match = _HEADING.match(style)
    if match:
        return text_block(BlockKind.heading, paragraph.text, level=int(match.group(1)))
    kind = BlockKind.list_item if _is_list_item(paragraph) else BlockKind.paragraph
    return text_block(kind, paragraph.text)


def _cell_text(cell: _Cell) -> str:
    """All paragraphs of a cell (nested tables included) on one line, list items as "• "."""
    parts = []
    for p in cell._tc.iter(qn("w:p")):
        paragraph = Paragraph(p, cell)
        text = clean_text(paragraph.text)
        if text:
            parts.append(f"• {text}" if _is_list_item(paragraph) and parts else text)
    return " ".join(parts)


def _table_block(table: Table) -> Block | None:
    """Rows of cells, a merged cell (which python-docx repeats) once; header rows marked
    to repeat, else the first when it reads as labels."""
    rows: list[Row] = []
    marked = 0
    for index, row in enumerate(table.rows):
        cells: list[_Cell] = []
        for cell in row.cells:
            if not cells or cells[-1]._tc is not cell._tc:
                cells.append(cell)
        rows.append(make_row([_cell_text(cell) for cell in cells]))
        if marked == index and row._tr.xpath("./w:trPr/w:tblHeader"):
            marked += 1
    header, body = split_header(rows, marked)
    return table_block(header, body)


def _body_blocks(document: Document) -> list[Block]:
    """The body in document order."""
    blocks: list[Block] = []
    for item in document.iter_inner_content():
        block = _table_block(item) if isinstance(item, Table) else _paragraph_block(item)
        if block is not None:
            blocks.append(block)
    return blocks


def load_docx(raw: bytes, path: Path) -> list[Block]:
    """A Word document's blocks."""
    check_archive(raw, path, main_part=_MAIN_PART, kind="DOCX",
                  hint="is it an old .doc renamed, or damaged?", what="a Word document")
    try:
        return _body_blocks(docx.Document(io.BytesIO(raw)))
    except Exception as err:  # python-docx/lxml raise KeyError, ValueError, XMLSyntaxError…
        raise LoadError(path, f"not a valid DOCX ({brief(err)})") from err
