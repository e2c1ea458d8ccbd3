"""The corpus manifest (``corpus/manifest.yaml``): what each file is.

What a council (or its committee system) knows of each file: kind, committee, meeting,
access, and — where the paper's own text does not say it well — title, period and date.
The readers take title, date and period from the text; whatever the manifest states
wins. A file without an entry still ingests. ``ignore`` lists files that are not documents.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, Field, ValidationError, field_validator

from indexing.model import DocumentMeta


class ManifestError(ValueError):
    """The manifest exists but cannot be used; the message names the file and field."""


class _ManifestEntry(BaseModel):
    model_config = {"extra": "forbid"}

    title: str | None = None
    kind: str = "other"
    period: str | None = None
    date: str | None = None
    publisher: str | None = None
    url: str | None = None
    access: str = "public"
    committee: str | None = None
    meeting: str | None = None
    meeting_date: str | None = None
    agenda_item: str | None = None
    columns: dict[str, str] = Field(default_factory=dict)

    @field_validator("date", "period", "meeting", "meeting_date", "agenda_item", mode="before")
    @classmethod
    def _as_text(cls, value: object) -> object:
        """YAML reads ``2023`` as a number and ``2017-11-05`` as a date; keep them as text."""
        return None if value is None else str(value)


class Manifest(BaseModel):
    ignore: list[str] = Field(default_factory=lambda: ["README.md", "manifest.yaml"])
    documents: dict[str, _ManifestEntry] = Field(default_factory=dict)

    def entry_for(self, path: Path) -> dict[str, object]:
        """What the manifest states of a file (only the fields it sets); {} when nothing."""
        entry = self.documents.get(path.name)
        return entry.model_dump(exclude_unset=True) if entry is not None else {}

    def meta_for(self, path: Path, found: DocumentMeta | None = None) -> DocumentMeta | None:
        """The file's metadata: what the reader ``found`` in its text, overridden by
        whatever the manifest states. None when neither says anything."""
        stated = self.entry_for(path)
        if found is None and not stated.get("title"):
            return None
        base: dict[str, object] = found.model_dump() if found is not None else {"file": path.name}
        base.update({key: value for key, value in stated.items() if value is not None})
        base["file"] = path.name
        return DocumentMeta.model_validate(base)

    def ignores(self, path: Path) -> bool:
        return path.name in self.ignore


def load_manifest(path: Path) -> Manifest:
    """Read and validate the manifest; a missing manifest is an empty one."""
    if not path.exists():
        return Manifest()
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        raise ManifestError(f"{path}: not valid YAML ({err})") from err
    try:
        manifest = Manifest.model_validate(raw)
        for name in manifest.documents:
            placeholder = DocumentMeta(file=name, title=name)
            manifest.meta_for(Path(name), placeholder)  # validates kind/access/date per entry
        return manifest
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ManifestError(f"{path}: {where}: {first['msg']}") from err
