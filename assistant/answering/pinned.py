"""What a question pins down — a quarter, a year, a council, a person — and whether the
answer about to be given holds it.

An answer is checked after it is composed, on what it states and cites: its text, and
for each citation the quote, the section, the paper's title, period and date, and the
council that published the paper. A question that asks "in q1 2024/25" is not answered
by the Q3 report's latest figure, "in 2022" not by a rolling figure for 2024, "medway
council's" not by another council's indicator, "what did mr sweetland say" not by a
sentence that never names him. Each of these is the topic of the papers with a
different specific, and a figure for the wrong quarter, year, body or person is worse
than saying the papers do not give it.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass

from assistant.answering.asked_days import other_day
from assistant.answering.asked_terms import SET_ASIDE_WORDS
from assistant.answering.evidence import sentence_beside
from assistant.answering.pinned_asks import unasked
from assistant.answering.unheld import asked_months, month_held
from assistant.answering.year_words import consecutive, financial_years
from assistant.models import Answer, PlanDocument
from assistant.text import number_words
from indexing.readers.dates import MONTH_PATTERN, MONTHS
from indexing.terms import is_english_word

_QUARTER = re.compile(
    r"\b(?:q([1-4])|quarter\s*([1-4]|one|two|three|four))\b(?:\s*,?\s*((?:19|20)\d{2}[-/]\d{2,4}))?",
    re.I,
)
_WORD_NUMBER = number_words(4)
_FINANCIAL_YEAR = re.compile(r"\b((?:19|20)\d{2})-(\d{2})\b(?!-\d)")
_ANY_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_MONTH_OF_YEAR = rf"\b{MONTH_PATTERN}[-'’]"


def _year_printed(year: str, text: str) -> bool:
    """Whether ``text`` prints the year in full or as a table's month column does
    ("Dec-24", "Mar'25")."""
    return bool(
        re.search(rf"\b{year}\b", text) or re.search(rf"{_MONTH_OF_YEAR}{year[2:]}\b", text, re.I)
    )


_FINANCE_ASKED = re.compile(r"\bfinancial\s+year\b|\bfy\b", re.I)
_SCHOOL_YEAR = re.compile(r"\b(?:academic|school)\s+year\s+(?:19|20)\d{2}\s*[/-]\s*\d{2,4}", re.I)
"""A school's year ("the start of academic year 2025/26"), named like a financial year."""
_BARE_YEAR = re.compile(r"(?<![\d/-])\b((?:19|20)\d{2})\b(?![-/–]\d)")
_TIME_WORDS = frozenset(
    "in on at by of to or as for the and from since until till during before after between "
    "year years end early late mid fy financial calendar quarter q1 q2 q3 q4 this that".split()
)
"""Words a year follows when it says when ("in 2024", "the 2025 budget")."""


def _named_year(text: str, start: int, end: int) -> bool:
    """Whether the year at ``text[start:end]`` is part of a name ("project ireland 2040
    delivery board"): a word before it that does not say when, and a word after it."""
    before = re.search(r"([a-z]+)\s+$", text[:start].lower())
    return (
        before is not None
        and before.group(1) not in _TIME_WORDS
        and before.group(1) not in MONTHS
        and re.match(r"\s+[a-z]", text[end:].lower()) is not None
    )


_COUNCIL = re.compile(
    r"\b([a-z][a-z'’-]+?)(?:['’]s)?\s+"
    r"((?:(?:county|borough|district|city|parish|town|metropolitan|and)\s+)*)council\b",
    re.I,
)
_NOT_A_NAME = frozenset(
    "full local whole each every other another neighbouring next last previous same new "
    "our your their this that which what whose the a county borough district city parish "
    "town metropolitan and of at by to in on for from did does do was is".split()
)
"""Words before "council" that say which sitting or which council, not which place."""
_SITTING = (
    frozenset(
        "budget annual special extraordinary ordinary recent latest main monthly quarterly".split()
    )
    | frozenset(MONTHS)
    | frozenset(day.lower() for day in calendar.day_name)
)
"""English words that name a sitting of a council ("the budget county council"), not a place."""
_DETERMINER = re.compile(r"\b(?:the|a|an|this|that|these|those|its|their)\s+$", re.I)


