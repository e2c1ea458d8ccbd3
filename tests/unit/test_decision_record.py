"""A record of decision read as labelled fields ("who took decision 24/00115 and why"),
on hand-built records laid out the two ways the readers give them: labels side by side
over their values, and a label standing as its passage's section title."""

from __future__ import annotations

from types import SimpleNamespace

from assistant.answering.decision_record import _NUMBER, _titled, asked_fields, record_fields
from indexing.model import DocumentKind, DocumentMeta, Location, Passage, PlanDocument


def _record(*passages: tuple[str | None, str]) -> PlanDocument:
    return PlanDocument(
        id="rec",
        meta=DocumentMeta(file="rec.pdf", title="Record of decision", kind=DocumentKind.decision),
        sha256="rec",
        passages=[
            Passage(
                id=f"rec:p{n}",
                document_id="rec",
                section=section,
                text=text,
                location=Location(path="rec.pdf", page=1),
            )
            for n, (section, text) in enumerate(passages)
        ],
    )


SIDE_BY_SIDE = _record(
    ("Cabinet 24/00096", "DECISION TO BE TAKEN BY: DECISION NO:\nCabinet 24/00096"),
    ("Key decision: YES", "Key decision criteria. The decision will:"),
    (
        "Decision:",
        "Subject Matter / Title of Decision Plan for School Places 2025-29\n"
        "Decision:\nCabinet agree to:\nA) the Plan for School Places 2025-29",
    ),
    ("Background", "Reason(s) for decision:\nBackground\n1.1 The Council must offer places."),
    ("Background", "1.2 The plan forecasts the need."),
    ("Financial Implications:", "None."),
    (
        "Any alternatives considered and rejected:",
        "The plan is needed to meet the legal duty.",
    ),
    (
        "Any interest declared when the decision was taken and any dispensation granted by the"
        " Proper Officer:",
        "....................... signed date",
    ),
)

SECTIONED = _record(
    ("DECISION TO BE TAKEN BY: DECISION NO:", "Cabinet 24/00115\nFor publication: Yes"),
    (
        "Adoption of the Delivery Plan",
        "Title of Decision:\nAdoption of the Delivery Plan\nDecision: Cabinet propose to:\n"
        "• a) To ADOPT the Delivery Plan",
    ),
    ("Reason for Decision:", "To adopt the plan and confirm the corporate position."),
    ("Reason for Decision:", "Background – Provide brief additional context\nIt was endorsed."),
    ("Any alternatives considered and rejected:", "None"),
    ("Date of decision:", "30 January 2025"),
)


def test_labels_side_by_side_take_the_values_beneath_them() -> None:
    fields = record_fields(SIDE_BY_SIDE)
    assert fields["maker"].value == "Cabinet"
    assert fields["number"].value == "24/00096"
    assert fields["title"].value == "Plan for School Places 2025-29"
    assert fields["decision"].value == "Cabinet agree to: A) the Plan for School Places 2025-29"
    assert fields["reasons"].value == (
        "1.1 The Council must offer places. 1.2 The plan forecasts the need."
    )
    assert fields["options"].value == "The plan is needed to meet the legal duty."


def test_a_label_as_section_title_opens_its_field_and_a_heading_ends_it() -> None:
    fields = record_fields(SECTIONED)
    assert (fields["maker"].value, fields["number"].value) == ("Cabinet", "24/00115")
    assert fields["title"].value == "Adoption of the Delivery Plan"
    assert fields["decision"].value == "Cabinet propose to: • a) To ADOPT the Delivery Plan"
    assert fields["reasons"].value == "To adopt the plan and confirm the corporate position."
    assert fields["options"].value == "None"
    assert fields["date"].value == "30 January 2025"


def test_the_question_names_the_fields_it_asks() -> None:
    assert asked_fields("who took decision 24/00096 and why") == ["maker", "reasons"]
    assert asked_fields("what did the cabinet member decide on 24/00115") == ["decision"]
    assert asked_fields("what options were considered for 24/00115?") == ["options"]
    assert asked_fields("when was decision 24/00115 taken?") == ["date"]
    assert asked_fields("is 24/00108 a key decision?") == []
    assert asked_fields("who called in decision 24/00093?") == []
    assert asked_fields("at which cabinet meeting was decision 24/00109 taken?") == []
    assert asked_fields("what did the scrutiny committee agree about decision 24/00093?") == []
    assert asked_fields("how much is the capital underspend in 24/00108?") == []


def test_a_record_is_named_by_its_number_not_a_year() -> None:
    assert _NUMBER.findall("who took decision 24/00115 in 2024/25 or 2024/2025?") == ["24/00115"]


def test_the_consultation_before_a_decision_is_a_field() -> None:
    record = _record(
        ("DECISION TO BE TAKEN BY: DECISION NO:", "Cabinet 24/00115"),
        (
            "Cabinet Committee recommendations and other consultation:",
            "The Health Cabinet Committee endorsed the plan on 21 January 2025.",
        ),
        ("Any alternatives considered and rejected:", "Do nothing; this would harm health."),
    )
    fields = record_fields(record)
    assert fields["consultation"].value == (
        "The Health Cabinet Committee endorsed the plan on 21 January 2025."
    )
    assert fields["options"].value == "Do nothing; this would harm health."
    assert asked_fields("which cabinet committee endorsed 24/00115 and when?") == ["consultation"]
    assert asked_fields("were any alternatives considered for 24/00115?") == ["options"]


def test_a_record_is_named_by_most_of_its_title_when_no_number_is_given() -> None:
    scope = SimpleNamespace(documents=[SIDE_BY_SIDE, SECTIONED])
    asked = "were any alternatives considered for the delivery plan adoption decision?"
    assert _titled(scope, asked) == "24/00115"
    assert _titled(scope, "what was the decision on school places 2025-29?") == "24/00096"
    assert _titled(scope, "were any alternatives considered for the delivery plan?") is None
    assert _titled(scope, "what was decided about the plan?") is None


def test_what_the_decision_maker_had_to_agree_asks_the_decision() -> None:
    asked = "in the 24/00108 monitoring decision, what did cabinet actually have to agree?"
    assert asked_fields(asked) == ["decision"]


def test_a_decision_number_no_paper_prints_is_declined_whatever_is_asked() -> None:
    from assistant.answering.record_answer import decision_record_answer
    from assistant.answering.understand import understand

    scope = SimpleNamespace(documents=[SIDE_BY_SIDE, SECTIONED])
    for asked in ("what was decided — took decision 24/00120", "who took decision 24/00120?"):
        answer = decision_record_answer(scope, understand(asked, []))
        assert answer is not None and not answer.answered
        assert "24/00120" in answer.answer
    # a month and year is no decision's number: not declined as one
    assert decision_record_answer(scope, understand("what happened in 12/2024?", [])) is None
