"""The service or directorate a KPI card belongs to, when its own heading only says
"Key Performance Indicators".

A performance report prints each service's part under the service's heading ("Adult
Social Care", with its cabinet member and director), then the part's cards under a
sub-heading that names nothing but indicators ("Key Performance Indicators"). A card
whose section is that sub-heading says nothing of what it measures for: the heading one
level up does. Such a card's item keeps the service's heading as its ``service`` field, so a
question that names the service ("adult social care direct payments") finds the card
and a list of KPIs can be counted by service. (The item's section stays the heading it
is printed under: the section's people lines are found by it.)

Heading levels come from the loader; where it could not tell them (level 0) the card
keeps the heading it has, as nothing says which heading is the part's.
"""

from __future__ import annotations

import re

from indexing.blocks import Block, BlockKind

_GENERIC = re.compile(
    r"^\s*(?:(?:key|our|main|headline|corporate|service)\s+)*(?:performance\s+)?"
    r"(?:indicators?|kpis?|pis?|measures?|performance|scorecard)(?:\s+summary)?\s*:?\s*$",
    re.IGNORECASE,
)
"""A heading that names indicators and nothing else ("Key Performance Indicators")."""


def generic_heading(text: str) -> bool:
    return bool(_GENERIC.match(text or ""))


def service_heading(blocks: list[Block], at: int) -> str | None:
    """The heading of the part holding block ``at`` when its nearest heading names only
    indicators: the nearest heading above of a higher rank (a lower level number)."""
    own = next(
        (
            blocks[i]
            for i in range(min(at, len(blocks) - 1), -1, -1)
            if blocks[i].kind is BlockKind.heading
        ),
        None,
    )
    if own is None or not generic_heading(own.text) or own.level <= 0:
        return None
    for i in range(at, -1, -1):
        block = blocks[i]
        if block.kind is not BlockKind.heading or not 0 < block.level < own.level:
            continue
        text = block.text.strip()
        return None if generic_heading(text) or not text else text
    return None
