"""Fixtures for the evaluation tests (loaded with ``pytest_plugins``).

The real shipped corpus is indexed into a temp folder once per session with the real
MiniLM model and an embedded Chroma. When the shared ``corpus_settings`` fixture of
``conftest.py`` exists it is reused, so the whole suite still builds one index;
otherwise the index is built here.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.config import REPO_ROOT, Settings

Q2_FILE = "council-plan-delivery-update-q2-2017.txt"


@pytest.fixture(scope="session")
def eval_settings(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings whose index (in a temp folder) holds the whole shipped corpus."""
    try:
        settings: Settings = request.getfixturevalue("corpus_settings")
    except pytest.FixtureLookupError:
        from indexing.ingest import ingest

        settings = Settings(data_dir=tmp_path_factory.mktemp("eval-index"), corpus_dir=REPO_ROOT / "corpus")
        report = ingest(settings)
        assert report.changed and not report.skipped, report
    return settings.model_copy(update={"llm": None})


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
