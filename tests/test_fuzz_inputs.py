"""Bad documents: whatever bytes arrive, each file parses or fails alone, quickly.

Every input below goes through the real loaders (``indexing.loaders.load_file``) and the
real readers (``indexing.readers.read_document``). The contract tested:

* the outcome is a parsed ``PlanDocument`` or a ``LoadError`` whose message names the
  file — never any other exception;
* it stays inside a CPU-time cap and a memory cap. The caps are *safety* caps, set far
  above what a healthy run needs (they catch hangs, quadratic blow-ups and zip bombs),
  not benchmarks;
* a parsed document is well formed: unique node ids, ratings and refs read from the
  file's own cells, locations inside the file, a JSON round trip (the index stores it);
* an ingest over a folder mixing real documents with bad ones completes, reports each
  bad file, and the assistant still answers.

Small inputs run in this process under hypothesis (its ``deadline`` is the time cap).
Big or adversarial inputs (50 MB of text, 100,000 nesting levels, a 100,000-row table,
a zip bomb) run in a child process with a hard timeout and an address-space limit, so a
regression fails the test instead of hanging or exhausting the machine.

The examples are derandomised, so CI tries the same inputs every run; raise
``HYPOTHESIS_EXAMPLES`` (and drop ``derandomize``) to search further.
"""

from __future__ import annotations

import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import textwrap
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache, lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from assistant.models import DocumentMeta, PlanDocument
from indexing.cell_text import strip_markup
from indexing.chunking import document_nodes
from indexing.loaders._text import text_blocks
from indexing.ratings import parse_rating
from indexing.readers import read_document

REPO_ROOT = Path(__file__).resolve().parents[1]
CORPUS = REPO_ROOT / "corpus"
Q2_FILE = "council-plan-delivery-update-q2-2017.txt"
SUFFIXES = (".txt", ".md", ".html", ".pdf", ".docx")
RATING = re.compile(r"^[RAGC](?:/[RAGC]){0,2}$")
ARROWS = {"↑", "↓", "↔", "↕"}

# Figures quoted in docs/security.md ("bad inputs tried"): keep them in step.
HYPOTHESIS_EXAMPLES = {
    "bytes_per_suffix": 60,
    "text": 150,
    "table": 150,
    "mutation": 80,
    "truncation": 40,
}

FUZZ = settings(
    deadline=2000,  # ms per example: the time cap for small inputs
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
    ],
    derandomize=True,  # the same examples in CI every run; widen with --hypothesis-seed
    database=None,
)


def fuzz(kind: str) -> settings:
    return settings(FUZZ, max_examples=HYPOTHESIS_EXAMPLES[kind])


# --- helpers -------------------------------------------------------------------------
def loaders():
    return pytest.importorskip("indexing.loaders", reason="indexing/loaders is not written yet")


def parse(text: str, name: str = "fuzz.txt") -> PlanDocument:
    """The text read as a ``.txt`` file is: its blocks (a run of TAB lines is a table), then the readers."""
    return read_document(
        text_blocks(text),
        DocumentMeta(file=name, title="Fuzz"),
        doc_id="fuzz",
        source=name,
        sha256="0" * 64,
    )


def check_document(doc: PlanDocument, text: str) -> None:
    """What the index relies on in a parsed document, whatever the input was."""
    lines = text.split("\n")
    ids = [i.id for i in doc.items] + [p.id for p in doc.passages]
    assert len(ids) == len(set(ids)), "duplicate node ids would break the Chroma write"
    for item in doc.items:
        loc = item.location
        assert 1 <= loc.line_start <= loc.line_end <= len(lines), (item.id, loc)
        span = lines[loc.line_start - 1 : loc.line_end]
        cells = {strip_markup(c) for line in span for c in line.split("\t")}
        if item.rating is not None:
            assert RATING.match(item.rating), item.rating
            # Read from a cell of the item's own rows, never invented or borrowed.
            # (A cell may word it: "Green – above target", "R –" are the document's own words.)
            assert any(parse_rating(c) == item.rating for c in cells), (item.rating, span)
        if item.direction is not None:
            assert item.direction in ARROWS and item.direction in cells
        if item.ref is not None:
            # A ref column need not be the first: it is found by its header or its values.
            assert item.ref in cells, (item.ref, span)
        assert item.commitment.strip()
    for passage in doc.passages:
        assert passage.text.strip()
        assert 1 <= passage.location.line_start <= passage.location.line_end <= len(lines)
    for node in document_nodes(doc):
        # What Chroma takes: scalars, or non-empty lists of strings (people, rating codes).
        for value in node.metadata.values():
            assert isinstance(value, (str, int, float, bool)) or (
                isinstance(value, list) and value and all(isinstance(v, str) and v for v in value)
            ), value
    assert PlanDocument.model_validate_json(doc.model_dump_json()) == doc


