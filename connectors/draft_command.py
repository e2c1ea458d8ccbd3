"""``planbot draft``: a reply to a member's query, drafted from the plan documents.

A screen of code: it reads the options, calls ``assistant.drafting.draft.draft`` and prints the
text (or the ``Draft`` as JSON). Registered on the ``planbot`` group by
``connectors.cli`` (``cli.add_command(draft_command)``).
"""

from __future__ import annotations

import click


@click.command("draft")
@click.argument("query")
@click.option(
    "--to",
    "to",
    metavar="NAME",
    help='Who the reply is for, e.g. "Cllr Long" (default: "Dear Councillor").',
)
@click.option(
    "--from",
    "sender",
    metavar="NAME",
    help='Who signs the reply, e.g. "Jane Smith, Policy Officer".',
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print the Draft (text, answers, sources, gaps) as JSON.",
)
def draft_command(query: str, to: str | None, sender: str | None, as_json: bool) -> None:
    """Draft a reply to a member's query, with numbered sources, for an officer to edit and send.

    QUERY is the member's message as they wrote it; `-` reads it from standard input.
    Each question in it is answered from the plan documents; a part the documents
    don't cover is said plainly, never filled in. Every line that states a fact ends
    with the number of its source, listed at the end (document · period · ref · file).
    With PLANBOT_LLM set, the short answers are reworded by the model and checked
    against their sources (see docs/llm.md); otherwise no model is used.

    \b
    Examples:
      planbot draft "What's the latest on the one stop shop, and how much did it cost?"
      planbot draft --to "Cllr Long" --from "Jane Smith, Policy Officer" "Is the flood strategy on track and who owns it?"
      planbot draft --json "Which commitments are amber?" > draft.json
      pbpaste | planbot draft --to "Cllr Gifford" -
    """
    import sys

    from assistant.answering.router import Assistant, QuestionError
    from assistant.drafting.draft import draft
    from assistant.llm.backends import LLMConfigError
    from assistant.prompts import TemplateError
    from connectors.cli_settings import load_settings
    from indexing.store import IndexMissing

    text = sys.stdin.read() if query == "-" else query
    settings = load_settings()
    try:
        result = draft(Assistant(settings), text, to=to, sender=sender)
    except (QuestionError, IndexMissing, LLMConfigError, TemplateError) as err:
        raise click.ClickException(str(err)) from err
    click.echo(result.model_dump_json(indent=2) if as_json else result.text.rstrip("\n"))
