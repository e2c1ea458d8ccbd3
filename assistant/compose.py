"""Grounded answer texts: what the rows and sentences say, each statement cited.

No LLM is involved: every figure, rating, name and date in an answer is copied from a
parsed row or a quoted sentence, and every statement ends with the number of the
citation it rests on (``[1]``). A rating the row does not give is said to be missing,
never filled in.
"""

from __future__ import annotations

from assistant.models import Citation, Passage, PlanItem
from indexing.store import StoredNode

UPDATE_CHARS = 1200


def _document_label(meta: dict) -> str:
    period = meta.get("document_period")
    title = meta.get("document_title", meta.get("plan_document", ""))
    return f"{title}, {period}" if period else title


def item_citation(node: StoredNode, item: PlanItem, quote: str | None = None) -> Citation:
    meta = node.metadata
    return Citation(
        document=meta.get("document_title", item.document_id),
        document_id=item.document_id,
        date=meta.get("document_period") or meta.get("document_date") or None,
        ref=item.ref,
        section=item.section,
        quote=quote or "\n".join(filter(None, [item.commitment, item.update])),
        source=str(item.location),
    )


def passage_citation(node: StoredNode, passage: Passage, quote: str | None = None) -> Citation:
    meta = node.metadata
    return Citation(
        document=meta.get("document_title", passage.document_id),
        document_id=passage.document_id,
        date=meta.get("document_period") or meta.get("document_date") or None,
        ref=None,
        section=passage.section,
        quote=quote or passage.text,
        source=str(passage.location),
    )


def node_citation(node: StoredNode, quote: str | None = None) -> Citation:
    return item_citation(node, node.item(), quote) if node.is_item else passage_citation(node, node.passage(), quote)


def _people_line(item: PlanItem) -> str | None:
    parts = []
    for label, role in (("Owner", "owner"), ("Director", "director"), ("Cabinet member", "cabinet_member")):
        people = getattr(item, role)
        if people:
            parts.append(f"{label}: {'; '.join(p.display() for p in people)}")
    return ". ".join(parts) + "." if parts else None


def rating_sentence(item: PlanItem) -> str:
    if item.rating:
        text = f"Rating: {item.rating_words} ({item.rating})"
    else:
        text = "No RAG rating is given for this item in the source"
    if item.direction:
        text += f"; direction of travel: {item.direction_words} ({item.direction})"
    return text + "."


def clip(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit]
    end = max(cut.rfind(". "), cut.rfind("\n"))
    return (cut[: end + 1] if end > limit // 2 else cut.rsplit(" ", 1)[0]) + " …"


def status_text(node: StoredNode, item: PlanItem, marker: int, *, has_ratings: bool, asks_rating: bool = False) -> str:
    """The position of one item: commitment, rating, people, latest update, source."""
    head = f"**{item.ref} — {item.commitment}**" if item.ref else f"**{item.commitment}**"
    lines = [f"{head} [{marker}]"]
    if has_ratings or item.rating or asks_rating:
        lines.append(rating_sentence(item))
    people = _people_line(item)
    if people:
        lines.append(people)
    if item.update:
        period = node.metadata.get("document_period")
        label = f"Latest update ({period})" if period else "Update"
        lines.append(f"{label}: {clip(item.update, UPDATE_CHARS)} [{marker}]")
    if item.dates_due and not item.update:
        lines.append(f"Due: {', '.join(item.dates_due)}.")
    lines.append(f"Source: {_document_label(node.metadata)}" + (f", ref {item.ref}" if item.ref else "") + f" [{marker}]")
    return "\n".join(lines)


_ROLE_LABELS = {"owner": "owner", "director": "director", "cabinet_member": "cabinet member"}


def list_line(item: PlanItem, marker: int, role: str | None = None) -> str:
    """One row of a list answer; ``role`` shows the person the question asks about
    ("which director is over…") instead of the owner."""
    role = role if role in _ROLE_LABELS else "owner"
    people = getattr(item, role) or []
    named = "; ".join(p.display() for p in people) if people else None
    rating = f" — {item.rating_words}" if item.rating else ""
    who = f" — {_ROLE_LABELS[role]} {named}" if named else ""
    ref = f"{item.ref} " if item.ref else ""
    return f"• {ref}{item.title(110)}{rating}{who} [{marker}]"


def history_line(node: StoredNode, item: PlanItem, marker: int) -> str:
    rating = f", rated {item.rating_words}" if item.rating else ""
    ref = f"ref {item.ref}: " if item.ref else ""
    update = f" — {clip(item.update, 300)}" if item.update else ""
    return f"• {_document_label(node.metadata)} ({ref}{item.title(100)}{rating}){update} [{marker}]"
