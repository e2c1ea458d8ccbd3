"""Columns the PDF's table finder merged into one, split back apart.

A budget book prints a spanning header over sub-columns ("2025-26" over "Core |
External | Total", each in "£000s"). When the rules between the sub-columns are not
drawn, the table finder reads them as one column: its header is "2025-26 Core External
Total £000s £000s £000s" and each cell "1,428,670.2 836.6 1,429,506.8". A question for
the external figure, or the total, then has no column to name. The header itself shows
the merge: k sub-headings followed by the same unit k times. When a cell holds exactly
k figures, the column is split into "2025-26 Core £000s", "2025-26 External £000s" and
"2025-26 Total £000s"; a cell with another count of figures (one left blank) is kept
whole rather than guessed.
"""

from __future__ import annotations

import re

_UNIT = re.compile(r"^\(?(?:[£$€]\s?'?0{3}s?|[£$€]'?(?:k|m|bn)|%|£?000s|'000s?)\)?$", re.IGNORECASE)
_FIGURE = re.compile(r"^\(?-?[£$€]?-?\d[\d,]*(?:\.\d+)?[%km]?\)?$|^-$")
_WORD = re.compile(r"^[A-Za-z][A-Za-z&/'.-]*$")


def sub_headers(header: str) -> list[str] | None:
    """The headers of the sub-columns merged under ``header``: "2025-26 Core External
    Total £000s £000s £000s" → ["2025-26 Core £000s", "2025-26 External £000s",
    "2025-26 Total £000s"]; None when the header is one column's."""
    words = header.split()
    units = 0
    while units < len(words) and _UNIT.match(words[-1 - units]):
        units += 1
    if units < 2:
        return None
    body = words[:-units]
    if len(body) < units or not all(_WORD.match(w) for w in body[-units:]):
        return None
    span = " ".join(body[:-units])
    return [
        " ".join(p for p in (span, sub, unit) if p)
        for sub, unit in zip(body[-units:], words[-units:], strict=True)
    ]


def split_merged(values: dict[str, str]) -> dict[str, str]:
    """A row's cells by header with each merged column split into its sub-columns, the
    k figures of its cell given one each; cells of other columns as they were."""
    out: dict[str, str] = {}
    for header, value in values.items():
        subs = sub_headers(header)
        figures = value.split()
        if subs and not figures:
            out.update({sub: "" for sub in subs if sub not in values})
        elif (
            subs
            and len(figures) == len(subs)
            and all(_FIGURE.match(f) for f in figures)
            and not any(sub in values for sub in subs)
        ):
            out.update(zip(subs, figures, strict=True))
        else:
            out[header] = value
    return out
