"""A ruled table whose rows are not ruled: one tall body row, split by its text lines.

Budget appendices often draw a frame with column rules only: the table finder then sees
one header row and one body row whose every cell holds a whole column of figures, and
the row labels (and a totals column) printed left of the frame are read as text beside
it. Here such a row is cut into one row per visual line across the table, and the text
beside the frame on the same lines becomes the row's first cells: its label, and the
figures printed between the label and the frame. Leading lines with no figure (units,
sub-headings such as "Core | External | Total", the label column's own header) join the
header. A line beside the frame that runs into the figures' column is prose (a footnote
set among the rows), not a label, and is left to be read as text.

Such a frame under a short header (a page of funding lines: one header row, one tall
body row) looks to the card test like a box of a few merged cells; a frame this cuts
into rows is a table all the same. A ruled row holding two lines that each carry
figures ("TOTAL SAVINGS & INCOME" over "Increases in Grants", no rule between) is two
rows, and a line's words are taken a visual line at a time, so the letters of two
lines are never interleaved by their x positions. A frame of one column whose lines
each hold several figures (a year's Core, External and Total not ruled apart), with the
row labels printed left of it, is cut the same way; one with no labels beside it (the
first year's figures, labels to their right) is left to the frame beside the labels.
"""

from __future__ import annotations

import re
import statistics
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pdfplumber.table import Table

MIN_LINES = 4
"""Visual lines a body cell must hold, in at least two cells, to be read as rows; and
at least half the row's lines must hold figures in two or more columns (tall cells of
wrapped prose, a date column beside them, are one row)."""
_FIGURE = re.compile(r"^[-–(]?[£$€]?\d[\d,]*(?:\.\d+)?\)?%?$")

Chars = list[dict[str, Any]]


def _bands(chars: Chars) -> list[Chars]:
    """Characters grouped into visual lines by their vertical centre."""
    if not chars:
        return []
    height = statistics.median(c["bottom"] - c["top"] for c in chars) or 1.0
    bands: list[Chars] = []
    centre = None
    for char in sorted(chars, key=lambda c: c["cy"]):
        if centre is None or char["cy"] - centre > 0.5 * height:
            bands.append([])
        bands[-1].append(char)
        centre = statistics.fmean(c["cy"] for c in bands[-1])
    return bands


def _words(chars: Chars) -> list[Chars]:
    """Characters left to right, cut into words at spaces and wide gaps; characters of
    two visual lines taken a line at a time, never interleaved."""
    words: list[Chars] = [[]]
    ordered = [c for band in _bands(chars) for c in sorted(band, key=lambda c: c["x0"])]
    for char in ordered:
        if char["text"].isspace():
            words.append([])
            continue
        last = words[-1][-1] if words[-1] else None
        if last is not None and char["x0"] - last["x1"] > 0.3 * (char["size"] or 1.0):
            words.append([])
        words[-1].append(char)
    return [w for w in words if w]


def _text(chars: Chars) -> str:
    """A cell's text: its lines top to bottom, each left to right."""
    return " ".join(
        "".join(c["text"] for c in word) for band in _bands(chars) for word in _words(band)
    )


def _is_figure(text: str) -> bool:
    """An amount or count; a bare year ("2021") is a date, not a figure."""
    return bool(_FIGURE.match(text)) and not re.fullmatch(r"(?:19|20)\d\d", text)


def _has_figure(chars: Chars) -> bool:
    return any(_is_figure("".join(c["text"] for c in w)) for w in _words(chars))


def _single(table: Table) -> bool:
    """A frame of one column: every row one cell."""
    return all(sum(1 for cell in row.cells if cell is not None) == 1 for row in table.rows)


def _figure_cells(band: Chars, table: Table) -> int:
    """How many of the table's columns hold a figure on this line; in a frame of one
    column, how many figures the line holds (sub-columns the frame does not rule)."""
    if _single(table):
        return sum(1 for w in _words(band) if _is_figure("".join(c["text"] for c in w)))
    return sum(
        1
        for x0, x1 in {(cell[0], cell[2]) for row in table.rows for cell in row.cells if cell}
        if _has_figure([c for c in band if x0 <= c["cx"] <= x1])
    )


def _figures_start(chars: Chars) -> float | None:
    """Where the run of figures that ends the line starts (x), or None if it has none."""
    words = _words(chars)
    start = None
    for word in reversed(words):
        if not _is_figure("".join(c["text"] for c in word)):
            break
        start = word[0]["x0"]
    return start


