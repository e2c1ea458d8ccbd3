"""``Scope``: the documents one asker may see, and everything worked out from them.

The only way any answering or drafting path gets documents: a scope is built from the
asker's access labels before any lookup, ranking, spelling correction or suggestion.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property

from assistant.models import PlanDocument
from indexing.keyword_index import KeywordIndex, scoped_keywords
from indexing.store import IndexStore
from indexing.terms import TermStats, content_stems, is_english_word, scoped_terms

SHORT_FORM = re.compile(r"\b[A-Z]{2,6}\b")
"""A short form in capitals ("GET", "ASCH")."""
_WORD = re.compile(r"\b[A-Za-z]+\b")
PROPER_LENGTH = 4
"""Letters of the shortest word read as a name."""
PROPER_SEEN = 2
"""Times a word must be printed, always capitalised, to be read as a name."""


class Scope:
    """The documents one asker may see, the Chroma filter that keeps to them, and what
    questions are checked against in them (names, periods, years).

    One per access level per index generation (``Scope.of`` keeps them on the store),
    so the names, periods and term statistics are worked out once, not per question.
    """

    def __init__(self, store: IndexStore, documents: list[PlanDocument]) -> None:
        self.store = store
        self.documents = documents
        self.ids = [d.id for d in documents]

    @classmethod
    def of(cls, store: IndexStore, access: set[str]) -> Scope:
        key = ("scope", frozenset(access))
        if key not in store.derived:
            store.derived[key] = cls(
                store, [d for d in store.documents if d.meta.access.value in access]
            )
        return store.derived[key]

    def document(self, document_id: str | None) -> PlanDocument | None:
        """The document of this id, when the asker may see it."""
        return self._by_id.get(document_id or "")

    @cached_property
    def _by_id(self) -> dict[str, PlanDocument]:
        return {d.id: d for d in self.documents}

    @cached_property
    def terms(self) -> TermStats:
        """Word statistics and spelling vocabulary of these documents only
        (``indexing.terms.scoped_terms``): a correction or a coverage score never
        reflects a document the asker may not see."""
        return scoped_terms(self.store, self.ids)

    @cached_property
    def keywords(self) -> KeywordIndex | None:
        """BM25 over these documents only (``indexing.keyword_index.scoped_keywords``):
        the order of the keyword hits never reflects a document the asker may not see."""
        return scoped_keywords(self.store, self.ids)

    @cached_property
    def text(self) -> str:
        """Every title and node text of these documents, for what a question's wording is
        read against at question time (``question_short_forms``): only what the asker may
        see, so a restricted paper's wording never shapes how a question is read."""
        titles = [d.meta.title for d in self.documents]
        nodes = self.store.get(self.where()) if self.ids else []
        return "\n".join(titles + [node.text for node in nodes])

    @cached_property
    def publishers(self) -> frozenset[str]:
        """Stems of the names of the councils and bodies that published these documents
        (their manifest's ``publisher``): a body a question names by one of them is one
        the papers are from, though their text may never print its name."""
        return frozenset(
            stem
            for d in self.documents
            if d.meta.publisher
            for stem in content_stems(d.meta.publisher)
        )

    @cached_property
    def column_short_forms(self) -> frozenset[str]:
        """Short forms in capitals that head a column of some table ("GET Core £000s"),
        lower-cased: every table row a search finds is judged against them
        (``row_lookup.row_fits``)."""
        return frozenset(
            word.lower()
            for doc in self.documents
            for row in doc.tables
            for header in row.cells
            for word in SHORT_FORM.findall(header)
        )

    @cached_property
    def names(self) -> frozenset[str]:
        """Everyone the documents' keys to initials name, and the people their items name
        (owners, directors, cabinet members), without "Cllr": what tells a person from a
        capitalised phrase ("High Needs") when a question asks who."""
        people = [p for d in self.documents for p in d.people_key.values()]
        people += [p for d in self.documents for i in d.items for p in i.people()]
        return frozenset(re.sub(r"^Cllr\s+", "", p.name) for p in people if p.name)

    @cached_property
    def proper_words(self) -> frozenset[str]:
        """Words (lower-cased) these documents print only with a capital and no dictionary
        holds: the names of places, people and bodies ("eastbay", "hollowmere", "ashdown"). A
        question naming one asks about that place or person, not about what the sentence
        says of somewhere else."""
        titled: Counter[str] = Counter()
        printed: Counter[str] = Counter()
        for word in _WORD.findall(self.text):
            printed[word.lower()] += 1
            if word[0].isupper() and word[1:].islower():
                titled[word.lower()] += 1
        return frozenset(
            word
            for word, n in titled.items()
            if n >= PROPER_SEEN
            and n == printed[word]  # never "kpis" nor "KPIs": only ever "Eastbay"
            and len(word) >= PROPER_LENGTH
            and not is_english_word(word)
        )

    @cached_property
    def period_labels(self) -> str:
        return " ".join(f"{d.meta.title} {d.meta.period} {d.meta.date}" for d in self.documents)

    @cached_property
    def known_years(self) -> frozenset[str]:
        return frozenset(re.findall(r"(?:19|20)\d{2}", self.period_labels))

    def narrow(self, document_ids: list[str]) -> list[str]:
        """The requested documents within scope (all of the scope when none requested)."""
        return [i for i in document_ids if i in self.ids] if document_ids else self.ids

    def where(self, document_ids: list[str] | None = None) -> dict | None:
        """The Chroma filter; None when it would keep every document in the index.

        Chroma answers a filtered query by scanning the metadata before the vector
        search, which costs more than the search itself on a large index; the common
        case, an asker who may see everything, needs no filter at all.
        """
        if not document_ids:
            return self._whole_scope
        return self._where_ids(self.narrow(document_ids))

    @cached_property
    def _whole_scope(self) -> dict | None:
        return self._where_ids(self.ids)

    def _where_ids(self, ids: list[str]) -> dict | None:
        ids = ids or ["\u0000none"]
        if self.store.covers_every_document(ids):
            return None
        return {"plan_document": ids[0]} if len(ids) == 1 else {"plan_document": {"$in": ids}}
