"""Who a question names: a councillor by title and name, a role, initials from the
documents' own keys, or a person's name as the documents write it — resolved only
against the people the documents name, never guessed."""

from __future__ import annotations

import re

from assistant.answering.catalogue import Catalogue
from assistant.answering.lookup import find_people
from assistant.models import Person, PlanDocument
from indexing.people_key import normalise_initials

_CLLR = re.compile(r"\b(?i:cllr|councillor)\.?\s+([A-Za-z'’-]+)(?:\s+([A-Za-z'’-]+))?")
"""The title and the one or two words after it: a first name and surname, or the surname
followed by the question's next word ("Cllr Kaur responsible"), told apart by _councillor."""
_ROLE_PHRASES = {
    "the leader": "Leader of the Council",
    "leader of the council": "Leader of the Council",
    "deputy leader": "Deputy Leader",
    "chief executive": "Chief Executive",
}
_COMMON_INITIAL_WORDS = {
    "RAG",
    "KPI",
    "KPIS",
    "DOT",
    "IT",
    "UK",
    "OK",
    "A",
    "I",
    "AM",
    "Q1",
    "Q2",
    "Q3",
    "Q4",
}
"""Capitals a question uses that are never someone's initials; the documents' own
abbreviations (places, bodies) are found in their text (``Catalogue.ordinary``)."""


def people_named(text: str, documents: list[PlanDocument], catalogue: Catalogue) -> list[Person]:
    """The people a question names: "Cllr <name>", a role ("the leader"), initials the
    documents' keys give ("JR"), or a name as the documents write it."""
    found: list[Person] = []
    for match in _CLLR.finditer(text):
        found += _councillor(match, documents)
    lowered = text.lower()
    for phrase, role in _ROLE_PHRASES.items():
        if phrase in lowered:
            found += find_people(role, documents)
    known = catalogue.people
    for token in re.findall(r"\b[A-Z][A-Za-z'’]{1,4}\b", text):
        if token.upper() == token or re.match(r"^[A-Z][a-z]?[A-Z]", token):
            if (
                token.upper() not in _COMMON_INITIAL_WORDS
                and token not in catalogue.ordinary
                and normalise_initials(token) in known
            ):
                found.append(known[normalise_initials(token)])
    found += [person for name, person in catalogue.named if name in lowered]
    unique: dict[str, Person] = {}
    for person in found:
        unique.setdefault(normalise_initials(person.initials), person)
    return list(unique.values())


def _councillor(match: re.Match[str], documents: list[PlanDocument]) -> list[Person]:
    """The people "Cllr <word> <word>" names: both words when someone's name has both,
    else those whose name has the first word (a surname, the next word the question's
    own). A possessive is the name ("Cllr Kaur's"). The first word alone is not read as
    a role: "councillor for" is no one."""
    first, second = (re.sub(r"['’]s$", "", word or "") for word in match.groups())
    both = find_people(f"{first} {second}", documents) if second else []
    if both:
        return both
    word = first.lower()
    return [p for p in find_people(first, documents) if p.name and word in p.name.lower().split()]
