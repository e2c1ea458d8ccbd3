"""The Slack bot through the real Bolt app, over HTTP, as Slack delivers requests.

Each test starts a fresh bot (``slack_rig``) on the shared real Assistant and index,
sends signed Events API / slash-command / interaction requests to its endpoint, and
asserts what the bot posted to the mock of Slack's Web API: where (channel, thread),
how (public or ephemeral) and what (blocks citing the ref asked about).
"""

from __future__ import annotations

import json
import logging
import time

import pytest

pytest.register_assert_rewrite("tests.slack_fixtures")

from connectors.slack import blocks  # noqa: E402
from connectors.slack.feedback import FeedbackStore  # noqa: E402
from tests.slack_fixtures import BOT_TOKEN, SIGNING_SECRET, SlackRig  # noqa: E402
from tests.slack_mock_server import BOT_ID, BOT_USER_ID, Call  # noqa: E402

pytest_plugins = ["tests.slack_fixtures"]

CHANNEL = "C0COUNCIL"


def stored_answer(rig: SlackRig, call: Call):
    """The Answer behind a posted message, found through its 👍 button's answer id."""
    answer = FeedbackStore(rig.settings.feedback_db).answer(call.buttons()[blocks.ACTION_UP])
    assert answer is not None
    return answer


# --- where it answers --------------------------------------------------------------------
def test_mention_is_answered_in_its_thread_with_sources_and_rating(slack_rig: SlackRig) -> None:
    status, _ = slack_rig.mention("how is 12.1 rated?", ts="1700000000.000100")
    assert status == 200
    [call] = slack_rig.mock.wait_for("chat.postMessage")
    assert call.args["channel"] == CHANNEL and call.args["thread_ts"] == "1700000000.000100"
    answer = stored_answer(slack_rig, call)
    assert answer.answered and answer.items[0].ref == "12.1"
    text = call.block_text()
    assert "*Sources*" in text and "ref 12.1" in text and answer.citations[0].date in text
    assert blocks.rating_marker(answer.items[0].rating) in text
    assert set(call.buttons()) == {blocks.ACTION_UP, blocks.ACTION_DOWN, blocks.ACTION_DRAFT}


def test_direct_message_is_answered_in_the_dm_and_follow_ups_resolve(slack_rig: SlackRig) -> None:
    slack_rig.message(
        "how is 12.1 rated?", ts="1700000001.000100", channel="D0DM", channel_type="im"
    )
    [first] = slack_rig.mock.wait_for("chat.postMessage")
    assert first.args["channel"] == "D0DM" and first.args.get("thread_ts") is None
    slack_rig.message("and who owns it?", ts="1700000002.000100", channel="D0DM", channel_type="im")
    second = slack_rig.mock.wait_for("chat.postMessage", count=2)[1]
    follow_up = stored_answer(slack_rig, second)
    assert follow_up.answered and [c.ref for c in follow_up.citations][:1] == ["12.1"]
    assert "Owner" in second.block_text()


def test_messages_not_for_the_bot_are_left_alone(slack_rig: SlackRig) -> None:
    root = "1700000003.000100"
    slack_rig.mention("how is 12.1 rated?", ts=root)
    slack_rig.mock.wait_for("chat.postMessage")
    # a channel message mentioning no one; a reply in the bot's thread without a mention;
    # the bot's own DM message; an edit in a DM
    assert (
        slack_rig.message(
            "how is 12.1 rated?", ts="1700000004.000100", channel=CHANNEL, channel_type="channel"
        )[0]
        == 200
    )
    slack_rig.message(
        "and who owns it?",
        ts="1700000005.000100",
        channel=CHANNEL,
        channel_type="channel",
        thread_ts=root,
    )
    slack_rig.message(
        "how is 12.1 rated?",
        ts="1700000006.000100",
        channel="D0DM",
        channel_type="im",
        user=BOT_USER_ID,
        bot_id=BOT_ID,
    )
    slack_rig.message(
        "how is 12.1 rated?",
        ts="1700000007.000100",
        channel="D0DM",
        channel_type="im",
        subtype="message_changed",
    )
    slack_rig.wait_idle()
    assert len(slack_rig.mock.of("chat.postMessage")) == 1


