"""Rendering an ``Answer`` for Slack, and the small pieces around it, on hand-built answers.

Fast: no index, no model, no server. What a councillor reads must be escaped, marked
with the rating colour, sourced, and within Slack's limits, or Slack rejects the post.
"""

from __future__ import annotations

import json
import threading

import pytest

from assistant.models import Answer, Citation, Location, Person, PlanItem
from connectors.slack import blocks, feedback_modal
from connectors.slack.dedupe import RecentKeys
from connectors.slack.drafting import draft_reply
from connectors.slack.feedback import FeedbackStore, export_known_answer_items
from connectors.slack.incoming import clean_question, mentions
from connectors.slack.threads import ThreadMemory


def item(
    ref: str = "12.1",
    rating: str | None = "G/A",
    commitment: str = "Develop a new Transport Strategy",
) -> PlanItem:
    return PlanItem(
        id=f"q2-{ref}",
        document_id="q2-2017",
        section="Place",
        ref=ref,
        commitment=commitment,
        owner=[Person(initials="AM")],
        director=[Person(initials="DS", name="Duncan Sharkey", role="Director")],
        rating=rating,
        location=Location(path="corpus/q2.txt", line_start=131, line_end=131),
    )


def citation(n: int = 1, quote: str = "Final strategy draft due December 2017.") -> Citation:
    return Citation(
        document="Council Plan Delivery Plan Update – Quarter 2 2017/18",
        document_id="q2-2017",
        date="Q2 2017/18",
        ref=f"12.{n}",
        section="Place",
        quote=quote,
        source=f"corpus/q2.txt:{130 + n}",
    )


def answer(
    text: str = "**12.1 — Develop a new Transport Strategy** [1]\nRating: Green/Amber (G/A).",
    **fields,
) -> Answer:
    return Answer(
        question=fields.pop("question", "how is 12.1 rated?"),
        answer=text,
        answered=True,
        intent="status",
        citations=fields.pop("citations", [citation()]),
        items=fields.pop("items", [item()]),
        **fields,
    )


def all_text(messages: list[list[dict]]) -> str:
    return json.dumps(messages, ensure_ascii=False)


def sections(messages: list[list[dict]]) -> list[str]:
    return [b["text"]["text"] for message in messages for b in message if b["type"] == "section"]


# --- text --------------------------------------------------------------------------
def test_escapes_slack_control_characters_and_converts_bold() -> None:
    text = blocks.to_mrkdwn("**Fees & charges** <!channel> a > b")
    assert text == "*Fees &amp; charges* &lt;!channel&gt; a &gt; b"


@pytest.mark.parametrize(
    ("code", "shown"),
    [
        ("G", "🟢 Green"),
        ("A", "🟠 Amber"),
        ("R", "🔴 Red"),
        ("C", "✅ Complete"),
        ("G/A", "🟢🟠 Green/Amber"),
        ("A/R", "🟠🔴 Amber/Red"),
    ],
)
def test_rating_marker(code: str, shown: str) -> None:
    assert blocks.rating_marker(code) == shown


def test_rating_words_in_the_answer_get_their_colour() -> None:
    rendered = blocks.to_mrkdwn(
        "Rating: Green/Amber (G/A).\n• 3.2 Build homes — Amber — owner AM [2]"
    )
    assert "Rating: 🟢🟠 Green/Amber (G/A)" in rendered
    assert "— 🟠 Amber — owner" in rendered


def test_rating_words_in_prose_are_left_alone() -> None:
    assert blocks.to_mrkdwn("Green Infrastructure Plan") == "Green Infrastructure Plan"


def test_rating_marker_added_when_the_text_has_none() -> None:
    messages = blocks.answer_messages(answer("Final strategy draft due December 2017. [1]"), "id1")
    contexts = [b for b in messages[0] if b["type"] == "context"]
    assert any("🟢🟠 Green/Amber · ref 12.1" in json.dumps(c, ensure_ascii=False) for c in contexts)


# --- the answer message ----------------------------------------------------------------
def test_sources_are_numbered_with_document_period_ref_and_quote() -> None:
    cites = [citation(1), citation(2, quote="word " * 200)]
    messages = blocks.answer_messages(answer(citations=cites), "id1")
    source_text = next(s for s in sections(messages) if s.startswith("*Sources*"))
    assert (
        "*[1]* Council Plan Delivery Plan Update – Quarter 2 2017/18 · Q2 2017/18 · ref 12.1"
        in source_text
    )
    assert "*[2]*" in source_text and "ref 12.2" in source_text
    quotes = [line for line in source_text.split("\n") if line.startswith(">")]
    assert quotes[0] == ">Final strategy draft due December 2017."
    assert len(quotes[1]) <= blocks.QUOTE_CHARS + 1 and quotes[1].endswith("…")


