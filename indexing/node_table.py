"""``nodes.sqlite``: every node of a generation by id — text, metadata and vector.

Chroma finds the nearest nodes; this table hands them back. Asking Chroma for text and
metadata too made every search several times slower than the search itself (30 nodes:
6.1 ms against 2.2 ms for ids and distances at 10k nodes), because Chroma keeps metadata
one row per key; and a keyword hit the dense search missed needs its vector for the
relevance floor. One indexed SQLite read of a few dozen rows costs 2–3 ms at 100k items,
through a memory map and a bounded page cache, with no copy of the table in memory.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

FILE = "nodes.sqlite"
_BATCH = 500  # ids per query: under SQLite's limit on bound parameters
MMAP_BYTES = 4 << 30  # address space only: pages are read when touched


def write_node_table(
    path: Path, rows: Iterable[tuple[str, str, dict[str, Any], list[float]]]
) -> None:
    """Write (id, text, metadata, vector) rows to a new table at ``path``."""
    import numpy as np

    with sqlite3.connect(path) as db:
        db.execute(
            "CREATE TABLE nodes (id TEXT PRIMARY KEY, text TEXT NOT NULL, metadata TEXT NOT NULL, vector BLOB NOT NULL) WITHOUT ROWID"
        )
        db.executemany(
            "INSERT INTO nodes VALUES (?, ?, ?, ?)",
            (
                (
                    node_id,
                    text,
                    json.dumps(metadata, ensure_ascii=False),
                    np.asarray(vector, dtype=np.float32).tobytes(),
                )
                for node_id, text, metadata, vector in rows
            ),
        )
    db.close()


class NodeTable:
    """Read-only access to ``nodes.sqlite``; one connection per thread (the Slack bot
    answers on several)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = self._local.db = sqlite3.connect(
                f"file:{self.path}?mode=ro", uri=True, check_same_thread=False
            )
            # Read through a memory map and keep up to 64 MB of pages: with SQLite's
            # defaults (2 MB of cache, a read() per page) 60 rows of a 100k-item table
            # took 2-100 ms, depending on what the kernel had kept (docs/benchmarks.md).
            db.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
            db.execute("PRAGMA cache_size=-65536")
        return db

    def rows(
        self, ids: list[str], *, vectors: bool = False
    ) -> dict[str, tuple[str, dict[str, Any], Any]]:
        """``{id: (text, metadata, vector or None)}`` for the ids that exist."""
        import numpy as np

        found: dict[str, tuple[str, dict[str, Any], Any]] = {}
        columns = "id, text, metadata" + (", vector" if vectors else "")
        for start in range(0, len(ids), _BATCH):
            chunk = ids[start : start + _BATCH]
            marks = ",".join("?" * len(chunk))
            for row in self._db().execute(
                f"SELECT {columns} FROM nodes WHERE id IN ({marks})", chunk
            ):
                vector = np.frombuffer(row[3], dtype=np.float32) if vectors else None
                found[row[0]] = (row[1], json.loads(row[2]), vector)
        return found
