"""What a paper's sentence is read with: the sentence it points back at, and what it
introduces.

A sentence opening by pointing back ("This is as a result of savings not being delivered
(£26.2m)") is about what the sentence before it names ("… the reported overspend in Adult
Social Care …"); a sentence ending its passage with a colon ("… unanimously agreed the
following motion:") says what it is only with the passage after it. Each is judged, and
quoted, with the other.
"""

from __future__ import annotations

from assistant.answering.citations import node_citation, source_place
from assistant.answering.evidence import Evidence, sentence_beside, sentences
from assistant.answering.meetings_figures import POINTS_BACK
from assistant.answering.meetings_words import introduces
from assistant.answering.retrieve import Candidate, Search
from assistant.models import Answer, PlanDocument


def pointed_at(evidence: Evidence) -> str:
    """The sentence before one that opens by pointing back at it ("This is as a result of
    … savings not being delivered (£26.2m)" after "… Adult Social Care … overspend …"):
    what the pointing sentence is about."""
    node = evidence.candidate.node
    if node.is_item or node.is_row or not POINTS_BACK.search(evidence.sentence):
        return ""
    return sentence_beside(node.text, evidence.sentence, -1)


def what_follows(search: Search, document: PlanDocument, evidence: Evidence) -> Candidate | None:
    """The source that holds what the sentence introduces, when it ends its passage
    with a colon: the next passage of the same paper."""
    node = evidence.candidate.node
    if node.is_item or node.is_row or not introduces(evidence.sentence):
        return None
    parts = [s for s in sentences(node.passage().text) if s.strip()]
    if parts and parts[-1].strip() != evidence.sentence.strip():
        return None  # what it introduces is in the same passage, already quoted with it
    ids = [p.id for p in document.passages]
    if node.id not in ids or ids.index(node.id) + 1 >= len(ids):
        return None
    following = ids[ids.index(node.id) + 1]
    found = search.nodes([following]).get(following)
    return Candidate(node=found[0], cosine=evidence.candidate.cosine) if found else None


def first_sentence(following: Candidate) -> str:
    """The first sentence of a passage."""
    return next(iter(sentences(following.node.passage().text)), "")


def with_following(answer: Answer, following: Candidate) -> Answer:
    """The answer with the first sentence of what its quote introduces, cited where it
    is printed."""
    first = first_sentence(following)
    if not first:
        return answer
    citation = node_citation(following.node, quote=first)
    number = len(answer.citations) + 1
    where = source_place(citation)
    lines = answer.answer.split("\n")
    lines.insert(1, f"“{first.strip()}” [{number}]")
    lines.append(f"Source: {where} [{number}]")
    return answer.model_copy(
        update={"answer": "\n".join(lines), "citations": [*answer.citations, citation]}
    )
