"""Slack under load and abuse: the real Bolt app over HTTP, signed as Slack signs.

What ``test_slack_app.py`` already proves is not repeated here (forged signature,
stale timestamp, retries with ``X-Slack-Retry-Num``, 429 with ``Retry-After``, tokens
kept out of the logs). This file adds: a burst of 50 concurrent questions, a replayed
request, an oversized body, malformed JSON, the per-person rate limit, and the length
limit on a question.
"""

from __future__ import annotations

import http.client
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from tests.slack_fixtures import SlackRig
from tests.slack_mock_server import BOT_USER_ID, TEAM_ID

pytest_plugins = ["tests.slack_fixtures"]

# Figures quoted in docs/security.md ("concurrent load held"): keep them in step.
CONCURRENT_QUESTIONS = 50
QUESTIONS = [
    "how is 12.1 rated?",
    "which commitments are amber?",
    "who owns 3.2?",
    "what is the latest on the one stop shop for homeless people?",
    "when is the transport strategy due?",
]


def test_fifty_concurrent_questions_are_each_answered_once(slack_rig_factory) -> None:
    rig = slack_rig_factory()
    stamps = [f"17000005{n:02d}.000100" for n in range(CONCURRENT_QUESTIONS)]
    start = threading.Barrier(CONCURRENT_QUESTIONS)

    def ask(n: int) -> tuple[int, float]:
        start.wait()
        began = time.monotonic()
        status, _ = rig.mention(QUESTIONS[n % len(QUESTIONS)], ts=stamps[n], user=f"U0LOAD{n:02d}")
        return status, time.monotonic() - began

    with ThreadPoolExecutor(CONCURRENT_QUESTIONS) as pool:
        acks = list(pool.map(ask, range(CONCURRENT_QUESTIONS)))
    assert [status for status, _ in acks] == [200] * CONCURRENT_QUESTIONS
    rig.mock.wait_for("chat.postMessage", count=CONCURRENT_QUESTIONS, timeout=240)
    rig.wait_idle(240)
    posts = rig.mock.of("chat.postMessage")
    assert sorted(c.args["thread_ts"] for c in posts) == stamps  # every one answered, none twice
    for call in posts:
        assert "Sources" in call.block_text() or "don't cover" in call.block_text(), (
            call.block_text()[:300]
        )


def test_a_replayed_request_is_refused_and_answered_once(slack_rig: SlackRig) -> None:
    stamp = int(time.time())
    # The same signed bytes sent twice: first a /plan command, then an event.
    form = (
        "token=unused&team_id=T0COUNCIL&channel_id=C0COUNCIL&user_id=U0CLLR&command=%2Fplan"
        f"&text=how+is+12.1+rated%3F&response_url={slack_rig.mock.response_url('replay')}&trigger_id=1.2"
    )
    first = slack_rig.post(form, "application/x-www-form-urlencoded", timestamp=stamp)
    replay = slack_rig.post(form, "application/x-www-form-urlencoded", timestamp=stamp)
    assert (first[0], replay[0]) == (200, 401)
    event = json.dumps(
        {
            "type": "event_callback",
            "team_id": TEAM_ID,
            "api_app_id": "A0PLANBOT",
            "event_id": "Ev0REPLAY",
            "event": {
                "type": "app_mention",
                "user": "U0CLLR",
                "text": f"<@{BOT_USER_ID}> how is 12.1 rated?",
                "ts": "1700000600.000100",
                "channel": "C0COUNCIL",
                "event_ts": "1700000600.000100",
            },
            "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
        }
    )
    assert slack_rig.post(event, "application/json", timestamp=stamp)[0] == 200
    assert slack_rig.post(event, "application/json", timestamp=stamp)[0] == 401
    # …and dressed up as Slack's retry, it is acknowledged but still not answered again.
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    assert slack_rig.post(event, "application/json", timestamp=stamp, headers=retry)[0] == 200
    slack_rig.wait_idle()
    assert len(slack_rig.mock.of("response_url")) == 1
    assert len(slack_rig.mock.of("chat.postMessage")) == 1


def post_oversized(rig: SlackRig, size: int) -> int:
    """Announce a ``size``-byte signed body and read the reply before sending it, as a
    server that refuses by ``Content-Length`` answers before the body arrives."""
    url = urllib.parse.urlsplit(rig.server.url)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    try:
        conn.putrequest("POST", url.path)
        for name, value in {
            "Content-Type": "application/json",
            "Content-Length": str(size),
            "X-Slack-Request-Timestamp": str(int(time.time())),
            "X-Slack-Signature": "v0=00",
        }.items():
            conn.putheader(name, value)
        conn.endheaders()
        return conn.getresponse().status
    finally:
        conn.close()


def test_oversized_and_malformed_bodies_are_rejected_and_nothing_is_posted(
    slack_rig: SlackRig,
) -> None:
    assert post_oversized(slack_rig, 1_100_000) == 413
    assert post_oversized(slack_rig, 50_000_000) == 413
    status, body = slack_rig.post('{"type": "event_callback", "event": {', "application/json")
    assert status == 400 and "Traceback" not in body
    status, _ = slack_rig.post("payload=%7Bnot-json", "application/x-www-form-urlencoded")
    assert status == 400
    slack_rig.wait_idle()
    assert [c.method for c in slack_rig.mock.calls] == ["auth.test"]


def test_one_person_asking_too_fast_gets_a_polite_note(slack_rig_factory) -> None:
    rig = slack_rig_factory(slack_rate_limit=3)
    for n in range(5):
        rig.mention("how is 12.1 rated?", ts=f"17000007{n:02d}.000100", user="U0HASTY")
    rig.mention(
        "how is 12.1 rated?", ts="1700000799.000100", user="U0CALM"
    )  # others are not held up
    posts = {
        c.args["thread_ts"]: c.block_text() for c in rig.mock.wait_for("chat.postMessage", count=6)
    }
    rig.wait_idle()
    noted = [ts for ts, text in posts.items() if "questions in the last minute" in text]
    answered = [ts for ts, text in posts.items() if "Sources" in text]
    assert len(noted) == 2 and len(answered) == 4, posts
    assert "1700000799.000100" in answered
    assert "Please wait about" in posts[noted[0]] and "Sources" not in posts[noted[0]]


def test_a_question_of_exactly_the_limit_is_answered_and_one_more_is_refused(
    slack_rig: SlackRig,
) -> None:
    limit = slack_rig.settings.max_question_chars
    base = "how is 12.1 rated? "
    at_limit = (base * (limit // len(base) + 1))[:limit].strip()
    at_limit = at_limit + "x" * (limit - len(at_limit))
    slack_rig.mention(at_limit, ts="1700000800.000100")
    slack_rig.mention(at_limit + "x", ts="1700000801.000100")
    posts = {
        c.args["thread_ts"]: c.block_text()
        for c in slack_rig.mock.wait_for("chat.postMessage", count=2)
    }
    assert "please keep it under 2,000" in posts["1700000801.000100"]
    assert "please keep it under" not in posts["1700000800.000100"]
