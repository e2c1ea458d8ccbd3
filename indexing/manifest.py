"""The corpus manifest (``corpus/manifest.yaml``): what each file is.

Titles, kinds, periods and dates cannot be recovered reliably from extracted text, so
they are stated once here. A file without an entry still ingests; its title is taken
from its text. ``ignore`` lists files in the folder that are not documents.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, Field, ValidationError, field_validator

from assistant.models import DocumentMeta


class ManifestError(ValueError):
    """The manifest exists but cannot be used; the message names the file and field."""


class _ManifestEntry(BaseModel):
    model_config = {"extra": "forbid"}

    title: str
    kind: str = "other"
    period: str | None = None
    date: str | None = None
    publisher: str | None = None
    url: str | None = None
    access: str = "public"

    @field_validator("date", "period", mode="before")
    @classmethod
    def _as_text(cls, value: object) -> object:
        """YAML reads ``2023`` as a number and ``2017-11-05`` as a date; keep them as text."""
        return None if value is None else str(value)


class Manifest(BaseModel):
    ignore: list[str] = Field(default_factory=lambda: ["README.md", "manifest.yaml"])
    documents: dict[str, _ManifestEntry] = Field(default_factory=dict)

    def meta_for(self, path: Path) -> DocumentMeta | None:
        entry = self.documents.get(path.name)
        if entry is None:
            return None
        return DocumentMeta(file=path.name, **entry.model_dump())

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
            manifest.meta_for(Path(name))  # validates kind/access/date per entry
        return manifest
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ManifestError(f"{path}: {where}: {first['msg']}") from err
