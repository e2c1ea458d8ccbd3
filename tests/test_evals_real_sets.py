"""The real-papers sets themselves: shape, the held-out draw, and every expected page,
document and evidence snippet checked against the papers of the corpus.

A known-answer set with a wrong page or a misquoted snippet would fail the assistant for
the set's mistake; so the set is checked here against the PDFs' own text (pypdfium2,
page by page, normalised as the scorer normalises) and the CSV and Markdown files, with
no part of Plan Assistant's readers involved.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from evals.corpora import resolve_dir
from evals.heldout import HELDOUT, draw
from evals.normalise import contains
from evals.schema import EvalSet
from evals.sets import SETS_DIR, load_set

REAL_SETS = sorted(SETS_DIR.glob("real-*.yaml"))
SEED = 12


@cache
def _sets() -> list[EvalSet]:
    return [load_set(p) for p in REAL_SETS]


@cache
def _corpus_files(corpus: str) -> dict[str, Path]:
    """Document id → file: the file name's stem, lower case, spaces and colons as "-"
    (``indexing.discover.document_id``; no two files of the corpus share a stem)."""
    files = sorted(
        p
        for p in resolve_dir(corpus).rglob("*")
        if p.is_file() and p.name not in ("README.md", "manifest.yaml")
    )
    ids = {p.stem.lower().replace(" ", "-").replace(":", "-"): p for p in files}
    assert len(ids) == len(files), "two files of the corpus would get the same id"
    return ids


@cache
def _pages(path: Path) -> tuple[str, ...]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return tuple(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


def _text(path: Path, page: int | None) -> str:
    if path.suffix.lower() == ".csv":
        # the lines as printed, then each cell as a value of its own: "1238,271" is two
        # figures, not 1,238,271
        with path.open(encoding="utf-8", newline="") as handle:
            cells = "\n".join(" ; ".join(row) for row in csv.reader(handle))
        return f"{path.read_text(encoding='utf-8')}\n{cells}"
    if path.suffix.lower() != ".pdf":
        return path.read_text(encoding="utf-8")
    pages = _pages(path)
    if page is None:  # a list over many pages: the whole paper
        return "\n".join(pages)
    assert 1 <= page <= len(pages), f"{path.name}: page {page} of {len(pages)}"
    return pages[page - 1]


def test_there_are_real_sets_with_enough_questions_of_each_sort() -> None:
    questions = [q for s in _sets() for q in s.questions]
    assert REAL_SETS and all(s.corpus == "evals/corpus-real" for s in _sets())
    assert len(questions) >= 150
    assert sum(not q.expect.answered for q in questions) >= 25
    assert sum("near-miss" in q.tags for q in questions) >= 10
    documents = {q.expect.document for q in questions if q.expect.document}
    assert (
        len(documents) >= 20
    )  # across the QPR, registers, decisions, minutes and the other councils


def test_about_a_third_is_held_out_by_the_seeded_stratified_draw() -> None:
    drawn = [s for s in _sets() if any(HELDOUT not in q.tags for q in s.questions)]
    assert drawn, "no set with a tuning part"
    for evalset in drawn:  # a fresh set written after tuning began is held out whole
        held = {q.id for q in evalset.questions if HELDOUT in q.tags}
        assert 0.30 <= len(held) / len(evalset.questions) <= 0.37
        untagged = [
            q.model_copy(update={"tags": [t for t in q.tags if t != HELDOUT]})
            for q in evalset.questions
        ]
        assert held == draw(untagged, seed=SEED), (
            "the held-out tags are not the seeded draw (edited by hand?)"
        )


def test_every_expected_document_page_and_evidence_is_in_the_papers() -> None:
    problems = []
    for evalset in _sets():
        files = _corpus_files(evalset.corpus or "")
        for q in evalset.questions:
            e = q.expect
            if not e.answered:
                continue
            for doc in sorted(e.documents()):
                if doc not in files:
                    problems.append(f"{q.id}: no document {doc}")
            path = files.get(e.document or "")
            if path is None:
                continue
            if path.suffix.lower() == ".pdf" and e.evidence and e.page is None:
                problems.append(f"{q.id}: PDF evidence without a page")
                continue
            for document, page in e.places():  # the expected place, then every other one in `also`
                if document not in files:
                    continue
                where = files[document]
                text = _text(where, page)
                if e.evidence and not contains(text, e.evidence):
                    problems.append(f"{q.id}: evidence not on {where.name} p. {page}")
                if page is not None or where.suffix.lower() != ".pdf":
                    for fact in e.facts:
                        alternatives = fact if isinstance(fact, list) else [fact]
                        if not any(contains(text, a) for a in alternatives):
                            problems.append(
                                f"{q.id}: fact {alternatives} not on {where.name} p. {page}"
                            )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", REAL_SETS, ids=lambda p: p.name)
def test_questions_are_written_as_people_type_them(path: Path) -> None:
    """Lower case mostly, and never the document id or file name in the question."""
    evalset = load_set(path)
    ids = set(_corpus_files(evalset.corpus or ""))
    lower = sum(q.question == q.question.lower() for q in evalset.questions)
    assert lower / len(evalset.questions) > 0.8
    for q in evalset.questions:
        assert not any(i in q.question.lower() for i in ids), q.id
        assert not re.search(r"\.(pdf|csv|md)\b", q.question), q.id
