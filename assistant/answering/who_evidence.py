"""Who a sentence names, for "who" questions: a person by name or by title and surname,
a post that answers as well as a name does, and a name set under the post asked for.

A "who is the cabinet member for …" question is answered by a sentence that names
someone beside the post ("Cabinet Member: Dylan Jeffrey", "Mr Gough (Chairman)"), not by
one with only capitalised words ("Sessions House, County Hall").
"""

from __future__ import annotations

import re

from assistant.answering.understand import Intent, Query

NAME = re.compile(r"\b(?:Cllr\s+)?[A-Z][a-z]+\s+[A-Z][a-z'’-]+\b")
_TITLED = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+(?:[A-Z]\.?\s+){0,3}[A-Z][a-z'’-]+"
)
"""A person by title and surname, as minutes name them ("Mr Gough", "Mrs C Bell")."""
_ROLE = re.compile(
    r"\b(?:(?:Deputy |Assistant )?Chief Executive|(?:Corporate |Service |Strategic )?Director\b|Leader of the Council|"
    r"Head of [A-Z]\w+|Chair(?:man|person)? of|chaired by|\(Chair(?:man|person)?\)|in the chair|Cabinet [Mm]ember for)"
)
"""Posts that answer a "who" question as well as a name does."""


def titled(sentence: str, question: str) -> bool:
    """The sentence names someone by title and surname the question does not name."""
    asked = question.lower()
    return any(
        not all(w.lower() in asked for w in t.split()[1:]) for t in _TITLED.findall(sentence)
    )


def names_a_person(sentence: str, question: str) -> bool:
    return bool(_ROLE.search(sentence)) or titled(sentence, question)


ROLE_WORDS = {
    "cabinet_member": r"cabinet members?|portfolio holders?|lead members?",
    "director": r"(?:corporate |strategic |executive )?directors?",
    "owner": r"owners?|lead officers?|responsible officers?",
}
"""How a document names the post a question asks for, next to the name that holds it."""


def names_role(query: Query, sentence: str) -> bool:
    """The sentence gives a name under the post the question asks for."""
    words = ROLE_WORDS.get(query.people_role or "")
    asks_holder = query.intent == Intent.who or (
        query.intent == Intent.fact and re.search(r"\b(?:who|which)\b", query.text, re.I)
    )  # "… kpis - which cabinet members are responsible"
    if not asks_holder or not words:
        return False
    return bool(
        re.search(rf"\b(?:{words})\s*[:\-–]?\s*(?:Cllr\s+)?[A-Z][a-z]+ [A-Z]", sentence, re.I)
    )
