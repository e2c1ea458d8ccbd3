"""What a sync is asked to do (``SyncOptions``) and what it did (``SyncReport``, ``PaperChange``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from indexing.ingest_report import IngestReport


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


ChangeKind = Literal["new", "replaced", "removed", "relabelled", "skipped"]
"""What a sync did to one paper."""


class PaperChange(BaseModel):
    meeting: str
    title: str
    file: str | None = None
    change: ChangeKind
    reason: str | None = None


class SyncReport(BaseModel):
    into: str
    meetings: list[str] = Field(default_factory=list)
    papers: int = 0
    downloaded: int = 0
    changes: list[PaperChange] = Field(default_factory=list)
    ingest: IngestReport | None = None
