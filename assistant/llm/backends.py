"""The optional LLM, built through llama-index from ``PLANBOT_LLM*`` settings.

Two backends cover what a council can run: ``openai`` is any server that speaks the
OpenAI chat-completions protocol (Azure OpenAI, Ollama, vLLM, LM Studio, llama.cpp's
own server) through ``OpenAILike``; ``llamacpp`` runs a local GGUF file in-process
through ``LlamaCPP``. Both packages are optional: when one is missing the error names
the package to install, instead of an ImportError from deep inside llama-index.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.config import Settings

if TYPE_CHECKING:
    from llama_index.core.llms import LLM

BACKENDS = ("openai", "llamacpp")
TEMPERATURE = 0.1  # rephrasing, not invention: keep the model close to its sources
MAX_OUTPUT_TOKENS = 600
REQUEST_TIMEOUT_S = 60.0
CONTEXT_WINDOW = 8192


class LLMConfigError(RuntimeError):
    """``PLANBOT_LLM`` is set but cannot be used as configured; the message says how to fix it."""


def configured(settings: Settings) -> bool:
    """Is an LLM asked for? Unset, empty, ``none`` or ``off`` mean grounded answers only."""
    return (settings.llm or "").strip().lower() not in ("", "none", "off", "false", "0")


def make_llm(settings: Settings) -> LLM:
    """The llama-index LLM that ``PLANBOT_LLM`` names (built once per distinct configuration)."""
    backend = (settings.llm or "").strip().lower()
    if backend == "openai":
        if not settings.llm_base_url or not settings.llm_model:
            raise LLMConfigError(
                "PLANBOT_LLM=openai needs PLANBOT_LLM_BASE_URL (e.g. http://localhost:11434/v1) "
                "and PLANBOT_LLM_MODEL (the model or deployment name); see docs/llm.md"
            )
        key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else "not-needed"
        return _openai_like(settings.llm_base_url.rstrip("/"), settings.llm_model, key)
    if backend == "llamacpp":
        path = settings.llm_model_path
        if not path:
            raise LLMConfigError(
                "PLANBOT_LLM=llamacpp needs PLANBOT_LLM_MODEL_PATH, the path of a .gguf file"
            )
        path = Path(path).expanduser()
        if not path.is_file():
            raise LLMConfigError(f"PLANBOT_LLM_MODEL_PATH {path} is not a file")
        return _llama_cpp(str(path.resolve()))
    raise LLMConfigError(
        f"PLANBOT_LLM={settings.llm!r} is not a backend: use one of {', '.join(BACKENDS)}, or unset it"
    )


@lru_cache(maxsize=4)
def _openai_like(api_base: str, model: str, api_key: str) -> LLM:
    try:
        from llama_index.llms.openai_like import OpenAILike
    except ImportError as err:
        raise LLMConfigError(
            "PLANBOT_LLM=openai needs the package llama-index-llms-openai-like: "
            "pip install llama-index-llms-openai-like"
        ) from err
    return OpenAILike(
        api_base=api_base,
        model=model,
        api_key=api_key,
        is_chat_model=True,
        temperature=TEMPERATURE,
        max_tokens=MAX_OUTPUT_TOKENS,
        timeout=REQUEST_TIMEOUT_S,
        max_retries=1,
        context_window=CONTEXT_WINDOW,
    )


@lru_cache(maxsize=1)  # a GGUF is loaded into memory: keep one
def _llama_cpp(model_path: str) -> LLM:
    try:
        import llama_cpp  # noqa: F401 - the native bindings, checked first for a clear message
    except ImportError as err:
        raise LLMConfigError(
            "PLANBOT_LLM=llamacpp needs the package llama-cpp-python (CPU build): "
            "pip install llama-cpp-python llama-index-llms-llama-cpp"
        ) from err
    try:
        from llama_index.llms.llama_cpp import LlamaCPP
    except ImportError as err:
        raise LLMConfigError(
            "PLANBOT_LLM=llamacpp needs the package llama-index-llms-llama-cpp: pip install llama-index-llms-llama-cpp"
        ) from err
    return LlamaCPP(
        model_path=model_path,
        temperature=TEMPERATURE,
        max_new_tokens=MAX_OUTPUT_TOKENS,
        context_window=CONTEXT_WINDOW,
        verbose=False,
    )
