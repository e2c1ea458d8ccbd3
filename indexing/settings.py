"""The settings the index layer reads: where the corpus and the index are, and how to embed.

``assistant.config.Settings`` extends this class with the answering, Slack and LLM
settings; everything in ``indexing/`` takes an ``IndexSettings`` (or that subclass) as an
argument, so nothing here reads the environment behind a caller's back.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def package_folder(package: str) -> Path:
    """The folder of a data package installed with Plan Assistant (``corpus``, ``prompts``).

    Found through ``importlib.resources``, so a wheel installed anywhere finds its files as
    an editable install of the source checkout does. The files are read and listed as a
    folder, so a package inside a zip archive is refused with a clear message.
    """
    folder = resources.files(package)
    if not isinstance(folder, Path) or not folder.is_dir():
        raise RuntimeError(
            f"the {package!r} package is not a folder on disk ({folder}): install Plan "
            "Assistant unpacked (pip install, not a zipped import)"
        )
    return folder


def sample_corpus() -> Path:
    """The sample corpus shipped with Plan Assistant (the ``corpus`` package's folder)."""
    return package_folder("corpus")


class IndexSettings(BaseSettings):
    """Index settings (env prefix ``PLANBOT_``, or a ``.env`` file in the working folder)."""

    model_config = SettingsConfigDict(
        env_prefix="PLANBOT_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    corpus_dir: Path = Field(
        default_factory=sample_corpus,
        description="Folder of plan documents ingested when `planbot ingest` has no PATH "
        "(default: the sample corpus installed with Plan Assistant).",
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
