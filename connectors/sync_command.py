"""``planbot sync``: fetch a council's committee papers from its committee system.

A screen of code: it reads the options, calls ``connectors.sources.sync.sync`` and
prints what changed and the ingest summary. Registered on the ``planbot`` group by
``connectors.cli`` (``cli.add_command(sync_group)``).
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from connectors.sources.sync import SyncReport

_DATE = click.DateTime(formats=["%Y-%m-%d", "%d/%m/%Y"])


@click.group("sync")
def sync_group() -> None:
    """Fetch committee papers from a council's committee system and index them.

    \b
    Examples:
      planbot sync moderngov https://democracy.example.gov.uk --committee Cabinet
      planbot sync moderngov https://democracy.example.gov.uk --since 2025-01-01 --into papers/
    """


@sync_group.command("moderngov")
@click.argument("url")
@click.option(
    "--committee",
    "committees",
    multiple=True,
    metavar="NAME",
    help="A committee to sync, by its title (any case); repeat for more. Default: every current committee.",
)
@click.option(
    "--since",
    type=_DATE,
    metavar="DATE",
    help="First meeting date (YYYY-MM-DD or DD/MM/YYYY). Default: a year ago.",
)
@click.option(
    "--until", type=_DATE, metavar="DATE", help="Last meeting date. Default: three months ahead."
)
@click.option(
    "--into",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder the papers and manifest.yaml go in. Default: the corpus folder (PLANBOT_CORPUS_DIR).",
)
@click.option(
    "--publisher", metavar="NAME", help="The council's name, recorded in each manifest entry."
)
@click.option(
    "--form",
    type=click.Choice(["soap", "get"]),
    default="soap",
    show_default=True,
    help="How to call the web service: SOAP 1.1 POSTs or the GET form.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(0.1, 600),
    default=30.0,
    show_default=True,
    envvar="PLANBOT_SYNC_TIMEOUT",
    help="Seconds to wait for each answer (env PLANBOT_SYNC_TIMEOUT).",
)
@click.option(
    "--retries",
    type=click.IntRange(0, 10),
    default=3,
    show_default=True,
    envvar="PLANBOT_SYNC_RETRIES",
    help="Retries after a server error (5xx) or timeout, with backoff.",
)
@click.option(
    "--interval",
    type=click.FloatRange(0, 60),
    default=0.5,
    show_default=True,
    envvar="PLANBOT_SYNC_INTERVAL",
    help="Seconds between requests, to be polite to the council's server.",
)
@click.option(
    "--max-size",
    "max_mb",
    type=click.IntRange(1, 2000),
    default=50,
    show_default=True,
    help="Largest paper to download, in MB; bigger ones are reported and skipped.",
)
@click.option(
    "--json", "as_json", is_flag=True, help="Print the sync report (changes and ingest) as JSON."
)
def moderngov_command(
    url: str,
    committees: tuple[str, ...],
    since: datetime | None,
    until: datetime | None,
    into: Path | None,
    publisher: str | None,
    form: str,
    timeout: float,
    retries: int,
    interval: float,
    max_mb: int,
    as_json: bool,
) -> None:
    """Sync a ModernGov site's meetings and papers into the corpus, then index them.

    URL is the council's committee site, e.g. https://democracy.example.gov.uk (the
    address of its "Committees" pages), or the full .../mgWebService.asmx address of
    its public web service.
    Lists the committees' meetings between --since and --until, their agenda items,
    decisions, minutes and papers; downloads each paper that is new or changed into a
    folder per committee and meeting, writes its manifest entry (title, kind, date,
    committee, meeting, agenda item, public URL; restricted papers are labelled
    `access: restricted`), writes a Markdown record of each meeting, then indexes
    what changed. A second run downloads only what changed. If the server fails,
    nothing is changed and the index keeps answering as before.

    Exit codes, as `planbot ingest`: 0 every file was indexed; 1 the ingest skipped
    some files (listed); 2 nothing usable was found. Papers the server would not give
    (listed as "skipped") do not change it.

    \b
    Examples:
      planbot sync moderngov https://democracy.example.gov.uk --committee Cabinet
      planbot sync moderngov https://democracy.example.gov.uk \\
          --committee Cabinet --committee "County Council" --since 2025-01-01 --until 2025-03-31
      planbot sync moderngov https://democracy.example.gov.uk --into /srv/planbot/papers --json
      planbot sync moderngov https://democracy.example.gov.uk --form get --interval 2
    See docs/sources.md for running it every night from cron or a systemd timer.
    """
    from connectors import terminal
    from connectors.cli_settings import load_settings
    from connectors.sources.moderngov import SourceError
    from connectors.sources.sync import SyncOptions, sync
    from indexing.manifest import ManifestError

    if since and until and since > until:
        raise click.ClickException(f"--since {since:%Y-%m-%d} is after --until {until:%Y-%m-%d}")
    options = SyncOptions(
        url=url,
        committees=list(committees),
        since=since.date() if since else None,
        until=until.date() if until else None,
        into=into,
        publisher=publisher,
        form=form,  # type: ignore[arg-type]
        timeout=timeout,
        retries=retries,
        interval=interval,
        max_bytes=max_mb * 1024 * 1024,
    )
    settings = load_settings()
    try:
        with terminal.progress_bar() as progress:
            report = sync(settings, options, progress=progress)
    except (SourceError, ManifestError) as err:
        raise click.ClickException(f"{err} — nothing was changed") from err
    except OSError as err:
        raise click.ClickException(
            f"cannot write the papers: {err.strerror or err} ({err.filename or ''})"
        ) from err
    if as_json:
        click.echo(report.model_dump_json(indent=2))
        _exit_as_ingest(report)
        return
    console = terminal.console
    console.print(
        f"Synced {len(report.meetings)} meetings, {report.papers} papers into {report.into}; "
        f"downloaded {report.downloaded}."
    )
    for change in report.changes:
        reason = f" ({change.reason})" if change.reason else ""
        console.print(
            f"  {change.change:<10} {change.meeting}: {change.title}{reason}",
            markup=False,
            highlight=False,
        )
    if report.ingest is not None:
        terminal.print_ingest_report(report.ingest)
    _exit_as_ingest(report)


def _exit_as_ingest(report: SyncReport) -> None:
    """Exit as ``planbot ingest`` would have: 0 every file read, 1 some skipped (listed),
    2 nothing usable — so a cron job or timer sees a sync whose papers could not all be
    indexed. Papers the sync itself did not fetch (an exempt appendix the server refuses,
    a page that is not a document) are listed as ``skipped`` changes and leave it at 0:
    councils refuse exempt papers routinely, and that is not a fault to alert on.
    """
    ingest = report.ingest
    if ingest is None:
        return
    if not ingest.documents:
        click.echo("error: nothing was indexed: no readable documents were found", err=True)
        sys.exit(2)
    if ingest.skipped:
        n = len(ingest.skipped)
        click.echo(
            f"warning: {n} file{'s' if n != 1 else ''} skipped by the ingest "
            "(listed above); exit code 1",
            err=True,
        )
        sys.exit(1)


if (
    __name__ == "__main__"
):  # ``python -m connectors.sync_command moderngov URL …`` = ``planbot sync …``
    sync_group()
