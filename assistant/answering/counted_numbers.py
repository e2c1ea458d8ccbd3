"""The numbers of a sentence that are figures: not a year, a day of a month, a record's
number, an age band or a reference to another item.

A figure question is answered by a sentence that holds a figure; "up to 31 March 2026",
"decision 24/00109", "children aged 4-5 years" and "As 10.1" print numbers that are none;
and a count answers "how many representations" when it stands by the word it counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answering.short_forms import spelt_out
from assistant.answering.understand import Query
from indexing.terms import LABEL_WORDS, content_stems

_NUMBER = re.compile(
    r"(?<![\w/.-])(?:c\.?\s?(?=\d)|circa\s)?(?:[£€$]\s?)?\d[\d,]*(?:\.\d+)?\s?(?:%|k\b|m\b|million|bn)?"
)
_AGES = re.compile(r"\b(?:aged|ages|age)\s*$", re.I)
_AGES_AFTER = re.compile(
    r"\s*(?:[-–]\s*\d+[-\s]*)?(?:years?[- ]olds?\b|[-–]\s*\d+\s*years?\b)", re.I
)
_DAY_OF = re.compile(
    r"(?:st|nd|rd|th)?\s*(?:of\s+)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|"
    r"june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b",
    re.I,
)
_BAND_END = re.compile(r"[-\s]*years?\b", re.I)
"""An age or an age band ("aged 16-64", "18-25 year olds") describes who is counted."""


def non_year_numbers(sentence: str) -> list[str]:
    """The figures of a sentence, as printed ("£23m", "84%", "1,109")."""
    numbers = []
    for match in _NUMBER.finditer(sentence):
        token = match.group(0).strip()
        if re.search(
            r"\b(?:as|ref|see|item|commitment|appendix|annex|section|paragraph|table)\s*$",
            sentence[: match.start()],
            re.I,
        ):
            continue  # "As 10.1", "Appendix 2" point at another part; they are not figures
        if re.search(r"\(\s*[A-Z]{2,5}\s*$", sentence[: match.start()]):
            continue  # "(AAIL 32)", "(SA 84)": a reference to an assessment, not a figure
        before, after = sentence[: match.start()], sentence[match.end() :]
        if (
            not before.strip(" •-–*(")
            and re.fullmatch(r"\d+(?:\.\d+)+", token)
            and re.match(r"\s*[A-Z]", after)
        ):
            continue  # "4.3 The allocations …": the paragraph's number, not a figure
        if (
            _AGES.search(before)
            or _AGES_AFTER.match(after)
            or (re.search(r"\d\s*[-–]\s*$", before) and _BAND_END.match(after))
        ):
            continue  # "children aged 4-5 years": who is counted, not the figure
        if (
            _DAY_OF.match(after)
            or re.match(r"[/-]\d{3,}|[/.-]\d{1,2}[/.-]\d{2,4}\b", after)
            or (re.fullmatch(r"\d{1,2}\.\d{1,2}", token) and re.match(r"\.\d{2,4}\b", after))
        ):
            # "up to 31 March 2026", "decision 24/00109", "by 31/01/2025", "15.3.25": a day
            # or a record's number
            continue
        digits = re.sub(r"[^\d]", "", token)
        if re.fullmatch(r"(?:19|20)\d{2}", digits) and not token.startswith(("£", "€", "$")):
            continue
        numbers.append(token)
    return numbers


NEAR_COUNTED = 10
"""Words either side of what is counted within which its count is printed."""
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty "
    "forty fifty hundred thousand dozen".split()
)
_PAGES = re.compile(r"\(?\b(?:pages?|pp?\.)\s*\d+(?:\s*[-–]\s*\d+)?\)?", re.I)
_TOKEN = re.compile(r"[£€$]?\d[\d,.]*%?|[A-Za-z'’-]+")


def count_near(sentence: str, counted: set[str], stems_of: Callable[[str], set[str]]) -> bool:
    """A count stands within a few words of a word naming what is counted: "the 58
    representations received", not "three rounds of consultation … published for
    representations". ``stems_of`` gives a word's stems (``indexing.terms.content_stems``)."""
    sentence = _PAGES.sub(" ", sentence)  # "(Pages 101 - 104)" is where, not how many
    tokens = [m.group(0) for m in _TOKEN.finditer(sentence)]
    figures = {re.sub(r"\D", "", n) for n in non_year_numbers(sentence)}  # "c940" is 940
    counts = [
        i
        for i, t in enumerate(tokens)
        if (t.lower() in _NUMBER_WORDS or (re.sub(r"\D", "", t) in figures and t[:1] != "-"))
        and not (i and tokens[i - 1].lower() in LABEL_WORDS)  # "Year 4" names, not counts
    ]
    named = [i for i, t in enumerate(tokens) if stems_of(t) & counted]
    return any(abs(i - j) <= NEAR_COUNTED for i in counts for j in named)


_GENERIC_COUNTED = set(
    "peopl person time number total individu extra addit more new differ impact effect".split()
)
"""Counted words that only say a count (or an increase) is wanted, not what is counted."""
HOW_MANY = re.compile(r"\bhow many\b", re.I)
"""A count asked for, whatever the question's intent ("how many kpis were reported")."""


def counted_stems(query: Query) -> set[str]:
    """The stems naming what a "how many" question counts ("representations"), without
    the words that only say a count is wanted."""
    return content_stems(" ".join(query.counted_words)) - _GENERIC_COUNTED


PEOPLE = frozenset(
    content_stems(
        "people person persons individuals adults kids children child pupils students "
        "learners residents young youngsters babies"
    )
)
"""Words counting people by no more than their age or number: one stands for another
("how many young adults are in the cohort": "the total cohort of 920 individuals"). What
people do or are to the council (carers, staff, tenants) is no such word."""


def counted_held(query: Query, sentence: str, subject: str) -> bool:
    """Every word naming what a figure counts is in the sentence or its subject ("new
    foster carers" is not "carers"), except words that only say a count is wanted."""
    if not query.counted_words:
        return True
    counted = counted_stems(query)
    held = content_stems(sentence) | content_stems(subject)
    missing = counted - held - spelt_out(f"{sentence} {subject}", query.text)
    if missing and not (missing <= PEOPLE and held & PEOPLE):
        return False  # "young adults" are counted by "920 individuals", "kids" by "pupils"
    # what is counted, named in the sentence ("2,800 people", "58 representations"): its
    # count stands beside it
    said = content_stems(" ".join(query.counted_words)) & content_stems(sentence)
    return not (said and HOW_MANY.search(query.text)) or count_near(sentence, said, content_stems)
