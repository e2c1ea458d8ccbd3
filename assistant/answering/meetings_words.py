"""Reading a question about a meeting's paper in the paper's own words.

Members ask in everyday words and short forms; committee papers write in their own
("extra" is "additional", "lib dem" is "Liberal Democrats"). Embeddings carry some of
that, but the judgement of whether a sentence is on the question's subject counts the
question's words, so a word the papers never use would count against the very sentence
that answers. Here such a word is read as the papers' word for it — only when the papers
never use the question's own word and do use the other, so a word they use is never
swapped for another.

Nothing here names a council: the everyday words are ordinary English, and the short
forms are read against the titles of the papers being asked about.
"""

from __future__ import annotations

import re

from assistant.models import PlanDocument
from indexing.readers.dates import MONTH_PATTERN
from indexing.terms import content_stems

MEETING_WORDS = content_stems(
    "decide decided decides decision decisions resolve resolved resolution agree agreed approve"
    " approved adopt adopted endorse endorsed note noted set put meet meets met meeting meetings"
    " agenda item items paper papers chair chaired chairs present attend attended apologies"
    " apology time start started when where next last latest previous committee council full"
    " whole discussed considered sent received happened"
)
"""Words of meeting business ("decided", "agenda", "chair"): they say which statement of a
meeting record answers, not what it is about."""

FRAMING = content_stems(
    "paper papers report reports document documents appendix appendices say says said saying"
    " ask asks asked asking want wants wanted wanting propose proposes proposed proposal"
    " recommend recommends recommended recommendation recommendations seek seeks sought"
    " request requested put puts much many amount figure total percentage percent proportion"
    " apart except besides option options choice choices alternative alternatives per according"
    " can't cannot won't don't doesn't didn't isn't aren't wasn't weren't"
    " went gone came come comes coming back before after prior"
)
"""Words that frame a question as one about what a paper says, not what it says it about,
and that place it in the meeting's course ("before it went back to cabinet")."""

_FIGURE_NOUNS = (
    "target|total|figure|cost|value|rate|balance|amount|sum|price|overspend|underspend"
    "|deficit|surplus|allocation|contribution|limit|threshold|grant|funding|requirement"
)
ASKS_FIGURE = re.compile(
    r"\bhow (?:much|many)\b|\bwhat (?:share|percentage|proportion|per ?cent|level|amount|sum)\b"
    r"|\bwhat(?: is|'s| was| were| are)(?: the)? (?:[\w-]+ ){0,4}?(?P<noun>"
    + _FIGURE_NOUNS
    + r")s?\b"
    r"|\bwhat (?:(?!(?:is|was|are|were|do|does|did)\b)[\w-]+ ){0,4}?(?P<subject>"
    + _FIGURE_NOUNS
    + r")s? (?=(?:is|was|are|were|do|does|did|will|has|have)\b)",
    re.I,
)
"""A question for a figure however it is put ("what share of …", "what is the savings
target"): the answering sentence must hold one."""
_GENERIC_FIGURE = {"figure", "amount", "sum", "value", "total"}
_FIGURE = re.compile(r"\d")
_YEAR = re.compile(r"\b(?:19|20)\d{2}(?:\s*[-/–]\s*\d{2,4})?\b")
_ASKS_SHARE = re.compile(r"\b(?:share|percentage|proportion|per ?cent)\b", re.I)
_MONEY_NOUNS = {
    "cost",
    "price",
    "overspend",
    "underspend",
    "deficit",
    "surplus",
    "allocation",
    "grant",
    "funding",
}
"""What a figure question names that is a sum of money: the answer is in pounds."""
_MONEY = re.compile(r"£\s?\d|£'000|\d\s?(?:m|bn|k|million|billion)\b", re.I)
"""A sum of money: "£35.4m", "£1,048.9k", or a column of a table "£'000"."""


ASKS_MANNER = re.compile(
    r"^\s*how\s+(?:will|would|should|is|are|was|were)\b(?!\s+(?:much|many|often|long)\b).*\bbe\b",
    re.I,
)
"""How something is to be done ("how will the outcome be published?"): what a paper
says of the process, never a decision the record states."""


