"""Citation markers: the one grammar of ``[n]`` that answers, drafts, the claim check and evals read.

A marker is one to three digits in square brackets, several joined by commas, semicolons or a
range (``[1]``, ``[1, 3]``, ``[4–6]``, ``[2 to 3]``). Document text that holds something of this
shape is neutralised before it is quoted (``assistant.text.one_line``), so only our own markers
ever read as one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

_NUMBERS = r"\d{1,3}(?:\s*(?:,|;|–|—|-|to)\s*\d{1,3})*"
MARKER = re.compile(rf"\[\s*({_NUMBERS})\s*\]")
"""One marker; group 1 holds its numbers."""
MARKER_RUN = re.compile(rf"(?:\s*\[\s*{_NUMBERS}\s*\])+")
"""Markers side by side with the space before them (``" [1][3]"``)."""


def parse_markers(text: str) -> list[int]:
    """``"… [1][3], [4–6]"`` → ``[1, 3, 4, 5, 6]`` (in order, without repeats)."""
    found: list[int] = []
    for match in MARKER.finditer(text):
        for part in re.split(r"\s*(?:,|;)\s*", match.group(1)):
            bounds = re.split(r"\s*(?:–|—|-|to)\s*", part)
            numbers: Sequence[int]
            if len(bounds) == 2 and int(bounds[0]) <= int(bounds[1]) <= int(bounds[0]) + 50:
                numbers = range(int(bounds[0]), int(bounds[1]) + 1)
            else:
                numbers = [int(b) for b in bounds]
            found += [n for n in numbers if n not in found]
    return found


def strip_markers(text: str) -> str:
    """``text`` without its markers (and without the space they left before punctuation)."""
    return re.sub(r"\s+([.,;:!?])", r"\1", MARKER_RUN.sub("", text)).strip()


class Renumbering(Protocol):
    """What ``renumber`` reads: a marker's new number, or ``default`` when it keeps its own
    (a ``dict[int, int]``, or a mapping that registers a source as it is asked for it)."""

    def get(self, n: int, default: int, /) -> int: ...


def renumber(text: str, mapping: Renumbering) -> str:
    """Rewrite markers through ``mapping`` (e.g. an answer's [1] → a draft's [4])."""

    def swap(match: re.Match[str]) -> str:
        return "".join(f"[{mapping.get(n, n)}]" for n in parse_markers(match.group(0)))

    return MARKER.sub(swap, text)


def marker(numbers: list[int]) -> str:
    """``[1]``, ``[1][3]``, or ``[4–9]`` for a run."""
    numbers = sorted(set(numbers))
    if len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"[{numbers[0]}–{numbers[-1]}]"
    return "".join(f"[{n}]" for n in numbers)
