"""Which nodes a filter keeps, judged without asking Chroma: its ``where`` language, strictly.

Answering filters BM25 hits and over-fetched neighbours itself (cheaper than Chroma's own
filter, which scans metadata first), so it must read a ``where`` exactly as Chroma does, and
refuse one it cannot read rather than keep everything.
"""

from __future__ import annotations

from typing import Any


def document_of(node_id: str) -> str:
    """The document a node belongs to, from its id: the parser names every item and
    passage ``<document id>:<key>`` (``indexing/readers``), and document ids are
    file-name slugs, which hold no colon."""
    return node_id.partition(":")[0]


WHERE_OPERATORS = frozenset({"$eq", "$ne", "$in", "$nin", "$contains"})
"""The operators ``where_matches`` evaluates (with ``$and`` and ``$or``); the filters answering
builds use only these."""


def where_matches(metadata: dict[str, Any], where: dict[str, Any] | None) -> bool:
    """Does a node's metadata pass ``where``, read as Chroma reads it?

    Only the part of Chroma's ``where`` language our filters use is evaluated (a value,
    ``WHERE_OPERATORS``, ``$and``, ``$or``); anything else (``$gt``, ``$regex``…) raises
    ``ValueError`` rather than pass every node, so a filter this cannot judge is never
    taken as met.
    """
    if not where:
        return True
    for key, cond in where.items():
        if key in ("$and", "$or"):
            if not isinstance(cond, list):
                raise ValueError(f"{key} takes a list of conditions, not {cond!r}")
            results = [where_matches(metadata, c) for c in cond]
            if not (all(results) if key == "$and" else any(results)):
                return False
        elif key.startswith("$"):
            raise ValueError(f"unknown where operator {key!r}")
        elif isinstance(cond, dict):
            unknown = set(cond) - WHERE_OPERATORS
            if unknown or not cond:
                raise ValueError(f"where on {key!r}: unsupported operator(s) {sorted(unknown)}")
            value = metadata.get(key)
            if "$eq" in cond and value != cond["$eq"]:
                return False
            if "$ne" in cond and value == cond["$ne"]:
                return False
            if "$in" in cond and value not in cond["$in"]:
                return False
            if "$nin" in cond and value in cond["$nin"]:
                return False
            if "$contains" in cond and cond["$contains"] not in (value or []):
                return False
        elif metadata.get(key) != cond:
            return False
    return True
