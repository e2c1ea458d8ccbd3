"""A numbered recommendation asked about by its number: "did the government accept rec 7?",
"what did they say about recommendation three on risk assessment?".

A response to an inquiry or a review sets out each recommendation under a numbered heading,
its text, then the response ("The government agrees …", "We accept …"). A question that
names a recommendation by its number (digits or words, "rec", "recommendation no.") is
answered from that item: its heading, the response's first sentence (where the stance is
stated) and the sentences of the item that share most of the question's words, each quoted
and cited at the page that prints it. A number that no series of numbered recommendations
in scope has, and that no passage prints, is declined rather than answered from a
neighbour.
"""

from __future__ import annotations

import re

from assistant.answering.citations import quoted_passage_citation, source_place
from assistant.answering.scope import Scope
from assistant.answering.understand import Query
from assistant.models import Answer, Citation, ItemKind, Passage, PlanDocument, PlanItem
from assistant.text import number_words
from indexing.terms import content_stems

_NUMBER_WORDS = list(number_words(20))
_ASKED = re.compile(
    r"\b(?:recommendation|rec)s?\.?\s*(?:no\.?\s*|number\s*|#\s*)?"
    rf"(\d{{1,3}}[a-z]?|{'|'.join(_NUMBER_WORDS)})\b",
    re.I,
)
_MORE = re.compile(rf"\s*(?:,|&|and|or|to|-|–)\s*(?:\d|(?:{'|'.join(_NUMBER_WORDS)})\b)", re.I)
_RESPONSE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:The\s+(?:\w+\s+){0,3}?|We\s+)(?:also\s+|fully\s+|broadly\s+)?"
    r"(?:agrees?|accepts?|welcomes?|rejects?|does not|do not|will not|notes?|supports?|"
    r"recognises?|acknowledges?)\b"
)
_STANCE = re.compile(
    r"\b(?:we|the government)\s+(?:also\s+|fully\s+|broadly\s+)?"
    r"(?:accepts?|agrees?|rejects?|does not accept|do not accept|will not)\b",
    re.I,
)
"""A sentence saying whether the recommendation is accepted, wherever in the response."""
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z●•])|\n+")
PICKED = 3
"""Sentences quoted besides the response's first: the ones sharing most of the question."""


def asked_number(question: str) -> str | None:
    """The recommendation number a question names ("rec 7", "recommendation seven"), or None
    when it names none or more than one ("recommendations 3 and 4")."""
    found: set[str] = set()
    for match in _ASKED.finditer(question):
        if _MORE.match(question, match.end()):
            return None
        word = match.group(1).lower()
        found.add(str(_NUMBER_WORDS.index(word) + 1) if word in _NUMBER_WORDS else word)
    return found.pop() if len(found) == 1 else None


def _series(scope: Scope) -> list[tuple[PlanDocument, list[PlanItem]]]:
    out = []
    for doc in scope.documents:
        items = [i for i in doc.items if i.kind is ItemKind.recommendation and i.ref]
        if len(items) >= 2:
            out.append((doc, items))
    return out


def _printed(scope: Scope, number: str) -> bool:
    pattern = re.compile(rf"\brecommendation\s+{re.escape(number)}\b", re.I)
    return any(pattern.search(p.text) for d in scope.documents for p in d.passages)


def _passage(doc: PlanDocument, sentence: str, page: int | None) -> Passage | None:
    """The passage printing ``sentence`` (or its start, when a page break cut it), from the
    item's own pages first: a contents page or summary may print its heading too."""
    flat = " ".join(sentence.split())
    ordered = sorted(doc.passages, key=lambda p: (p.location.page or 0) < (page or 0))
    for probe in (flat, flat[:60]):
        for passage in ordered:
            if probe and probe in " ".join(passage.text.split()):
                return passage
    return None


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if len(s.strip()) > 20]


def _chosen(item: PlanItem, question: str) -> list[str]:
    """The response's opening two sentences and a later one stating its stance ("we accept
    that …"), then the item's sentences sharing most of the question's words (the
    response's before the recommendation's own on a tie), in the paper's order."""
    body = item.update or ""
    stance = _RESPONSE.search(body)
    start = stance.start() if stance else len(body)
    own, response = _sentences(body[:start]), _sentences(body[start:])
    opening = response[:2]
    # "…, we accept that …" later in the response states its stance too.
    opening += [s for s in response[2:] if _STANCE.search(s)][:1]
    asked = content_stems(question) - content_stems(item.commitment or "")
    scored = sorted(
        (
            (len(asked & content_stems(s)) + (0.5 if n >= len(own) else 0), -n)
            for n, s in enumerate(own + response)
            if s not in opening and len(asked & content_stems(s)) >= 2
        ),
        reverse=True,
    )
    picked = {-n for _hits, n in scored[:PICKED]}
    chosen = [s for n, s in enumerate(own + response) if n in picked or s in opening]
    return chosen or own[:1]


def numbered_answer(scope: Scope, query: Query) -> Answer | None:
    """The numbered recommendation the question names, with its response; a decline when no
    series in scope numbers it and no passage prints it; None when the question names no
    recommendation number or no document sets out numbered recommendations."""
    number = asked_number(query.text)
    series = [
        (doc, items)
        for doc, items in _series(scope)
        if not query.document_ids or doc.id in query.document_ids
    ]  # a question naming another paper asks about that paper's recommendations
    if number is None or not series:
        return None
    found = [(doc, i) for doc, items in series for i in items if (i.ref or "").lower() == number]
    if not found:
        if _printed(scope, number):
            return None
        doc, items = series[0]
        refs = ", ".join(i.ref or "" for i in items[:30])
        return Answer(
            question=query.text,
            answer=f"{doc.meta.title or doc.id} numbers its recommendations {refs}; "
            f"none is numbered {number}, so the plan documents I have don't cover this.",
            answered=False,
            intent=query.intent.value,
        )
    if len(found) > 1:
        return None  # two documents number a recommendation alike: retrieval chooses
    doc, item = found[0]
    heading = f"Recommendation {item.ref}: {item.commitment}"
    placed: list[tuple[str, Passage]] = []
    for sentence in [heading, *_chosen(item, query.text)]:
        page = item.location.page
        passage = _passage(doc, sentence, page) or _passage(doc, item.commitment or "", page)
        if passage is None:
            return None
        placed.append((" ".join(sentence.split()), passage))
    # One citation per passage, quoting every sentence the answer takes from it.
    order = list(dict.fromkeys(p.id for _s, p in placed))
    citations: list[Citation] = []
    for passage_id in order:
        passage = next(p for _s, p in placed if p.id == passage_id)
        quote = " ".join(s for s, p in placed if p.id == passage_id)
        citation = quoted_passage_citation(scope.store, passage, quote)
        if citation is None:
            return None
        citations.append(citation)
    lines = [
        f"**{s}** [{order.index(p.id) + 1}]" if n == 0 else f"“{s}” [{order.index(p.id) + 1}]"
        for n, (s, p) in enumerate(placed)
    ]
    sources = "\n".join(
        f"Source: {source_place(c)} [{i}]" for i, c in enumerate(citations, start=1)
    )
    return Answer(
        question=query.text,
        answer="\n".join([*lines, sources]),
        answered=True,
        intent=query.intent.value,
        citations=citations,
        items=[item],
    )
