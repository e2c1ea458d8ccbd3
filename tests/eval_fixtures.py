"""Fixtures for the evaluation tests (loaded with ``pytest_plugins``).

The shared index of the shipped corpus is ``conftest.py``'s ``grounded_settings``;
here: a one-file corpus for the baseline, which indexes it in seconds.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.config import REPO_ROOT

Q2_FILE = "council-plan-delivery-update-q2-2017.txt"


@pytest.fixture(scope="session")
def one_file_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Q2 update and the manifest alone: a corpus the baseline indexes in seconds."""
    folder = tmp_path_factory.mktemp("one-file-corpus")
    for name in (Q2_FILE, "manifest.yaml"):
        shutil.copy(REPO_ROOT / "corpus" / name, folder / name)
    return folder