def _tall_rows(table: Table, chars: Chars) -> list[int]:
    """Rows whose cells, two or more of them (or the one cell of a one-column frame),
    each hold several aligned lines."""
    tall = []
    for index, row in enumerate(table.rows):
        _, top, _, bottom = row.bbox
        in_row = [c for c in chars if top <= c["cy"] <= bottom]
        full = 0
        for cell in row.cells:
            if cell is None:
                continue
            x0, _, x1, _ = cell
            if len(_bands([c for c in in_row if x0 <= c["cx"] <= x1])) >= MIN_LINES:
                full += 1
        if full >= 2 or (full == 1 and _single(table)):
            tall.append(index)
    return tall


def _label_only(band: Chars, inside: set[int]) -> bool:
    """A line with text beside the frame only, and no figure."""
    return not any(id(c) in inside for c in band) and not _has_figure(band)


def _is_prose(band: Chars, lines: list[Chars], inside: set[int], boundary: float) -> bool:
    """A line beside the frame that is prose, not a row label: it runs into the figures'
    column, or it is one of two or more such lines in a row (a footnote's lines) and not
    the last of them before a row of figures (a section label set under the footnote)."""
    if not band or not _label_only(band, inside):
        return False
    if max(c["x1"] for c in band) > boundary:
        return True
    at = next(i for i, line in enumerate(lines) if line is band)
    before = at > 0 and _label_only(lines[at - 1], inside)
    after = at + 1 < len(lines) and _label_only(lines[at + 1], inside)
    return after or (before and at + 1 == len(lines))


def _runs(chars: Chars) -> tuple[list[Chars], list[Chars], list[Chars]]:
    """A line beside the frame as its words: (figures before its label, label, figures
    after it)."""
    words = _words(chars)
    figure = [_is_figure("".join(c["text"] for c in w)) for w in words]
    if all(figure):
        return [], [], words
    first = figure.index(False)
    last = len(figure) - 1 - figure[::-1].index(False)
    return words[:first], words[first : last + 1], words[last + 1 :]


def _joined(words: list[Chars]) -> str:
    return " ".join("".join(c["text"] for c in word) for word in words)


Extent = tuple[float, float] | None


def _placed(
    own: Chars, boundary: float, extents: tuple[Extent, Extent] | None
) -> tuple[list[Chars], list[Chars], list[Chars]]:
    """A line beside the frame cut into its three columns. A line with figures is cut
    where its figures start and end; a line without (a column's heading, "Core External
    Total" over the totals) by where the figure columns lie on the lines that have them."""
    if extents is None or _has_figure(own):
        lead, label, trail = _runs(own)
        if not label and trail and trail[0][0]["x0"] < boundary - 1:
            lead, trail = trail, []
        return lead, label, trail
    parts: tuple[list[Chars], list[Chars], list[Chars]] = ([], [], [])
    for word in _words(own):
        middle = (word[0]["x0"] + word[-1]["x1"]) / 2
        at = next(
            (
                i
                for i, ext in ((0, extents[0]), (2, extents[1]))
                if ext and ext[0] <= middle <= ext[1]
            ),
            1,
        )
        parts[at].append(word)
    return parts


def _extents(cut: list[tuple[list[Chars], list[Chars], list[Chars]]]) -> tuple[Extent, Extent]:
    """Where the figures before and after the labels lie across the page (x from, to)."""

    def extent(words: list[Chars]) -> Extent:
        if not words:
            return None
        return min(w[0]["x0"] for w in words), max(w[-1]["x1"] for w in words)

    return (
        extent([w for lead, _, _ in cut for w in lead]),
        extent([w for _, _, trail in cut for w in trail]),
    )


_CONTINUED = re.compile(r"(?:\b(?:and|or|of|for|the|to|in)|[,&(/-])$", re.I)


def _continues(previous: list[str], cells: list[str]) -> bool:
    """A line with no figure that carries on the row above: a label wrapped onto a
    second line ("… Sustainability and" / "Improvement Fund")."""
    label = next((cell for cell in cells if cell), "")
    above = " ".join(cell for cell in previous if cell)
    return bool(label) and (
        label[:1].islower()
        or label[:1] == "("
        or bool(_CONTINUED.search(above))
        or above.count("(") > above.count(")")
    )


