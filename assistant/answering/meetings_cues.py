"""What a question says about meetings: which committee, which day or month, what it asks.

Committee names are learned from the documents (``meta.committee`` of the synced records),
never listed here: "cabinet", "County Council" or "the planning committee" are found by
matching the question against the names the corpus uses. A committee the question names
that the corpus does not have ("the pension fund committee") is kept apart, so the answer
can say it has no such meetings rather than answer about another committee.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from itertools import islice

from assistant.answering.meetings_days import relative_days
from indexing.readers.dates import MONTH_PATTERN, MONTHS

_MONTH = rf"({MONTH_PATTERN})"
_DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b\.?(?:,?\s+(\d{{4}}))?", re.I
)
_MONTH_DAY = re.compile(
    rf"\b{_MONTH}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*[:.]\d)(?:,?\s+(\d{{4}}))?", re.I
)
_MONTH_ONLY = re.compile(rf"\b{_MONTH}\b(?:\s+(\d{{4}}))?", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_NUMERIC = re.compile(
    r"(?<![\d/.-])(\d{1,2})(?:[/.](\d{1,2})[/.](\d{4}|\d{2})|/(\d{1,2})(?!\s*(?:of|ths?|rds?)\b))"
    r"(?![\d/.%-])"
)
"""``4/3/25``, ``13/02/2025``, ``4.3.25``: day first, as UK papers write them; ``30/1``
without its year as people type it (not "2/3 of", a share)."""
_ANCHOR = re.compile(
    r"\b(after|since|before|following)\s+(?:the\s+)?"
    r"(?:(?:one|meeting)\s+)?(?:(?:on|of|held\s+on)\s+(?:the\s+)?)?$",
    re.I,
)
"""A date counted from: "after 30 January", "before the one on 30 January"."""
_SUBJECT_DATE = re.compile(
    r"\bminutes\s+of\s+(?:the\s+)?(?:meetings?\s+)?(?:held\s+)?(?:on\s+)?$", re.I
)
_MINUTES_AFTER = re.compile(r"^[^\w]*(?:[a-z]+[^\w]+){0,2}?minutes\b", re.I)
"""A date followed by "… minutes" ("the january cabinet minutes") dates the minutes."""
_OTHER_BODY = re.compile(
    r"\b((?:[a-z][a-z&'’-]*\s+){1,6}?)(committee|sub-committee|board|panel|forum|cabinet committee)\b",
    re.I,
)
_NOT_A_NAME = set(
    "the which what who whom when where how did does do is was were has have a an this that"
    " each every any its their attended attend chairs chaired sits sat on of at by for to from"
    " in meet meets met".split()
)
_WHOLE_COUNCIL = re.compile(
    r"\b(?:full|whole|the)\s+(?:[a-z]+\s+)?council\b(?!\s+tax)|\bcouncil\s+meeting\b", re.I
)
""""full council", "the council meeting", "the budget council": the one committee whose
name ends in "Council" (never "council tax")."""
_COUNCIL_MEETING = re.compile(
    r"\b(?:full|whole|budget|annual|extraordinary|special)\s+council\b(?!\s+tax)"
    r"|\bcouncil\s+meeting\b",
    re.I,
)
"""The whole council's meeting named beside another committee ("the next cabinet after
the budget council"), where "the council" alone is the authority, not its meeting."""

