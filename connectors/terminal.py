r"""Terminal rendering for the CLI (rich): progress, ingest reports, item tables, answers.

Rendering only: nothing here retrieves or decides. Output goes to stdout so it can be
piped; progress goes to stderr so ``--json`` output stays clean.

Everything printed that came from outside — file names, titles, reasons, document text,
answers — goes through ``safe`` (one line) or ``safe_block`` (keeps line breaks): a
control character is shown as its escape (``\x1b``, ``\n``) instead of being sent to the
terminal, so a file named ``"a\x1b[2J.txt"`` cannot clear the screen and a name holding
a newline cannot forge a "skipped …" line; rich markup in it is escaped, so ``[red]`` in
a title is text, not a colour.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markdown import Markdown
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from assistant.models import Answer, PlanDocument, PlanItem
from assistant.text import one_line
from indexing.text import shorten

if TYPE_CHECKING:  # importing ingest pulls in llama-index (~1 s): not for `planbot ask`
    from indexing.ingest_report import IngestReport

err_console = Console(stderr=True)


class _Unpadded(io.TextIOBase):
    """Writes to the current ``sys.stdout`` with each line's trailing spaces removed:
    rich pads every line to the console width, which a file or a pipe should not get."""

    def __init__(self) -> None:
        self._pending = ""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        lines = (self._pending + text).split("\n")
        self._pending = lines.pop()
        for line in lines:
            sys.stdout.write(line.rstrip() + "\n")
        return len(text)

    def flush(self) -> None:
        if self._pending:
            sys.stdout.write(self._pending.rstrip())
            self._pending = ""
        sys.stdout.flush()


class _Stdout:
    """A rich console bound at print time: wide when piped (or under a test runner),
    so tables of plan items are not squeezed to 80 columns in files and logs, and
    without the padding to that width at the end of each line."""

    def __getattr__(self, name: str):
        probe = Console()
        if probe.is_terminal:
            return getattr(probe, name)
        # rich annotates ``file`` as the nominal IO[str], which an io.TextIOBase is not, but
        # only calls write, flush, isatty and fileno on it, all of which _Unpadded has.
        file = _Unpadded()
        return getattr(Console(width=200, file=file), name)  # type: ignore[arg-type]  # as above


console = _Stdout()

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
_CONTROL_NOT_NEWLINE = re.compile(
    r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]"
)


def _shown(match: re.Match[str]) -> str:
    return match.group(0).encode("unicode_escape").decode("ascii")


def safe(text: object) -> str:
    """Untrusted text as one printable line for rich: control, bidi and zero-width
    characters as their escapes (``\x1b``, ``\n``, ``\u202e``), markup escaped."""
    return escape(_CONTROL.sub(_shown, str(text)))


def safe_block(text: object) -> str:
    """Like ``safe`` but keeps line breaks (answers, quotes over several lines)."""
    return escape(_CONTROL_NOT_NEWLINE.sub(_shown, str(text)))


@contextmanager
def progress_bar() -> Iterator[Callable[[str, int, int], None]]:
    """A ``progress(stage, done, total)`` callback drawn as one bar per stage."""
    with Progress(
        TextColumn("{task.description:>10}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=False,
        disable=not err_console.is_terminal,
    ) as bar:
        tasks: dict[str, TaskID] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=max(total, 1))
            bar.update(tasks[stage], completed=done, total=max(total, 1))

        yield update


def print_ingest_report(report: IngestReport) -> None:
    table = Table(title="Documents", title_justify="left")
    for column in (
        "document",
        "status",
        "items by kind",
        "table rows",
        "passages",
        "ratings",
        "unresolved initials",
        "unplaced rows",
    ):
        table.add_column(column, overflow="fold")
    for doc in report.documents:
        ratings = ", ".join(f"{k}: {v}" for k, v in sorted(doc.ratings.items())) or "–"
        kinds = ", ".join(f"{k}: {v}" for k, v in sorted(doc.kinds.items())) or str(doc.items)
        status = f"{doc.status}\nrepeats {doc.repeats}" if doc.repeats else doc.status
        table.add_row(
            f"{safe(doc.title)}\n[dim]{safe(doc.path)}[/dim]",
            safe(status),
            safe(kinds),
            str(doc.table_rows),
            str(doc.passages),
            safe(ratings),
            safe(", ".join(doc.unresolved_initials) or "–"),
            str(doc.unplaced_rows),
        )
    console.print(table)
    for problem in report.skipped:
        kept = " (kept the previously indexed version)" if problem.kept_previous else ""
        console.print(
            f"[yellow]skipped[/yellow] {safe(problem.path)}: {safe(problem.reason)}{kept}"
        )
    for path in report.removed:
        console.print(f"[dim]removed[/dim] {safe(path)} (no longer there)")
    total_items = sum(d.items for d in report.documents)
    total_passages = sum(d.passages for d in report.documents)
    total_rows = sum(d.table_rows for d in report.documents)
    if report.changed:
        console.print(
            f"Indexed {len(report.documents)} documents: {total_items} plan items, {total_rows} table rows, "
            f"{total_passages} passages; embedded {report.embedded} texts in {report.seconds:.1f}s "
            f"→ {safe(report.generation)}"
        )
    else:
        console.print(
            f"Index up to date ({total_items} plan items, {total_passages} passages); nothing embedded."
        )


def _people(item: PlanItem, role: str) -> str:
    return "; ".join(p.display() for p in getattr(item, role)) or "–"


_VALUE_COLUMNS = (("latest", "latest"), ("target", "target"), ("score", "score"))


def print_items(items: list[PlanItem], documents: list[PlanDocument]) -> None:
    """Items as a table; value columns (latest, target, score), the kind and the page
    appear only when some item has them, so a plan's table stays as narrow as before."""
    titles = {d.id: d.meta.title for d in documents}
    values = [
        (role, label) for role, label in _VALUE_COLUMNS if any(i.fields.get(role) for i in items)
    ]
    pages = any(i.location.page for i in items)
    kinds = len({i.kind for i in items}) > 1
    columns = ["document", "ref", *(["kind"] if kinds else []), "commitment", "rating"]
    columns += [label for _, label in values] + (["page"] if pages else [])
    columns += ["owner", "director", "cabinet member"]
    table = Table(show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for item in items:
        row = [titles.get(item.document_id, item.document_id), item.ref or "–"]
        row += [item.kind.value] if kinds else []
        row += [item.title(70), item.rating_words or "–"]
        row += [item.fields.get(role) or "–" for role, _ in values]
        row += [str(item.location.page or "–")] if pages else []
        row += [_people(item, "owner"), _people(item, "director"), _people(item, "cabinet_member")]
        table.add_row(*(safe(cell) for cell in row))
    console.print(table)
    console.print(f"{len(items)} item{'s' if len(items) != 1 else ''}")


_SOURCE_LINE = re.compile(r"^Source: .*(?:\n|$)", re.M)
"""The answer's own "Source: …" line; the numbered Sources list below says it in full."""


def answer_text(answer: Answer) -> str:
    """The answer as the terminal shows it: without its "Source:" line when the
    numbered Sources list follows (the answer itself keeps it, for Slack and the evals)."""
    text = answer.answer
    return _SOURCE_LINE.sub("", text).rstrip("\n") if answer.citations else text


def print_answer(answer: Answer) -> None:
    """The answer, then its numbered sources with the quoted text."""
    style = "" if answer.answered else "yellow"
    # Markdown renders the text itself (no rich markup), so only control characters are escaped.
    text = _CONTROL_NOT_NEWLINE.sub(_shown, answer_text(answer))
    console.print(Markdown(text.replace("\n", "  \n")), style=style)
    if answer.citations:
        console.print()
        print_sources(answer)


def print_sources(answer: Answer, *, links: bool = False) -> None:
    """The numbered sources of ``answer`` with the quoted text and, where the paper has
    one, its public address (a synced paper's link, at its page), which anyone can open;
    ``links`` adds each source's page and section (``/sources`` in ``planbot chat``)."""
    if not answer.citations:
        console.print("[dim]The last answer has no sources.[/dim]")
        return
    console.print("[bold]Sources[/bold]")
    for n, cite in enumerate(answer.citations, start=1):
        where = " · ".join(
            filter(None, [cite.document, cite.date, f"ref {cite.ref}" if cite.ref else None])
        )
        console.print(f"[{n}] {safe(where)}  [dim]{safe(cite.source)}[/dim]", highlight=False)
        if links and (cite.page or cite.section):
            place = ", ".join(
                filter(None, [f"p. {cite.page}" if cite.page else None, cite.section])
            )
            console.print(f"    {safe(place)}", highlight=False)
        if cite.url:  # soft wrap: a link folded at the terminal's width no longer opens
            console.print(f"    {safe(cite.url)}", highlight=False, soft_wrap=True)
        console.print(f"    [dim]“{safe(clip_quote(cite.quote))}”[/dim]", highlight=False)


def clip_quote(text: str, limit: int = 240) -> str:
    """A quote as one neutral line (``assistant.text.one_line``: no line breaks, no
    ``[n]`` that could pass for one of our markers), cut at a word."""
    return shorten(one_line(text), limit, placeholder="…")
