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

from assistant.answering import relevance
from assistant.answering.asked_terms import post_words
from assistant.answering.evidence import Evidence, sentences
from assistant.answering.named_papers import named_papers
from assistant.answering.relevance import evidence_on_topic
from assistant.answering.retrieve import Candidate, Search, led_by
from assistant.answering.scope import Scope
from assistant.answering.understand import Intent, Query

SEARCHED = 10
"""How many of the best sources are read for the post's holder."""
DEPTH = 30
"""How deep the ranking, and a named paper's own ranking, are searched for them."""

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


_DOER = re.compile(r"\bwho\s+(?P<verb>wrote|authored|chaired)\b(?P<rest>.*)", re.I)
_POSTS_OF = {"wrote": "author", "authored": "author", "chaired": "chairman"}
"""A post asked for by what its holder does: "who wrote the … paper" asks for its author."""


def asked_post(question: str) -> tuple[list[str], str]:
    """The posts a "who" question asks the holder of, and the question as it would ask
    for them by name ("who wrote the budget paper" → ["author"], "who was the author of
    the budget paper"), so that the post's word, not the verb, is looked for."""
    posts = post_words(question)
    if posts:
        return posts, question
    match = _DOER.search(question)
    if match is None:
        return [], question
    post = _POSTS_OF[match.group("verb").lower()]
    return [post], f"who was the {post} of{match.group('rest')}"


def deeper_sources(
    scope: Scope, query: Query, search: Search, where: dict | None
) -> list[Candidate]:
    """The thirty best sources, then those of the paper the question names by its title
    (``named_papers``), where a report's author or an inspector is named once, far
    from the words of the question."""
    found = relevance.rerank(scope, query, search.hybrid(DEPTH, where))
    named = named_papers(scope, query.text)
    if named:
        inside = search.hybrid(DEPTH, scope.where(sorted(named)))
        found = led_by(found[:SEARCHED], inside)
    return found


def holder_evidence(
    floor: float, scope: Scope, query: Query, candidates: list[Candidate]
) -> Evidence | None:
    """The first sentence of the best sources that names the holder of the post a
    "who is/was the …" question asks for, beside the post, on the question's subject."""
    posts, asked = asked_post(query.text)
    if query.intent != Intent.who or not posts:
        return None
    judged = query.model_copy(update={"text": asked})
    for candidate in candidates[: SEARCHED + DEPTH]:
        for sentence in sentences(_text(candidate)):
            if not all(holder_beside(sentence, post) for post in posts):
                continue
            found = Evidence(candidate=candidate, sentence=sentence, score=0.0, has_required=True)
            if evidence_on_topic(floor, scope, judged, found):
                return found
    return None
