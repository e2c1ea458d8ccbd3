"""Answers posted and the 👍/👎 they get, in SQLite; 👎s exported as eval items.

Every answer the bot posts is kept (question, the ``Answer`` as JSON, where it was
posted) so that a button pressed days later, after a restart, still knows what it is
about. A vote copies the question, answer text and citations into its own row, so the
feedback table reads on its own. ``export_known_answer_items`` turns the 👎s into items
of the known-answer sets in ``evals/sets``: real misses become regression tests.

One short-lived connection per call: SQLite with WAL is safe across the listener
threads, and nothing holds a connection open between Slack events.
"""

from __future__ import annotations

import json
import re
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from assistant.conversation import FOLLOW_UP_OF  # the question a follow-up was asked after
from assistant.models import Answer

Verdict = Literal["up", "down"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    id TEXT PRIMARY KEY,
    created TEXT NOT NULL,
    question TEXT NOT NULL,
    answer_json TEXT NOT NULL,
    user TEXT,
    channel TEXT,
    thread_ts TEXT
);
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    answer_id TEXT,
    created TEXT NOT NULL,
    updated TEXT,
    user TEXT,
    channel TEXT,
    verdict TEXT NOT NULL CHECK (verdict IN ('up', 'down')),
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    answered INTEGER NOT NULL,
    citations TEXT NOT NULL,
    context_question TEXT,
    kind TEXT,
    wrong TEXT,
    expected TEXT,
    expected_refs TEXT
);
CREATE INDEX IF NOT EXISTS feedback_verdict ON feedback (verdict);
"""


class FeedbackRow(BaseModel):
    """One vote on one answer, with the correction a 👎 may carry."""

    id: int
    answer_id: str | None
    created: str
    updated: str | None
    user: str | None
    channel: str | None
    verdict: Verdict
    question: str
    answer: str
    answered: bool
    citations: list[dict[str, Any]]
    context_question: str | None
    kind: str | None
    wrong: str | None
    expected: str | None
    expected_refs: str | None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class FeedbackStore:
    """The SQLite file at ``settings.feedback_db``."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.executescript(_SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=10)
        db.row_factory = sqlite3.Row
        try:
            with db:  # commit on success, roll back on error
                yield db
        finally:
            db.close()

    # --- answers ------------------------------------------------------------------
    def save_answer(
        self, answer: Answer, *, user: str | None, channel: str | None, thread_ts: str | None = None
    ) -> str:
        """Keep a posted answer; the returned id is what its buttons carry."""
        answer_id = uuid.uuid4().hex
        with self._connect() as db:
            db.execute(
                "INSERT INTO answers (id, created, question, answer_json, user, channel, thread_ts)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    answer_id,
                    _now(),
                    answer.question,
                    answer.model_dump_json(),
                    user,
                    channel,
                    thread_ts,
                ),
            )
        return answer_id

    def answer(self, answer_id: str) -> Answer | None:
        with self._connect() as db:
            row = db.execute(
                "SELECT answer_json FROM answers WHERE id = ?", (answer_id,)
            ).fetchone()
        return Answer.model_validate_json(row["answer_json"]) if row else None

    # --- votes --------------------------------------------------------------------
    def record(
        self, answer_id: str, verdict: Verdict, *, user: str | None, channel: str | None
    ) -> int | None:
        """A 👍 or 👎 on a kept answer → the feedback row id (``None``: unknown answer)."""
        answer = self.answer(answer_id)
        if answer is None:
            return None
        citations = json.dumps(
            [c.model_dump(mode="json") for c in answer.citations], ensure_ascii=False
        )
        context = answer.metadata.get(FOLLOW_UP_OF)
        with self._connect() as db:
            cursor = db.execute(
                "INSERT INTO feedback (answer_id, created, user, channel, verdict, question, answer, answered,"
                " citations, context_question) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    answer_id,
                    _now(),
                    user,
                    channel,
                    verdict,
                    answer.question,
                    answer.answer,
                    int(answer.answered),
                    citations,
                    str(context) if context else None,
                ),
            )
            return int(cursor.lastrowid or 0)

    def add_correction(
        self,
        feedback_id: int,
        *,
        kind: str | None = None,
        wrong: str | None = None,
        expected: str | None = None,
        expected_refs: str | None = None,
    ) -> bool:
        """What was wrong and the expected answer, from the 👎 modal. False: no such row."""
        with self._connect() as db:
            cursor = db.execute(
                "UPDATE feedback SET kind = ?, wrong = ?, expected = ?, expected_refs = ?, updated = ? WHERE id = ?",
                (kind, wrong, expected, expected_refs, _now(), feedback_id),
            )
            return cursor.rowcount == 1

    def rows(self, verdict: Verdict | None = None) -> list[FeedbackRow]:
        query = (
            "SELECT * FROM feedback" + (" WHERE verdict = ?" if verdict else "") + " ORDER BY id"
        )
        with self._connect() as db:
            found = db.execute(query, (verdict,) if verdict else ()).fetchall()
        return [
            FeedbackRow.model_validate({**dict(row), "citations": json.loads(row["citations"])})
            for row in found
        ]


def export_known_answer_items(db: Path | FeedbackStore) -> list[dict[str, Any]]:
    """The 👎s as known-answer eval items (``evals.schema.Question``, ``evals/sets/*.yaml``).

    ``expect.answered`` is false only when the reporter said the documents don't cover
    the question (and then has no facts, as the schema requires); otherwise the
    expected answer, when given, is the fact to find, for a reviewer to trim to the
    words that matter. The refs are the ones the reporter said it should cite. A thread
    follow-up ("who owns it?") means nothing alone, so its question is prefixed with
    the question it followed and tagged ``follow-up``.
    """
    store = db if isinstance(db, FeedbackStore) else FeedbackStore(Path(db))
    items: list[dict[str, Any]] = []
    for row in store.rows("down"):
        answered = row.kind != "should_decline"
        question = (
            f"{row.context_question.rstrip()} {row.question}"
            if row.context_question
            else row.question
        )
        tags = (
            ["feedback"]
            + ([row.kind] if row.kind else [])
            + (["follow-up"] if row.context_question else [])
        )
        items.append(
            {
                "id": f"feedback-{row.id}",
                "question": question,
                "tags": tags,
                "expect": {
                    "answered": answered,
                    "facts": [row.expected] if row.expected and answered else [],
                    "refs": [ref for ref in re.split(r"[\s,;]+", row.expected_refs or "") if ref],
                },
            }
        )
    return items
