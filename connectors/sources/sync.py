"""Sync a committee system into the corpus: list → download → commit → ingest.

1. **List** the chosen committees, their meetings in the window, and each meeting's
   agenda items and papers (web service calls only; nothing on disk changes).
2. **Download** each paper that is new or changed — its publication date, size or
   hash differs from the meeting folder's state file — to a hidden temporary name in
   its meeting folder, and check that it is a document that opens.
3. **Commit** only when every call and download succeeded: rename the papers into
   place, delete papers no longer on the agenda, write each meeting's Markdown record
   and state file, then the merged manifest. Any failure before this point deletes the
   temporary files and leaves the corpus as it was.
4. **Ingest** the folder; the index's generations are atomic, so a failed ingest
   leaves the previous index answering.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

from filelock import FileLock

from assistant.config import Settings
from connectors.sources import files
from connectors.sources.commit import Plan, commit, discard
from connectors.sources.files import MeetingState
from connectors.sources.meeting_doc import meeting_title
from connectors.sources.model import Committee, Meeting
from connectors.sources.moderngov import ModernGovClient, SourceError
from connectors.sources.papers import plan_paper, with_address
from connectors.sources.sync_models import PaperChange, SyncOptions, SyncReport

Progress = Callable[[str, int, int], None]


def default_window(today: date | None = None) -> tuple[date, date]:
    """A year back and three months ahead: recent decisions and the agendas to come."""
    today = today or date.today()
    return today - timedelta(days=365), today + timedelta(days=92)


def sync(settings: Settings, options: SyncOptions, progress: Progress | None = None) -> SyncReport:
    """Bring ``options.into`` (default: the corpus folder) and the index up to date."""
    from indexing.ingest import ingest

    progress = progress or (lambda *_: None)
    into = (options.into or settings.corpus_dir).resolve()
    into.mkdir(parents=True, exist_ok=True)
    report = SyncReport(into=str(into))
    with _sync_lock(into):
        manifest_raw = files.read_manifest(
            into / "manifest.yaml"
        )  # a bad manifest stops us before any call
        files.remove_leftovers(into)
        with ModernGovClient(
            options.url,
            form=options.form,
            timeout=options.timeout,
            retries=options.retries,
            interval=options.interval,
            max_bytes=options.max_bytes,
        ) as client:
            meetings = _list_meetings(client, options, progress)
            plans: list[Plan] = []
            try:
                _download_all(client, into, meetings, options, plans, report, progress)
            except BaseException:
                discard(plans)
                raise
        commit(into, plans, manifest_raw, options.publisher)
        report.meetings = [meeting_title(p.meeting) for p in plans]
        report.ingest = ingest(settings.model_copy(update={"corpus_dir": into}), progress=progress)
    return report


def _list_meetings(
    client: ModernGovClient, options: SyncOptions, progress: Progress
) -> list[Meeting]:
    committees = _choose(client.committees(), options.committees)
    since, until = options.since, options.until
    if since is None or until is None:
        default_since, default_until = default_window()
        since, until = since or default_since, until or default_until
    listed = [
        (c, m)
        for c in committees
        for m in client.meetings(c.id, since, until)
        if since <= m.date <= until
    ]
    meetings = []
    for n, (committee, summary) in enumerate(listed):
        progress("meetings", n, len(listed))
        meetings.append(client.meeting(summary.id, committee))
    progress("meetings", len(listed), len(listed))
    return meetings


def _choose(committees: list[Committee], wanted: list[str]) -> list[Committee]:
    """The committees named (case-insensitive), or every current one; unknown names are an error."""
    current = [c for c in committees if not c.deleted]
    if not wanted:
        return [c for c in current if not c.expired]
    by_title = {c.title.casefold(): c for c in current}
    unknown = [name for name in wanted if name.strip().casefold() not in by_title]
    if unknown:
        names = ", ".join(sorted({c.title for c in current if not c.expired})) or "(none)"
        raise SourceError(
            f"no committee called {', '.join(repr(u) for u in unknown)}; the committees are: {names}"
        )
    return [by_title[name.strip().casefold()] for name in dict.fromkeys(wanted)]


def _download_all(
    client: ModernGovClient,
    into: Path,
    meetings: list[Meeting],
    options: SyncOptions,
    plans: list[Plan],
    report: SyncReport,
    progress: Progress,
) -> None:
    total = sum(len(m.attachments()) for m in meetings)
    done = 0
    for meeting in meetings:
        folder = files.meeting_folder(
            into, meeting.committee.title, meeting.date.isoformat(), meeting.id
        )
        old = files.read_state(folder)
        plan = Plan(
            folder=folder,
            meeting=meeting,
            owned_before=old.owned_files() if old else set(),
            state=MeetingState(
                site=client.site,
                committee_id=meeting.committee.id,
                committee=meeting.committee.title,
                meeting_id=meeting.id,
                meeting_date=meeting.date.isoformat(),
            ),
        )
        plans.append(plan)
        label = meeting_title(meeting)
        for item, attachment in meeting.attachments():
            progress("papers", done, total)
            done += 1
            report.papers += 1
            attachment = with_address(client, attachment)
            previous = old.papers.get(str(attachment.id)) if old else None
            plan_paper(client, plan, item, attachment, previous, options, report, label)
        for aid, previous in old.papers.items() if old else []:
            if aid not in plan.state.papers:
                plan.removals.append(folder / previous.file)
                report.changes.append(
                    PaperChange(
                        meeting=label, title=previous.title, file=previous.file, change="removed"
                    )
                )
    progress("papers", total, total)


@contextmanager
def _sync_lock(into: Path) -> Iterator[None]:
    """One sync at a time into a folder; a second one waits for the first."""
    with FileLock(into / ".moderngov-sync.lock"):
        yield
