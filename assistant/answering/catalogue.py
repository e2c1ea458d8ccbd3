"""What questions are matched against in one set of documents — their people, titles,
years and sections' words — worked out once per set (``catalogue``), not per question."""

from __future__ import annotations

import re
from functools import lru_cache

from cachetools import LRUCache

from assistant.models import Person, PlanDocument
from indexing.people_key import normalise_initials
from indexing.terms import LABEL_WORDS

_ORDINARY_MIN = 3
"""An all-capitals token the documents' own text uses this often is a word there (a
place or a body), not initials, even if someone in a key has the same initials."""


_SECTION_FILLER = {
    "our",
    "commitments",
    "commitment",
    "objectives",
    "objective",
    "issues",
    "the",
    "a",
    "and",
    "on",
    "to",
    "for",
    "of",
    "make",
    "we",
    "will",
}


class Catalogue:
    """What a question is matched against in one set of documents — their people, their
    titles and years, their sections' words — worked out once per set, not per question.

    Questions are many and documents few and unchanging, so these are derived once for the
    whole set (not per question, nor per document, which would still walk every document's
    entries for each question on a large index: docs/benchmarks.md). The key is each
    document's id and file hash, so a new version of a document gets a new catalogue.
    """

    def __init__(self, documents: list[PlanDocument]) -> None:
        self.people: dict[str, Person] = {}
        for doc in documents:
            self.people.update({normalise_initials(p.initials): p for p in doc.people_key.values()})
        self.named = [
            (re.sub(r"^Cllr\s+", "", person.name).lower(), person)
            for person in self.people.values()
            if person.name
        ]
        self.ordinary = _ordinary_capitals(documents)
        unique_keys = _title_keys(documents)
        self.labels = [(doc.id, *_label(doc), unique_keys.get(doc.id, [])) for doc in documents]
        self.sections = [
            (doc.id, section, stems, len(stems) - 1 if len(stems) >= 3 else len(stems))
            for doc in documents
            for section, stems in _item_sections(doc)
        ]
        # Every section needs at least one of its words in the question, so only the
        # sections holding one of the question's words are checked (by position, to
        # keep the documents' order).
        self.sections_with: dict[str, list[int]] = {}
        for position, (_, _, stems, _) in enumerate(self.sections):
            for stem in stems:
                self.sections_with.setdefault(stem, []).append(position)


def _label(doc: PlanDocument) -> tuple[str, frozenset[str]]:
    label = " ".join(
        filter(None, [doc.meta.title, doc.meta.period or "", doc.meta.date or "", doc.id])
    ).lower()
    return label, frozenset(re.findall(r"(?:19|20)\d{2}", label))


def _title_keys(documents: list[PlanDocument]) -> dict[str, list[str]]:
    """Phrases of each document's title that name it alone: word pairs, and long single
    words, found in no other document's title ("improvement analysis", "delivery plan").

    A question that uses one ("what does the improvement analysis say…") points at that
    document; a phrase several titles share points at none of them.
    """
    phrases: dict[str, set[str]] = {}
    # A short number names a paper with its word ("section 25", "appendix 4"); a year's
    # part ("2024/25") does not.
    titles = [_title_words(doc.meta.title) for doc in documents]
    candidates = {w for words in titles for w in words if len(w) >= 9}
    in_text = _word_counts(documents, candidates)
    for doc, words in zip(documents, titles, strict=False):
        # The council's own name ("… city council") names none of its papers in particular.
        publisher = set(re.findall(r"[a-z][a-z'’-]+", (doc.meta.publisher or "").lower()))
        pairs = {
            f"{a} {b}"
            for a, b in zip(words, words[1:], strict=False)
            if not ({a, b} & _TITLE_FILLER) and not ({a, b} & publisher)
        }
        # A long word is a name only if the documents' own text hardly uses it: "commitments"
        # is everywhere in a plan, a programme's name is not.
        singles = {
            w
            for w in words
            if w in candidates and in_text.get(w, 0) <= _NAME_WORD_MAX and not _dictionary_word(w)
        }
        phrases[doc.id] = pairs | singles | _file_labels(doc.meta.file)
    owners: dict[str, set[str]] = {}
    for doc_id, keys in phrases.items():
        for key in keys:
            owners.setdefault(key, set()).add(doc_id)
    return {
        doc_id: sorted(k for k in keys if len(owners[k]) == 1) for doc_id, keys in phrases.items()
    }


