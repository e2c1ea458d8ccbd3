"""What a sync keeps on disk: a folder per meeting, its state file, and the manifest.

Every write here is atomic — to a hidden temporary name in the same folder, fsynced,
then renamed — so a sync killed at any moment leaves each file either as it was or
as it is meant to be, never half-written. Hidden names are also what the ingest
skips, so a temporary file is never indexed.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

import yaml
from pydantic import BaseModel, Field, ValidationError

from indexing.manifest import Manifest, ManifestError
from indexing.store import fsync_dir

STATE_FILE = ".moderngov-sync.json"
PART_SUFFIX = ".part"


class PaperState(BaseModel):
    """One downloaded paper, as it was when last fetched."""

    file: str
    title: str
    publication_date: str | None = None
    size: int
    sha256: str
    restricted: bool = False
    url: str | None = None


class MeetingState(BaseModel):
    """The state file of one meeting folder: what the sync wrote there."""

    site: str
    committee_id: int
    committee: str
    meeting_id: int
    meeting_date: str
    meeting_doc: str | None = None
    papers: dict[str, PaperState] = Field(default_factory=dict, description="By attachment id")

    def owned_files(self) -> set[str]:
        return {p.file for p in self.papers.values()} | (
            {self.meeting_doc} if self.meeting_doc else set()
        )


def slug(text: str, limit: int = 60) -> str:
    """A file-name-safe, lower-case form of ``text``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return words[:limit].rstrip("-") or "paper"


def meeting_folder(root: Path, committee: str, meeting_date: str, meeting_id: int) -> Path:
    return root / slug(committee, 40) / f"{meeting_date}-m{meeting_id}"


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old bytes or the new, nothing between."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}{PART_SUFFIX}")
    with open(temp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, path)
    fsync_dir(path.parent)


def read_state(folder: Path) -> MeetingState | None:
    path = folder / STATE_FILE
    if not path.exists():
        return None
    try:
        return MeetingState.model_validate_json(path.read_bytes())
    except (ValidationError, ValueError):
        return None  # unreadable state: everything in the meeting is fetched again


def write_state(folder: Path, state: MeetingState) -> None:
    atomic_write(folder / STATE_FILE, state.model_dump_json(indent=2).encode("utf-8"))


def all_states(root: Path) -> dict[Path, MeetingState]:
    """Every meeting folder under ``root`` that a sync wrote, with its state."""
    found: dict[Path, MeetingState] = {}
    for path in sorted(root.rglob(STATE_FILE)) if root.exists() else []:
        state = read_state(path.parent)
        if state is not None:
            found[path.parent] = state
    return found


def remove_leftovers(root: Path) -> int:
    """Delete temporary files an interrupted sync left (hidden ``*.part`` names)."""
    removed = 0
    for path in root.rglob(f".*{PART_SUFFIX}") if root.exists() else []:
        path.unlink(missing_ok=True)
        removed += 1
    return removed


def read_manifest(path: Path) -> dict:
    """The manifest as plain data (so entries the sync does not own are kept as written)."""
    if not path.exists():
        return {}
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        raise ManifestError(f"{path}: not valid YAML ({err}); fix it and sync again") from err
    if not isinstance(raw, dict):
        raise ManifestError(f"{path}: expected a mapping with 'documents:'; fix it and sync again")
    return raw


def write_manifest(path: Path, raw: dict, drop: set[str], entries: dict[str, dict]) -> None:
    """Merge: remove ``drop``, set ``entries``, keep every other entry; validate, write atomically."""
    documents = {k: v for k, v in (raw.get("documents") or {}).items() if k not in drop}
    documents.update(entries)
    merged = {**raw, "documents": dict(sorted(documents.items()))}
    merged.setdefault("ignore", ["README.md", "manifest.yaml"])
    try:
        Manifest.model_validate(merged)
    except ValidationError as err:
        first = err.errors()[0]
        raise ManifestError(
            f"{path}: {'.'.join(str(p) for p in first['loc'])}: {first['msg']}"
        ) from err
    text = yaml.safe_dump(merged, sort_keys=False, allow_unicode=True, width=120)
    atomic_write(path, text.encode("utf-8"))
