"""Read files in worker processes, one per core, and hand back their documents in order.

Reading a PDF (layout, tables) is CPU-bound Python and C; the workers read several files
at once, one per core, while this process waits. Ingest embeds nothing until every file
is read: only then is it known which text a reports pack repeats from a separate paper
(``readers/duplicates.py``), and the encoder is given only the text that is indexed,
with both cores to itself (docs/benchmarks.md, ingest of real papers). A small job (a
few text files) is read in this process: starting a worker would cost more than it saves.

A worker that dies on a file (a crash inside a PDF library, the kernel's OOM killer)
costs only that file: the rest are read again one at a time, so the file that stops a
worker is the one being read, and it is reported as unreadable.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from indexing.manifest import Manifest
from indexing.reading import ReadJob, ReadResult, read_file

BACKGROUND_MIN_BYTES = 2_000_000
"""Total size of the files to read above which they are read in a worker process."""
AHEAD = 4
"""Files each worker is given ahead of the one being collected: enough to keep it busy,
few enough that a crash re-reads little."""
MAX_WORKERS = 4
"""Most worker processes: each holds its own PDF libraries (about 150 MB)."""


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
    workers = min(reading_workers(), len(jobs))
    while position < len(jobs):
        # "spawn": the worker starts clean, without this process's threads (torch, Chroma).
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("spawn")
        ) as pool:
            pending: deque[Future[ReadResult]] = deque()
            next_job = position
            try:
                while position < len(jobs):
                    while next_job < len(jobs) and next_job - position < AHEAD * workers:
                        pending.append(pool.submit(read_file, jobs[next_job], manifest))
                        next_job += 1
                    yield pending.popleft().result()
                    position += 1
            except BrokenProcessPool:
                if workers > 1:
                    workers = 1  # which file stopped a reader is known when one reads at a time
                    continue
                yield ReadResult(
                    job=jobs[position],
                    reason="the reader stopped while reading this file (it may be damaged or too complex) — "
                    "check it opens, or split it",
                )
                position += 1


def reading_workers() -> int:
    """Worker processes to read with: one per core this process may use, up to
    ``MAX_WORKERS``. The encoder waits until every file is read (ingest embeds only the
    text it will index), so the reading has every core to itself."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_WORKERS))


def _total_bytes(jobs: list[ReadJob]) -> int:
    total = 0
    for job in jobs:
        try:
            total += job.path.stat().st_size
        except OSError:
            pass
    return total
