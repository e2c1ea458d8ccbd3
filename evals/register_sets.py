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

Indicators and risks are asked for their values too, using the item's ``kind`` and its
``fields`` by role:

- a KPI with a latest value → "what is the latest value of NAME?": the value must be in
  the answer;
- a KPI without a ref but with a rating → "what is the rating of NAME?" (a KPI with a
  ref already has the rating question above);
- a risk with a score → "what is the score of risk REF?" (or of the risk NAME).

NAME is the indicator's or risk's own words; a question by name cannot demand the first
item (there is no ref to compare), so it is checked by the value and by a citation of
the item's page of its document. When two documents have the same ref (or name) with
the same field, the question names the document's period, as a person would. These sets
are ``kind: generated`` and are reported apart from the hand-written ones.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from assistant.models import ItemKind, Person, PlanDocument, PlanItem
from evals.schema import EvalSet, Expect, Fact, Question

Field = Callable[[PlanItem], list[Fact] | None]


def _rating(item: PlanItem) -> list[Fact] | None:
    return [item.rating_words] if item.rating and item.rating_words else None


def _people(people: list[Person]) -> list[Fact] | None:
    return [p.name or p.initials for p in people] or None


TEMPLATES: dict[str, tuple[str, Field]] = {
    "rating": ("what is the rating of {ref}{where}?", _rating),
    "owner": ("who owns {ref}{where}?", lambda item: _people(item.owner)),
    "cabinet-member": (
        "who is the cabinet member for {ref}{where}?",
        lambda item: _people(item.cabinet_member),
    ),
}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _field(role: str) -> Field:
    return lambda item: [item.fields[role]] if item.fields.get(role, "").strip() else None


NAME_CHARS = 150
"""An indicator or risk asked by name is named by its own words, cut at a word near this."""

VALUE_TEMPLATES: dict[str, tuple[ItemKind, str, str, Field, bool]] = {
    # field: (kind, question by ref, question by name, value, also for items with a ref)
    "kpi-latest": (
        ItemKind.kpi,
        "what is the latest value of {ref}{where}?",
        "what is the latest value of {name}{where}?",
        _field("latest"),
        True,
    ),
    "kpi-rating": (ItemKind.kpi, "", "what is the rating of {name}{where}?", _rating, False),
    "risk-score": (
        ItemKind.risk,
        "what is the score of risk {ref}{where}?",
        "what is the score of the risk {name}{where}?",
        _field("score"),
        True,
    ),
}


def _where(document: PlanDocument, shared: bool) -> str:
    return f" in the {document.meta.period or document.meta.title}" if shared else ""


def _by_ref(documents: list[PlanDocument]) -> list[Question]:
    questions: list[Question] = []
    for field, (template, value) in TEMPLATES.items():
        having = [(d, i) for d in documents for i in d.items if i.ref and value(i)]
        shared = Counter(i.ref for _, i in having)
        for document, item in having:
            questions.append(
                Question(
                    id=f"{field}-{_slug(document.id)}-{_slug(item.ref or '')}",
                    question=template.format(
                        ref=item.ref, where=_where(document, shared[item.ref] > 1)
                    ),
                    tags=["generated", field],
                    expect=Expect(
                        answered=True,
                        refs=[item.ref or ""],
                        document=document.id,
                        facts=value(item) or [],
                        first_item=True,
                    ),
                )
            )
    return questions


def _name(item: PlanItem) -> str:
    return " ".join(item.title(NAME_CHARS).split()).rstrip(" .?")


def _values(documents: list[PlanDocument]) -> list[Question]:
    """Latest values and ratings of KPIs, scores of risks — by ref where there is one."""
    questions: list[Question] = []
    for field, (kind, by_ref, by_name, value, with_ref) in VALUE_TEMPLATES.items():
        having = [
            (d, i)
            for d in documents
            for i in d.items
            if i.kind == kind and value(i) and (with_ref or not i.ref) and (i.ref or _name(i))
        ]
        shared = Counter((i.ref or _name(i)).lower() for _, i in having)
        seen: set[str] = set()
        for document, item in having:
            key = (item.ref or _name(item)).lower()
            where = _where(document, shared[key] > 1)
            key_in_document = item.id.split(":", 1)[-1]  # item ids are "<document id>:<key>"
            qid = f"{field}-{_slug(document.id)}-{_slug(item.ref or key_in_document)}"
            if qid in seen:
                continue
            seen.add(qid)
            if item.ref and by_ref:
                text, refs, first = by_ref.format(ref=item.ref, where=where), [item.ref], True
            else:
                text, refs, first = by_name.format(name=_name(item), where=where), [], False
            questions.append(
                Question(
                    id=qid,
                    question=text,
                    tags=["generated", field],
                    expect=Expect(
                        answered=True,
                        refs=refs,
                        document=document.id,
                        page=item.location.page,
                        facts=value(item) or [],
                        first_item=first,
                    ),
                )
            )
    return questions


def register_set(
    documents: list[PlanDocument], name: str = "register", corpus: str | None = None
) -> EvalSet | None:
    """One generated set over every document's rated/owned items and KPI/risk values
    (``None`` if there are none); ``corpus`` is the folder they were read from."""
    questions = _by_ref(documents) + _values(documents)
    if not questions:
        return None
    return EvalSet(
        name=name,
        kind="generated",
        source="generated from the parsed register",
        corpus=corpus,
        description="Every rated or owned row by ref; every KPI's latest value and rating, every risk's score.",
        questions=questions,
    )
