"""The record of people over a service that a "who" question names: "who's the corporate
director over the integrated children's services kpis".

A performance report heads each service's part with its people ("Cabinet Members Sue
Chandler / Corporate Director Sarah Hammond"), read as a one-row record under the
service's heading. Such a record is found by meaning only when the question's other words
do not pull the search elsewhere ("over" is a word of many sentences). A record whose
heading the question names (all the words of the heading or of one of its parts, as a
list names a service: ``service_lists``) and that has a column for the post asked for is
put first among the candidates.
"""

from __future__ import annotations

import re

from assistant.answering.compose import row_name
from assistant.answering.retrieve import Candidate, Search, named_first
from assistant.answering.scope import Scope
from assistant.answering.service_lists import names_part
from assistant.answering.short_forms import capital_words
from assistant.answering.understand import Intent, Query
from assistant.answering.who_evidence import ROLE_WORDS
from indexing.model import TableRow
from indexing.terms import content_stems


def named_records(scope: Scope, query: Query) -> list[TableRow]:
    """Records of people whose heading the question names and that give the post asked."""
    words = ROLE_WORDS.get(query.people_role or "")
    if query.intent != Intent.who or not words:
        return []
    asked = content_stems(query.text) | capital_words(query.text, asked=True)
    found = []
    for doc in scope.documents:
        for row in doc.tables:
            if row_name(row) == row.label() or not row.table:
                continue  # not a record of people under a heading
            if not any(re.fullmatch(words, h.strip(), re.I) for h, v in row.cells.items() if v):
                continue
            if names_part(row.table, asked):
                found.append(row)
    return found


def with_named_records(
    scope: Scope, query: Query, search: Search, candidates: list[Candidate]
) -> list[Candidate]:
    """``candidates`` with the records of people the question names first."""
    return named_first(search, [row.id for row in named_records(scope, query)], candidates)
