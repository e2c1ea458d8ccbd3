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
from typing import Literal

from filelock import FileLock
from pydantic import BaseModel, Field

from assistant.config import Settings
from connectors.sources import files
from connectors.sources.commit import Plan, commit, discard, paper_entry
from connectors.sources.files import MeetingState, PaperState
from connectors.sources.meeting_doc import meeting_title
from connectors.sources.model import AgendaItem, Attachment, Committee, Meeting
from connectors.sources.moderngov import ModernGovClient, PaperProblem, SourceError
from indexing.ingest import IngestReport
from indexing.loaders import SUPPORTED_SUFFIXES, file_sha256

Progress = Callable[[str, int, int], None]
_TYPES = {"pdf": ".pdf", "wordprocessingml": ".docx", "text/plain": ".txt", "text/markdown": ".md"}


class SyncOptions(BaseModel):
    url: str
    committees: list[str] = Field(
        default_factory=list, description="Titles; empty = every current committee"
    )
    since: date | None = None
    until: date | None = None
    into: Path | None = None
    publisher: str | None = None
    form: Literal["soap", "get"] = "soap"
    timeout: float = 30.0
    retries: int = 3
    interval: float = 0.5
    max_bytes: int = 50 * 1024 * 1024


class PaperChange(BaseModel):
    meeting: str
    title: str
    file: str | None = None
    change: Literal["new", "replaced", "removed", "relabelled", "skipped"]
    reason: str | None = None


class SyncReport(BaseModel):
    into: str
    meetings: list[str] = Field(default_factory=list)
    papers: int = 0
    downloaded: int = 0
    changes: list[PaperChange] = Field(default_factory=list)
    ingest: IngestReport | None = None


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
            attachment = _with_address(client, attachment)
            previous = old.papers.get(str(attachment.id)) if old else None
            _plan_paper(client, plan, item, attachment, previous, options, report, label)
        for aid, previous in old.papers.items() if old else []:
            if aid not in plan.state.papers:
                plan.removals.append(folder / previous.file)
                report.changes.append(
                    PaperChange(
                        meeting=label, title=previous.title, file=previous.file, change="removed"
                    )
                )
    progress("papers", total, total)


def _with_address(client: ModernGovClient, attachment: Attachment) -> Attachment:
    """A linked paper without an address or date: ask ``GetAttachment`` for its details."""
    if attachment.url and attachment.publication_date:
        return attachment
    details = client.attachment(attachment.id)
    return attachment.model_copy(
        update={
            "url": attachment.url or details.url,
            "publication_date": attachment.publication_date or details.publication_date,
            "restricted": attachment.restricted or details.restricted,
        }
    )


def _plan_paper(
    client: ModernGovClient,
    plan: Plan,
    item: AgendaItem,
    attachment: Attachment,
    previous: PaperState | None,
    options: SyncOptions,
    report: SyncReport,
    label: str,
) -> None:
    key = str(attachment.id)
    if not attachment.url:
        _keep_or_skip(
            plan,
            item,
            attachment,
            previous,
            options,
            report,
            label,
            "the service gives no address for it",
        )
        return
    if previous and _unchanged(client, plan.folder, previous, attachment):
        _keep(plan, item, attachment, previous, options, report, label)
        return
    temp = plan.folder / f".a{attachment.id}{files.PART_SUFFIX}"
    plan.folder.mkdir(parents=True, exist_ok=True)
    plan.renames.append((temp, temp))  # registered first so a failure below still deletes it
    try:
        got = client.download(attachment.url, temp)
        suffix = _suffix(attachment.url, got.content_type)
        _check_document(temp, suffix)
    except PaperProblem as err:
        plan.renames.pop()
        temp.unlink(missing_ok=True)
        _keep_or_skip(plan, item, attachment, previous, options, report, label, str(err))
        return
    report.downloaded += 1
    if previous and got.sha256 == previous.sha256 and (plan.folder / previous.file).exists():
        plan.renames.pop()
        temp.unlink(missing_ok=True)
        _keep(
            plan,
            item,
            attachment,
            previous.model_copy(update={"size": got.size}),
            options,
            report,
            label,
        )
        return
    name = f"{files.slug(attachment.title)}-{attachment.id}{suffix}"
    plan.renames[-1] = (temp, plan.folder / name)
    if previous and previous.file != name:
        plan.removals.append(plan.folder / previous.file)
    plan.state.papers[key] = PaperState(
        file=name,
        title=attachment.title,
        publication_date=attachment.publication_date,
        size=got.size,
        sha256=got.sha256,
        restricted=attachment.restricted,
        url=attachment.url,
    )
    plan.entries[name] = paper_entry(plan.meeting, item, attachment, options.publisher)
    report.changes.append(
        PaperChange(
            meeting=label,
            title=attachment.title,
            file=name,
            change="replaced" if previous else "new",
        )
    )


