"""The modal a 👎 opens in Slack: what was wrong and what the answer should have been.

Its answers become a feedback record (``connectors.slack.feedback``), which
``planbot feedback`` turns into eval questions.
"""

from __future__ import annotations

import json
from typing import Any

from connectors.slack.blocks import Block, clip, escape, section

FEEDBACK_VIEW = "plan_feedback"
"""The modal's callback id."""

FEEDBACK_KINDS: dict[str, str] = {
    "wrong_facts": "The facts, rating or owner are wrong",
    "wrong_item": "It answered about the wrong item",
    "should_decline": "The documents don't cover this; it should have said so",
    "should_answer": "The documents do cover this; it should have answered",
    "other": "Something else",
}


def feedback_modal(feedback_id: int, question: str) -> Block:
    """The modal a 👎 opens: what was wrong and what the answer should have been."""

    def text_input(block_id: str, label: str, placeholder: str, multiline: bool) -> Block:
        return {
            "type": "input",
            "block_id": block_id,
            "optional": True,
            "label": {"type": "plain_text", "text": label},
            "element": {
                "type": "plain_text_input",
                "action_id": block_id,
                "multiline": multiline,
                "max_length": 2000,
                "placeholder": {"type": "plain_text", "text": placeholder},
            },
        }

    options = [
        {"text": {"type": "plain_text", "text": text}, "value": value}
        for value, text in FEEDBACK_KINDS.items()
    ]
    return {
        "type": "modal",
        "callback_id": FEEDBACK_VIEW,
        "private_metadata": json.dumps({"feedback_id": feedback_id}),
        "title": {"type": "plain_text", "text": "Plan Assistant"},
        "submit": {"type": "plain_text", "text": "Send"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": [
            section(f"*What went wrong with this answer?*\n❓ {escape(clip(question, 500))}"),
            {
                "type": "input",
                "block_id": "kind",
                "optional": True,
                "label": {"type": "plain_text", "text": "What kind of problem"},
                "element": {"type": "static_select", "action_id": "kind", "options": options},
            },
            text_input(
                "wrong", "What was wrong?", "e.g. 12.1 is rated Amber in the Q3 update", True
            ),
            text_input(
                "expected", "What should the answer have been?", "The answer you expected", True
            ),
            text_input("refs", "Which ref(s) should it cite?", "e.g. 12.1, 3.2", False),
        ],
    }


def parse_feedback_modal(view: dict[str, Any]) -> tuple[int | None, dict[str, str | None]]:
    """A submitted 👎 modal → (feedback id, {kind, wrong, expected, refs})."""
    try:
        feedback_id = int(json.loads(view.get("private_metadata") or "{}").get("feedback_id"))
    except (TypeError, ValueError):
        feedback_id = None
    values = (view.get("state") or {}).get("values") or {}

    def value(block_id: str) -> str | None:
        field = (values.get(block_id) or {}).get(block_id) or {}
        if field.get("type") == "static_select":
            return (field.get("selected_option") or {}).get("value")
        text = (field.get("value") or "").strip()
        return text or None

    return feedback_id, {name: value(name) for name in ("kind", "wrong", "expected", "refs")}
