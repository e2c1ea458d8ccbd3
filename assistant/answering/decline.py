"""The answer that says the documents do not cover a question, with the nearest items."""

from __future__ import annotations

from assistant.answering.retrieve import Candidate
from assistant.answering.understand import Intent, Query
from assistant.models import Answer

NOT_COVERED = "The plan documents I have don't cover this."
NO_SUBJECT = (
    "The question names nothing to look up: ask about a commitment, a ref, a person or a topic."
)


def decline(
    query: Query, candidates: list[Candidate], subject_found: bool = False, reason: str = ""
) -> Answer:
    """The not-covered answer with the nearest items as suggestions. ``reason`` names the
    check that found no answer (``metadata["declined"]``, shown by ``--json``), so an
    officer or an evaluation can tell a question no source matched from one whose sources
    did not hold the value asked."""
    suggestions = [c.node.item() for c in candidates if c.node.is_item][:3]
    text = NOT_COVERED
    if subject_found and query.intent in (Intent.figure, Intent.when) and suggestions:
        kind = "figure" if query.intent == Intent.figure else "date"
        text = f"{NOT_COVERED} The nearest items don't give that {kind}."
    if suggestions:
        text += "\nNearest items:\n" + "\n".join(
            f"• {s.ref + ' ' if s.ref else ''}{s.title(100)}" for s in suggestions
        )
    return Answer(
        question=query.text,
        answer=text,
        answered=False,
        intent=query.intent.value,
        suggestions=suggestions,
        metadata={"declined": reason} if reason else {},
    )


def not_for_asked(query: Query, found: Answer, missing: str) -> Answer:
    """The papers speak of the subject but not for the specific the question pins (a
    quarter, a year, a council, a person): say so, and say what the nearest source does
    cover, from the answer's own (visible) citations, instead of giving its figure."""
    text = f"The plan documents I have don't give this for {missing}."
    if missing.startswith(("the ", "its ")):  # "the amount asked": what is missing, not whose
        text = f"The plan documents I have don't give {missing}."
    if found.citations:
        first = found.citations[0]
        period = f" ({first.date})" if first.date else ""
        text += f" The nearest source I found is {first.document}{period}, which does not give it."
    return Answer(
        question=query.text,
        answer=text,
        answered=False,
        intent=query.intent.value,
        suggestions=found.items[:3],
        metadata={"declined_for": missing},
    )
