"""Reading files in a worker process gives exactly what reading them here gives.

The worker path is what a council's ingest of many PDFs takes; the in-process path is
what small ingests take. Both must give the same documents in the order of the files,
and a bad file must come back as its reason, not stop the others.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from indexing.manifest import load_manifest
from indexing.parse_pool import read_all
from indexing.reading import ReadJob
from tests.conftest import CORPUS


def _jobs(folder: Path) -> list[ReadJob]:
    return [
        ReadJob(path=p, doc_id=p.stem, source=p.name)
        for p in sorted(folder.iterdir())
        if p.suffix in {".txt", ".pdf"}
    ]


def test_worker_and_in_process_reading_agree_and_a_bad_file_is_a_reason(tmp_path: Path) -> None:
    for name in ("improvement-analysis-feb-2006.txt", "regenerationmk-2030-progress-dec-2017.txt"):
        shutil.copy(CORPUS / name, tmp_path / name)
    (tmp_path / "b-truncated.pdf").write_bytes(
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n"
    )  # no %%EOF
    jobs = _jobs(tmp_path)
    manifest = load_manifest(CORPUS / "manifest.yaml")

    here = list(read_all(jobs, manifest, background=False))
    worker = list(read_all(jobs, manifest, background=True))

    assert [r.job.path.name for r in worker] == [j.path.name for j in jobs]
    assert [r.document for r in worker] == [r.document for r in here]
    bad = next(r for r in worker if r.job.path.suffix == ".pdf")
    assert bad.document is None and "not a valid PDF" in (bad.reason or "")
    good = [r for r in worker if r.document is not None]
    assert len(good) == 2 and all(r.document.items for r in good)
    # The manifest's title wins over the one found in the text.
    assert {r.document.meta.title for r in good} >= {"RegenerationMK Strategy 2030 Progress Update"}
