"""Choosing the sentence that answers by its rare words, its word pairs and, for a figure
whose subject is the line above it, the two lines together: sentences from real council
papers (a quarterly performance report's KPI card, a budget monitoring report)."""

from __future__ import annotations

from assistant.answering import sentence_fit as fit
from assistant.answering.evidence import best_evidence
from assistant.answering.retrieve import Candidate
from assistant.answering.understand import understand
from indexing.model import Location, Passage
from indexing.terms import content_stems

from .plans import candidate, documents, kpi_report, passage_node

CARD = (
    "Key Performance Indicators\n"
    "Percentage of routine highway repairs reported by residents completed within 28 days AMBER\n"
    "Latest: 89% Target: 90%, Floor: 80% Previous: 91% (Green)\n"
    "Percentage of public enquiries for Highways maintenance reported online GREEN\n"
    "Latest: 64% Target: 60%, Floor: 55% Previous: 64% (Green)"
)
"""A KPI card as a report prints it: each figure's subject is the line above it."""

SAVINGS = [
    "4.2 There is a savings target of £111.2m (excluding changes in grant income and the "
    "removal of one-off or undelivered savings in previous years).",
    "Currently, £80.3m of savings are forecast to be achieved.",
]


def test_a_rare_word_outweighs_a_common_one() -> None:
    """Every candidate speaks of the roads; only one of potholes."""
    texts = [
        "Road resurfacing was completed on 42 roads.",
        "The roads budget is £12m.",
        "Potholes were repaired on the roads within 28 days.",
    ]
    wanted = content_stems("how many potholes were repaired on the roads")
    weights = fit.rarity(wanted, texts)
    assert weights["pothol"] > weights["road"]
    rare = fit.weighted_overlap(weights, content_stems("540 potholes"))
    common = fit.weighted_overlap(weights, content_stems("540 roads"))
    assert rare > common


def test_a_stem_matches_the_longer_word_it_begins() -> None:
    assert fit.matched({"chair", "second"}, content_stems("Mr Gough (Chairman) seconded")) == {
        "chair",
        "second",
    }
    assert fit.matched({"rat"}, content_stems("the ratings rose")) == set()


def test_word_pairs_are_found_either_way_round() -> None:
    asked = fit.word_pairs("what is the savings target")
    assert fit.pair_share(asked, SAVINGS[0]) == 1.0
    assert fit.pair_share(asked, "the target for savings") == 1.0
    assert fit.pair_share(asked, SAVINGS[1]) == 0.0


def test_a_figure_line_is_read_with_the_subject_line_above_it() -> None:
    said = CARD.split("\n")
    wanted = content_stems("percentage of highways maintenance enquiries reported online")
    holds = ["Latest:" in s for s in said]
    assert fit.windows(said, holds, wanted) == [(said[1], said[2]), (said[3], said[4])], (
        "each figure line is read with its own title line, never with the card's heading"
    )
    assert fit.windows(said, holds, content_stems("latest target")) == [], (
        "a figure line that names more of the question than the line above stands alone"
    )


def _card_candidate(text: str) -> Candidate:
    doc = kpi_report()
    passage = Passage(
        id="kpi-q3:p9",
        document_id=doc.id,
        section="Environment and Transport",
        text=text,
        location=Location(path="kpi-q3.pdf", page=33),
    )
    return candidate(passage_node(passage, doc), 0.6)


def test_the_figure_quoted_is_the_one_under_the_subject_asked() -> None:
    query = understand(
        "how many highways maintenance enquiries come in online now, as a percentage",
        documents(),
    )
    found = [e for e in best_evidence(query, [_card_candidate(CARD)]) if e.has_required]
    assert found[0].sentence.endswith("Latest: 64% Target: 60%, Floor: 55% Previous: 64% (Green)")
    assert "reported online" in found[0].sentence


def test_a_member_s_question_is_never_read_as_the_subject_of_the_reply() -> None:
    """The reply's figure answers; the question asked above it is not quoted with it."""
    from indexing.model import ItemKind

    from .plans import item, item_node

    asked = item(
        "10",
        "(a) how many XL Bully dogs were destroyed in the council's dog shelter?",
        doc="minutes",
        kind=ItemKind.question,
        update="2 XL Bully dogs have been euthanised.",
    )
    doc = kpi_report().model_copy(update={"id": "minutes", "items": [asked]})
    query = understand("how many XL bully dogs were destroyed in the shelter", documents())
    found = best_evidence(query, [candidate(item_node(asked, doc), 0.6)])
    best = next(e for e in found if e.has_required)
    assert best.sentence == "2 XL Bully dogs have been euthanised."


RESERVES = [
    "With the heightened financial risk we now aim to hold general reserves of between 5% "
    "and 10% of the net revenue budget, based on the following assessed levels.",
    "Below 3% considered dangerous",
    "3% to 5% considered too risky",
]
"""A reserves policy's paragraph leading into its list of levels."""


def test_an_entry_of_a_list_is_read_with_the_sentence_leading_into_the_list() -> None:
    wanted = content_stems("what level of general reserves is classed as too risky?")
    holds = [True, True, True]
    windows = fit.windows(RESERVES, holds, wanted)
    assert (RESERVES[0], RESERVES[2]) in windows and (RESERVES[0], RESERVES[1]) in windows
    # a paragraph after the list is not one of its entries
    after = [*RESERVES, "The level of the general reserve is a matter for the Council " * 3]
    assert (RESERVES[0], after[3]) not in fit.windows(after, [True] * 4, wanted)
