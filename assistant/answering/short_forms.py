"""Short forms a source prints for the words a question uses: "44.9FE" for "forms of
entry", "(DFG)" for "disabled facilities grant".

Council papers abbreviate what they count, once spelt out or never; a question asks in
full words. The words whose initials (linking words aside) spell a short form in the
source are words the source holds. A short form in capitals that is also a common word
("GET", "IT") is a word of its own, though common words are not.
"""

from __future__ import annotations

import re

from indexing.terms import content_stems

_ACRONYM = re.compile(r"(?<![A-Za-z])([A-Z]{2,6})(?![a-z])")
_LINKING = frozenset({"of", "the", "and", "for", "&"})


def spelt_out(text: str, question: str) -> set[str]:
    """Stems of the question's words that a short form in ``text`` stands for: "forms of
    entry" for "44.9FE", "disabled facilities grant" for "(DFG)" — the words whose
    initials (linking words aside) spell it."""
    words = re.findall(r"[A-Za-z][\w'’-]*", question)
    found: set[str] = set()
    for short in {m.group(1) for m in _ACRONYM.finditer(text)}:
        for start in range(len(words)):
            run: list[str] = []
            letters = ""
            for word in words[start:]:
                if word.lower() in _LINKING and run:
                    run.append(word)
                    continue
                if not short.startswith(letters + word[0].upper()):
                    break
                letters += word[0].upper()
                run.append(word)
                if letters == short:
                    break
            if letters == short or (
                len(letters) >= MIN_PREFIX and len(short) - len(letters) == 1
            ):  # "adult social care" for "ASCH": all but the last word of its name
                found |= content_stems(" ".join(run))
    return found


MIN_PREFIX = 3
"""Initials a question must give of a short form one letter longer to name it."""


_CAPITALS = re.compile(r"\b[A-Z]{2,6}\b")


def capital_words(text: str, *, asked: bool = False) -> set[str]:
    """Short forms in capitals that are also common words ("GET" of a directorate, "IT"),
    lower-cased: the stems of ``content_stems`` leave them out. A question typed in
    capitals (``asked``) has none: its every word would be one."""
    letters = [c for c in text if c.isalpha()]
    if asked and sum(c.isupper() for c in letters) * 2 > len(letters):
        return set()
    return {w.lower() for w in _CAPITALS.findall(text) if not content_stems(w)}
