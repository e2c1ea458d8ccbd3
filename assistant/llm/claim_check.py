"""The check on generated text: each sentence against the sources it cites.

A model may reword, but every *checkable* thing in a sentence — each number (figures,
money, percentages, years, refs, "Q2"), month or season, RAG rating, and name
(any capitalised word past the first of the sentence: people, places, bodies) — must
appear in the text of the sources that sentence cites (``assistant.llm.claims`` reads them).
Ratings are stricter: a rating is only supported by a cited row's rating *field*, because
quoted text is data a document author (or an attacker) wrote, and "all commitments are
complete" inside a quote is not a rating. A sentence with no citation survives only if it
states nothing checkable (courtesy) or says plainly that the documents don't cover something.

Sentences are the unit (``assistant.llm.sentences``); a quotation in curly quotes “…” is kept
whole, so a quoted update carries one citation. A quotation found word for word in the cited
sources is the document speaking and needs nothing more; one not found there is a misquote.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from assistant.llm.claims import (
    ABSENCE,
    COURTESY,
    MONTHS,
    SEASON,
    months,
    names,
    numbers,
    rating_claims,
)
from assistant.llm.sentences import Sentence, join_sentences, split_sentences
from assistant.markers import strip_markers
from indexing.text import tokens


class CheckSource(BaseModel):
    """What one numbered source offers the check: its text, and its rating codes."""

    n: int
    text: str
    ratings: list[str] = Field(default_factory=list)


class Verdict(BaseModel):
    sentence: str
    cited: list[int] = Field(default_factory=list)
    kept: bool
    reason: str | None = None
    unsupported: list[str] = Field(default_factory=list)


class CheckResult(BaseModel):
    verdicts: list[Verdict]
    text: str = Field(description="The kept sentences, lines as they were")

    @property
    def kept(self) -> list[Verdict]:
        return [v for v in self.verdicts if v.kept]

    @property
    def dropped(self) -> list[Verdict]:
        return [v for v in self.verdicts if not v.kept]


_QUOTATION = re.compile(r"“([^”]*)”")


def quotations(sentence: str, source_text: str) -> tuple[str, list[str]]:
    """The sentence with its word-for-word quotations of the sources taken out, and any misquotes.

    Words in “…” that the cited sources hold in the same order (punctuation aside) are
    the document's own words, attributed: they need no further support. A quotation the
    sources do not hold is a misquote.
    """
    have = tokens(source_text)
    misquotes = [
        m.group(1)
        for m in _QUOTATION.finditer(sentence)
        if tokens(m.group(1)).strip() and tokens(m.group(1)) not in have
    ]
    rest = _QUOTATION.sub(lambda m: "“…”" if tokens(m.group(1)) in have else m.group(0), sentence)
    return rest, misquotes


def unsupported(sentence: str, sources: list[CheckSource]) -> list[str]:
    """What ``sentence`` states that the ``sources`` it cites do not: [] when all is supported."""
    source_text = "\n".join(s.text for s in sources)
    sentence, misquotes = quotations(sentence, source_text)
    missing: list[str] = [f"quotation “{q[:60]}”" for q in misquotes]
    have_numbers = numbers(source_text, unscaled_too=True)
    plain_values = {v for v, _ in have_numbers}
    for value, pct in sorted(numbers(sentence)):
        if (value, pct) not in have_numbers and not (not pct and value in plain_values):
            missing.append(f"{value:,f}%" if pct else f"{value:,f}")
    have_months = months(source_text, any_case=True)
    missing += [MONTHS[m - 1].title() for m in sorted(months(sentence)) if m not in have_months]
    missing += [
        s
        for s in {m.group(1).lower() for m in SEASON.finditer(sentence)}
        if s not in source_text.lower()
    ]
    rated = {code for s in sources for r in s.ratings for code in r.split("/")}
    for word, codes in rating_claims(sentence, source_text):
        if not codes <= rated:
            missing.append(f"rating {word}")
    source_words = {w.lower() for w in re.findall(r"[\w’'&-]+", source_text)}
    source_words |= {part for w in source_words for part in w.split("-")}
    missing += [w for w in names(sentence) if not _known_word(w.lower(), source_words)]
    return missing


def _known_word(word: str, source_words: set[str]) -> bool:
    """ "One-Stop" matches a source's "One Stop", and "Blackburne-Maze" its own spelling."""
    return word in source_words or all(part in source_words for part in word.split("-") if part)


def _has_claims(sentence: str, allowed: str) -> list[str]:
    """Checkable things in an uncited sentence that the question itself did not bring."""
    return unsupported(sentence, [CheckSource(n=0, text=allowed)])


def check_sentence(
    sentence: Sentence, sources: dict[int, CheckSource], question: str = ""
) -> Verdict:
    """Keep or drop one sentence, with the reason."""
    text = sentence.text
    if not sentence.cited:
        leftover = _has_claims(text, question)
        if ABSENCE.search(text) and not leftover:
            return Verdict(sentence=text, kept=True, reason="says what is not covered")
        if COURTESY.search(strip_markers(text)) and not leftover:
            return Verdict(sentence=text, kept=True, reason="courtesy")
        return Verdict(sentence=text, kept=False, reason="no citation", unsupported=leftover)
    unknown = [n for n in sentence.cited if n not in sources]
    if unknown:
        return Verdict(
            sentence=text,
            cited=sentence.cited,
            kept=False,
            reason=f"cites a source that does not exist: {unknown}",
        )
    missing = unsupported(text, [sources[n] for n in sentence.cited])
    if missing:
        return Verdict(
            sentence=text,
            cited=sentence.cited,
            kept=False,
            reason="not in the cited sources: " + ", ".join(missing),
            unsupported=missing,
        )
    return Verdict(sentence=text, cited=sentence.cited, kept=True)


def check(text: str, sources: list[CheckSource], question: str = "") -> CheckResult:
    """Check every sentence of ``text``; the result holds the verdicts and the kept text."""
    by_number = {s.n: s for s in sources}
    sentences = split_sentences(text)
    verdicts = [check_sentence(s, by_number, question) for s in sentences]
    kept = [s for s, v in zip(sentences, verdicts, strict=True) if v.kept]
    return CheckResult(verdicts=verdicts, text=join_sentences(kept))
