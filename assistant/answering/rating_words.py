"""A rating word that is part of a subject's name, not a filter on ratings.

"Net zero green agenda funding risk - lifetime exposure" names a risk whose title says
"Net Zero/Carbon Reduction green agenda"; "green" there is part of the name, and the
question asks for one risk's exposure, not for the risks rated Green. A rating word
stands in a name when, with the word beside it in the question, it makes a phrase an
item of the documents uses in its own title ("green agenda", "zero/green"). Words that
say what is listed ("kpis", "risks", "ones") or that a rating follows ("rated", "are")
never make such a phrase.
"""

from __future__ import annotations

import re

from assistant.models import PlanDocument

_LISTED = frozenset(
    "kpis kpi risks risk items item ones indicators indicator measures measure commitments "
    "commitment actions action rated rating ratings status rag were have been".split()
)
"""Words beside a rating word that make it a filter ("amber kpis", "rated green")."""
_WORD_AFTER = re.compile(r"^[\s/-]+([a-z][a-z'’-]{3,})", re.I)
_WORD_BEFORE = re.compile(r"([a-z][a-z'’-]{3,})[\s/-]+$", re.I)


def names_a_subject(text: str, start: int, end: int, documents: list[PlanDocument]) -> bool:
    """The rating word at ``text[start:end]`` forms, with a neighbouring word of the
    question, a phrase of an item's title."""
    word = re.escape(text[start:end].lower())
    phrases = []
    if (after := _WORD_AFTER.match(text[end:])) and after.group(1).lower() not in _LISTED:
        phrases.append(rf"\b{word}[\s/-]+{re.escape(after.group(1))}\b")
    if (before := _WORD_BEFORE.search(text[:start])) and before.group(1).lower() not in _LISTED:
        phrases.append(rf"\b{re.escape(before.group(1))}[\s/-]+{word}\b")
    if not phrases:
        return False
    pattern = re.compile("|".join(phrases), re.I)
    return any(pattern.search(item.commitment) for doc in documents for item in doc.items)