DECIDE = re.compile(
    r"\b(decid\w*|decision\w*|resolv\w*|resolution\w*|agree\w*|approv\w*|adopt\w*|endors\w*|"
    r"not(?:e|ed|es)|put\b.*\bup|set|carried|passed|defeated|motions?)\b",
    re.I,
)
AGENDA = re.compile(r"\b(agenda|item\s+\d+|items?|discussed|considered)\b", re.I)
PAPERS = re.compile(
    r"\b(papers?|documents?|attachments?|appendix|appendices|reports\b(?!\s+(?:say|said|show))|"
    r"reports?\s+(?:went|for|were|was|published|submitted|presented|tabled))\b",
    re.I,
)
CHAIR = re.compile(r"\b(chair(?:ed|s|man|woman|person)?|in the chair)\b", re.I)
VICE = re.compile(r"\bvice[- ]?chair", re.I)
APOLOGIES = re.compile(r"\bapolog", re.I)
ATTEND = re.compile(r"\b(attend\w*|present|members?)\b", re.I)
PRESENT = re.compile(r"\b(present|attend\w*|there)\b|\bwas\b.+\bat\b", re.I)
WHEN = re.compile(
    r"(?:^|[,;:]\s*)\s*(?:when|on what date)\b|\b(?:what|which) (?:time|date|day)\b|\bstart",
    re.I,
)
"""Asks when: "when did …", "after the budget council, when was the next cabinet?"."""
WHERE = re.compile(r"^\s*where\b(?!.*\bcome\s+from\b)|\bvenue\b", re.I)
"""Where a meeting was held; "where would the money come from?" asks a paper's source."""
MEET = re.compile(r"\b(meet|meets|met|meeting|meetings|sit|sat)\b", re.I)
NEXT = re.compile(r"\b(next|upcoming|coming|forthcoming)\b", re.I)
AFTER = re.compile(r"\b(after|following|subsequent)\b", re.I)
LAST = re.compile(r"\b(last|latest|most recent|previous)\b", re.I)
ITEM_NUMBER = re.compile(r"\bitem\s+(\d+[a-z]?)\b", re.I)
ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "last": -1, "final": -1}
ORDINAL = re.compile(rf"\b({'|'.join(ORDINALS)})\s+(?:agenda\s+)?(?:item|business)\b", re.I)
"""A place in the agenda: "the first item", "the last item of business"."""
ASKED = re.compile(
    r"\b(asked|ask|asking|recommend\w*|propos\w*|options|choices|what\s+could)\b", re.I
)
"""What a paper asked or allowed the committee to do ("what options did cabinet have")."""
WHICH_BODY = re.compile(r"\bwhich\s+(?:[a-z]+\s+){0,2}(?:committees?|boards?|panels?)\b", re.I)
"""Another body the question does not name ("which cabinet committee looked at it?"):
the papers of the item say which."""
WHICH_MEETING = re.compile(
    r"\b(?:which|what)\s+(?:[a-z]+\s+){0,2}?(?:meeting|one)\b(?!\s+(?:discuss|decid|agree|consider|approv))",
    re.I,
)
"""The meeting itself asked for ("which cabinet meeting came before the one on 4 March?"),
not what it did."""
AHEAD = re.compile(r"\b(?:would|will)\b", re.I)
"""A question about what is to happen ("when would full council review it?")."""
PAPER_LIST = re.compile(
    r"\b(?:which|what|list|any)\s+(?:\w+\s+)?(?:papers|documents|reports)\b|\bpapers\s+(?:for|went|on)\b",
    re.I,
)


@dataclass
class DateCue:
    """A day (or a month) the question names; ``anchor`` for "after 30 January"."""

    month: int
    day: int | None = None
    year: int | None = None
    anchor: str | None = None
    span: tuple[date, date] | None = None
    """For a day named relative to today ("last Tuesday"): the days it means."""
    phrase: str | None = None

    def label(self) -> str:
        """``12 March 2025``, ``March``, ``last Tuesday (25 November 2026)``."""
        if self.span is not None:
            first, last = (f"{d.day} {d:%B %Y}" for d in self.span)
            return f"{self.phrase} ({first if first == last else f'{first} to {last}'})"
        month = date(2000, self.month, 1).strftime("%B")
        return " ".join(str(p) for p in (self.day, month, self.year) if p)

    def matches(self, day: date) -> bool:
        if self.span is not None:
            return self.span[0] <= day <= self.span[1]
        return (
            day.month == self.month
            and (self.day is None or day.day == self.day)
            and (self.year is None or day.year == self.year)
        )


@dataclass
class MeetingCues:
    """The meeting parts of a question."""

    committees: list[str] = field(default_factory=list)
    other_bodies: list[str] = field(default_factory=list)
    dates: list[DateCue] = field(default_factory=list)
    subject_dates: list[DateCue] = field(default_factory=list)
    """Dates of the subject, not the meeting ("the minutes of 9 January")."""
    rest: str = ""
    """The question without its committee names and dates: what it is about."""

    @property
    def meeting_dates(self) -> list[DateCue]:
        return [d for d in self.dates if d.anchor is None]

    @property
    def anchor(self) -> DateCue | None:
        return next((d for d in self.dates if d.anchor), None)


def _month(word: str) -> int:
    word = word.lower()
    return MONTHS.get(word) or MONTHS[word[:3]]


def _committee_pattern(name: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in re.findall(r"[\w'’]+", name.lower())]
    # "Cabinet member for finance" is a person, not the committee's meeting.
    # "the environment and transport cabinet committee" is another body, not the cabinet.
    return re.compile(
        r"\b" + r"[\s\W]+".join(words) + r"\b(?!\s+(?:members?|committees?|sub-committees?)\b)",
        re.I,
    )


MOST_DATES = 8
"""Dates of each form read from one question: a question names a few; a pasted run of
thousands ("1/2 1/2 …") is read no further, so its cost stays that of a question."""


