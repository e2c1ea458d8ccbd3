"""Hostile files: loader limits bound time and memory whatever the markup.

Each file is made here, in tmp_path, and loaded in a child process (so that its peak
memory is its own); the test prints the time and peak memory of each load, which
``docs/loaders.md`` records. A refused file must name the limit it hit; a file under
the limits must load.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

_CHILD = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from indexing.loaders import LoadError, load_file

    def high_water_kb():  # this process's peak resident memory (reset by exec, unlike ru_maxrss)
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])

    base = high_water_kb()
    started = time.perf_counter()
    try:
        loaded = load_file(Path(sys.argv[1]))
        out = {"result": "loaded", "blocks": len(loaded.blocks)}
    except LoadError as err:
        out = {"result": "refused", "message": err.reason}
    out["seconds"] = round(time.perf_counter() - started, 2)
    peak = high_water_kb()
    out["peak_mb"] = round(peak / 1024)
    out["growth_mb"] = round((peak - base) / 1024)
    print(json.dumps(out))
    """
)


def _load_in_child(path: Path) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _docx_parts() -> dict[str, bytes]:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zip(
    parts: dict[str, bytes], streamed: dict[str, Callable[[io.BufferedIOBase], None]]
) -> bytes:
    """A zip of ``parts``, plus parts written by a function (big ones, never held whole)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in parts.items():
            if name not in streamed:
                archive.writestr(name, data)
        for name, write in streamed.items():
            with archive.open(name, "w", force_zip64=True) as handle:
                write(handle)
    return buffer.getvalue()


_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx_body(paragraphs: int, filler: int) -> Callable[[io.BufferedIOBase], None]:
    """A body of numbered paragraphs, each with ``filler`` bytes of text (compressible)."""

    def write(handle: io.BufferedIOBase) -> None:
        handle.write(b'<?xml version="1.0" encoding="UTF-8"?><w:document ' + _W + b"><w:body>")
        text = b"plan " * (filler // 5)
        handle.writelines(
            b"".join(
                b"<w:p><w:r><w:t>%d %s</w:t></w:r></w:p>" % (n * 7919 % 1000003, text)
                for n in range(start, min(start + 1000, paragraphs))
            )
            for start in range(0, paragraphs, 1000)
        )
        handle.write(b"</w:body></w:document>")

    return write


def _big_xml_docx() -> bytes:
    """The issue's file: about 6 MB, whose Word body inflates to 190 MB (some 30×)."""
    return _zip(_docx_parts(), {"word/document.xml": _docx_body(420_000, 400)})


def _many_elements_docx() -> bytes:
    """A Word body of 20 MB, under the XML limit, holding 900,000 elements."""
    return _zip(_docx_parts(), {"word/document.xml": _docx_body(300_000, 20)})


def _long_docx() -> bytes:
    """A 500-page report's worth of paragraphs: 10,000, under every limit."""
    return _zip(_docx_parts(), {"word/document.xml": _docx_body(10_000, 150)})


def _xlsx(rows: int, columns: int) -> bytes:
    """A one-sheet workbook of ``rows`` × ``columns`` numbers, its XML written directly
    (openpyxl would take longer to write it than the loader to refuse it)."""
    ns = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    parts = {
        "[Content_Types].xml": (
            b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            b'<Default Extension="xml" ContentType="application/xml"/>'
            b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            b"</Types>"
        ),
        "_rels/.rels": (
            b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            b"</Relationships>"
        ),
        "xl/workbook.xml": b'<?xml version="1.0"?><workbook '
        + ns
        + b" "
        + rel
        + b'><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": (
            b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            b"</Relationships>"
        ),
    }

    def sheet(handle: io.BufferedIOBase) -> None:
        handle.write(b'<?xml version="1.0"?><worksheet ' + ns + b"><sheetData>")
        for r in range(1, rows + 1):
            cells = b"".join(b"<c><v>%d</v></c>" % (r * 31 + c) for c in range(columns))
            handle.write(b'<row r="%d">%s</row>' % (r, cells))
        handle.write(b"</sheetData></worksheet>")

    return _zip(parts, {"xl/worksheets/sheet1.xml": sheet})


