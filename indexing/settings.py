"""The settings the index layer reads: where the corpus and the index are, and how to embed.

``assistant.config.Settings`` extends this class with the answering, Slack and LLM
settings; everything in ``indexing/`` takes an ``IndexSettings`` (or that subclass) as an
argument, so nothing here reads the environment behind a caller's back.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

SAMPLE_CORPUS = Path(__file__).resolve().parents[1] / "corpus"
"""The Milton Keynes sample corpus shipped with Plan Assistant."""


class IndexSettings(BaseSettings):
    """Index settings (env prefix ``PLANBOT_``, or a ``.env`` file in the working folder)."""

    model_config = SettingsConfigDict(
        env_prefix="PLANBOT_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    corpus_dir: Path = Field(
        default=SAMPLE_CORPUS,
        description="Folder of plan documents ingested when `planbot ingest` has no PATH.",
    )
    data_dir: Path = Field(
        default=Path(".planbot"),
        description="Where the index lives: Chroma, the BM25 index and the ingest manifest.",
    )
    chroma_url: str | None = Field(
        default=None,
        description="http://host:port of a Chroma server; unset = embedded PersistentClient in data_dir.",
    )
    collection: str = Field(default="plan_items", description="Chroma collection name prefix.")
    embed_batch_size: int = Field(
        default=16,
        ge=1,
        le=4096,
        description="Texts per encoder batch at ingest; 16 was fastest on 2 cores (docs/benchmarks.md).",
    )

    @property
    def manifest_path(self) -> Path:
        """The corpus manifest: titles, kinds, dates and access labels of the documents."""
        return self.corpus_dir / "manifest.yaml"
