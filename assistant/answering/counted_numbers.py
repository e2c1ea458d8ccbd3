"""The numbers of a sentence that are figures: not a year, a day of a month, a record's
number, an age band or a reference to another item.

A figure question is answered by a sentence that holds a figure; "up to 31 March 2026",
"decision 24/00109", "children aged 4-5 years" and "As 10.1" print numbers that are none.
"""

from __future__ import annotations

import re

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
        if re.search(r"\b(?:as|ref|see|item|commitment)\s*$", sentence[: match.start()], re.I):
            continue  # "As 10.1" points at another item; it is not a figure
        if re.search(r"\(\s*[A-Z]{2,5}\s*$", sentence[: match.start()]):
            continue  # "(AAIL 32)", "(SA 84)": a reference to an assessment, not a figure
        before, after = sentence[: match.start()], sentence[match.end() :]
        if (
            _AGES.search(before)
            or _AGES_AFTER.match(after)
            or (re.search(r"\d\s*[-–]\s*$", before) and _BAND_END.match(after))
        ):
            continue  # "children aged 4-5 years": who is counted, not the figure
        if _DAY_OF.match(after) or re.match(r"[/-]\d{3,}", after):
            continue  # "up to 31 March 2026", "decision 24/00109": a day, a record's number
        digits = re.sub(r"[^\d]", "", token)
        if re.fullmatch(r"(?:19|20)\d{2}", digits) and not token.startswith(("£", "€", "$")):
            continue
        numbers.append(token)
    return numbers
