"""Fixtures for the drafting and generation tests (loaded with ``pytest_plugins``).

The tests run on the real shipped corpus, indexed once per session by ``conftest.py``
and shared with the rest of the suite. The only
stand-in is the model server (``openai_mock_server.MockOpenAI``): no hosted model can
run here, so a real local HTTP server speaks the OpenAI protocol with scripted replies.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from openai_mock_server import MockOpenAI

from assistant.config import Settings


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
def llm_settings(grounded_settings: Settings, mock_llm: MockOpenAI) -> Settings:
    """``PLANBOT_LLM=openai`` pointed at the local model server."""
    from pydantic import SecretStr

    return grounded_settings.model_copy(
        update={
            "llm": "openai",
            "llm_base_url": mock_llm.url,
            "llm_model": mock_llm.model,
            "llm_api_key": SecretStr(mock_llm.api_key),
        }
    )
