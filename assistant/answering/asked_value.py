"""What kind of value a question asks for — a share, a time of day, a length of time, an
id number, a name, a place, a sum of money, a level, a date — and whether a sentence (or a
form's row) states one.

Whatever a question's wording, the thing it asks for has a kind, and only a sentence that
prints a value of that kind can answer it: "roughly what share of the determinants of
health sit outside the NHS" is answered by "around 80% outside the traditional remit",
not by the report's other sentences on the NHS; "what time was the meeting meant to
finish" by "scheduled to end by 5.00 pm", not by the day it met; "how long will the data
be retained" by a period ("six years"), not by the form's "Question Number: 23"; "what
rating system does the council use" by a name ("the Pavement Surface Condition Index").
A sentence on the subject that lacks such a value is a near miss, and the honest answer
is that the papers do not give it.

Each kind also has the words a sentence giving it prints ("am", "pm" for a time), which
a search for the sentence may add to the question's own (``cue_words``): the front sheet
that says "end by 5.00 pm" shares almost no word with "what time was it meant to finish".
"""

from __future__ import annotations

import re
from enum import Enum
from functools import lru_cache

from assistant.answering.counted_numbers import non_year_numbers
from indexing.model import TableRow


class ValueKind(str, Enum):
    share = "share"
    time = "time"
    duration = "duration"
    frequency = "frequency"
    number = "number"
    titled = "titled"
    name = "name"
    place = "place"
    money = "money"
    level = "level"
    date = "date"


_TITLED = {
    "model": "model",
    "framework": "framework",
    "survey": "survey",
    "legislation": "act|regulations|legislation",
    "law": "act|law",
    "act": "act",
    "school": "school|academy|college",
    "scheme": "scheme",
    "standard": "standard",
    "index": "index",
    "award": "award",
}
"""Things asked for by a name that ends in what they are ("which model …" → "the Robert
Wood Johnson model", "what legislation …" → "the Health and Care Act 2022"), each with
the words such a name ends in. "Act" is asked for only straight after "which" or "what"
("which councils act first" asks for no Act)."""

_HEAD_ENDS = (
    r"(?=\s*(?:[?,.;:)]|$)|\s+(?:is|was|are|were|did|does|do|has|have|had|will|would|can|"
    r"could|should|says?|said|sets?|requires?|of|for|in|on|at|to|from|that|which|who|under|"
    r"behind|and|or)\b)"
)
"""What follows the thing asked for when it ends its phrase: "which school was …", not
"which free school waves …" (a wave is asked for)."""

