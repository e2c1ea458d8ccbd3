"""Relevance: does a source answer the question? Coverage of the question's rarer words,
reranking, the periods a question names and whether an item's values answer a figure
question, judged on hand-built documents in a ``Scope`` with no store behind it."""

from __future__ import annotations

import pytest

from assistant.answering import relevance
from assistant.answering.evidence import Evidence
from assistant.answering.understand import understand
from indexing.model import ItemKind

from .plans import (
    MemoryScope,
    candidate,
    documents,
    item,
    item_node,
    kpi_report,
    minutes_doc,
    passage_node,
    q2_update,
)

FLOOR = 0.2
DOCS = documents()
SCOPE = MemoryScope(DOCS)


def node(ref: str):
    doc = q2_update()
    return item_node(next(i for i in doc.items if i.ref == ref), doc)


def kpi_node(n: int):
    doc = kpi_report()
    return item_node(doc.items[n], doc)


def query(text: str):
    return understand(text, DOCS)


def test_a_source_with_the_rare_words_covers_the_question() -> None:
    asked = query("any news on the day centre for rough sleepers?")
    assert relevance.coverage(SCOPE, asked, [candidate(node("1.2"), 0.5)]) == pytest.approx(1.0)
    assert relevance.coverage(SCOPE, asked, [candidate(node("2.2"), 0.5)]) == 0.0


def test_coverage_is_the_best_of_the_candidates() -> None:
    asked = query("any news on the day centre for rough sleepers?")
    both = [candidate(node("2.2"), 0.5), candidate(node("1.2"), 0.3)]
    assert relevance.coverage(SCOPE, asked, both) == pytest.approx(1.0)


def test_relevant_needs_closeness_and_the_questions_words() -> None:
    asked = query("any news on the day centre for rough sleepers?")
    assert relevance.relevant(FLOOR, SCOPE, asked, [candidate(node("1.2"), FLOOR + 0.05)])
    # Close in meaning but without the question's words: not an answer…
    assert not relevance.relevant(FLOOR, SCOPE, asked, [candidate(node("2.2"), FLOOR + 0.1)])
    # …unless very close.
    strong = FLOOR + relevance.STRONG_MATCH
    assert relevance.relevant(FLOOR, SCOPE, asked, [candidate(node("2.2"), strong)])
    # The words without the closeness: not an answer either.
    assert not relevance.relevant(FLOOR, SCOPE, asked, [candidate(node("1.2"), FLOOR - 0.01)])
    assert not relevance.relevant(FLOOR, SCOPE, asked, [])


def test_a_year_no_document_covers_is_not_answered() -> None:
    asked = query("how many trees were planted in 2031?")
    top = candidate(node("2.2"), 0.9)
    assert not relevance.periods_known(SCOPE, asked, top)
    assert not relevance.relevant(FLOOR, SCOPE, asked, [top])
    assert relevance.periods_known(SCOPE, query("how many trees were planted in 2017?"), top)


def test_a_quarter_must_be_one_a_document_covers() -> None:
    assert relevance.periods_known(SCOPE, query("what happened on homes in Q2?"))
    assert not relevance.periods_known(SCOPE, query("what happened on homes in Q4?"))


def test_a_financial_year_must_be_the_sources() -> None:
    top = candidate(kpi_node(0), 0.6)
    assert relevance.year_ranges_held("what is the pothole target for 2024/25?", top)
    assert not relevance.year_ranges_held("what is the pothole target for 2025/26?", top)
    assert relevance.year_ranges_held("what is the pothole target?", top)


def test_rerank_puts_the_source_holding_the_words_first() -> None:
    asked = query("is the day centre for rough sleepers open?")
    fused = [candidate(node("2.2"), 0.42), candidate(node("1.2"), 0.40)]
    assert [c.node.id for c in relevance.rerank(SCOPE, asked, fused)] == [
        "update-q2:1.2",
        "update-q2:2.2",
    ]
    # With no words of the question anywhere, the closer one stays first.
    asked = query("is anything happening?")
    assert relevance.rerank(SCOPE, asked, fused)[0].node.id == "update-q2:2.2"


