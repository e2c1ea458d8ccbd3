"""Votes asked by their sides alone, a vote printed over two passages cited where the side
asked about is, and the amendment told from the others that repeat the motion by the word
the question uses, on the text of Kent County Council's minutes of 9 January 2025."""

from __future__ import annotations

from assistant.answering.motion_answer import _ASKS_VOTE, _asked, _told
from assistant.answering.motions import proposals

from .plans import minutes_doc

MOTION = (
    "“County Council is asked to: (4) Note that acceptance onto the Devolution Priority "
    "Programme may lead to the County Council elections scheduled for May 2025 being "
    "postponed subject to ministerial decision (5) Expects there to be as much transparency "
    "as possible in this process.”"
)
JANUARY = [
    (
        "Devolution",
        "17) Mr Hood proposed and Mr Baldock seconded the following amendment to the "
        f"substantive motion set out in paragraph 15:\n{MOTION}\n"
        "18) Following the debate, the Chairman put the amendment set out in paragraph 17 to "
        "the vote and the voting was as follows:\nFor (14)\nMr Baldock, Mr Brady\n"
        "Against (45)\nMr Baker, Mr Barrington-King",
    ),
    ("Devolution", "Mr Bartlett, Mrs Bell\nAbstain (4)\nMrs Bruneau, Mr Webb\nAmendment lost."),
    (
        "Devolution",
        "19) Mr Brady proposed and Ms Constantine seconded the following amendment to the "
        "substantive motion set out in paragraph 15:\n“County Council is asked to: (4) "
        "Recommend that the council put forward an argument not to postpone the County Council "
        "elections in May 2025. (4) Note that acceptance onto the Devolution Priority "
        "Programme may lead to the County Council elections scheduled for May 2025 being "
        "postponed subject to ministerial decision”\n20) Following the debate, the Chairman "
        "put the amendment set out in paragraph 19 to the vote and the voting was as follows:"
        "\nFor (17)\nMr Baldock, Mr Brady\nAgainst (43)\nMr Baker\nAbstain (3)\nMrs Hudson\n"
        "Amendment lost.",
    ),
]


def test_a_vote_is_asked_by_its_sides_alone() -> None:
    assert _ASKS_VOTE.search("anpr cameras for fly tipping amendment - how many for and against?")
    assert _ASKS_VOTE.search("how many members for the amendment?")
    assert _ASKS_VOTE.search("how many councillors supported mr hood's amendment")
    assert _ASKS_VOTE.search("did the fly tipping cameras amendment pass?")
    assert _ASKS_VOTE.search("was the labour group's alternative budget defeated")
    assert not _ASKS_VOTE.search("how much was set aside for the amendment?")
    assert not _ASKS_VOTE.search("did the council pass the report to cabinet for a decision?")


def test_the_amendment_is_told_by_the_word_the_question_uses() -> None:
    found = proposals(minutes_doc("jan", JANUARY))
    asked = _asked(
        "the 9 jan amendment saying don't postpone the may 2025 county elections - how many "
        "voted for it and against",
        found,
    )
    assert asked is not None and asked.paragraph == "19"
    assert asked.counts == {"For": 17, "Against": 43, "Abstain": 3}


def test_a_vote_over_two_passages_is_cited_where_the_side_asked_about_is() -> None:
    doc = minutes_doc("jan", JANUARY)
    hood = next(p for p in proposals(doc) if p.paragraph == "17")
    assert hood.side_passages["For"].id == "jan:p1"
    assert hood.side_passages["Abstain"].id == "jan:p2"
    question = "how many abstained on mr hood's amendment?"
    passage, quote = _told(question, hood, mover=False, vote=True)[-1]
    assert passage.id == "jan:p2" and "Abstain (4)" in quote
    passage, quote = _told("how did the vote on mr hood's amendment go?", hood, False, True)[-1]
    assert passage.id == "jan:p1"


def test_the_side_asked_about_is_quoted_with_its_names_as_printed() -> None:
    hood = next(p for p in proposals(minutes_doc("jan", JANUARY)) if p.paragraph == "17")
    _, quote = _told("who abstained on mr hood's amendment?", hood, mover=False, vote=True)[-1]
    assert "Abstain (4) Mrs Bruneau, Mr Webb" in quote
