"""File loaders: real PDF, DOCX and HTML files built here, the shipped corpus, and bad files.

Every good file is checked against the exact text the plan parser will read, so a
change in row layout, cell cleaning or block order fails here first.
"""

from __future__ import annotations

import hashlib
import html
import io
import random
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from indexing.loaders import SUPPORTED_SUFFIXES, LoadedFile, LoadError, file_sha256, load_file

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

PLAN_ROWS = [
    ["Ref", "Commitment", "Owner", "RAG Rating"],
    ["3.2", "Create a One Stop Shop style service by March 2017", "MK", "G/A"],
    ["13.4", "Develop an implementation plan for the new Flood and Water Strategy", "TBM", "A"],
]
ROW_LINES = "\n".join("\t".join(row) for row in PLAN_ROWS)


def _pdf_bytes(**template_options: object) -> bytes:
    """A one-page plan: heading, intro, gridded table, closing note."""
    buffer = io.BytesIO()
    styles = getSampleStyleSheet()
    table = Table(PLAN_ROWS)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    story = [
        Paragraph("HOMELESSNESS", styles["Heading1"]),
        Paragraph("Our homelessness commitments.", styles["Normal"]),
        table,
        Paragraph("Updated quarterly.", styles["Normal"]),
    ]
    SimpleDocTemplate(buffer, pagesize=A4, **template_options).build(story)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def plan_pdf() -> bytes:
    return _pdf_bytes()


def _write(directory: Path, name: str, data: bytes) -> Path:
    path = directory / name
    path.write_bytes(data)
    return path


def _docx_bytes(build: Callable[[docx.document.Document], None]) -> bytes:
    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _plan_docx(document: docx.document.Document) -> None:
    document.add_heading("HOMELESSNESS", level=1)
    document.add_paragraph("Our homelessness commitments.")
    table = document.add_table(rows=0, cols=4)
    for values in PLAN_ROWS:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value
    document.add_paragraph("Updated quarterly.")


def _zip_bytes(parts: dict[str, bytes], *, level: int = 6) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _zip_bomb() -> bytes:
    """A ~1.4 MB zip whose word/document.xml inflates to 300 MB of zeros."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("word/document.xml", "w", force_zip64=True) as part,
    ):
        chunk = bytes(4 << 20)
        for _ in range(75):
            part.write(chunk)
    return buffer.getvalue()


def _scanned_pdf() -> bytes:
    """A page with only a picture-like shape on it: nothing to extract."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.rect(100, 100, 300, 400, fill=1)
    page.showPage()
    page.save()
    return buffer.getvalue()


# --- good files ------------------------------------------------------------------------


def test_pdf_table_rows_are_tab_separated_between_the_text_around_them(
    tmp_path: Path, plan_pdf: bytes
) -> None:
    loaded = load_file(_write(tmp_path, "plan.PDF", plan_pdf))

    assert loaded.format == "pdf"
    assert loaded.text == (
        f"HOMELESSNESS\n\nOur homelessness commitments.\n\n{ROW_LINES}\n\nUpdated quarterly.\n"
    )
    assert [block.kind.value for block in loaded.blocks] == [
        "heading",
        "paragraph",
        "table",
        "paragraph",
    ]
    assert loaded.blocks[2].header == [PLAN_ROWS[0]]
    assert [row.cells for row in loaded.blocks[2].rows] == PLAN_ROWS[1:]
    assert {row.at.page for row in loaded.blocks[2].rows} == {1}


def test_docx_keeps_paragraphs_and_table_rows_in_document_order(tmp_path: Path) -> None:
    loaded = load_file(_write(tmp_path, "plan.docx", _docx_bytes(_plan_docx)))

    assert loaded.format == "docx"
    assert loaded.text == (
        f"HOMELESSNESS\n\nOur homelessness commitments.\n\n{ROW_LINES}\n\nUpdated quarterly.\n"
    )


