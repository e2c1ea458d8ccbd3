"""Spreadsheets → one table block per sheet: CSV (``csv`` module) and XLSX (openpyxl).

Every row carries its sheet and row number, so a citation can send the reader to the
cell. The header is the first non-empty row (a spreadsheet's column labels); a second
row is a header row too when the first has gaps the second fills under them (a label
spanning "Q1 | Q2" columns). CSV text may be UTF-8 (with or without a BOM) or Windows
cp1252, its delimiter sniffed. XLSX is read in openpyxl's read-only, values-only mode,
after ``_zip_limits`` vets the archive; cells and rows are capped while reading.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from indexing.blocks import Block, Row, Span
from indexing.loaders._common import LoadError, brief, make_row, table_block
from indexing.loaders._zip_limits import check_archive, count_tags

MAX_CELLS = 200_000
"""Cells one workbook may hold; read-only openpyxl reads some 20,000-50,000 a second, so
this bounds a workbook to seconds. Counted in the sheets' XML before openpyxl reads them."""
MAX_ROWS = 50_000
"""Rows of all sheets together: each can become a node to embed."""
_DELIMITERS = ",;\t|"


def _rows_limit(path: Path, rows: int, cells: int) -> None:
    if rows > MAX_ROWS:
        raise LoadError(
            path, f"has more than {MAX_ROWS:,} rows (row limit) — split it into smaller files"
        )
    if cells > MAX_CELLS:
        raise LoadError(
            path,
            f"has more than {MAX_CELLS:,} cells (cell limit) — split it into smaller files",
        )


def _header_split(rows: list[Row]) -> tuple[list[Row], list[Row]]:
    """The first row, and the second as well when it fills labels under the first's gaps."""
    if len(rows) < 2:
        return [], rows
    first, second = rows[0].cells, rows[1].cells
    gaps = [i for i, cell in enumerate(first) if not cell]
    filled_under_gaps = gaps and any(i < len(second) and second[i] for i in gaps)

    def numeric(cell: str) -> bool:
        return cell.replace(",", "").replace(".", "").strip("-%£$€ ").isdigit()

    if filled_under_gaps and len(rows) > 2 and not any(numeric(c) for c in second if c):
        return rows[:2], rows[2:]
    return rows[:1], rows[1:]


def _sheet_table(values: Iterable[tuple[int, list[str]]], sheet: str | None) -> Block | None:
    rows = [make_row(cells, Span(sheet=sheet, row=n)) for n, cells in values]
    rows = [row for row in rows if any(row.cells)]
    if not rows:
        return None
    width = max(len(row.cells) for row in rows)
    while width and not any(len(r.cells) >= width and r.cells[width - 1] for r in rows):
        width -= 1  # trailing empty columns (a stray delimiter at each line end)
    for row in rows:
        row.cells = (row.cells + [""] * width)[:width]
    header, body = _header_split(rows)
    return table_block(header, body, at=Span(sheet=sheet, row=rows[0].at.row))


def _decode(raw: bytes, path: Path) -> str:
    if b"\x00" in raw:
        raise LoadError(path, "contains binary data (NUL bytes) — is it really a CSV file?")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise LoadError(path, "is neither UTF-8 nor Windows-1252 text — re-save it as UTF-8 CSV")


def load_csv(raw: bytes, path: Path) -> list[Block]:
    """A CSV file as one table; the sheet is the file's name without its suffix."""
    text = _decode(raw, path)
    try:
        dialect: Any = csv.Sniffer().sniff(text[:64_000], delimiters=_DELIMITERS)
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    values: list[tuple[int, list[str]]] = []
    cells = 0
    try:
        for row in reader:
            cells += len(row)
            values.append((reader.line_num, row))
            _rows_limit(path, len(values), cells)
    except csv.Error as err:
        raise LoadError(
            path, f"is not readable CSV (line {reader.line_num}: {brief(err)})"
        ) from err
    table = _sheet_table(values, path.stem)
    return [table] if table is not None else []


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _sheet_rows(sheet: Any, path: Path, counts: list[int]) -> Iterator[tuple[int, list[str]]]:
    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        counts[0] += 1
        counts[1] += len(row)
        _rows_limit(path, counts[0], counts[1])
        yield number, [_cell(value) for value in row]


_SHEETS = ("xl/worksheets/", "xl/sharedStrings")


def _count_rows_and_cells(raw: bytes, path: Path) -> None:
    """Rows and cells of every sheet, counted in its XML before openpyxl reads any."""
    rows = cells = 0
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        for name in archive.namelist():
            if name.startswith(_SHEETS[0]) and name.endswith(".xml"):
                _, r, c = count_tags(archive, name, path, "XLSX", (b"<row", b"<c"))
                rows, cells = rows + r, cells + c
    _rows_limit(path, rows, cells)


def load_xlsx(raw: bytes, path: Path) -> list[Block]:
    """Every sheet of a workbook as a table, in the workbook's order."""
    import openpyxl  # imported here: a second or so of import, needed only for workbooks

    check_archive(
        raw,
        path,
        main_part="xl/workbook.xml",
        kind="XLSX",
        hint="is it an old .xls workbook? Save it as .xlsx",
        what="an Excel workbook",
        counted=_SHEETS,
    )
    _count_rows_and_cells(raw, path)
    blocks: list[Block] = []
    counts = [0, 0]
    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        try:
            for sheet in book.worksheets:
                table = _sheet_table(_sheet_rows(sheet, path, counts), sheet.title)
                if table is not None:
                    blocks.append(table)
        finally:
            book.close()
    except LoadError:
        raise
    except Exception as err:  # openpyxl raises KeyError, ValueError, zipfile errors, lxml…
        raise LoadError(path, f"not a valid XLSX ({brief(err)})") from err
    return blocks
