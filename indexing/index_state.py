"""``state.json`` of an index generation: what it holds, how it was built, each file it read.

Ingest compares the files it is given with these records to read only what changed, and
refuses (then rebuilds) a generation whose ``format`` is older than ``INDEX_FORMAT``.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

INDEX_FORMAT = 2
"""What a generation's folder holds. 2: ``nodes.sqlite`` (node_table.py) and BM25 rows
keyed by node id (keyword_index.py). ``planbot ingest`` rebuilds an older generation,
reusing its vectors."""


@cache
def readers_version() -> str:
    """A digest of the code that turns files into documents and nodes (every module of
    ``indexing``). A file read by other code may hold other items, so when it differs
    from the one a file's record holds, ingest reads that file again; vectors of text
    that did not change are still reused, so only the reading is repeated."""
    root = Path(__file__).parent
    digest = hashlib.blake2b(digest_size=12)
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


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
    readers: str = Field(
        default="",
        description="readers_version() of the code that read the file: other code reads it again",
    )


class IndexState(BaseModel):
    """``state.json`` of a generation: what it holds and how it was built."""

    generation: str
    created: str = Field(default_factory=lambda: datetime.now(UTC).isoformat())
    embedding_model: str
    format: int = 1
    files: dict[str, FileRecord] = Field(default_factory=dict)