def load_or_error(path: Path) -> str | None:
    """The loaded text, or ``None`` after checking the ``LoadError`` names the file."""
    mod = loaders()
    try:
        loaded = mod.load_file(path)
    except mod.LoadError as err:
        assert path.name in str(err), f"the error must name the file: {err}"
        return None
    assert isinstance(loaded.text, str)
    loaded.text.encode("utf-8")  # documents.json is written as UTF-8: no lone surrogates
    return loaded.text


def load_and_parse(path: Path) -> None:
    text = load_or_error(path)
    if text is not None:
        check_document(parse(text, path.name), text)
        # And as ingest reads it: the format's own blocks (pages, sheets), not the rendered text.
        blocks = loaders().load_file(path).blocks
        doc = read_document(
            blocks,
            DocumentMeta(file=path.name, title="Fuzz"),
            doc_id="fuzz",
            source=path.name,
            sha256="0" * 64,
        )
        assert PlanDocument.model_validate_json(doc.model_dump_json()) == doc


def _rss_mb(field: str) -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


@contextmanager
def within_caps(seconds: float, megabytes: float) -> Iterator[None]:
    """Fail if the block uses more than ``seconds`` of CPU or grows the peak RSS by more
    than ``megabytes`` (the high-water mark is reset first through ``clear_refs``).

    CPU time, not wall time: a blow-up shows in the work done, while wall time also
    counts the other processes of a busy machine."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")
    except OSError:
        pass
    base = _rss_mb("VmRSS")
    started = time.process_time()
    yield
    elapsed = time.process_time() - started
    grown = _rss_mb("VmHWM") - base
    assert elapsed < seconds, f"took {elapsed:.1f}s of CPU (safety cap {seconds}s)"
    assert grown < megabytes, f"peak memory grew by {grown:.0f} MB (safety cap {megabytes} MB)"


_CHILD = textwrap.dedent(
    """
    import json, resource, sys, time, traceback
    from pathlib import Path
    limit = int(sys.argv[2]) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from assistant.models import DocumentMeta
    from indexing.loaders import LoadError, load_file
    from indexing.readers import read_document

    def rss(field):
        for line in open("/proc/self/status"):
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    path = Path(sys.argv[1])
    try:
        open("/proc/self/clear_refs", "w").write("5")
    except OSError:
        pass
    base, started = rss("VmRSS"), time.process_time()
    out = {}
    try:
        loaded = load_file(path)
        out["load_seconds"] = round(time.process_time() - started, 2)
        out["chars"] = len(loaded.text)
        doc = read_document(loaded.blocks, DocumentMeta(file=path.name, title="t"),
                            doc_id="t", source=path.name, sha256=loaded.sha256)
        out.update(result="parsed", items=len(doc.items), passages=len(doc.passages))
    except LoadError as err:
        out.update(result="load_error", message=str(err))
    except BaseException as err:
        out.update(result="crash", error=traceback.format_exc()[-3000:])
    out["seconds"] = round(time.process_time() - started, 2)
    out["peak_mb"] = round(rss("VmHWM") - base)
    print(json.dumps(out))
    """
)


def run_isolated(path: Path, seconds: float, megabytes: int, address_space_mb: int = 6144) -> dict:
    """Load and parse ``path`` in a child process; fail on a crash or a broken cap.

    ``seconds`` caps the child's CPU time; its wall time gets three times that (plus the
    imports) before it counts as hung, so a machine busy with other work does not fail it.
    """
    try:
        proc = subprocess.run(
            [sys.executable, "-c", _CHILD, str(path), str(address_space_mb)],
            cwd=REPO_ROOT,
            env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
            capture_output=True,
            text=True,
            timeout=3 * seconds + 30,  # + imports
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{path.name}: still running after {3 * seconds + 30}s of wall time (hung)")
    assert proc.returncode == 0 and proc.stdout.strip(), proc.stderr[-3000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["result"] != "crash", f"{path.name}: not a LoadError:\n{out['error']}"
    if out["result"] == "load_error":
        assert path.name in out["message"], out["message"]
    assert out["seconds"] < seconds, (
        f"{path.name}: {out['seconds']}s of CPU (safety cap {seconds}s)"
    )
    assert out["peak_mb"] < megabytes, (
        f"{path.name}: peak {out['peak_mb']} MB (safety cap {megabytes} MB)"
    )
    return out


# --- real documents to break ---------------------------------------------------------
@lru_cache(maxsize=1)
def real_pdf() -> bytes:
    """A genuine PDF (reportlab) with a title, prose and a plan table."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    styles = getSampleStyleSheet()
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build(
        [
            Paragraph("Council Plan Delivery Update – Quarter 2", styles["Title"]),
            Paragraph("The council supported 5,252 carers at the end of Q2.", styles["Normal"]),
            Table(
                [
                    ["Ref", "Commitment", "Owner", "RAG Rating"],
                    ["3.2", "Open a one stop shop for homeless people", "MK", "G/A"],
                    ["12.1", "Review the waste strategy", "AM", "G"],
                ]
            ),
        ]
    )
    return buf.getvalue()


