"""Short forms the papers define for themselves: "Adult Social Care and Health (ASCH)".

A question uses a paper's own short forms ("ASCH direct payments", "CYPE red kpis")
where the indicator's name or heading spells the words out. Council papers define each
short form once, in brackets after the words whose initials spell it (linking words
aside); those definitions are read from the documents the asker may see, so a short form
means what that council's papers say it means and nothing is guessed.
"""

from __future__ import annotations

import re

from indexing.model import PlanDocument
from indexing.terms import content_stems

_DEFINED = re.compile(r"\(([A-Z][A-Za-z&]{1,7}?)s?\)")
_WORD = re.compile(r"[A-Za-z][\w’'-]*|&")
_LINKING = frozenset({"of", "the", "and", "for", "&", "to", "in", "on", "by", "a", "an"})
MAX_WORDS = 8
"""Most words a definition runs back over before its bracket."""


def definitions(text: str) -> dict[str, str]:
    """Short form (lower case) → the words before it whose initials spell it."""
    found: dict[str, str] = {}
    for match in _DEFINED.finditer(text):
        short = match.group(1).replace("&", "").lower()
        words = _WORD.findall(text[max(0, match.start() - 120) : match.start()])[-MAX_WORDS:]
        letters = ""
        for start in range(len(words) - 1, -1, -1):
            word = words[start]
            if word.lower() in _LINKING:
                continue
            letters = word[0].lower() + letters
            if letters == short:
                found.setdefault(short, " ".join(words[start:]))
                break
            if not short.endswith(letters):
                break
    return found


_CACHE: dict[tuple[tuple[str, str], ...], dict[str, frozenset[str]]] = {}
CACHED = 16
"""Sets of documents whose key is kept (an asker's scope changes only with an ingest)."""


def short_form_key(documents: list[PlanDocument]) -> dict[str, frozenset[str]]:
    """Every short form the documents define → the stems of the words it stands for."""
    ident = tuple((d.id, d.sha256) for d in documents)
    if ident not in _CACHE:
        key: dict[str, frozenset[str]] = {}
        for doc in documents:
            texts = [p.text for p in doc.passages] + [i.commitment for i in doc.items]
            for short, words in definitions("\n".join(texts)).items():
                key.setdefault(short, frozenset(content_stems(words)))
        if len(_CACHE) >= CACHED:
            _CACHE.clear()
        _CACHE[ident] = key
    return _CACHE[ident]