def _names_sitting(text: str, match: re.Match[str]) -> bool:
    """ "the budget county council", "the february county council": an English word after
    a determiner names which sitting; a place's council takes none ("has clare county
    council got")."""
    word = match.group(1).lower()
    if not is_english_word(word):
        return False
    return word in _SITTING or bool(_DETERMINER.search(text[: match.start()]))


_PERSON = re.compile(
    r"\b(?:mr|mrs|ms|miss|dr|cllr|councillor|sir)\.?\s+(?:[a-z]\.?\s+){0,3}([a-z][a-z'’-]{2,})\b",
    re.I,
)


_ANCHOR = re.compile(r"\b(?:after|before|since|following|prior\s+to|next|last|between)\b", re.I)
"""Words that make a month the anchor of a relative question, not the period asked."""
_NOT_A_SURNAME = frozenset(
    "put asked ask asks raised raise tabled submitted said say says who which that the for "
    "and or of to in on at by with from has had have is was were did does do".split()
)
"""Words after "councillor" that are not a name: "which councillor put down the question"."""
_ASKED_FOR = re.compile(
    r"\b(?:which|what|whose|any|each|every|no)\s+"
    r"(?:(?!(?:did|does|do|was|is|were|are|has|had|have|will|would|can|could)\b)[\w'’-]+\s+)?$",
    re.I,
)
"""Before "councillor", a word asking who it was: the word after it ("which councillor
wanted …") is what they did, not their name."""
_SPOKE = re.compile(
    r"\b(?:say|said|says|tell|told|speak|spoke|state|stated|mention\w*|comment\w*|argue\w*|"
    r"propos\w*|mov(?:e|ed)|second\w*|rais\w*|respon\w*|repl\w*)\b",
    re.I,
)
"""Asks what someone said or did in a meeting: the answer must name them."""
_LABELLED = re.compile(r"\b(band|tier|phase|stage|grade|wave)\s+([a-h]|\d{1,2})\b(?![.\d])", re.I)
"""A class or step named by its letter or number: "band d", "phase 2"."""
_NUMBERED = re.compile(
    r"\b(item|recommendation|module|appendix|annex|amendment|paragraph|chapter|priority|"
    r"objective|theme)\s+(?:no\.?\s*|number\s+)?(\d{1,3}(?:\.\d{1,2})?|[a-z])\b(?![.\d])",
    re.I,
)
"""A numbered part of a paper or a meeting named by its number: "item 10", "appendix e",
"recommendation 11", "module 3"."""
_ADDRESS = re.compile(
    r"\b(?!(?:19|20)\d\d\b)(\d{1,4}[a-z]?),?\s+((?:[a-z'’.]+\s+){0,3}(?:street|st|road|rd|avenue|ave|lane|park|"
    r"gardens|drive|close|place|square|terrace|crescent|court|grove|walk|hill|row))\b\.?",
    re.I,
)
"""A property named by its number and street: "12 main street", "17 Pineview Gardens"."""
_STREET_SHORT = {"st": "street", "rd": "road", "ave": "avenue"}


def _addresses(text: str) -> set[tuple[str, str]]:
    """(number, street) of each property ``text`` names, the street's words folded
    ("1, Main St." → ("1", "main street"))."""
    found = set()
    for m in _ADDRESS.finditer(text):
        words = re.sub(r"[.’']", " ", m.group(2).lower()).split()
        found.add((m.group(1).lower(), " ".join(_STREET_SHORT.get(w, w) for w in words)))
    return found


_RECORD_NUMBER = re.compile(r"\b\d{2}\s?[/-]\s?\d{4,5}\b")
"""A decision's or an application's number: "24/00110"."""
_SET_ASIDE_BEFORE = re.compile(rf"\b{SET_ASIDE_WORDS}\s*$", re.I)
"""Before a person, words setting them aside: "apart from mrs chandler" pins no one."""
_QUALIFIED_ROLE = re.compile(
    r"\b(vice|deputy|acting|interim|assistant|shadow)[\s-]+"
    r"(?:chair\w*|leader|director|mayor|president|cabinet|head|chief)",
    re.I,
)
"""A post qualified by "vice", "deputy"…: not answered by the post itself."""


