"""Answers of a question's parts combined into one (two_part.combine)."""

from __future__ import annotations

from assistant.answering.two_part import ask_in_parts, combine
from assistant.models import Answer, Citation


def _cited(text: str, *quotes: str) -> Answer:
    return Answer(
        question=text,
        answer=" ".join(f"{q} [{n}]" for n, q in enumerate(quotes, start=1)),
        answered=True,
        citations=[
            Citation(document="QPR", document_id="qpr", quote=q, source="qpr.pdf p. 4", page=4)
            for q in quotes
        ],
    )


def test_a_source_both_parts_cite_is_listed_once_under_its_first_number() -> None:
    first = _cited("which kpis are red?", "Foster households (Red)", "Care leavers (Red)")
    second = _cited("how many?", "Care leavers (Red)", "Adoptions (Red)")
    answer = combine("which kpis are red? how many?", [("which?", first), ("how many?", second)])
    assert [c.quote for c in answer.citations] == [
        "Foster households (Red)",
        "Care leavers (Red)",
        "Adoptions (Red)",
    ]
    assert answer.answer.split("\n\n")[1] == "Care leavers (Red) [2] Adoptions (Red) [3]"


def test_the_whole_questions_answer_does_not_repeat_a_part_already_answered() -> None:
    loan = _cited("how big a loan?", "a loan in the amount of €5,520,000")
    declined = Answer(question="who lends it?", answer="not covered", answered=False)

    def ask(text: str) -> Answer:
        return declined if text.lower().startswith("who lends it") else loan

    answer = ask_in_parts("how big a loan did the council seek and who lends it", ask)
    assert answer is not None and answer.answer.count("€5,520,000") == 1
    assert "“Who lends it?” —" in answer.answer  # the part left unanswered says so


def test_one_sentence_answering_both_parts_is_given_once() -> None:
    rents = _cited("how many houses?", "5,847 tenanted houses, which generated €20.6m for 2024")
    income = _cited(
        "what did they bring in?", "5,847 tenanted houses, which generated €20.6m for 2024"
    )
    answer = combine("how many houses and what income?", [("a", rents), ("b", income)])
    assert answer.answer.count("5,847") == 1 and len(answer.citations) == 1


def test_a_part_whose_quote_an_earlier_part_already_gave_is_not_repeated() -> None:
    both = "This includes £15.8m to general reserves, including £11.1m repayment. It also adds."
    part = "This includes £15.8m to general reserves, including £11.1m repayment."

    def quoted(text: str) -> Answer:
        citation = Citation(document="S25", document_id="s25", quote=text, source="s25.pdf p. 9")
        return Answer(question="", answer=f"“{text}” [1]", answered=True, citations=[citation])

    answer = combine("how much, and how much repays?", [("a", quoted(both)), ("b", quoted(part))])
    assert answer.answer == f"“{both}” [1]" and len(answer.citations) == 1
    other = combine("two parts", [("a", quoted(part)), ("b", quoted("Another sentence."))])
    assert len(other.citations) == 2 and "Another sentence." in other.answer


def test_a_question_after_a_topic_and_a_dash_is_a_part_of_its_own() -> None:
    from assistant.answering.question_typing import with_apostrophes
    from assistant.answering.two_part import parts

    asked = with_apostrophes(
        "limerick - whats the parking campaign called, and whose question was that reply to?"
    )
    first, second = parts(asked)
    assert first == "Limerick - what's the parking campaign called"
    assert second.startswith("Whose question was that reply to — ")


def test_a_question_put_as_the_number_wanted_is_a_part_of_its_own() -> None:
    """ "no. of people on a care plan at the end of q3, and how many …?": the thing wanted
    asks as a question word does; a scene-setting clause still does not."""
    from assistant.answering.two_part import parts

    first, second = parts(
        "asc - no. of people on an active care plan at end of q3, and how many still "
        "needed an annual review?"
    )
    assert first.startswith("Asc - no of people on an active care plan")
    assert second.startswith("How many still needed an annual review")
    assert len(parts("when cabinet adopted the plan, who did it say would lead?")) == 1
