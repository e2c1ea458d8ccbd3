"""Neighbouring words of a question written as one word (``word_forms.joined_words``): a
budget table's "Drawdowns from Reserves" holds what "how much is being drawn down from
reserves" asks, though the stemmer sees one word where the question has two."""

from __future__ import annotations

from assistant.answering.row_lookup import row_fits
from assistant.answering.word_forms import joined_words, with_joined
from indexing.model import Location, TableRow
from indexing.terms import content_stems

from .plans import MemoryScope

ASKED = "how much is being drawn down from reserves in 2025-26 in total (core and external)?"


def test_a_closed_form_holds_both_words_it_joins() -> None:
    joined = joined_words(ASKED)
    assert joined[min(content_stems("drawdown"))] == content_stems("drawn down")
    held = with_joined(joined, frozenset(content_stems("Drawdowns from Reserves")))
    assert content_stems("drawn down reserves") <= held
    # words with no content join nothing; a sentence without the closed form gains nothing
    assert not any(key.startswith("is") for key in joined_words("what is being done"))
    assert with_joined(joined, frozenset(content_stems("Reserves policy"))) == content_stems(
        "Reserves policy"
    )
    assert min(content_stems("childcare")) in joined_words("how many child care places")


def test_a_row_labelled_by_the_closed_form_fits_the_question() -> None:
    row = TableRow(
        id="plan:t1",
        document_id="plan",
        table="3 year revenue plan",
        cells={
            "column 2": "Drawdowns from Reserves",
            "2025-26 Total £000s": "-36,205.2",
            "2025-26 Core £000s": "-10,607.1",
        },
        location=Location(path="plan.pdf", page=2),
    )
    assert row_fits(MemoryScope([]), ASKED, row)
    assert not row_fits(MemoryScope([]), "how much is being paid into the pension fund?", row)