_ASKS = {
    ValueKind.share: re.compile(
        r"\bwhat\s+(?:[\w'’-]+\s+){0,2}?(?:share|percentage|proportion|fraction|per ?cent)\b|"
        r"(?:^|\s)%|\bper ?cent\b",
        re.I,
    ),
    ValueKind.time: re.compile(r"\b(?:what|which)\s+time\b|\bwhat\s+hour\b", re.I),
    ValueKind.duration: re.compile(
        r"\bhow\s+long\b|\bretention\s+period\b|\bretained\s+for\b(?!\s+\w+ing\b)", re.I
    ),
    ValueKind.frequency: re.compile(
        r"\bhow\s+(?:often|frequently|regularly)\b|\b(?:what|which)\s+frequency\b", re.I
    ),
    ValueKind.number: re.compile(
        r"\b(?:id|identification|reference|ref|project|case|submission|application|record)"
        r"\s+(?:number|no\b\.?|id)\b(?!\s*[:#]?\s*\d)",
        re.I,
    ),
    ValueKind.titled: re.compile(
        rf"\b(?:what|which)\s+(?:(?:[\w'’-]+\s+){{0,2}}?(?:{'|'.join(k for k in _TITLED if k != 'act')})s?|acts?)\b{_HEAD_ENDS}",
        re.I,
    ),
    ValueKind.name: re.compile(
        r"\b(?:what|which)\s+(?:[\w'’-]+\s+){0,2}?(?:system|software|platform|database|tool|"
        r"methodology|method|app|provider|contractor|supplier|firm|consultancy|"
        r"consultants?|company)s?\b",
        re.I,
    ),
    ValueKind.money: re.compile(
        r"\b(?:what|how\s+(?:big|large))\s+(?:(?:is|was|were|are|will\s+be|would\s+be|a|an|the)\s+)*"
        r"(?:[\w'’-]+\s+){0,3}?(?:overspend|underspend|deficit|surplus|shortfall|savings?)\b"
        r"(?!\s+(?:risks?|register|reports?|monitoring|plans?|strateg(?:y|ies)|polic(?:y|ies)|"
        r"position|meeting|items?|committee|amendments?|programmes?|process|proposals?|"
        r"papers?|targets?|measures?|options?)\b)",
        re.I,
    ),
    ValueKind.level: re.compile(
        r"\b(?:at\s+)?what\s+(?:level|threshold|rate|percentage point)s?\b"
        r"(?!\s+of\s+(?:detail|service|support|risk|confidence|priority|involvement)\b)",
        re.I,
    ),
    ValueKind.date: re.compile(
        r"^\s*(?:the\s+)?date\b|\b(?:what|which)\s+(?:date|day)\b(?!\s+of\s+the\s+week)", re.I
    ),
    ValueKind.place: re.compile(
        r"^\s*where\b.*\b(?:located|based|held|stored|hosted|sited|situated|kept|built|"
        r"takes?\s+place|taking\s+place|took\s+place)\b",
        re.I,
    ),
}
"""How each kind is asked for, whatever else the question says."""

_SHARE = re.compile(
    r"\d\s?%|\bper ?cent\b|\bpercentage points?\b|\bhalf\b|\b(?:one|two)[- ]thirds?\b|"
    r"\bthree[- ]quarters\b|\ba (?:third|quarter|fifth|tenth)\b|\bone in (?:\d+|[a-z]+)\b|"
    r"\bmajority\b",
    re.I,
)
_TIME = re.compile(
    r"\b\d{1,2}(?:[.:]\d{2})?\s?(?:a\.?m|p\.?m)\b\.?|\bnoon\b|\bmidday\b|\bmidnight\b|"
    r"\b\d{1,2}:\d{2}\b",
    re.I,
)
_COUNT_WORD = (
    r"(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|sixty|hundred|several|a few|many)"
)
_TIME_UNITS = r"(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)"
_DURATION = re.compile(
    rf"\b{_COUNT_WORD}\s*[- ]?(?:{_TIME_UNITS}|"
    r"miles?|km|kilometres?|metres?|meters?)\b|\bindefinitely\b|\bpermanently\b|"
    r"\buntil\b|\bfor life\b",
    re.I,
)
_FREQUENCY = re.compile(
    r"\b(?:daily|weekly|fortnightly|monthly|bi-?monthly|quarterly|annually|yearly|biannually|"
    r"hourly|every\s+(?:\w+\s+)?(?:day|week|fortnight|month|quarter|year|meeting|cycle)s?|"
    r"(?:once|twice|\d+\s+times|three\s+times|four\s+times)\s+(?:a|per|each|every)\b|"
    r"(?:a|per|each)\s+(?:day|week|month|quarter|year)\b)",
    re.I,
)
"""How often: "on a monthly basis", "every six weeks", "twice a year", "quarterly"."""
_LENGTH = re.compile(rf"\b{_COUNT_WORD}\s*[- ]?{_TIME_UNITS}\b", re.I)


def states_length(sentence: str) -> bool:
    """The sentence gives a length of time by its count ("for 12 months"), not only an
    end ("until Mosaic is ready")."""
    return bool(_LENGTH.search(sentence))


