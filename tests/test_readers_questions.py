"""Members' questions with their written answers: a made-up Q&A paper and real minutes."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexing.blocks import Block, BlockKind, Span
from indexing.loaders import load_file
from indexing.model import ItemKind
from indexing.readers.questions import read_questions

REAL = Path(__file__).resolve().parent.parent / "evals" / "corpus-real"


def block(text: str, line: int, kind: BlockKind = BlockKind.paragraph, level: int = 0) -> Block:
    return Block(kind=kind, text=text, level=level, at=Span(line=line))


def test_a_questions_paper_of_another_shape() -> None:
    blocks = [
        block("Full Council, Thursday 6 March 2025", 1, BlockKind.heading, 1),
        block("Questions to Cabinet Members", 2, BlockKind.heading, 2),
        block("Question 1 from Cllr Ann Smith to Cllr Bob Jones, Cabinet Member for Highways", 3),
        block("When will the resurfacing of Mill Lane finish?", 4),
        block("Answer: The works finish in June 2025.", 5),
        block("The contractor has been told of residents' concerns.", 6),
        block("Q2. Mrs P Cole to Mr D Watkins (Cabinet Member for Adult Social Care)", 7),
        block("How many carers' assessments were completed in 2024?", 8),
        block("Response", 9),
        block("1,204 assessments were completed.", 10),
        block("Mrs Cole thanked the Cabinet Member for the answer.", 11),
        block("Questions to the Leader", 12, BlockKind.heading, 2),
        block("Question 3 from Mr Sam Hill to the Leader", 13),
        block("Will the council tax rise?", 14),
        block("Reply: By 4.99%.", 15),
        block("Table of Charges", 16, BlockKind.heading, 3),  # a heading inside the answer
        block("Band D £1,700.", 17),
        block("Motions", 18, BlockKind.heading, 1),
        block("Answer: this is a motion's text, not an answer.", 19),
    ]
    first, second, third = read_questions(blocks, doc_id="fc", source="fc.docx")
    assert all(q.kind is ItemKind.question for q in (first, second))
    assert first.ref == "1" and first.commitment == "When will the resurfacing of Mill Lane finish?"
    assert (
        first.update
        == "The works finish in June 2025. The contractor has been told of residents' concerns."
    )
    assert first.fields == {
        "asker": "Cllr Ann Smith",
        "to": "Cllr Bob Jones",
        "post": "Cabinet Member for Highways",
        "ref": "1",
        "meeting_date": "2025-03-06",
    }
    assert first.section == "Questions to Cabinet Members" and first.location.line_start == 3
    assert second.fields["asker"] == "Mrs P Cole" and second.fields["to"] == "Mr D Watkins"
    assert second.fields["post"] == "Cabinet Member for Adult Social Care"
    assert second.update == "1,204 assessments were completed."
    assert second.fields["follow_up"] == "Mrs Cole thanked the Cabinet Member for the answer."
    assert (third.ref, third.fields["to"], third.section) == (
        "3",
        "the Leader",
        "Questions to the Leader",
    )
    assert third.update == "By 4.99%. Table of Charges Band D £1,700."


def test_a_paper_with_no_questions_gives_none() -> None:
    blocks = [
        block("Further to comments and questions from Members it was noted:", 1),
        block("Mr Watkins asked members to promote the service.", 2),
        block("Answer: not after any question", 3),
    ]
    assert read_questions(blocks, doc_id="m", source="m.pdf") == []


def test_real_minutes_with_members_questions_and_replies() -> None:
    path = REAL / "other" / "limerick-council-minutes-2025-03-31-questions.md"
    questions = read_questions(load_file(path).blocks, doc_id="lim", source=path.name)
    askers = [q.fields["asker"] for q in questions]
    assert askers == [
        "Councillor U. Gavan",
        "Councillor E. O’Donovan",
        "Councillor L. Galvin",
        "Councillor B. Collins",
        "Councillor E. O’Donovan",
        "Councillor S. Benson",
        "Councillor S. Benson",
        "Councillor M. Donoghue",
        "Councillor M. Donoghue",
        "Councillor D. McSweeney",
        "Councillor S. Beasley",
        "Councillor J. Scanlan",
        "Councillor J. Scanlan",
    ]
    assert all(q.update and q.fields["meeting_date"] == "2025-03-31" for q in questions)
    mayor = questions[0]
    assert mayor.fields["to"] == "the Mayor"
    assert mayor.commitment.startswith("I will ask the Mayor to work with the Director General")
    assert mayor.update.startswith("The concerns you have raised are completely understandable")
    assert mayor.fields["follow_up"].startswith("Councillor Galvin welcomed the reply")
    dogs = questions[2]
    assert "XL Bully" in dogs.commitment and "38 exemption certs have been issued" in dogs.update
    assert "to" not in dogs.fields  # "I will ask at the next Meeting" names no one
    notices = questions[4]
    assert "Up to 21st March 2025 818 3" in notices.update  # the reply's table kept
    assert all(q.location.line_start for q in questions)


@pytest.mark.parametrize(
    "name",
    [
        "cabinet_2025-01-30__Printed minutes 30th-Jan-2025 10.00 Cabinet.pdf",
        # a form's "Number | Question | Answer" table is not members' questions
        "cabinet_2025-01-30__24-00109 - Appendix C - DPIA Screening Tool outcome - Transitions.pdf",
    ],
)
def test_real_papers_without_members_questions(name: str) -> None:
    path = REAL / "kent" / name
    assert read_questions(load_file(path).blocks, doc_id="k", source=path.name) == []


def test_a_replys_table_printed_one_cell_a_line_is_read_a_row_a_line_with_its_years() -> None:
    blocks = [
        block("19.", 1),
        block("Question submitted by Councillor J. Scanlan", 2),
        block("I will ask at the next Meeting what percentage of rates came from wind farms.", 3),
        block("REPLY:", 4),
        block("The following Table summarises the percentage for the past five years:", 5),
        block("Year 2020 2021 2022", 6),
        block("Windfarm Income as a", 7),
        block("Percentage of Total Rates Income", 8),
        block("6.46%", 9),
        block("6.44%", 10),
        block("5.85%", 11),
        block("District of Adare", 12),
        block("€187,254 €196,165 €312,402", 13),
        block("The figures are unaudited.", 14),
    ]
    (reply,) = read_questions(blocks, doc_id="lim", source="lim.md")
    assert reply.update == (
        "The following Table summarises the percentage for the past five years: "
        "Windfarm Income as a Percentage of Total Rates Income — 2020, 2021, 2022: 6.46% 6.44% "
        "5.85%. District of Adare — 2020, 2021, 2022: €187,254 €196,165 €312,402. "
        "The figures are unaudited."
    )


def test_years_without_a_row_of_as_many_values_are_left_as_printed() -> None:
    blocks = [
        block("Question submitted by Councillor A. Archer", 1),
        block("What was spent in 2021 and 2022?", 2),
        block("REPLY:", 3),
        block("2021 2022", 4),
        block("Spend rose", 5),
        block("€10", 6),
    ]
    (reply,) = read_questions(blocks, doc_id="q", source="q.md")
    assert reply.update == "2021 2022 Spend rose €10"
