"""Plain text (.txt) and Markdown (.md): decoding, and their blocks.

Text is the corpus format already: its lines are returned as they are (apart from line
endings) and, as blocks, a run of consecutive TAB-separated lines is a table (no header
is inferred: the reader decides) and every other line a paragraph, each with its line
number. Markdown is read with markdown-it (CommonMark plus pipe tables): ``#`` headings,
paragraphs, list items, and pipe tables with their header row. What this module refuses
is text it would misread: binary files and files in another encoding.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from indexing.blocks import Block, BlockKind, Span
from indexing.loaders._common import LoadError, make_row, table_block, text_block

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decode_utf8(raw: bytes, path: Path) -> str:
    """Bytes → str with '\\n' newlines, accepting a UTF-8 BOM and nothing but UTF-8."""
    if raw.startswith(_UTF16_BOMS):
        raise LoadError(path, "is UTF-16 text, not UTF-8 — re-save it as UTF-8")
    if b"\x00" in raw:
        raise LoadError(path, "contains binary data (NUL bytes) — is it really a text file?")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise LoadError(
            path,
            f"is not UTF-8 text (byte 0x{raw[err.start]:02x} at offset {err.start}) "
            "— re-save it as UTF-8",
        ) from err
    return text.replace("\r\n", "\n").replace("\r", "\n")


def text_blocks(text: str) -> list[Block]:
    """Blocks of corpus text: runs of TAB lines are tables, other lines paragraphs."""
    blocks: list[Block] = []
    run: list[tuple[int, str]] = []

    def flush() -> None:
        rows = [make_row(line.split("\t"), Span(line=n)) for n, line in run]
        table = table_block([], rows)
        if table is not None:
            blocks.append(table)
        run.clear()

    for number, line in enumerate(text.split("\n"), start=1):
        if "\t" in line and line.strip():
            run.append((number, line))
            continue
        flush()
        block = text_block(BlockKind.paragraph, line, Span(line=number))
        if block is not None:
            blocks.append(block)
    flush()
    return blocks


def load_text(raw: bytes, path: Path) -> tuple[str, list[Block]]:
    """A .txt file: its text exactly (decoded) and its blocks."""
    text = decode_utf8(raw, path)
    return text, text_blocks(text)
