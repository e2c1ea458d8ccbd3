"""Server mode: ``PLANBOT_CHROMA_URL`` puts the vectors in a real ``chroma run`` server.

A Chroma server is started on a free loopback port for this module; the shipped corpus
is ingested into it and must give the same answers as the embedded store, incremental
ingest must still embed only what changed, and old generations' collections must be
deleted from the server when their folders are pruned.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from chroma_server import ChromaServerError, start_chroma_server, stop_chroma_server
from conftest import CORPUS

from assistant.config import Settings

# Its own server beside the embedded store: nothing for the --chroma-server pass to add.
pytestmark = [pytest.mark.slow, pytest.mark.own_store]

PREFIX = "plan_items_servertest"

# Questions of every kind; the server must answer each exactly as the embedded store does.
QUESTIONS = [
    "what's the latest on the one stop shop for homeless people?",
    "how is 12.1 rated and who owns it?",
    "which commitments are amber?",
    "what is Cllr Nigel Long responsible for?",
    "what are we doing about rats?",
    "what is the 2025/26 budget?",
]


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real ``chroma run`` on 127.0.0.1:FREE_PORT, stopped at teardown."""
    try:
        url, server = start_chroma_server(tmp_path_factory.mktemp("chroma-server"))
    except ChromaServerError as err:
        pytest.fail(str(err))
    try:
        yield url
    finally:
        stop_chroma_server(server)


def _server(url: str):
    from assistant.config import Settings as S
    from indexing.store import chroma_client

    return chroma_client(S(chroma_url=url), Path("."))


def _collections(url: str, prefix: str) -> set[str]:
    return {c.name for c in _server(url).list_collections() if c.name.startswith(prefix + "_")}


