"""Plan document files → text in the corpus format the plan parser reads.

That format is the one of ``corpus/*.txt``: one line per paragraph or heading, one line
per table row with its cells joined by TAB, blank lines between blocks. Every format is
turned into it here, and every way a file can be unreadable becomes a ``LoadError``
whose message tells the user which file and what to do — never a library traceback.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel

from indexing.loaders._common import LoadError
from indexing.loaders._docx import load_docx
from indexing.loaders._html import load_html
from indexing.loaders._pdf import load_pdf
from indexing.loaders._text import decode_utf8

_FORMATS = {
    ".txt": "txt", ".md": "md", ".html": "html", ".htm": "html", ".pdf": "pdf", ".docx": "docx",
}
_LOADERS: dict[str, Callable[[bytes, Path], str]] = {
    "txt": decode_utf8,
    "md": decode_utf8,
    "html": load_html,
    "pdf": load_pdf,
    "docx": load_docx,
}
_NO_TEXT = {"pdf": "no extractable text — is it a scanned image? OCR it first"}
_CHUNK = 1 << 20

SUPPORTED_SUFFIXES: frozenset[str] = frozenset(_FORMATS)


class LoadedFile(BaseModel):
    """A file's text in the corpus format, and the hash that says whether it changed."""

    path: Path
    format: str
    text: str
    sha256: str


def file_sha256(path: Path) -> str:
    """SHA-256 of a file's bytes, read in chunks: cheap change detection without loading it."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _format_of(path: Path) -> str:
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        suffix = path.suffix or "(none)"
        raise LoadError(path, f"unsupported file type '{suffix}' (supported: {supported})")
    return fmt


def _read(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, reading at most one byte past the limit however big it is."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as err:
        raise LoadError(path, f"cannot read the file ({err.strerror or err})") from err
    if len(raw) > max_bytes:
        limit = f"{max_bytes:,}-byte limit"
        raise LoadError(path, f"is larger than the {limit} — split it, or raise max_bytes")
    if not raw:
        raise LoadError(path, "the file is empty (0 bytes)")
    return raw


MAX_TEXT_CHARS = 10_000_000
"""Text one document may yield. Parsing is linear (about 1 MB/s of plan text), and a
plan of 10 million characters is already some 3,000 pages: past this it is a dump or an
attack, and would hold up the ingest of every other file for minutes."""
MAX_LINES = 50_000
"""Lines (table rows, paragraphs) one document may yield: each can become a node to
embed, so 100,000 rows would keep an ingest busy for the best part of an hour."""


def _check_text_size(text: str, path: Path, max_chars: int, max_lines: int) -> None:
    if len(text) > max_chars:
        raise LoadError(
            path,
            f"has {len(text):,} characters of text, over the {max_chars:,}-character limit "
            "for one document — split it into smaller documents",
        )
    lines = text.count("\n") + 1
    if lines > max_lines:
        raise LoadError(
            path,
            f"has {lines:,} lines of text, over the {max_lines:,}-line limit for one document "
            "— split it into smaller documents",
        )


def load_file(
    path: Path,
    *,
    max_bytes: int = 50_000_000,
    max_chars: int = MAX_TEXT_CHARS,
    max_lines: int = MAX_LINES,
) -> LoadedFile:
    """Read one plan document; raises ``LoadError`` (and nothing else) for a bad file."""
    path = Path(path)
    fmt = _format_of(path)
    raw = _read(path, max_bytes)
    text = _LOADERS[fmt](raw, path)
    if not text.strip():
        raise LoadError(path, _NO_TEXT.get(fmt, "no text in it"))
    _check_text_size(text, path, max_chars, max_lines)
    return LoadedFile(path=path, format=fmt, text=text, sha256=hashlib.sha256(raw).hexdigest())


__all__ = [
    "MAX_LINES", "MAX_TEXT_CHARS", "SUPPORTED_SUFFIXES", "LoadError", "LoadedFile",
    "file_sha256", "load_file",
]
