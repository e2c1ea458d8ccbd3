"""``planbot``: the command line face of Plan Assistant.

Every command is a screen long and only calls the library (``indexing``,
``assistant``; ``planbot eval`` comes from evals through an entry point); rendering lives in ``connectors.terminal``. Errors a user
can fix (no index yet, a bad question, a bad file) become one clear line, not a
traceback.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

import click

from connectors.ask_lines import BatchLineError, print_line_error, read_line
from connectors.cli_settings import load_settings
from indexing.model import ItemKind

CHANGES = {"worse": "↓", "better": "↑", "same": "↔"}
"""``planbot items --change``: how an item's rating moved since the previous period."""

if TYPE_CHECKING:
    from assistant.answering.scope import Scope


class PlanbotError(click.ClickException):
    """A problem the user can fix, shown as one line with exit code 1."""


class NothingIndexed(PlanbotError):
    """``planbot ingest`` found nothing it could use: exit code 2."""

    exit_code = 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="plan-assistant")
def cli() -> None:
    """Plan Assistant: answers questions about the council's plan documents, with sources.

    \b
    Start with:
      planbot ingest                 # index the shipped corpus (corpus/)
      planbot items --rating A       # list the amber commitments
      planbot ask "who owns 12.1?"   # answer a question with cited sources
      planbot chat                   # a conversation: follow-ups, /sources, /draft

    Settings come from PLANBOT_* environment variables or a .env file
    (see docs/configuration.md).
    """


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the ingest report as JSON.")
def ingest(paths: tuple[Path, ...], as_json: bool) -> None:
    """Index plan documents (default: the shipped corpus/ folder).

    Reads .txt .md .html .pdf .docx files, parses their plan items and passages, embeds
    them and writes a new index generation. Unchanged files are not embedded again; a
    file that cannot be read is reported and skipped, and the previous index keeps
    answering until the new one is complete.

    Exit codes: 0 every file was read; 1 some files were skipped (listed); 2 nothing
    usable was found (no index written).

    \b
    Examples:
      planbot ingest
      planbot ingest corpus/ ~/Downloads/q3-update.pdf
    """
    from connectors import terminal
    from indexing.ingest import ingest as run_ingest
    from indexing.manifest import ManifestError

    settings = load_settings()
    try:
        with terminal.progress_bar() as progress:
            report = run_ingest(settings, list(paths) or None, progress=progress)
    except ManifestError as err:
        raise PlanbotError(str(err)) from err
    if as_json:
        click.echo(report.model_dump_json(indent=2))
    else:
        terminal.print_ingest_report(report)
    if not report.documents:
        raise NothingIndexed("nothing was indexed: no readable documents were found")
    if report.skipped:
        n = len(report.skipped)
        click.echo(
            f"warning: {n} file{'s' if n != 1 else ''} skipped (listed above); exit code 1",
            err=True,
        )
        sys.exit(1)


@cli.command()
@click.option("--rating", help="R, A, G or C (words work too: amber, red, green, complete).")
@click.option("--person", help="Initials or name of owner, director or cabinet member.")
@click.option("--document", help="Document id, file name or part of its title.")
@click.option(
    "--kind",
    type=click.Choice([k.value for k in ItemKind]),
    help="Only items of this kind (commitment, kpi, risk, recommendation, milestone, question, decision).",
)
@click.option(
    "--access",
    help="Comma-separated labels the reader may see: public, members, restricted "
    "(default: PLANBOT_DEFAULT_ACCESS, i.e. public).",
)
@click.option(
    "--previous-rating",
    help="Only items rated so the previous period (R, A, G or C, or the words).",
)
@click.option(
    "--change",
    type=click.Choice(sorted(CHANGES)),
    help="Only items whose rating got worse, better or stayed the same since the previous period.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the items as JSON lines.")
def items(
    rating: str | None,
    person: str | None,
    document: str | None,
    kind: str | None,
    access: str | None,
    previous_rating: str | None,
    change: str | None,
    as_json: bool,
) -> None:
    """List the parsed items: the quickest way to check what the readers found.

    Shows each item's ref, rating and people, and for KPIs and risks their latest
    value, target or score and the page of the paper they are on.

    \b
    Examples:
      planbot items --rating A
      planbot items --person "Nigel Long"
      planbot items --document q2-2017 --rating G/A
      planbot items --document "performance report" --kind kpi --rating R
      planbot items --kind kpi --change worse
      planbot items --kind kpi --previous-rating green --rating amber
    """
    from assistant.answering.lookup import ItemFilter, find_items
    from connectors import terminal

    scope = _scope(access)
    try:
        criteria = ItemFilter.from_options(
            rating=rating, person=person, document=document, documents=scope.documents, kind=kind
        )
        before = ItemFilter.from_options(rating=previous_rating).rating if previous_rating else None
        criteria = criteria.model_copy(
            update={"previous_rating": before, "rating_change": CHANGES.get(change or "")}
        )
        found = find_items(scope, criteria)
    except ValueError as err:
        raise PlanbotError(str(err)) from err
    if as_json:
        for _, item in found:
            click.echo(item.model_dump_json())
        return
    terminal.print_items([item for _, item in found], scope.documents)