def read_cues(text: str, known: list[str], today: date | None = None) -> MeetingCues:
    """The committees (of ``known``), other named bodies and dates in ``text``; a day
    named relative to ``today`` ("last Tuesday") is read when ``today`` is given."""
    cues = MeetingCues()
    rest = text
    for name in sorted(known, key=len, reverse=True):
        pattern = _committee_pattern(name)
        if pattern.search(rest):
            cues.committees.append(name)
            rest = pattern.sub(" ", rest)
    council = _WHOLE_COUNCIL if not cues.committees else _COUNCIL_MEETING
    # "the feb 2025 budget council": a date between "the" and the council's meeting
    named = council.search(rest) or _COUNCIL_MEETING.search(rest)
    if named and (_COUNCIL_MEETING.search(rest) or _of_meeting(text)):
        whole = [n for n in known if n.lower().split()[-1] == "council"]
        if len(whole) == 1 and whole[0] not in cues.committees:
            cues.committees.append(whole[0])
            rest = _COUNCIL_MEETING.sub(" ", council.sub(" ", rest))
    for found in _OTHER_BODY.finditer(rest):
        words: list[str] = []
        for word in reversed(found.group(1).lower().split()):
            if word in _NOT_A_NAME:
                break
            words.insert(0, word)
        if words:
            cues.other_bodies.append(" ".join(words + [found.group(2).lower()]))
    seen: list[tuple[int, int]] = []
    stripped: list[tuple[int, int]] = []
    for found in islice(_DAY_MONTH.finditer(rest), MOST_DATES):
        month = _month(found.group(2))
        if _add_date(cues, rest, found.span(), month, int(found.group(1)), found.group(3)):
            stripped.append(found.span())
        seen.append(found.span())
    for found in islice(_MONTH_DAY.finditer(rest), MOST_DATES):
        if any(a <= found.start() < b for a, b in seen) or int(found.group(2)) > 31:
            continue
        month = _month(found.group(1))
        if _add_date(cues, rest, found.span(), month, int(found.group(2)), found.group(3)):
            stripped.append(found.span())
        seen.append(found.span())
    for found in islice(_ISO.finditer(rest), MOST_DATES):
        month, day = int(found.group(2)), int(found.group(3))
        if _add_date(cues, rest, found.span(), month, day, found.group(1)):
            stripped.append(found.span())
        seen.append(found.span())
    for found in islice(_NUMERIC.finditer(rest), MOST_DATES):
        day, month = int(found.group(1)), int(found.group(2) or found.group(4))
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        year = found.group(3)
        year = None if year is None else year if len(year) == 4 else f"20{year}"
        if _add_date(cues, rest, found.span(), month, day, year):
            stripped.append(found.span())
        seen.append(found.span())
    relative = relative_days(rest, today) if today is not None else None
    if relative is not None:
        span = (relative.first, relative.last)
        one_day = relative.first.day if relative.first == relative.last else None
        cues.dates.append(DateCue(relative.first.month, one_day, relative.first.year, None, span))
        cues.dates[-1].phrase = relative.phrase
        stripped.append((relative.start, relative.end))
    for found in islice(_MONTH_ONLY.finditer(rest), MOST_DATES):
        if any(a <= found.start() < b for a, b in seen):
            continue
        if found.group(1).lower() in ("may", "mar") and not found.group(2):
            continue  # "may" the verb, "mar" the word: a month only with its year
        if _add_date(cues, rest, found.span(), _month(found.group(1)), None, found.group(2)):
            stripped.append(found.span())
    for start, end in sorted(stripped, reverse=True):
        rest = rest[:start] + " " + rest[end:]
    cues.rest = " ".join(rest.split())
    return cues


def _of_meeting(text: str) -> bool:
    """Does the question ask about a meeting (what it decided, its agenda, who chaired
    or attended, when it met)? Only then is "the council" its meeting: "when did the
    department notify the council of its grant?" names the authority."""
    cues = (MEET, DECIDE, AGENDA, CHAIR, APOLOGIES, ATTEND, PAPERS)
    return any(p.search(text) for p in cues)


def _add_date(
    cues: MeetingCues,
    text: str,
    span: tuple[int, int],
    month: int,
    day: int | None,
    year: str | None,
) -> bool:
    """Adds the date unless it dates the subject rather than the meeting; True when added."""
    before = text[: span[0]]
    if (
        _SUBJECT_DATE.search(before)
        or re.search(r"\bminutes\s+of\s+[\w\s]*$", before, re.I)
        or _MINUTES_AFTER.match(text[span[1] :])
    ):
        # "the minutes of 9 January", "the january cabinet minutes": that meeting's
        # minutes, approved at (and printed in the papers of) a later one
        cues.subject_dates.append(DateCue(month, day, int(year) if year else None))
        return False
    anchor = _ANCHOR.search(before)
    cues.dates.append(
        DateCue(
            month, day, int(year) if year else None, anchor.group(1).lower() if anchor else None
        )
    )
    return True
