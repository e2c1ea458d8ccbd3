"""The quote that cites a row of a table of figures: the row as its page prints it.

An answer gives a row's cells under their headers ("Blue Badges — Jan – Mar 24: 10; …"),
which is our layout, not the paper's text: the page prints the row's label and figures in
column order on one line ("Blue Badges 10 12 13 9 41 44"), and that line is what a reader
finds on the page and what a quote must hold. A row whose label sits between its figures
(a label column printed after the first year's figures) is printed with the label where
its column is, as the page has it. When the answer also states a figure of a column's
header ("12m to Dec 23"), the headers follow on a line of their own, so every figure the
answer gives is in the quote it cites. A record of people ("Cabinet Member Dylan Jeffrey;
Corporate Director Amanda Beer") prints its labels beside their values and is quoted so.
"""

from __future__ import annotations

import re

from assistant.answering.compose import row_name
from assistant.answering.evidence import row_sentence
from indexing.model import TableRow, is_unheaded_column

_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def figures(text: str) -> set[str]:
    """The figures in ``text``, thousands separators dropped ("1,944.4" is "1944.4")."""
    return {found.replace(",", "") for found in _FIGURE.findall(text)}


def printed_row(row: TableRow) -> str:
    """The row's cells in column order, one space apart, as its page prints them."""
    return " ".join(" ".join(value.split()) for value in row.cells.values() if value.strip())


def row_quote(row: TableRow, stated: str) -> str:
    """The printed row, with the headers of the cells ``stated`` gives ("header: value",
    the answer's text from this row) on a second line when it gives a figure the printed
    row does not."""
    if row_name(row) != row.label():  # a record of people: labels beside their values
        return row_sentence(row)
    printed = printed_row(row)
    if not printed or figures(stated) <= figures(printed):
        return printed
    flat = " ".join(stated.split())
    headers = [
        " ".join(header.split())
        for header, value in row.cells.items()
        if value.strip()
        and not is_unheaded_column(header)
        and f"{' '.join(header.split())}: {' '.join(value.split())}" in flat
    ]
    return f"{printed}\n{' | '.join(headers)}" if headers else printed
