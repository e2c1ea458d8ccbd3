"""Records of decision named by a short form of their title, the fields only records print,
and a yes/no line quoted with the record's number (``decision_record``, ``record_answer``),
on the text of Kent County Council's records of decision 24/00115 and 24/00096."""

from __future__ import annotations

from types import SimpleNamespace

from assistant.answering.decision_record import _titled, asked_fields, initialled
from assistant.answering.record_answer import numbered_quote
from indexing.model import DocumentKind, DocumentMeta, PlanDocument

from .plans import pdf_passages


def _record(doc_id: str, *passages: tuple[str | None, str]) -> PlanDocument:
    return PlanDocument(
        id=doc_id,
        meta=DocumentMeta(file=f"{doc_id}.pdf", title="Record", kind=DocumentKind.decision),
        sha256=doc_id,
        passages=pdf_passages(doc_id, list(passages), one_page=True),
    )


ICS = _record(
    "ics",
    (
        "DECISION TO BE TAKEN BY: DECISION NO:",
        "Cabinet 24/00115\nFor publication: Yes\nKey decision: Yes",
    ),
    (
        "Adoption of the Integrated Care Strategy Delivery Plan",
        "Title of Decision:\nAdoption of the Integrated Care Strategy Delivery Plan\n"
        "Decision: Cabinet propose to:\n• a) To ADOPT the Integrated Care Strategy Delivery Plan",
    ),
    (
        "Cabinet Committee recommendations and other consultation:",
        "The proposed decision was considered and endorsed at the Health Reform and Public "
        "Health Cabinet Committee on 21 January 2025 prior to decision by Cabinet on 30 "
        "January 2025.",
    ),
    ("Any alternatives considered and rejected:", "Do nothing; This would impact on health."),
)
KCP = _record(
    "kcp",
    ("DECISION TO BE TAKEN BY: DECISION NO:", "Cabinet 24/00096"),
    (
        "Decision:",
        "Subject Matter / Title of Decision Commissioning Plan for Education Provision in "
        "Kent 2025-29\nDecision:\nCabinet agree to:\nA) the Commissioning Plan",
    ),
    (
        "Cabinet Committee recommendations and other consultation:",
        "The Children’s and Young People Cabinet Committee endorsed the KCP on 21 November 2024.",
    ),
)


def test_a_committee_signing_off_asks_for_the_consultation_field_which_gives_its_day() -> None:
    assert asked_fields("when did the cyp cabinet committee sign off the commissioning plan") == [
        "consultation"
    ]
    assert asked_fields("which committee endorsed 24/00115 and on what date") == ["consultation"]
    assert asked_fields("when was decision 24/00115 taken?") == ["date"]
    asked = "when did cabinet first endorse the delivery plan, according to the decision paper?"
    assert asked_fields(asked) == ["consultation", "date"]  # not the committee's day


def test_a_short_form_in_the_question_stands_for_the_title_words_it_abbreviates() -> None:
    title = "Adoption of the Integrated Care Strategy Delivery Plan"
    assert initialled(title, "which committee endorsed the ics delivery plan") == {
        "integr",
        "care",
        "strategi",
    }
    assert initialled(title, "is it the plan?") == set()  # "it" is a word, not "IT"


def test_a_record_named_by_its_title_for_a_field_only_records_print() -> None:
    scope = SimpleNamespace(documents=[ICS, KCP])
    # no "decision" in the question: what was looked at and rejected is a record's field
    asked = "what alternative to adopting the integrated care strategy delivery plan was rejected"
    assert _titled(scope, asked) == "24/00115"
    assert _titled(scope, "which cabinet committee endorsed the ics delivery plan") == "24/00115"
    # the title's years need not be asked
    assert (
        _titled(
            scope, "when did the committee sign off the commissioning plan for education in kent"
        )
        == "24/00096"
    )
    # without a record's field or the word "decision", a title's words are only a topic
    assert _titled(scope, "what does the integrated care strategy delivery plan cost?") is None
    assert _titled(scope, "which committee endorsed the local transport plan") is None
    # "when did cabinet endorse the plan" may be an earlier endorsement the report tells of
    assert (
        _titled(scope, "when did cabinet endorse the integrated care strategy delivery plan")
        is None
    )


def test_a_yes_no_line_is_quoted_with_the_record_number_above_it() -> None:
    assert (
        numbered_quote(ICS, "24/00115", "Key decision", "Yes")
        == "DECISION NO: 24/00115 For publication: Yes Key decision: Yes"
    )
    assert numbered_quote(KCP, "24/00096", "Key decision", "Yes") == "Key decision: Yes"


def test_a_yes_no_question_names_the_record_by_its_title_as_well_as_its_number() -> None:
    from assistant.answering.record_answer import decision_record_answer
    from assistant.answering.understand import understand

    from .plans import passage_node

    nodes = {p.id: passage_node(p, doc) for doc in (ICS, KCP) for p in doc.passages}
    store = SimpleNamespace(read=lambda ids: [nodes[i] for i in ids if i in nodes])
    scope = SimpleNamespace(documents=[ICS, KCP], store=store)
    for asked in (
        "was adopting the ICS delivery plan a key decision?",
        "is 24/00115 a key decision",
    ):
        answer = decision_record_answer(scope, understand(asked, scope.documents))  # type: ignore[arg-type]
        assert answer is not None and answer.answer.startswith("Yes — “DECISION NO: 24/00115")
    # a title the question only half gives names no record
    vague = understand("was the plan a key decision?", scope.documents)
    assert decision_record_answer(scope, vague) is None  # type: ignore[arg-type]


def test_the_number_of_a_record_named_by_its_title_is_asked_as_its_decision_no() -> None:
    from assistant.answering.record_answer import decision_record_answer
    from assistant.answering.understand import understand

    from .plans import passage_node

    asked = "what's the decision no. of the ics delivery plan cabinet took in january?"
    assert asked_fields(asked) == ["number"]
    nodes = {p.id: passage_node(p, doc) for doc in (ICS, KCP) for p in doc.passages}
    store = SimpleNamespace(read=lambda ids: [nodes[i] for i in ids if i in nodes])
    scope = SimpleNamespace(documents=[ICS, KCP], store=store)
    answer = decision_record_answer(scope, understand(asked, scope.documents))  # type: ignore[arg-type]
    assert answer is not None and "Decision number: “24/00115”" in answer.answer
