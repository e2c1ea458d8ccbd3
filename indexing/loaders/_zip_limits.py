"""Limits on zip-based documents (.docx, .xlsx), checked before any XML is parsed.

A small file must not be able to unpack into gigabytes (a zip bomb), nor into XML that
takes minutes and gigabytes to build into a tree: python-docx holds the whole body in
memory at about fifteen times its size. So the declared sizes in the zip directory are
checked first (Python's zipfile stops inflating a part at its declared size, so they are
an upper bound), then the main XML part is inflated in chunks, never whole, to count
its elements. Each refusal names the limit the file hit.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from indexing.loaders._common import LoadError, megabytes

MAX_UNPACKED_BYTES = 200_000_000
"""All parts together, media included."""
MAX_RATIO = 100
"""A part over ``_RATIO_FLOOR`` that inflates more than this many times is refused."""
_RATIO_FLOOR = 1_000_000
MAX_XML_BYTES = 40_000_000
"""XML of all parts together (text, styles, sheets; media excluded). A 500-page report's
body is some 10 MB of XML."""
MAX_ELEMENTS = 600_000
"""XML elements in the parts read (a Word body; a workbook's sheets and shared strings):
bounds the time and memory of building them into trees. A 300-page report has some
150,000."""
_CHUNK = 1 << 20


def _refuse(path: Path, what: str) -> LoadError:
    return LoadError(path, f"{what} — refused as a possible zip bomb")


def _start_tags(data: bytes, tags: tuple[bytes, ...]) -> list[int]:
    """Start tags in ``data``: all of them, then each of ``tags`` (e.g. b"<row")."""
    counts = [data.count(b"<") - data.count(b"</") - data.count(b"<?")]
    return counts + [sum(data.count(tag + end) for end in (b" ", b">", b"/")) for tag in tags]


def count_tags(
    archive: zipfile.ZipFile, name: str, path: Path, kind: str, tags: tuple[bytes, ...] = ()
) -> list[int]:
    """Start tags in one part (all, then each of ``tags``), inflated a chunk at a time,
    never whole; stops once past ``MAX_ELEMENTS``."""
    counts = [0] * (len(tags) + 1)
    tail = b""
    try:
        with archive.open(name) as part:
            while chunk := part.read(_CHUNK):
                data = tail + chunk
                cut = data.rfind(b"<")
                cut = len(data) if cut < 0 else cut
                window, tail = data[:cut], data[cut:]
                counts = [a + b for a, b in zip(counts, _start_tags(window, tags), strict=True)]
                if counts[0] > MAX_ELEMENTS:
                    return counts
    except Exception as err:  # BadZipFile (CRC, size lies), zlib.error, EOFError
        raise LoadError(path, f"not a valid {kind} (damaged zip part {name}: {err})") from err
    return [a + b for a, b in zip(counts, _start_tags(tail, tags), strict=True)]


def check_archive(
    raw: bytes,
    path: Path,
    *,
    main_part: str,
    kind: str,
    hint: str,
    what: str,
    counted: tuple[str, ...] = (),
) -> None:
    """Refuse what is not a zip holding ``main_part``, or would inflate past the limits.

    ``counted``: name prefixes of parts (besides ``main_part``) whose elements are counted,
    e.g. a workbook's sheets.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        parts = archive.infolist()
    except Exception as err:  # BadZipFile, and OSError/ValueError for mangled directories
        raise LoadError(path, f"not a valid {kind} (not a zip archive — {hint})") from err
    with archive:
        names = {part.filename for part in parts}
        if main_part not in names:
            raise LoadError(path, f"not a valid {kind} (no {main_part} — is it {what}?)")
        total = sum(part.file_size for part in parts)
        if total > MAX_UNPACKED_BYTES:
            raise _refuse(
                path,
                f"would unpack to {megabytes(total)}, over the "
                f"{megabytes(MAX_UNPACKED_BYTES)} limit",
            )
        for part in parts:
            ratio = part.file_size // max(part.compress_size, 1)
            if part.file_size > _RATIO_FLOOR and ratio > MAX_RATIO:
                raise _refuse(
                    path, f"part {part.filename} would inflate {ratio}× (limit {MAX_RATIO}×)"
                )
        xml = sum(p.file_size for p in parts if p.filename.endswith((".xml", ".rels")))
        if xml > MAX_XML_BYTES:
            raise LoadError(
                path,
                f"holds {megabytes(xml)} of XML, over the {megabytes(MAX_XML_BYTES)} XML limit "
                "(reading it would take minutes and gigabytes) — split the document",
            )
        elements = 0
        read = [main_part] + sorted(n for n in names if counted and n.startswith(counted))
        for name in read:
            elements += count_tags(archive, name, path, kind)[0]
            if elements > MAX_ELEMENTS:
                raise LoadError(
                    path,
                    f"has more than {MAX_ELEMENTS:,} XML elements (element limit) — "
                    "split the document into smaller ones",
                )
