"""The two runtimes of the embedding model give the same vectors.

Questions are embedded by an ONNX export of the packaged MiniLM (fast to load), the
documents by sentence-transformers on torch; retrieval compares the two, so they must
agree. The export here is real (torch → ONNX → onnxruntime) into a temporary cache.
"""

from __future__ import annotations

import inspect
from pathlib import Path

import numpy as np
import pytest
from conftest import CORPUS

pytestmark = pytest.mark.slow


@pytest.fixture()
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from indexing import embedding

    monkeypatch.setenv("PLANBOT_ENCODER_CACHE", str(tmp_path / "cache"))
    embedding.query_encoder.cache_clear()
    yield tmp_path / "cache"
    embedding.query_encoder.cache_clear()


def _corpus_lines(n: int) -> list[str]:
    text = (CORPUS / "council-plan-delivery-update-q2-2017.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()][:n]


def test_exported_onnx_gives_the_torch_vectors(fresh_cache: Path) -> None:
    from indexing import embedding

    assert not embedding.onnx_file().exists()
    assert embedding.query_encoder() is embedding._torch_encode, "no file yet: torch"
    path = embedding.ensure_onnx()
    assert path is not None and path.exists() and path.parent == fresh_cache
    encoder = embedding.query_encoder()
    assert isinstance(encoder, embedding.OnnxEncoder)

    texts = _corpus_lines(40) + ["what are we doing about rats?", "CCTV", "who owns 12.1?"]
    onnx = encoder(texts, 16)
    torch = np.array(inspect.unwrap(embedding.embed)(texts))
    assert onnx.shape == torch.shape == (len(texts), 384)
    assert float(np.abs(onnx - torch).max()) < embedding.ONNX_TOLERANCE
    assert np.allclose(np.linalg.norm(onnx, axis=1), 1.0, atol=1e-5)
    assert embedding.embed_one("what are we doing about rats?") == pytest.approx(
        list(torch[-3]), abs=1e-4
    )


def test_a_broken_onnx_file_falls_back_to_torch(
    fresh_cache: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from indexing import embedding

    target = embedding.onnx_file()
    target.parent.mkdir(parents=True)
    target.write_bytes(b"not a model")
    vector = embedding.embed_one("what are we doing about rats?")
    assert embedding.query_encoder() is embedding._torch_encode
    assert "unusable" in caplog.text
    torch = inspect.unwrap(embedding.embed)(["what are we doing about rats?"])[0]
    assert vector == pytest.approx(torch, abs=1e-6)


def test_embed_encodes_each_distinct_text_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from indexing import embedding

    seen: list[list[str]] = []
    model = embedding.get_model()
    original = model.encode

    def counting(texts, **kwargs):
        seen.append(list(texts))
        return original(texts, **kwargs)

    monkeypatch.setattr(model, "encode", counting)
    vectors = inspect.unwrap(embedding.embed)(["a rat", "a dog", "a rat"])
    assert seen == [["a rat", "a dog"]]
    assert vectors[0] == vectors[2] and vectors[0] != vectors[1]