@dataclass(frozen=True)
class Pins:
    """The specifics a question pins: quarters (with a year when it gives one), financial
    years, bare years, councils, people by surname, numbered parts, records, qualified
    posts, labelled classes and properties by number and street."""

    quarters: tuple[tuple[str, str | None], ...]
    financial_years: tuple[str, ...]
    years: tuple[str, ...]
    councils: tuple[str, ...]
    people: tuple[str, ...]
    numbered: tuple[tuple[str, str], ...] = ()
    records: tuple[str, ...] = ()
    qualifiers: tuple[str, ...] = ()
    labelled: tuple[tuple[str, str], ...] = ()
    addresses: tuple[tuple[str, str], ...] = ()


_FRONTED = re.compile(r"^\s*([a-z][a-z'’]{3,})\s*[-–—:]\s+", re.I)
"""A question that opens by naming whose it is, as a topic set before a dash."""


def _fronted_place(question: str) -> str | None:
    """The one word a question fronts ("medway - how many … have they got"), when it is
    no English word: a place or body, whose figure is asked."""
    found = _FRONTED.match(question)
    word = found.group(1).lower() if found else ""
    return word if word and not is_english_word(word) else None


_NAMES_PLAN = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}?(?:plan|strategy|programme|program|mtfp|framework|budget)s?\b", re.I
)
"""After a span of years, the plan it heads: "2025-28 revenue plan", "2025-35 capital programme"."""


def pins_of(question: str) -> Pins:
    text = financial_years(question)
    quarters = tuple(
        (m.group(1) or _WORD_NUMBER.get(m.group(2).lower(), m.group(2)), m.group(3))
        for m in _QUARTER.finditer(text)
    )
    # a year ("2026-27") or a span asked for ("the programme for 2026-36") pins; a span
    # naming the plan it heads ("the 2025-28 revenue plan") does not
    fys = tuple(
        f"{m.group(1)}-{m.group(2)}"
        for m in _FINANCIAL_YEAR.finditer(text)
        if consecutive(m.group(1), m.group(2)) or not _NAMES_PLAN.match(text[m.end() :])
    )
    years = tuple(
        m.group(1)
        for m in _BARE_YEAR.finditer(text)
        if not any(f.startswith(m.group(1)) for f in fys)
        and not _named_year(text, m.start(), m.end())
    )
    # Before a bare "council" an English word is not a place ("raise council tax"); with
    # the kind of council between ("medway county council") the word is a place's name.
    councils = tuple(
        m.group(1).lower()
        for m in _COUNCIL.finditer(text)
        if m.group(1).lower() not in _NOT_A_NAME
        and (m.group(2).strip() or not is_english_word(m.group(1).lower()))
        and not _names_sitting(text, m)
    )
    people = tuple(
        name
        for name, m in (
            (re.sub(r"['’]s$", "", m.group(1).lower()), m) for m in _PERSON.finditer(text)
        )
        if name not in _NOT_A_SURNAME
        and not _ASKED_FOR.search(text[: m.start()])
        and not _SET_ASIDE_BEFORE.search(text[: m.start()])
    )
    numbered = tuple(
        (m.group(1).lower(), m.group(2).lower())
        for m in _NUMBERED.finditer(text)
        if len(m.group(2)) > 1
        or m.group(2).isdigit()
        or m.group(1).lower() in ("appendix", "annex")
    )
    records = tuple(_RECORD_NUMBER.findall(text))
    qualifiers = tuple(m.group(0).lower() for m in _QUALIFIED_ROLE.finditer(text))
    labelled = tuple((m.group(1).lower(), m.group(2).lower()) for m in _LABELLED.finditer(text))
    addresses = tuple(sorted(_addresses(text)))
    return Pins(
        quarters, fys, years, councils, people, numbered, records, qualifiers, labelled, addresses
    )


