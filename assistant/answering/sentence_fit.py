"""How closely one source sentence fits a question: its rare words, its word pairs, and
the line above it when that line names what its figure counts.

Retrieval finds passages; a fact answer quotes one sentence of them. A plain share of
the question's words counts "report" as much as "pothole", and a figure printed on its
own line ("Latest: 64% Target: 60%") shares no word with the question at all. Standard
signals of sentence ranking, which hold for any council's papers and any wording:

* **Word overlap weighted by rarity** (idf among the candidate sentences), so the words
  that tell the candidates apart decide, not the topic every one of them shares;
* **adjacent word pairs** of the question found together in the sentence ("savings
  target", "foster households"), a phrase match that single words miss;
* **a two-sentence window**: a sentence holding the thing asked, read with the sentence
  before it when that one names more of the question's subject (a KPI card's title line
  above its figures, a narrative's subject sentence before its number).

Scoring each sentence by its own MiniLM similarity to the question was measured too and
left out: on the tuning questions it moved as many choices to a wrong sentence (a heading
that restates the question) as to a right one, and cost ~10 ms of encoding per sentence.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import lru_cache

from assistant.answering.word_forms import IRREGULAR_GROUPS
from indexing.terms import content_stems

PREFIX_MIN = 5
"""A question stem this long also matches a longer word it begins ("chair" → "chairman")."""
_WORD = re.compile(r"[a-z0-9£'’-]+")


@lru_cache(maxsize=20_000)
def stems(text: str) -> frozenset[str]:
    """``content_stems`` of a sentence, kept: one question reads each sentence's words
    three times (rarity, window, score) and a follow-up reads the same passages again."""
    return frozenset(content_stems(text))


_SAME_EVENT = (
    frozenset(content_stems("begin began begun start commence commenced")),
    frozenset(content_stems("finish end conclude close")),
    *IRREGULAR_GROUPS,
)
"""Words for one event, any of which a sentence may use for the question's: hearings
"commenced" answer when they "began", a meeting "scheduled to end" when it "finished",
a letter "wrote" when the question asks who he would "write" to."""


def _same(word: str) -> frozenset[str]:
    return next((group for group in _SAME_EVENT if word in group), frozenset((word,)))


def matched(wanted: Iterable[str], held: Iterable[str]) -> set[str]:
    """The question's stems the sentence holds, a stem also matching a longer word it
    begins ("chair" of "chaired" in "Chairman", "second" of "seconded") or another word
    for the same event ("commenced" for "begin")."""
    held = set(held)
    return {
        w
        for w in wanted
        if _same(w) & held or (len(w) >= PREFIX_MIN and any(s.startswith(w) for s in held))
    }


def rarity(wanted: set[str], texts: list[str]) -> dict[str, float]:
    """Each question stem's weight: its smoothed idf among ``texts``, the sentences being
    chosen between. A word every candidate holds (the topic that found them all) cannot
    tell them apart; one only a few hold can. A stem no text holds gets the highest weight.

    Measured against the idf of the whole index on the tuning questions, the candidates'
    own idf chose the right sentence more often: the index's rarest words ("late") are
    not always the ones that separate the sentences of one topic."""
    held = [stems(t) for t in texts]
    n = max(1, len(held))
    return {w: math.log((n + 1) / (sum(1 for h in held if matched({w}, h)) + 0.5)) for w in wanted}


def weighted_overlap(weights: dict[str, float], held: Iterable[str]) -> float:
    """Share of the question's idf weight that the sentence's stems hold (0 to 1)."""
    total = sum(weights.values())
    if total <= 0:
        return 0.0
    return sum(weights[w] for w in matched(weights, held)) / total


@lru_cache(maxsize=50_000)
def _stem(word: str) -> str | None:
    found = content_stems(word)
    return next(iter(found)) if len(found) == 1 else None


def stem_sequence(text: str) -> list[str]:
    """The content stems of ``text`` in order (stop words left out)."""
    return [s for w in _WORD.findall(text.lower()) if (s := _stem(w.strip("'’-")))]


@lru_cache(maxsize=20_000)
def word_pairs(text: str) -> frozenset[tuple[str, str]]:
    """Adjacent content stems of ``text``: "the savings target" → (save, target)."""
    seq = stem_sequence(text)
    return frozenset((a, b) for a, b in zip(seq, seq[1:], strict=False) if a != b)


def pair_share(asked: Iterable[tuple[str, str]], sentence: str) -> float:
    """Share of the question's adjacent word pairs that the sentence also has adjacent,
    either way round ("savings target" / "target for savings")."""
    wanted = set(asked)
    if not wanted:
        return 0.0
    held = word_pairs(sentence)
    return sum(1 for a, b in wanted if (a, b) in held or (b, a) in held) / len(wanted)


def windows(said: list[str], holds: list[bool], wanted: set[str]) -> list[tuple[str, str]]:
    """(previous sentence, sentence) pairs where the sentence holds what is asked but the
    one before names more of the question's subject and holds no answer itself: a KPI's
    title line above its "Latest: 64% Target: 60%" line, a narrative's subject sentence
    before its figure; and each entry of a list read with the sentence leading into it."""
    named = [len(matched(wanted, stems(s))) for s in said]
    found = [
        (said[i - 1], said[i])
        for i in range(1, len(said))
        if holds[i] and not holds[i - 1] and named[i - 1] > named[i]
    ]
    return found + [w for w in _listed(said, holds) if w not in found]


LEADS_LIST = re.compile(r"\b(?:the\s+following\b[^.:\n]{0,60}|as\s+follows)\s*[.:]\s*$", re.I)
"""A sentence that leads into a list printed after it ("… based on the following assessed
levels.", "… as follows:")."""
LIST_ENTRY_WORDS = 25
"""The most words of a sentence read as one entry of a list, not a paragraph after it."""


def _listed(said: list[str], holds: list[bool]) -> list[tuple[str, str]]:
    """(lead, entry) for each entry of a list that holds what is asked, read with the
    sentence leading into the list: "3% to 5% considered too risky" says what is too risky
    only under "… general reserves … based on the following assessed levels."."""
    found: list[tuple[str, str]] = []
    lead: str | None = None
    for sentence, held in zip(said, holds, strict=True):
        if lead is not None and len(sentence.split()) > LIST_ENTRY_WORDS:
            lead = None  # the list has ended
        if lead is not None and held:
            found.append((lead, sentence))
        if LEADS_LIST.search(sentence):
            lead = sentence
    return found