ASKS_VOTE = re.compile(
    r"\bhow\s+(?:did|do|does|was|were|had)\b.*\bvot(?:e|ed|ing)\b|\bhow\s+(?:the|their)\s+vote"
    r"|\bvote\s+(?:go|went)\b",
    re.I,
)
"""Asks how a body voted: the answer is how the vote went, not what it was on."""
VOTE_OUTCOME = re.compile(
    r"\bunanimous(?:ly)?\b|\bnem(?:ine)?\.?\s*con|\b\d+\s+votes?\b|\bvotes?\s+(?:for|against)\b"
    r"|\b(?:for|against|abstentions?)\s*:\s*\d+|\bby\s+\d+\s+(?:votes?\s+)?to\s+\d+\b|\bmajority\b"
    r"|\bmotion\s+(?:was\s+)?(?:carried|lost|defeated|fell)\b|\b(?:carried|lost|defeated)\b",
    re.I,
)
"""How a vote went, as minutes, reports and records write it: "unanimously agreed", "by
45 votes to 12", "For: 45", "nem. con.", "Substantive Motion Carried"."""

_NEGATED = re.compile(
    r"\b(?:fail(?:ed|s|ing)?\s+to|did\s+not|didn[’']t|do\s+not|does\s+not|not|never)\s+"
    r"([a-z]+)\s+((?:[a-z0-9-]+\s*){1,4})",
    re.I,
)
"""What a question asks was not done: "failed to meet the floor standard"."""
_NEGATION = {"not", "never", "fail", "failed", "fails", "failing", "didn't", "didn’t", "no"}


def negated_as_asked(question: str, sentence: str) -> bool:
    """Does the sentence say not done what the question asks was not done ("Nine KPIs
    did not meet the floor standard" for "how many failed to meet the floor standard"),
    not merely hold its words ("… exceeded the floor standard but did not meet target")?
    A negation, then the question's verb within three words, then its object's words
    within the five after."""
    asked = _NEGATED.search(question)
    if asked is None:
        return False
    verb = content_stems(asked.group(1))
    thing = content_stems(asked.group(2))
    if not verb or not thing:
        return False
    words = re.findall(r"[\w’']+", sentence.lower())
    for n, word in enumerate(words):
        if word not in _NEGATION:
            continue
        for m in range(n + 1, min(n + 4, len(words))):
            if content_stems(words[m]) == verb and thing <= content_stems(
                " ".join(words[m + 1 : m + 6])
            ):
                return True
    return False


ASKS_OPTIONS = re.compile(r"\b(?:options?|choices?|alternatives?)\b|\bwhat\s+could\b", re.I)
"""Asks what a body could choose between."""
OFFERS_CHOICE = re.compile(
    r"\b[a-z]+,\s+[a-z]+,?\s+or\s+[a-z]+\b|\boptions?\s+(?:\d|are|were|include|available)\b",
    re.I,
)
"""A sentence setting out the choices ("confirm, amend or rescind the decision",
"the options are …")."""

SPEAKER = re.compile(
    r"\b(?:mr|mrs|ms|miss|dr|cllr|councillor)\.?\s+(?:[a-z]\.?\s+)*([a-z][\w'’-]+)", re.I
)
"""A member named by title ("mr oakford", "Cllr J Smith"): the surname is kept."""


def speaker_sections(question: str, papers: list[PlanDocument]) -> set[str]:
    """The sections of ``papers`` whose passages name the member the question names by
    title: where minutes record what that member said."""
    named = SPEAKER.search(question)
    if named is None:
        return set()
    surname = re.compile(rf"\b{re.escape(named.group(1))}\b", re.I)
    return {p.section for d in papers for p in d.passages if p.section and surname.search(p.text)}


NUMBER_WORD = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred)\b(?![- ](?:year|month|week|day)s?\b)",
    re.I,
)
"""A count written in words ("Nine KPIs did not meet the floor standard"), not a length
of time ("three-year period")."""
ASKS_COUNT = re.compile(r"\bhow many\b", re.I)
_NUMERAL = re.compile(r"\d+(?:[.,/-]\d+)*")
_PARAGRAPH = re.compile(r"^\s*\(?\d+(?:\.\d+)*[.)]?(?=\s*[A-Z(])")
"""A paragraph's number ("3.2 The Council also relies …") places it; it is not a figure."""
_ASKS_OFTEN = re.compile(r"\bhow often\b", re.I)
_FREQUENCY = re.compile(
    r"\b(?:annual(?:ly)?|yearly|monthly|quarterly|weekly|daily|biennial(?:ly)?|every\s+\w+)\b",
    re.I,
)
"""How often, in a paper's words: a frequency is the figure "how often" asks for."""
_REFERENCE = re.compile(
    r"\b(?:no|number|appendix|annex|section|item|table|paragraph|page|bulletin|schedule|part"
    r"|chapter|phase|wave|quarter|q|year)\.?\s*\d+[a-z]?(?:\.\d+)*\b",
    re.I,
)
"""A number that names something ("Appendix 1", "Bulletin No.99", "section 6.4", "Year 7")."""
_DAY_OF_MONTH = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_PATTERN}\b", re.I)
"""A day of a month ("from 1 April 2025") dates something; it is not a figure."""