@lru_cache(maxsize=1)
def real_docx() -> bytes:
    """A genuine DOCX (python-docx) with a heading, prose and a plan table."""
    import docx

    document = docx.Document()
    document.add_heading("Council Plan Delivery Update – Quarter 2", level=1)
    document.add_paragraph("The council supported 5,252 carers at the end of Q2.")
    table = document.add_table(rows=3, cols=4)
    for r, row in enumerate(
        [
            ["Ref", "Commitment", "Owner", "RAG Rating"],
            ["3.2", "Open a one stop shop for homeless people", "MK", "G/A"],
            ["12.1", "Review the waste strategy", "AM", "G"],
        ]
    ):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


@cache
def corpus_text(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


# --- the plan parser alone: arbitrary text ---------------------------------------------
_MARKUP = [
    "R",
    "A",
    "G",
    "C",
    "G/A",
    "g / a",
    "R/A/G",
    "A/",
    "↑",
    "↓",
    "↔",
    "↕",
    "DMcL",
    "HO'N/ ZN",
    "AB",
    "Notes",
    "Key to initials",
    "WE WILL",
    "BUDGET",
    "1. Housing",
    "Housing Objectives",
    "Key Milestones",
    "Owner",
    "RAG Rating",
    "Ref",
    "---",
    "<p>",
    "</p>",
    "<p>14.3</p>",
    "<ul>",
    "</ul>",
    "<li>",
    "•",
    "▪",
    " – ",
    "&amp;",
    "&#0;",
    "&#xD800;",
    "<br/>",
    "by March 2018",
    "by Spring 2019",
    "\x00",
    "\r",
    "\ufeff",
    "\u2028",
    "é",
    "Â£",
    "",
]
CELL = st.one_of(
    st.from_regex(r"\A\d{1,3}(\.\d{1,2})?\Z"),
    st.sampled_from(_MARKUP),
    st.text(max_size=30),
    st.lists(st.sampled_from(_MARKUP), max_size=6).map(" ".join),
)
TABLE = st.lists(st.lists(CELL, max_size=9).map("\t".join), max_size=40).map("\n".join)


@fuzz("text")
@pytest.mark.slow  # a property test
@given(st.text(max_size=3000))
@example("\x00" * 100)
@example("1.1\x00\tfoo\x00\tAB\tG\n\x00\t\x00")
@example("Key to initials\n" + "AB\tAnn\tBee\n" * 3 + "\t\tDirector\n")
def test_parser_takes_any_text(text: str) -> None:
    check_document(parse(text), text)


@fuzz("table")
@pytest.mark.slow  # a property test
@given(TABLE)
@example(
    "3\tEnsuring people have a safe place\n3.2\tOne stop shop\tOld Bus Station\tMK\tDS\tNL\tG/A\t↑"
)
@example("\t\tMK\tDS\tNL\tG/A\t↑\n3.2\tOne stop shop\tMK\tDS\tNL\tG/A\t↑")  # split row
@example("3.2\t\tMK\tDS\tNL\tG\n3.2\t\tMK\tDS\tNL\tG\n3.2\tx")  # duplicate refs
@example("Housing Objectives\nBuild homes\tDone\nHousing objectives!\nBuild homes\tDone")
@example("0\t0\tR  – \t0\n0\tR\tR\t0\nR\tR")  # a rating worded with a dash; refs by value
@example("R\tKey to initials\t0")
@example(
    "3\tEnsuring people have a safe place\n3.2\tOne stop shop\tOld Bus Station\tMK\tDS\tNL\tG/A\t↑"
)
def test_parser_takes_any_table(text: str) -> None:
    doc = parse(text)
    check_document(doc, text)
    assert parse(text) == doc  # deterministic: the same bytes index the same way


@fuzz("mutation")
@pytest.mark.slow  # a property test on real documents
@given(
    name=st.sampled_from(sorted(p.name for p in CORPUS.glob("*.txt"))),
    edits=st.lists(
        st.tuples(
            st.sampled_from(["delete", "duplicate", "insert", "truncate", "swap_lines"]),
            st.floats(0, 1),
            st.floats(0, 1),
            st.text(max_size=20),
        ),
        min_size=1,
        max_size=4,
    ),
)
def test_parser_takes_damaged_real_documents(name: str, edits: list) -> None:
    """Real plan tables with slices deleted, duplicated, lines swapped, junk inserted."""
    text = corpus_text(name)
    for op, a, b, junk in edits:
        i, j = sorted((int(a * len(text)), int(b * len(text))))
        if op == "delete":
            text = text[:i] + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        elif op == "insert":
            text = text[:i] + junk + text[i:]
        elif op == "truncate":
            text = text[:j]
        else:
            lines = text.split("\n")
            x, y = int(a * (len(lines) - 1)), int(b * (len(lines) - 1))
            lines[x], lines[y] = lines[y], lines[x]
            text = "\n".join(lines)
    check_document(parse(text, name), text)


PATHOLOGICAL_CELLS = {
    # Each is one table cell a few hundred KB long; a linear parser takes well under a
    # second. They catch regular expressions that backtrack quadratically.
    "long whitespace run": "x" + " " * 200_000 + "y",
    "nested tags (40k levels)": "<div>" * 40_000 + "deep" + "</div>" * 40_000,
    "unclosed '<' run": "<" * 200_000,
    "unclosed '<ul' run": "<ul" * 70_000,
    "bullets and spaces": "• " * 100_000,
    "NUL run": "\x00" * 200_000,
}


@pytest.mark.slow  # each case sized to show a quadratic parser
@pytest.mark.parametrize("kind", sorted(PATHOLOGICAL_CELLS))
def test_parser_is_not_quadratic_on_pathological_cells(kind: str) -> None:
    cell = PATHOLOGICAL_CELLS[kind]
    text = f"PLAN\n3.2\tOpen a one stop shop\t{cell}\tMK\tDS\tNL\tG\t↑\n{cell}\n"
    with within_caps(seconds=10, megabytes=500):
        doc = parse(text)
    check_document(doc, text)


# --- the loaders: whatever bytes a file holds --------------------------------------------
def write(tmp: Path, name: str, data: bytes) -> Path:
    path = tmp / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_loaders_take_random_bytes(suffix: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    tmp = tmp_path_factory.mktemp("bytes")
    magic = {".pdf": b"%PDF-1.4\n", ".docx": b"PK\x03\x04", ".html": b"<html><body>"}.get(
        suffix, b""
    )

    @fuzz("bytes_per_suffix")
    @given(st.binary(max_size=4000), st.booleans())
    @example(b"\x00" * 64, False)
    @example(b"\xff\xfe" + "Ref\tCommitment".encode("utf-16-le"), False)  # UTF-16 with a BOM
    @example("Café".encode() + "Café".encode("latin-1"), False)  # mixed encodings
    @example(b"%%EOF", True)
    def check(data: bytes, with_magic: bool) -> None:
        load_and_parse(write(tmp, f"fuzz{suffix}", (magic if with_magic else b"") + data))

    check()


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_truncated_and_corrupted_real_files_fail_alone_and_clearly(
    kind: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    tmp = tmp_path_factory.mktemp("cut")
    whole = real_pdf() if kind == "pdf" else real_docx()

    @fuzz("truncation")
    @given(st.floats(0, 1), st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=8))
    @example(0.5, [])
    @example(0.999, [])
    def check(cut: float, flips: list[tuple[float, int]]) -> None:
        data = bytearray(whole[: max(1, int(cut * len(whole)))] if cut < 1 else whole)
        for where, value in flips:
            data[min(int(where * len(data)), len(data) - 1)] = value
        load_and_parse(write(tmp, f"cut.{kind}", bytes(data)))

    check()
    # A half-copied file is refused outright, never indexed with its end missing.
    mod = loaders()
    with pytest.raises(mod.LoadError, match="not a valid"):
        mod.load_file(write(tmp, f"half.{kind}", whole[: len(whole) // 2]))


def test_real_pdf_and_docx_still_load(tmp_path: Path) -> None:
    """The guards above refuse damage, not documents: the intact files parse."""
    pdf_text = load_or_error(write(tmp_path, "plan.pdf", real_pdf()))
    assert pdf_text is not None and "3.2 Open a one stop shop for homeless people" in pdf_text
    docx_text = load_or_error(write(tmp_path, "plan.docx", real_docx()))
    assert (
        docx_text is not None
        and "3.2\tOpen a one stop shop for homeless people\tMK\tG/A" in docx_text
    )


# --- big and adversarial files, each in a child process with hard caps ----------------------
def _zip(parts: dict[str, bytes | tuple[int, bytes]]) -> bytes:
    """A zip of ``parts``; a ``(n, chunk)`` part is ``chunk`` repeated ``n`` times, streamed."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            if isinstance(content, bytes):
                archive.writestr(name, content)
                continue
            count, chunk = content
            with archive.open(name, "w", force_zip64=True) as handle:
                for _ in range(count):
                    handle.write(chunk)
    return buf.getvalue()


def _docx_parts() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(real_docx())) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _lying_docx() -> bytes:
    """A DOCX whose directory declares a 2 KB body that really inflates to 64 MB."""
    body = b"<w:document>" + b" " * 64_000_000
    data = bytearray(_zip({**_docx_parts(), "word/document.xml": body}))
    name = b"word/document.xml"
    real = len(body).to_bytes(4, "little")
    fake = (2048).to_bytes(4, "little")
    # local header: size at offset 22 from its signature; central directory: offset 24
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (at := data.find(signature, start)) >= 0:
            start = at + 4
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if (
                data[name_at : name_at + len(name)] == name
                and data[at + offset : at + offset + 4] == real
            ):
                data[at + offset : at + offset + 4] = fake
    return bytes(data)


def _big_inputs() -> dict[str, tuple[str, Callable[[], bytes], str]]:
    """name → (file name, bytes, expected outcome: a LoadError phrase, or 'parsed')."""
    row = "3.2\tOpen a one stop shop for homeless people\tOn track\tMK\tDS\tNL\tG\t↑\n"
    return {
        "50 MB of text": ("big.txt", lambda: ("Plan text. " * 5_000_000).encode(), "-byte limit"),
        "40 MB of text (under the byte cap)": (
            "long.txt",
            lambda: (row * 600_000)[:40_000_000].encode(),
            "character limit",
        ),
        "100,000-row table (txt)": ("rows.txt", lambda: (row * 100_000).encode(), "line limit"),
        "100,000-row table (html)": (
            "rows.html",
            lambda: (
                "<table>"
                + "<tr><td>3.2</td><td>Open a shop</td><td>MK</td><td>G</td></tr>" * 100_000
                + "</table>"
            ).encode(),
            "line limit",
        ),
        "100,000 nested divs": (
            "deep.html",
            lambda: ("<div>" * 100_000 + "x" + "</div>" * 100_000).encode(),
            "nested more than",
        ),
        "NUL bytes in text": ("nul.txt", lambda: b"Plan\x00" * 1_000_000, "NUL bytes"),
        "zip bomb: one part inflating 1000x": (
            "bomb.docx",
            lambda: _zip({**_docx_parts(), "word/media/blob.bin": (300, b"\0" * 1_000_000)}),
            "zip bomb",
        ),
        "zip bomb: 250 parts of 1 MB": (
            "many.docx",
            lambda: _zip(
                {
                    **_docx_parts(),
                    **{f"word/media/p{i}.bin": (1, b"\0" * 1_000_000) for i in range(250)},
                }
            ),
            "zip bomb",
        ),
        "zip with a lying directory (2 KB declared, 64 MB inside)": (
            "lying.docx",
            _lying_docx,
            "not a valid DOCX",
        ),
        "10,000 nested lists (under the depth cap)": (
            "lists.html",
            lambda: ("<ul><li>" * 4_500 + "deep" + "</li></ul>" * 4_500).encode(),
            "parsed",
        ),  # ul+li: 9,000 deep
    }


BIG_INPUTS = _big_inputs()


@pytest.mark.slow  # tens of MB per case, each in a child process
@pytest.mark.parametrize("kind", sorted(BIG_INPUTS))
def test_big_and_adversarial_files_are_refused_within_caps(kind: str, tmp_path: Path) -> None:
    name, make, expected = BIG_INPUTS[kind]
    path = write(tmp_path, name, make())
    out = run_isolated(path, seconds=60, megabytes=1500)
    if expected == "parsed":
        assert out["result"] == "parsed", out
    else:
        assert out["result"] == "load_error" and expected in out["message"], out


# --- a whole ingest with bad files among good ones -------------------------------------------
def bad_files() -> dict[str, bytes]:
    """One of each kind of bad file, small enough for an in-process ingest."""
    return {
        "random.pdf": bytes(random.Random(1).randrange(256) for _ in range(5000)),
        "truncated.pdf": real_pdf()[: len(real_pdf()) // 2],
        "truncated.docx": real_docx()[: len(real_docx()) // 2],
        "old-word.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000,
        "bomb.docx": _zip({**_docx_parts(), "word/media/blob.bin": (5, b"\0" * 1_000_000)}),
        "latin1.txt": "Ref\tCommitment\n3.2\tCaf\u00e9 for carers\tG\n".encode("latin-1"),
        "utf16.txt": "Ref\tCommitment\n".encode("utf-16"),
        "nul.md": b"# Plan\n\x00\x00",
        "deep.html": ("<div>" * 20_000 + "x" + "</div>" * 20_000).encode(),
        "empty.txt": b"",
        "spaces.txt": b"   \n\n\t\n",
    }


@pytest.mark.store  # ingests through the configured store
def test_ingest_with_bad_files_reports_each_and_keeps_answering(tmp_path: Path) -> None:
    from assistant.answering.router import Assistant
    from assistant.config import Settings
    from indexing.ingest import ingest

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in (Q2_FILE, "manifest.yaml"):
        shutil.copy(CORPUS / name, corpus / name)
    settings = Settings(data_dir=tmp_path / "index", corpus_dir=corpus)
    first = ingest(settings)
    before = Assistant(settings).ask("how is 12.1 rated?")
    assert before.answered and before.items[0].rating == "G"

    for name, data in bad_files().items():
        write(corpus, name, data)
    (corpus / Q2_FILE).write_bytes(
        real_pdf()[:3000]
    )  # a good document overwritten by a broken copy
    report = ingest(settings)

    skipped = {Path(problem.path).name: problem for problem in report.skipped}
    assert set(skipped) == set(bad_files()) | {Q2_FILE}, report.skipped
    for name, problem in skipped.items():
        assert problem.reason and "Traceback" not in problem.reason, (name, problem.reason)
    assert skipped[Q2_FILE].kept_previous  # its last good version stays in the index
    assert [d.status for d in report.documents] == ["kept previous version"]
    assert report.changed is False and report.generation == first.generation
    after = Assistant(settings).ask("how is 12.1 rated?")
    assert after.answered and after.items[0].rating == "G"
    assert after.metadata["index_generation"] == first.generation
