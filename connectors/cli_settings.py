"""The settings every ``planbot`` command starts from, or one clear line saying which
``PLANBOT_*`` value is wrong (exit code 1), never a pydantic traceback."""

from __future__ import annotations

import click

from assistant import config
from assistant.config import Settings, SettingsError


def load_settings() -> Settings:
    try:
        return config.load_settings()
    except SettingsError as err:
        raise click.ClickException(str(err)) from err
