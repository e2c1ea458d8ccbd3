"""The holder of a post a "who is the …" question asks for, read where a paper names
them beside the post ("the Secretary of State appointed Planning Inspector Joanne
Burston to examine the Plan").

The sentence answering a "who" question is first looked for among those naming someone
the documents' keys know or giving a title and surname (``evidence``); a paper's
outside people (an inspector, an auditor, a report's author) are in no key. When none
of those answers, a sentence that names a person right beside the very post the
question asks for, and is on the question's subject (``relevance.evidence_on_topic``),
answers it. Without such a sentence the question stays declined.
"""

from __future__ import annotations

import re

from assistant.answering.asked_terms import post_words
from assistant.answering.evidence import Evidence, sentences
from assistant.answering.relevance import evidence_on_topic
from assistant.answering.retrieve import Candidate
from assistant.answering.scope import Scope
from assistant.answering.understand import Intent, Query

SEARCHED = 10
"""How many of the best sources are read for the post's holder."""

_NAME = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+)?(?!(?:The|A|An|This|That|Our)\b)[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+"
"""A person as a paper names them: two capitalised words, perhaps after a title."""


def holder_beside(sentence: str, post: str) -> bool:
    """A name stands right after the post ("Planning Inspector Joanne Burston") or right
    before it ("Joanne Burston, the Planning Inspector", "Dave Shipton (Report Author)")."""
    word = re.escape(post.lower().removesuffix("s"))
    post_word = rf"\b(?i:{word})s?\b"
    after = rf"{post_word}\s+{_NAME}"
    before = rf"{_NAME}\s*(?:,\s*(?:the\s+)?|\(\s*)(?:[A-Za-z]+\s+){{0,3}}{post_word}"
    return bool(re.search(after, sentence) or re.search(before, sentence))


def _text(candidate: Candidate) -> str:
    node = candidate.node
    if node.is_item:
        item = node.item()
        return f"{item.commitment}\n{item.update or ''}"
    if node.is_row:
        return ""
    return node.passage().text


def holder_evidence(
    floor: float, scope: Scope, query: Query, candidates: list[Candidate]
) -> Evidence | None:
    """The first sentence of the best sources that names the holder of the post a
    "who is/was the …" question asks for, beside the post, on the question's subject."""
    posts = post_words(query.text)
    if query.intent != Intent.who or not posts:
        return None
    for candidate in candidates[:SEARCHED]:
        for sentence in sentences(_text(candidate)):
            if not all(holder_beside(sentence, post) for post in posts):
                continue
            found = Evidence(candidate=candidate, sentence=sentence, score=0.0, has_required=True)
            if evidence_on_topic(floor, scope, query, found):
                return found
    return None
