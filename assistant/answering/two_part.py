"""A question of two or three parts ("who proposed the amendment and how much was it?")
answered part by part, in one ``Answer``.

Asked whole, the answerer settles on one source for one part and the other part is
silently lost. Each part is asked on its own (``query_split``), a part that leans on the
first ("how much was it", "who chairs it") with the first part's words after its own so
its subject travels with it; the answers are joined in order, their citation markers
renumbered, and a part the documents don't cover is said to be not covered.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answering.decline import NOT_COVERED
from assistant.answering.query_split import QuestionPart, split_query
from assistant.markers import MARKER, renumber
from assistant.models import Answer, Citation, PlanItem

MAX_PARTS = 3
_ASKING = re.compile(
    r"^\s*(?:how (?:much|many|often|long|big)|what(?:'s|’s)?|who|whose|when|where|which|why|how)"
    r"(?:\s+(?:did|does|do|is|are|was|were|has|have|had|will|would|can))?\s+",
    re.I,
)
"""The question words that open a part: the subject a later part borrows is what follows."""
_LEANS = re.compile(r"\b(?:it|its|they|them|their|this|that|these|those)\b", re.I)


_BORROWED = " — "
"""Between a later part's own words and the subject it borrows from the first part."""


def parts(question: str) -> list[str]:
    """The questions to ask, in order; one (the question itself) when it has one part."""
    found = split_query(question)
    if not 2 <= len(found) <= MAX_PARTS:
        return [question]
    return [_with_subject(part, found[0]) for part in found]


def _with_subject(part: QuestionPart, first: QuestionPart) -> str:
    """A later part that leans on the first, asked with the first part's words after
    its own ("how much was it — who proposed the amendment"), so what it asks (a sum,
    a name) leads and the subject comes with it."""
    if part is first:
        return part.ask
    if not _LEANS.search(part.text) and not part.follows_previous:
        return part.text  # "… and how many against?" has no subject of its own: the first's
    asked, own = first.ask.rstrip("?"), first.text.rstrip("?")
    if len(asked) > len(own) and asked.lower().endswith(own.lower()):
        subject = asked[: -len(own)].rstrip(" ,;:-–")  # the topic the first part was asked of
    else:
        subject = _ASKING.sub("", asked) or asked
    return f"{part.text.rstrip('?')}{_BORROWED}{subject}"


def combine(question: str, answers: list[tuple[str, Answer]]) -> Answer:
    """One answer of the parts' answers: texts in order with their sources numbered on;
    a source two parts both cite ("which are red? how many?") is listed once, under the
    number it got first."""
    texts: list[str] = []
    citations: list[Citation] = []
    items: list[PlanItem] = []
    suggestions: list[PlanItem] = []
    for asked, answer in answers:
        if answer.answered and _given_before(answer.answer, texts):
            continue  # one sentence answering both parts is given once
        mapping: dict[int, int] = {}
        for n, citation in enumerate(answer.citations, start=1):
            if citation not in citations:
                citations.append(citation)
            mapping[n] = citations.index(citation) + 1
        if answer.answered:
            texts.append(renumber(answer.answer, mapping))
            items += [i for i in answer.items if i.id not in {j.id for j in items}]
        else:
            own = asked.split(_BORROWED)[0]  # the part as asked, without the borrowed subject
            texts.append(f"“{own.rstrip('?')}?” — {NOT_COVERED}")
            suggestions += answer.suggestions
    answered = [a for _q, a in answers if a.answered]
    return Answer(
        question=question,
        answer="\n\n".join(texts),
        answered=bool(answered),
        intent=(answered[0] if answered else answers[0][1]).intent,
        citations=citations,
        items=items,
        suggestions=suggestions[:3],
        metadata={"parts": [q for q, _a in answers]},
    )


_QUOTED = re.compile(r"“([^”]+)”")


def _given_before(said: str, texts: list[str]) -> bool:
    """Every quotation of a part's answer is already in an earlier part's (the same
    sentence, or the first of the two an earlier part quoted together); an answer that
    quotes nothing is given before only as the same text."""
    quoted = [" ".join(q.split()) for q in _QUOTED.findall(said)]
    if not quoted:
        return MARKER.sub("", said) in {MARKER.sub("", t) for t in texts}
    before = " ".join(" ".join(q.split()) for t in texts for q in _QUOTED.findall(t))
    return all(q in before for q in quoted)


def ask_in_parts(question: str, ask: Callable[[str], Answer]) -> Answer | None:
    """The combined answer when the question has several parts, else None.

    A part that, asked alone, finds nothing is asked with the whole question instead
    ("… risk - what's the exposure and how likely is it?" loses its subject when cut):
    the whole question's answer stands in for it when it has one, unless it is the
    answer of a part already given (then the part is said not to be covered)."""
    asked = parts(question)
    if len(asked) < 2:
        return None
    answers = [(q, ask(q)) for q in asked]
    if all(a.answered for _q, a in answers):
        return combine(question, answers)
    whole = ask(question)
    if not whole.answered:
        return combine(question, answers)
    if not any(a.answered for _q, a in answers):
        return whole
    kept = [(q, a) for q, a in answers if a.answered]
    if any(a.answer == whole.answer for _q, a in kept):
        return combine(question, answers)  # the whole answers only the part already answered
    return combine(question, [*kept, (question, whole)])
