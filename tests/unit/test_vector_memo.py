"""The suite's vector memo (tests/vector_memo.py): a text is encoded once per run, across
processes, and only by the model and libraries its vector came from."""

from __future__ import annotations

from pathlib import Path

import pytest
from vector_memo import VectorMemo


class Counting:
    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, texts: list[str], *, batch_size: int = 64) -> list[list[float]]:
        self.seen.extend(texts)
        return [[float(len(t)), 0.5] for t in texts]


def test_a_second_process_reads_the_vectors_the_first_wrote(tmp_path: Path) -> None:
    first, second = Counting(), Counting()
    assert VectorMemo(first, tmp_path)(["a rat", "a dog", "a rat"]) == [
        [5.0, 0.5],
        [5.0, 0.5],
        [5.0, 0.5],
    ]
    assert first.seen == ["a rat", "a dog"]
    assert VectorMemo(second, tmp_path)(["a dog", "a cat"]) == [[5.0, 0.5], [5.0, 0.5]]
    assert second.seen == ["a cat"]


def test_another_model_or_library_version_encodes_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    VectorMemo(Counting(), tmp_path)(["a rat"])
    monkeypatch.setattr("vector_memo.model_key", lambda: "another model")
    again = Counting()
    VectorMemo(again, tmp_path)(["a rat"])
    assert again.seen == ["a rat"]


def test_without_a_folder_the_memory_is_the_process_s_own(tmp_path: Path) -> None:
    first, second = Counting(), Counting()
    memo = VectorMemo(first, None)
    memo(["a rat"])
    memo(["a rat"])
    VectorMemo(second, None)(["a rat"])
    assert first.seen == ["a rat"] and second.seen == ["a rat"]
    assert not list(tmp_path.iterdir())
