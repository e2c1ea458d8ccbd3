"""Templated questions generated from the parsed register, scored by exact field match.

Hand-written sets cover how people ask; these cover *every* rated or owned row, so a
new quarterly update is checked row by row the moment it is ingested, without anyone
writing questions for it. For each item with a ref:

- a rating → "what is the rating of REF?": the rating in words ("Green/Amber") must be
  in the answer;
- an owner → "who owns REF?" and a cabinet member → "who is the cabinet member for
  REF?": each person's resolved name (or the initials, when the key has no entry) must
  be in the answer;

and in every case the answer's first item must be that row (same ref, same document).
When two documents have the same ref with the same field, the question names the
document's period, as a person would. These sets are ``kind: generated`` and are
reported apart from the hand-written ones.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from assistant.models import Person, PlanDocument, PlanItem
from evals.schema import EvalSet, Expect, Fact, Question

Field = Callable[[PlanItem], list[Fact] | None]


def _rating(item: PlanItem) -> list[Fact] | None:
    return [item.rating_words] if item.rating and item.rating_words else None


def _people(people: list[Person]) -> list[Fact] | None:
    return [p.name or p.initials for p in people] or None


TEMPLATES: dict[str, tuple[str, Field]] = {
    "rating": ("what is the rating of {ref}{where}?", _rating),
    "owner": ("who owns {ref}{where}?", lambda item: _people(item.owner)),
    "cabinet-member": ("who is the cabinet member for {ref}{where}?", lambda item: _people(item.cabinet_member)),
}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def register_set(documents: list[PlanDocument]) -> EvalSet | None:
    """One generated set over every document's rated/owned items (``None`` if there are none)."""
    questions: list[Question] = []
    for field, (template, value) in TEMPLATES.items():
        having = [(d, i) for d in documents for i in d.items if i.ref and value(i)]
        shared = Counter(i.ref for _, i in having)
        for document, item in having:
            where = f" in the {document.meta.period or document.meta.title}" if shared[item.ref] > 1 else ""
            questions.append(
                Question(
                    id=f"{field}-{_slug(document.id)}-{_slug(item.ref or '')}",
                    question=template.format(ref=item.ref, where=where),
                    tags=["generated", field],
                    expect=Expect(
                        answered=True, refs=[item.ref or ""], document=document.id,
                        facts=value(item) or [], first_item=True,
                    ),
                )
            )
    if not questions:
        return None
    return EvalSet(
        name="register", kind="generated", source="generated from the parsed register",
        description="Every rated or owned row: its rating, owner and cabinet member, by ref.",
        questions=questions,
    )
