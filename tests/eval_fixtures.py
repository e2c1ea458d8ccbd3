"""Fixtures for the evaluation tests (loaded with ``pytest_plugins``).

The real shipped corpus is indexed once per session with the real MiniLM model and an
embedded Chroma, by ``conftest.py``, and shared with the rest of the suite.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.config import REPO_ROOT, Settings

Q2_FILE = "council-plan-delivery-update-q2-2017.txt"


@pytest.fixture(scope="session")
def eval_settings(grounded_settings: Settings) -> Settings:
    """The whole shipped corpus, indexed once per session (``conftest.py``); no LLM."""
    return grounded_settings


@pytest.fixture(scope="session")
def eval_assistant(eval_settings: Settings):  # noqa: ANN201 - assistant.service.Assistant
    from assistant.service import Assistant

    return Assistant(eval_settings)


@pytest.fixture(scope="session")
def one_file_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Q2 update and the manifest alone: a corpus the baseline indexes in seconds."""
    folder = tmp_path_factory.mktemp("one-file-corpus")
    for name in (Q2_FILE, "manifest.yaml"):
        shutil.copy(REPO_ROOT / "corpus" / name, folder / name)
    return folder