def test_follow_up_mention_in_a_thread_uses_that_threads_answer(slack_rig: SlackRig) -> None:
    root = "1700000010.000100"
    slack_rig.mention("how is 12.1 rated?", ts=root)
    slack_rig.mock.wait_for("chat.postMessage")
    slack_rig.mention("and who owns it?", ts="1700000011.000100", thread_ts=root)
    reply = slack_rig.mock.wait_for("chat.postMessage", count=2)[1]
    assert reply.args["thread_ts"] == root
    assert stored_answer(slack_rig, reply).citations[0].ref == "12.1"
    # the same words in a new thread have no context to resolve "it" against
    slack_rig.mention("and who owns it?", ts="1700000012.000100")
    fresh = slack_rig.mock.wait_for("chat.postMessage", count=3)[2]
    assert fresh.args["thread_ts"] == "1700000012.000100"
    assert (
        stored_answer(slack_rig, fresh).citations[:1]
        != stored_answer(slack_rig, reply).citations[:1]
    )


def test_plan_command_answers_privately_and_share_posts_publicly(slack_rig: SlackRig) -> None:
    started = time.monotonic()
    status, body = slack_rig.command("how is 12.1 rated?")
    assert status == 200 and time.monotonic() - started < 3  # acked before the answer is ready
    [private] = slack_rig.mock.wait_for("response_url")
    assert private.args["response_type"] == "ephemeral" and "ref 12.1" in private.block_text()
    assert not slack_rig.mock.of("chat.postMessage")
    share_id = private.buttons()[blocks.ACTION_SHARE]

    slack_rig.click(blocks.ACTION_SHARE, share_id, ephemeral=True)
    [public] = slack_rig.mock.wait_for("chat.postMessage")
    assert public.args["channel"] == CHANNEL and public.args.get("thread_ts") is None
    assert "ref 12.1" in public.block_text() and "<@U0CLLR> asked" in public.block_text()
    assert blocks.ACTION_SHARE not in public.buttons()
    slack_rig.mock.wait_for("response_url", where=lambda c: c.args.get("delete_original") is True)


def test_share_where_the_bot_is_not_a_member_goes_through_the_response_url(
    slack_rig: SlackRig,
) -> None:
    slack_rig.command("how is 12.1 rated?", channel="C0NOTJOINED")
    [private] = slack_rig.mock.wait_for("response_url")
    slack_rig.mock.fail_next("chat.postMessage", 200, body={"ok": False, "error": "not_in_channel"})
    slack_rig.click(
        blocks.ACTION_SHARE,
        private.buttons()[blocks.ACTION_SHARE],
        channel="C0NOTJOINED",
        ephemeral=True,
    )
    [public] = slack_rig.mock.wait_for(
        "response_url", where=lambda c: c.args.get("response_type") == "in_channel"
    )
    assert "ref 12.1" in public.block_text() and "<@U0CLLR> asked" in public.block_text()
    slack_rig.mock.wait_for("response_url", where=lambda c: c.args.get("delete_original") is True)


def test_empty_plan_command_gets_help_in_the_ack(slack_rig: SlackRig) -> None:
    status, body = slack_rig.command("   ")
    assert status == 200 and "Ask me about" in body
    slack_rig.wait_idle()
    assert not slack_rig.mock.of("response_url") and not slack_rig.mock.of("chat.postMessage")


# --- buttons and the modal ------------------------------------------------------------
def test_thumbs_up_is_stored_with_the_question_and_citations(slack_rig: SlackRig) -> None:
    slack_rig.mention("how is 12.1 rated?", ts="1700000020.000100")
    [call] = slack_rig.mock.wait_for("chat.postMessage")
    slack_rig.click(blocks.ACTION_UP, call.buttons()[blocks.ACTION_UP], message_call=call)
    [thanks] = slack_rig.mock.wait_for("response_url")
    assert thanks.args["response_type"] == "ephemeral" and "Thanks" in thanks.block_text()
    [row] = FeedbackStore(slack_rig.settings.feedback_db).rows()
    assert (row.verdict, row.user, row.channel, row.question) == (
        "up",
        "U0CLLR",
        CHANNEL,
        "how is 12.1 rated?",
    )
    assert row.citations[0]["ref"] == "12.1"


