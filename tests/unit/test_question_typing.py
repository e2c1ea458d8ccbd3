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


def test_why_asks_for_a_reason_even_of_a_date() -> None:
    """ "why's there no due date on it" asks why, not when; "why … and when …" asks both."""
    from assistant.answering.understand import Intent, understand

    assert understand("why's there no due date on the border action any more?", []).intent != (
        Intent.when
    )
    assert understand("why was it delayed and when is it due now?", []).intent == Intent.when
    assert understand("when is the border action due?", []).intent == Intent.when