def holds_figure(question: str, sentence: str) -> bool:
    """Does the sentence hold a figure other than a year and the question's own numbers
    ("the 18-25 service" names the service; it does not count its cohort)? A count in
    words counts when the question asks how many."""
    bare = _PARAGRAPH.sub(" ", sentence)
    for pattern in (_REFERENCE, _DAY_OF_MONTH, _YEAR):
        bare = pattern.sub(" ", bare)
    for number in set(_NUMERAL.findall(question)):
        bare = re.sub(rf"(?<![\d.,]){re.escape(number)}(?![\d]|[.,]\d)", " ", bare)
    if _ASKS_OFTEN.search(question) and _FREQUENCY.search(sentence):
        return True  # "how often is it reviewed?": "on an annual basis"
    return bool(_FIGURE.search(bare)) or bool(
        ASKS_COUNT.search(question) and NUMBER_WORD.search(bare)
    )


def holds_asked_figure(question: str, sentence: str) -> bool:
    """Does the sentence hold the figure the question asks for as it asks it: a
    percentage for "what share", the thing named for "what is the general reserve
    balance" (not some other figure of the same paper)?"""
    if not holds_figure(question, sentence):
        return False  # "three-year period" says how long, not how much
    if _ASKS_SHARE.search(question) and not re.search(r"%|\bper ?cent\b", sentence, re.I):
        return False
    found = ASKS_FIGURE.search(question)
    noun = (found.group("noun") or found.group("subject") or "").lower() if found else ""
    if noun in _MONEY_NOUNS and not _ASKS_SHARE.search(question) and not _MONEY.search(sentence):
        return False  # "what is the adult social care overspend": pounds, not "81% of councils"
    if noun and noun not in _GENERIC_FIGURE:
        return bool(content_stems(noun) & content_stems(sentence))
    return True


def counts_with_unit(sentence: str, counted_words: list[str]) -> bool:
    """A count written with its unit ("A total of 44.9FE") for "how many FE": the unit
    the question counts follows the figure, with or without a space."""
    return any(
        re.search(rf"\d(?:[\d.,]*\d)?\s?{re.escape(word)}\b", sentence, re.I)
        for word in counted_words
        if word.isalpha()
    )


_DECIDED = re.compile(r"\b(?:agreed|resolved|decided|approved|endorsed|adopted)\b", re.I)


def records_decision_of(sentence: str, bodies: list[set[str]]) -> bool:
    """Does the sentence record a decision of one of ``bodies`` (the stems of each
    body's name): "the Scrutiny Committee unanimously agreed the following motion:"?"""
    stems = content_stems(sentence)
    return bool(_DECIDED.search(sentence)) and any(b and b <= stems for b in bodies)


BY_BODY = re.compile(
    r"\b(?:approved|agreed|authori[sz]ed|signed\s+off|decided|endorsed|taken|made|considered)"
    r"\s+by\s+(?:the\s+)?(?-i:[A-Z][\w&’'-]*)",
    re.I,
)
"""Who acts, when a body does ("will need to be approved by Cabinet"): asked who signs
something off, the body named as its agent answers as a person would."""


_INTRODUCES = re.compile(r"(?:\bthe following\b|\bas follows\b|\bbelow\b)[^.:;]*:\s*$|:\s*$", re.I)


def introduces(sentence: str) -> bool:
    """Does the sentence end by introducing what follows ("… agreed the following
    motion:")? A heading-like label ("Recommendations:") is not a sentence that does."""
    stripped = sentence.strip()
    return bool(_INTRODUCES.search(stripped)) and len(stripped.split()) >= 4
