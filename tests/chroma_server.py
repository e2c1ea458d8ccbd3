"""A real ``chroma run`` server on a free loopback port, for tests of server mode.

Used by ``tests/test_chroma_server.py`` (its own server, next to the embedded store)
and by ``pytest --chroma-server`` (conftest.py), which runs the whole suite with
``PLANBOT_CHROMA_URL`` pointing at one.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


class ChromaServerError(RuntimeError):
    """The server did not come up; the message holds the end of its log."""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _heartbeat(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def start_chroma_server(path: Path, timeout: float = 60) -> tuple[str, subprocess.Popen]:
    """Start ``chroma run`` with its data in ``path``; returns its URL once it answers."""
    path.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log = open(path / "server.log", "w")
    # The chromadb package's own CLI, from this interpreter (= `chroma run …`).
    command = [
        sys.executable,
        "-c",
        "import sys; from chromadb.cli.cli import app; sys.argv[0] = 'chroma'; app()",
        "run",
        "--path",
        str(path / "data"),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    log.close()
    deadline = time.monotonic() + timeout
    while not _heartbeat(url):
        if server.poll() is not None or time.monotonic() > deadline:
            stop_chroma_server(server)
            raise ChromaServerError(
                f"chroma run did not start: {(path / 'server.log').read_text()[-2000:]}"
            )
        time.sleep(0.2)
    return url, server


def stop_chroma_server(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