def test_thumbs_down_opens_a_modal_whose_submission_stores_the_correction(
    slack_rig: SlackRig,
) -> None:
    slack_rig.mention("how is 12.1 rated?", ts="1700000030.000100")
    [call] = slack_rig.mock.wait_for("chat.postMessage")
    status, _ = slack_rig.click(
        blocks.ACTION_DOWN, call.buttons()[blocks.ACTION_DOWN], message_call=call
    )
    assert status == 200
    [opened] = slack_rig.mock.wait_for("views.open")
    assert opened.args["trigger_id"].startswith("333.444.")
    view = opened.args["view"]
    state = {
        "values": {
            "kind": {
                "kind": {"type": "static_select", "selected_option": {"value": "wrong_facts"}}
            },
            "wrong": {"wrong": {"type": "plain_text_input", "value": "The rating is out of date"}},
            "expected": {"expected": {"type": "plain_text_input", "value": "12.1 is rated Amber"}},
            "refs": {"refs": {"type": "plain_text_input", "value": "12.1"}},
        }
    }
    status, body = slack_rig.interact(
        {
            "type": "view_submission",
            "user": {"id": "U0CLLR"},
            "view": {**view, "id": "V1", "state": state},
        }
    )
    assert status == 200 and json.loads(body)["response_action"] == "update"
    [row] = FeedbackStore(slack_rig.settings.feedback_db).rows("down")
    assert (row.wrong, row.expected, row.expected_refs, row.kind) == (
        "The rating is out of date",
        "12.1 is rated Amber",
        "12.1",
        "wrong_facts",
    )


def test_not_covered_offers_nearest_items_and_a_button_asks_about_one(slack_rig: SlackRig) -> None:
    root = "1700000040.000100"
    slack_rig.mention("what time does the swimming pool open on bank holidays?", ts=root)
    [declined] = slack_rig.mock.wait_for("chat.postMessage")
    nearest = {k: v for k, v in declined.buttons().items() if k.startswith(blocks.ACTION_NEAREST)}
    assert not stored_answer(slack_rig, declined).answered and nearest
    value = nearest[f"{blocks.ACTION_NEAREST}_0"]
    slack_rig.click(f"{blocks.ACTION_NEAREST}_0", value, message_call=declined)
    answered = slack_rig.mock.wait_for("chat.postMessage", count=2)[1]
    assert answered.args["thread_ts"] == root
    wanted = json.loads(value)
    answer = stored_answer(slack_rig, answered)
    assert answer.answered and answer.citations[0].document_id == wanted["document"]
    if wanted["ref"]:
        assert answer.citations[0].ref == wanted["ref"]


def test_draft_a_reply_is_private_and_cites_its_sources(slack_rig: SlackRig) -> None:
    slack_rig.mention("how is 12.1 rated?", ts="1700000050.000100")
    [call] = slack_rig.mock.wait_for("chat.postMessage")
    slack_rig.click(blocks.ACTION_DRAFT, call.buttons()[blocks.ACTION_DRAFT], message_call=call)
    [draft] = slack_rig.mock.wait_for("response_url")
    assert draft.args["response_type"] == "ephemeral"
    text = draft.block_text()
    assert "Dear Councillor" in text and "ref 12.1" in text and "[1]" in text


def test_message_shortcut_drafts_a_reply_to_a_members_question(slack_rig: SlackRig) -> None:
    slack_rig.interact(
        {
            "type": "message_action",
            "callback_id": "plan_draft_reply",
            "trigger_id": "555.666",
            "user": {"id": "U0OFFICER"},
            "channel": {"id": CHANNEL},
            "message": {
                "type": "message",
                "user": "U0CLLR",
                "ts": "1700000060.000100",
                "text": "Could someone tell me how 12.1 is rated?",
            },
            "response_url": slack_rig.mock.response_url("shortcut"),
        }
    )
    [draft] = slack_rig.mock.wait_for("response_url")
    assert draft.args["response_type"] == "ephemeral"
    assert "Dear Councillor" in draft.block_text() and "ref 12.1" in draft.block_text()


# --- limits, retries and abuse ------------------------------------------------------------
def test_overlong_and_empty_questions_get_a_polite_message(slack_rig: SlackRig) -> None:
    slack_rig.mention("why " * 800, ts="1700000070.000100")
    slack_rig.mention("", ts="1700000071.000100")
    calls = slack_rig.mock.wait_for("chat.postMessage", count=2)
    by_thread = {c.args["thread_ts"]: c for c in calls}
    too_long = by_thread["1700000070.000100"]
    assert "characters" in too_long.block_text() and not too_long.buttons()
    assert "Ask me about" in by_thread["1700000071.000100"].block_text()


@pytest.mark.parametrize("forgery", ["wrong secret", "stale timestamp"])
def test_forged_or_stale_requests_are_rejected_and_nothing_is_posted(
    slack_rig: SlackRig, forgery: str
) -> None:
    options = (
        {"secret": "not-the-signing-secret"}
        if forgery == "wrong secret"
        else {"timestamp": int(time.time()) - 6 * 60}
    )
    status, _ = slack_rig.mention("how is 12.1 rated?", ts="1700000080.000100", **options)
    assert status == 401
    status, _ = slack_rig.interact(
        {"type": "block_actions", "user": {"id": "U0X"}, "actions": []}, **options
    )
    assert status == 401
    slack_rig.wait_idle()
    assert [c.method for c in slack_rig.mock.calls] == ["auth.test"]


