"""Crash-safe index updates: an ingest killed at any step loses nothing.

A real ``planbot ingest`` runs in a child process and is killed with SIGKILL — no
cleanup, no ``finally`` — at each named step of a build (``PLANBOT_FAULT_POINT``, see
``indexing.generation.FAULT_POINTS``) and at a random moment while it is building. After
each kill:

* ``planbot ask`` still answers, from the last complete index (the old rating);
* the next ingest completes, answers with the new rating, and leaves no half-built
  generation behind.

The corpus is two real documents, so each killed ingest takes a few seconds.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.config import REPO_ROOT, Settings
from indexing.generation import FAULT_POINT_ENV, FAULT_POINTS
from indexing.ingest import ingest
from indexing.store import current_generation

# `planbot` processes build through the configured store, each loading the model.
pytestmark = [pytest.mark.store, pytest.mark.slow]

FILES = ("council-plan-delivery-update-q2-2017.txt", "regenerationmk-2030-progress-dec-2017.txt")
ROW_12_1 = "Final strategy to be presented to March 2018 Cabinet.\tAM\tDS\tLG\tG\t↔"
QUESTION = "how is 12.1 rated?"

# Figures quoted in docs/security.md ("faults injected"): keep them in step.
RANDOM_KILLS = 1


@pytest.fixture()
def small_index(tmp_path: Path) -> Settings:
    """A two-document corpus, indexed once; its 12.1 row is then edited from G to R."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in (*FILES, "manifest.yaml"):
        shutil.copy(REPO_ROOT / "corpus" / name, corpus / name)
    settings = Settings(data_dir=tmp_path / "index", corpus_dir=corpus)
    assert ingest(settings).changed
    q2 = corpus / FILES[0]
    text = q2.read_text(encoding="utf-8")
    assert text.count(ROW_12_1) == 1
    q2.write_text(text.replace(ROW_12_1, ROW_12_1.replace("\tG\t", "\tR\t")), encoding="utf-8")
    return settings


def _env(settings: Settings, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != FAULT_POINT_ENV}
    return {
        **env,
        "PLANBOT_DATA_DIR": str(settings.data_dir),
        "PLANBOT_CORPUS_DIR": str(settings.corpus_dir),
        "PYTHONPATH": str(REPO_ROOT),
        **extra,
    }


def _ingest_command(settings: Settings) -> list[str]:
    return [
        sys.executable,
        "-c",
        "from connectors.cli import main; main()",
        "ingest",
        str(settings.corpus_dir),
    ]


def ask_cli(settings: Settings) -> dict:
    """``planbot ask --json`` as typed, on this index."""
    from assistant import config
    from connectors.cli import cli

    config.get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli, ["ask", "--json", QUESTION], env=_env(settings))
    finally:
        config.get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def rating_of_12_1(answer: dict) -> str:
    [item] = [i for i in answer["items"] if i["ref"] == "12.1"][:1]
    return item["rating"]


def assert_recovers(settings: Settings, old_generation: str) -> None:
    """After a kill: the old index answers; the next ingest completes and cleans up."""
    answer = ask_cli(settings)
    assert answer["answered"] and rating_of_12_1(answer) == "G", answer["answer"]
    assert answer["metadata"]["index_generation"] == old_generation

    report = ingest(settings)
    assert report.changed and not report.skipped
    answer = ask_cli(settings)
    assert answer["answered"] and rating_of_12_1(answer) == "R", answer["answer"]
    assert answer["metadata"]["index_generation"] == report.generation != old_generation
    assert not list(settings.data_dir.glob(".building-*")), (
        "a half-built generation was left behind"
    )


@pytest.mark.parametrize("step", FAULT_POINTS)
def test_ingest_killed_at_each_step_loses_nothing(small_index: Settings, step: str) -> None:
    old = current_generation(small_index.data_dir)
    proc = subprocess.run(
        _ingest_command(small_index),
        env=_env(small_index, **{FAULT_POINT_ENV: step}),
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == -signal.SIGKILL, (proc.returncode, proc.stderr[-2000:])
    if step == "pointed":
        # Killed after the switch: the new index is complete and already answering.
        assert ask_cli(small_index)["metadata"]["index_generation"] != old
        assert rating_of_12_1(ask_cli(small_index)) == "R"
        assert ingest(small_index).changed is False  # nothing left to do
        return
    assert current_generation(small_index.data_dir) == old
    assert_recovers(small_index, old)


@pytest.mark.parametrize("seed", range(RANDOM_KILLS))
def test_ingest_killed_at_a_random_moment_while_building_loses_nothing(
    small_index: Settings, seed: int
) -> None:
    """No hook: the build is killed a random time after its folder appears."""
    old = current_generation(small_index.data_dir)
    delay = random.Random(seed).uniform(0.0, 1.5)
    proc = subprocess.Popen(
        _ingest_command(small_index),
        env=_env(small_index),
        cwd=REPO_ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 240
        while not list(small_index.data_dir.glob(".building-*")) and proc.poll() is None:
            assert time.monotonic() < deadline, "the ingest never started building"
            time.sleep(0.01)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    if current_generation(small_index.data_dir) != old:
        # The build switched CURRENT before the kill landed: the new index must be whole.
        assert rating_of_12_1(ask_cli(small_index)) == "R"
        assert ingest(small_index).changed is False
        return
    assert_recovers(small_index, old)
