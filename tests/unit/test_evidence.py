"""Choosing the sentence that answers: a member's question states what was asked, and
its written reply holds the answer, on a hand-built question and reply."""

from __future__ import annotations

from assistant.answering.evidence import best_evidence
from assistant.answering.understand import understand
from indexing.model import DocumentKind, DocumentMeta, ItemKind, PlanDocument

from .plans import candidate, documents, item, item_node


def minutes() -> PlanDocument:
    asked = item(
        "10",
        "Since 1st February 2025 it is illegal to own an XL Bully dog without a certificate "
        "- (a) how many XL Bully dogs were destroyed; (b) how many certificates were issued?",
        doc="minutes",
        kind=ItemKind.question,
        update="2 XL Bully dogs have been euthanised in the dog shelter. 48 certificates of "
        "exemption were issued.",
        fields={"asker": "Councillor A. Murphy"},
    )
    return PlanDocument(
        id="minutes",
        meta=DocumentMeta(file="minutes.md", title="Minutes", kind=DocumentKind.minutes),
        sha256="minutes",
        items=[asked],
    )


def test_a_figure_is_taken_from_the_reply_not_the_question_asked() -> None:
    doc = minutes()
    query = understand("how many XL bully dogs were destroyed", [doc, *documents()])
    found = [e for e in best_evidence(query, [candidate(item_node(doc.items[0], doc), 0.6)])]
    best = next(e for e in found if e.has_required)
    assert best.sentence.startswith("2 XL Bully dogs have been euthanised")
    assert not any(e.has_required and "(a) how many" in e.sentence for e in found)


def test_a_question_for_a_total_is_answered_by_the_sentence_that_states_it() -> None:
    doc = minutes()
    doc.items[0].commitment = "How much is allocated for voids and pre-letting repairs in 2025?"
    doc.items[0].update = (
        "€2,825,000 has been allocated in the Capital budget in 2025 for Void properties and "
        "€767,672 in the Revenue budget for Pre-Letting Repairs. The total allocated budget "
        "is €3,592,672."
    )
    query = understand("total budget for voids and pre-letting repairs 2025", [doc, *documents()])
    found = best_evidence(query, [candidate(item_node(doc.items[0], doc), 0.6)])
    assert found[0].sentence == "The total allocated budget is €3,592,672."


def test_a_registers_notes_column_is_read_as_the_items_commentary() -> None:
    grant = item(
        "HS08",
        "% of private sector housing grant budgets actually spent (DFG)",
        doc="kpis",
        kind=ItemKind.kpi,
        fields={
            "latest": "25",
            "notes": "To date this financial year £125k spent out of a £500k budget (25%).",
        },
    )
    doc = PlanDocument(
        id="kpis",
        meta=DocumentMeta(file="kpis.csv", title="KPIs", kind=DocumentKind.performance),
        sha256="kpis",
        items=[grant],
    )
    query = understand("how much of the housing grant budget has been spent?", [doc, *documents()])
    found = best_evidence(query, [candidate(item_node(grant, doc), 0.6)])
    best = next(e for e in found if e.has_required)
    assert "£125k spent out of a £500k budget" in best.sentence


def test_a_column_the_question_names_answers_it() -> None:
    """ "when is the next release of the claimant count indicator" is its "Next Release"."""
    claimant = item(
        None,
        "Claimant Count as a proportion of residents aged 16-64.",
        doc="dash",
        kind=ItemKind.kpi,
        fields={"published": "2022-08-16"},
        other_fields={"Priority": "Poverty", "Next Release": "2022-09-13"},
    )
    doc = PlanDocument(
        id="dash",
        meta=DocumentMeta(file="dash.md", title="Indicators", kind=DocumentKind.performance),
        sha256="dash",
        items=[claimant],
    )
    query = understand(
        "when is the next release of the claimant count indicator", [doc, *documents()]
    )
    found = best_evidence(query, [candidate(item_node(claimant, doc), 0.6)])
    best = next(e for e in found if e.has_required)
    assert best.sentence.endswith("Next Release: 2022-09-13.")


def test_a_question_for_a_share_needs_a_percentage() -> None:
    """ "what % of the revenue budget is the forecast overspend" is not answered by the
    sentence giving the overspend in pounds, but by the one giving its share."""
    from assistant.answering.evidence import _requirement

    asked = understand("what % of the revenue budget is the forecast overspend", documents())
    assert not _requirement(asked, "note the forecast revenue overspend of £23.3m")
    assert _requirement(asked, "The overspend of £23.3m represents 1.6% of the revenue budget.")
    # A number in words is no share: "its highest level of performance in over four years"
    foi = understand("what percentage of foi requests were answered on time", documents())
    assert not _requirement(
        foi,
        "The percentage of FOI / EIR requests completed within timescale, improved this "
        "quarter to reach its highest level of performance in over four years.",
    )
    assert _requirement(foi, "Between October and December 84% of FOI requests were answered.")
    assert _requirement(foi, "Some 84 per cent of FOI requests were answered in time.")


def test_a_count_under_its_heading_and_in_a_short_form() -> None:
    """ "how many primary forms of entry" is counted by "A total of 44.9FE" under the
    heading "Primary School Commissioning Intentions": the heading says what is counted,
    and "FE" spells "forms of entry"."""
    from assistant.answering.evidence import _requirement
    from assistant.answering.short_forms import spelt_out

    asked = understand(
        "how many primary forms of entry does the commissioning plan need?", documents()
    )
    sentence = "A total of 44.9FE across the Plan period"
    assert spelt_out(sentence, asked.text) == {"form", "entri"}
    assert _requirement(asked, sentence, subject="Primary School Commissioning Intentions")
    assert not _requirement(asked, sentence, subject="Secondary School Commissioning Intentions")
    assert spelt_out("(DFG)", "the disabled facilities grant budget") == {
        "disabl",
        "facil",
        "grant",
    }
    assert spelt_out("The SEN plan", "how many SEND places") == set()


def test_how_long_is_answered_by_a_length_of_time_not_a_count() -> None:
    from assistant.answering.evidence import _requirement, asks_money

    asked = understand("how long is the zero cost contract being extended for?", documents())
    assert _requirement(asked, "The zero-cost contract was due to be extended for 12 months.")
    assert not _requirement(asked, "Staff will continue to use both systems until it is ready.")
    # how much something changed is a change in its own unit, unless money is named
    assert not asks_money("how much has antisocial behaviour come down by q2")
    assert asks_money("how much has the budget gone up")
    assert asks_money("how much did the repairs cost")
    assert asks_money("what were the two houses valued at?")  # a value in money
