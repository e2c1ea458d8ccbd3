"""What a question is about, apart from the words that ask for its kind of value or hedge
it, and whether a value printed under a label is the one asked.

"What time was the 13 feb budget council meant to finish" is about the 13 February budget
council: a sentence answering it ("The meeting is scheduled to end by 5.00 pm.", under the
front sheet's title) need not repeat "time", "meant" or "finish", and its days are written
"13th February". A short value under a label ("Project Timeframe for Data Collection:" /
"In less than 3 months") answers only a question for what the label names.
"""

from __future__ import annotations

import calendar
import re

from assistant.answering.asked_value import ValueKind, asked_value
from indexing.readers.dates import MONTHS
from indexing.terms import content_stems

_KIND_WORDS = {
    ValueKind.share: "share percentage proportion fraction per cent roughly",
    ValueKind.time: "time hour start started begin began finish finished end ended close closed",
    ValueKind.duration: "long period",
    ValueKind.frequency: "often frequently regularly frequency",
    ValueKind.number: "number id identification reference ref",
    ValueKind.place: "located based sited situated",
    ValueKind.level: "level threshold rate",
    ValueKind.date: "date day",
}
"""The words that ask for a kind of value: they say what is asked, not what about, and a
sentence that gives the value need not repeat them ("what time was it meant to finish" /
"scheduled to end by 5.00 pm")."""
_HEDGES = (
    "roughly approximately around exactly actually meant supposed big large left leave goes "
    "going according money today now currently presently before after"
)
"""Words that hedge a question or say how it asks ("how big a deficit would we be left
with", "how much money goes into", "according to", "use today before it moves"), not what
it is about."""
_MONTHS = {word: calendar.month_name[number].lower() for word, number in MONTHS.items()}
"""Each way the papers write a month ("sept", "sep") → its name in full."""


def normal_days(text: str) -> str:
    """Days written one way: "13th Feb" and "13 february" → "13 february"."""
    text = re.sub(r"\b(\d{1,2})(?:st|nd|rd|th)\b", r"\1", text, flags=re.I)
    return re.sub(
        r"\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?",
        lambda m: _MONTHS[m.group(1).lower()],
        text,
        flags=re.I,
    )


def subject_text(question: str) -> str:
    """The question without the words that ask for its kind of value or hedge it, its
    days written one way: what a sentence answering it must be about."""
    kind = asked_value(question)
    drop = set(_HEDGES.split()) | set(_KIND_WORDS.get(kind, "").split() if kind else ())
    return " ".join(w for w in normal_days(question).split() if w.lower() not in drop)


_LABELLED = re.compile(r"^\s*([^:]{3,60}):\s*([^:]{1,60})$")
"""One label and its value: "Decision Number: 24/00115"."""
SHORT_VALUE = 8
"""Words of a value printed on its own under a heading ("In less than 3 months")."""


def value_label(sentence: str, passage: str, heading: str) -> str | None:
    """The label a short value is printed under: its heading when the passage is the value
    alone ("Project Timeframe for Data Collection:" above "In less than 3 months"), or the
    label before its colon ("Decision Number: 24/00115"); None for a sentence."""
    if len(sentence.split()) <= SHORT_VALUE and passage.strip() == sentence.strip() and heading:
        return heading
    labelled = _LABELLED.match(sentence)
    return labelled.group(1) if labelled else None


def label_fits(question: str, label: str) -> bool:
    """A value under a label answers a question for a kind of value only when the label
    names what is asked: most of its words are the question's (or the kind's own words,
    "period" for "how long"). "In less than 3 months" under "Project Timeframe for Data
    Collection" is no answer to "how long will the data be retained"."""
    kind = asked_value(question)
    if kind is None:
        return True
    words = content_stems(label)
    asked = content_stems(question) | content_stems(_KIND_WORDS.get(kind, ""))
    return not words or 2 * len(words & asked) > len(words)