def test_rarer_words_weigh_more() -> None:
    # "lease" is in one source, "completed" in two (homes, potholes): the source holding
    # only the rarer word covers more of the question than the one holding the commoner.
    asked = query("lease completed")
    lease = relevance.coverage(SCOPE, asked, [candidate(node("1.2"), 0.5)])
    completed = relevance.coverage(SCOPE, asked, [candidate(kpi_node(0), 0.5)])
    assert 0 < completed < 0.5 < lease < 1


def test_evidence_must_hold_the_questions_words() -> None:
    asked = query("has the asbestos survey delayed the day centre?")
    on = Evidence(
        candidate=candidate(node("1.2"), 0.4),
        sentence="Lease signed; fit-out delayed by asbestos survey.",
        score=1.0,
        has_required=True,
    )
    off = Evidence(
        candidate=candidate(node("2.1"), 0.4),
        sentence="Contract re-tendered after the supplier withdrew.",
        score=1.0,
        has_required=True,
    )
    assert relevance.evidence_on_topic(FLOOR, SCOPE, asked, on)
    assert not relevance.evidence_on_topic(FLOOR, SCOPE, asked, off)


def test_values_that_answer_a_figure_question() -> None:
    potholes, households = kpi_report().items
    assert relevance.states_values(potholes)
    assert not relevance.states_values(item("9.9", "A commitment with words only"))
    assert relevance.states_values(item("9.8", "Exposure", other_fields={"Exposure £m": "4.2"}))
    assert relevance.answers_figure(query("what percentage of potholes were repaired?"), potholes)
    # "how many" is not answered by a rate, "how much did it cost" not by a percentage.
    assert not relevance.answers_figure(query("how many potholes were repaired?"), potholes)
    assert not relevance.answers_figure(query("how much did pothole repairs cost?"), potholes)
    assert relevance.answers_figure(query("how many households are in B&Bs?"), households)
    # unless it asks for the count as a rate
    asked = query("how many potholes were repaired, as a percentage?")
    assert relevance.answers_figure(asked, potholes)


def test_how_much_of_a_thing_is_answered_by_the_indicator_of_its_share() -> None:
    """ "How much council tax is collected electronically" asks what "% of council tax
    collected electronically" measures; "how much did it cost" is not answered by a share."""
    collected = item(
        "RB04",
        "% of council tax collected electronically (DD + Internet)",
        kind=ItemKind.kpi,
        fields={"latest": "85.2", "target": "80"},
    )
    asked = query("how much council tax does the council collect electronically?")
    assert relevance.answers_figure(asked, collected)
    costed = query("how much does collecting council tax electronically cost?")
    assert not relevance.answers_figure(costed, collected)


def test_newer_documents_sort_later_by_date_key() -> None:
    older, newer = node("1.1"), kpi_node(0)
    assert relevance.date_key(older) < relevance.date_key(newer)


def test_a_sum_in_euros_or_dollars_answers_how_much() -> None:
    """Money is money in any council's currency: "€3,592,672" answers "what is the
    budget", as "£3.6m" does, and a sum is never taken for a bare year."""
    from assistant.answering.evidence import _requirement, asks_money, states_money

    asked = query("how much is the total budget for void repairs?")
    assert asks_money(asked.text)
    assert states_money("The total allocated budget is €3,592,672.")
    assert states_money("a grant of $2,500 a year")
    assert _requirement(asked, "The total allocated budget is €3,592,672.")
    assert not _requirement(asked, "The budget was agreed by the council in March.")
    assert asks_money("is there a €500 grant?")


