"""The sentence that introduces a list, read with each of its entries.

A paper often states a scale as a list under a lead-in: "… based on the following
assessed levels." then "• Below 3% considered dangerous", "• 3% to 5% considered too
risky". Each entry alone holds only part of what it is about (the entry says
"dangerous", the lead-in says which levels of what), so a question asking "what level of
general reserves is dangerous?" matches the lead-in's words and the entry's. Here an
entry is given the lead-in of its list: the last sentence of the passage before it, when
that passage ends by introducing what follows and the entry's passage opens with a
bullet.

A list may also group its entries under headings written as entries ("• Adult Social
Care" then "• Proportion of new Care Needs Assessments delivered within 28 days"): a
short entry that only repeats words the question already holds is such a heading, and
is read with the entry below it, which says what the question asks. A short label ending
in a colon ("Relevant Corporate Director:") is read with the line after it, its value.
"""

from __future__ import annotations

import re

from assistant.answering.evidence import sentences
from assistant.models import PlanDocument
from indexing.store import StoredNode
from indexing.terms import content_stems

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


HEADING_WORDS = 4
"""An entry this short that only repeats the question's words is a heading."""


def with_entry_below(sentence: str, passage: str, asked: set[str]) -> str:
    """The sentence, with the next line of its passage when the sentence is a list
    heading (a short entry whose words the question ``asked`` (stems) already holds)
    and that line is an entry of its own."""
    words = _BULLET.sub("", sentence).strip()
    stems = content_stems(words)
    if not stems or len(words.split()) > HEADING_WORDS or not stems <= asked:
        return sentence
    lines = [line.strip() for line in passage.splitlines()]
    at = next((n for n, line in enumerate(lines) if _BULLET.sub("", line).strip() == words), None)
    if at is None or at + 1 >= len(lines) or not _BULLET.match(lines[at + 1]):
        return sentence
    below = _BULLET.sub("", lines[at + 1]).strip()
    if len(below.split()) <= len(words.split()):
        return sentence
    return f"{lines[at]}\n{lines[at + 1]}"  # as the passage prints them


def with_label_value(sentence: str, passage: str) -> str:
    """A label ending its line with a colon ("Relevant Corporate Director:") with the
    line of its passage after it, which holds the label's value ("John Betts (Interim
    Corporate Director, Finance) …"); any other sentence as it is."""
    label = sentence.strip()
    if not label.endswith(":") or len(label.split()) > HEADING_WORDS:
        return sentence
    lines = [line.strip() for line in passage.splitlines()]
    at = next((n for n, line in enumerate(lines) if line == label), None)
    if at is None or at + 1 >= len(lines) or not lines[at + 1]:
        return sentence
    return f"{label} {lines[at + 1]}"
