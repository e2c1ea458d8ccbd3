"""Shared fixtures and the rules that sort the suite into layers.

Tests run the real pieces (the packaged MiniLM model, an embedded Chroma, BM25) on the
real documents; building that index takes ~20 s, so it is built once and shared
(``corpus_settings``). ``tests/unit`` needs none of it: hand-built documents, no model,
no Chroma.

``pytest --chroma-server`` runs the tests that open the index through the configured
store (marker ``store``) with the vectors in a real ``chroma run`` server on loopback
(``PLANBOT_CHROMA_URL``, set before any test builds its settings, and inherited by the
``planbot`` processes tests start); the rest have nothing a server would change and are
deselected. A test using one of the index fixtures below is marked ``store`` here; a
test that ingests by itself carries the marker in its file, and one that opens a Chroma
of its own choosing (embedded whatever the URL says, or its own server) carries
``own_store``. Without ``--chroma-server`` a test that opens a Chroma client in this
process while carrying neither marker fails, so the server pass cannot silently miss it.
"""

from __future__ import annotations

import functools
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from assistant.config import REPO_ROOT, Settings

CORPUS = REPO_ROOT / "corpus"

STORE_FIXTURES = frozenset({"corpus_settings", "slack_index_settings"})
"""Fixtures that build or open the index through the configured store; every test whose
fixtures include one (directly or through another fixture) is marked ``store``."""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--chroma-server",
        action="store_true",
        help="run the tests that touch the store (marker `store`) against a real `chroma run` "
        "server on loopback (PLANBOT_CHROMA_URL) instead of the embedded Chroma store; the "
        "others are deselected",
    )


def pytest_configure(config: pytest.Config) -> None:
    from vector_memo import VectorMemo

    from indexing import embedding

    if not isinstance(embedding.embed, VectorMemo):
        cache = getattr(config, "cache", None)  # None under -p no:cacheprovider
        folder = cache.mkdir("planbot-vectors") if cache is not None else None
        embedding.embed = VectorMemo(embedding.embed, folder)  # type: ignore[assignment]  # same call
    worker = getattr(config, "workerinput", None)
    if worker is not None and os.cpu_count() and int(worker["workercount"]) >= os.cpu_count():
        # As many workers as cores: one thread each, or their torch thread pools (one per
        # core each) fight for the cores and every encode slows several-fold. The
        # ``planbot`` processes a worker starts inherit it.
        os.environ.setdefault("OMP_NUM_THREADS", "1")
    if not config.getoption("--chroma-server"):
        return
    if worker is not None:
        # An xdist worker uses the controller's server (PLANBOT_CHROMA_URL, inherited);
        # its collections get a prefix of their own, so two workers' generations (named
        # by the millisecond they were built) can never share a collection on it.
        os.environ.setdefault("PLANBOT_COLLECTION", f"plan_items_{worker['workerid']}")
        return
    from chroma_server import start_chroma_server

    path = Path(tempfile.mkdtemp(prefix="planbot-chroma-server-"))
    url, server = start_chroma_server(path)
    os.environ["PLANBOT_CHROMA_URL"] = url
    config.stash[_SERVER] = (server, path)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if STORE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.store)
    _slow_files_first(items)
    if not config.getoption("--chroma-server"):
        return
    keep, dropped = [], []
    for item in items:
        runs = item.get_closest_marker("store") and not item.get_closest_marker("own_store")
        (keep if runs else dropped).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep


def _slow_files_first(items: list[pytest.Item]) -> None:
    """Files holding a ``slow`` test run first, each file's tests kept together and in
    order: under ``--dist loadfile`` a worker takes whole files in this order, so the
    long ones (the evaluation gates, the wheel, sync) start at once and the short ones
    fill in around them, instead of one long file starting last and running alone."""
    slow = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.path not in slow)


def pytest_unconfigure(config: pytest.Config) -> None:
    running = config.stash.get(_SERVER, None)
    if running is None:
        return
    from chroma_server import stop_chroma_server

    server, path = running
    stop_chroma_server(server)
    os.environ.pop("PLANBOT_CHROMA_URL", None)
    shutil.rmtree(path, ignore_errors=True)


