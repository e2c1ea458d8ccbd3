"""Short forms a question types that the papers never print: "ldp" for "Local
Development Plan", "hb/ctb" for "Housing Benefit/Council Tax Benefit", "s25" for "section
25", "in jan 25" for "in January 2025".

Members and officers type the short forms they speak in; papers often print only the
words in full. A question read with a short form no paper prints finds nothing by it, so
the words the papers print are added beside it: "ldp (Local Development Plan)".
A short form the papers do print is left as it is: it finds their sentences itself, and
words added beside it would only dilute how much of the question a sentence holds — unless
they spell it out more often than they print it, in lower case as a thing spoken of ("EV"
three times, "electric vehicle" eight: the sentences that spell it are the more).

The spelling is learned from the papers the asker may see (``Scope.text``), never from a
list of names: a run of capitalised words whose initials spell the short form (linking
words such as "and", "of" aside), weighed by how often it is printed near the question's
other words; for a contraction ("mgmt", "govt", "qtr", "cttee"), the one word of the papers that
holds its letters in order.
"""

from __future__ import annotations

import calendar
import os
import re
from collections import Counter
from functools import lru_cache

from indexing.readers.dates import MONTHS
from indexing.terms import content_stems, in_dictionary, is_english_word

_TOKEN = re.compile(r"(?<![\w£$%.-])([A-Za-z]{2,6})(?![\w%£-])")
_SECTION = re.compile(r"(?<![\w])[sS]\.?\s?(\d{1,3})(?![\w%])")
""""s25", "s106": a section of an Act, as officers write it."""
_LINKING_WORDS = ("of", "and", "the", "for", "&", "to", "in", "on")
"""Words a spelt-out name holds between the words its initials come from."""
_LINKING = "(?:" + "|".join(map(re.escape, _LINKING_WORDS)) + ")"
_STOP = frozenset(
    "the and for are was were has had did does can may who why how what when which "
    "with from this that they them its our any per via etc pls plz thx vs mon tue wed thu fri "
    "sat sun jan feb mar apr may jun jul aug sep sept oct nov dec".split()
)
_MONTH_YEAR = re.compile(
    r"\b(in|during|(?:the\s+)?(?:end|start|beginning|middle)\s+of|early|mid|late)[\s-]+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+'?(\d{2})"
    r"(?![\w/:.-])",
    re.I,
)
""""in jan 25", "end of jan 25": a month and the year's last two figures, as people type
them; "on jan 25" is a day."""
CACHED = 512
"""Short forms whose readings in one scope's text are kept: the text is the same object
for every question of a scope, so each reading is worked out once, not per question."""


MOST_SPELLINGS = 2
"""How many spellings of one short form are added: "ics" may be two things in one council."""


def with_spelt_out(question: str, text: str, years: frozenset[str] = frozenset()) -> str:
    """``question`` with each short form it types that the papers (``text``) spell out more
    often than they print written as they spell it; a month typed with
    two figures of a year the papers know (``years``) as that month and year ("in jan 25"
    is January 2025, not the 25th)."""
    question = _MONTH_YEAR.sub(
        lambda m: (
            f"{m.group(1)} {calendar.month_name[MONTHS[m.group(2).lower()[:3]]]} 20{m.group(3)}"
            if f"20{m.group(3)}" in years
            else m.group(0)
        ),
        question,
    )
    question = _SECTION.sub(lambda m: _section(m, text), question)
    out: list[str] = []
    last = 0
    for match in _TOKEN.finditer(question):
        context = content_stems(question[: match.start()] + " " + question[match.end() :])
        spellings = _spellings(match.group(1), text, context)
        if spellings:  # the short form itself matches nothing the papers print
            out += [question[last : match.start(1)], " / ".join(spellings)]
            last = match.end(1)
    return "".join(out) + question[last:]


def sections_spelt(text: str) -> str:
    """``text`` with each "s25" written "section 25": how a paper's title names it."""
    return _SECTION.sub(lambda m: f"section {m.group(1)}", text)


def _section(match: re.Match[str], text: str) -> str:
    """ "section 25" for "s25" where the papers print that more often than the short form."""
    number = match.group(1)
    return f"section {number}" if _spelt_more(number, text) else match.group(0)


@lru_cache(maxsize=CACHED)
def _spelt_more(number: str, text: str) -> bool:
    short = len(re.findall(rf"\bs\.?\s?{number}\b", text, re.I))
    return len(re.findall(rf"\bsection\s+{number}\b", text, re.I)) > short


def _spellings(word: str, text: str, context: set[str]) -> list[str]:
    """The spellings of ``word`` to add: none when the papers print it (it finds them as
    it is) or it is an English word; else the best one or two, judged by how often each
    is printed beside the question's other words."""
    lower = word.lower()
    if lower in _STOP:
        return []
    plural = lower.endswith("s") and len(lower) > 3
    typed_plural = plural and word[-1] == "s" and word[:-1].isupper()  # "SARs": SAR's plural
    capitals = word.isupper() or typed_plural
    shorts = (lower[:-1], lower) if typed_plural else (lower, lower[:-1])
    for short in shorts if plural else (lower,):
        if not capitals and _a_word(short):
            return []  # an English word: a word of its own, whether the papers use it or not
        printed = _printed(short, text)
        found = _spelt(short, text, context, capitals)
        best = found.most_common(MOST_SPELLINGS)
        if printed:
            # the papers' own short form ("ctrs" their CTRS) finds them, unless they spell
            # it out more often than they print it ("ev" beside "electric vehicle")
            return [
                phrase
                for phrase, score in best
                if score >= ENOUGH and _spelt_more_often(phrase, short, text)
            ][:1]
        if best and best[0][1] >= ENOUGH:
            return [phrase for phrase, score in best if score * 2 > best[0][1]]
    contracted = _contracted(lower, text) or _clipped(lower, text)
    return [contracted] if contracted else []