def _pdf_pages(pages: int) -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    for _ in range(pages):
        page.drawString(72, 700, "x")
        page.showPage()
    page.save()
    return buffer.getvalue()


def _dense_pdf_page() -> bytes:
    """One page holding 150,000 characters in 2-point type."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFont("Helvetica", 2)
    line = "plan " * 100
    for n in range(300):
        page.drawString(10, 830 - n * 2.7, line)
    page.showPage()
    page.save()
    return buffer.getvalue()


HOSTILE: dict[str, tuple[str, Callable[[], bytes], str]] = {
    # id: (file name, bytes, the limit named in the refusal, or "loaded")
    "100,000 self-closing <div/>": ("divs.html", lambda: b"<div/>" * 100_000, "depth limit"),
    "200,000 self-closing <div/>": ("divs2.html", lambda: b"<div/>" * 200_000, "depth limit"),
    "9,000 nested divs (under the depth limit)": (
        "deep.html",
        lambda: b"<div>" * 9_000 + b"deep" + b"</div>" * 9_000,
        "loaded",
    ),
    "1,100,000 <br> tags": ("brs.html", lambda: b"<p>x" + b"<br>" * 1_100_000, "element limit"),
    "6 MB .docx with 190 MB of XML (30x)": ("big.docx", _big_xml_docx, "XML limit"),
    ".docx of 900,000 elements in 20 MB of XML": (
        "dense.docx",
        _many_elements_docx,
        "element limit",
    ),
    ".docx of 10,000 paragraphs (under the limits)": ("long.docx", _long_docx, "loaded"),
    ".xlsx of 60,000 rows": ("rows.xlsx", lambda: _xlsx(60_000, 3), "row limit"),
    ".xlsx of one 700,000-cell row": ("wide.xlsx", lambda: _xlsx(1, 700_000), "element limit"),
    ".xlsx of 5,000 rows x 8 (under the limits)": ("ok.xlsx", lambda: _xlsx(5_000, 8), "loaded"),
    ".xlsx of 30,000 rows x 8": ("cells.xlsx", lambda: _xlsx(30_000, 8), "cell limit"),
    ".csv of 60,000 rows": ("rows.csv", lambda: b"a,b,c\n" + b"1,2,3\n" * 60_000, "row limit"),
    ".csv with a 200,000-character field": (
        "field.csv",
        lambda: b'a,b\n"' + b"x" * 200_000 + b'",1\n',
        "is not readable CSV",
    ),
    "PDF of 3,001 pages": ("pages.pdf", lambda: _pdf_pages(3_001), "page limit"),
    "PDF page of 150,000 characters": ("dense.pdf", _dense_pdf_page, "page limit"),
    "Markdown of 150,000 brackets": ("brackets.md", lambda: b"[" * 150_000, "markup limit"),
}


@pytest.mark.parametrize("case", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_file_is_bounded_and_names_its_limit(
    tmp_path: Path, case: tuple[str, Callable[[], bytes], str], capsys: pytest.CaptureFixture[str]
) -> None:
    name, make, expected = case
    path = tmp_path / name
    path.write_bytes(make())

    out = _load_in_child(path)
    with capsys.disabled():
        print(
            f"\n  {name}: {path.stat().st_size / 1e6:.1f} MB → {out['result']} in {out['seconds']} s, "
            f"peak {out['peak_mb']} MB (+{out['growth_mb']} MB while loading)"
            + (f": {out['message']}" if out["result"] == "refused" else "")
        )
    if expected == "loaded":
        assert out["result"] == "loaded", out
    else:
        assert out["result"] == "refused" and expected in out["message"], out
    assert out["growth_mb"] < 1_000, out
