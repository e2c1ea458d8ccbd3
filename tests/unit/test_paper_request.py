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
        "which paper sets out the three year revenue plan?",
        "what document has the reserves rules?",
        "can you point me to the section 25 report?",
        "is the amendment on capital funding published?",
        "where would I read about quarterly performance — which report?",
        "give me the paper on the late changes to the budget",
        "the paper about the call-in — where is it?",
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
        "which reports were published for the section 25 item?",  # a meeting's papers listed
        "is the library open on sundays?",
    ],
)
def test_a_question_about_what_papers_say(question: str) -> None:
    assert not asks_for_paper(question)


def test_the_words_of_asking_and_of_a_meeting_are_not_the_papers_name() -> None:
    from assistant.answering.paper_request import _asked

    assert _asked("which paper sets out the three year revenue plan?") == _asked(
        "3 year revenue plan"
    )
    assert _asked("the risk register that went to full council") == _asked("risk register council")


def test_a_paper_asked_for_by_a_short_form_its_title_prints() -> None:
    from types import SimpleNamespace

    from assistant.answering.paper_request import _asked, _asks_by_title_word
    from indexing.model import DocumentMeta, PlanDocument

    prod = PlanDocument(
        id="p", sha256="0", meta=DocumentMeta(file="p.pdf", title="24-00108 - PROD")
    )
    scope = SimpleNamespace(documents=[prod])
    assert _asks_by_title_word(scope, "where's the PROD for the november monitoring decision?")  # type: ignore[arg-type]
    assert not _asks_by_title_word(scope, "where's the QPR for q3?")  # type: ignore[arg-type]
    assert not _asks_by_title_word(scope, "what did the PROD decide?")  # type: ignore[arg-type]
    # a decision's number is one term however it is written
    assert _asked("link to the 24/00115 decision record pls") == _asked("24-00115 decision record")
