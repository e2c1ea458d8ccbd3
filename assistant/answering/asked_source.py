"""The words of a question that say which paper to read, not what to find in it.

"which model for the wider determinants of health has the council adopted, according to the
ics delivery plan paper?": the closing clause names the paper. The sentence that answers
is the one on the model; the paper's subject line, which prints every word of its name,
is not. The search still reads the whole question (the clause is how the paper is found);
only the sentence within the sources is chosen without the clause.

A clause counts as naming a paper when it speaks of one ("report", "minutes", "update",
"statement"…): "per the s151 officer" names a person, and stays.
"""

from __future__ import annotations

import re

from assistant.answering.named_papers import PAPER_WORDS

_CLOSING = re.compile(
    r"(?:[,;(]\s*|\s+)(?:according\s+to|as\s+per|per|going\s+by|as\s+set\s+out\s+in|"
    r"as\s+stated\s+in)\s+(?P<name>[^,;?()]+?)\s*\)?\s*\??\s*$",
    re.I,
)
"""A closing "…, according to the late changes paper?", "… per the jan cabinet minutes"."""
_OPENING = re.compile(
    r"^\s*(?:according\s+to|as\s+per|per|going\s+by)\s+(?P<name>[^,;?]+?)\s*,\s*", re.I
)
"""An opening "according to the s25 statement, on what date …"."""
_BRACKETED = re.compile(r"\s*\((?P<name>[^()]+)\)\s*\??\s*$")
"""A closing bracket: "… (education commissioning plan report)"."""
_SPEAKS_OF_PAPER = re.compile(
    rf"{PAPER_WORDS.pattern}|\b(?:updates?|records?|docs?|documents?)\b", re.I
)

MIN_LEFT = 3
"""Fewest words the question must keep: a question that is all clause stays whole."""


def without_source(question: str) -> str:
    """The question without the clause naming the paper it is to be answered from."""
    text = question
    for clause in (_CLOSING, _OPENING, _BRACKETED):
        match = clause.search(text)
        if match and _SPEAKS_OF_PAPER.search(match.group("name")):
            text = f"{text[: match.start()]} {text[match.end() :]}"
    text = " ".join(text.split())
    return text if len(text.split()) >= MIN_LEFT else question
