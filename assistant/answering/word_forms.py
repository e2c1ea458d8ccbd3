"""A verb's irregular past forms ("wrote", "written" of "write"), which a stemmer leaves as
they are: "who did he write to" is answered by "wrote to the Minister", and a sentence
holding "held" covers "hold".

Only the comparison of a question with a source reads them as one; the index's own
word statistics keep each form (reading them as one there shifts every word's rarity).
"""

from __future__ import annotations

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
