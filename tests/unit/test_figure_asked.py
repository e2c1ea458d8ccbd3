"""A question for a figure put as "what <thing> does the paper report" is one: the
answering sentence from a meeting's papers must hold the figure."""

from __future__ import annotations

from assistant.answering.meetings_words import ASKS_FIGURE, holds_asked_figure

QUESTION = "what business rates collection fund surplus does the late changes paper report?"


def test_what_figure_noun_does_the_paper_report_asks_a_figure() -> None:
    assert ASKS_FIGURE.search(QUESTION)
    assert ASKS_FIGURE.search("what is the savings target")
    assert not ASKS_FIGURE.search("what does the funding cover?")
    assert not ASKS_FIGURE.search("which council has the highest rate")


def test_the_sentence_must_hold_the_figure_asked_for() -> None:
    assert holds_asked_figure(QUESTION, "The council's share is a net surplus of £313.3k.")
    assert not holds_asked_figure(
        QUESTION, "The paper recommends that the surplus balance is transferred to a reserve."
    )
