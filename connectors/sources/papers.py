"""One paper of a meeting in a sync: fetched when new or changed, checked, planned for the commit.

A paper whose date, bytes and stated size match the meeting's state file is kept without a
download; a downloaded one must be a document that opens (a whole PDF with pages, or another
supported type) before it is planned under its new name. A paper that cannot be fetched keeps
its earlier copy when there is one and is reported as skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from connectors.sources import files
from connectors.sources.commit import Plan, paper_entry
from connectors.sources.files import PaperState
from connectors.sources.model import AgendaItem, Attachment
from connectors.sources.moderngov import ModernGovClient, PaperProblem
from connectors.sources.sync_models import ChangeKind, PaperChange, SyncOptions, SyncReport
from indexing.loaders import SUPPORTED_SUFFIXES, file_sha256

_TYPES = {"pdf": ".pdf", "wordprocessingml": ".docx", "text/plain": ".txt", "text/markdown": ".md"}
"""Suffixes by content type, for an address that names none."""


def with_address(client: ModernGovClient, attachment: Attachment) -> Attachment:
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


@dataclass
class _Paper:
    """One paper being planned, with where its outcome goes."""

    plan: Plan
    item: AgendaItem
    attachment: Attachment
    options: SyncOptions
    report: SyncReport
    label: str

    def change(
        self, change: ChangeKind, file: str | None = None, reason: str | None = None
    ) -> None:
        self.report.changes.append(
            PaperChange(
                meeting=self.label,
                title=self.attachment.title,
                file=file,
                change=change,
                reason=reason,
            )
        )


def plan_paper(
    client: ModernGovClient,
    plan: Plan,
    item: AgendaItem,
    attachment: Attachment,
    previous: PaperState | None,
    options: SyncOptions,
    report: SyncReport,
    label: str,
) -> None:
    """Plan one paper: keep it when unchanged, else download, check and name it."""
    paper = _Paper(plan, item, attachment, options, report, label)
    if not attachment.url:
        _keep_or_skip(paper, previous, "the service gives no address for it")
        return
    if previous and _unchanged(client, plan.folder, previous, attachment):
        _keep(paper, previous)
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
        _keep_or_skip(paper, previous, str(err))
        return
    report.downloaded += 1
    if previous and got.sha256 == previous.sha256 and (plan.folder / previous.file).exists():
        plan.renames.pop()
        temp.unlink(missing_ok=True)
        _keep(paper, previous.model_copy(update={"size": got.size}))
        return
    name = f"{files.slug(attachment.title)}-{attachment.id}{suffix}"
    plan.renames[-1] = (temp, plan.folder / name)
    if previous and previous.file != name:
        plan.removals.append(plan.folder / previous.file)
    plan.state.papers[str(attachment.id)] = PaperState(
        file=name,
        title=attachment.title,
        publication_date=attachment.publication_date,
        size=got.size,
        sha256=got.sha256,
        restricted=attachment.restricted,
        url=attachment.url,
    )
    plan.entries[name] = paper_entry(plan.meeting, item, attachment, options.publisher)
    paper.change("replaced" if previous else "new", file=name)


def _keep(paper: _Paper, previous: PaperState) -> None:
    """The file on disk is current; its labels (title, restricted flag) follow the service."""
    attachment, plan = paper.attachment, paper.plan
    if previous.restricted != attachment.restricted:
        reason = "now restricted" if attachment.restricted else "now public"
        paper.change("relabelled", file=previous.file, reason=reason)
    plan.state.papers[str(attachment.id)] = previous.model_copy(
        update={
            "title": attachment.title,
            "restricted": attachment.restricted,
            "publication_date": attachment.publication_date,
            "url": attachment.url or previous.url,
        }
    )
    plan.entries[previous.file] = paper_entry(
        plan.meeting,
        paper.item,
        attachment,
        paper.options.publisher,
        url=attachment.url or previous.url,
    )


def _keep_or_skip(paper: _Paper, previous: PaperState | None, reason: str) -> None:
    """A paper that could not be fetched: keep the earlier copy if there is one, else skip it."""
    kept = previous is not None and (paper.plan.folder / previous.file).exists()
    paper.change("skipped", reason=reason + ("; kept the earlier copy" if kept else ""))
    if kept and previous is not None:
        _keep(paper, previous)


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
