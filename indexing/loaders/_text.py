"""Plain text (.txt, .md): the corpus format already, so only decoding is done here.

The parser copes with the HTML left inside cells of the shipped corpus, so the text is
returned as it is apart from line endings; what this module refuses is text it would
misread: binary files and files in another encoding.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from indexing.loaders._common import LoadError

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

