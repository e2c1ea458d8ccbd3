"""Shared fixtures: the real shipped corpus, indexed once per test session.

Tests run the real pieces (the packaged MiniLM model, an embedded Chroma, BM25) on the
real documents; building that index takes ~20 s, so it is built once and shared.

``pytest --chroma-server`` runs every test with the vectors in a real ``chroma run``
server on loopback instead of the embedded store (``PLANBOT_CHROMA_URL``, set before
any test builds its settings, and inherited by the ``planbot`` processes tests start).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from assistant.config import REPO_ROOT, Settings

CORPUS = REPO_ROOT / "corpus"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--chroma-server",
        action="store_true",
        help="run every test against a real `chroma run` server on loopback (PLANBOT_CHROMA_URL) "
        "instead of the embedded Chroma store",
    )


def pytest_configure(config: pytest.Config) -> None:
    if not config.getoption("--chroma-server"):
        return
    from chroma_server import start_chroma_server

    path = Path(tempfile.mkdtemp(prefix="planbot-chroma-server-"))
    url, server = start_chroma_server(path)
    os.environ["PLANBOT_CHROMA_URL"] = url
    config.stash[_SERVER] = (server, path)


def pytest_unconfigure(config: pytest.Config) -> None:
    running = config.stash.get(_SERVER, None)
    if running is None:
        return
    from chroma_server import stop_chroma_server

    server, path = running
    stop_chroma_server(server)
    os.environ.pop("PLANBOT_CHROMA_URL", None)
    shutil.rmtree(path, ignore_errors=True)


def pytest_report_header(config: pytest.Config) -> str:
    url = os.environ.get("PLANBOT_CHROMA_URL")
    return f"Chroma: server at {url}" if url else "Chroma: embedded store"


_SERVER = pytest.StashKey[tuple]()


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
def grounded_assistant(grounded_settings: Settings):
    from assistant.answering.router import Assistant

    return Assistant(grounded_settings)


@pytest.fixture(scope="session")
def assistant(corpus_settings: Settings):
    from assistant.answering.router import Assistant

    return Assistant(corpus_settings)


@pytest.fixture()
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped corpus, for tests that edit or break files."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target
