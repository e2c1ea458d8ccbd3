"""``planbot sync`` exits as ``planbot ingest`` does: 0 all read, 1 some skipped, 2 nothing.

Through the real command against the loopback committee system of
``moderngov_server.py`` (real downloads, real ingest): a file in the corpus the ingest
cannot read makes the sync exit 1 with the file listed (in text and in ``--json``), and
0 again once it is gone; a window with no meetings into an empty folder leaves nothing
to index, exit 2. A cron job or systemd timer sees each of these.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from moderngov_server import ModernGovServer, kent_system

from connectors.cli import cli

pytestmark = pytest.mark.store  # syncs and ingests through the configured store


@pytest.fixture(scope="module")
def server():
    s = ModernGovServer(kent_system(march=False))
    yield s
    s.close()


def _sync(server: ModernGovServer, root: Path, *extra: str):
    from assistant import config

    env = {
        "PLANBOT_DATA_DIR": str(root / "index"),
        "PLANBOT_CORPUS_DIR": str(root / "corpus"),
        "HF_HUB_OFFLINE": "1",
    }
    args = ["sync", "moderngov", server.url, "--committee", "county council", "--interval", "0"]
    config.get_settings.cache_clear()
    try:
        return CliRunner().invoke(cli, [*args, *extra], env=env)
    finally:
        config.get_settings.cache_clear()


def test_a_file_the_ingest_skips_makes_the_sync_exit_1(server, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    broken = corpus / "broken-paper.pdf"
    broken.write_bytes(b"%PDF-1.7\nthis is not a PDF at all\n")
    window = ("--since", "2025-01-01", "--until", "2025-03-31")
    result = _sync(server, tmp_path, *window)
    assert result.exit_code == 1, result.output
    assert "broken-paper.pdf" in result.output
    assert "skipped by the ingest" in result.output and "exit code 1" in result.output

    as_json = _sync(server, tmp_path, *window, "--json")
    assert as_json.exit_code == 1, as_json.output
    report = json.loads(as_json.output[: as_json.output.rindex("}") + 1])
    assert [Path(p["path"]).name for p in report["ingest"]["skipped"]] == ["broken-paper.pdf"]
    assert report["ingest"]["documents"]  # the synced papers were indexed all the same

    broken.unlink()
    again = _sync(server, tmp_path, *window)
    assert again.exit_code == 0, again.output


def test_nothing_to_index_exits_2(server, tmp_path: Path) -> None:
    result = _sync(server, tmp_path, "--since", "2020-01-01", "--until", "2020-01-31")
    assert result.exit_code == 2, result.output
    assert "nothing was indexed" in result.output
