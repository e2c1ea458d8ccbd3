"""Which questions ask for a paper itself (its link) rather than for what it says."""

from __future__ import annotations

import pytest

from assistant.answering.paper_request import asks_for_paper


@pytest.mark.parametrize(
    "question",
    [
        "can you send me the link to the section 25 statement?",
        "url for the 3 year revenue plan appendix",
        "is there a copy of the lib dem amendment?",
        "where can I find the reserves policy",
        "where's the cover report for the performance report?",
        "please send the budget update appendix from cabinet in march",
        "I need the budget risk register that went to full council",
    ],
)
def test_a_request_for_a_paper(question: str) -> None:
    assert asks_for_paper(question)


@pytest.mark.parametrize(
    "question",
    [
        "where is the new secondary school being built?",  # a place, not a paper
        "what does the reserves policy say about the general reserve?",  # what a paper says
        "can I see which KPIs are red?",  # no paper named
        "who sent apologies to cabinet in january?",
        "how much is the budget for highways?",
    ],
)
def test_a_question_about_what_papers_say(question: str) -> None:
    assert not asks_for_paper(question)