def held_text(answer: Answer, documents: list[PlanDocument]) -> str:
    """Everything the answer states or cites, with each cited paper's title, period,
    date and publisher: what a pinned specific must be found in."""
    by_id = {d.id: d for d in documents}
    parts = [answer.answer]
    for c in answer.citations:
        parts += [c.quote, c.section or "", c.document, c.date or "", c.ref or ""]
        doc = by_id.get(c.document_id or "")
        if doc is not None:
            meta = doc.meta
            parts += [meta.title, meta.period or "", str(meta.date or ""), meta.publisher or ""]
            parts.append(re.sub(r"[_.]", " ", meta.file))  # "Appendix E - …pdf"
    if re.search(r"\bprevious\b", answer.answer, re.I):
        parts += [_quarter_before(c.date or "") for c in answer.citations]
    return financial_years(" ".join(parts))


def _quarter_before(period: str) -> str:
    """The quarter before a quarterly paper's own ("Q3 2024/25" → "Q2 2024-25"): what an
    item's "Previous" value of that paper is for."""
    found = re.search(
        r"\b(?:q|quarter\s*)([1-4])\W{0,3}((?:19|20)(\d{2})[-/](\d{2}))", period, re.I
    )
    if not found:
        return ""
    quarter, start = int(found.group(1)), int(found.group(3))
    if quarter > 1:
        return f"Q{quarter - 1} {financial_years(found.group(2))}"
    return f"Q4 20{start - 1:02d}-{start:02d}"


_QUARTER_MONTHS = {
    "1": "apr(?:il)?|june?",  # not "may", a word of every other sentence
    "2": "july?|aug(?:ust)?|sept?(?:ember)?",
    "3": "oct(?:ober)?|nov(?:ember)?|dec(?:ember)?",
    "4": "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?",
}
"""The months of each quarter of a financial year (April to March)."""


def _quarter_held(quarter: str, year: str | None, held: str) -> bool:
    """The quarter is printed, or a month of it is ("November 2024-25" is in Q3)."""
    listed = r"(?:[1-4]\s*(?:&|and|,|-|to)\s*)*"  # "Quarters 1 & 2"
    spelled = (
        rf"(?:\bq{quarter}\b|\bquarters?\s*{listed}{quarter}\b|\b(?:{_QUARTER_MONTHS[quarter]})\b)"
    )
    if year is None:
        return re.search(spelled, held, re.I) is not None
    year = financial_years(year)
    return re.search(rf"{spelled}\W{{0,3}}{re.escape(year)}", held, re.I) is not None


