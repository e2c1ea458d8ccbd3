"""The meetings eval set agrees with the synced committee system it is asked of.

``evals/sets/meetings.yaml`` is asked of ``evals/corpus-meetings`` (the stand-in's Kent
committee system synced by ``planbot sync moderngov``). Every expected fact and evidence
must occur in the named document — the meeting record's Markdown, or the named page of
the paper — so a question cannot expect what the papers do not say; and every synced
file must have its manifest entry, with the meeting and a public address.
"""

from __future__ import annotations

import re

import pdfplumber
import pytest
import yaml

from assistant.config import REPO_ROOT
from evals.sets import SETS_DIR, load_set

CORPUS = REPO_ROOT / "evals" / "corpus-meetings"
SET = load_set(SETS_DIR / "meetings.yaml")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).lower()


def _text(document: str, page: int | None) -> str:
    (path,) = [p for p in CORPUS.rglob(f"{document}.*") if not p.name.startswith(".")]
    if path.suffix == ".md":
        return path.read_text(encoding="utf-8")
    with pdfplumber.open(path) as pdf:
        return pdf.pages[(page or 1) - 1].extract_text() or ""


def test_the_set_is_asked_of_the_synced_corpus() -> None:
    assert SET.corpus == "evals/corpus-meetings"
    assert len(SET.questions) >= 20


@pytest.mark.parametrize(
    "question", [q for q in SET.questions if q.expect.answered], ids=lambda q: q.id
)
def test_every_fact_is_in_its_document(question) -> None:
    expect = question.expect
    text = _norm(_text(expect.document, expect.page))
    for fact in expect.facts:
        alternatives = fact if isinstance(fact, list) else [fact]
        assert any(_norm(a) in text for a in alternatives), (question.id, alternatives)
    if expect.evidence:
        assert _norm(expect.evidence) in text, (question.id, expect.evidence)


def test_every_synced_file_has_its_manifest_entry() -> None:
    manifest = yaml.safe_load((CORPUS / "manifest.yaml").read_text(encoding="utf-8"))["documents"]
    files = {
        p.name
        for p in CORPUS.rglob("*")
        if p.is_file() and not p.name.startswith(".") and p.name != "manifest.yaml"
    }
    assert files == set(manifest)
    for entry in manifest.values():
        assert entry["committee"] in ("Cabinet", "County Council") and entry[
            "meeting_date"
        ].startswith("2025-")
        assert entry["url"].startswith("https://democracy.example.gov.uk/")
    assert [n for n, e in manifest.items() if e["access"] == "restricted"] == [
        "24-00115-eqia-70082.pdf"
    ]
