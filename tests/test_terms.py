"""The typo fixer: the same corrections as difflib over the whole vocabulary, faster."""

from __future__ import annotations

import difflib
import random

import pytest

from indexing.store import IndexStore
from indexing.terms import TYPO_CUTOFF, TermStats


@pytest.fixture(scope="module")
def terms(corpus_settings) -> TermStats:
    return IndexStore.open(corpus_settings).terms


def _typos(words: list[str], rng: random.Random) -> list[str]:
    """One edit each (swap, drop, double, replace a letter), as people mistype."""
    out = []
    for word in words:
        i = rng.randrange(1, len(word) - 1)
        out += [
            word[:i] + word[i + 1] + word[i] + word[i + 2 :],
            word[:i] + word[i + 1 :],
            word[:i] + word[i] + word[i:],
            word[:i] + rng.choice("aeiourst") + word[i + 1 :],
        ]
    return out


def test_prefilter_keeps_every_word_difflib_would_choose(terms: TermStats) -> None:
    rng = random.Random(7)
    asked = _typos(rng.sample([w for w in terms.words if len(w) >= 6], 150), rng)
    asked += ["comittment", "homelessnes", "councillorz", "e-scooters", "xylophones"]
    assert len(terms.words) > 1000  # the real corpus vocabulary, not a toy one
    corrected = 0
    for word in asked:
        everywhere = difflib.get_close_matches(word, terms.words, n=1, cutoff=TYPO_CUTOFF)
        prefiltered = difflib.get_close_matches(
            word, terms._candidates(word), n=1, cutoff=TYPO_CUTOFF
        )
        assert prefiltered == everywhere, word
        corrected += bool(everywhere)
    assert corrected > len(asked) // 2  # the comparison exercised real corrections


def test_correct_fixes_a_typo_and_leaves_unknown_topics(terms: TermStats) -> None:
    assert "commitment" in terms.correct("which comittment is amber?")
    assert terms.correct("what about e-scooters?") == "what about e-scooters?"


def test_real_english_words_are_never_corrected_to_a_document_word() -> None:
    """ "lease" is one letter from "ease" and "drawn" from "draw": both are words, not typos."""
    terms = TermStats.build(
        ["We will ease congestion and draw up plans for cycling.", "A firm commitment to housing."]
    )
    for asked in (
        "is the lease drawn up?",
        "were the leases redrawn?",
        "plans prioritised for cyclists",
    ):
        assert terms.correct(asked) == asked
    assert terms.correct("which comittment on housing?") == "which commitment on housing?"


def test_english_word_check_allows_inflections_and_british_spellings() -> None:
    from indexing.terms import is_english_word

    assert all(
        is_english_word(w)
        for w in ("lease", "drawn", "leases", "prioritised", "organisations", "colour")
    )
    assert not any(is_english_word(w) for w in ("comittment", "homelessnes", "fennell"))
