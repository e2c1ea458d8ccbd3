"""One file → one ``PlanDocument``: load its blocks, find what its text says of itself,
let the manifest override that, and read its items, tables and passages.

This is the unit of work ``indexing/parse_pool.py`` hands to a worker process, so it
takes and returns only picklable values and reports a bad file as a ``FileProblem``-like
reason string rather than raising across the process boundary.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from indexing.loaders import LoadError, load_file
from indexing.manifest import Manifest
from indexing.model import DocumentMeta, PlanDocument
from indexing.readers import read_document
from indexing.readers.doc_meta import meta_from_blocks


class ReadJob(BaseModel):
    """A file to read, with the id and displayed path its document will have."""

    path: Path
    doc_id: str
    source: str


class ReadResult(BaseModel):
    """A read document, or why the file could not be read (``reason``, one line)."""

    job: ReadJob
    document: PlanDocument | None = None
    reason: str | None = None
    pages: int = 0


def document_meta(found: DocumentMeta, path: Path, manifest: Manifest) -> DocumentMeta:
    """What the text says of the document, overridden by what the manifest states."""
    meta = manifest.meta_for(path, found)
    assert meta is not None  # ``found`` always gives a title
    return meta


def read_file(job: ReadJob, manifest: Manifest) -> ReadResult:
    """Load and read one file; a file that cannot be read becomes a reason, not an error."""
    try:
        loaded = load_file(job.path)
        found = meta_from_blocks(loaded.blocks, job.path.name)
        meta = document_meta(found, job.path, manifest)
        doc = read_document(
            loaded.blocks, meta, doc_id=job.doc_id, source=job.source, sha256=loaded.sha256
        )
    except LoadError as err:
        return ReadResult(job=job, reason=err.reason)
    except OSError as err:
        return ReadResult(job=job, reason=f"cannot read the file ({err.strerror or err})")
    except Exception as err:  # noqa: BLE001 - one odd file must not stop a council's whole ingest
        detail = " ".join(str(err).split())[:160] or type(err).__name__
        return ReadResult(
            job=job,
            reason=f"the reader failed on this file ({type(err).__name__}: {detail}) — please report it with the file",
        )
    if not doc.items and not doc.passages and not doc.tables:
        return ReadResult(job=job, reason="no items, tables or text passages found in it")
    pages = max((b.at.page_end or b.at.page or 0 for b in loaded.blocks), default=0)
    return ReadResult(job=job, document=doc, pages=pages)
