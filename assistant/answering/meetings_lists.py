"""The sentence that introduces a list, read with each of its entries.

A paper often states a scale as a list under a lead-in: "… based on the following
assessed levels." then "• Below 3% considered dangerous", "• 3% to 5% considered too
risky". Each entry alone holds only part of what it is about (the entry says
"dangerous", the lead-in says which levels of what), so a question asking "what level of
general reserves is dangerous?" matches the lead-in's words and the entry's. Here an
entry is given the lead-in of its list: the last sentence of the passage before it, when
that passage ends by introducing what follows and the entry's passage opens with a
bullet.
"""

from __future__ import annotations

import re

from assistant.answering.evidence import sentences
from assistant.models import PlanDocument
from indexing.store import StoredNode

_LEAD_IN = re.compile(
    r"(?:\bthe following\b[^.:;]*|\bas follows|\bbelow|\bincluding)\s*[.:]?\s*$|:\s*$", re.I
)
_BULLET = re.compile(r"^\s*(?:[•\-*▪●◦]|\(?[a-z0-9]{1,3}[.)])\s+", re.I)


def lead_in(node: StoredNode, document: PlanDocument | None) -> str:
    """The sentence introducing the list the node's passage opens with, or ``""``."""
    if document is None or node.is_item or node.is_row or not _BULLET.match(node.passage().text):
        return ""
    ids = [p.id for p in document.passages]
    if node.id not in ids or ids.index(node.id) == 0:
        return ""
    before = document.passages[ids.index(node.id) - 1]
    parts = [s.strip() for s in sentences(before.text) if s.strip()]
    last = parts[-1] if parts else ""
    return last if len(last.split()) >= 4 and _LEAD_IN.search(last) else ""
