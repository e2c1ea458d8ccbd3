"""Content words of a text, stemmed, and how rare each is in the indexed documents.

Whether a question is covered is judged partly by how much of it the best source
shares, weighted by rarity: "e-scooters" appears in no document, so a sentence that
shares only "policy" with "what's the council's policy on e-scooters" does not answer it.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from indexing.store import IndexStore

_STOP = set(
    "a an the of to in on at by for and or is are was were be been being do does did doing have has had "
    "what whats what's which who whom whose when where why how many much any there this that these those "
    "it its i we you they he she me my our your their about with from as into than then so if not no yes "
    "will would can could should shall may might must tell please pls plz latest news update happening going go "
    "get got thing things stuff now still yet also just actually or bit lot us council councils "
    "come coming along doing done happen happened "
    # words that ask about an item's fields rather than name its subject
    "responsible charge owner owns own rag rating rated status progress member members director "
    "officer portfolio cllr cllrs "
    # words of asking that name no subject: "according to the minutes", "what did X say",
    # "how big", "how did the vote go/went", "per the s25 statement"
    "say said says saying according mention mentioned mentions big went came gave want wants "
    "wanted often nothing anything something everything show shows showed put per vs versus "
    "cannot plus".split()
) | {
    # negative contractions, typed with either apostrophe: "the tips that can't take …"
    f"{word}{apostrophe}t"
    for word in "can don doesn didn won isn aren wasn weren haven hasn hadn couldn wouldn "
    "shouldn".split()
    for apostrophe in ("'", "’")
}
_NAME_FILLER = {
    "council",
    "county",
    "city",
    "district",
    "borough",
    "community",
    "town",
    "parish",
    "and",
    "of",
    "the",
}


def place_stems(publishers: Iterable[str | None]) -> frozenset[str]:
    """The stems of the councils' own names and of their initials: "Northtown Borough
    Council" → northtown, nb, nbc. A question that says where ("… in <place>") says
    nothing about which paper answers it, so these words do not count towards coverage."""
    words: set[str] = set()
    for publisher in publishers:
        names = re.findall(r"[A-Za-z][A-Za-z'’-]*", publisher or "")
        words |= {n.lower() for n in names if n.lower() not in _NAME_FILLER}
        capitals = [n for n in names if n[0].isupper() and n.lower() not in {"and", "of", "the"}]
        for end in range(2, len(capitals) + 1):
            words.add("".join(n[0] for n in capitals[:end]).lower())
    return frozenset(_stemmer().stemWords(sorted(words))) if words else frozenset()


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


_TOKEN = re.compile(r"[a-z0-9£'’-]+")
_CABINET_MEMBER = re.compile(r"\bcabinet\s+members?\b")


def _without_clitic(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


_LETTERS_COMPOUND = re.compile(r"[a-z]{3,}(?:-[a-z]{3,})+")


def _compound_parts(word: str) -> list[str]:
    """A compound of words joined by hyphens as its words ("zero-cost" → "zero", "cost"),
    so that it meets the same words written apart. Figures and years ("2024-25") stay
    whole, and so does a compound with a particle ("top-up", "tenant-in-situ"): "up" or
    "in" alone would match any phrasal verb of a question."""
    return word.split("-") if _LETTERS_COMPOUND.fullmatch(word) else [word]


LABEL_WORDS = (
    "year stage phase tier level priority section grade band regulation schedule article clause "
    "option module appendix annex round"
).split()
"""Words that, with a letter or number after them, name one thing ("Year R", "Phase 2")."""
_LABELLED = re.compile(rf"\b({'|'.join(LABEL_WORDS)})\s+([a-z]|\d{{1,3}})\b(?![.,]\d)")
"""A label and its one letter or number ("Year R", "Year 7", "Phase 2"): one term, so that
"Year R places" and "Year 7 places" differ by more than a dropped letter."""


def content_stems(text: str) -> set[str]:
    """Stemmed content words: ``"any news on the rats?"`` → ``{"rat"}``; a label with its
    letter or number also as one term (``"year r"`` → ``"yearr"``)."""
    # "who's", "council's" → "who", "council": a clitic is not a content word.
    # "Cabinet member" asks about an item's field; "going to Cabinet" names a meeting.
    text = _CABINET_MEMBER.sub(" ", text.lower())
    words = [
        part
        for w in _TOKEN.findall(text)
        for part in _compound_parts(_without_clitic(w.strip("'’-")))
    ]
    words = [w for w in words if w and w not in _STOP and len(w) > 1]
    return set(_stemmer().stemWords(words)) | {a + b for a, b in _LABELLED.findall(text)}


_WORD = re.compile(r"[a-z][a-z'’-]{3,}")
TYPO_CUTOFF = 0.88
"""How close a word must be to a document's word to be taken as a typo of it."""


