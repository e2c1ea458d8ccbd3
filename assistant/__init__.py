"""Plan Assistant's library API: the CLI, Slack and the evals only call this.

from assistant import Assistant
answer = Assistant().ask("who owns 12.1?")   # -> assistant.models.Answer
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.answering.router import Assistant as Assistant


def __getattr__(name: str) -> Any:
    # Lazy, so `planbot --help` does not import torch.
    if name == "Assistant":
        from assistant.answering.router import Assistant

        return Assistant
    raise AttributeError(name)
