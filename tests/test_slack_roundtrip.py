"""A councillor's round trip, end to end through the real Bolt app and the real Assistant.

Mention in a channel → answer in the thread with sources → follow-up "who owns it?" in
the thread → 👎 with a correction through the modal → ``planbot feedback export`` →
an eval item in the known-answer set format.
"""

from __future__ import annotations

import pytest
import yaml
from click.testing import CliRunner

pytest.register_assert_rewrite("tests.slack_fixtures")

from connectors.slack import blocks  # noqa: E402
from connectors.slack.commands import feedback_group  # noqa: E402
from connectors.slack.feedback import FeedbackStore  # noqa: E402
from evals.schema import parse_set  # noqa: E402
from tests.slack_fixtures import SlackRig  # noqa: E402

pytest_plugins = ["tests.slack_fixtures"]

QUESTION = "what's the latest on the one stop shop for homeless people?"


def test_councillor_round_trip(slack_rig: SlackRig, tmp_path) -> None:
    store = FeedbackStore(slack_rig.settings.feedback_db)
    root = "1700000200.000100"

    # 1. a mention in a channel is answered in its thread, with sources
    slack_rig.mention(QUESTION, ts=root, channel="C0HOUSING")
    [first] = slack_rig.mock.wait_for("chat.postMessage")
    assert (first.args["channel"], first.args["thread_ts"]) == ("C0HOUSING", root)
    answer = store.answer(first.buttons()[blocks.ACTION_UP])
    assert answer is not None and answer.answered and answer.items
    item = answer.items[0]
    assert "*Sources*" in first.block_text() and f"ref {item.ref}" in first.block_text()
    assert answer.citations[0].document in first.block_text()

    # 2. "who owns it?" in the thread is about the same item
    slack_rig.mention("who owns it?", ts="1700000201.000100", channel="C0HOUSING", thread_ts=root)
    follow_up_call = slack_rig.mock.wait_for("chat.postMessage", count=2)[1]
    assert follow_up_call.args["thread_ts"] == root
    follow_up = store.answer(follow_up_call.buttons()[blocks.ACTION_UP])
    assert follow_up is not None and follow_up.citations[0].ref == item.ref
    assert item.owner and blocks.escape(item.owner[0].display()) in follow_up_call.block_text()

    # 3. 👎 opens the modal; the correction is stored
    slack_rig.click(
        blocks.ACTION_DOWN,
        follow_up_call.buttons()[blocks.ACTION_DOWN],
        message_call=follow_up_call,
        channel="C0HOUSING",
    )
    [opened] = slack_rig.mock.wait_for("views.open")
    correction = "The owner changed in the Q3 update; it is now the Head of Housing Options."
    state = {
        "values": {
            "kind": {
                "kind": {"type": "static_select", "selected_option": {"value": "wrong_facts"}}
            },
            "wrong": {"wrong": {"type": "plain_text_input", "value": "Out of date owner"}},
            "expected": {"expected": {"type": "plain_text_input", "value": correction}},
            "refs": {"refs": {"type": "plain_text_input", "value": item.ref}},
        }
    }
    status, _ = slack_rig.interact(
        {
            "type": "view_submission",
            "user": {"id": "U0CLLR"},
            "view": {**opened.args["view"], "id": "V1", "state": state},
        }
    )
    assert status == 200

    # 4. the export turns it into an eval item
    out = tmp_path / "feedback.yaml"
    result = CliRunner().invoke(
        feedback_group, ["export", "--db", str(slack_rig.settings.feedback_db), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    exported = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert exported["name"] == "feedback"
    [eval_item] = exported["questions"]
    assert (
        eval_item["question"] == f"{QUESTION} who owns it?"
    )  # the follow-up with what it followed
    assert {"feedback", "follow-up"} <= set(eval_item["tags"])
    assert eval_item["expect"] == {"answered": True, "facts": [correction], "refs": [item.ref]}
    parse_set(exported, str(out))  # a valid known-answer set for `planbot eval`