_ENDS = re.compile(
    r"\b(?:what|which)\s+time\b.*\b(?:finish\w*|end(?:ed|s)?|clos(?:e|ed|es)|conclud\w*)\b",
    re.I,
)
_ENDED = re.compile(
    r"\b(?:finish\w*|end(?:ed|s)?|clos(?:e|ed|es|ing)|conclud\w*|until|till)\b", re.I
)
"""A time asked for the end of something is not the time it began."""
_NUMBERING = re.compile(
    r"^\s*(?:(?:question|item|line|row|para(?:graph)?|q)\s*(?:number|no\.?|#)?|no\.?|#)\s*$",
    re.I,
)
"""A form's own numbering of its questions or lines ("Question Number", "No."), not a
value: an "Amendment Number" is the amendment's own."""
_NUMBERED = re.compile(
    r"\b(?:question|item|line|row|para(?:graph)?|section|column)\s*(?:number|no\b\.?)?\s*:?\s*"
    r"\d+(?:\.\d+)*|^\W*\d+(?:\.\d+)+\s",
    re.I,
)
"""A number that numbers a form's question, a column or a paragraph ("3.3 Health is…")."""
_ID_WORD = re.compile(r"\b(?:id|identification|reference|ref|number)\b|\bno\.?\s*\d", re.I)
"""An id's label: not the answer "no" of a form's yes/no field."""
_MONTH_NAME = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)(?:uary|ruary|ch|il|e|y|ust|"
    r"tember|ober|ember)?\.?"
)
_DAY = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_NAME}(?!\w)|"
    rf"\b{_MONTH_NAME}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}\b|"
    rf"\b{_MONTH_NAME}\s+(?:19|20)\d{{2}}\b|"
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b",
    re.I,
)
"""A date: "16 January 2025", "21st Jan", "January 16, 2025", "July 2016", "10/21/2024"."""
_MONEY = re.compile(r"[£€$]\s?\d|\b\d+(?:\.\d+)?\s?(?:k|m|million|bn|billion)\b", re.I)
_PLACE = re.compile(r"\b(?:in|at|within|outside|inside|near)\s+(?:the\s+)?[A-Z][\w'’-]")
_WHERE_WORDS = re.compile(
    r"\b(?:locat|based|held|hold|stor|host|sited|situat|kept|built|take[sn]? place|"
    r"chamber|hall|house|street|road|centre|center|office|building|site|premises|uk|eu|eea)",
    re.I,
)
_DATA_PLACE = re.compile(r"\bcloud\b|\bon[- ](?:site|premises)\b|\bdata cent(?:re|er)s?\b", re.I)
"""Where something is: in or at a named place said to be where it is (located, held,
built…) or named as a place (a hall, a street, the UK), or a place of data (the cloud)."""


def asked_value(question: str) -> ValueKind | None:
    """The kind of value the question asks for, when it asks for one of these kinds."""
    for kind, asks in _ASKS.items():
        if asks.search(question):
            return kind
    return None


def states_value(kind: ValueKind, sentence: str, question: str, label: str = "") -> bool:
    """Does the sentence print a value of the kind asked (one the question does not
    itself give)? ``label`` is the heading or field name the sentence is printed under
    ("Project ID:" above "441"), which may name an id the sentence gives."""
    if kind is ValueKind.share:
        return bool(_SHARE.search(sentence))
    if kind is ValueKind.time:
        times = [m.group(0) for m in _TIME.finditer(sentence)]
        if not any(t.lower() not in question.lower() for t in times):
            return False
        return not _ENDS.search(question) or bool(_ENDED.search(sentence))
    if kind is ValueKind.duration:
        return bool(_DURATION.search(sentence))
    if kind is ValueKind.frequency:
        return bool(_FREQUENCY.search(sentence))
    if kind is ValueKind.number:
        bare = _NUMBERED.sub(" ", sentence)  # "Question Number: 10", "column 2", "3.3"
        if not _ID_WORD.search(f"{_NUMBERED.sub(' ', label)} {bare}"):
            return False
        given = set(re.findall(r"\d+", question))
        found = re.findall(r"(?<![\w.])\d[\d/-]*", bare)
        return any(re.sub(r"\D", "", n) not in given for n in found)
    if kind is ValueKind.place:  # not "within the Strengthening Independence Service"
        return bool(
            _DATA_PLACE.search(sentence)
            or (_PLACE.search(sentence) and _WHERE_WORDS.search(sentence))
        )
    if kind is ValueKind.date:
        return bool(_DAY.search(sentence))
    if kind is ValueKind.money:
        return bool(_MONEY.search(sentence))
    if kind is ValueKind.level:  # "below 3% considered dangerous"
        given = {re.sub(r"\D", "", n) for n in non_year_numbers(question)}
        return any(re.sub(r"\D", "", n) not in given for n in non_year_numbers(sentence))
    if kind is ValueKind.titled:
        return _names_titled(sentence, question)
    return _names_something(sentence, question)


