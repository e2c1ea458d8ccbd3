"""Fixtures for the drafting and generation tests (loaded with ``pytest_plugins``).

The tests run on the real shipped corpus, indexed into a temp folder once per session.
When the shared ``corpus_settings`` fixture of ``conftest.py`` exists it is reused, so
the whole suite still builds that index once; otherwise one is built here. The only
stand-in is the model server (``openai_mock_server.MockOpenAI``): no hosted model can
run here, so a real local HTTP server speaks the OpenAI protocol with scripted replies.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.config import REPO_ROOT, Settings
from openai_mock_server import MockOpenAI


@pytest.fixture(scope="session")
def draft_settings(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings whose index holds the whole shipped corpus; no LLM configured."""
    try:
        settings: Settings = request.getfixturevalue("corpus_settings")
    except pytest.FixtureLookupError:
        from indexing.ingest import ingest

        settings = Settings(data_dir=tmp_path_factory.mktemp("draft-index"), corpus_dir=REPO_ROOT / "corpus")
        report = ingest(settings)
        assert report.changed and not report.skipped, report
    return settings.model_copy(update={"llm": None})


@pytest.fixture(scope="session")
def draft_assistant(draft_settings: Settings):  # noqa: ANN201 - assistant.service.Assistant
    from assistant.service import Assistant

    return Assistant(draft_settings)


@pytest.fixture(scope="session")
def model_server() -> Iterator[MockOpenAI]:
    with MockOpenAI() as server:
        yield server


@pytest.fixture()
def mock_llm(model_server: MockOpenAI) -> Iterator[MockOpenAI]:
    """The model server, emptied of earlier scripts and requests."""
    model_server.reset()
    yield model_server
    model_server.reset()


@pytest.fixture()
def llm_settings(draft_settings: Settings, mock_llm: MockOpenAI) -> Settings:
    """``PLANBOT_LLM=openai`` pointed at the local model server."""
    from pydantic import SecretStr

    return draft_settings.model_copy(update={
        "llm": "openai", "llm_base_url": mock_llm.url, "llm_model": mock_llm.model,
        "llm_api_key": SecretStr(mock_llm.api_key),
    })
