"""The passages printed just before and just after another under the same heading: a
paragraph goes on with the subject its predecessor named, so what a question asks about
may be named a paragraph earlier than the sentence that answers it; and a list may run on
into the passage after."""

from __future__ import annotations

from assistant.answering.scope import Scope
from indexing.store import StoredNode


def passage_before(scope: Scope, node: StoredNode) -> str:
    """The passage printed just before a passage, under the same heading: a paragraph
    goes on with the subject its predecessor named ("There is currently a statutory
    override … DSG deficits …" / "If the override is not continued … (c£77m)")."""
    if node.is_item or node.is_row:
        return ""
    document = node.metadata.get("plan_document", "")
    doc = scope.document(document)
    if doc is None:
        return ""
    ids = [p.id for p in doc.passages]
    if node.id not in ids or ids.index(node.id) == 0:
        return ""
    before = doc.passages[ids.index(node.id) - 1]
    return before.text if before.section == doc.passages[ids.index(node.id)].section else ""


def passage_after(scope: Scope, node: StoredNode) -> str:
    """The passage printed just after a passage, under the same heading and on the same
    page: where a list cut between passages goes on ("• designed a National Exercising
    Programme …" after the passage with the list's first two entries)."""
    if node.is_item or node.is_row:
        return ""
    doc = scope.document(node.metadata.get("plan_document", ""))
    if doc is None:
        return ""
    ids = [p.id for p in doc.passages]
    if node.id not in ids or ids.index(node.id) + 1 >= len(ids):
        return ""
    here = doc.passages[ids.index(node.id)]
    after = doc.passages[ids.index(node.id) + 1]
    same_place = after.section == here.section and after.location.page == here.location.page
    return after.text if same_place else ""


def passages_near(scope: Scope, node: StoredNode, reach: int) -> str:
    """The text of the ``reach`` passages printed before and after a passage in its paper,
    whatever their headings: where a motion, a question or an item is named that a
    later paragraph answers on."""
    if node.is_item or node.is_row:
        return ""
    doc = scope.document(node.metadata.get("plan_document", ""))
    ids = [p.id for p in doc.passages] if doc is not None else []
    if doc is None or node.id not in ids:
        return ""
    at = ids.index(node.id)
    return " ".join(p.text for p in doc.passages[max(0, at - reach) : at + reach + 1])
