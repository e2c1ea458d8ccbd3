"""``planbot chat``: a conversation with Plan Assistant in the terminal.

Each question is asked with the conversation's context (``assistant.conversation``,
the same rules as a Slack thread), so "and who owns it?" and "what about last
quarter?" follow the answer before them. In a terminal the line is edited and
recalled with readline (history kept in ``DATA_DIR/chat_history``); from a pipe or a
file each line is one question, so a script of questions runs the same conversation.
"""

from __future__ import annotations

import logging
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from assistant.answering.router import Assistant
    from assistant.conversation import Conversation

PROMPT = "plan> "
HELP = """\
Ask about the plan documents in plain words; a follow-up ("and who owns it?",
"what about last quarter?") is about the answer before it.
  /sources  the sources of the last answer, with pages and links
  /draft    a reply to the last question, drafted as `planbot draft` does
  /new      start a new conversation (forget the context)
  /help     this help
  /quit     end the session (Ctrl-D or Ctrl-C work too)"""
HISTORY_LINES = 1000
PROMPT_TICK_SECONDS = 0.25


@click.command("chat")
@click.option(
    "--access",
    help="Comma-separated labels the reader may see: public, members, restricted "
    "(default: PLANBOT_DEFAULT_ACCESS, i.e. public).",
)
def chat_command(access: str | None) -> None:
    """Talk to Plan Assistant: questions and follow-ups in one session, with sources.

    Each answer has numbered sources; a follow-up ("and who owns it?", "what about
    last quarter?") is about the answer before it, as in a Slack thread, and a
    follow-up with nothing before it is asked back. In the session: /sources, /draft,
    /new, /help, /quit (or Ctrl-D). Reads one question per line when standard input
    is not a terminal.

    \b
    Examples:
      planbot chat
      planbot chat --access public,members
      printf 'how is 12.1 rated?\\nand who owns it?\\n/sources\\n' | planbot chat
    """
    from assistant.answering.router import Assistant
    from connectors.cli import PlanbotError, _access
    from connectors.cli_settings import load_settings
    from indexing.store import IndexMissing

    settings = load_settings()
    labels = _access(access)
    assistant = Assistant(settings)
    try:
        assistant.scope(labels)  # no index: say so now, not after the first question
    except IndexMissing as err:
        raise PlanbotError(str(err)) from err
    interactive = sys.stdin.isatty()
    if interactive:
        click.echo(
            "Plan Assistant: ask about the plan documents. /help for commands, /quit to end."
        )
    session = ChatSession(assistant, labels)
    lines = _terminal_lines(settings.data_dir / "chat_history") if interactive else _piped_lines()
    try:
        for line in lines:
            if not interactive and line.strip():
                click.echo(PROMPT + line.strip())  # a script's output reads as the conversation
            if not session.handle(line):
                break
    except KeyboardInterrupt:
        pass  # Ctrl-C while an answer is being worked out ends the session too
    if interactive:
        click.echo()