def test_source_with_url_links_the_title() -> None:
    cite = citation().model_copy(update={"url": "https://www.milton-keynes.gov.uk/plan.pdf"})
    text = "\n".join(blocks.sources_mrkdwn([cite]))
    assert "<https://www.milton-keynes.gov.uk/plan.pdf|Council Plan Delivery" in text


def test_buttons_on_every_answer_and_share_only_when_private() -> None:
    public = blocks.answer_messages(answer(), "abc")[-1][-1]
    private = blocks.answer_messages(answer(), "abc", ephemeral=True)[-1][-1]
    assert [e["action_id"] for e in public["elements"]] == [
        blocks.ACTION_UP,
        blocks.ACTION_DOWN,
        blocks.ACTION_DRAFT,
    ]
    assert blocks.ACTION_SHARE in [e["action_id"] for e in private["elements"]]
    assert all(e["value"] == "abc" for e in private["elements"])


def test_not_covered_offers_nearest_items_as_buttons() -> None:
    nearest = [
        item("3.2", None, "Build 500 affordable homes"),
        item("4.1", "A", "Open a one stop shop"),
    ]
    declined = Answer(
        question="what about the moon landing?",
        answer="The plan documents I have don't cover this.",
        answered=False,
        suggestions=nearest,
    )
    messages = blocks.answer_messages(declined, "x")
    actions = next(b for b in messages[0] if b.get("block_id") == "plan_nearest")
    labels = [e["text"]["text"] for e in actions["elements"]]
    assert labels[0].startswith("Ask about 3.2 Build 500")
    assert len({e["action_id"] for e in actions["elements"]}) == 2  # unique within the block
    question, document = blocks.nearest_question(actions["elements"][1]["value"])
    assert question == "What is the latest on ref 4.1?" and document == "q2-2017"


def test_long_answers_fit_slack_limits() -> None:
    long_lines = "\n".join(
        f"• {n} {'commitment text & more ' * 8} — Amber [{n}]" for n in range(1, 400)
    )
    cites = [citation(n, quote="quoted <text> " * 40) for n in range(1, 120)]
    messages = blocks.answer_messages(answer(long_lines, citations=cites), "id")
    assert len(messages) > 1
    assert all(len(message) <= blocks.MESSAGE_BLOCK_LIMIT for message in messages)
    assert all(len(text) <= blocks.SECTION_LIMIT for text in sections(messages))
    assert messages[-1][-1]["block_id"] == "plan_answer_actions"  # the buttons come last
    joined = "\n".join(sections(messages))
    assert "• 1 " in joined and "• 399 " in joined and "*[119]*" in joined  # nothing dropped
    assert "&amp;" in joined and "&lt;text&gt;" in joined


def test_a_single_overlong_word_is_cut_without_breaking_an_escape() -> None:
    chunks = blocks.split_mrkdwn("&" * 4000)
    assert all(len(c) <= blocks.SECTION_LIMIT for c in chunks)
    assert "".join(chunks) == "&amp;" * 4000


def test_fallback_text_is_plain_first_line() -> None:
    assert blocks.fallback_text(answer()) == "12.1 — Develop a new Transport Strategy [1]"


# --- drafting ------------------------------------------------------------------------
def test_draft_reply_has_greeting_answer_and_references() -> None:
    draft = draft_reply(answer())
    assert draft.startswith("Dear Councillor,")
    assert "12.1 — Develop a new Transport Strategy [1]" in draft and "**" not in draft
    assert (
        "References\n[1] Council Plan Delivery Plan Update – Quarter 2 2017/18, Q2 2017/18, ref 12.1"
        in draft
    )


def test_draft_reply_when_not_covered_says_so() -> None:
    declined = Answer(
        question="q",
        answer="The plan documents I have don't cover this.",
        answered=False,
        suggestions=[item("3.2")],
    )
    draft = draft_reply(declined)
    assert "do not cover this" in draft and "3.2 Develop" in draft


# --- the modal -------------------------------------------------------------------------
def test_feedback_modal_round_trip() -> None:
    view = feedback_modal.feedback_modal(7, "how is 12.1 rated?")
    assert view["callback_id"] == feedback_modal.FEEDBACK_VIEW
    values = {
        "kind": {"kind": {"type": "static_select", "selected_option": {"value": "wrong_facts"}}},
        "wrong": {"wrong": {"type": "plain_text_input", "value": " rated amber now "}},
        "expected": {"expected": {"type": "plain_text_input", "value": None}},
        "refs": {"refs": {"type": "plain_text_input", "value": "12.1"}},
    }
    feedback_id, fields = feedback_modal.parse_feedback_modal({**view, "state": {"values": values}})
    assert feedback_id == 7
    assert fields == {
        "kind": "wrong_facts",
        "wrong": "rated amber now",
        "expected": None,
        "refs": "12.1",
    }
    assert {b["block_id"] for b in view["blocks"] if b["type"] == "input"} == set(values)