def test_a_place_the_question_names_must_be_the_sources_council_or_in_it() -> None:
    """ "Southvale's employment rate" is not answered by another council's sentence that
    shares the rest of its words; a paper of Southvale, or one speaking of it, is."""
    from indexing.terms import TermStats, place_stems

    northtown, southvale = q2_update(), kpi_report()
    northtown.meta.publisher = "Northtown Borough Council"
    southvale.meta.publisher = "Southvale District Council"
    docs = [northtown, southvale]
    scope = MemoryScope(docs)
    scope.__dict__["terms"] = TermStats.build(
        [n.text for n in scope.nodes], place_stems(d.meta.publisher for d in docs)
    )
    asked = understand("southvale delivery plan progress at the end of september", docs)
    passage = northtown.passages[0]  # "…progress on the delivery plan at the end of September."
    evidence = Evidence(
        candidate=candidate(passage_node(passage, northtown), 0.4),
        sentence=passage.text,
        score=1.0,
        has_required=True,
    )
    assert not relevance.evidence_on_topic(FLOOR, scope, asked, evidence)
    northtown.meta.publisher = "Southvale District Council"
    assert relevance.evidence_on_topic(FLOOR, scope, asked, evidence)
    unnamed = understand("delivery plan progress at the end of september", docs)
    assert relevance.evidence_on_topic(FLOOR, scope, unnamed, evidence)


def test_a_sum_under_a_money_column_answers_how_much() -> None:
    """A risk's "Estimated Annual Financial Exposure £m: 28.4" answers "how much", though
    its likelihood is no sum; a column without money does not."""
    risk = item(
        "4",
        "Market Sustainability",
        kind=ItemKind.risk,
        fields={"likelihood": "4"},
        other_fields={"Estimated Annual Financial Exposure £m": "28.4"},
    )
    asked = query("budget risk for market sustainability: how much and how likely")
    assert relevance.answers_figure(asked, risk)
    counted = item("5", "Market Sustainability", kind=ItemKind.risk, fields={"likelihood": "4"})
    assert not relevance.answers_figure(asked, counted)


def test_an_indicator_named_by_the_question_gives_the_figure_no_sentence_gives() -> None:
    households, potholes = kpi_node(1), kpi_node(0)
    passage = passage_node(q2_update().passages[0], q2_update())
    ranked = [candidate(passage, 0.6), candidate(households, 0.45)]
    asked = query("how many households are in temporary accommodation against the target?")
    assert relevance.measured_item(SCOPE, asked, ranked) is ranked[1]
    # Another indicator's values do not answer it, nor a year the indicator is not for.
    assert relevance.measured_item(SCOPE, asked, [ranked[0], candidate(potholes, 0.45)]) is None
    later = query("how many households are in temporary accommodation in 2031/32?")
    assert relevance.measured_item(SCOPE, later, ranked) is None
    # A count of indicators is not one indicator's value.
    counted = query("how many households indicators are there?")
    assert relevance.measured_item(SCOPE, counted, ranked) is None
    # Only a figure question: "what is happening with …" is answered by its update.
    assert (
        relevance.measured_item(SCOPE, query("what is the latest on households?"), ranked) is None
    )


def test_of_two_tied_items_the_one_naming_only_what_is_asked_leads() -> None:
    doc = kpi_report()
    active = item(None, "Proportion of physically active adults", doc="kpi-q3", kind=ItemKind.kpi)
    fairly = item(
        None, "Proportion of physically fairly active adults", doc="kpi-q3", kind=ItemKind.kpi
    )
    asked = query("which survey is used for the physically active adults indicator?")
    tied = [candidate(item_node(fairly, doc), 0.505), candidate(item_node(active, doc), 0.5)]
    assert relevance.rerank(SCOPE, asked, tied)[0] is tied[1]
    # Clearly closer in meaning: no tie, the order stands.
    ahead = [candidate(item_node(fairly, doc), 0.6), candidate(item_node(active, doc), 0.5)]
    assert relevance.rerank(SCOPE, asked, ahead)[0] is ahead[0]


def test_the_day_a_question_names_and_its_hedges_are_not_words_a_source_must_hold() -> None:
    plain = query("any news on the day centre for rough sleepers?")
    dated = query("what is supposed to be happening with the day centre for rough sleepers 13 feb?")
    source = [candidate(node("1.2"), 0.5)]
    assert relevance.coverage(SCOPE, dated, source) == pytest.approx(
        relevance.coverage(SCOPE, plain, source)
    )