class _ChromaWatch:
    """Counts the Chroma clients this process opens (``indexing.store.chroma_client``,
    the one way product code reaches Chroma), so a test that touches the store without
    saying so is caught."""

    def __init__(self) -> None:
        self.opened = 0

    def install(self) -> None:
        import indexing.store as store

        if getattr(store.chroma_client, "watched", False):
            return
        original: Callable[..., Any] = store.chroma_client

        @functools.wraps(original)
        def watched(*args: Any, **kwargs: Any) -> Any:
            self.opened += 1
            return original(*args, **kwargs)

        watched.watched = True  # type: ignore[attr-defined]  # a flag on the wrapper
        store.chroma_client = watched
        generation = sys.modules.get("indexing.generation")  # imported it by name already
        if generation is not None:
            generation.chroma_client = watched  # type: ignore[attr-defined]  # same signature


_WATCH = _ChromaWatch()
_OPENED_BEFORE = pytest.StashKey[int]()


def pytest_collection_finish(session: pytest.Session) -> None:
    if not session.config.getoption("--chroma-server"):
        _WATCH.install()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    item.stash[_OPENED_BEFORE] = _WATCH.opened


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):
    outcome = yield
    report = outcome.get_result()
    if call.when != "teardown" or item.config.getoption("--chroma-server"):
        return
    if item.get_closest_marker("store") or item.get_closest_marker("own_store"):
        return
    if _WATCH.opened > item.stash.get(_OPENED_BEFORE, _WATCH.opened):
        report.outcome = "failed"
        report.longrepr = (
            f"{item.nodeid} opened a Chroma client but is marked neither `store` (it uses the "
            "configured store: runs again with --chroma-server) nor `own_store` (it chooses "
            "its own Chroma: runs once); mark it, or the server pass would miss it"
        )


def pytest_report_header(config: pytest.Config) -> str:
    url = os.environ.get("PLANBOT_CHROMA_URL")
    return f"Chroma: server at {url}" if url else "Chroma: embedded store"


_SERVER = pytest.StashKey[tuple]()


@pytest.fixture(scope="session")
def corpus_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings whose index (in a temp folder) holds the whole shipped corpus."""
    from indexing.ingest import ingest

    data_dir = tmp_path_factory.mktemp("index")
    settings = Settings(data_dir=data_dir, corpus_dir=CORPUS)
    report = ingest(settings)
    assert report.changed and not report.skipped, report
    return settings


@pytest.fixture(scope="session")
def grounded_settings(corpus_settings: Settings) -> Settings:
    """The shipped-corpus index with no LLM, whatever ``PLANBOT_LLM`` says: grounded answers only."""
    return corpus_settings.model_copy(update={"llm": None})


@pytest.fixture(scope="session")
def grounded_assistant(grounded_settings: Settings):
    from assistant.answering.router import Assistant

    return Assistant(grounded_settings)


@pytest.fixture(scope="session")
def assistant(corpus_settings: Settings):
    from assistant.answering.router import Assistant

    return Assistant(corpus_settings)


@pytest.fixture(scope="session")
def meetings_assistant(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """An assistant over the synced committee system (``evals/corpus-meetings``) for a
    public asker, in its own embedded Chroma whatever PLANBOT_CHROMA_URL says (tests
    using it are ``own_store``)."""
    from assistant import config
    from assistant.answering.router import Assistant
    from indexing.ingest import ingest

    config.get_settings.cache_clear()
    settings = config.get_settings().model_copy(
        update={
            "corpus_dir": REPO_ROOT / "evals" / "corpus-meetings",
            "data_dir": tmp_path_factory.mktemp("meetings-index"),
            "chroma_url": None,
            "default_access": ["public"],
        }
    )
    ingest(settings)
    yield Assistant(settings)
    config.get_settings.cache_clear()


@pytest.fixture()
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped corpus, for tests that edit or break files."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target
