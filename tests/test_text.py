"""The shared text helpers (``indexing.text``) and citation markers (``assistant.markers``):
one sentence grammar and one marker grammar for every caller, so they are pinned here."""

from __future__ import annotations

import pytest

from assistant.llm.sentences import split_sentences
from assistant.markers import MARKER, marker, parse_markers, renumber, strip_markers
from assistant.text import one_line
from indexing.text import first_sentence, line_sentences, sentences, shorten, typed_sentences


def test_document_sentences_end_at_a_stop_before_a_capital_not_after_an_abbreviation() -> None:
    text = "Cllr. Long agreed the plan. Mr. J. Smith said c. 40 homes. The site opens in 2025!"
    assert sentences(text) == [
        "Cllr. Long agreed the plan.",
        "Mr. J. Smith said c. 40 homes.",
        "The site opens in 2025!",
    ]
    # a county, a road or a company shortened is no sentence's end either
    assert sentences("Land at Kilready, Co. Limerick, to Liam Ford, for €24,000. Agreed.") == [
        "Land at Kilready, Co. Limerick, to Liam Ford, for €24,000.",
        "Agreed.",
    ]


def test_document_sentences_split_lines_bullets_and_semicolons() -> None:
    assert sentences("Done; Next step agreed.\n• meeting rooms • showers") == [
        "Done;",
        "Next step agreed.",
        "meeting rooms",
        "showers",
    ]


def test_a_lower_case_word_after_a_stop_does_not_start_a_sentence_in_documents() -> None:
    assert sentences("The figure is 4.5 per cent. of the total.") == [
        "The figure is 4.5 per cent. of the total."
    ]


def test_typed_sentences_split_whatever_case_follows() -> None:
    assert typed_sentences("is 12.1 late? who owns it") == ["is 12.1 late?", "who owns it"]


def test_generated_line_keeps_a_quotation_whole_and_markers_close_their_sentence() -> None:
    line = "The update says “It is done. Really.” [1] Next it opens. [2]"
    assert line_sentences(line)[0] == "The update says “It is done. Really.”"
    assert [(s.text, s.cited) for s in split_sentences(line)] == [
        ("The update says “It is done. Really.” [1]", [1]),
        ("Next it opens. [2]", [2]),
    ]


def test_first_sentence() -> None:
    assert first_sentence("Work began. More later.") == "Work began."
    assert first_sentence("no stop here") == "no stop here"


@pytest.mark.parametrize(
    ("text", "limit", "placeholder", "expected"),
    [
        ("short", 10, " …", "short"),
        ("Hello big, world here", 12, " …", "Hello big …"),
        ("Hello big, world here", 12, "…", "Hello big…"),
        ("x" * 30, 10, " …", "xxxxxxxx …"),
        ("a  b\n c", 10, " …", "a b c"),
    ],
)
def test_shorten_cuts_at_a_word_within_the_limit(text, limit, placeholder, expected) -> None:
    got = shorten(text, limit, placeholder)
    assert got == expected and len(got) <= limit


def test_one_marker_grammar_parses_strips_renumbers_and_writes() -> None:
    text = "Rated green [1][3], see [4–6] and [2 to 3]; not [2024]."
    assert parse_markers(text) == [1, 3, 4, 5, 6, 2]
    assert strip_markers("Rated green [1][3].") == "Rated green."
    assert renumber("A [1]. B [2][1].", {1: 4, 2: 7}) == "A [4]. B [7][4]."
    assert marker([3, 1]) == "[1][3]" and marker([4, 5, 6]) == "[4–6]"
    assert not MARKER.search("[2024]")


def test_document_text_cannot_carry_one_of_our_markers() -> None:
    assert (
        one_line("Source: another paper [1], ref 2 [3–4]")
        == "Source: another paper (1), ref 2 (3–4)"
    )
