"""Yes/no questions about a record's labelled field: "is 24/00108 a key decision?".

Decision records, forms and cover sheets print their facts as labelled lines ("Key
decision: No", "For publication: Yes", "Exempt: No"). A yes/no question that names a
record by its ref and a field by the words of its label is answered by that line of the
record's own paper, quoted — not by the record's title.
"""

from __future__ import annotations

import re

from assistant.answering.citations import quoted_passage_citation
from assistant.answering.compose import one_source_answer
from assistant.answering.scope import Scope
from assistant.answering.understand import Query
from assistant.models import Answer, Passage, PlanDocument
from indexing.terms import content_stems

_YES_NO_QUESTION = re.compile(r"^\s*(?:is|was|are|were|does|did|has|have|will)\b", re.I)
_LABELLED = re.compile(
    r"(?:^|(?<=[\s/]))([A-Z][A-Za-z ()&'-]{1,60}?)\s*:\s*(yes|no)\b", re.I | re.MULTILINE
)
"""A label and its yes/no value: "Key Decision: No", "For publication: Yes"."""


def labelled_line(docs: list[PlanDocument], question: str) -> tuple[Passage, str, str] | None:
    """(passage, label, value) of the first labelled yes/no line of ``docs`` whose label's
    every word the question uses; None when the question is not a yes/no one."""
    if not _YES_NO_QUESTION.match(question):
        return None
    asked = content_stems(question)
    for doc in docs:
        for passage in doc.passages:
            for match in _LABELLED.finditer(f"{passage.section or ''}\n{passage.text}"):
                label = match.group(1).strip()
                words = content_stems(label)
                if words and words <= asked:
                    return passage, label, match.group(2)
    return None


def _record_numbers(question: str) -> list[str]:
    """The numbers a question names a record by ("24/00108", "ref 12.3"), years aside."""
    return [
        token
        for token in re.findall(r"(?<![\w/])\d[\w/.-]*\d(?![\w/])", question)
        if not re.fullmatch(r"(?:19|20)\d\d", token)
    ]


def labelled_answer(scope: Scope, query: Query) -> Answer | None:
    """The labelled line that answers a yes/no question about the record it names by
    ref or number (the record's paper opens with it)."""
    names = [*query.refs, *_record_numbers(query.text)]
    if not names or not _YES_NO_QUESTION.match(query.text):
        return None
    docs = [
        d
        for d in scope.documents
        if any(item.ref in names for item in d.items)
        or any(name in p.text for p in d.passages[:3] for name in names)
    ]
    found = labelled_line(docs, query.text)
    if found is None:
        return None
    passage, label, value = found
    quote = f"{label}: {value}"
    citation = quoted_passage_citation(scope.store, passage, quote)
    if citation is None:
        return None
    verdict = "Yes" if value.lower() == "yes" else "No"
    return one_source_answer(query, f"{verdict} — “{quote}”", citation)
