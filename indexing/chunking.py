"""``PlanDocument`` → llama-index ``TextNode``s: one node per item, table row and passage.

A status question must be answered from a whole row, so a plan item is never split:
its commitment leads the embedded text (MiniLM reads only the first 256 word pieces)
and every field lives in metadata, where Chroma's ``where`` filters can find it exactly
("which are amber?", "what is Cllr Long responsible for?").

People and rating codes are *lists* (``owner: ["DS"]``, ``ratings: ["G", "A"]``, matched
with ``$contains``), not one flag key per person: Chroma reads a collection's schema of
metadata keys on every query, so a key per person made every query slower as councils
and officers were added (measured: 2.5 ms → 12 ms at 10k nodes with 3,000 such keys;
docs/benchmarks.md).
"""

from __future__ import annotations

import re

from llama_index.core.schema import TextNode

from indexing.model import Passage, PlanDocument, PlanItem, TableRow
from indexing.people_key import person_key
from indexing.ratings import rating_change, rating_codes

ROLES = ("owner", "director", "cabinet_member")
NODE_KINDS = ("item", "passage", "row")
"""What a node is: a tracked item, a stretch of prose, or a row of a table of figures."""


_FINANCIAL_YEAR = re.compile(r"\b((?:19|20)\d{2})/(\d{2})\b")
"""A financial year written with a slash ("2014/15"), indexed as one term ("2014-15") so its
"15" is not the "15" of "answered in 15 seconds"."""
SHORT_COLUMN = 40
"""Characters a role-less column's value may have to be indexed with its item."""


def _one_term_years(header: str) -> str:
    return _FINANCIAL_YEAR.sub(r"\1-\2", header)


def item_text(item: PlanItem) -> str:
    """What is embedded and keyword-indexed for an item: words a question would use.

    The item's own words lead (MiniLM reads only the first 256 word pieces); its values
    by role follow ("latest: 94%", "score: 16"), then the columns that have no role under
    their own headers, so a figure asked for is also a keyword.
    """
    parts = [f"{item.ref}. " if item.ref else "", item.commitment]
    if item.update:
        parts.append(f"\n{item.update}")
    values = [f"{role}: {value}" for role, value in item.fields.items() if value]
    # short columns with no role keep their own headers ("Q1 2014/15: 94.2", "Estimated
    # Lifetime Financial Exposure £m: 30.0"): a question names them by those words; a long
    # one (a register's "Risk Event" prose) would outweigh the item's own name
    values += [
        f"{_one_term_years(header)}: {value}"
        for header, value in item.other_fields.items()
        if value and len(value) <= SHORT_COLUMN
    ]
    if values:
        parts.append("\n" + "; ".join(values))
    if item.section:
        parts.append(f"\n({item.section.title()})")
    return "".join(parts)


def row_text(row: TableRow) -> str:
    """A table row as words: its table's name, then each cell under its header, the
    row's name first wherever its column stands ("column 2: Pay" before the figures of
    the years to its left), so the words that say what the row counts lead."""
    label = row.label()
    named = [(h, v) for h, v in row.cells.items() if v and v == label][:1]
    rest = [(h, v) for h, v in row.cells.items() if v and (h, v) not in named]
    cells = "; ".join(f"{header}: {value}" for header, value in named + rest)
    return f"{row.table}\n{cells}" if row.table else cells


Metadata = dict[str, str | int | float | bool | list[str]]


def _base_metadata(doc: PlanDocument) -> Metadata:
    # "plan_document", not "document_id": llama-index's Chroma store writes its own
    # document_id/doc_id keys (the node's source document) over a key of that name.
    meta = doc.meta
    return {
        "plan_document": doc.id,
        "document_title": meta.title,
        "document_kind": meta.kind.value,
        "document_date": meta.date or "",
        "document_period": meta.period or "",
        "document_url": meta.url or "",
        "committee": meta.committee or "",
        "meeting_date": meta.meeting_date or "",
        "access": meta.access.value,
    }


def item_node(doc: PlanDocument, item: PlanItem) -> TextNode:
    metadata: Metadata = {
        **_base_metadata(doc),
        "node_kind": "item",
        "item_kind": item.kind.value,
        "ref": item.ref or "",
        "section": item.section or "",
        "rating": item.rating or "",
        "previous_rating": item.previous_rating or "",
        "rating_change": rating_change(item.previous_rating, item.rating) or "",
        "direction": item.direction or "",
        "page": item.location.page or 0,
        "item_json": item.model_dump_json(),
    }
    # Chroma refuses an empty list, so a list key is left out when there is nobody.
    codes = rating_codes(item.rating)
    if codes:
        metadata["ratings"] = codes
    everyone: list[str] = []
    for role in ROLES:
        initials = [key for key in dict.fromkeys(person_key(p) for p in getattr(item, role)) if key]
        if initials:
            metadata[role] = initials
            everyone += [i for i in initials if i not in everyone]
    if everyone:
        metadata["people"] = everyone
    return _node(item.id, item_text(item), metadata)


def passage_node(doc: PlanDocument, passage: Passage) -> TextNode:
    metadata: Metadata = {
        **_base_metadata(doc),
        "node_kind": "passage",
        "ref": "",
        "section": passage.section or "",
        "page": passage.location.page or 0,
        "passage_json": passage.model_dump_json(),
    }
    text = f"{passage.section.title()}\n{passage.text}" if passage.section else passage.text
    return _node(passage.id, text, metadata)


def row_node(doc: PlanDocument, row: TableRow) -> TextNode:
    metadata: Metadata = {
        **_base_metadata(doc),
        "node_kind": "row",
        "ref": "",
        "section": row.section or "",
        "page": row.location.page or 0,
        "row_json": row.model_dump_json(),
    }
    return _node(row.id, row_text(row), metadata)


def _node(node_id: str, text: str, metadata: Metadata) -> TextNode:
    # The JSON copies are for rebuilding the models, not for the embedding or BM25 text.
    hidden = [k for k in metadata if k.endswith("_json") or k in ("ratings", "people", *ROLES)]
    return TextNode(
        id_=node_id,
        text=text,
        metadata=metadata,
        excluded_embed_metadata_keys=list(metadata),
        excluded_llm_metadata_keys=hidden,
    )


def document_nodes(doc: PlanDocument) -> list[TextNode]:
    """Every node of a document: its items, its table rows, then its passages."""
    return (
        [item_node(doc, item) for item in doc.items]
        + [row_node(doc, row) for row in doc.tables]
        + [passage_node(doc, passage) for passage in doc.passages]
    )
