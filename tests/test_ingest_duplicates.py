"""A meeting's reports pack repeats papers that are also published on their own: each
passage is indexed, and cited, once — from the separate paper."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.config import Settings
from indexing.ingest import ingest
from indexing.store import IndexStore

pytestmark = pytest.mark.store  # ingests through the configured store

KENT = Path(__file__).resolve().parents[1] / "evals" / "corpus-real" / "kent"
PAPER = "cabinet_2025-01-30__24-00096 - PRoD.pdf"
PACK = "cabinet_2025-01-30__pack__24-00096 - PROD 30th-Jan-2025 10.00 Cabinet.pdf"


def test_a_reports_pack_is_not_indexed_twice(tmp_path: Path) -> None:
    corpus = tmp_path / "papers"
    corpus.mkdir()
    for name in (PAPER, PACK):
        shutil.copy(KENT / name, corpus / name)
    settings = Settings(data_dir=tmp_path / "index", corpus_dir=corpus)
    report = ingest(settings)

    by_file = {Path(d.path).name: d for d in report.documents}
    paper_id = "cabinet_2025-01-30__24-00096---prod"
    assert by_file[PACK].repeats == paper_id and by_file[PAPER].repeats is None
    store = IndexStore.open(settings)
    pack_id = next(d.id for d in store.documents if d.meta.file == PACK)
    pack_nodes = store.get(where={"plan_document": pack_id})
    paper_nodes = store.get(where={"plan_document": paper_id})
    assert paper_nodes, "the separate paper is indexed in full"
    paper_texts = {n.text for n in paper_nodes}
    # What the pack adds of its own (its covering sheet) stays; its copy of the paper does not.
    assert not any(n.text in paper_texts for n in pack_nodes)
    assert len(pack_nodes) < len(paper_nodes)
