"""The numbered item or minute a quote is printed under, when the question asks for it
(facts.evidence_answer)."""

from __future__ import annotations

from assistant.answering.evidence import Evidence
from assistant.answering.facts import evidence_answer
from assistant.answering.understand import understand

from .plans import candidate, minutes_doc, passage_node


def _evidence(section: str, sentence: str) -> Evidence:
    doc = minutes_doc("minutes", [(section, sentence)])
    node = passage_node(doc.passages[0], doc)
    return Evidence(candidate=candidate(node, 0.6), sentence=sentence, score=1.0, has_required=True)


def test_the_numbered_heading_answers_which_item_or_minute() -> None:
    said = "(b) Delegate authority to the Director of Public Health to revise the plan."
    found = _evidence("91. 24/00115 - Integrated Care Strategy Delivery Plan", said)
    asked = understand("what minute no. is the ics delivery plan in the minutes?", [])
    answer = evidence_answer(asked, found, [])
    assert answer.answer.startswith("Under 91. 24/00115 - Integrated Care Strategy Delivery Plan:")
    # a question that asks no item or minute is answered by the quote alone
    plain = evidence_answer(understand("what was delegated on the ics plan?", []), found, [])
    assert plain.answer.startswith("“(b) Delegate authority")
    # a heading that numbers nothing is no item
    unnumbered = _evidence("Cabinet Member Updates", said)
    assert evidence_answer(asked, unnumbered, []).answer.startswith("“(b)")