def test_docx_merged_cell_appears_once_and_cell_bullets_stay_on_the_row(tmp_path: Path) -> None:
    def build(document: docx.document.Document) -> None:
        table = document.add_table(rows=1, cols=4)
        cells = table.rows[0].cells
        cells[0].text = "3"
        merged = cells[1].merge(cells[2])
        merged.text = "Homelessness"
        merged.add_paragraph("Night shelter\topened", style="List Bullet")
        cells[3].text = "G"
        document.add_paragraph("First step", style="List Bullet")
        document.add_paragraph("Second step", style="List Bullet")

    loaded = load_file(_write(tmp_path, "merged.docx", _docx_bytes(build)))

    assert loaded.text == (
        "3\tHomelessness • Night shelter opened\tG\n\n• First step\n• Second step\n"
    )


def test_html_rows_headings_and_nested_lists(tmp_path: Path) -> None:
    page = """<!doctype html><html><head><title>Plan</title><style>td{color:red}</style>
    <script>document.write('<p>not text</p>')</script></head><body>
    <h2>HOMELESSNESS</h2><p>Our <b>homelessness</b>
    commitments &amp; aims.</p>
    <ul><li>Prevent<ul><li>advice line</li><li>outreach</li></ul></li><li><p>Support</p></li></ul>
    <table><thead><tr><th>Ref</th><th>Commitment</th><th>Owner</th></tr></thead>
    <tr><td>3.2</td><td>One Stop Shop<ul><li>open\tdaily</li><li>no referral</li></ul></td>
      <td>MK</td></tr>
    <tr><td>3.3</td><td></td><td>DS</td></tr></table>
    <p>Updated quarterly.</p></body></html>"""

    loaded = load_file(_write(tmp_path, "plan.htm", page.encode()))

    assert loaded.format == "html"
    assert loaded.text == (
        "HOMELESSNESS\n\nOur homelessness commitments & aims.\n\n"
        "• Prevent\n• advice line\n• outreach\n• Support\n\n"
        "Ref\tCommitment\tOwner\n3.2\tOne Stop Shop • open daily • no referral\tMK\n3.3\t\tDS\n\n"
        "Updated quarterly.\n"
    )


def test_deeply_nested_html_loads_without_recursion_error(tmp_path: Path) -> None:
    depth = 5_000
    page = "<html><body>" + "<div>" * depth + "<p>deep</p>" + "</div>" * depth + "</body></html>"

    assert load_file(_write(tmp_path, "deep.html", page.encode())).text == "deep\n"


_CELL_TEXT = st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=30
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_CELL_TEXT, min_size=1, max_size=5))
def test_html_cell_text_can_never_add_or_split_cells(cells: list[str]) -> None:
    row = "".join(f"<td>{html.escape(cell)}</td>" for cell in cells)
    with tempfile.TemporaryDirectory() as folder:
        path = _write(Path(folder), "row.html", f"<table><tr>{row}</tr></table><p>x</p>".encode())
        text = load_file(path).text
    expected = [" ".join(cell.split()) for cell in cells]
    lines = text.split("\n\n")
    assert lines[-1] == "x\n"
    if any(expected):
        assert lines[0].split("\t") == expected


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name)
def test_shipped_corpus_loads_as_its_decoded_content(path: Path) -> None:
    loaded = load_file(path)

    assert loaded.model_dump(exclude={"blocks"}) == LoadedFile(
        path=path, format="txt", text=path.read_text(encoding="utf-8"), sha256=file_sha256(path)
    ).model_dump(exclude={"blocks"})
    lines = path.read_text(encoding="utf-8").split("\n")
    for block in loaded.blocks:  # every row and paragraph is its own line of the file
        if block.is_table:
            assert all(
                "\t".join(row.cells)
                == "\t".join(" ".join(c.split()) for c in lines[row.at.line - 1].split("\t"))
                for row in block.rows
            )
        else:
            assert " ".join(lines[block.at.line - 1].split()) == block.text
    assert loaded.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_text_drops_utf8_bom_and_normalises_line_endings(tmp_path: Path) -> None:
    path = _write(tmp_path, "notes.txt", b"\xef\xbb\xbf# Plan\r\n3.2\tOne Stop Shop\rend\r\n")

    assert load_file(path).text == "# Plan\n3.2\tOne Stop Shop\nend\n"


