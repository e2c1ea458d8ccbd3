"""``state.json`` of an index generation: what it holds, how it was built, each file it read.

Ingest compares the files it is given with these records to read only what changed, and
refuses (then rebuilds) a generation whose ``format`` is older than ``INDEX_FORMAT``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, Field

INDEX_FORMAT = 2
"""What a generation's folder holds. 2: ``nodes.sqlite`` (node_table.py) and BM25 rows
keyed by node id (keyword_index.py). ``planbot ingest`` rebuilds an older generation,
reusing its vectors."""


class FileRecord(BaseModel):
    """One ingested file, as the index remembers it (to skip it when unchanged)."""

    path: str
    sha256: str
    document_id: str
    title: str
    items: int
    passages: int
    table_rows: int = 0
    stated: dict[str, Any] = Field(
        default_factory=dict,
        description="What the manifest stated of the file when it was read: a change (a paper "
        "relabelled restricted) reads it again although its bytes are the same",
    )


class IndexState(BaseModel):
    """``state.json`` of a generation: what it holds and how it was built."""

    generation: str
    created: str = Field(default_factory=lambda: datetime.now(UTC).isoformat())
    embedding_model: str
    format: int = 1
    files: dict[str, FileRecord] = Field(default_factory=dict)