# --- incoming text, dedupe, thread memory -------------------------------------------
def test_clean_question_strips_the_bot_mention_and_slack_markup() -> None:
    text = "<@U0BOT> what about <https://mk.gov.uk/x|the plan> &amp; <@U0OTHER>'s ward &lt;3?"
    assert clean_question(text, "U0BOT") == "what about the plan & @U0OTHER's ward <3?"
    assert mentions(text) == {"U0BOT", "U0OTHER"}


def test_recent_keys_claim_once_across_threads() -> None:
    recent = RecentKeys()
    wins: list[bool] = []
    threads = [threading.Thread(target=lambda: wins.append(recent.claim("Ev1"))) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert wins.count(True) == 1


def test_recent_keys_forget_after_ttl() -> None:
    recent = RecentKeys(ttl_seconds=-1)
    assert recent.claim("a") and recent.claim("a")


def test_thread_memory_is_per_thread_and_bounded() -> None:
    memory = ThreadMemory(max_threads=2)
    memory.remember("C1", "1.0", answer())
    memory.remember("C1", "2.0", answer("other"))
    assert memory.last("C1", "1.0") is not None and memory.last("C2", "1.0") is None
    memory.remember("C1", "3.0", answer())
    assert memory.last("C1", "2.0") is None and len(memory) == 2  # least recently used went


# --- feedback store and export ----------------------------------------------------------
def test_feedback_export_turns_thumbs_down_into_eval_items(tmp_path) -> None:
    store = FeedbackStore(tmp_path / "fb.sqlite3")
    first = store.save_answer(answer(), user="U1", channel="C1")
    second = store.save_answer(answer(), user="U1", channel="C1")
    assert store.record(first, "up", user="U1", channel="C1")
    down = store.record(second, "down", user="U2", channel="C1")
    assert store.record("no-such-answer", "down", user="U2", channel="C1") is None
    assert store.add_correction(
        down,
        kind="wrong_facts",
        wrong="it is amber",
        expected="12.1 is rated Amber",
        expected_refs="12.1, 3.2",
    )
    declined = store.record(
        store.save_answer(answer(), user="U3", channel="C1"), "down", user="U3", channel="C1"
    )
    store.add_correction(declined, kind="should_decline", expected="It should say it doesn't know")
    follow_up = answer(question="who owns it?", metadata={"follow_up_of": "how is 12.1 rated?"})
    followed = store.record(
        store.save_answer(follow_up, user="U4", channel="C1"), "down", user="U4", channel="C1"
    )

    rows = store.rows("down")
    assert rows[0].question == "how is 12.1 rated?" and rows[0].citations[0]["ref"] == "12.1"
    assert rows[0].user == "U2" and rows[0].channel == "C1" and rows[0].created
    items = export_known_answer_items(tmp_path / "fb.sqlite3")
    assert items == [
        {
            "id": f"feedback-{down}",
            "question": "how is 12.1 rated?",
            "tags": ["feedback", "wrong_facts"],
            "expect": {"answered": True, "facts": ["12.1 is rated Amber"], "refs": ["12.1", "3.2"]},
        },
        {
            "id": f"feedback-{declined}",
            "question": "how is 12.1 rated?",
            "tags": ["feedback", "should_decline"],
            "expect": {"answered": False, "facts": [], "refs": []},
        },
        {
            "id": f"feedback-{followed}",
            "question": "how is 12.1 rated? who owns it?",
            "tags": ["feedback", "follow-up"],
            "expect": {"answered": True, "facts": [], "refs": []},
        },
    ]
    from evals.schema import parse_set  # the export is a valid known-answer set

    assert [
        q.id for q in parse_set({"name": "feedback", "questions": items}, "export").questions
    ] == [item["id"] for item in items]


# --- access by audience ---------------------------------------------------------------------
def test_access_follows_who_can_read_the_answer() -> None:
    from assistant.config import Settings
    from connectors.slack.access import Audience, access_for

    settings = Settings(
        default_access=["public"],
        slack_access={
            "C0MEMBERS": ["public", "members"],
            "U0OFFICER": ["public", "members", "restricted"],
        },
    )

    def labels(user: str, channel: str, audience: Audience) -> list[str]:
        return access_for(settings, user=user, channel=channel, audience=audience)

    assert labels("U0OFFICER", "C0OPEN", Audience.channel) == [
        "public"
    ]  # everyone in C0OPEN reads it
    assert labels("U0ANYONE", "C0MEMBERS", Audience.channel) == ["public", "members"]
    assert labels("U0OFFICER", "D0DM", Audience.channel) == [
        "public",
        "members",
        "restricted",
    ]  # the bot's DM
    assert labels("U0OFFICER", "C0MEMBERS", Audience.shareable) == [
        "public",
        "members",
    ]  # may be shared there
    assert labels("U0OFFICER", "D0OTHER", Audience.shareable) == [
        "public"
    ]  # /plan in a DM with someone else
    assert labels("U0ANYONE", "C0MEMBERS", Audience.shareable) == ["public"]
    assert labels("U0OFFICER", "C0OPEN", Audience.asker) == ["public", "members", "restricted"]
