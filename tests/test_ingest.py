"""Ingest: incremental by content hash, bad files skipped with a reason, the index safe."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answering.router import Assistant
from assistant.config import Settings
from indexing.ingest import ingest
from indexing.store import IndexStore, current_generation

pytestmark = pytest.mark.store  # ingests through the configured store

Q2_FILE = "council-plan-delivery-update-q2-2017.txt"


@pytest.fixture()
def small_corpus(tmp_path: Path, corpus_copy: Path) -> Path:
    """Two real documents (a table plan and a prose document) with the real manifest."""
    keep = {
        "council-plan-commitments-2020.txt",
        "what-makes-us-mk-city-council.txt",
        "manifest.yaml",
    }
    for path in corpus_copy.iterdir():
        if path.name not in keep:
            path.unlink()
    return corpus_copy


def settings_for(tmp_path: Path, corpus: Path) -> Settings:
    return Settings(data_dir=tmp_path / "index", corpus_dir=corpus)


def test_second_ingest_embeds_nothing_and_editing_one_file_reembeds_only_its_nodes(
    tmp_path: Path, small_corpus: Path
) -> None:
    settings = settings_for(tmp_path, small_corpus)
    first = ingest(settings)
    nodes = sum(d.items + d.passages + d.table_rows for d in first.documents)
    assert first.changed and first.documents[0].items == 66 and first.embedded == nodes
    again = ingest(settings)
    assert not again.changed and again.embedded == 0
    assert again.generation == first.generation

    plan = small_corpus / "council-plan-commitments-2020.txt"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(
        text.replace("Reduce the rat population", "Halve the rat population"), encoding="utf-8"
    )
    edited = ingest(settings)
    assert edited.changed and edited.embedded == 1  # only commitment 26's text changed
    statuses = {d.path.rsplit("/", 1)[-1]: d.status for d in edited.documents}
    assert statuses == {
        "council-plan-commitments-2020.txt": "changed",
        "what-makes-us-mk-city-council.txt": "unchanged",
    }
    store = IndexStore.open(settings)
    rats = store.get(where={"ref": "26"})
    assert rats[0].item().commitment.startswith("Halve the rat population")


def test_deleted_file_drops_its_items(tmp_path: Path, small_corpus: Path) -> None:
    settings = settings_for(tmp_path, small_corpus)
    ingest(settings)
    prose = "what-makes-us-mk-city-council"
    assert IndexStore.open(settings).get(where={"plan_document": prose})  # there before
    (small_corpus / f"{prose}.txt").unlink()
    report = ingest(settings)
    assert report.changed and [Path(p).name for p in report.removed] == [f"{prose}.txt"]
    store = IndexStore.open(settings)
    assert store.get(where={"plan_document": prose}) == []
    assert (
        len(
            store.get(
                where={
                    "$and": [
                        {"plan_document": "council-plan-commitments-2020"},
                        {"node_kind": "item"},
                    ]
                }
            )
        )
        == 66
    )


def test_a_mirrored_index_follows_its_folder_when_the_folder_moves(
    tmp_path: Path, small_corpus: Path
) -> None:
    """Ingesting another folder keeps the papers of the first; a mirrored index (an
    evaluation corpus's own) holds only its folder's papers, under their own ids, when the
    same papers are read from a new place (a checkout that moved)."""
    import shutil

    moved = tmp_path / "moved-checkout"
    shutil.copytree(small_corpus, moved)
    ids = ["council-plan-commitments-2020", "what-makes-us-mk-city-council"]

    def indexed(settings: Settings) -> list[str]:
        return sorted(d.id for d in IndexStore.open(settings).documents)

    added = settings_for(tmp_path / "added", small_corpus)
    ingest(added)
    ingest(added, [moved])  # another folder: its copies join the index under new ids
    assert len(indexed(added)) == 4

    mirrored = settings_for(tmp_path / "mirrored", small_corpus)
    ingest(mirrored, mirror=True)
    at_new_place = mirrored.model_copy(update={"corpus_dir": moved})
    report = ingest(at_new_place, mirror=True)
    assert report.changed and sorted(Path(p).name for p in report.removed) == sorted(
        f"{i}.txt" for i in ids
    )
    assert indexed(at_new_place) == ids
    again = ingest(at_new_place, mirror=True)
    assert not again.changed and again.embedded == 0


BAD_FILES: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "empty"),
    "binary.txt": (b"\x00\x01\x02binary\x00data" * 20, "binary"),
    "latin1.txt": ("Café budget: £5m".encode("latin-1"), "UTF-8"),
    "sheet.xlsx": (b"PK\x03\x04 not really a spreadsheet", "not a valid xlsx"),
    "notes.odt": (b"PK\x03\x04 an OpenDocument text", "unsupported"),
    "broken.pdf": (b"%PDF-1.7\n1 0 obj << /Type /Catalog", "PDF"),
    "broken.docx": (b"this is not a zip file", "DOCX"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_is_reported_and_skipped_and_nothing_else_is_lost(
    tmp_path: Path, small_corpus: Path, name: str
) -> None:
    settings = settings_for(tmp_path, small_corpus)
    content, reason = BAD_FILES[name]
    (small_corpus / name).write_bytes(content)
    report = ingest(settings)
    assert [p.path.rsplit("/", 1)[-1] for p in report.skipped] == [name]
    assert reason.lower() in report.skipped[0].reason.lower()
    assert len(report.documents) == 2
    assert Assistant(settings).ask("any news on the rats in CMK?").citations[0].ref == "26"


def test_file_that_breaks_after_indexing_keeps_its_previous_version(
    tmp_path: Path, small_corpus: Path
) -> None:
    settings = settings_for(tmp_path, small_corpus)
    ingest(settings)
    (small_corpus / "council-plan-commitments-2020.txt").write_bytes(b"\xff\xfe\x00garbage")
    report = ingest(settings)
    assert report.skipped[0].kept_previous
    plan_items = {
        "$and": [{"plan_document": "council-plan-commitments-2020"}, {"node_kind": "item"}]
    }
    assert len(IndexStore.open(settings).get(where=plan_items)) == 66


def test_no_index_yet_is_a_clear_error(tmp_path: Path) -> None:
    from indexing.store import IndexMissing

    with pytest.raises(IndexMissing, match="planbot ingest"):
        IndexStore.open(Settings(data_dir=tmp_path / "nothing"))
    assert current_generation(tmp_path / "nothing") is None


def test_file_without_manifest_entry_gets_a_title_from_its_text(
    tmp_path: Path, small_corpus: Path
) -> None:
    (small_corpus / "cabinet-briefing.md").write_text(
        "Cabinet briefing on libraries\n\nThe council runs nine libraries across the city.\n",
        encoding="utf-8",
    )
    report = ingest(settings_for(tmp_path, small_corpus))
    titles = {d.path.rsplit("/", 1)[-1]: d.title for d in report.documents}
    assert titles["cabinet-briefing.md"] == "Cabinet briefing on libraries"


def test_an_index_from_an_older_version_is_upgraded_by_the_next_ingest_without_embedding(
    tmp_path: Path, small_corpus: Path
) -> None:
    """A generation without nodes.sqlite (format 1) says what to do, and `planbot ingest`
    over unchanged files rebuilds it from the old vectors instead of saying "nothing changed"."""
    import json

    from indexing.node_table import FILE
    from indexing.store import IndexMissing

    settings = settings_for(tmp_path, small_corpus)
    first = ingest(settings)
    old = IndexStore.open(settings)
    (old.dir / FILE).unlink()
    state = json.loads((old.dir / "state.json").read_text(encoding="utf-8"))
    del state["format"]
    (old.dir / "state.json").write_text(json.dumps(state), encoding="utf-8")

    with pytest.raises(IndexMissing, match="older Plan Assistant.*planbot ingest"):
        Assistant(settings).ask("what are we doing about rats?")
    upgraded = ingest(settings)
    assert upgraded.changed and upgraded.embedded == 0 and upgraded.generation != first.generation
    answer = Assistant(settings).ask("what are we doing about rats?")
    assert answer.answered and answer.citations[0].ref == "26"


def test_a_paper_relabelled_in_the_manifest_is_read_again(
    tmp_path: Path, small_corpus: Path
) -> None:
    """Same bytes, new label: the index must not go on serving it under the old one."""
    settings = settings_for(tmp_path, small_corpus)
    ingest(settings)
    manifest = small_corpus / "manifest.yaml"
    text = manifest.read_text(encoding="utf-8")
    marker = "  what-makes-us-mk-city-council.txt:\n"
    assert marker in text
    manifest.write_text(text.replace(marker, marker + "    access: restricted\n"), encoding="utf-8")
    report = ingest(settings)
    statuses = {Path(d.path).name: d.status for d in report.documents}
    assert report.changed and statuses["what-makes-us-mk-city-council.txt"] == "changed"
    assert report.embedded == 0  # the text is the same: its vectors are reused
    store = IndexStore.open(settings)
    doc = next(d for d in store.documents if d.id == "what-makes-us-mk-city-council")
    assert doc.meta.access.value == "restricted"
    assert {n.metadata["access"] for n in store.get(where={"plan_document": doc.id})} == {
        "restricted"
    }


def test_files_read_by_other_reading_code_are_read_again_without_embedding(
    tmp_path: Path, small_corpus: Path
) -> None:
    """A generation whose files were read by another version of the readers (as after an
    upgrade of Plan Assistant) has every file read again by the next ingest, although
    no byte changed; unchanged text keeps its vectors. Files read by this code are not."""
    import json

    from indexing.index_state import readers_version

    settings = settings_for(tmp_path, small_corpus)
    ingest(settings)
    again = ingest(settings)
    assert not again.changed and {d.status for d in again.documents} == {"unchanged"}

    store = IndexStore.open(settings)
    state = json.loads((store.dir / "state.json").read_text(encoding="utf-8"))
    assert {r["readers"] for r in state["files"].values()} == {readers_version()}
    for record in state["files"].values():
        record["readers"] = "an-earlier-version"
    (store.dir / "state.json").write_text(json.dumps(state), encoding="utf-8")

    upgraded = ingest(settings)
    assert upgraded.changed and upgraded.embedded == 0
    assert {d.status for d in upgraded.documents} == {"changed"}
    records = IndexStore.open(settings).state.files.values()
    assert {r.readers for r in records} == {readers_version()}
