"""The indicator a question names in its own words, found among every KPI of the scope.

A councillor names an indicator the way they speak of it — "permanent exclusions kpi",
"subject access requests under gdpr", "first time entrants into youth justice" — not by
its printed name ("Percentage of pupils permanently excluded from school – rolling 12
months"). Such a name is easily outranked in search by a paragraph or a ratings key that
shares the question's generic words ("kpi", "floor"). So every KPI item of the documents
the asker may see is scored against the question's subject words directly:

* a word matches its other forms by a shared beginning of five letters or more
  ("exclusions" / "excluded", "entrants" / "entrant");
* a short form the question uses matches the words whose initials spell it in the
  indicator's name ("gdpr" → "General Data Protection Regulations"), or the words the
  papers define it as ("Adult Social Care and Health (ASCH)", ``short_form_key``) when
  the name and service hold most of them; a short form the indicator prints matches
  itself ("(FOI)");
* the words of the section the indicator sits in and of its service or directorate
  (``indexing.readers.kpi_service``) count, so "adult social care direct payments"
  finds the indicator under "Adult Social Care".

Words that ask for a field or a period ("latest", "target", "floor", "previous",
"rating", "quarter") are not the subject. The indicator whose name and section hold
nearly all of the rest (by idf weight), clearly ahead of the next one, leads the
candidates; a question whose subject no single indicator holds is left to the search.
"""

from __future__ import annotations

import math
import re

from assistant.answering.lookup import ItemFilter, find_items
from assistant.answering.retrieve import Candidate, Search
from assistant.answering.scope import Scope
from assistant.answering.short_form_key import short_form_key
from assistant.answering.status import item_answer
from assistant.answering.understand import Intent, Query
from assistant.models import Answer
from indexing.model import ItemKind, PlanItem
from indexing.store import StoredNode
from indexing.terms import content_stems, is_english_word

MIN_SHARE = 0.8
"""Share (by idf weight) of the question's subject words an indicator must hold."""
MARGIN = 0.1
"""How far ahead of the next indicator (of another name) the best must be."""
PREFIX = 5
"""Two words sharing this many first letters are forms of one word."""
DEFINED_SHARE = 0.75
"""Share of a defined short form's words ("ASCH": adult social care and health) the
indicator's name and service must hold for the short form to be theirs."""

_NOT_SUBJECT = content_stems(
    "kpi kpis indicator indicators measure measures performance latest current now newest "
    "recent target targets floor standard previous last prior rating rated rag status "
    "direction travel trend figure figures value number result score quarter quarterly "
    "q1 q2 q3 q4 period year month doing going track hitting meeting met getting how what "
    "is are show shows say says tell below above under over far close within against behind "
    "ahead compared versus vs done doing well badly better worse good bad improving improved "
    "improve worsening worsened declining declined getting got since change changed moving"
)
"""Words that ask for a field, a period or a comparison with the target, not what is measured."""
_LINKING = frozenset({"of", "the", "and", "for", "&", "to", "in", "on", "by", "or", "a", "an"})


def _forms_match(word: str, held: set[str]) -> bool:
    if word in held:
        return True
    if len(word) < PREFIX:
        return False
    return any(len(h) >= PREFIX and h[:PREFIX] == word[:PREFIX] for h in held)


def _initials_spell(short: str, name: str) -> bool:
    """The initials of a run of the name's words (linking words aside) spell ``short``."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w.lower() not in _LINKING]
    initials = "".join(w[0].lower() for w in words)
    return len(short) >= 2 and short in initials


def subject_stems(question: str) -> set[str]:
    """The question's content stems that name what is measured, not the field asked."""
    return content_stems(question) - _NOT_SUBJECT


def kpi_share(scope: Scope, question: str, name: str, section: str) -> float:
    """Share (by idf weight) of the question's subject words the indicator's name and
    section hold, by form or by short form."""
    asked = subject_stems(question)
    if not asked:
        return 0.0
    held = content_stems(f"{name} {section}")
    shorts = {
        w.lower() for w in re.findall(r"[A-Za-z]{2,6}", question) if not is_english_word(w.lower())
    }
    key = short_form_key(scope.documents) if shorts else {}
    found = {
        w
        for w in asked
        if _forms_match(w, held)
        or (w in shorts and _initials_spell(w, f"{name} {section}"))
        or (w in key and len(key[w] & held) >= max(1, math.ceil(DEFINED_SHARE * len(key[w]))))
    }
    return scope.terms.coverage(asked, found)


def best_kpi(scope: Scope, question: str, kpis: list[tuple[str, str, str]]) -> str | None:
    """Of ``kpis`` (id, name, section), the id of the one the question clearly names."""
    if not subject_stems(question):
        return None
    scored = sorted(
        (
            (kpi_share(scope, question, name, section), name.lower(), kpi_id)
            for kpi_id, name, section in kpis
        ),
        reverse=True,
    )
    if not scored:
        return None
    best, name, kpi_id = scored[0]
    runner = next((share for share, other, _ in scored[1:] if other != name), 0.0)
    if best < MIN_SHARE or best - runner < MARGIN:
        return None
    return kpi_id


def named_kpi_item(scope: Scope, query: Query) -> tuple[StoredNode, PlanItem] | None:
    """The indicator of the scope the question names, when one clearly does."""
    if not subject_stems(query.text):
        return None
    found = find_items(scope, ItemFilter(kind=ItemKind.kpi))
    kpis = [
        (n.id, i.commitment, f"{i.fields.get('service') or ''} {n.metadata.get('section') or ''}")
        for n, i in found
    ]
    best = best_kpi(scope, query.text, kpis)
    return next(((n, i) for n, i in found if n.id == best), None)


def named_kpi(scope: Scope, query: Query) -> str | None:
    """The node id of the indicator of the scope the question names, when one clearly does."""
    named = named_kpi_item(scope, query)
    return named[0].id if named else None


_MANY = re.compile(r"\b(?:kpis|indicators|measures|which|list|how many|any)\b", re.I)
"""Words that ask for several indicators, not how one is doing."""


def one_kpi_trend(scope: Scope, query: Query) -> Answer | None:
    """ "Is the direct payments kpi improving?": asked of one indicator named in the
    question's words, a trend or change is that indicator's own values (latest against
    previous, its rating then and now, its direction), not a list of every indicator
    with that trend."""
    if query.intent != Intent.list or not (query.direction or query.change):
        return None
    if query.rating or query.people or query.sections or _MANY.search(query.text):
        return None
    named = named_kpi_item(scope, query)
    if named is None:
        return None
    return item_answer(scope, query, named, [], other_items_label="Also covered in")


def with_named_kpi(
    scope: Scope, query: Query, search: Search, candidates: list[Candidate]
) -> list[Candidate]:
    """``candidates`` with the indicator the question names first, with its cosine."""
    import numpy as np

    node_id = named_kpi(scope, query)
    if node_id is None:
        return candidates
    if candidates and candidates[0].node.id == node_id:
        return candidates
    read = search.nodes([node_id])
    if node_id not in read:
        return candidates
    node, vec = read[node_id]
    cosine = float(np.asarray(vec, dtype=np.float32) @ np.asarray(search.vector, dtype=np.float32))
    first = Candidate(node=node, cosine=cosine)
    return [first] + [c for c in candidates if c.node.id != node_id]
