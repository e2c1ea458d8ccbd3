"""Read files in a worker process while the main process embeds what is already read.

Reading a PDF (layout, tables) and embedding its texts are each CPU-bound; done one
after the other, an ingest of a council's papers takes their sum. With the reading in
a worker process, the encoder starts on the first document while the next ones are
read, and the ingest takes little more than the encoder alone. A small job (a few
text files) is read in this process: starting a worker would cost more than it saves.

A worker that dies on a file (a crash inside a PDF library, the kernel's OOM killer)
costs only that file: it is reported as unreadable and a new worker reads the rest.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from indexing.manifest import Manifest
from indexing.reading import ReadJob, ReadResult, read_file

BACKGROUND_MIN_BYTES = 2_000_000
"""Total size of the files to read above which they are read in a worker process."""
AHEAD = 4
"""Files a worker is given ahead of the one being collected: enough to keep it busy,
few enough that a crash re-reads little."""


def read_all(
    jobs: list[ReadJob], manifest: Manifest, *, background: bool | None = None
) -> Iterator[ReadResult]:
    """Each job's result, in the jobs' order.

    ``background`` None decides by size (``BACKGROUND_MIN_BYTES``); True or False forces it.
    """
    if background is None:
        background = len(jobs) > 1 and _total_bytes(jobs) >= BACKGROUND_MIN_BYTES
    if not background:
        for job in jobs:
            yield read_file(job, manifest)
        return
    yield from _read_in_worker(jobs, manifest)


def _read_in_worker(jobs: list[ReadJob], manifest: Manifest) -> Iterator[ReadResult]:
    position = 0
    while position < len(jobs):
        # "spawn": the worker starts clean, without this process's threads (torch, Chroma).
        with ProcessPoolExecutor(
            max_workers=1, mp_context=multiprocessing.get_context("spawn")
        ) as pool:
            pending: list[tuple[ReadJob, Future[ReadResult]]] = []
            next_job = position
            try:
                while position < len(jobs):
                    while next_job < len(jobs) and next_job - position < AHEAD:
                        pending.append(
                            (jobs[next_job], pool.submit(read_file, jobs[next_job], manifest))
                        )
                        next_job += 1
                    job, future = pending.pop(0)
                    yield future.result()
                    position += 1
            except BrokenProcessPool:
                yield ReadResult(
                    job=jobs[position],
                    reason="the reader stopped while reading this file (it may be damaged or too complex) — "
                    "check it opens, or split it",
                )
                position += 1


def _total_bytes(jobs: list[ReadJob]) -> int:
    total = 0
    for job in jobs:
        try:
            total += job.path.stat().st_size
        except OSError:
            pass
    return total