class ChatSession:
    """One conversation: questions answered with its context, and the slash commands."""

    def __init__(self, assistant: Assistant, labels: set[str]) -> None:
        from assistant.conversation import Conversation

        self.assistant = assistant
        self.labels = labels
        self.conversation: Conversation = Conversation()
        self.commands: dict[str, Callable[[], bool]] = {
            "/sources": self.sources,
            "/draft": self.draft,
            "/new": self.new,
            "/help": self.help,
            "/quit": self.quit,
            "/exit": self.quit,
        }

    def handle(self, line: str) -> bool:
        """Answer or run one line; False when the session should end."""
        text = line.strip()
        if not text:
            return True
        if text.startswith("/"):
            command = self.commands.get(text.split()[0].lower())
            if command is None:
                click.echo(f"unknown command {text.split()[0]!r}: /help lists them")
                return True
            return command()
        self.ask(text)
        return True

    def ask(self, question: str) -> None:
        from assistant.answering.router import QuestionError
        from connectors import terminal

        try:
            answer = self.conversation.ask(self.assistant, question, access=self.labels)
        except QuestionError as err:
            click.echo(f"error: {err}")
            return
        except Exception as err:
            logging.getLogger("planbot").debug("answering %r failed", question, exc_info=True)
            click.echo(f"error: could not answer this question ({type(err).__name__})")
            return
        terminal.print_answer(answer)
        click.echo()

    def sources(self) -> bool:
        from connectors import terminal

        last = self.conversation.turns[-1].answer if self.conversation.turns else None
        if last is None:
            click.echo("No answer yet: ask a question first.")
        else:
            terminal.print_sources(last, links=True)
        click.echo()
        return True

    def draft(self) -> bool:
        from assistant.answering.router import QuestionError
        from assistant.drafting.draft import draft

        query = self.draft_query()
        if query is None:
            click.echo("No question yet: ask one first, then /draft drafts a reply to it.")
            return True
        try:
            result = draft(self.assistant, query, access=sorted(self.labels))
        except QuestionError as err:
            click.echo(f"error: {err}")
            return True
        except Exception as err:
            logging.getLogger("planbot").debug("drafting %r failed", query, exc_info=True)
            click.echo(f"error: could not draft a reply ({type(err).__name__})")
            return True
        click.echo(result.text.rstrip("\n"))
        click.echo()
        return True

    def draft_query(self) -> str | None:
        """The last question, with the one it followed when it was a follow-up
        ("how is 12.1 rated? and who owns it?"): a draft needs the subject too."""
        from assistant.conversation import FOLLOW_UP_OF

        if not self.conversation.turns:
            return None
        last = self.conversation.turns[-1]
        before = last.answer.metadata.get(FOLLOW_UP_OF)
        return f"{before} {last.question}" if isinstance(before, str) else last.question

    def new(self) -> bool:
        from assistant.conversation import Conversation

        self.conversation = Conversation()
        click.echo("New conversation: the next question starts afresh.")
        return True

    def help(self) -> bool:
        click.echo(HELP)
        return True

    def quit(self) -> bool:
        return False


def _piped_lines() -> Iterator[str]:
    yield from sys.stdin


def _terminal_lines(history: Path) -> Iterator[str]:
    """Lines typed at the prompt, with readline's editing and history; Ctrl-D or
    Ctrl-C at the prompt end the session."""
    try:
        import readline
    except ImportError:  # no readline (Windows): plain input still works
        readline = None  # type: ignore[assignment]  # the module is optional
    if readline is not None:
        try:
            readline.read_history_file(history)
        except OSError:
            pass  # first session, or an unreadable file: start with no history
        readline.set_history_length(HISTORY_LINES)
    try:
        while True:
            try:
                with _signals_heard_at_the_prompt():
                    line = input(PROMPT)
            except (EOFError, KeyboardInterrupt):
                return
            yield line
    finally:
        if readline is not None:
            try:
                history.parent.mkdir(parents=True, exist_ok=True)
                readline.write_history_file(history)
            except OSError:
                pass  # a read-only data folder costs only the history


@contextmanager
def _signals_heard_at_the_prompt() -> Iterator[None]:
    """Makes a Ctrl-C pressed at the prompt end the session every time.

    CPython's ``input()`` draws the prompt and then blocks in ``select()`` (readline)
    or ``read()``, and runs Python signal handlers only when that call is interrupted.
    A SIGINT that lands between the prompt and the blocking call only marks the
    signal as pending, so the session would sit at the prompt until the next key. A
    repeating timer interrupts the wait every PROMPT_TICK_SECONDS, so a pending Ctrl-C
    becomes the KeyboardInterrupt it should be. Only in the main thread (the only one
    signal handlers may be set from) and where ``setitimer`` exists.
    """
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _wake)
    signal.setitimer(signal.ITIMER_REAL, PROMPT_TICK_SECONDS, PROMPT_TICK_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)


def _wake(signum: int, frame: object) -> None:
    """The timer's handler does nothing: the wait it interrupts is what makes Python run
    a pending SIGINT's handler."""
