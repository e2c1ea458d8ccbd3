"""Scoring rules on hand-built answers: normalisation, each check, and the summaries."""

from __future__ import annotations

import pytest

from assistant.models import Answer, Citation, Location, PlanItem
from evals.normalise import contains, normalise, numbers, states_count
from evals.schema import Expect
from evals.scoring import (
    citation_ok,
    cited_rows,
    missing_facts,
    ranked_refs,
    retrieval_rank,
    score,
    unsupported_numbers,
)
from evals.summary import summarise

Q2 = "council-plan-delivery-update-q2-2017"
P20 = "council-plan-commitments-2020"


def item(ref: str, document_id: str = Q2) -> PlanItem:
    return PlanItem(
        id=f"{document_id}:{ref}",
        document_id=document_id,
        ref=ref,
        commitment=f"Commitment {ref}",
        location=Location(path=f"corpus/{document_id}.txt", line_start=10, line_end=10),
    )


def cite(ref: str | None, quote: str, document_id: str = Q2) -> Citation:
    return Citation(
        document="Doc",
        document_id=document_id,
        ref=ref,
        quote=quote,
        source=f"corpus/{document_id}.txt:10",
    )


def answer(
    text: str,
    *,
    answered: bool = True,
    items: list[PlanItem] | None = None,
    citations: list[Citation] | None = None,
    **metadata: object,
) -> Answer:
    return Answer(
        question="q",
        answer=text,
        answered=answered,
        items=items or [],
        citations=citations or [],
        metadata=dict(metadata),
    )


# --- normalisation ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("5,252 young carers", "5252"),
        ("5252 young carers", "5,252"),
        ("agreed at Cabinet on 13.06.17", "13 June 2017"),
        ("agreed on 13 June 2017", "13/06/2017"),
        ("agreed on the 13th of June 2017", "13.06.17"),
        ("agreed on June 13, 2017", "2017-06-13"),
        ("THE   ONE STOP\nSHOP", "one stop shop"),
        ("the council’s “One-Stop Shop”", "council's one-stop shop"),
        ("a “super route” has", '"super route"'),
        ("Rating: **Green/Amber** (G/A)", "Green/Amber"),
        ("The Winter Night Shelter – open", "Winter Night Shelter - open"),
        ("one-to-one meetings", "one to one"),
    ],
)
def test_the_same_fact_written_differently_matches(text: str, fact: str) -> None:
    assert contains(text, fact)


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Rating: Green/Amber (G/A)", "Green"),  # a rating word inside a combined rating
        ("Rating: Amber (A)", "AM"),  # initials are not a part of a word...
        ("I am sure", "AM"),  # ...nor the same letters in lower case
        ("ref 12.1 is green", "12"),  # a figure inside a longer figure
        ("since 2012", "12"),
        ("agreed on 13.06.17", "13 July 2017"),
        ("5,253 carers", "5252"),
    ],
)
def test_a_different_fact_does_not_match(text: str, fact: str) -> None:
    assert not contains(text, fact)


def test_normalise_and_numbers() -> None:
    assert normalise("  5,252 on 13/06/2017 ") == "5252 on 2017-06-13"
    assert numbers("Q2 2017/18: 1,234,567 and 06 [1]") == ["2", "2017", "18", "1234567", "6", "1"]
    # a CSV's cells: a comma after a decimal fraction separates two figures
    assert numbers("IT03,87.7,80.6,100,90") == ["3", "87.7", "80.6", "100", "90"]
    assert numbers("£1,109.5 and 2,100") == ["1109.5", "2100"]
    assert states_count("8 items are rated Amber:", 8) and not states_count("18 items", 8)
    assert states_count("0 items are rated Red", 0) and states_count("No items are rated Red", 0)
    assert not states_count("One Stop Shop", 1)


def test_missing_facts_lists_each_missing_fact_with_its_alternatives() -> None:
    text = "Rating: Green/Amber (G/A). Owner: Michael Kelleher."
    assert missing_facts(text, [["Green/Amber", "G/A"], "Michael Kelleher"]) == []
    assert missing_facts(text, [["Red", "R"], "Nigel Long"]) == ["Red | R", "Nigel Long"]