def _title_words(title: str) -> list[str]:
    """A title's words, its short numbers, and a single letter only after a label that it
    numbers ("appendix e", "annex b"): "Appendix E" and "Appendix D" are told apart by it."""
    words = re.findall(r"[a-z][a-z'’-]*|(?<![/–-])\b\d{1,3}\b(?![/–-])", title.lower())
    return [
        w
        for n, w in enumerate(words)
        if len(w) > 1 or w.isdigit() or (n and words[n - 1] in LABEL_WORDS)
    ]


def _file_labels(file: str) -> set[str]:
    """The labels with their letter or number that a paper's file name gives it and its
    title may not ("Appendix E - 2025-26 budget by directorate.pdf" → "appendix e")."""
    words = _title_words(re.sub(r"[_.]", " ", file))
    return {
        f"{a} {b}"
        for a, b in zip(words, words[1:], strict=False)
        if a in LABEL_WORDS and (len(b) == 1 or b.isdigit())
    }


def names_document(key: str, question: str) -> bool:
    """Does the (lower-case) question hold this title key? A key ending in a label's letter
    must end at a word's end ("appendix e" is not in "appendix estimates")."""
    if re.search(r"\s[a-z]$", key):
        return re.search(rf"\b{re.escape(key)}\b", question) is not None
    return key in question


def _dictionary_word(word: str) -> bool:
    from indexing.terms import is_english_word

    return is_english_word(word) or (word.endswith("s") and is_english_word(word[:-1]))


_NAME_WORD_MAX = 5
"""Uses in the documents' text up to which a long title word is taken as a name."""


def _word_counts(documents: list[PlanDocument], words: set[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for doc in documents:
        texts = [p.text for p in doc.passages] + [
            f"{i.commitment} {i.update or ''}" for i in doc.items
        ]
        for text in texts:
            for word in re.findall(r"[a-z][a-z'’-]+", text.lower()):
                if word in words:
                    counts[word] = counts.get(word, 0) + 1
    return counts


_TITLE_FILLER = {
    "the",
    "a",
    "an",
    "of",
    "and",
    "for",
    "to",
    "in",
    "on",
    "at",
    "by",
    "with",
    "from",
    "us",
    "our",
    "is",
}


def _ordinary_capitals(documents: list[PlanDocument]) -> frozenset[str]:
    """All-capitals tokens the documents' own prose uses often: their places and bodies."""
    counts: dict[str, int] = {}
    for doc in documents:
        texts = [p.text for p in doc.passages] + [
            f"{i.commitment} {i.update or ''}" for i in doc.items
        ]
        for text in texts:
            for token in re.findall(r"\b[A-Z]{2,5}\b", text):
                counts[token] = counts.get(token, 0) + 1
    return frozenset(token for token, n in counts.items() if n >= _ORDINARY_MIN)


def _item_sections(doc: PlanDocument) -> list[tuple[str, frozenset[str]]]:
    """Sections that hold plan items, with the stems of their distinctive words."""
    with_items = {i.section for i in doc.items}
    from indexing.terms import content_stems

    # The council's own name in a heading ("… for <place>") names no section in particular.
    publisher = content_stems(doc.meta.publisher or "")
    pairs = [
        (section, _section_stems(section) - publisher)
        for section in doc.sections
        if section in with_items
    ]
    return [(section, stems) for section, stems in pairs if stems]


@lru_cache(maxsize=8192)
def _section_stems(section: str) -> frozenset[str]:
    from indexing.terms import content_stems

    words = [
        w
        for w in re.findall(r"[a-z0-9'’&-]+", re.sub(r"^\d+\.\s*", "", section.lower()))
        if w not in _SECTION_FILLER
    ]
    return frozenset(content_stems(" ".join(words)))


_CATALOGUES: LRUCache[tuple[tuple[str, str], ...], Catalogue] = LRUCache(maxsize=16)
"""Document sets in use at once: one per access level, per index generation."""


def catalogue(documents: list[PlanDocument]) -> Catalogue:
    """The catalogue of these documents, keyed by each one's id and file hash."""
    key = tuple((doc.id, doc.sha256) for doc in documents)
    found = _CATALOGUES.get(key)
    if found is None:
        found = _CATALOGUES[key] = Catalogue(documents)
    return found
