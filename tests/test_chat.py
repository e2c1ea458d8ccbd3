"""Conversations: ``planbot chat`` in a pseudo-terminal and from a script, JSON-lines
conversations in ``planbot ask --json -``, and a follow-up with nothing to follow.

The chat runs as a real ``planbot`` process on the session index (the shipped corpus);
the pseudo-terminal is pexpect's, so readline, the prompt, Ctrl-D and Ctrl-C behave as
a person at a terminal sees them.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest
import yaml
from click.testing import CliRunner

from assistant.config import REPO_ROOT, Settings
from assistant.conversation import UNRESOLVED, Conversation, Conversations
from assistant.models import Answer
from connectors.cli import cli

Q2 = "council-plan-delivery-update-q2-2017"
PLANBOT = [sys.executable, "-c", "from connectors.cli import main; main()"]


def _env(settings: Settings, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PLANBOT_LLM"}
    return {
        **env,
        "PLANBOT_DATA_DIR": str(settings.data_dir),
        "PLANBOT_CORPUS_DIR": str(settings.corpus_dir),
        "PYTHONPATH": str(REPO_ROOT),
        "HF_HUB_OFFLINE": "1",
        **extra,
    }


@pytest.fixture()
def run(corpus_settings: Settings, monkeypatch: pytest.MonkeyPatch):
    """``planbot …`` in-process on the session index."""
    from assistant import config

    monkeypatch.setenv("PLANBOT_DATA_DIR", str(corpus_settings.data_dir))
    monkeypatch.delenv("PLANBOT_LLM", raising=False)
    config.get_settings.cache_clear()

    def invoke(*args: str, input: str | None = None):
        return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)

    yield invoke
    config.get_settings.cache_clear()


# --- planbot chat ------------------------------------------------------------------------
def _spawn(settings: Settings, tmp_path: Path, before: str = "") -> pexpect.spawn:
    """``planbot chat`` in a 120x40 pseudo-terminal; ``before`` is Python run first."""
    # HOME apart: readline's own init file and the history are this test's. COLUMNS and
    # LINES dropped: under pytest-xdist the worker inherits COLUMNS=80, LINES=24 (GNU
    # readline, imported by pytest in the controller with no terminal, exports them), and
    # rich would wrap the answers at 80 columns in this 120-column terminal.
    env = _env(settings, HOME=str(tmp_path), TERM="xterm", INPUTRC="/dev/null")
    for name in ("COLUMNS", "LINES"):
        env.pop(name, None)
    code = f"{before}\nfrom connectors.cli import main; main()"
    child = pexpect.spawn(
        sys.executable,
        ["-c", code, "chat"],
        env=env,
        encoding="utf-8",
        timeout=180,
        dimensions=(40, 120),
        # A person's terminal delivers Ctrl-C: a suite started in the background (where
        # the shell ignores SIGINT, and children inherit that) must not hide it.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    child.expect_exact("/help for commands")
    child.expect_exact("plan> ")
    return child


def test_chat_in_a_terminal_follows_up_recalls_history_and_ends_on_ctrl_d(
    corpus_settings: Settings, tmp_path: Path
) -> None:
    child = _spawn(corpus_settings, tmp_path)
    child.sendline("how is 12.1 rated?")
    child.expect_exact("Rating: Green (G)")
    child.expect_exact("plan> ")
    child.sendline("and who owns it?")  # the follow-up is about 12.1, not a search for "owns"
    child.expect_exact("12.1 — Develop a new Transport Strategy")
    child.expect_exact("Cabinet member: Cllr Liz Gifford")
    child.expect_exact("plan> ")
    child.sendline("/sources")
    child.expect_exact(f"corpus/{Q2}.txt:")
    child.expect_exact("plan> ")
    child.send("\x1b[A\r")  # up arrow: readline recalls "/sources"
    child.expect_exact("[1] Council Plan Delivery Plan Update")
    child.expect_exact("plan> ")
    child.sendcontrol("d")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    history = corpus_settings.data_dir / "chat_history"
    assert "and who owns it?" in history.read_text(encoding="utf-8")


def test_chat_ends_cleanly_on_ctrl_c(corpus_settings: Settings, tmp_path: Path) -> None:
    child = _spawn(corpus_settings, tmp_path)
    child.sendline("/help")
    child.expect_exact("/draft")
    child.expect_exact("plan> ")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0 and "Traceback" not in (child.before or "")


# Readline runs this hook after drawing the prompt and before waiting for a key; a C
# function busy for about half a second, so the Ctrl-C sent when the prompt appears lands
# before the wait begins (the window is microseconds without it).
_BUSY_AFTER_THE_PROMPT = """
import functools, hashlib, readline, time
start = time.perf_counter(); hashlib.pbkdf2_hmac("sha256", b"k", b"s", 20000)
rounds = int(20000 * 0.5 / max(time.perf_counter() - start, 1e-6))
readline.set_pre_input_hook(functools.partial(hashlib.pbkdf2_hmac, "sha256", b"k", b"s", rounds))
"""


def test_a_ctrl_c_before_the_prompt_waits_still_ends_the_chat(
    corpus_settings: Settings, tmp_path: Path
) -> None:
    child = _spawn(corpus_settings, tmp_path, before=_BUSY_AFTER_THE_PROMPT)
    child.sendintr()  # pending when input() starts to wait: a timer lets it in
    child.expect(pexpect.EOF, timeout=30)
    child.close()
    assert child.exitstatus == 0 and "Traceback" not in (child.before or "")


def test_chat_from_a_script_keeps_the_conversation(corpus_settings: Settings) -> None:
    script = "\n".join(
        [
            "and who owns it?",  # nothing to follow yet: asked back
            "how is 12.1 rated?",
            "and who owns it?",
            "/sources",
            "/draft",
            "/nonsense",
            "/new",
            "and who owns it?",  # a new conversation: nothing to follow again
            "/quit",
            "which commitments are amber?",  # after /quit: never asked
        ]
    )
    proc = subprocess.run(
        [*PLANBOT, "chat"],
        input=script + "\n",
        capture_output=True,
        text=True,
        env=_env(corpus_settings),
        timeout=600,
    )
    out = proc.stdout
    assert proc.returncode == 0, proc.stderr
    assert out.count('What does "it" refer to?') == 2
    first, rest = out.split("plan> how is 12.1 rated?", 1)
    rated, rest = rest.split("plan> and who owns it?", 1)
    owned, rest = rest.split("plan> /sources", 1)
    assert 'What does "it" refer to?' in first and "Rating: Green (G)" in rated
    assert "12.1 — Develop a new Transport Strategy" in owned and "Owner: AM" in owned
    sources, rest = rest.split("plan> /draft", 1)
    assert f"corpus/{Q2}.txt:" in sources
    drafted, rest = rest.split("plan> /nonsense", 1)
    assert drafted.lstrip().startswith("Dear Councillor") and "12.1" in drafted
    assert "Cllr Liz Gifford" in drafted  # the draft has the follow-up's subject
    assert "unknown command '/nonsense'" in rest
    assert "plan> which commitments" not in out and "8 items" not in out
    # The terminal drops the answer's "Source:" line (the Sources list says it) and
    # pads nothing to a terminal width.
    assert not [line for line in out.splitlines() if line.startswith("Source: ")]
    assert not [line for line in out.splitlines() if line != line.rstrip()]


def test_chat_without_an_index_is_one_clear_line(tmp_path: Path) -> None:
    empty = Settings(data_dir=tmp_path / "empty", corpus_dir=tmp_path)
    proc = subprocess.run(
        [*PLANBOT, "chat"], input="hello\n", capture_output=True, text=True, env=_env(empty)
    )
    assert proc.returncode == 1 and "planbot ingest" in proc.stderr
    assert "Traceback" not in proc.stderr


# --- a follow-up with nothing to follow ---------------------------------------------------
@pytest.mark.parametrize(
    "question", ["and who owns it?", "is it on track?", "what about last quarter?"]
)
def test_a_follow_up_with_nothing_before_it_is_asked_back(grounded_assistant, question) -> None:
    answer = grounded_assistant.ask(question)
    assert not answer.answered and not answer.citations and not answer.items
    assert "no earlier answer to follow on from" in answer.answer
    assert answer.answer.startswith(
        'What does "it" refer to?' if " it" in question else "What is this about?"
    )


def test_questions_that_name_their_subject_are_still_answered(grounded_assistant) -> None:
    assert grounded_assistant.ask("who owns 12.1?").answered
    assert grounded_assistant.ask("who owns the flood and water strategy?").answered
    common = grounded_assistant.ask("is that it?")  # common words only: its own reply
    assert not common.answered and "names nothing to look up" in common.answer


def test_ask_with_a_follow_up_alone_says_what_is_missing(run) -> None:
    result = run("ask", "and who owns it?")
    assert result.exit_code == 0 and 'What does "it" refer to?' in result.output
    answer = json.loads(run("ask", "--json", "and who owns it?").output)
    assert answer["answered"] is False and answer["citations"] == []


# --- planbot ask --json - with conversation ids --------------------------------------------
def test_json_lines_keep_context_per_conversation(run) -> None:
    lines = [
        {"question": "how is 12.1 rated?", "conversation": "a"},
        {"question": "what's happening with the flood and water strategy?", "conversation": 7},
        {"question": "and who owns it?", "conversation": "a"},
        {"question": "and who owns it?", "conversation": 7},
    ]
    script = [json.dumps(line) for line in lines] + [
        "and who owns it?",  # a plain line stands alone
        '{"question": 3}',
        "{not json",
    ]
    result = run("ask", "--json", "-", input="\n".join(script) + "\n")
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.output.splitlines()]
    assert len(out) == 7
    assert [o.get("conversation") for o in out[:4]] == ["a", "7", "a", "7"]
    assert [o["items"][0]["ref"] for o in out[:4]] == ["12.1", "13.4", "12.1", "13.4"]
    assert out[2]["metadata"]["follow_up_of"] == "how is 12.1 rated?"
    assert "Tom Blackburne-Maze" in out[3]["answer"]
    assert out[4]["answered"] is False and "refer to" in out[4]["answer"]
    assert "question" in out[5]["error"] and "JSON" in out[6]["error"]


def test_piped_tables_are_not_padded_to_a_terminal_width(run) -> None:
    result = run("items", "--rating", "amber")
    assert result.exit_code == 0 and "8 items" in result.output
    assert not [line for line in result.output.splitlines() if line != line.rstrip()]


# --- "what about last quarter?" ----------------------------------------------------------
@pytest.fixture(scope="module")
def two_quarters(tmp_path_factory: pytest.TempPathFactory):
    """The Q2 2017/18 update and an earlier Q1 version of it where 12.1 was amber."""
    from assistant.answering.router import Assistant
    from indexing.ingest import ingest

    corpus = tmp_path_factory.mktemp("two-quarters")
    text = (REPO_ROOT / "corpus" / f"{Q2}.txt").read_text(encoding="utf-8")
    q1 = text.replace("Quarter 2", "Quarter 1").replace(
        "Final strategy draft due December 2017 for approval to consult. Final strategy to be "
        "presented to March 2018 Cabinet.\tAM\tDS\tLG\tG",
        "Consultants appointed; the first draft of the strategy is being written.\tAM\tDS\tLG\tA",
    )
    assert q1.count("first draft of the strategy is being written") == 1
    (corpus / "update-q1.txt").write_text(q1, encoding="utf-8")
    (corpus / "update-q2.txt").write_text(text, encoding="utf-8")
    manifest = {
        "documents": {
            "update-q1.txt": {
                "title": "Delivery update Q1",
                "period": "Q1 2017/18",
                "date": "2017-08",
            },
            "update-q2.txt": {
                "title": "Delivery update Q2",
                "period": "Q2 2017/18",
                "date": "2017-11",
            },
        }
    }
    (corpus / "manifest.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("two-quarters-index"), corpus_dir=corpus, llm=None
    )
    assert len(ingest(settings).documents) == 2
    return Assistant(settings)


@pytest.mark.store  # two_quarters ingests through the configured store
def test_what_about_last_quarter_is_the_same_item_in_the_report_before(two_quarters) -> None:
    chat = Conversation()
    first = chat.ask(two_quarters, "how is 12.1 rated?")
    assert (first.items[0].ref, first.items[0].document_id) == ("12.1", "update-q2")
    before = chat.ask(two_quarters, "what about last quarter?")
    assert before.answered and (before.items[0].ref, before.items[0].document_id) == (
        "12.1",
        "update-q1",
    )
    assert before.citations[0].date == "Q1 2017/18" and "Amber" in before.answer
    none = chat.ask(two_quarters, "what about last quarter?")
    assert not none.answered and "no report of 12.1 before the Q1 2017/18 one" in none.answer
    # The unresolved follow-up is not the new context: the Q1 row still is.
    owner = chat.ask(two_quarters, "and who owns it?")
    assert (owner.items[0].ref, owner.items[0].document_id) == ("12.1", "update-q1")


# --- the conversation store (no index) -------------------------------------------------------
def _answer(question: str, **metadata: object) -> Answer:
    return Answer(question=question, answer="…", answered=True, metadata=dict(metadata))


def test_conversations_are_bounded_and_forgotten_when_idle() -> None:
    store = Conversations(max_conversations=2)
    store.remember("a", _answer("one"))
    store.remember("b", _answer("two"))
    assert store.get("a").context is not None  # "a" used: "b" is now the oldest
    store.remember("c", _answer("three"))
    assert store.last("b") is None and len(store) == 2
    assert store.last("a").question == "one"
    idle = Conversations(ttl_seconds=-1)
    idle.remember("a", _answer("one"))
    assert idle.last("a") is None


def test_an_unresolved_follow_up_keeps_the_earlier_context() -> None:
    chat = Conversation()
    chat.add(_answer("how is 12.1 rated?"))
    chat.add(_answer("what about last quarter?", **{UNRESOLVED: True}))
    assert chat.context is not None and chat.context.question == "how is 12.1 rated?"