def test_a_retried_event_is_answered_once_and_an_unseen_retry_is_answered(
    slack_rig: SlackRig,
) -> None:
    for retry in (None, 1, 2):
        status, _ = slack_rig.mention(
            "how is 12.1 rated?", ts="1700000090.000100", event_id="Ev0RETRY", retry_num=retry
        )
        assert status == 200
        # repeats are recognised at the door, and Slack is asked to stop retrying
        assert (slack_rig.last_headers or {}).get("x-slack-no-retry") == (
            None if retry is None else "1"
        )
    slack_rig.wait_idle()
    assert len(slack_rig.mock.of("chat.postMessage")) == 1
    # the first delivery was lost (say, the bot was restarting): the retry is answered
    slack_rig.mention("how is 12.1 rated?", ts="1700000091.000100", event_id="Ev0LOST", retry_num=1)
    slack_rig.wait_idle()
    assert len(slack_rig.mock.of("chat.postMessage")) == 2
    # one DM delivered twice under different event ids (two subscriptions) is answered once
    for event_id in ("Ev0DM1", "Ev0DM2"):
        slack_rig.event(
            {
                "type": "message",
                "user": "U0CLLR",
                "text": "how is 12.1 rated?",
                "ts": "1700000092.000100",
                "channel": "D0DM",
                "channel_type": "im",
            },
            event_id=event_id,
        )
    slack_rig.wait_idle()
    assert len(slack_rig.mock.of("chat.postMessage")) == 3


def test_rate_limited_post_waits_for_retry_after_then_succeeds(slack_rig: SlackRig) -> None:
    slack_rig.mock.fail_next(
        "chat.postMessage", 429, {"Retry-After": "1"}, {"ok": False, "error": "ratelimited"}
    )
    slack_rig.mention("how is 12.1 rated?", ts="1700000100.000100")
    slack_rig.mock.wait_for("chat.postMessage")
    limited, delivered = slack_rig.mock.of("chat.postMessage")
    assert limited.status == 429 and delivered.status == 200
    assert delivered.at - limited.at >= 1.0
    assert delivered.args["thread_ts"] == "1700000100.000100"


def test_tokens_and_signing_secret_never_reach_the_logs(
    slack_rig: SlackRig, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    slack_rig.mention("how is 12.1 rated?", ts="1700000110.000100")
    slack_rig.command("which commitments are amber?")
    slack_rig.mention("x", ts="1700000111.000100", secret="forged")
    slack_rig.mock.wait_for("chat.postMessage")
    slack_rig.mock.wait_for("response_url")
    slack_rig.wait_idle()
    assert "Sending a request" in caplog.text  # the Web API calls were logged at DEBUG…
    assert (
        BOT_TOKEN not in caplog.text and BOT_TOKEN.split("-")[-1] not in caplog.text
    )  # …without the token
    assert SIGNING_SECRET not in caplog.text


# --- access by document set -------------------------------------------------------------
def test_answers_draw_only_on_documents_their_readers_may_see(slack_rig_factory) -> None:
    # Every shipped document is public: a reader limited to "restricted" sees none of them.
    rig = slack_rig_factory(slack_access={"C0CLOSED": ["restricted"], "U0LIMITED": ["restricted"]})
    question = "how is 12.1 rated?"
    rig.mention(question, ts="1700000300.000100", channel="C0CLOSED")
    rig.mention(question, ts="1700000301.000100", channel=CHANNEL)
    rig.message(
        question, ts="1700000302.000100", channel="D0LIMITED", channel_type="im", user="U0LIMITED"
    )
    rig.message(
        question, ts="1700000303.000100", channel="D0CLLR", channel_type="im", user="U0CLLR"
    )
    posts = {c.args["channel"]: c for c in rig.mock.wait_for("chat.postMessage", count=4)}
    rig.command(question, user="U0CLLR", channel="C0CLOSED")  # private, but shareable into C0CLOSED
    [private] = rig.mock.wait_for("response_url")

    for seen_nothing in (posts["C0CLOSED"], posts["D0LIMITED"], private):
        assert (
            "ref 12.1" not in seen_nothing.block_text()
            and "Sources" not in seen_nothing.block_text()
        )
    for seen_public in (posts[CHANNEL], posts["D0CLLR"]):
        assert "ref 12.1" in seen_public.block_text()
