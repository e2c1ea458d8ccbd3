"""What kind of thing a question asks for — an amount, the time a meeting ended, a paper
named by its subject, something its source leaves out — and whether the answer about to
be given is that kind of thing.

"What was the forecast overspend" is not answered by a sentence that only says when the
monitoring was reported; "how many members voted for it" not by the budget's sums of
money; "what time did it finish" not by the time it began; "who seconded the highway
asset maintenance amendment" not by another amendment's seconder; "emissions of schools"
not by a measure "excluding schools". Each is a near miss: the topic is in the papers,
the thing asked is not.
"""

from __future__ import annotations

import re

from assistant.markers import strip_markers
from assistant.models import Answer, PlanDocument
from indexing.terms import content_stems

_COST_UNKNOWN = re.compile(
    r"\bcosts?\b[^.]{0,40}?\b(?:cannot|can\s?not|can['’]t|could\s+not|is\s+not\s+yet|are\s+not\s+yet)"
    r"\s+(?:be\s+|yet\s+be\s+)?(?:estimated|quantified|determined|known)\b|"
    r"\btoo\s+early\s+to\s+(?:estimate|quantify|say)\b[^.]{0,20}?\bcosts?\b",
    re.I,
)
"""The paper says the cost asked is not known yet ("costs cannot be estimated until quotes
have been obtained"): whatever other sum it gives (the costs to date), not the one asked."""
_ASKS_ESTIMATE = re.compile(
    r"\b(?:estimated?|expected|forecast|projected)\b[^?.]{0,30}\bcost|"
    r"\bcost\b[^?.]{0,30}\b(?:estimated?|expected|forecast|projected)\b|"
    r"\bhow\s+much\s+will\b[^?.]{0,60}\bcost\b|\bwhat\s+will\b[^?.]{0,60}\bcost\b",
    re.I,
)
"""A cost asked for ahead of it ("the estimated cost of repairing", "how much will it
cost"), not one spent so far."""
_ASKS_AMOUNT = re.compile(
    r"\bhow\s+(?:many|much)\b|\bwhat\s+(?:percentage|proportion|share|%)|"
    r"\bwhat\s+(?:is|was|were|are|will\s+be)\s+(?:[\w'’-]+\s+){0,5}?"
    r"(?:overspend|underspend|cost|total|amount|figure|percentage|score|count|balance|"
    r"requirement|deficit|surplus|allocation)s?\b"
    r"(?!\s+(?:risk|register|report|monitoring|plan|strategy|policy|position|meeting|item|"
    r"committee|amendment|programme|process)s?\b)",
    re.I,
)
"""A question that asks for an amount: a count, a sum, a share."""
_HOW_MANY = re.compile(r"\bhow\s+many\b", re.I)
_MONEY = re.compile(
    r"[£€$]\s?[\d,.]+\s*(?:m|bn|k|million|billion)?\b|\b[\d,.]+\s*(?:m|bn|k)\b", re.I
)
_PERCENT = re.compile(r"[\d.,]+\s*(?:%|per\s?cent\b)", re.I)
_ASKS_RATE = re.compile(
    r"%|\bper ?cent|\bpercentage\b|\bproportion\b|\bshare\b|\brate\b|"
    r"\b(?:fewer|more|less|increase\w*|decrease\w*|ris(?:e|en)|rose|f[ae]ll|fallen|drop\w*)\b",
    re.I,
)
"""A "how many" that asks for the count as a rate ("how many, as a percentage") or for a
change, which papers give as one ("how many fewer calls than last quarter": 19%)."""
_ASKS_END = re.compile(
    r"\b(?:what\s+time|when)\b.*\b(?:finish|finished|end|ended|close|closed|conclude|concluded)\b",
    re.I,
)
_ENDED = re.compile(
    r"\b(?:finish\w*|end(?:ed|s)?|clos(?:e|ed|es|ing)|conclud\w*|rose|until|till|deadline)\b"
    r"|(?:\bto|[–-])\s*\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|"
    r"dec)[a-z]*\b",
    re.I,
)
"""When a meeting ended is not when it began: "what time did it finish" needs an end; a
span of days gives its end ("21st January to 17th March 2025")."""
_ASKS_OUTCOME = re.compile(
    r"\bdid\b.*\b(?:find|found|win|won|lose|lost|succeed\w*|rule|ruled|conclude\w*|approve\w*)\b"
    r"|\bwhat\s+came\s+(?:out\s+)?of\b|\b(?:outcome|verdict|findings?)\b|\bresult\s+of\b",
    re.I,
)
"""Asks how something turned out: a finding, a verdict, a win, what came of a meeting."""
_PENDING = re.compile(
    r"\b(?:was|were|is|are)\s+(?:scheduled|due|expected|planned)\s+to\b|\bawait(?:ing|ed|s)?\b"
    r"|\bupcoming\b|\bforthcoming\b|\banticipated\b|\byet\s+to\b|\bnot\s+yet\b",
    re.I,
)
"""A sentence that speaks of the event as still to come, which gives no outcome of it."""
_ASKS_DAY = re.compile(r"\b(?:what|which)\s+days?\b", re.I)
_A_DAY = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{1,2}(?:st|nd|rd|th)?\b|"
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b|\bdaily\b|\bevery\s+day\b",
    re.I,
)
"""A day: a weekday, a day of a month, a date written in figures, or every day."""
_NAMED_PAPER = re.compile(
    r"\bthe\s+((?:[\w'’-]+\s+){1,5}?)(?:amendment|motion|petition|presentation|strategy|policy)\b",
    re.I,
)
"""A paper or motion the question names by its subject: "the highway asset maintenance
amendment"."""
_NOT_AMOUNTS = re.compile(
    r"^\s*source:.*$|\bp\.\s*\d+|\b(?:19|20)\d{2}(?:[-/]\d{2,4}){0,2}\b|"
    r"\b(?:q|quarter\s*)[1-4]\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|"
    r"sep|oct|nov|dec)[a-z]*\b|^\s*\W*\d+(?:\.\d+)+\s|\b\d{1,2}:\d{2}\b|\b\d{1,2}\.\d{2}\s*[ap]\.?m\b|\bitem\s+\d+",
    re.I | re.M,
)
"""Numbers that are not amounts: a source line, a page, a year, a quarter, a day, a
paragraph's number, a time of day, an agenda item's number."""
_FIGURE = re.compile(
    r"\d|\b(?:none|nil|zero|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"dozen|hundred|thousand|million|billion|unanimous\w*)\b",
    re.I,
)
"""A count or an amount, in figures or words: what a "how many" answer must state."""


