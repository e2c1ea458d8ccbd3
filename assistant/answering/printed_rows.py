"""A row of a CSV file quoted as the file prints it.

A register or indicator list published as CSV is read into items whose fields are named
by role (likelihood, impact, controls …); a citation that rebuilt the row from those
fields would print them in another order than the file does ("Libel Insurance policy
covers this none 3 1 3" for the file's "4.5,Libel,3,1,3,Insurance policy covers
this,none"). The citation quotes the row the item was read from, in the file's own
order and separators, so a reader who opens the file finds the quote in it. Anything
that cannot be read leaves the quote to the item's fields.
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache
from pathlib import Path

from assistant.answering.quote_page import resolve_file
from assistant.models import Location


def printed_row(location: Location, corpus_dir: Path | None = None) -> str | None:
    """The CSV row at ``location.row`` (counted from 1, the header included) written as
    the file writes it; ``None`` for any other kind of file or a row it does not hold."""
    if location.row is None or not location.path.lower().endswith(".csv"):
        return None
    resolved = resolve_file(location.path, corpus_dir)
    if resolved is None:
        return None
    try:
        rows = _rows(str(resolved), resolved.stat().st_mtime_ns)
    except (OSError, UnicodeDecodeError, csv.Error):
        return None
    if not 1 <= location.row <= len(rows):
        return None
    return rows[location.row - 1] or None


@lru_cache(maxsize=64)
def _rows(path: str, modified: int) -> tuple[str, ...]:
    """Every row of the file, each written back with the file's own quoting of cells
    that hold a comma (``modified`` keys the cache to the file's version)."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        parsed = list(csv.reader(handle))
    out: list[str] = []
    for cells in parsed:
        while cells and not cells[-1].strip():
            cells = cells[:-1]  # the empty cells a spreadsheet leaves at a row's end
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="").writerow(cells)
        out.append(buffer.getvalue())
    return tuple(out)
