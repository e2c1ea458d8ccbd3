"""Shapes of table blocks and rows the table reader treats apart from items: a record
laid on its side (labels down the first column), separator rows, and forms whose
values stand beside their labels or under a row of labels."""

from __future__ import annotations

import re
from itertools import pairwise

from indexing.blocks import Block
from indexing.cell_text import clean_cell
from indexing.model import unheaded_column
from indexing.readers.roles import read_value
from indexing.readers.table_header import Cells
from indexing.readers.vocabulary import column_role, is_label

_SEPARATOR = re.compile(r"^[-=_]{2,}$")


def is_form_label(text: str) -> bool:
    """ "Proposer:", "Amendment Number:": a form's label for the value beside it."""
    return text.endswith(":") and 1 < len(text) <= 50 and "\n" not in text


def label_row(cells: Cells) -> bool:
    """A form's row of labels only ("Proposed Amount | Proposed Funding Source:",
    "Proposed Purpose:"), whose values are in the row below: short cells, no figures, a
    label among them, and no value beside a label."""
    if not cells or not any(is_form_label(t) for _, t, _ in cells):
        return False
    if any(len(t) > 50 or read_value(t).number for _, t, _ in cells):
        return False
    return not any(
        is_form_label(a) and not is_form_label(b) for (_, a, _), (_, b, _) in pairwise(cells)
    )


def is_separator(cells: Cells) -> bool:
    """A row of only rules ("----", "===="): drawn, not read."""
    return bool(cells) and all(_SEPARATOR.match(t) for _, t, _ in cells)


def upright(block: Block) -> Block:
    """A table of labels down its first column and values beside them ("Cabinet Member |
    Dylan Jeffrey", "Corporate Director | Amanda Beer") is one record laid on its side:
    the labels are its header and the values its row. Judged on the cells: every
    first cell is a column label of the vocabulary and no second cell is one."""
    lines = [*block.header, *(r.cells for r in block.rows)]
    if len(lines) < 2 or any(len(line) != 2 for line in lines):
        return block
    keys = [line[0].strip() for line in lines]
    values = [line[1].strip() for line in lines]
    if not all(k and column_role(k) for k in keys) or any(v and is_label(v) for v in values):
        return block
    if not any(values) or not block.rows:
        return block
    row = block.rows[0].model_copy(update={"cells": values})
    return block.model_copy(update={"header": [keys], "rows": [row]})


def form_values(
    cells: list[str],
    labels: dict[int, str],
    above: dict[int, str],
    labels_pending: dict[int, str],
    *,
    form: bool,
) -> dict[str, str]:
    """A row's values by header: in a form, each value under the label beside it
    ("Proposer: | Mike Baldock") or in the row of labels ``above`` it; elsewhere under
    its column's header (``labels``). ``labels_pending`` is this row's own labels when
    it is a row of labels (its values come in the next row)."""
    values: dict[str, str] = {}

    def put(label: str, value: str, i: int) -> None:
        values[label if label not in values else f"{label} ({i + 1})"] = value

    named: str | None = None
    for i, raw in enumerate(cells):
        text = clean_cell(raw)
        if is_form_label(text) and not labels_pending and not above.get(i):
            named = text.rstrip(": ")
            continue
        if named and text:
            put(named, text, i)
            named = None
        elif above.get(i) and text:
            put(above[i], text, i)
        elif text or not form:
            put(labels.get(i) or unheaded_column(i + 1), text, i)
    if named:
        put(named, "", len(cells))
    return values
