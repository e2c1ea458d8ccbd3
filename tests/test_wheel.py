"""The wheel carries everything Plan Assistant needs to run outside its source checkout.

The wheel is built (from the sdist, as `python -m build` does), installed with
``--no-deps`` into a fresh venv that takes its dependencies from this machine
(``--system-site-packages``), and the venv's ``planbot`` is run from an empty folder:
``ingest`` indexes the sample corpus shipped as package data, ``ask`` answers with a
cited source, ``draft`` fills the packaged prompt templates, and ``eval`` says clearly
that the evals' own corpora live in the checkout only.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]


def _run(args: list[str], cwd: Path, env: dict[str, str], timeout: int = 600) -> str:
    """Run a command, failing the test with its output when it does not exit 0."""
    done = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert done.returncode == 0, f"{args} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> tuple[Path, Path, dict[str, str]]:
    """(the venv, an empty working folder, the environment) with the wheel installed."""
    if request.config.getoption("--chroma-server"):
        pytest.skip("packaging does not depend on the store: checked in the embedded pass")
    work = tmp_path_factory.mktemp("wheel")
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("PLANBOT_") and k not in ("PYTHONPATH", "VIRTUAL_ENV")
    }
    env |= {"HF_HUB_OFFLINE": "1", "PLANBOT_DATA_DIR": str(work / "data")}
    dist = work / "dist"
    _run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist), str(ROOT)],
        work,
        env,
    )
    (wheel,) = dist.glob("*.whl")
    venv = work / "venv"
    _run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], work, env)
    # --ignore-installed: this machine's editable install of the checkout is visible
    # through the system site-packages; the wheel goes into the venv beside it.
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--no-deps"]
    _run([*pip, "--ignore-installed", str(wheel)], work, env)
    folder = work / "elsewhere"
    folder.mkdir()
    return venv, folder, env


def test_the_venv_imports_the_wheel_not_the_checkout(
    installed: tuple[Path, Path, dict[str, str]],
) -> None:
    # The editable install's finder would supply a package the wheel lacks from the
    # checkout, so every package and both data folders must resolve inside the venv.
    venv, folder, env = installed
    script = (
        "import json, assistant, connectors, corpus, evals, indexing, prompts\n"
        "from assistant.config import Settings\n"
        "s = Settings()\n"
        "mods = [assistant, connectors, corpus, evals, indexing, prompts]\n"
        "print(json.dumps([m.__file__ for m in mods] + [str(s.corpus_dir), str(s.prompts_dir)]))"
    )
    paths = json.loads(_run([str(venv / "bin" / "python"), "-c", script], folder, env))
    outside = [p for p in paths if not Path(p).resolve().is_relative_to(venv.resolve())]
    assert not outside, f"loaded from outside the venv: {outside}"


def test_ingest_ask_and_draft_from_another_folder(
    installed: tuple[Path, Path, dict[str, str]],
) -> None:
    venv, folder, env = installed
    planbot = str(venv / "bin" / "planbot")
    shipped = sorted(p.name for p in (ROOT / "corpus").glob("*.txt"))

    report = json.loads(_run([planbot, "ingest", "--json"], folder, env))
    indexed = sorted(Path(d["path"]).name for d in report["documents"])
    assert indexed == shipped, report
    assert not report["skipped"], report["skipped"]  # the package marker is not a document

    answer = _run([planbot, "ask", "who owns 12.1?"], folder, env)
    assert "[1]" in answer and "\nSources\n" in answer, answer
    sources = answer.split("\nSources\n", 1)[1]
    assert "ref 12.1" in sources and str(venv.resolve()) in sources, sources

    phrases = yaml.safe_load((ROOT / "prompts" / "draft_phrases.yaml").read_text(encoding="utf-8"))
    reply = _run([planbot, "draft", "Who owns 12.1?"], folder, env)
    assert reply.startswith(phrases["greeting_default"]), reply
    assert phrases["opening"] in reply and "[1]" in reply, reply
    assert not (folder / ".planbot").exists()  # the index went where PLANBOT_DATA_DIR says


def test_eval_says_its_own_corpora_are_in_the_checkout(
    installed: tuple[Path, Path, dict[str, str]],
) -> None:
    venv, folder, env = installed
    done = subprocess.run(
        [str(venv / "bin" / "planbot"), "eval", "--no-generated"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode != 0, done.stdout
    assert "come with the source checkout" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
