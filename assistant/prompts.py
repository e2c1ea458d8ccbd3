"""Prompt and reply templates, read from the folder ``PLANBOT_PROMPTS_DIR`` names.

By default that is the ``prompts`` package installed with Plan Assistant (the repository's
top-level ``prompts/``, shipped in the wheel as package data).

The wording a councillor or a model sees is kept out of the code so an officer can
change it without a release: ``*.md`` files are ``string.Template`` texts (``$name``
placeholders, ``$$`` for a dollar sign) and ``*.yaml`` files hold named short phrases.
An HTML comment at the top of a template documents its placeholders and is not part
of the text. A missing placeholder is an error, not a silent blank.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from string import Template

import yaml

_LEADING_COMMENT = re.compile(r"\A\s*<!--.*?-->\s*\n?", re.S)


class TemplateError(RuntimeError):
    """A prompt file is missing, or lacks a phrase the code asks for."""


@lru_cache(maxsize=64)
def _read(path: Path, mtime: float) -> str:  # mtime in the key: an edited file is reread
    return _LEADING_COMMENT.sub("", path.read_text(encoding="utf-8"), count=1)


def _text(prompts_dir: Path, name: str) -> str:
    path = Path(prompts_dir) / name
    if not path.is_file():
        raise TemplateError(f"prompt file {path} is missing (PLANBOT_PROMPTS_DIR={prompts_dir})")
    return _read(path, path.stat().st_mtime)


def render(prompts_dir: Path, name: str, **values: object) -> str:
    """Fill ``prompts_dir/name`` (a ``string.Template``) with ``values``."""
    try:
        return Template(_text(prompts_dir, name)).substitute({k: str(v) for k, v in values.items()})
    except KeyError as err:
        raise TemplateError(f"{name} uses ${err.args[0]}, which the code does not supply") from err


class Phrases:
    """Named short templates from one YAML file, e.g. ``prompts/draft_phrases.yaml``."""

    def __init__(self, prompts_dir: Path, name: str) -> None:
        self.name = name
        data = yaml.safe_load(_text(prompts_dir, name)) or {}
        if not isinstance(data, dict):
            raise TemplateError(f"{name} must be a mapping of phrase names to texts")
        self._phrases = {str(k): str(v) for k, v in data.items()}

    def __call__(self, key: str, **values: object) -> str:
        try:
            template = self._phrases[key]
        except KeyError as err:
            raise TemplateError(f"{self.name} has no phrase '{key}'") from err
        try:
            return Template(template).substitute({k: str(v) for k, v in values.items()})
        except KeyError as err:
            raise TemplateError(
                f"{self.name}:{key} uses ${err.args[0]}, which the code does not supply"
            ) from err