def split_unruled(
    table: Table, chars: Chars, beside: Chars
) -> tuple[list[list[str]], int, set[int]] | None:
    """The table's rows with its tall rows cut by lines, its header count, and the ids of
    the characters beside the frame it took in; None when no row needs cutting.

    ``chars``: the characters inside the frame; ``beside``: the page's characters, of
    which those left of this frame on its rows' lines are read as its first cells.
    """
    tall = set(_tall_rows(table, chars))
    if not tall:
        return None
    spans = [(row.bbox[1], row.bbox[3]) for row in table.rows]
    in_tall = [c for c in chars if any(spans[i][0] <= c["cy"] <= spans[i][1] for i in tall)]
    own_lines = _bands(in_tall)
    if sum(1 for band in own_lines if _figure_cells(band, table) >= 2) < 0.5 * len(own_lines):
        return None  # wrapped prose in tall cells (a date beside it), not columns of figures
    x_left, top, _, bottom = table.bbox
    inside = {id(c) for c in chars}
    left = [
        c for c in beside if id(c) not in inside and c["cx"] < x_left and top <= c["cy"] <= bottom
    ]
    lines: list[tuple[Chars, Any]] = []
    for index, row in enumerate(table.rows):
        a, b = spans[index]
        here = [c for c in chars + left if a <= c["cy"] <= b]
        split = index in tall or _figures_each_line(_bands(here), inside)
        lines += [(band, row) for band in (_bands(here) if split else [here])]
    beside_of = [[c for c in band if id(c) not in inside] for band, _ in lines]
    if _single(table) and 2 * sum(1 for own in beside_of if _runs(own)[1]) < len(lines):
        return None  # one column of figures with no labels left of it: not rows to cut
    trailing = [x for own in beside_of if _runs(own)[1] and (x := _figures_start(own))]
    boundary = min(trailing) if trailing else x_left
    bands = [band for band, _ in lines]
    extents = _extents([_placed(own, boundary, None) for own in beside_of if _has_figure(own)])
    used: set[int] = set()
    entries: list[tuple[list[str], bool]] = []
    for (band, row), own in zip(lines, beside_of, strict=True):
        if _is_prose(band, bands, inside, boundary):
            continue  # a line of prose beside the frame: read as text
        lead, label, trail = _placed(own, boundary, extents)
        cells = [_joined(lead), _joined(label), _joined(trail)] + [
            _text([c for c in band if id(c) in inside and cell[0] <= c["cx"] <= cell[2]])
            if cell is not None
            else ""
            for cell in row.cells
        ]
        used.update(id(c) for c in own)
        entries.append((cells, _has_figure(band)))
    header_count = _header_lines(entries)
    table_rows = [cells for cells, _ in entries[:header_count]]
    for cells, figures in entries[header_count:]:
        if not figures and len(table_rows) > header_count and _continues(table_rows[-1], cells):
            table_rows[-1] = [
                f"{a} {b}".strip() for a, b in zip(table_rows[-1], cells, strict=True)
            ]
            continue
        table_rows.append(cells)
    if header_count == len(table_rows):
        return None
    keep = [i for i in range(len(table_rows[0])) if i >= 3 or any(r[i] for r in table_rows)]
    return [[r[i] for i in keep] for r in table_rows], header_count, used


def _figures_each_line(bands: list[Chars], inside: set[int]) -> bool:
    """Two or more lines in one ruled row, each with figures inside the frame: rows of
    figures the rules did not separate ("TOTAL SAVINGS & INCOME" over "Increases in
    Grants"), each a row of its own."""
    return len(bands) > 1 and all(
        _has_figure([c for c in band if id(c) in inside]) for band in bands
    )


def _header_lines(entries: list[tuple[list[str], bool]]) -> int:
    """How many leading lines are the header: lines without figures across two or more
    columns ("2025-26", "Core External Total", "£000s") or over them all (the first line),
    and a one-cell line (the label
    column's own heading) only when it follows them straight before the first row of
    figures; a one-cell line elsewhere ("MEMORANDUM:", a note) is a row of the body."""
    count = 0
    for index, (cells, figures) in enumerate(entries):
        if figures:
            break
        filled = sum(1 for cell in cells if cell)
        if filled >= 2 or (filled == 1 and index == 0):
            count += 1  # a heading across the columns, or a caption over them all
            continue
        if filled == 1 and index + 1 < len(entries) and entries[index + 1][1]:
            count += 1
        break
    return count