class TermStats:
    """Document frequencies of stems over every indexed node, and the words used."""

    def __init__(
        self,
        df: dict[str, int],
        n_docs: int,
        words: list[str] | None = None,
        places: frozenset[str] = frozenset(),
    ) -> None:
        self.df = df
        self.n_docs = max(1, n_docs)
        self.words = sorted(set(words or []))
        self._known = set(self.words)
        self.places = places

    @classmethod
    def build(cls, texts: list[str], places: frozenset[str] = frozenset()) -> TermStats:
        """Statistics of ``texts``; ``places`` (``place_stems``) are left out of coverage."""
        df: Counter[str] = Counter()
        words: set[str] = set()
        for text in texts:
            df.update(content_stems(text))
            words.update(_WORD.findall(text.lower()))
        return cls(dict(df), len(texts), sorted(words), places)

    def correct(self, text: str) -> str:
        """Fix typos against the documents' own words: "comittment" → "commitment".

        Only words of five letters or more that no document uses and that are not
        English words are replaced, and only by a very close match, so a topic the
        documents lack ("e-scooters") stays as it is and a real word is never swapped
        for a neighbour ("lease" is not "ease", "drawn" is not "draw"). The vocabulary
        is that of the documents these statistics were built from: built per access
        scope (``scoped_terms``), a correction never offers a word only a document the
        asker may not see contains.
        """
        import difflib

        def fix(match: re.Match[str]) -> str:
            word = match.group(0)
            lower = word.lower()
            if len(lower) < 5 or lower in self._known or lower in _STOP:
                return word
            if _without_clitic(lower) in self._known:
                return word  # "northtown's": a known word's possessive, not a typo
            close = difflib.get_close_matches(
                lower, self._candidates(lower), n=1, cutoff=TYPO_CUTOFF
            )
            return close[0] if close and not is_english_word(lower) else word

        return re.sub(r"[A-Za-z][A-Za-z'’-]{4,}", fix, text)

    def _candidates(self, word: str) -> list[str]:
        """The only words that can reach the cutoff, found by rapidfuzz in C++.

        difflib's ratio is 2·M/(a+b) with M the characters in its matching blocks, never
        more than the longest common subsequence that rapidfuzz's Indel ratio counts; so
        every word difflib would accept passes this filter, and difflib, judging only
        these, returns what it would have returned from the whole vocabulary (checked in
        tests/test_terms.py). Asking difflib of every word cost ~2 ms a question at 10k items.
        """
        from rapidfuzz import fuzz, process

        found = process.extract(
            word, self.words, scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF * 100 - 0.5, limit=None
        )
        return [w for w, _, _ in found]

    def idf(self, stem: str) -> float:
        """Smoothed idf; a stem no document holds gets the highest weight."""
        return math.log((self.n_docs + 1) / (self.df.get(stem, 0) + 0.5))

    def coverage(self, asked: set[str], found: set[str]) -> float:
        """Share of the question's weight (by idf) that ``found`` holds; the councils'
        own names (``places``) weigh nothing."""
        asked = asked - self.places
        if not asked:
            return 1.0
        total = sum(self.idf(s) for s in asked)
        return sum(self.idf(s) for s in asked & found) / total if total else 1.0

    def save(self, path: Path) -> None:
        data = {
            "n_docs": self.n_docs,
            "df": self.df,
            "words": self.words,
            "places": sorted(self.places),
        }
        path.write_text(json.dumps(data), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> TermStats:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["df"], data["n_docs"], data.get("words"), frozenset(data.get("places", ())))


def scoped_terms(store: IndexStore, document_ids: list[str]) -> TermStats:
    """The statistics of ``document_ids``' nodes only, kept on the store per document set.

    The generation's ``terms.json`` covers every document; an asker who may see only
    some of them gets statistics built from those alone, so a restricted paper neither
    lends its words to the spelling corrector nor shifts the idf weights by which a
    public answer is judged to cover a question.
    """
    if store.covers_every_document(document_ids):
        return store.terms
    key = ("terms", frozenset(document_ids))
    if key not in store.derived:
        ids = sorted(document_ids)
        where = (
            None
            if not ids
            else {"plan_document": ids[0]}
            if len(ids) == 1
            else {"plan_document": {"$in": ids}}
        )
        places = place_stems(d.meta.publisher for d in store.documents if d.id in document_ids)
        store.derived[key] = TermStats.build(
            [node.text for node in store.get(where)] if where else [], places
        )
    return store.derived[key]


_INFLECTIONS = (
    ("ies", "y"),
    ("ied", "y"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("d", ""),
    ("ing", ""),
    ("ing", "e"),
    ("ly", ""),
    ("er", ""),
    ("est", ""),
)


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    """English words (Webster's 2nd and GCIDE, from the ``english-words`` package)."""
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["web2", "gcide"], lower=True, alpha=True))


def in_dictionary(word: str) -> bool:
    """Is ``word`` (lower case) in the dictionary as it is, with no inflection allowed?"""
    return word in _dictionary()


def is_english_word(word: str) -> bool:
    """Is ``word`` (lower case) an English word, allowing regular inflections
    ("leases", "drawing") and British -ise spellings ("prioritised")?"""
    words = _dictionary()
    forms = {word, word.replace("is", "iz"), word.replace("our", "or")}
    return any(
        form in words
        or any(
            form.endswith(end) and form[: len(form) - len(end)] + base in words
            for end, base in _INFLECTIONS
        )
        for form in forms
    )
