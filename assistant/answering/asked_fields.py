"""The column a question asks an item for ("impact score", "named officer", "target"),
and whether the item has it.

A register names what it records in its column headers; a question that asks a risk for
its impact, a named owner or a RAG rating, or an indicator for its target or direction
of travel, when the document prints none, is answered honestly by saying the document
does not give it — not by the item's other fields. Fields are named through the readers'
one vocabulary of column headers (``indexing.readers.vocabulary``), so "impact", "score",
"risk owner", "floor", "RAG" mean the same here as in a table's header.
"""

from __future__ import annotations

import re

from assistant.models import PlanItem
from indexing.readers.vocabulary import column_role

_ASKABLE = frozenset(
    {"impact", "score", "likelihood", "target", "floor", "owner", "rating", "direction"}
)
"""Roles a question names by one word of its own ("impact", "target", "officer", "RAG")."""
_ROLE_WORDS = {
    "rating": re.compile(r"^(?:rag|rating|ratings|rated)$", re.I),
    "direction": re.compile(r"^(?:direction|trend|trending)$", re.I),
}
"""Only these words ask for a rating or a direction: "status" asks for an item's
position, and "travel" names a subject ("active travel") as often as a direction."""
_LATEST = re.compile(
    r"\b(?:latest|current)\s+(?:figure|value|result|number|rate|level|performance)s?\b", re.I
)
"""The latest value asked for as such: "the latest on…" alone asks for the update."""
_OWNER_WORDS = re.compile(r"^(?:owner|officer)s?$", re.I)
"""An owner asked for by post ("which named officer owns…"), not just "who"."""
_OWNS = re.compile(r"\bwho\s+(?:owns|is\s+the\s+owner)\b|\bowned\s+by\b", re.I)
"""An owner asked for by the verb: "who owns the … risk", "owned by whom"."""
_PEOPLE = ("owner", "director", "cabinet_member")


def asked_fields(question: str) -> list[tuple[str, str]]:
    """(role, the question's word for it) for each field the question names:
    "impact score" → ("impact", "impact"), ("score", "score")."""
    found: list[tuple[str, str]] = []
    for match in _LATEST.finditer(question):
        found.append(("latest", match.group(0).lower()))
    if _OWNS.search(question):
        found.append(("owner", "owner"))
    for word in re.findall(r"[a-z]+", question.lower()):
        role = column_role(word) if word != "rated" else column_role("rating")
        if role is None or role.role not in _ASKABLE:
            continue
        if role.role == "owner" and not _OWNER_WORDS.match(word):
            continue
        if role.role in _ROLE_WORDS and not _ROLE_WORDS[role.role].match(word):
            continue
        found.append((role.role, word))
    return found


def has_field(item: PlanItem, role: str) -> bool:
    """Does ``item`` give the field ``role`` (a column of its row, a value of its card)?"""
    if role == "owner":
        return any(getattr(item, r) for r in _PEOPLE)
    if role == "rating":
        return bool(item.rating or item.previous_rating)
    if role == "direction":
        return bool(item.direction)
    if item.fields.get(role):
        return True
    return any(
        value and (found := column_role(header)) is not None and found.role == role
        for header, value in item.other_fields.items()
    )


_VALUES = frozenset({"target", "floor", "impact", "score", "likelihood"})
"""Fields a sentence states by their own word ("a target of 18"), if it states them."""


def unstated_fields(question: str, text: str) -> list[tuple[str, str]]:
    """(role, word) of each value field the question names ("… and what's the target")
    that ``text`` does not print the word of: a sentence giving the latest figure is no
    answer to them."""
    return [
        (role, word)
        for role, word in asked_fields(question)
        if role in _VALUES and not re.search(rf"\b{re.escape(word)}", text, re.I)
    ]


STATED = frozenset({"rating", "direction"})
"""Fields an answer about an item named by its ref states the absence of ("No RAG rating
is given for this item"): the asker picked the item, and that is its answer."""


def missing_field(question: str, item: PlanItem, named: bool = False) -> str | None:
    """The question's words for a field it asks for that the item does not have (every
    field it names missing), else None. With ``named`` (the item found by its ref), a
    rating or direction it lacks is stated in the answer instead."""
    title = set(re.findall(r"[a-z]+", item.commitment.lower()))
    # "the overspend impact on reserves risk": a word of the item's own name is not a field
    asked = [
        (role, words)
        for role, words in asked_fields(question)
        if words not in title and not (named and role in STATED)
    ]
    if not asked or any(has_field(item, role) for role, _ in asked):
        return None
    # "how is it rated": said as the field's name ("rating"), not the question's verb
    named_as = [role.replace("_", " ") if words.endswith("ed") else words for role, words in asked]
    return " ".join(dict.fromkeys(named_as))
