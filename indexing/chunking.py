"""``PlanDocument`` → llama-index ``TextNode``s: one node per plan item, one per passage.

A status question must be answered from a whole row, so a plan item is never split:
its commitment leads the embedded text (MiniLM reads only the first 256 word pieces)
and every field lives in metadata, where Chroma's ``where`` filters can find it exactly
("which are amber?", "what is Cllr Long responsible for?").
"""

from __future__ import annotations

from llama_index.core.schema import TextNode

from assistant.models import PlanDocument, PlanItem, Passage
from indexing.people_key import normalise_initials

ROLES = ("owner", "director", "cabinet_member")


def item_text(item: PlanItem) -> str:
    """What is embedded and keyword-indexed for an item: words a question would use."""
    parts = [f"{item.ref}. " if item.ref else "", item.commitment]
    if item.update:
        parts.append(f"\n{item.update}")
    if item.section:
        parts.append(f"\n({item.section.title()})")
    return "".join(parts)


def _base_metadata(doc: PlanDocument) -> dict[str, str | int | float | bool]:
    # "plan_document", not "document_id": llama-index's Chroma store writes its own
    # document_id/doc_id keys (the node's source document) over a key of that name.
    meta = doc.meta
    return {
        "plan_document": doc.id,
        "document_title": meta.title,
        "document_kind": meta.kind.value,
        "document_date": meta.date or "",
        "document_period": meta.period or "",
        "access": meta.access.value,
    }


def item_node(doc: PlanDocument, item: PlanItem) -> TextNode:
    metadata: dict[str, str | int | float | bool] = {
        **_base_metadata(doc),
        "node_kind": "item",
        "ref": item.ref or "",
        "section": item.section or "",
        "rating": item.rating or "",
        "direction": item.direction or "",
        "item_json": item.model_dump_json(),
    }
    for code in (item.rating or "").split("/"):
        if code:
            metadata[f"rating_{code}"] = True
    for role in ROLES:
        for person in getattr(item, role):
            metadata[f"{role}_{normalise_initials(person.initials)}"] = True
            metadata[f"person_{normalise_initials(person.initials)}"] = True
    return _node(item.id, item_text(item), metadata)


def passage_node(doc: PlanDocument, passage: Passage) -> TextNode:
    metadata: dict[str, str | int | float | bool] = {
        **_base_metadata(doc),
        "node_kind": "passage",
        "ref": "",
        "section": passage.section or "",
        "passage_json": passage.model_dump_json(),
    }
    text = f"{passage.section.title()}\n{passage.text}" if passage.section else passage.text
    return _node(passage.id, text, metadata)


def _node(node_id: str, text: str, metadata: dict[str, str | int | float | bool]) -> TextNode:
    # The JSON copies are for rebuilding the models, not for the embedding or BM25 text.
    hidden = [k for k in metadata if k.endswith("_json") or k.startswith(("rating_", "person_"))]
    hidden += [k for k in metadata if k.startswith(tuple(f"{r}_" for r in ROLES))]
    return TextNode(
        id_=node_id,
        text=text,
        metadata=metadata,
        excluded_embed_metadata_keys=list(metadata),
        excluded_llm_metadata_keys=hidden,
    )


def document_nodes(doc: PlanDocument) -> list[TextNode]:
    """Every node of a document: its items, then its passages."""
    return [item_node(doc, item) for item in doc.items] + [
        passage_node(doc, passage) for passage in doc.passages
    ]