def _keep(
    plan: Plan,
    item: AgendaItem,
    attachment: Attachment,
    previous: PaperState,
    options: SyncOptions,
    report: SyncReport,
    label: str,
) -> None:
    """The file on disk is current; its labels (title, restricted flag) follow the service."""
    if previous.restricted != attachment.restricted:
        report.changes.append(
            PaperChange(
                meeting=label,
                title=attachment.title,
                file=previous.file,
                change="relabelled",
                reason="now restricted" if attachment.restricted else "now public",
            )
        )
    plan.state.papers[str(attachment.id)] = previous.model_copy(
        update={
            "title": attachment.title,
            "restricted": attachment.restricted,
            "publication_date": attachment.publication_date,
            "url": attachment.url or previous.url,
        }
    )
    plan.entries[previous.file] = paper_entry(
        plan.meeting, item, attachment, options.publisher, url=attachment.url or previous.url
    )


def _keep_or_skip(
    plan: Plan,
    item: AgendaItem,
    attachment: Attachment,
    previous: PaperState | None,
    options: SyncOptions,
    report: SyncReport,
    label: str,
    reason: str,
) -> None:
    """A paper that could not be fetched: keep the earlier copy if there is one, else skip it."""
    kept = previous is not None and (plan.folder / previous.file).exists()
    report.changes.append(
        PaperChange(
            meeting=label,
            title=attachment.title,
            change="skipped",
            reason=reason + ("; kept the earlier copy" if kept else ""),
        )
    )
    if kept and previous is not None:
        _keep(plan, item, attachment, previous, options, report, label)


def _unchanged(
    client: ModernGovClient, folder: Path, previous: PaperState, attachment: Attachment
) -> bool:
    """Same publication date, same bytes on disk, and the server states the same size."""
    path = folder / previous.file
    if not path.exists() or previous.publication_date != attachment.publication_date:
        return False
    if file_sha256(path) != previous.sha256:
        return False
    size = client.head_size(attachment.url) if attachment.url else None
    return size is None or size == previous.size


def _suffix(url: str, content_type: str | None) -> str:
    path_suffix = Path(url.split("?", 1)[0]).suffix.lower()
    if path_suffix in SUPPORTED_SUFFIXES:
        return path_suffix
    for marker, suffix in _TYPES.items():
        if content_type and marker in content_type:
            return suffix
    return ".pdf"


def _check_document(path: Path, suffix: str) -> None:
    """A PDF must open and have pages; anything else must be a supported type."""
    if suffix not in SUPPORTED_SUFFIXES:
        raise PaperProblem(f"'{suffix}' files cannot be indexed")
    if suffix != ".pdf":
        return
    import pypdfium2

    with open(path, "rb") as handle:
        head = handle.read(1024)
        handle.seek(max(0, path.stat().st_size - 2048))
        tail = handle.read()
    if b"%PDF-" not in head or b"%%EOF" not in tail:
        raise PaperProblem("it is not a whole PDF (no PDF header or end marker)")
    try:
        pdf = pypdfium2.PdfDocument(str(path))
        pages = len(pdf)
        pdf.close()
    except pypdfium2.PdfiumError as err:
        raise PaperProblem(f"the PDF does not open ({err})") from err
    if pages == 0:
        raise PaperProblem("the PDF has no pages")


@contextmanager
def _sync_lock(into: Path) -> Iterator[None]:
    """One sync at a time into a folder; a second one waits for the first."""
    with FileLock(into / ".moderngov-sync.lock"):
        yield