def missing_pin(question: str, answer: Answer, documents: list[PlanDocument]) -> str | None:
    """The first specific the question pins that the answer does not hold, as the
    question wrote it ("Q1 2024-25", "2022", "medway council", "sweetland"); None when
    the answer holds every one.

    A quarter, year, council, person, numbered part or record is missing when the answer
    names another of its kind and not the one asked (the Q3 figure for "in q1", another
    council's indicator, "item 9" for "item 10"); an answer that names none of its kind
    ("the total council tax requirement", asked "for 2025-26") is not contradicted."""
    pins = pins_of(question)
    held = held_text(answer, documents)
    lowered = held.lower()
    quarters = _QUARTER.search(held) is not None
    for quarter, year in pins.quarters:
        if quarters and not _quarter_held(quarter, year, held):
            return f"Q{quarter} {year}" if year else f"Q{quarter}"
    # "for the 2025-26 financial year" is not held by "the academic year 2025/26"
    finance = _FINANCE_ASKED.search(question) is not None

    def of_years(text: str) -> str:
        return _SCHOOL_YEAR.sub(" ", text) if finance else text

    held_fy = of_years(held)
    if _FINANCIAL_YEAR.search(held_fy):
        beside: str | None = None
        for year in pins.financial_years:
            if year in held_fy:
                continue
            # the sentence beside a quote may give the year the quote leaves out ("… It
            # also includes £14.6m for the planned 2025-26 contribution")
            if beside is None:
                beside = financial_years(of_years(_beside_quotes(answer, documents)))
            if year not in beside:
                return year
    # "what job did she have in 2006 and then in 2017": an answer for one of the years
    # asked is about the question, if not all of it
    held_years = [y for y in pins.years if _year_printed(y, held)]
    for year in [] if held_years else pins.years:
        if _ANY_YEAR.search(held):
            return year
    anchored = _ANCHOR.search(question) is not None  # "after the january 2025 cabinet"
    for month, year in [] if anchored else asked_months(question):
        if not month_held(month, year, held):
            return f"{calendar.month_name[month]} {year}"
    if not anchored and (day := other_day(question, held)):
        # "the 4 march cabinet": not the 13 February council's papers; the passage a
        # quote was taken from may give the day its sentence leaves out
        if other_day(question, f"{held} {_cited_passages(answer, documents)}"):
            return day
    councils = {m.group(1).lower() for m in _COUNCIL.finditer(held)}
    publishers = " ".join(d.meta.publisher or "" for d in documents).lower()
    for council in pins.councils:
        if council in _SITTING and council not in publishers:
            continue  # "at feb county council" names a sitting, not a place
        if councils and council not in lowered:
            return f"{council} council"
    if councils and (place := _fronted_place(question)) and place not in publishers:
        # "medway - how many crossing patrol vacancies have they got": that body's, not
        # the figure of the council whose paper mentions it
        if place not in f"{lowered} {_cited_passages(answer, documents).lower()}":
            return place
    people = {m.group(1).lower() for m in _PERSON.finditer(held)}
    spoke = _SPOKE.search(question) is not None  # what someone said is said by them
    for person in pins.people:
        if (people or spoke) and person not in lowered:
            # minutes name the speaker once, where their paragraph begins
            if person not in _cited_passages(answer, documents).lower():
                return person
    refs = {c.ref for c in answer.citations if c.ref}
    for label, number in pins.numbered:
        # "item 5" is held by the words "item 5" or by a cited row whose ref is 5
        spelled = rf"\b{label}\s*(?:no\.?\s*)?{re.escape(number)}\b(?![.\d])"
        others = refs or re.search(rf"\b{label}\s+(?:no\.?\s*)?(?:\d|[a-z]\b)", held, re.I)
        if others and number not in refs and not re.search(spelled, held, re.I):
            return f"{label} {number}"
    records = {_digits(r) for r in _RECORD_NUMBER.findall(held)}
    for record in pins.records:
        if records and _digits(record) not in records:
            return record
    for label, value in pins.labelled:  # "band d", "phase 2": printed as asked
        if not re.search(rf"\b{label}\s+{re.escape(value)}\b", held, re.I):
            return f"{label} {value}"
    named = _addresses(held)
    for number, street in pins.addresses:
        # "12 main street": not the council's resolution on 4 Main Street, nor on 9 St. Joseph
        # Street; an answer that names no property is not contradicted
        if named and not any(n == number and s.endswith(street) for n, s in named):
            return f"{number} {street}"
    for post in pins.qualifiers:  # "vice-chairman": "vice" must be held
        if re.split(r"[\s-]", post)[0] not in lowered:
            return post
    return unasked(question, answer, held, documents)


def _digits(record: str) -> str:
    """A record's number without its separator: "24/00108" and "24-00108" are one."""
    return re.sub(r"\D", "", record)


def _quoted_passages(
    answer: Answer, documents: list[PlanDocument], head: int | None = None
) -> Iterator[tuple[list[str], int, str]]:
    """For each quote, each passage of its paper that holds it (its first ``head``
    characters, or all of it): the paper's passage texts on one line each, the passage's
    index among them, and the quote on one line."""
    by_id = {d.id: d for d in documents}
    for citation in answer.citations:
        doc = by_id.get(citation.document_id or "")
        quote = " ".join(citation.quote.split())
        if doc is None or not quote:
            continue
        texts = [" ".join(p.text.split()) for p in doc.passages]
        for at, text in enumerate(texts):
            if quote[:head] in text:
                yield texts, at, quote


def _beside_quotes(answer: Answer, documents: list[PlanDocument]) -> str:
    """The sentences just before and just after each quote, in the passage it was taken
    from."""
    return " ".join(
        sentence_beside(texts[at], quote, step)
        for texts, at, quote in _quoted_passages(answer, documents)
        for step in (-1, 1)
    )


def _cited_passages(answer: Answer, documents: list[PlanDocument]) -> str:
    """The passages each quote was taken from, with the passage before each: where the
    minutes name the member whose words a quote gives."""
    return " ".join(
        text
        for texts, at, _ in _quoted_passages(answer, documents, head=60)
        for text in texts[max(0, at - 1) : at + 1]
    )
