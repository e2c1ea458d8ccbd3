"""Every kind of Slack request is answered once: the real Bolt app behind the real server.

``X-Slack-Retry-Num`` is not signed, so a captured request dressed up as Slack's retry
gets past the replay check (``refuse_replays`` lets retries through to de-duplication);
what stops it answering twice is the stable key of each request kind
(``connectors.slack.dedupe.request_key``): the event id, a command's trigger id, an
action's trigger id with its action id and timestamp.
"""

from __future__ import annotations

import logging

import pytest

from connectors.slack import blocks
from connectors.slack.dedupe import RecentKeys, request_key
from tests.slack_fixtures import SlackRig

pytest_plugins = ["tests.slack_fixtures"]


def test_a_plan_command_replayed_as_a_retry_is_answered_once(slack_rig: SlackRig) -> None:
    assert slack_rig.command("how is 12.1 rated?")[0] == 200
    sent = slack_rig.last_sent
    slack_rig.mock.wait_for("response_url")
    for retry in (1, 2, 3):
        assert (
            slack_rig.replay(sent, retry_num=retry)[0] == 200
        )  # acknowledged, so Slack stops retrying
    slack_rig.wait_idle()
    assert len(slack_rig.mock.of("response_url")) == 1


def test_two_commands_with_the_same_words_are_both_answered(slack_rig: SlackRig) -> None:
    slack_rig.command("how is 12.1 rated?")
    slack_rig.command("how is 12.1 rated?")  # a new invocation: its own trigger id
    slack_rig.mock.wait_for("response_url", count=2)
    slack_rig.wait_idle()
    assert len(slack_rig.mock.of("response_url")) == 2


def test_a_share_click_replayed_as_a_retry_posts_in_the_channel_once(slack_rig: SlackRig) -> None:
    slack_rig.command("how is 12.1 rated?")
    [private] = slack_rig.mock.wait_for("response_url")
    slack_rig.click(blocks.ACTION_SHARE, private.buttons()[blocks.ACTION_SHARE], ephemeral=True)
    click = slack_rig.last_sent
    slack_rig.mock.wait_for("chat.postMessage")
    for retry in (1, 2):
        assert slack_rig.replay(click, retry_num=retry)[0] == 200
    slack_rig.wait_idle()
    assert len(slack_rig.mock.of("chat.postMessage")) == 1


def test_a_timestamp_that_is_not_a_number_is_401_without_a_traceback(
    slack_rig: SlackRig, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    for stamp in ("abc", "", "1e9", "-5", "²"):
        status, body = slack_rig.post(
            '{"type": "event_callback"}',
            "application/json",
            headers={"X-Slack-Request-Timestamp": stamp},
        )
        assert status == 401, stamp
        assert "Traceback" not in body
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]
    slack_rig.wait_idle()
    assert [c.method for c in slack_rig.mock.calls] == ["auth.test"]


def test_keys_of_each_kind_and_their_expiry() -> None:
    command = {"command": "/plan", "trigger_id": "1.2.3", "text": "x"}
    action = {
        "type": "block_actions",
        "trigger_id": "4.5",
        "actions": [{"action_id": "a", "action_ts": "9.1"}],
    }
    assert request_key({"event_id": "Ev1", "type": "event_callback"}) == ("event", "Ev1")
    assert request_key(command) == ("command", "1.2.3")
    assert request_key(action) == ("action", "4.5", (("a", "9.1"),))
    assert (
        request_key({"type": "view_submission", "trigger_id": "7", "view": {"id": "V1"}})[0]
        == "view"
    )
    assert request_key({"type": "url_verification", "challenge": "c"}) is None
    recent = RecentKeys(ttl_seconds=0.05)
    assert recent.claim(("command", "1")) and not recent.claim(("command", "1"))
    import time

    time.sleep(0.1)
    assert recent.claim(
        ("command", "1")
    )  # Slack's retry window is over: a key is not kept for ever


@pytest.mark.parametrize("question", ["the", "is that it?"])
def test_a_question_of_only_common_words_gets_a_clear_reply_not_an_error(
    slack_rig: SlackRig, question: str
) -> None:
    slack_rig.mention(question, ts="1700000900.000100")
    slack_rig.command(question)
    [post] = slack_rig.mock.wait_for("chat.postMessage")
    [private] = slack_rig.mock.wait_for("response_url")
    slack_rig.wait_idle()
    for text in (post.block_text(), private.block_text()):
        assert "names nothing to look up" in text and "something went wrong" not in text, text
