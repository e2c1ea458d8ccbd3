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
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from docx.table import Table, _Cell

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


class _Styles:
    """Paragraph style names by style id, read once: python-docx looks a paragraph's style
    up by scanning every style in the document, milliseconds per paragraph."""

    def __init__(self, document: Document) -> None:
        self.names = {style.style_id: style.name or "" for style in document.styles}
        default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        self.default = default.name if default is not None else ""

    def name(self, p: CT_P) -> str:
        style_id = p.style
        return self.names.get(style_id, self.default) if style_id else self.default


def _is_list_item(p: CT_P, style: str) -> bool:
    """A bulleted or numbered paragraph: list style, or numbering on a non-heading."""
    if style.startswith(("Heading", "Title")):
        return False
    return style.startswith("List") or (p.pPr is not None and p.pPr.numPr is not None)


_T, _TAB, _BR, _CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")


def _text(p: CT_P) -> str:
    """A paragraph's text (runs, hyperlinks, tabs and breaks as spaces), read straight off
    the XML: python-docx compiles an XPath per paragraph for the same."""
    return "".join((el.text or "") if el.tag == _T else " " for el in p.iter(_T, _TAB, _BR, _CR))


def _paragraph_block(p: CT_P, styles: _Styles) -> Block | None:
    style = styles.name(p)
    text = _text(p)
    if style == "Title":
        return text_block(BlockKind.heading, text, level=1)
    match = _HEADING.match(style)
    if match:
        return text_block(BlockKind.heading, text, level=int(match.group(1)))
    kind = BlockKind.list_item if _is_list_item(p, style) else BlockKind.paragraph
    return text_block(kind, text)


def _cell_text(cell: _Cell, styles: _Styles) -> str:
    """All paragraphs of a cell (nested tables included) on one line, list items as "• "."""
    parts: list[str] = []
    for p in cell._tc.iter(qn("w:p")):
        text = clean_text(_text(p))
        if text:
            listed = _is_list_item(p, styles.name(p))
            parts.append(f"• {text}" if listed and parts else text)
    return " ".join(parts)


def _table_block(table: Table, styles: _Styles) -> Block | None:
    """Rows of cells, a merged cell (which python-docx repeats) once; header rows marked
    to repeat, else the first when it reads as labels."""
    rows: list[Row] = []
    marked = 0
    for index, row in enumerate(table.rows):
        cells: list[_Cell] = []
        for cell in row.cells:
            if not cells or cells[-1]._tc is not cell._tc:
                cells.append(cell)
        rows.append(make_row([_cell_text(cell, styles) for cell in cells]))
        tr_pr = row._tr.trPr
        if marked == index and tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None:
            marked += 1
    header, body = split_header(rows, marked)
    return table_block(header, body)


def _body_blocks(document: Document) -> list[Block]:
    """The body in document order."""
    styles = _Styles(document)
    blocks: list[Block] = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:tbl"):
            block = _table_block(Table(element, document), styles)
        elif element.tag == qn("w:p"):
            block = _paragraph_block(element, styles)
        else:
            continue
        if block is not None:
            blocks.append(block)
    return blocks


def load_docx(raw: bytes, path: Path) -> list[Block]:
    """A Word document's blocks."""
    check_archive(
        raw,
        path,
        main_part=_MAIN_PART,
        kind="DOCX",
        hint="is it an old .doc renamed, or damaged?",
        what="a Word document",
    )
    try:
        return _body_blocks(docx.Document(io.BytesIO(raw)))
    except Exception as err:  # python-docx/lxml raise KeyError, ValueError, XMLSyntaxError…
        raise LoadError(path, f"not a valid DOCX ({brief(err)})") from err
