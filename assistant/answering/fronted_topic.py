"""A question that names its subject first, set off by a dash: "cllr x's motion on
backdated rent bills - when did the rents unit start the review?".

Councillors type questions this way: the subject says where to look (a motion, a paper, a
risk), the part after the dash what to find there. The sentence that answers often holds
only the second part's words, its paper naming the subject a paragraph or two before.
"""

from __future__ import annotations

import re

_FRONTED = re.compile(r"^(?P<topic>.{8,}?)\s+[-–—]\s+(?P<ask>\S.{7,})$")


def fronted(question: str) -> tuple[str, str] | None:
    """(subject, what is asked of it) of a question that names its subject before a dash;
    None for any other question (a dash inside a word or a year is no such mark)."""
    found = _FRONTED.match(question.strip())
    return (found.group("topic"), found.group("ask")) if found else None
