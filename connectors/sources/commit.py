"""The commit step of a sync: put every downloaded paper in place, then the manifest.

Nothing here talks to the committee system; it applies a ``Plan`` per meeting that
``sync.py`` filled while listing and downloading. The order — papers renamed into place,
papers no longer on the agenda deleted, the meeting record and its state file written,
the manifest last — means a sync killed half-way is healed by the next one, which
rebuilds every entry it owns from the committee system.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, Field

from connectors.sources import files
from connectors.sources.files import MeetingState
from connectors.sources.kinds import infer_kind, infer_period
from connectors.sources.meeting_doc import (
    item_label,
    meeting_kind,
    meeting_title,
    render,
)
from connectors.sources.model import AgendaItem, Attachment, Meeting


class Plan(BaseModel):
    """One meeting's pending changes, applied only at commit."""

    folder: Path
    meeting: Meeting
    state: MeetingState
    renames: list[tuple[Path, Path]] = Field(default_factory=list)
    removals: list[Path] = Field(default_factory=list)
    entries: dict[str, dict] = Field(default_factory=dict)
    owned_before: set[str] = Field(default_factory=set)


def paper_entry(
    meeting: Meeting,
    item: AgendaItem,
    attachment: Attachment,
    publisher: str | None,
    url: str | None = None,
) -> dict:
    """A paper's manifest entry: what the committee system says of it, and its kind and period."""
    entry = {
        "title": attachment.title,
        "kind": infer_kind(attachment.title, item.title),
        "period": infer_period(attachment.title, item.title),
        "date": meeting.date.isoformat(),
        "publisher": publisher,
        "url": url or attachment.url,
        "access": "restricted" if attachment.restricted else "public",
        "committee": meeting.committee.title,
        "meeting": str(meeting.id),
        "meeting_date": meeting.date.isoformat(),
        "agenda_item": item_label(item),
    }
    return {k: v for k, v in entry.items() if v is not None}


def _meeting_doc_name(meeting: Meeting) -> str:
    return f"{files.slug(meeting.committee.title, 40)}-{meeting.date.isoformat()}-meeting-{meeting.id}.md"


def commit(into: Path, plans: list[Plan], manifest_raw: dict, publisher: str | None = None) -> None:
    """Apply every meeting's changes, then the manifest (see the module docstring)."""
    entries: dict[str, dict] = {}
    drop: set[str] = set()
    for plan in plans:
        plan.folder.mkdir(parents=True, exist_ok=True)
        for temp, final in plan.renames:
            os.replace(temp, final)
        for path in plan.removals:
            path.unlink(missing_ok=True)
        files_by_id = {int(aid): paper.file for aid, paper in plan.state.papers.items()}
        doc_name = _meeting_doc_name(plan.meeting)
        doc_path = plan.folder / doc_name
        text = render(plan.meeting, files_by_id).encode("utf-8")
        if not doc_path.exists() or doc_path.read_bytes() != text:
            files.atomic_write(doc_path, text)
        plan.state.meeting_doc = doc_name
        files.fsync_dir(plan.folder)
        files.write_state(plan.folder, plan.state)
        drop |= plan.owned_before
        entries.update(plan.entries)
        entries[doc_name] = {
            k: v
            for k, v in {
                "title": meeting_title(plan.meeting),
                "kind": meeting_kind(plan.meeting),
                "date": plan.meeting.date.isoformat(),
                "publisher": publisher,
                "url": plan.meeting.page_url,
                "access": "public",
                "committee": plan.meeting.committee.title,
                "meeting": str(plan.meeting.id),
                "meeting_date": plan.meeting.date.isoformat(),
            }.items()
            if v is not None
        }
    files.write_manifest(into / "manifest.yaml", manifest_raw, drop, entries)


def discard(plans: list[Plan]) -> None:
    """Delete the temporary files of a sync that stopped before its commit."""
    for plan in plans:
        for temp, _ in plan.renames:
            temp.unlink(missing_ok=True)
