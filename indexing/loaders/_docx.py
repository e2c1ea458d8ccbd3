"""DOCX → corpus text, with python-docx: paragraphs and table rows in document order.

A .docx is a zip, so the archive is vetted before python-docx inflates anything: a
small file must not be able to unpack into gigabytes (a zip bomb).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from indexing.loaders._common import (
    Block,
    LoadError,
    brief,
    clean_text,
    join_blocks,
    megabytes,
    row_line,
)

MAX_UNPACKED_BYTES = 200_000_000
MAX_RATIO = 100
"""A part over ``_RATIO_FLOOR`` that inflates more than this many times is refused."""
_RATIO_FLOOR = 1_000_000
_MAIN_PART = "word/document.xml"


def _check_archive(raw: bytes, path: Path) -> None:
    """Refuse what is not a zip with a Word body, or would inflate past the caps.

    The check reads only the declared sizes in the zip directory. They can be trusted
    as an upper bound: Python's zipfile stops inflating a part at its declared size.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            parts = archive.infolist()
    except Exception as err:  # BadZipFile, and OSError/ValueError for mangled directories
        raise LoadError(
            path, "not a valid DOCX (not a zip archive — is it an old .doc renamed, or damaged?)"
        ) from err
    if _MAIN_PART not in {part.filename for part in parts}:
        raise LoadError(path, f"not a valid DOCX (no {_MAIN_PART} — is it a Word document?)")
    total = sum(part.file_size for part in parts)
    if total > MAX_UNPACKED_BYTES:
        raise LoadError(
            path,
            f"would unpack to {megabytes(total)}, over the {megabytes(MAX_UNPACKED_BYTES)} "
            "limit — refused as a possible zip bomb",
        )
    for part in parts:
        ratio = part.file_size // max(part.compress_size, 1)
        if part.file_size > _RATIO_FLOOR and ratio > MAX_RATIO:
            raise LoadError(
                path,
                f"part {part.filename} would inflate {ratio}× (limit {MAX_RATIO}×) "
                "— refused as a possible zip bomb",
            )


def _is_list_item(paragraph: Paragraph) -> bool:
    """A bulleted or numbered paragraph: list style, or numbering on a non-heading."""
    style = paragraph.style.name if paragraph.style is not None else ""
    if style.startswith(("Heading", "Title")):
        return False
    return style.startswith("List") or bool(paragraph._p.xpath("./w:pPr/w:numPr"))


def _paragraph_line(paragraph: Paragraph) -> str:
    """One paragraph on one line; list items get the corpus's "• " bullet."""
    text = clean_text(paragraph.text)
    if text and _is_list_item(paragraph) and not text.startswith("•"):
        return f"• {text}"
    return text


def _cell_text(cell: _Cell) -> str:
    """All paragraphs of a cell (nested tables included) on one line."""
    lines = (_paragraph_line(Paragraph(p, cell)) for p in cell._tc.iter(qn("w:p")))
    return " ".join(line for line in lines if line)


def _table_rows(table: Table) -> Block:
    """Each row as TAB-joined cells; a merged cell, which python-docx repeats, once."""
    rows: Block = []
    for row in table.rows:
        cells: list[_Cell] = []
        for cell in row.cells:
            if not cells or cells[-1]._tc is not cell._tc:
                cells.append(cell)
        rows.append(row_line([_cell_text(cell) for cell in cells]))
    return rows


def _body_blocks(document: Document) -> list[Block]:
    """The body in document order: a table or a run of list items is one block."""
    blocks: list[Block] = []
    in_list = False
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            blocks.append(_table_rows(item))
            in_list = False
            continue
        line = _paragraph_line(item)
        if not line:
            continue
        is_item = line.startswith("• ")
        if is_item and in_list:
            blocks[-1].append(line)
        else:
            blocks.append([line])
        in_list = is_item
    return blocks


def load_docx(raw: bytes, path: Path) -> str:
    """A Word document's text, tables as TAB-separated rows."""
    _check_archive(raw, path)
    try:
        blocks = _body_blocks(docx.Document(io.BytesIO(raw)))
    except Exception as err:  # python-docx/lxml raise KeyError, ValueError, XMLSyntaxError…
        raise LoadError(path, f"not a valid DOCX ({brief(err)})") from err
    return join_blocks(blocks)
