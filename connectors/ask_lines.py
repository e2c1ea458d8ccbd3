"""The lines of ``planbot ask -``: a plain question, or a JSON object with its question
and conversation id; and how a line that cannot be answered is reported."""

from __future__ import annotations

import json

import click


class BatchLineError(str):
    """A line of ``ask -`` that is neither a question nor a valid JSON question."""


def read_line(line: str) -> tuple[str, str | BatchLineError | None]:
    """One line of ``ask -``: (question, conversation id or None), or a
    ``BatchLineError`` in place of the id when a JSON line is malformed."""
    text = line.strip()
    if not text.startswith("{"):
        return text, None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        return text, BatchLineError(f"not a valid JSON line ({err.msg})")
    question = data.get("question") if isinstance(data, dict) else None
    if not isinstance(question, str):
        return text, BatchLineError('a JSON line needs "question": "…"')
    conversation = data.get("conversation")
    if conversation is not None and not isinstance(conversation, (str, int)):
        return question, BatchLineError('"conversation" must be a string or a number')
    return question, None if conversation is None else str(conversation)


def print_line_error(as_json: bool, text: str, message: str, conversation: str | None) -> None:
    """A line that could not be answered: its error as a plain line, or as a JSON object
    (with its conversation id) in ``--json`` mode, so the batch goes on."""
    if not as_json:
        click.echo(f"error: {message}")
        return
    record = {"question": text[:200], "error": message}
    click.echo(json.dumps(record | ({"conversation": conversation} if conversation else {})))
