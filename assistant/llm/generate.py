"""Optional LLM rephrasing of a grounded answer — which is checked, and falls back.

``generate_answer`` shows a model the question and the grounded answer's numbered
sources (and nothing else), asks for a short answer citing them with ``[n]``, then
runs ``claim_check`` over the reply: sentences citing nothing, citing a source that
does not exist, or stating a number, date, rating or name their cited sources do not
hold are dropped. If nothing cited is left, or more than ``MAX_DROPPED_SHARE`` of the
reply was dropped, or the model cannot be reached, the grounded answer is returned
unchanged. ``answer.metadata`` always says which happened (``generated``,
``dropped_sentences``, ``fallback_reason``), so a reader and the evals can tell.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from assistant.config import Settings
from assistant.llm import claim_check
from assistant.llm.backends import LLMConfigError, configured, make_llm
from assistant.llm.sources import Source, build_sources
from assistant.models import Answer
from assistant.prompts import render

if TYPE_CHECKING:
    from llama_index.core.llms import LLM

log = logging.getLogger(__name__)

MAX_DROPPED_SHARE = 0.5
"""More than this share of sentences dropped means the model wandered: use the grounded answer."""

__all__ = ["LLMConfigError", "MAX_DROPPED_SHARE", "build_messages", "generate_answer"]


def build_messages(
    grounded: Answer, sources: list[Source], settings: Settings
) -> list[tuple[str, str]]:
    """(role, content) pairs: the system rules and the question with its numbered sources only."""
    system = render(settings.prompts_dir, "llm_system.md").strip()
    user = render(
        settings.prompts_dir,
        "llm_answer.md",
        question=grounded.question,
        sources="\n\n".join(s.text for s in sources),
    ).strip()
    return [("system", system), ("user", user)]


def generate_answer(grounded: Answer, settings: Settings, *, llm: LLM | None = None) -> Answer:
    """The grounded answer reworded by the configured LLM, checked; or the grounded answer.

    ``llm`` overrides the one built from ``settings`` (for a caller that holds its own).
    Raises ``LLMConfigError`` when ``PLANBOT_LLM`` names a backend that cannot be built —
    a setup mistake is reported, not hidden behind a silent fallback.
    """
    if llm is None and not configured(settings):
        return _grounded(grounded, "PLANBOT_LLM is not set")
    if not grounded.answered or not grounded.citations:
        return _grounded(grounded, "nothing to rephrase: the grounded answer has no sources")
    model = llm or make_llm(settings)
    sources = build_sources(grounded, settings.prompts_dir)
    messages = build_messages(grounded, sources, settings)
    started = time.perf_counter()
    try:
        reply = _chat(model, messages)
    except LLMConfigError:
        raise
    except Exception as err:  # noqa: BLE001 - any transport or server error: answer from the documents
        log.warning("LLM call failed, using the grounded answer: %s", type(err).__name__)
        return _grounded(grounded, f"the model could not be reached: {type(err).__name__}")
    elapsed_ms = round((time.perf_counter() - started) * 1000, 1)
    result = claim_check.check(
        reply,
        [claim_check.CheckSource(n=s.n, text=s.text, ratings=s.ratings) for s in sources],
        question=grounded.question,
    )
    dropped = [v.model_dump() for v in result.dropped]
    reason = _fallback_reason(result)
    if reason:
        answer = _grounded(grounded, reason)
        answer.metadata.update(dropped_sentences=dropped, llm_ms=elapsed_ms)
        return answer
    answer = grounded.model_copy(deep=True)
    answer.answer = result.text
    answer.metadata.update(
        generated=True,
        dropped_sentences=dropped,
        fallback_reason=None,
        llm_ms=elapsed_ms,
        grounded_answer=grounded.answer,
    )
    return answer


def _chat(model: LLM, messages: list[tuple[str, str]]) -> str:
    from llama_index.core.llms import ChatMessage

    response = model.chat([ChatMessage(role=role, content=content) for role, content in messages])
    return (response.message.content or "").strip()


def _fallback_reason(result: claim_check.CheckResult) -> str | None:
    total = len(result.verdicts)
    if not total:
        return "the model returned no text"
    if not any(v.cited for v in result.verdicts):
        return "the model cited no sources"
    if not any(v.kept and v.cited for v in result.verdicts):
        return "no sentence of the model's reply was supported by its sources"
    share = len(result.dropped) / total
    if share > MAX_DROPPED_SHARE:
        return f"{len(result.dropped)} of {total} sentences failed the check"
    return None


def _grounded(grounded: Answer, reason: str) -> Answer:
    answer = grounded.model_copy(deep=True)
    answer.metadata.update(generated=False, dropped_sentences=[], fallback_reason=reason)
    return answer
