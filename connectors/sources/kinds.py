"""What sort of paper an attachment is, and the period it covers, from its own title.

A small vocabulary of the words committee papers use for themselves. The paper's
title decides first; the agenda item's title is consulted for the kinds an item names
(a paper simply called "Report" under "Quarterly Performance Report" is a performance
report). Nothing here names a council.
"""

from __future__ import annotations

import re

_WORDS: list[tuple[str, str]] = [
    ("minutes", r"\bminutes?\b|\bprinted minutes\b"),
    ("agenda", r"\bagenda\b|\bfrontsheet\b|\bfront sheet\b|\bsummons\b"),
    (
        "decision",
        r"\brecord of (the )?decision\b|\bdecision (record|notice|sheet)\b|\bprod\b|\brod\b",
    ),
    ("questions", r"\bquestions?\b|\banswers?\b|\bq ?& ?a\b"),
    ("risk_register", r"\brisk register\b|\brisk log\b"),
    (
        "performance",
        r"\bperformance\b|\bkpis?\b|\bqpr\b|\bscorecard\b|\bdashboard\b|\bindicators?\b",
    ),
    ("form", r"\beq[i]?ia\b|\bequality (and )?(impact|analysis)\b|\bdpia\b|\bscreening\b|\bform\b"),
    (
        "budget",
        (
            r"\bbudget\b|\bmtfp\b|\bfinancial plan\b|\bcapital programme\b|\brevenue\b|\btreasury\b"
            r"|\bfinance monitoring\b|\bcouncil tax\b|\bprecept\b"
        ),
    ),
    ("appendix", r"\bappendix\b|\bannex\b|\bannexe\b|\bschedule \d"),
]
_FROM_ITEM = {"minutes", "questions", "risk_register", "performance", "budget"}
_COMPILED = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _WORDS]

_QUARTER = re.compile(
    r"\b(?:Q([1-4])|Quarter\s*([1-4]))\b[\s,–-]*((?:19|20)\d\d(?:\s*[/-]\s*\d{2,4})?)?",
    re.IGNORECASE,
)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_YEAR = re.compile(rf"\b({_MONTHS})\s+((?:19|20)\d\d(?:\s*[/-]\s*\d{{2}})?)\b", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_YEARS = re.compile(r"\b((?:19|20)\d\d\s*[/-]\s*\d{2,4})\b")


def infer_kind(title: str, agenda_item: str | None = None) -> str:
    """A ``DocumentKind`` value for a paper called ``title`` under ``agenda_item``."""
    for kind, pattern in _COMPILED:
        if pattern.search(title):
            return kind
    for kind, pattern in _COMPILED:
        if kind in _FROM_ITEM and agenda_item and pattern.search(agenda_item):
            return kind
    return "report"


def infer_period(*titles: str | None) -> str | None:
    """``Q3 2024/25``, ``November 2024-25`` or ``2025-26`` when a title states one.

    A quarter with its year wins over a month of a financial year, which wins over a
    bare year range; a month with a single year is a date, not a period.
    """
    texts = [t for t in titles if t]
    bare_quarter = None
    for text in texts:
        for quarter in _QUARTER.finditer(text):
            number = quarter.group(1) or quarter.group(2)
            if quarter.group(3):
                return f"Q{number} {_SPACE.sub('', quarter.group(3))}"
            bare_quarter = bare_quarter or f"Q{number}"
    for text in texts:
        month = _MONTH_YEAR.search(text)
        if month and any(c in month.group(2) for c in "/-"):
            return f"{month.group(1).capitalize()} {_SPACE.sub('', month.group(2))}"
    if bare_quarter:
        return bare_quarter
    for text in texts:
        years = _YEARS.search(text)
        if years:
            return _SPACE.sub("", years.group(1))
    return None
