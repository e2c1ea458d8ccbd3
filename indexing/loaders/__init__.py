"""Plan document files → blocks in reading order, and the corpus text rendered from them.

Each format's loader yields ``indexing.blocks.Block``s: headings with their level,
reflowed paragraphs, list items and tables (header rows and body rows), each with its
page, sheet and row, or line. ``LoadedFile.text`` is the corpus format of
``corpus/*.txt`` that the plan parser reads — a .txt file's own text, for every other
format the blocks rendered (one line per paragraph, heading or list item, one TAB-joined
line per table row, blank lines between blocks). Every way a file can be unreadable, or
too big to read in bounded time and memory, becomes a ``LoadError`` whose message tells
the user which file, which limit, and what to do — never a library traceback.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel, Field

from indexing.blocks import Block
from indexing.loaders._common import LoadError, render_text
from indexing.loaders._text import load_text

_FORMATS = {
    ".txt": "txt",
    ".md": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".csv": "csv",
    ".xlsx": "xlsx",
}
_LOADERS = {
    # format: (module, function), imported on first use: the PDF, Word and Excel
    # libraries take a second or more to import, and most runs need one or two of them
    "md": ("indexing.loaders._markdown", "load_markdown"),
    "html": ("indexing.loaders._html", "load_html"),
    "pdf": ("indexing.loaders._pdf", "load_pdf"),
    "docx": ("indexing.loaders._docx", "load_docx"),
    "csv": ("indexing.loaders._tabular", "load_csv"),
    "xlsx": ("indexing.loaders._tabular", "load_xlsx"),
}


def _loader(fmt: str) -> Callable[[bytes, Path], list[Block]]:
    module, function = _LOADERS[fmt]
    return getattr(importlib.import_module(module), function)


_NO_TEXT = {"csv": "no values in it", "xlsx": "no values in any sheet"}
_CHUNK = 1 << 20

SUPPORTED_SUFFIXES: frozenset[str] = frozenset(_FORMATS)


class LoadedFile(BaseModel):
    """A file's blocks, its text in the corpus format, and the hash that says whether it
    changed."""

    path: Path
    format: str
    text: str
    sha256: str
    blocks: list[Block] = Field(default_factory=list)


def file_sha256(path: Path) -> str:
    """SHA-256 of a file's bytes, read in chunks: cheap change detection without loading it."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


_OLD_FORMATS = {
    ".xls": "an old Excel .xls workbook, which is not read — save it as .xlsx (or CSV)",
    ".doc": "an old Word .doc file, which is not read — save it as .docx",
}


def _format_of(path: Path) -> str:
    fmt = _FORMATS.get(path.suffix.lower())
    if path.suffix.lower() in _OLD_FORMATS:
        raise LoadError(path, f"is {_OLD_FORMATS[path.suffix.lower()]}")
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
"""Lines (table rows, paragraphs; not the blank lines between blocks) one document may
yield: each can become a node to embed, so 100,000 rows would keep an ingest busy for
the best part of an hour."""


def _check_text_size(text: str, path: Path, max_chars: int, max_lines: int) -> None:
    if len(text) > max_chars:
        raise LoadError(
            path,
            f"has {len(text):,} characters of text, over the {max_chars:,}-character limit "
            "for one document — split it into smaller documents",
        )
    lines = sum(1 for line in text.split("\n") if line.strip())  # blank separators are free
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
    if fmt == "txt":
        text, blocks = load_text(raw, path)
    else:
        blocks = _loader(fmt)(raw, path)
        text = render_text(blocks)
    if not text.strip():
        raise LoadError(path, _NO_TEXT.get(fmt, "no text in it"))
    _check_text_size(text, path, max_chars, max_lines)
    return LoadedFile(
        path=path, format=fmt, text=text, sha256=hashlib.sha256(raw).hexdigest(), blocks=blocks
    )


__all__ = [
    "MAX_LINES",
    "MAX_TEXT_CHARS",
    "SUPPORTED_SUFFIXES",
    "LoadError",
    "LoadedFile",
    "file_sha256",
    "load_file",
]
