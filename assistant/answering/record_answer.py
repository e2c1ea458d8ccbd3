"""The answer from a record of decision (``decision_record`` reads its fields): the
asked fields of the record a question names by number or by most of its title, quoted and
cited, or the labelled yes/no line it asks about ("was 24/00115 a key decision?") quoted
with the record's number above it, so the quote shows which record says it.
"""

from __future__ import annotations

import re

from assistant.answering.citations import quoted_passage_citation, source_place
from assistant.answering.compose import one_source_answer
from assistant.answering.decision_record import (
    _NUMBER,
    _YES_NO,
    Field,
    _record,
    _titled,
    asked_fields,
    printed_lines,
    record_fields,
)
from assistant.answering.labels import labelled_line
from assistant.answering.scope import Scope
from assistant.answering.understand import Query
from assistant.models import Answer, Citation, PlanDocument


def _citation(scope: Scope, field: Field) -> Citation | None:
    return quoted_passage_citation(scope.store, field.passage, f"{field.label}: {field.value}")


HEADER_LINES = 4
"""A labelled yes/no line is quoted from the record's number when this close below it."""
_MONTH_OF_YEAR = re.compile(r"(?:0?[1-9]|1[0-2])/(?:19|20)\d\d")
"""A month and year ("12/2024"), not a decision's number."""
_NUMBER_LABEL = re.compile(r"\bdecision (?:no\.?|number)\s*:?", re.I)


def numbered_quote(doc: PlanDocument, number: str, label: str, value: str) -> str:
    """The record's labelled line ("Key decision: Yes") with its number label and number
    above it when they are printed a few lines above ("DECISION NO: 24/00115 For
    publication: Yes Key decision: Yes"); the line alone otherwise."""
    quote = f"{label}: {value}"
    lines = [line for line, _ in printed_lines(doc)]
    said = next((n for n, line in enumerate(lines) if quote.lower() in line.lower()), None)
    at = next((n for n, line in enumerate(lines) if number in line), None)
    named = next((m for line in lines if (m := _NUMBER_LABEL.search(line))), None)
    if said is None or at is None or named is None or not 0 < said - at <= HEADER_LINES:
        return quote
    between = " ".join(line.strip() for line in lines[at + 1 : said])
    return " ".join(f"{named.group(0)} {number} {between} {quote}".split())


def _labelled_answer(scope: Scope, query: Query, number: str) -> Answer | None:
    """A yes/no question about a labelled line of the record numbered ``number`` ("was
    24/00115 a key decision?"), answered by that line quoted with the record's number
    (``numbered_quote``)."""
    for doc in scope.documents:
        if not any(number in p.text for p in doc.passages[:3]):
            continue
        fields = record_fields(doc)
        if "number" not in fields or number not in fields["number"].value:
            continue
        found = labelled_line([doc], query.text)
        if found is None:
            continue  # the report to the meeting carries the number, not the labels
        passage, label, value = found
        quote = numbered_quote(doc, number, label, value)
        citation = quoted_passage_citation(scope.store, passage, quote)
        if citation is None:
            return None
        verdict = "Yes" if value.lower() == "yes" else "No"
        return one_source_answer(query, f"{verdict} — “{quote}”", citation)
    return None


def decision_record_answer(scope: Scope, query: Query) -> Answer | None:
    """The asked fields of the record of decision the question names by number; None when
    it names none, asks no field of one, or the record does not print the field."""
    numbers = _NUMBER.findall(query.text)
    if len(numbers) == 1 and not _MONTH_OF_YEAR.fullmatch(numbers[0]):
        if not any(numbers[0] in p.text for d in scope.documents for p in d.passages):
            # No paper prints the number: a neighbouring record's fields, or a sentence
            # that shares the question's other words ("decided"), would answer wrongly.
            return Answer(
                question=query.text,
                answer=f"No paper I have prints a decision numbered {numbers[0]}; "
                "the plan documents I have don't cover this.",
                answered=False,
                intent=query.intent.value,
            )
    asked = asked_fields(query.text)
    if _YES_NO.match(query.text):
        # "was adopting the ICS delivery plan a key decision?": the record by its title
        named = numbers if numbers else [t] if (t := _titled(scope, query.text)) else []
        return _labelled_answer(scope, query, named[0]) if len(named) == 1 else None
    # What was decided is the meeting's record to tell (the record by title is a proposal).
    if (
        not numbers
        and asked
        and "decision" not in asked
        and (titled := _titled(scope, query.text, asked))
    ):
        numbers = [titled]
    if len(numbers) != 1 or not asked:
        return None
    fields = _record(scope, numbers[0], asked)
    if fields is None:
        return None
    lines: list[str] = []
    citations: list[Citation] = []
    # The record's own number line is cited for the number the answer's head states.
    numbered = _citation(scope, fields["number"])
    if numbered is not None:
        citations.append(numbered)
    for name in asked:
        citation = _citation(scope, fields[name])
        if citation is None:
            return None
        if citation not in citations:
            citations.append(citation)
        marker = citations.index(citation) + 1
        lines.append(f"{fields[name].label}: “{fields[name].value}” [{marker}]")
    title = fields.get("title")
    head = f"Decision {numbers[0]}" + (f" ({title.value})" if title else "") + ":"
    if numbered is not None:
        head += f" [{citations.index(numbered) + 1}]"
    sources = "\n".join(
        f"Source: {source_place(c)} [{i}]" for i, c in enumerate(citations, start=1)
    )
    return Answer(
        question=query.text,
        answer="\n".join([head, *lines, sources]),
        answered=True,
        intent=query.intent.value,
        citations=citations,
    )
