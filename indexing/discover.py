"""Which files under the folders given to ``planbot ingest`` are documents, the id each
document gets, and the path it is shown by."""

from __future__ import annotations

from pathlib import Path

from indexing.ingest_report import FileProblem
from indexing.loaders import SUPPORTED_SUFFIXES
from indexing.manifest import Manifest


def discover(paths: list[Path], manifest: Manifest) -> tuple[list[Path], list[FileProblem]]:
    """Documents under ``paths`` (files or folders), and the ones that can't be documents."""
    found: list[Path] = []
    problems: list[FileProblem] = []
    for root in paths:
        if not root.exists():
            problems.append(FileProblem(path=str(root), reason="no such file or folder"))
            continue
        candidates = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        for path in candidates:
            if manifest.ignores(path) or any(part.startswith(".") for part in path.parts[-1:]):
                continue
            if _python_package_file(path):
                continue
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                problems.append(
                    FileProblem(
                        path=str(path),
                        reason=f"unsupported file type '{path.suffix or '(none)'}' "
                        f"(supported: {', '.join(sorted(SUPPORTED_SUFFIXES))})",
                    )
                )
                continue
            found.append(path)
    return found, problems


def _python_package_file(path: Path) -> bool:
    """A package marker or its byte-code: the shipped corpus is a Python package (so an
    installed Plan Assistant finds it), and neither file is a document."""
    return path.name == "__init__.py" or "__pycache__" in path.parts


def document_id(path: Path, taken: set[str]) -> str:
    """The file name's stem, lower case, with no space or colon: node ids are
    ``<document id>:<key>``, and ``store.document_of`` splits them at the first colon."""
    base = path.stem.lower().replace(" ", "-").replace(":", "-")
    doc_id, n = base, 2
    while doc_id in taken:
        doc_id, n = f"{base}-{n}", n + 1
    taken.add(doc_id)
    return doc_id


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path.resolve())