def test_markdown_text_is_rendered_from_its_blocks(tmp_path: Path) -> None:
    path = _write(tmp_path, "notes.md", b"\xef\xbb\xbf# Plan\r\n\r\n3.2\tOne Stop Shop\r\rend.\r\n")

    assert load_file(path).text == "Plan\n\n3.2\tOne Stop Shop\n\nend.\n"


def test_supported_suffixes() -> None:
    assert {".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".csv", ".xlsx"} == SUPPORTED_SUFFIXES


# --- bad files -------------------------------------------------------------------------


def _corrupt_pdf(pdf: bytes) -> bytes:
    """Header and end marker intact, garbage in between: only the parser can tell."""
    return pdf[:9] + b"\xff" * 500 + b"\n%%EOF\n"


def _scrambled_pdf(pdf: bytes) -> bytes:
    """The issue's scrambled PDF: a valid header and end marker, noise in between."""
    noise = random.Random(13).randbytes(len(pdf) - 40)
    return pdf[:20] + noise + pdf[-20:]


def _garbled_streams_pdf(pdf: bytes) -> bytes:
    """A well-formed PDF whose page content streams are garbage of the same length: the
    structure reads, the pages draw nothing."""
    out = bytearray(pdf)
    start = 0
    while (at := out.find(b">>\nstream\n", start)) >= 0:
        begin = at + len(b">>\nstream\n")
        end = out.find(b"endstream", begin)
        out[begin : end - 1] = b"\xff" * (end - 1 - begin)
        start = end + len(b"endstream")
    return bytes(out)


def _image_only_pdf(pdf: bytes) -> bytes:
    """A page that is a picture and nothing else, as a scanner makes it."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.drawImage(ImageReader(Image.new("L", (200, 300), 128)), 50, 50, width=400, height=600)
    page.showPage()
    page.save()
    return buffer.getvalue()


def _locked_pdf(pdf: bytes) -> bytes:
    return _pdf_bytes(encrypt=StandardEncryption("s3cret"))


def _broken_docx(pdf: bytes) -> bytes:
    return _zip_bytes({"word/document.xml": b"<w:doc"})


BAD_FILES: dict[str, tuple[str, Callable[[bytes], bytes], str]] = {
    # id: (file name, bytes from the real plan PDF → file bytes, expected reason)
    "empty": ("empty.txt", lambda pdf: b"", "the file is empty (0 bytes)"),
    "whitespace only": ("blank.md", lambda pdf: b" \r\n\t\n", "no text in it"),
    "nul bytes": ("data.txt", lambda pdf: b"Ref\x00\x01\x02", "contains binary data (NUL bytes)"),
    "latin-1": (
        "caf\u00e9.html",
        lambda pdf: "<p>Caf\u00e9</p>".encode("latin-1"),
        "is not UTF-8 text (byte 0xe9 at offset 6) — re-save it as UTF-8",
    ),
    "utf-16": ("wide.txt", lambda pdf: "Plan".encode("utf-16"), "is UTF-16 text, not UTF-8"),
    "unknown suffix": (
        "plan.odt",
        lambda pdf: b"PK\x03\x04",
        "unsupported file type '.odt' (supported: .csv, .docx, .htm, .html, .md, .pdf, .txt, .xlsx)",
    ),
    "old excel workbook": (
        "plan.xls",
        lambda pdf: b"\xd0\xcf\x11\xe0",
        "is an old Excel .xls workbook, which is not read",
    ),
    "xlsx not a zip": ("plan.xlsx", lambda pdf: pdf, "not a valid XLSX (not a zip archive"),
    "xlsx without workbook": (
        "plan.xlsx",
        lambda pdf: _zip_bytes({"xl/styles.xml": b"<x/>"}),
        "not a valid XLSX (no xl/workbook.xml",
    ),
    "truncated pdf": (
        "half.pdf",
        lambda pdf: pdf[: len(pdf) // 2],
        "not a valid PDF (truncated or corrupt",
    ),
    "random bytes as pdf": (
        "noise.pdf",
        lambda pdf: bytes(range(256)) * 8,
        "not a valid PDF (no %PDF header",
    ),
    "pdf with broken body": ("broken.pdf", _corrupt_pdf, "not a valid PDF (truncated or corrupt:"),
    "scanned pdf": (
        "scan.pdf",
        lambda pdf: _scanned_pdf(),
        "no extractable text — is it a scanned image? OCR it first",
    ),
    "image-only pdf": (
        "photo.pdf",
        _image_only_pdf,
        "no extractable text — is it a scanned image? OCR it first",
    ),
    "scrambled pdf": ("scrambled.pdf", _scrambled_pdf, "not a valid PDF (truncated or corrupt:"),
    "pdf with garbage page streams": (
        "garbled.pdf",
        _garbled_streams_pdf,
        "is damaged: its pages hold nothing that can be read",
    ),
    "password pdf": ("locked.pdf", _locked_pdf, "is password-protected"),
    "docx not a zip": ("plan.docx", lambda pdf: pdf, "not a valid DOCX (not a zip archive"),
    "docx without body": (
        "plan.docx",
        lambda pdf: _zip_bytes({"word/styles.xml": b"<x/>"}),
        "not a valid DOCX (no word/document.xml",
    ),
    "docx with broken xml": ("plan.docx", _broken_docx, "not a valid DOCX ("),
    "docx zip bomb": (
        "bomb.docx",
        lambda pdf: _zip_bomb(),
        "would unpack to 315 MB, over the 200 MB limit — refused as a possible zip bomb",
    ),
    "docx inflation ratio": (
        "dense.docx",
        lambda pdf: _zip_bytes({"word/document.xml": bytes(5_000_000)}),
        "part word/document.xml would inflate",
    ),
}


@pytest.mark.parametrize("case", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_bad_file_raises_load_error_naming_file_and_reason(
    tmp_path: Path, plan_pdf: bytes, case: tuple[str, Callable[[bytes], bytes], str]
) -> None:
    name, make, reason = case
    path = _write(tmp_path, name, make(plan_pdf))

    with pytest.raises(LoadError) as caught:
        load_file(path)

    err = caught.value
    assert err.path == path
    assert reason in err.reason
    assert str(err) == f"{path}: {err.reason}"
    assert "\n" not in str(err)


@pytest.mark.parametrize(
    "name, make",
    [
        ("broken.pdf", _corrupt_pdf),
        ("locked.pdf", _locked_pdf),
        ("plan.docx", _broken_docx),
        ("plan.docx", lambda pdf: pdf),
        ("bad.txt", lambda pdf: b"caf\xe9"),
    ],
    ids=["corrupt pdf", "password pdf", "broken docx xml", "docx not a zip", "not utf-8"],
)
def test_library_error_is_kept_as_the_cause(
    tmp_path: Path, plan_pdf: bytes, name: str, make: Callable[[bytes], bytes]
) -> None:
    with pytest.raises(LoadError) as caught:
        load_file(_write(tmp_path, name, make(plan_pdf)))

    assert caught.value.__cause__ is not None
    assert not isinstance(caught.value.__cause__, LoadError)


def test_file_over_max_bytes_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.txt", b"x" * 101)

    assert load_file(path, max_bytes=101).text == "x" * 101
    with pytest.raises(LoadError, match=r"big\.txt: is larger than the 100-byte limit"):
        load_file(path, max_bytes=100)


def test_missing_file_is_a_load_error(tmp_path: Path) -> None:
    missing = r"gone\.pdf: cannot read the file \(No such file or directory\)"
    with pytest.raises(LoadError, match=missing):
        load_file(tmp_path / "gone.pdf")