@pytest.fixture(scope="module")
def server_settings(chroma_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    from indexing.ingest import ingest

    settings = Settings(
        data_dir=tmp_path_factory.mktemp("server-index"),
        corpus_dir=CORPUS,
        chroma_url=chroma_url,
        collection=PREFIX,
    )
    report = ingest(settings)
    assert report.changed and not report.skipped and report.embedded > 0, report
    return settings


@pytest.fixture(scope="module")
def server_assistant(server_settings: Settings):
    from assistant.answering.router import Assistant

    return Assistant(server_settings)


def test_the_vectors_live_in_the_server_not_in_the_folder(
    server_settings: Settings, chroma_url: str
) -> None:
    from indexing.store import IndexStore

    store = IndexStore.open(server_settings)
    assert _collections(chroma_url, PREFIX) == {f"{PREFIX}_{store.generation}"}
    assert not (store.dir / "chroma").exists()
    assert store.collection.count() == sum(r.items + r.passages for r in store.state.files.values())


def test_status_answer_from_the_server(server_assistant) -> None:
    answer = server_assistant.ask("what's the latest on the one stop shop for homeless people?")
    assert answer.answered and answer.intent == "status"
    assert (answer.citations[0].ref, answer.citations[0].document_id) == (
        "3.2",
        "council-plan-delivery-update-q2-2017",
    )
    assert "Green/Amber" in answer.answer and "Michael Kelleher" in answer.answer


def test_amber_list_is_exact_on_the_server(server_assistant) -> None:
    answer = server_assistant.ask("which commitments are amber?")
    assert answer.metadata["count"] == 8
    assert answer.answer.startswith("8 items are rated Amber")


def test_abstains_on_the_server(server_assistant) -> None:
    answer = server_assistant.ask("what is the 2025/26 budget?")
    assert not answer.answered


@pytest.mark.parametrize("question", QUESTIONS)
def test_same_answer_as_the_embedded_store(server_assistant, assistant, question: str) -> None:
    on_server, embedded = server_assistant.ask(question), assistant.ask(question)
    assert on_server.answer == embedded.answer
    assert on_server.answered == embedded.answered
    assert [c.model_dump() for c in on_server.citations] == [
        c.model_dump() for c in embedded.citations
    ]


def test_short_eval_scores_the_same_as_the_embedded_store(server_assistant, assistant) -> None:
    """Every 6th question of the hand-written eval set, scored by the real eval runner
    against both stores: the same answers, the same checks, the same pass count."""
    from evals.runner import run_sets
    from evals.sets import load_sets

    (handwritten,) = load_sets(["handwritten"])
    subset = [q for q in handwritten.questions if "draft" not in q.tags][::6]
    short = handwritten.model_copy(update={"questions": subset})
    on_server = run_sets(server_assistant, [short], "server")
    embedded = run_sets(assistant, [short], "embedded")
    assert len(on_server) == len(subset) >= 20
    assert not [r.id for r in on_server if r.error], [r.error for r in on_server if r.error]
    for server_result, embedded_result in zip(on_server, embedded, strict=True):
        assert server_result.answer == embedded_result.answer, server_result.id
        assert server_result.checks == embedded_result.checks, server_result.id
    passed = sum(r.passed for r in on_server)
    assert passed == sum(r.passed for r in embedded) and passed > len(subset) // 2


def test_second_ingest_embeds_nothing(server_settings: Settings, chroma_url: str) -> None:
    from indexing.ingest import ingest
    from indexing.store import current_generation

    before = current_generation(server_settings.data_dir)
    again = ingest(server_settings)
    assert not again.changed and again.embedded == 0
    assert again.generation == before
    assert _collections(chroma_url, PREFIX) == {f"{PREFIX}_{before}"}


def test_edits_reuse_vectors_from_the_server_and_old_generations_are_pruned(
    chroma_url: str, tmp_path: Path, corpus_copy: Path
) -> None:
    from assistant.answering.router import Assistant
    from indexing.ingest import ingest
    from indexing.store import KEEP_GENERATIONS, current_generation

    keep = {"council-plan-commitments-2020.txt", "manifest.yaml"}
    for path in corpus_copy.iterdir():
        if path.name not in keep:
            path.unlink()
    prefix = f"{PREFIX}_edits"
    settings = Settings(
        data_dir=tmp_path / "index",
        corpus_dir=corpus_copy,
        chroma_url=chroma_url,
        collection=prefix,
    )
    plan = corpus_copy / "council-plan-commitments-2020.txt"
    original = plan.read_text(encoding="utf-8")

    generations = [ingest(settings).generation]
    for n, verb in enumerate(["Halve", "Quarter", "End"], start=1):
        plan.write_text(
            original.replace("Reduce the rat population", f"{verb} the rat population"),
            encoding="utf-8",
        )
        report = ingest(settings)
        assert report.changed and report.embedded == 1, report  # only item 26's text changed
        generations.append(report.generation)
        kept = generations[-KEEP_GENERATIONS:]
        assert _collections(chroma_url, prefix) == {f"{prefix}_{g}" for g in kept}, (
            f"after edit {n}"
        )
        assert sorted(p.name for p in settings.data_dir.glob("gen-*")) == kept

    assert current_generation(settings.data_dir) == generations[-1]
    answer = Assistant(settings).ask("what are we doing about rats?")
    assert answer.answered and "End the rat population" in answer.answer


def test_a_failed_build_leaves_no_collection_behind(
    chroma_url: str, tmp_path: Path, corpus_copy: Path, monkeypatch
) -> None:
    from indexing import generation
    from indexing.ingest import ingest

    for path in corpus_copy.iterdir():
        if path.name not in {"council-plan-commitments-2020.txt", "manifest.yaml"}:
            path.unlink()
    prefix = f"{PREFIX}_failed"
    settings = Settings(
        data_dir=tmp_path / "index",
        corpus_dir=corpus_copy,
        chroma_url=chroma_url,
        collection=prefix,
    )

    def broken_bm25(nodes, path, previous):
        raise OSError("disk full")

    monkeypatch.setattr(generation, "write_bm25", broken_bm25)
    with pytest.raises(OSError):
        ingest(settings)
    monkeypatch.undo()
    report = ingest(settings)  # the next ingest clears what the failed one left
    assert _collections(chroma_url, prefix) == {f"{prefix}_{report.generation}"}
    shutil.rmtree(tmp_path / "index", ignore_errors=True)
