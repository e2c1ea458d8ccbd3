"""The one configuration class of Plan Assistant.

Every setting comes from a ``PLANBOT_*`` environment variable or a ``.env`` file in the
working directory, so the CLI, the Slack bot, the evals and the tests all read the same
values. Secrets (Slack tokens, an LLM key) are read only from the environment and are
held as ``SecretStr`` so they never appear in a log line or a ``repr``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import NoDecode

from indexing.model import Access
from indexing.settings import IndexSettings, package_folder

REPO_ROOT = Path(__file__).resolve().parents[1]
"""The source checkout this module was loaded from, for tests and tools that read its
other folders (``tests/``, ``evals/corpus-real``). Product code never reads it: in an
installed wheel it is ``site-packages``; the shipped corpus and prompts are package data."""


def packaged_prompts() -> Path:
    """The prompt templates installed with Plan Assistant (the ``prompts`` package's folder)."""
    return package_folder("prompts")


class Settings(IndexSettings):
    """Plan Assistant settings (env prefix ``PLANBOT_``): the index settings and those of
    answering, access, Slack and the optional LLM."""

    # --- retrieval and answering -------------------------------------------------------
    top_k: int = Field(default=5, ge=1, le=50)
    max_question_chars: int = Field(default=2000, ge=10)
    relevance_floor: float = Field(
        default=0.2,
        description="Cosine similarity below which a question is judged not covered by the documents.",
    )
    prompts_dir: Path = Field(
        default_factory=packaged_prompts,
        description="Folder of the prompt and reply templates (default: those installed with "
        "Plan Assistant); point it at a copy to change the wording without a release.",
    )

    # --- access to documents ------------------------------------------------------------
    default_access: Annotated[list[str], NoDecode] = Field(
        default=["public"],
        description="Labels a question may see when the asker's access is not given (CLI, evals): "
        "`public,members` (a JSON list is read too).",
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

    @field_validator("default_access", mode="before")
    @classmethod
    def _labels(cls, value: object) -> object:
        """``public,members`` as a person types it, or a JSON list; unknown labels refused."""
        if isinstance(value, str):
            text = value.strip()
            value = json.loads(text) if text.startswith("[") else text.split(",")
        if isinstance(value, list):
            labels = [str(v).strip() for v in value if str(v).strip()]
            unknown = sorted(set(labels) - {a.value for a in Access})
            if unknown:
                raise ValueError(
                    f"unknown access label(s) {', '.join(unknown)}: use public, members, restricted"
                )
            return labels
        return value


class SettingsError(ValueError):
    """A ``PLANBOT_*`` value that cannot be used; the message says which."""


def load_settings() -> Settings:
    """The process-wide settings, or ``SettingsError`` naming the bad value (no traceback)."""
    try:
        return get_settings()
    except ValidationError as err:
        raise SettingsError(f"configuration: {err}") from err


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
