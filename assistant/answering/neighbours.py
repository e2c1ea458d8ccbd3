"""The passages printed just before and just after another under the same heading: a
paragraph goes on with the subject its predecessor named, so what a question asks about
may be named a paragraph earlier than the sentence that answers it; and a list may run on
into the passage after."""

from __future__ import annotations

from assistant.answering.scope import Scope
from assistant.models import Passage
from indexing.store import StoredNode


def _in_paper(scope: Scope, node: StoredNode) -> tuple[list[Passage], int] | None:
    """The passages of a passage's paper and its place among them; None for an item or a
    row, or a passage its paper does not hold."""
    if node.is_item or node.is_row:
        return None
    doc = scope.document(node.metadata.get("plan_document", ""))
    ids = [p.id for p in doc.passages] if doc is not None else []
    if doc is None or node.id not in ids:
        return None
    return doc.passages, ids.index(node.id)


def passage_before(scope: Scope, node: StoredNode) -> str:
    """The passage printed just before a passage, under the same heading: a paragraph
    goes on with the subject its predecessor named ("There is currently a statutory
    override … DSG deficits …" / "If the override is not continued … (c£77m)")."""
    placed = _in_paper(scope, node)
    if placed is None or placed[1] == 0:
        return ""
    passages, at = placed
    before = passages[at - 1]
    return before.text if before.section == passages[at].section else ""


def passage_after(scope: Scope, node: StoredNode) -> str:
    """The passage printed just after a passage, under the same heading and on the same
    page: where a list cut between passages goes on ("• designed a National Exercising
    Programme …" after the passage with the list's first two entries)."""
    placed = _in_paper(scope, node)
    if placed is None or placed[1] + 1 >= len(placed[0]):
        return ""
    passages, at = placed
    here, after = passages[at], passages[at + 1]
    same_place = after.section == here.section and after.location.page == here.location.page
    return after.text if same_place else ""


def passages_near(scope: Scope, node: StoredNode, reach: int) -> str:
    """The text of the ``reach`` passages printed before and after a passage in its paper,
    whatever their headings: where a motion, a question or an item is named that a
    later paragraph answers on."""
    placed = _in_paper(scope, node)
    if placed is None:
        return ""
    passages, at = placed
    return " ".join(p.text for p in passages[max(0, at - reach) : at + reach + 1])