_VOWELS = re.compile(r"[aeiou]")
CONTRACTION_PRINTINGS = 3
"""How often the papers must print a word for a contraction of it to be read as that word."""


@lru_cache(maxsize=CACHED)
def _contracted(short: str, text: str) -> str | None:
    """The papers' word a contraction stands for ("mgmt" management, "govt" government,
    "qtr" quarter): a word of theirs with the same first and last letter that holds the
    contraction's letters in order, printed often, and the only such word so printed. Its
    vowels are few but for the ending it keeps ("cttee" committee)."""
    if len(short) < 3 or len(_VOWELS.findall(short.rstrip("aeiou"))) > 1:
        return None
    inner = "".join(rf"[a-z]*{re.escape(c)}" for c in short[1:-1])
    pattern = rf"\b{re.escape(short[0])}{inner}[a-z]*{re.escape(short[-1])}\b"
    words = Counter(w.lower() for w in re.findall(pattern, text, re.I))
    return _the_one(short, words)


def _the_one(short: str, words: Counter[str]) -> str | None:
    """The word of ``words`` (printings by word) a short form stands for: printed often,
    and either printed far more than any other or alone in opening with more of the short
    form's letters ("dept" is "department", whose "dep" opens it, not "development")."""
    common = [(w, n) for w, n in words.most_common() if n >= CONTRACTION_PRINTINGS]
    if not common:
        return None
    if len(common) == 1 or common[1][1] * 2 <= common[0][1]:
        return common[0][0]
    rivals = [w for w, n in common if n * 2 > common[0][1]]
    opening = {w: len(os.path.commonprefix([w, short])) for w in rivals}
    longest = max(opening.values())
    leading = [w for w in rivals if opening[w] == longest]
    return leading[0] if len(leading) == 1 and longest > 1 else None


CLIPPED_LEAST = 4
"""Fewest letters of a clipped word ("exec", "approx") read as the word it opens."""


@lru_cache(maxsize=CACHED)
def _clipped(short: str, text: str) -> str | None:
    """The papers' word a clipped one opens ("exec" executive, "approx" approximately),
    printed often and far more than any other word it opens."""
    if len(short) < CLIPPED_LEAST:
        return None
    words = Counter(
        w.lower() for w in re.findall(rf"\b{re.escape(short)}[a-z]{{2,}}\b", text, re.I)
    )
    return _the_one(short, words)  # every such word opens with all of it: no tie is broken


def _a_word(lower: str) -> bool:
    """An English word; a short one only as the dictionary has it ("ics" is not "ic"s)."""
    return in_dictionary(lower) if len(lower) <= 4 else is_english_word(lower)


ENOUGH = 2.0
"""The least weight of printings a spelling needs to be added: one printing far from the
question's other words ("Years Review" for "yr") is a coincidence of initials."""


def _spelt(short: str, text: str, context: set[str], typed_capitals: bool) -> Counter[str]:
    """Runs of capitalised words in ``text`` whose initials spell ``short``, weighed by
    how often each is printed and how many of the question's other words (``context``)
    are printed near it: "hb" beside "claims" is Housing Benefit, not a Housing Body.
    A short form the question types in capitals (``typed_capitals``) may end on a word in
    lower case ("SARs": Subject Access requests)."""
    found: Counter[str] = Counter()
    for phrase, near in _printings(short, text, typed_capitals):
        found[phrase] += 1 + len(context & near)
    return found


@lru_cache(maxsize=CACHED)
def _spelt_more_often(spelling: str, short: str, text: str) -> bool:
    """The papers print ``spelling`` more often than the short form, and with a word in
    lower case in running text too: a thing spoken of ("electric vehicle", "Subject Access
    requests"), not a title whose initials only happen to spell it ("Management and
    Prudential" for "MP")."""
    words = r"\s+".join(re.escape(w) for w in spelling.split())
    printed = re.findall(rf"\b{words}s?\b", text, re.I)
    if not any(any(w.islower() and w not in _LINKING_WORDS for w in p.split()) for p in printed):
        return False  # only ever in capitals: a title
    return len(printed) > len(re.findall(rf"\b{short}s?\b", text, re.I))


@lru_cache(maxsize=CACHED)
def _printed(short: str, text: str) -> bool:
    # not the head of a compound name ("SARS-CoV-2" is no SAR)
    return re.search(rf"\b{short}s?\b(?!-\w)", text, re.I) is not None


@lru_cache(maxsize=CACHED)
def _printings(
    short: str, text: str, typed_capitals: bool = False
) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each printing of a run of capitalised words spelling ``short``, with the stems
    printed near it."""
    letters = short.upper()
    # typed in capitals ("SARs"), its last word may be lower case, as a kind of thing
    # ("Subject Access requests")
    last = letters[-1] + letters[-1].lower() if typed_capitals and len(letters) > 2 else letters[-1]
    words = rf"\s+(?:{_LINKING}\s+)?".join(
        [*(rf"{c}[a-z][\w'’]*" for c in letters[:-1]), rf"[{last}][a-z][\w'’]*"]
    )
    return tuple(
        (
            " ".join(match.group(0).split()),
            frozenset(content_stems(text[max(0, match.start() - NEAR) : match.end() + NEAR])),
        )
        for match in re.finditer(rf"(?<![\w-]){words}(?![\w-])", text)
    )


NEAR = 300
"""How many characters either side of a spelling count as beside it."""
