"""Who wrote a meeting's paper: the author its contact details name.

A committee report ends with its contact details, the author labelled ("Report Author",
"Author:", "Contact Officer") and followed by a name, a job title, a telephone number and
an address. Asked who wrote or is the author of a paper, the ordinary search finds the
sentences about the paper's subject, not that block; here the labelled line of the
paper's own text is quoted. In a block laid out in columns ("Report Author Relevant
Director", the names on the line below) the line below is quoted with it.
"""

from __future__ import annotations

import re

from assistant.answering.citations import passage_citation
from assistant.answering.scope import Scope
from assistant.answering.understand import Query
from assistant.models import Answer, Passage, PlanDocument

ASKS_AUTHOR = re.compile(
    r"\bwho\s+(?:wrote|authored|prepared|drafted)\b|\bauthor(?:s|ed)?\b|\bcontact\s+officer\b",
    re.I,
)
_LABEL = re.compile(r"^\s*(?:report\s+)?(?:author|contact\s+officer)(?:\(s\))?\s*:?\s*", re.I)
_CONTACT = re.compile(r"\d|@")
"""A telephone number or an address: the label's line holds the author's details."""


def _author_lines(passage: Passage) -> str | None:
    """The labelled line (with the line below when the label's line holds only other
    labels), or ``None`` when the passage has no author label."""
    lines = [line.strip() for line in passage.text.splitlines()]
    for n, line in enumerate(lines):
        label = _LABEL.match(line)
        if not label:
            continue
        after = line[label.end() :]
        if after and _CONTACT.search(after):
            return line
        below = next((x for x in lines[n + 1 :] if x), "")
        if below and _CONTACT.search(below):
            return f"{line} {below}".strip()
    return None


def author_answer(scope: Scope, query: Query, papers: list[PlanDocument]) -> Answer | None:
    """The author's line of the first of ``papers`` that names one, quoted and cited, or
    ``None`` when the question does not ask who wrote a paper or no paper says."""
    if not ASKS_AUTHOR.search(query.text):
        return None
    for paper in papers:
        for passage in paper.passages:
            quote = _author_lines(passage)
            if quote is None:
                continue
            nodes = scope.store.get(where={"plan_document": paper.id})
            node = next((n for n in nodes if n.id == passage.id), None)
            if node is None:
                continue
            citation = passage_citation(node, passage, quote)
            page = f", p. {citation.page}" if citation.page else ""
            return Answer(
                question=query.text,
                answer=f"“{quote}” [1]\nSource: {paper.meta.title}{page} [1]",
                answered=True,
                intent=query.intent.value,
                citations=[citation],
                metadata={"route": "meetings", "paper": paper.id},
            )
    return None