# --- citations, retrieval, claims -----------------------------------------------------
def test_citation_needs_the_expected_ref_from_the_expected_document_or_the_evidence() -> None:
    expect = Expect(
        answered=True, refs=["3.2"], document=Q2, evidence="One-Stop Shop style service"
    )
    assert citation_ok(expect, [cite("3.2", "anything")])
    assert not citation_ok(
        expect, [cite("3.2", "anything", document_id="improvement-analysis-feb-2006")]
    )
    assert citation_ok(
        expect, [cite(None, "Create a One Stop Shop style service by March 2017", document_id=P20)]
    )
    assert not citation_ok(expect, [cite("3.3", "rough sleeping")])
    assert citation_ok(Expect(answered=True, document=P20), [cite(None, "x", document_id=P20)])
    assert citation_ok(Expect(answered=True, document=Q2, count=0), []) is None  # nothing to cite
    assert citation_ok(Expect(answered=False), []) is None


def test_retrieval_rank_counts_items_then_citations() -> None:
    expect = Expect(answered=True, refs=["41"], document=P20)
    got = answer(
        "x", items=[item("15.4")], citations=[cite("15.4", "q"), cite("41", "q", document_id=P20)]
    )
    assert ranked_refs(got) == [(Q2, "15.4"), (P20, "41")]
    assert retrieval_rank(expect, got) == 2
    assert (
        retrieval_rank(expect, answer("x", citations=[cite("41", "q")])) == 0
    )  # right ref, wrong document
    assert retrieval_rank(Expect(answered=False), got) is None


def test_a_chunk_citation_stands_for_every_row_it_holds() -> None:
    expect = Expect(answered=True, refs=["3.3"], document=Q2)
    chunks = answer(
        "chunk text",
        citations=[cite("1.1", "rows 1.1-1.7"), cite("3.2", "rows 3.1-3.4")],
        rows=[[f"{Q2}:1.1", f"{Q2}:1.2"], [f"{Q2}:3.2", f"{Q2}:3.3", f"{Q2}:3.4"]],
    )
    assert retrieval_rank(expect, chunks) == 2 and citation_ok(
        expect, chunks.citations, cited_rows(chunks)
    )
    assert (
        retrieval_rank(Expect(answered=True, refs=["3.3"], document=P20), chunks) == 0
    )  # same ref, other document
    assert not citation_ok(expect, chunks.citations)  # labels alone: neither chunk is labelled 3.3


def test_claim_support_flags_figures_no_quote_holds() -> None:
    quoted = cite("5.8", "We are currently supporting 5,252 young carers.")
    assert (
        unsupported_numbers(answer("5252 young carers are supported [1]", citations=[quoted])) == []
    )
    assert unsupported_numbers(answer("5,300 young carers [1] since 2019", citations=[quoted])) == [
        "5300",
        "2019",
    ]
    listed = answer(
        "2 items are rated Red [1–2]", citations=[cite("1.1", "a"), cite("1.2", "b")], count=2
    )
    assert unsupported_numbers(listed) == []


def test_a_cited_papers_address_is_a_link_not_a_figure() -> None:
    """The digits of a cited paper's address are no claim; an address no citation has is."""
    paper = "https://democracy.example.gov.uk/documents/s71062/Appendix%20D.pdf"
    quoted = cite("1", "Appendix D").model_copy(update={"url": f"{paper}#page=1"})
    given = answer(f"Appendix D [1]\n{paper} [1]", citations=[quoted])
    assert unsupported_numbers(given) == []
    made_up = answer("Appendix D [1]\nhttps://example.org/s99/x.pdf [1]", citations=[quoted])
    assert unsupported_numbers(made_up) == ["99"]