@cli.command()
@click.argument("question")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print the Answer model as JSON (one object per line with -).",
)
@click.option(
    "--document", help="Only answer from this document (id, file name or part of the title)."
)
@click.option(
    "--top-k", type=click.IntRange(1, 50), help="How many candidates to consider (default 5)."
)
@click.option(
    "--access",
    help="Comma-separated labels the reader may see: public, members, restricted "
    "(default: PLANBOT_DEFAULT_ACCESS, i.e. public).",
)
def ask(
    question: str, as_json: bool, document: str | None, top_k: int | None, access: str | None
) -> None:
    """Answer a question about the plan documents, with numbered sources.

    QUESTION is the question in plain words; `-` reads one question per line from
    standard input and answers each in turn, loading the model and index once. A line
    may also be JSON, {"question": "...", "conversation": "id"}: lines with the same
    conversation id are one conversation, so "and who owns it?" follows the answer
    before it (as in `planbot chat` or a Slack thread); plain lines stand alone.
    A follow-up with nothing before it is asked back, not guessed.
    No language model is used unless PLANBOT_LLM is set; then the answer is the
    model's wording, checked against its sources (see docs/llm.md).

    \b
    Examples:
      planbot ask "what's the latest on the one stop shop for homeless people?"
      planbot ask "which commitments are amber?"
      planbot ask --json "who owns 12.1?"
      planbot ask --json - < questions.txt > answers.jsonl
      printf '%s\\n' '{"question": "how is 12.1 rated?", "conversation": "a"}' \\
        '{"question": "and who owns it?", "conversation": "a"}' | planbot ask --json -
    """
    from assistant.answering.router import Assistant, QuestionError
    from assistant.conversation import Conversations
    from connectors import terminal
    from indexing.store import IndexMissing

    assistant = Assistant(load_settings())
    conversations = Conversations()
    batch = question == "-"
    lines = (read_line(line) for line in sys.stdin) if batch else iter([(question, None)])
    for text, conversation in lines:
        if batch and not text:
            continue
        if isinstance(conversation, BatchLineError):
            print_line_error(as_json, text, str(conversation), None)
            continue
        try:
            options = _AskOptions(document=document, top_k=top_k, access=_access(access))
            if conversation is None:
                answer = assistant.ask(text, **options)
            else:
                answer = conversations.get(conversation).ask(assistant, text, **options)
        except IndexMissing as err:
            raise PlanbotError(str(err)) from err
        except QuestionError as err:
            if not batch:
                raise PlanbotError(str(err)) from err
            print_line_error(as_json, text, str(err), conversation)
            continue
        except click.ClickException:
            raise  # a bad option (``--access secret``): the whole command is wrong, not one line
        except Exception as err:
            logging.getLogger("planbot").debug("answering %r failed", text, exc_info=True)
            message = f"could not answer this question ({type(err).__name__}); the others are still answered"
            if not batch:
                raise PlanbotError(message.split(";")[0]) from err
            print_line_error(as_json, text, message, conversation)
            continue
        if as_json and conversation is not None:
            record = answer.model_dump(mode="json") | {"conversation": conversation}
            click.echo(json.dumps(record, ensure_ascii=False))
        elif as_json:
            click.echo(answer.model_dump_json())
        else:
            terminal.print_answer(answer)


class _AskOptions(TypedDict):
    """The options of ``planbot ask`` as ``Assistant.ask`` takes them (keyword arguments)."""

    document: str | None
    top_k: int | None
    access: set[str]


def _access(option: str | None) -> set[str]:
    """``--access members,public`` → the labels; unknown labels are an error."""
    from assistant.models import Access

    if option is None:
        return set(load_settings().default_access)
    labels = {part.strip() for part in option.split(",") if part.strip()}
    unknown = labels - {a.value for a in Access}
    if unknown:
        raise PlanbotError(
            f"unknown access label(s) {', '.join(sorted(unknown))}: use public, members, restricted"
        )
    return labels


def _scope(access: str | None) -> Scope:
    """The documents the ``--access`` labels may see, in the current index."""
    from assistant.answering.router import Assistant
    from indexing.store import IndexMissing

    try:
        return Assistant(load_settings()).scope(_access(access))
    except IndexMissing as err:
        raise PlanbotError(str(err)) from err


def _register_connector_commands() -> None:
    """Commands that live with their connector (Slack, feedback, drafting, sync), and those
    another front declares in the ``planbot.commands`` entry points (``planbot eval``): the
    connectors never import evals, the package's metadata joins them."""
    from importlib.metadata import entry_points

    from connectors.chat import chat_command
    from connectors.draft_command import draft_command
    from connectors.slack.commands import feedback_group, slack_command
    from connectors.sync_command import sync_group

    cli.add_command(chat_command)
    cli.add_command(slack_command)
    cli.add_command(feedback_group)
    cli.add_command(draft_command)
    cli.add_command(sync_group)
    for entry in entry_points(group="planbot.commands"):
        cli.add_command(entry.load(), entry.name)


_register_connector_commands()


def main() -> None:
    """Console-script entry point."""
    from indexing.embedding import offline_environment

    offline_environment()
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
