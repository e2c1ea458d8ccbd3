"""A question read in the words committee papers use: everyday words and phrases ("extra",
"sign off", "come down") as the papers' own ("additional", "approved", "decreased"), and a
short form as the word of a paper's title it begins ("lib dem" as "Liberal Democrats").

A question about what a meeting's paper says is matched against that paper's sentences;
a word the paper never uses matches nothing, though the paper says the same thing in its
own words. Each everyday word or phrase is read as the first of its committee words the
papers use, so a paper that does say "extra" keeps it.
"""

from __future__ import annotations

import re

from indexing.terms import content_stems

EVERYDAY: dict[str, tuple[str, ...]] = {
    "extra": ("additional",),
    "money": ("funding", "funds"),
    "cash": ("funding",),
    "staff": ("workforce", "staffing", "employees"),
    "workers": ("workforce", "employees"),
    "jobs": ("posts", "roles"),
    "spend": ("expenditure", "spending"),
    "spending": ("expenditure",),
    "cuts": ("savings", "reductions"),
    "cut": ("reduction", "reduce"),
    "rise": ("increase", "uplift"),
    "hike": ("increase", "uplift"),
    "boost": ("increase", "top-up"),
    "kids": ("children",),
    "tip": ("HWRC", "household waste recycling centre"),
    "tips": ("HWRCs", "household waste recycling centres"),
    "shortfall": ("gap", "deficit"),
    "scrap": ("cancel", "cancelling", "remove"),
    "stop": ("cancel", "cancelling", "halt"),
    "stopping": ("cancelling", "halting"),
    "scrapped": ("cancelled", "removed"),
    "bosses": ("directors", "management"),
    "chargers": ("charging", "chargepoints"),
    "wrote": ("author",),
    "written": ("author",),
}
"""Everyday words and the words committee papers use for them, most usual first."""

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
SHORT_FORM = (3, 5)
"""Lengths of a word read as the start of a longer word of a paper's title ("lib", "dem")."""


def read_as_papers(text: str, vocabulary: set[str], titles: list[str]) -> str:
    """``text`` with each word the papers never use replaced by the papers' word for it:
    an everyday word by its committee word (``EVERYDAY``), a short form by the word of a
    paper's title it begins. ``vocabulary`` is the stems the papers use."""
    title_words = sorted(
        {w for t in titles for w in _WORD.findall(t) if len(w) > SHORT_FORM[1]},
        key=str.lower,
    )

    def known(word: str) -> bool:
        stems = content_stems(word)
        return not stems or stems <= vocabulary

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        if known(word):
            return word
        lower = word.lower()
        for other in EVERYDAY.get(lower, ()):
            if known(other):
                return other
        if SHORT_FORM[0] <= len(lower) <= SHORT_FORM[1] and lower.isalpha():
            longer = [w for w in title_words if w.lower().startswith(lower)]
            if len({w.lower() for w in longer}) == 1:
                return longer[0]
        return word

    if content_stems("source") <= vocabulary:  # "where would the money come from?": its source
        text = _COME_FROM.sub("source", text)
    for phrase, words in EVERYDAY_PHRASES:  # "sign off" → "approved", "come down" → "decreased"
        said = next((w for w in words if content_stems(w) <= vocabulary), None)
        if said is not None:
            text = phrase.sub(said, text)
    return _WORD.sub(swap, text)


EVERYDAY_PHRASES: list[tuple[re.Pattern[str], tuple[str, ...]]] = [
    (
        re.compile(r"\bsign(?:s|ed|ing)?\s+(?:it\s+|this\s+|that\s+)?off\b", re.I),
        ("approved", "agreed"),
    ),
    (
        re.compile(r"\b(?:part\s*way|partway|half\s*way|halfway)\s+through\s+the\s+year\b", re.I),
        ("in year", "in-year"),
    ),
    (re.compile(r"\bmid[- ]?year\b", re.I), ("in year", "in-year")),
    (
        re.compile(r"\b(?:come|comes|came|gone|go|went)\s+down\b", re.I),
        ("decreased", "reduced", "fallen"),
    ),
    (re.compile(r"\b(?:go|goes|gone|went)\s+up\b", re.I), ("increase", "increased", "risen")),
    (re.compile(r"\b(?:paid|pay|pays|paying)\s+for\b", re.I), ("funded", "funding")),
    (
        re.compile(r"\b(?:taken|took|take|takes|taking)\s+off\b|\bgot\s+rid\s+of\b", re.I),
        ("removed",),
    ),
]
"""Everyday phrases and the words committee papers use for them, most usual first: each
is read as the first of its words the papers use."""


_COME_FROM = re.compile(r"\b(?:come|comes|coming|came)\s+from\b", re.I)