def unasked(question: str, answer: Answer, held: str, documents: list[PlanDocument]) -> str | None:
    """What the question asks for that the answer is not, said as "the amount asked",
    "the time it ended", "its outcome" (of an event its quotes speak of as still to come),
    the paper asked for, or what the source leaves out; None when
    the answer is the kind of thing asked. ``held`` is what the answer states and cites
    (``pinned.held_text``)."""
    stated = _NOT_AMOUNTS.sub(" ", _without_numbers_of(question, answer.answer))
    if _HOW_MANY.search(question):
        stated = _MONEY.sub(" ", stated)  # a count of members is not a sum of money
        if not _ASKS_RATE.search(question):  # nor is "a 31% decrease" a count of complaints
            stated = _PERCENT.sub(" ", stated)
    if _ASKS_AMOUNT.search(question) and not _FIGURE.search(stated):
        return "the amount asked"
    if _ASKS_ESTIMATE.search(question) and _COST_UNKNOWN.search(" ".join(held.split())):
        return "the amount asked"  # "costs cannot be estimated until quotes have been obtained"
    if _ASKS_END.search(question) and not _ENDED.search(held):
        return "the time it ended"
    quotes = [c.quote or "" for c in answer.citations]
    if _ASKS_OUTCOME.search(question) and quotes and all(_PENDING.search(q) for q in quotes):
        return "its outcome"  # "was scheduled to meet", "awaiting the Inspector's Report"
    said = " ".join([answer.answer, *(c.quote for c in answer.citations)])
    if _ASKS_DAY.search(question) and not _A_DAY.search(said):
        return "the day asked"  # "what day are bins collected": a weekday or a date
    if unnamed := _paper_unnamed(question, held, answer, documents):
        return unnamed
    return _excluded(question, held)


def _without_numbers_of(question: str, text: str) -> str:
    """``text`` without the numbers the question itself gives (its dates and years), so
    "how many voted on 13 february 2025" is not answered by the date alone."""
    text = strip_markers(text).replace("“", "").replace("”", "")
    for number in set(re.findall(r"\d+", question)):
        text = re.sub(rf"(?<!\d){number}(?!\d)", " ", text)
    return text


_EXCLUDING = re.compile(
    r"\b(?:excluding|excludes|excl\.?|except(?:\s+for)?|other\s+than|not\s+including|"
    r"apart\s+from|without)\s+((?:[\w'’-]+\s+){0,2}[\w'’-]+)",
    re.I,
)


def _excluded(question: str, held: str) -> str | None:
    """What the question asks about that its source says it leaves out: "emissions of
    schools" over "(excluding schools)" — unless the question leaves it out as well."""
    if _EXCLUDING.search(question):
        return None
    asked = content_stems(question)
    rest = content_stems(_EXCLUDING.sub(" ", held))
    for match in _EXCLUDING.finditer(held):
        left_out = content_stems(match.group(1)) & asked
        if left_out and not left_out & rest:
            return f"{match.group(1).strip()} (the source excludes them)"
    return None


def _paper_unnamed(
    question: str, held: str, answer: Answer, documents: list[PlanDocument]
) -> str | None:
    """A paper or motion named by its subject ("who seconded the highway asset maintenance
    amendment") is answered from a paper that speaks of some of those words, not from
    another amendment that shares only the word "amendment" ("the lib dem LEVI amendment"
    is held by "Liberal Democrats - LEVI capital funding": a short form may differ).
    ``held`` includes the cited papers' own words: minutes say who proposed "the
    following amendment" a passage before they give its subject."""
    matches = list(_NAMED_PAPER.finditer(question))
    if not matches:
        return None
    found = content_stems(f"{held} {_cited_papers_words(answer, documents)}")
    for match in matches:
        named = content_stems(match.group(1))
        # a short form is held by the word it begins ("lib dem" by "liberal democrats")
        if len(named) >= 2 and not any(f.startswith(n) for n in named for f in found):
            return f"the {match.group(0)[4:].strip()}"
    return None


def _cited_papers_words(answer: Answer, documents: list[PlanDocument]) -> str:
    """The passages and item names of the papers the answer cites."""
    cited = {c.document_id for c in answer.citations}
    return " ".join(
        " ".join([*(p.text for p in d.passages), *(i.commitment for i in d.items)])
        for d in documents
        if d.id in cited
    )
