"""Exact lookups on the register of plan items: by ref, rating, person, document.

"Which commitments are amber?" has one right answer and a count; it is a metadata
filter in Chroma, not a similarity search cut off at top-k. These filters serve
``planbot items`` and the list and status answers alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import BaseModel, Field

from assistant.answering.scope import Scope
from assistant.models import ItemKind, Person, PlanDocument, PlanItem
from indexing.people_key import normalise_initials, person_key
from indexing.ratings import parse_rating_strict as parse_rating
from indexing.store import StoredNode


def people_of(documents: Iterable[PlanDocument]) -> dict[str, Person]:
    """Everyone in the documents' keys and rows, by normalised initials."""
    people: dict[str, Person] = {}
    for doc in documents:
        for person in doc.people_key.values():
            people[normalise_initials(person.initials)] = person
    return people


def find_people(query: str, documents: Iterable[PlanDocument]) -> list[Person]:
    """People a phrase names: initials (``DS``), a name (``Nigel Long``, ``Cllr Long``),
    or a role (``the Leader``, ``Corporate Director, Place``)."""
    people = people_of(documents)
    text = query.strip()
    if normalise_initials(text) in people:
        return [people[normalise_initials(text)]]
    words = [
        w
        for w in re.findall(r"[a-z'’-]+", text.lower())
        if w not in {"cllr", "councillor", "the", "of", "mr", "mrs", "ms"}
    ]
    if not words:
        return []
    by_name = [
        p for p in people.values() if p.name and all(w in p.name.lower().split() for w in words)
    ]
    if by_name:
        return by_name
    phrase = re.sub(r"^(?:the)\s+", "", text.lower().strip())
    exact = [p for p in people.values() if p.role and p.role.lower() == phrase]
    return exact or [p for p in people.values() if p.role and phrase in p.role.lower()]


class ItemFilter(BaseModel):
    """What to list: every field optional; all given fields must match."""

    rating: str | None = None
    include_combined: bool = False
    people: list[Person] = []
    person_query: str | None = None
    role: str | None = None  # owner, director, cabinet_member or None for any
    document_id: str | None = None
    ref: str | None = None
    sections: list[str] = []
    direction: str | None = None
    unrated: bool = False
    kind: ItemKind | None = None
    previous_rating: str | None = None
    rating_change: str | None = Field(
        default=None, description="↑ ↓ ↔: how the rating moved since last period"
    )

    @classmethod
    def from_options(
        cls,
        rating: str | None = None,
        person: str | None = None,
        document: str | None = None,
        documents: list[PlanDocument] | None = None,
        kind: str | None = None,
    ) -> ItemFilter:
        people: list[Person] = []
        if person:
            people = find_people(person, documents or [])
            if not people:
                people = [Person(initials=person.strip())]
        if kind and kind not in {k.value for k in ItemKind}:
            raise ValueError(f"unknown kind '{kind}': use " + ", ".join(k.value for k in ItemKind))
        return cls(
            rating=parse_rating(rating) if rating else None,
            people=people,
            person_query=person,
            document_id=document,
            kind=ItemKind(kind) if kind else None,
        )

    def where(self, document_ids: list[str]) -> dict | None:
        """The Chroma ``where`` clause for this filter."""
        clauses: list[dict] = [{"node_kind": "item"}]
        if self.kind:
            clauses.append({"item_kind": self.kind.value})
        if self.previous_rating:
            clauses.append({"previous_rating": self.previous_rating})
        if self.rating_change:
            clauses.append({"rating_change": self.rating_change})
        if self.rating:
            if self.include_combined and "/" not in self.rating:
                clauses.append({"ratings": {"$contains": self.rating}})
            else:
                clauses.append({"rating": self.rating})
        if self.ref:
            clauses.append({"ref": self.ref})
        if self.unrated:
            clauses.append({"rating": ""})
        if self.direction:
            clauses.append({"direction": self.direction})
        if self.sections:
            clauses.append(
                {"section": self.sections[0]}
                if len(self.sections) == 1
                else {"section": {"$in": self.sections}}
            )
        if self.people:
            field = self.role or "people"
            keys = [{field: {"$contains": person_key(p)}} for p in self.people]
            clauses.append(keys[0] if len(keys) == 1 else {"$or": keys})
        if document_ids:
            clauses.append(
                {"plan_document": document_ids[0]}
                if len(document_ids) == 1
                else {"plan_document": {"$in": document_ids}}
            )
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def match_documents(query: str | None, documents: list[PlanDocument]) -> list[str]:
    """Document ids a ``--document`` value names (id, file name or part of the title)."""
    if not query:
        return []
    q = query.lower().strip()
    exact = [d.id for d in documents if q in (d.id.lower(), d.meta.file.lower())]
    if exact:
        return exact
    return [
        d.id
        for d in documents
        if q in d.id.lower() or q in d.meta.file.lower() or q in d.meta.title.lower()
    ]


def known_documents(documents: list[PlanDocument], shown: int = 8) -> str:
    """The documents' ids for an error message, the first few and how many more."""
    ids = [d.id for d in documents]
    more = (
        f" … and {len(ids) - shown} more (planbot items --json lists them all)"
        if len(ids) > shown
        else ""
    )
    return ", ".join(ids[:shown]) + more


def ref_key(ref: str | None) -> tuple[int, ...]:
    """Natural order of refs: 2.4 before 10.1."""
    return tuple(int(n) for n in re.findall(r"\d+", ref or "")) or (10**6,)


def find_items(
    scope: Scope, criteria: ItemFilter, document_ids: list[str] | None = None
) -> list[tuple[StoredNode, PlanItem]]:
    """Every item matching ``criteria`` in the documents the asker may see, newest
    document first, then by ref.

    ``document_ids`` narrows the search within the scope; an empty list means none,
    ``None`` means the whole scope.
    """
    store = scope.store
    documents = (
        scope.documents
        if document_ids is None
        else [d for d in scope.documents if d.id in document_ids]
    )
    if not documents:
        return []
    named = match_documents(criteria.document_id, documents)
    if criteria.document_id and not named:
        raise ValueError(
            f"no document matches '{criteria.document_id}'; known: {known_documents(documents)}"
        )
    document_ids = named or [d.id for d in documents]
    if store.covers_every_document(document_ids):
        document_ids = []  # no filter on documents at all
    nodes = store.get(where=criteria.where(document_ids))
    found = [(node, node.item()) for node in nodes]
    found.sort(
        key=lambda pair: (
            _neg_date(pair[0].metadata.get("document_date", "")),
            pair[1].document_id,
            ref_key(pair[1].ref),
        )
    )
    return found


def _neg_date(date: str) -> tuple[int, ...]:
    return tuple(-int(n) for n in re.findall(r"\d+", date or "0"))
