"""Contractions typed without their apostrophe (assistant.answering.question_typing)."""

from __future__ import annotations

from assistant.answering.question_typing import with_apostrophes


def test_a_contraction_typed_without_its_apostrophe_is_written_with_it() -> None:
    assert with_apostrophes("whens the last cabinet?") == "when's the last cabinet?"
    assert with_apostrophes("Whats the target and why didnt it go") == (
        "What's the target and why didn't it go"
    )


def test_words_that_are_words_without_an_apostrophe_stay_as_typed() -> None:
    assert with_apostrophes("the cant of the report; wont") == "the cant of the report; wont"
    assert with_apostrophes("its target") == "its target"