# --- score ------------------------------------------------------------------------------
def test_score_a_right_status_answer() -> None:
    expect = Expect(
        answered=True,
        refs=["3.2"],
        document=Q2,
        facts=[["Green/Amber", "G/A"]],
        evidence="One-Stop Shop",
    )
    got = answer(
        "**3.2** Rating: Green/Amber (G/A) [1]",
        items=[item("3.2")],
        citations=[cite("3.2", "Create a One-Stop Shop style service")],
    )
    checks = score(expect, got)
    assert checks.passed and checks.answer and checks.citation and checks.abstention
    assert checks.retrieval_rank == 1 and checks.claims


def test_score_a_wrong_rating_and_wrong_source_fail_separately() -> None:
    expect = Expect(answered=True, refs=["3.2"], document=Q2, facts=[["Green/Amber", "G/A"]])
    got = answer(
        "Rating: Green (G) [1]", items=[item("3.3")], citations=[cite("3.3", "rough sleeping")]
    )
    checks = score(expect, got)
    assert checks.answer is False and checks.missing_facts == ["Green/Amber | G/A"]
    assert checks.citation is False and checks.retrieval_rank == 0 and not checks.passed
    assert "no citation of the expected ref/evidence" in checks.problems()


def test_abstention_is_scored_both_ways() -> None:
    declined = answer("The plan documents I have don't cover this.", answered=False)
    assert score(Expect(answered=False), declined).abstention
    assert not score(Expect(answered=True, facts=["x"]), declined).abstention
    wrongly = score(
        Expect(answered=False), answer("The 2025/26 budget is £1m", citations=[cite(None, "x")])
    )
    assert not wrongly.abstention and wrongly.claims is False
    assert "answered, should decline" in wrongly.problems()


def test_count_and_first_item_are_part_of_the_answer_check() -> None:
    expect = Expect(answered=True, refs=["2.4", "2.5"], document=Q2, count=8)
    assert score(expect, answer("8 items are rated Amber", items=[item("2.4")])).answer
    assert score(expect, answer("7 items are rated Amber", items=[item("2.4")])).answer is False
    exact = Expect(answered=True, refs=["12.1"], document=Q2, facts=["Green"], first_item=True)
    assert score(exact, answer("Rating: Green", items=[item("12.1")])).answer
    led_by_other = score(exact, answer("Rating: Green", items=[item("12.2"), item("12.1")]))
    assert led_by_other.answer is False and led_by_other.first_item is False


def test_a_draft_must_name_what_is_not_covered() -> None:
    expect = Expect(answered=True, refs=["3.2"], not_covered=["cost"])
    said = answer(
        "... Not covered: how much did it cost?",
        items=[item("3.2")],
        uncovered=["How much did it cost?"],
    )
    assert score(expect, said).answer
    silent = answer("...", items=[item("3.2")], uncovered=[])
    assert score(expect, silent).missing_not_covered == ["cost"]


def test_an_error_fails_every_applicable_check() -> None:
    checks = score(Expect(answered=True, refs=["3.2"], facts=["x"], count=1), None)
    assert (
        not checks.passed
        and checks.answer is False
        and checks.retrieval_rank == 0
        and checks.count is False
    )


def test_summaries_compute_rates_ranks_and_latency() -> None:
    expect = Expect(answered=True, refs=["3.2"], document=Q2, facts=["Green"])
    first = score(expect, answer("Green", items=[item("3.2")]))
    second = score(expect, answer("Green", items=[item("1.1"), item("3.2")]))
    missed = score(expect, answer("Red", items=[item("9.9")]))
    declined = score(Expect(answered=False), answer("no", answered=False))
    summary = summarise("all", [(first, 10.0), (second, 20.0), (missed, 30.0), (declined, 1000.0)])
    assert summary.questions == 4
    assert summary.value("answer") == pytest.approx(2 / 3)
    assert summary.value("abstention") == 1.0 and summary.metrics["declines"].n == 1
    assert summary.value("hit@1") == pytest.approx(1 / 3) and summary.value(
        "hit@5"
    ) == pytest.approx(2 / 3)
    assert summary.value("mrr") == pytest.approx((1 + 0.5 + 0) / 3)
    assert summary.value("p50_ms") == pytest.approx(25.0)
    assert summary.value("count") is None and summary.metrics["count"].n == 0
