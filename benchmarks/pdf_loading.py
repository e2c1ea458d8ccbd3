"""PDF loading speed: the block loader against pdfplumber's ``extract_text()`` alone.

Both read the same files, each page once, in the same process; the figures are pages
per second over all files. Usage::

    python benchmarks/pdf_loading.py [FOLDER ...] [--limit N] [--json OUT]

FOLDER defaults to the real-papers corpus (``evals/corpus-real/kent``). The loader's
time covers everything ``load_file`` does (tables, layout, running headers, rendering);
pdfplumber's covers opening the file and ``page.extract_text()`` on every page.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import pdfplumber

from indexing.loaders import LoadError, load_file

ROOT = Path(__file__).resolve().parent.parent


def _extract_text(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
        return len(pdf.pages)


def _page_count(path: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        return len(document)
    finally:
        document.close()


def _timed(call, *args):
    started = time.perf_counter()
    result = call(*args)
    return result, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--limit", type=int, default=0, help="at most this many files")
    parser.add_argument("--json", type=Path, help="write per-file figures here")
    parser.add_argument(
        "--loader-only", action="store_true", help="time the loader alone (no extract_text pass)"
    )
    args = parser.parse_args()
    folders = args.folders or [ROOT / "evals" / "corpus-real" / "kent"]
    files = sorted(p for folder in folders for p in folder.glob("*.pdf"))
    if args.limit:
        files = files[: args.limit]
    rows = []
    pages_total = plumber_total = loader_total = 0.0
    for path in files:
        if args.loader_only:
            pages, plumber = _page_count(path), float("nan")
        else:
            pages, plumber = _timed(_extract_text, path)
        try:
            _, loader = _timed(load_file, path)
            outcome = "ok"
        except LoadError as err:
            loader, outcome = float("nan"), f"LoadError: {err.reason}"
        rows.append(
            {
                "file": path.name,
                "pages": pages,
                "extract_text_s": round(plumber, 3),
                "loader_s": round(loader, 3),
                "outcome": outcome,
            }
        )
        if outcome == "ok":
            pages_total += pages
            plumber_total += 0.0 if args.loader_only else plumber
            loader_total += loader
        print(
            f"{pages:4d} p  extract_text {plumber:6.2f} s  loader {loader:6.2f} s  {path.name[:70]}",
            flush=True,
        )
    loader_rate = (
        f"loader {loader_total:.1f} s ({pages_total / max(loader_total, 1e-9):.1f} pages/s)"
    )
    if args.loader_only:
        print(f"\n{len(files)} files, {pages_total:.0f} pages: {loader_rate}")
    else:
        print(
            f"\n{len(files)} files, {pages_total:.0f} pages: extract_text {plumber_total:.1f} s "
            f"({pages_total / max(plumber_total, 1e-9):.1f} pages/s), {loader_rate}, "
            f"loader/extract_text {loader_total / max(plumber_total, 1e-9):.2f}×"
        )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
