"""Answers of a question's parts combined into one (two_part.combine)."""

from __future__ import annotations

from assistant.answering.two_part import combine
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
