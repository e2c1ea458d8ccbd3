"""A verb's irregular past forms ("wrote", "written" of "write"), which a stemmer leaves as
they are: "who did he write to" is answered by "wrote to the Minister", and a sentence
holding "held" covers "hold".

Only the comparison of a question with a source reads them as one; the index's own
word statistics keep each form (reading them as one there shifts every word's rarity).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from indexing.terms import content_stems

IRREGULAR = (
    "write wrote written",
    "take took taken",
    "win won",
    "meet met",
    "hold held",
    "make made",
    "send sent",
    "spend spent",
    "pay paid",
    "bring brought",
    "buy bought",
    "choose chose chosen",
    "fall fell fallen",
    "grow grew grown",
    "know knew known",
    "lead led",
    "lose lost",
    "run ran",
    "see saw seen",
    "sell sold",
    "think thought",
    "become became",
    "keep kept",
    "build built",
    "draw drew drawn",
    "speak spoke spoken",
    "stand stood",
    "seek sought",
    "teach taught",
    "hear heard",
    "mean meant",
    "withdraw withdrew withdrawn",
    "undertake undertook undertaken",
)
"""Each verb with its irregular past forms."""

IRREGULAR_GROUPS = tuple(frozenset(content_stems(forms)) for forms in IRREGULAR)
"""Each verb's forms as stems: "write", "wrote", "written"."""
_BASE = {
    stem: min(content_stems(forms.split()[0]))
    for forms in IRREGULAR
    for stem in content_stems(forms)
}


def base_forms(stems: set[str]) -> set[str]:
    """``stems`` with each irregular past form read as its verb ("wrote" → "write")."""
    return {_BASE.get(s, s) for s in stems}


_BASE_WORD = {form: forms.split()[0] for forms in IRREGULAR for form in forms.split()}
_WORD = re.compile(r"[a-z]+")
JOINED_PART = 3
"""Letters each word of a pair needs before its joined form is looked for ("in total" is none)."""


@lru_cache(maxsize=256)
def joined_words(question: str) -> Mapping[str, frozenset[str]]:
    """The question's neighbouring words written as one word, each with the stems of the
    two it joins: "drawn down" → "drawdown" ({"drawn", "down"}), "child care" →
    "childcare". A paper that prints the closed form ("Drawdowns from Reserves") holds
    both words asked; the stemmer cannot see that, as it sees one word.

    Kept per question (read-only): search, sentence choice, each row's fit and each topic
    check of one question ask for the same pairs."""
    words = _WORD.findall(question.lower())
    joined: dict[str, frozenset[str]] = {}
    for first, second in zip(words, words[1:], strict=False):
        parts = content_stems(f"{first} {second}")
        if len(parts) < 2 or min(len(first), len(second)) < JOINED_PART:
            continue  # a word with no content ("is", "the") joins nothing
        for stem in content_stems(_BASE_WORD.get(first, first) + second):
            joined[stem] = frozenset(parts)
    return MappingProxyType(joined)


def with_joined(joined: Mapping[str, frozenset[str]], held: frozenset[str] | set[str]) -> set[str]:
    """``held`` with the two stems of each joined word it holds (``joined_words``)."""
    out = set(held)
    for stem, parts in joined.items():
        if stem in held:
            out |= parts
    return out
