"""Shared fixtures: the real shipped corpus, indexed once per test session.

Tests run the real pieces (the packaged MiniLM model, an embedded Chroma, BM25) on the
real documents; building that index takes ~20 s, so it is built once and shared.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.config import REPO_ROOT, Settings

CORPUS = REPO_ROOT / "corpus"


@pytest.fixture(scope="session")
def corpus_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings whose index (in a temp folder) holds the whole shipped corpus."""
    from indexing.ingest import ingest

    data_dir = tmp_path_factory.mktemp("index")
    settings = Settings(data_dir=data_dir, corpus_dir=CORPUS)
    report = ingest(settings)
    assert report.changed and not report.skipped, report
    return settings


@pytest.fixture(scope="session")
def grounded_settings(corpus_settings: Settings) -> Settings:
    """The shipped-corpus index with no LLM, whatever ``PLANBOT_LLM`` says: grounded answers only."""
    return corpus_settings.model_copy(update={"llm": None})


@pytest.fixture(scope="session")
def grounded_assistant(grounded_settings: Settings):  # noqa: ANN201 - assistant.service.Assistant
    from assistant.service import Assistant

    return Assistant(grounded_settings)


@pytest.fixture(scope="session")
def assistant(corpus_settings: Settings):  # noqa: ANN201 - assistant.service.Assistant
    from assistant.service import Assistant

    return Assistant(corpus_settings)


@pytest.fixture()
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped corpus, for tests that edit or break files."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target
