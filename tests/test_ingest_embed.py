"""The encoder is given only text that is indexed, each distinct text once: a reports
pack's copies of a separate paper are dropped before anything is embedded, and a second
ingest of the same files embeds nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.config import Settings
from indexing import embedding
from indexing.ingest import ingest
from indexing.store import IndexStore

pytestmark = pytest.mark.store  # ingests through the configured store

KENT = Path(__file__).resolve().parents[1] / "evals" / "corpus-real" / "kent"
PAPER = "cabinet_2025-01-30__24-00096 - PRoD.pdf"
PACK = "cabinet_2025-01-30__pack__24-00096 - PROD 30th-Jan-2025 10.00 Cabinet.pdf"


def test_the_encoder_sees_each_indexed_text_once_and_no_dropped_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "papers"
    corpus.mkdir()
    for name in (PAPER, PACK):
        shutil.copy(KENT / name, corpus / name)
    given: list[str] = []
    real_embed = embedding.embed

    def recording(texts: list[str], *, batch_size: int = 64) -> list[list[float]]:
        given.extend(texts)
        return real_embed(texts, batch_size=batch_size)

    monkeypatch.setattr(embedding, "embed", recording)
    settings = Settings(data_dir=tmp_path / "index", corpus_dir=corpus)
    report = ingest(settings)

    indexed = {node.text for node in IndexStore.open(settings).get()}
    assert any(d.repeats for d in report.documents), "the pack repeats the paper"
    assert len(given) == len(set(given)) == report.embedded
    assert set(given) == indexed  # nothing embedded and then dropped

    given.clear()
    again = ingest(settings)
    assert again.embedded == 0 and given == []
