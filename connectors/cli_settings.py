"""The settings every ``planbot`` command starts from, or one clear line saying which
``PLANBOT_*`` value is wrong (exit code 1), never a pydantic traceback."""

from __future__ import annotations

import click

from assistant.config import Settings, get_settings


def load_settings() -> Settings:
    try:
        return get_settings()
    except Exception as err:  # pydantic ValidationError: a bad PLANBOT_* value
        raise click.ClickException(f"configuration: {err}") from err