def test_a_risks_own_figures_answer_only_what_a_risk_measures() -> None:
    """A risk's likelihood and exposure answer "how likely", "what's the exposure"; "how many
    journeys were made" is not answered by the journeys risk, nor a rate the register
    names nowhere, unless a sentence of the risk gives a figure beside the word asked."""
    journeys = item(
        "R1",
        "Concessionary travel journey levels",
        kind=ItemKind.risk,
        fields={"likelihood": "3", "cause": "Journeys have reduced, so a £3.4m reduction."},
        other_fields={"Exposure £m": "4.2"},
    )
    care = item(
        "R2",
        "Market sustainability",
        kind=ItemKind.risk,
        fields={"likelihood": "4", "cause": "At the moment vacancy level said to be 1 in 10."},
    )
    assert relevance.answers_figure(query("how likely is the journeys risk?"), journeys)
    assert relevance.answers_figure(query("what is the exposure on journey levels?"), journeys)
    assert not relevance.answers_figure(
        query("how many concessionary journeys were made?"), journeys
    )
    assert not relevance.answers_figure(
        query("what vacancy rate does the risk register give for journey levels?"), journeys
    )
    assert relevance.answers_figure(query("what vacancy level are care providers at?"), care)


def test_a_rare_short_form_a_source_prints_names_its_subject() -> None:
    """ "knock off the bus pass (ENCTS) budget" shares few words with the risk's "ENCTS
    journeys have reduced", but the short form, printed by few sources, names it."""
    doc = minutes_doc(
        "register",
        [
            ("Travel", "ENCTS journeys have reduced over time, so a £3.4m reduction was made."),
            ("Other", "The library service opened two new branches this year."),
            ("More", "Highways repaired 4,000 potholes in the winter months."),
        ],
    )
    scope = MemoryScope([doc])
    found = [candidate(passage_node(doc.passages[0], doc), FLOOR + 0.25)]
    asked = understand("how much did we knock off the bus pass (ENCTS) budget?", [doc])
    assert relevance.short_form_held(scope, asked, found)
    assert relevance.relevant(FLOOR, scope, asked, found)
    # the same closeness without the short form is not enough
    plain = understand("how much did we knock off the bus pass budget?", [doc])
    assert not relevance.relevant(FLOOR, scope, plain, found)


def test_a_sentence_giving_another_years_figure_does_not_answer() -> None:
    """ "the national % for 2024/25" is not answered by "the proportion in 2023/24 of 29%",
    whatever the paper's period; a plan's years hold each year within them."""
    assert not relevance.sentence_year_fits(
        "whats the national direct payments % for 2024/25?",
        "The proportion in 2023/24 of 29% compares favourably to national (25%).",
    )
    assert relevance.sentence_year_fits(
        "whats the direct payments % for 2024-25?", "In 2024/25 the proportion was 29%."
    )
    assert relevance.sentence_year_fits(
        "what does the plan say for 2025/26?", "The Development Plan 2022-2028 sets out …"
    )
    assert relevance.sentence_year_fits("what is the rate?", "In 2023/24 it was 29%.")
    # a year named in passing, away from the figure, dates something else
    assert relevance.sentence_year_fits(
        "how much is being added to general reserves in 2025-26?",
        "This includes £15.8m contribution towards general reserves, including repayment of "
        "the remaining 50% of the amount drawn down to balance the 2022-23 budget.",
    )


def test_a_place_named_as_where_must_be_held() -> None:
    """ "excluded in thanet" is not answered by the county's figure: a word the papers print
    only as a name, named as where, must be in the source; a name inside a thing's own
    name ("the thanet business fund") names the thing, and a common word is no name."""
    doc = minutes_doc(
        "report",
        [
            ("Schools", "In the 12 months to December, 102 pupils were permanently excluded."),
            ("Districts", "Thanet and Dartford schools joined the scheme; Thanet leads it."),
            ("Fund", "The Dartford Business Fund has had 306 applications."),
        ],
    )
    scope = MemoryScope([doc])
    assert {"thanet", "dartford"} <= scope.proper_words
    county = doc.passages[0].text
    assert not relevance.names_held(scope, "how many pupils were excluded in thanet?", county)
    assert relevance.names_held(scope, "how many pupils were excluded?", county)
    assert relevance.names_held(scope, "how many pupils were excluded in schools?", county)
    fund = doc.passages[2].text
    assert relevance.names_held(scope, "how many applications has the dartford fund had?", fund)
