"""Ingest of a folder of real council papers against its ceilings, measured in one run.

Three timings on the same files (default: every PDF of the real-papers collection
beside the project, ``../shared/corpus-real/kent``):

1. ``planbot ingest`` of the folder into a fresh index (every file read in worker
   processes, one per core; then the text that is indexed embedded, once);
2. pdfplumber's own ``extract_text()`` of every page, alone (what any PDF reading costs);
3. the encoder alone on exactly the texts that ingest embedded (read back from the
   index's node table), in the same batches.

Target: the whole ingest within 1.25× of the encoder alone. The section written to
docs/benchmarks.md also gives pages per second and CPU seconds for each (CPU time
compares runs fairly on a machine other work shares), the ingest's CPU split between its
reading workers and the main process, and the documents' items by kind so a person can
check what was read.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import time
from collections import Counter
from pathlib import Path

from benchmarks._common import ROOT, SCRATCH, Busy, table, write_section

DEFAULT_FOLDER = ROOT.parent / "shared" / "corpus-real" / "kent"


def pdf_pages(files: list[Path]) -> int:
    import pypdfium2

    total = 0
    for path in files:
        try:
            total += len(pypdfium2.PdfDocument(str(path)))
        except Exception:  # noqa: BLE001 - a file pdfium cannot open counts no pages
            pass
    return total


def cpu_seconds(children: bool = False) -> float:
    """CPU seconds of this process (all its threads), or of the children it waited for."""
    t = os.times()
    return t.children_user + t.children_system if children else t.user + t.system


def pdfplumber_alone(files: list[Path]) -> tuple[float, float]:
    """Wall and CPU seconds of pdfplumber's ``extract_text`` of every page."""
    import pdfplumber

    cpu = cpu_seconds()
    started = time.perf_counter()
    for path in files:
        try:
            with pdfplumber.open(path) as pdf:
                for page in pdf.pages:
                    page.extract_text()
                    page.close()
        except Exception:  # noqa: BLE001 - damaged files cost what they cost
            pass
    return time.perf_counter() - started, cpu_seconds() - cpu


def embedded_texts(data_dir: Path) -> list[str]:
    generation = (data_dir / "CURRENT").read_text(encoding="utf-8").strip()
    with sqlite3.connect(data_dir / generation / "nodes.sqlite") as db:
        return [row[0] for row in db.execute("SELECT text FROM nodes")]


def encoder_alone(texts: list[str], batch: int) -> tuple[float, float]:
    """Wall and CPU seconds of the encoder on ``texts``, longest first, in ingest's chunks
    (``embed`` encodes each distinct text of a chunk once)."""
    from indexing.embedding import embed

    ordered = sorted(texts, key=len, reverse=True)
    cpu = cpu_seconds()
    started = time.perf_counter()
    step = batch * 64
    for start in range(0, len(ordered), step):
        embed(ordered[start : start + step], batch_size=batch)
    return time.perf_counter() - started, cpu_seconds() - cpu


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument(
        "--no-write", action="store_true", help="print only; leave docs/benchmarks.md alone"
    )
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        sys.exit(f"{args.folder}: no such folder (give the folder of papers to ingest)")

    from assistant.config import Settings
    from indexing.embedding import embed
    from indexing.ingest import ingest

    files = sorted(p for p in args.folder.rglob("*") if p.suffix.lower() == ".pdf")
    pages = pdf_pages(files)
    data_dir = SCRATCH / f"papers-{args.folder.name}"
    shutil.rmtree(data_dir, ignore_errors=True)
    settings = Settings(data_dir=data_dir)
    embed(["warm up the encoder"], batch_size=1)  # model load is not part of any timing

    main_cpu, workers_cpu = cpu_seconds(), cpu_seconds(children=True)
    with Busy() as busy:
        report = ingest(settings, [args.folder])
    ingest_seconds = busy.seconds
    main_cpu, workers_cpu = cpu_seconds() - main_cpu, cpu_seconds(children=True) - workers_cpu
    texts = embedded_texts(data_dir)
    encoder_seconds, encoder_cpu = encoder_alone(texts, settings.embed_batch_size)
    plumber_seconds, plumber_cpu = pdfplumber_alone(files)

    ratio = ingest_seconds / encoder_seconds
    rows = [
        [
            "planbot ingest (read on all cores, then embed)",
            f"{ingest_seconds:.1f}",
            f"{main_cpu + workers_cpu:.1f}",
            f"{pages / ingest_seconds:.1f}",
            f"reading {workers_cpu:.1f} CPU s in workers; encoder and store "
            f"{main_cpu:.1f} CPU s; {report.embedded:,} distinct texts embedded",
        ],
        [
            "encoder alone, same texts",
            f"{encoder_seconds:.1f}",
            f"{encoder_cpu:.1f}",
            f"{pages / encoder_seconds:.1f}",
            f"{len(texts):,} texts ({len(set(texts)):,} distinct)",
        ],
        [
            "pdfplumber extract_text alone",
            f"{plumber_seconds:.1f}",
            f"{plumber_cpu:.1f}",
            f"{pages / plumber_seconds:.1f}",
            "no tables, no layout",
        ],
    ]
    kinds: Counter[str] = Counter()
    for doc in report.documents:
        kinds.update(doc.kinds)
    body = "\n".join(
        [
            f"{len(files)} PDFs, {pages:,} pages, in `{args.folder.name}/`; {len(report.skipped)} skipped; "
            f"other load during the ingest {busy.others} cores.",
            "",
            table(["run", "seconds", "CPU s", "pages/s", "note"], rows),
            "",
            f"**Ingest / encoder alone: {ratio:.2f}×** (target ≤ 1.25×); in CPU seconds "
            f"{(main_cpu + workers_cpu) / encoder_cpu:.2f}×.",
            "",
            "Items by kind over all documents: "
            + (", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) or "none")
            + f"; table rows {sum(d.table_rows for d in report.documents):,}; passages {sum(d.passages for d in report.documents):,}.",
        ]
    )
    print(body)
    if not args.no_write:
        write_section(
            f"papers-{args.folder.name}", f"Ingest of real papers ({args.folder.name}/)", body
        )


if __name__ == "__main__":
    main()
