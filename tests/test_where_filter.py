"""``where_matches`` agrees with Chroma's own filter on every operator it accepts, and refuses
the rest: a filter it cannot judge must never read as met (``{'$gt': 5}`` is not True)."""

from __future__ import annotations

import uuid

import chromadb
import pytest

from indexing.where import where_matches

ROWS = [
    {"plan_document": "a", "rating": "G", "ref": "1.1", "people": ["DS", "NL"]},
    {"plan_document": "a", "rating": "A", "ref": "1.2", "people": ["MK"]},
    {"plan_document": "b", "rating": "R", "ref": "2.1", "people": ["DS"]},
    {"plan_document": "c", "rating": "G", "ref": "3.1", "people": ["XY"]},
]

WHERES = [
    {"plan_document": "a"},
    {"rating": {"$eq": "G"}},
    {"rating": {"$ne": "G"}},
    {"plan_document": {"$in": ["a", "c"]}},
    {"plan_document": {"$nin": ["a"]}},
    {"people": {"$contains": "DS"}},
    {"$and": [{"plan_document": "a"}, {"rating": "A"}]},
    {"$or": [{"ref": "2.1"}, {"people": {"$contains": "XY"}}]},
    {"$and": [{"plan_document": {"$in": ["a", "b"]}}, {"$or": [{"rating": "R"}, {"ref": "1.1"}]}]},
]


@pytest.fixture(scope="module")
def collection():
    client = chromadb.EphemeralClient()
    coll = client.create_collection(f"where-{uuid.uuid4().hex[:8]}")
    coll.add(
        ids=[str(i) for i in range(len(ROWS))],
        embeddings=[[float(i), 1.0] for i in range(len(ROWS))],
        metadatas=ROWS,  # type: ignore[arg-type]  # chromadb's Metadata type omits lists
    )
    return coll


@pytest.mark.parametrize("where", WHERES, ids=[str(w) for w in WHERES])
def test_agrees_with_chroma(collection, where) -> None:
    chroma = set(collection.get(where=where, include=[])["ids"])
    ours = {str(i) for i, row in enumerate(ROWS) if where_matches(row, where)}
    assert ours == chroma


@pytest.mark.parametrize(
    "where",
    [
        {"a": {"$gt": 5}},
        {"a": {"$in": [1], "$lte": 3}},
        {"$not": {"a": 1}},
        {"a": {}},
        {"$and": {"a": 1}},
        {"$or": [{"a": 1}, {"b": {"$regex": "x"}}]},
    ],
)
def test_an_operator_it_does_not_know_raises(where) -> None:
    with pytest.raises(ValueError):
        where_matches({"a": 1, "b": "x"}, where)


def test_no_filter_keeps_everything() -> None:
    assert where_matches({"a": 1}, None) and where_matches({"a": 1}, {})