def _names_titled(sentence: str, question: str) -> bool:
    """The sentence prints a name that ends in the thing asked for ("Robert Wood Johnson
    model", "Section 106 of the Local Government Finance Act"), a capitalised word of it
    not the question's own."""
    asked = _titled_asked(question)
    if asked is None:
        return False
    named, words = asked
    return any(
        any(w.lower() not in words for w in re.findall(r"\b[A-Z][\w'’-]*", m.group(0)))
        for m in named.finditer(sentence)
    )


@lru_cache(maxsize=256)
def _titled_asked(question: str) -> tuple[re.Pattern[str], frozenset[str]] | None:
    """For a question asking for a thing by what it is: the pattern of a name ending in
    that thing, and the question's own words. Read once per question, not per sentence."""
    asked = _ASKS[ValueKind.titled].search(question)
    if asked is None:
        return None
    noun = re.sub(r"s$", "", asked.group(0).split()[-1].lower())
    ends = _TITLED.get(noun, noun)
    named = re.compile(
        rf"\b[A-Z][\w'’-]*(?:\s+(?:and|of|for|the|on|in|[A-Z0-9][\w'’-]*)){{0,6}}?"
        rf"\s+(?i:{ends})s?\b"
    )
    return named, frozenset(w.lower() for w in re.findall(r"[\w'’-]+", question))


def _names_something(sentence: str, question: str) -> bool:
    """The sentence names something by a capitalised name or an acronym the question
    does not give (a word after its first, so the capital that opens it does not count)."""
    asked = {w.lower() for w in re.findall(r"[\w'’-]+", question)}
    words = re.findall(r"(?<=[\s(“\"'])[A-Z][\w'’-]+", sentence.strip())
    return any(w.lower() not in asked for w in words)


def states_nothing(row: TableRow) -> bool:
    """A form's row that holds only its label (and the form's numbering of it): the
    field was left blank ("EQIA Submission – ID Number", "Where are the servers
    located? — Question Number: 16"), so it answers nothing. A row of one cell is that
    cell's value under its header ("Proposed Purpose: This budget …")."""
    if len(row.cells) < 2:
        return False
    label = row.label()
    for header, value in row.cells.items():
        if not value or value == label:
            continue
        if _NUMBERING.search(header) and re.fullmatch(r"\s*\d{1,3}[.)]?\s*", value):
            continue
        return False
    return True


CUES = {
    ValueKind.time: "am pm",
    ValueKind.duration: "years months",
}
"""Words a sentence that gives each kind prints, for a search that adds them."""


def cue_words(question: str) -> str:
    """The question with the words a sentence giving its kind of value prints ("am pm"
    for a time), and the words it uses for an end ("end" for "finish"); the question
    alone when its kind has none."""
    kind = asked_value(question)
    extra = CUES.get(kind, "") if kind else ""
    if kind is ValueKind.time and _ENDS.search(question):
        extra += " end"
    return f"{question} {extra}".strip()
