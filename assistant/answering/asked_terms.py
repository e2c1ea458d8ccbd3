"""Words of a question that the sentence answering it must hold, beyond the kind of
thing asked for (a figure, a date, a name).

Three shapes of question name something a sentence on the same subject does not give:

- a count or sum *per* something ("how many complaints did each customer services
  officer handle", "how much does each ward receive"): a sentence about complaints
  that names no officer gives a total, not a figure per officer;
- the holder of a post ("who will be the mayor of …"): a sentence that speaks of
  the post names its holder beside it ("Cabinet Member: Jo Rowan", "Mr Hill, the
  Mayor"), not someone who only spoke of it ("Mr Grant stressed … a strong mayor");
- things in a state ("which schools are closing", "which projects were delayed"):
  a sentence about schools that says nothing of closing does not list them, nor does
  one that speaks of closures without naming a school ("some schools may close").

A figure for one directorate or department ("what % did the growth, environment and
transport directorate answer on time") is not the whole council's, nor another
directorate's: the sentence must name it.

A count of things something was done to ("how many foster carers has the hub recruited")
is not a count of the things alone: the sentence must say it was done.

A figure for one month or quarter *alone* ("what % were issued on time in December
alone?") is not a rolling or cumulative figure that ends there ("the rolling 12-month
average to December"): such a sentence does not answer it.

Without these words the honest answer is that the documents don't say.
"""

from __future__ import annotations

import re

from indexing.terms import content_stems

_UNIT = re.compile(
    r"\b(?P<aux>(?:did|does|do|will|would|can|could|has|have|had)\s+)?(?:each|every|per)\s+"
    r"(?P<words>[a-z][a-z'’-]*(?:\s+[a-z][a-z'’-]*){0,3})",  # "per head - x": a dash ends it
    re.I,
)
_ASKS_AMOUNT = re.compile(
    r"\bhow\s+(?:many|much|long|often)\b|%|£|\b(?:number|amount|total|average|rate|share|"
    r"percentage|proportion|figure|cost|sum|count)s?\b",
    re.I,
)
"""A question for a figure: only a figure is asked for *each* of something ("per head"
asks one by its own word)."""
_PHRASE_END = re.compile(
    r"\b(?:is|are|was|were|be|been|did|does|do|have|has|had|will|would|can|could|in|on|at|by|"
    r"for|of|to|from|with|and|or|than|under|over|since|during|this|that|the|a|an)\b"
)
_TIME_UNITS = {
    "year",
    "month",
    "week",
    "day",
    "quarter",
    "annum",
    "cent",
    "hour",
    "minute",
    "night",
    "term",
    "time",
}
"""Units that say how often ("each year", "per cent"): a sentence may give the figure
per year without saying so ("500 homes a year")."""

_STATE = re.compile(
    r"\bwhich\s+[a-z'’-]+(?:\s+[a-z'’-]+){0,3}?\s+(?:are|were|is|was|will be|have been|has been)\s+"
    r"(?:being\s+)?(?P<state>[a-z'’-]{3,}(?:ing|ed))\b",
    re.I,
)


_POST = re.compile(
    r"\bwho\s+(?:is|was|are|were|will be|would be)\s+(?:the|our|its)\s+"
    r"(?P<post>[a-z'’ -]+?)\s*(?:\b(?:of|for|at|in|on|who|that|which|responsible|accountable)\b"
    r"|\b[a-z]+(?:ing|ed)\b|[?.!]|$)",
    re.I,
)
_PERSON = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+(?:[A-Z]\.?\s+){0,3}[A-Z][a-z'’-]+"
    r"|\b(?!(?:The|A|An|This|That|These|Those|Our|Its|Their|Each|Every)\b)[A-Z][a-z]+\s+[A-Z][a-z'’-]+\b"
)
"""A person as papers name them: by title and surname, or by two capitalised words."""
NEAR_POST = 40
"""Characters either side of a post's word within which its holder's name stands."""


_ALONE = re.compile(
    r"\b(?:alone|only|on its own|by itself|single (?:month|quarter|week|year))\b", re.I
)
_ROLLING = re.compile(
    r"\b(?:rolling|cumulative|year[- ]to[- ]date|\d+[- ]months? (?:to|ending)|"
    r"(?:twelve|12)[- ]months? (?:to|ending|average))\b",
    re.I,
)
"""A figure over a run of months (rolling, cumulative, year to date) ending in the period."""


_UNIT_OF_COUNCIL = re.compile(
    r"\b(?P<name>[a-z'’-]+(?:(?:\s*,\s*|\s+and\s+|\s*&\s*|\s+)[a-z'’-]+){0,5})\s+"
    r"(?:directorate|department|division)s?\b",
    re.I,
)
_NOT_A_UNIT_WORD = frozenset(
    "the a an which what whose each every any our their its this that of for in by did does "
    "do was were is are has have had how many much per cent percentage proportion share all "
    "both other others every some no these those across between".split()
)
"""Words before "directorate" that ask which, not name one."""


def unit_of_council(question: str) -> list[str]:
    """The words naming the directorate or department a question asks about ("growth",
    "environment", "transport" of "did the growth, environment and transport directorate
    answer on time"): the last run of naming words before "directorate", "department" or
    "division"."""
    match = _UNIT_OF_COUNCIL.search(question)
    if not match:
        return []
    raw = re.findall(r"[a-z'’-]+", match.group("name").lower())
    named: list[str] = []
    for said in reversed(raw):
        word = re.sub(r"['’]s?$", "", said)
        if word in _NOT_A_UNIT_WORD or said.endswith(("'s", "’s")):
            break  # "northtown's rents department": whose it is, not its name
        if word != "and":
            named.insert(0, word)
    return named


def _stem(word: str) -> str:
    """A word's stem, enough to match its other forms ("officers", "closure", "closed")."""
    word = word.lower().strip("'’-")
    for ending in ("ing", "ed", "es", "s", "e"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def _holds(text: str, word: str) -> bool:
    return bool(re.search(rf"\b{re.escape(_stem(word))}", text, re.I))


def unit_words(question: str) -> list[str]:
    """The words naming the unit a figure is asked per ("customer services officer" of
    "how many complaints did each customer services officer handle"), without units
    of time. After "did each …" the last word is the question's verb ("handle")."""
    match = _UNIT.search(question)
    if not match:
        return []
    if not re.search(r"\bper\b", match.group(0), re.I) and not _ASKS_AMOUNT.search(question):
        return []  # "does each project get its own consultation?" asks no figure per project
    phrase = _PHRASE_END.split(match.group("words").lower())[0].split()
    if phrase and re.search(r"['’]s?$", phrase[0]):
        return []  # "per murphy's update": whose account, not a unit
    if match.group("aux") and len(phrase) > 1 and match.end() >= len(question.rstrip(" ?.!")):
        phrase = phrase[:-1]
    if any(_stem(w) in _TIME_UNITS or w in _TIME_UNITS for w in phrase):
        return []
    return phrase


def state_word(question: str) -> str | None:
    """The state a "which … are …ing/…ed" question asks things to be in ("closing")."""
    match = _STATE.search(question)
    return match.group("state").lower() if match else None


_COUNT_ACTION = re.compile(
    r"(?:\bhow many\b|(?:%|\b(?:percent(?:age)?|proportion|share))\s+of\b)"
    r"[^?]{0,200}?\b(?:has|have|had|were|was)\s+(?:[a-z'’-]+\s+){0,4}?"
    r"(?P<act>[a-z]{3,}ed)\b(?!\s+(?:after|out|up|back|off|down)\b)",
    re.I,
)
_NOT_ACTIONS = frozenset(
    {"based", "needed", "used", "expected", "planned", "estimated", "reported"}
)
"""Participles that say how a count is known or meant, not what was done to the things."""
ACTION_PREFIX = 5
"""Letters of an action's stem a sentence's word must begin with ("recru" of "recruitment")."""


def counted_action(question: str) -> str | None:
    """What a "how many … have/were … <done>" question asks to have been done to the
    things it counts ("recruited" of "how many foster carers has the hub recruited"; a
    share asked, "abandoned" of "what % of calls were abandoned"): a sentence counting the
    things without it (two constellations of carers now live, 19% fewer calls) gives
    another figure."""
    match = _COUNT_ACTION.search(question)
    if not match or match.group("act").lower() in _NOT_ACTIONS:
        return None
    return match.group("act").lower()


def _acts(text: str, action: str) -> bool:
    stem = _stem(action)[:ACTION_PREFIX]
    return bool(re.search(rf"\b{re.escape(stem)}", text, re.I))


def without_alone(text: str) -> str:
    """The question without the words saying its period stands alone ("in December
    alone" → "in December"): they say which figure, not what the figure is about, so
    they are not looked for in the answering sentence's subject."""
    return " ".join(_ALONE.sub(" ", text).split())


def post_words(question: str) -> list[str]:
    """The head word of each post a "who is the …" question asks the holder of
    ("mayor"; "members" and "director" of "the cabinet members and director for …")."""
    match = _POST.search(question)
    if not match:
        return []
    return [
        part.split()[-1] for part in re.split(r"\band\b|,", match.group("post")) if part.split()
    ]


def holder_named(sentence: str, post: str) -> bool:
    """A name stands beside one of the sentence's mentions of the post. The post's own
    portfolio ("Cabinet Member for Integrated Children's Services") names no one."""
    for mention in re.finditer(rf"\b{re.escape(_stem(post))}\w*", sentence, re.I):
        near = sentence[max(0, mention.start() - NEAR_POST) : mention.end() + NEAR_POST]
        near = re.sub(rf"(?i:\b{re.escape(_stem(post))}\w*){_PORTFOLIO_BARE}", " ", near)
        if any(_stem(post) not in m.group(0).lower() for m in _PERSON.finditer(near)):
            return True
    return False


_PORTFOLIO = r"\s+(?:for|of)\s+(?:the\s+)?(?P<portfolio>[A-Z][\w'’-]*(?:,?\s+(?:and\s+|&\s+)?[A-Z][\w'’-]*)*)"


_ANY_PORTFOLIO = content_stems("services service department directorate council county team")
"""Words of any portfolio's name ("… Children's Services") that tell none apart."""


_PORTFOLIO_BARE = r"\s+(?:for|of)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w'’-]*)*"
"""A post's portfolio up to its first comma: "for Adult Social Care" of "…, Dan Watkins"."""


def other_portfolio(sentence: str, question: str, post: str) -> bool:
    """Every mention of the post in the sentence is of another portfolio than the one
    asked ("Mrs Hammond (Corporate Director for Children's Young People and Education)"
    for "who is the corporate director for adult social care"): the sentence names
    another post's holder."""
    asked = content_stems(question)
    mentions = list(re.finditer(rf"(?i:\b{re.escape(_stem(post))}\w*){_PORTFOLIO}", sentence))
    if not mentions or len(mentions) < len(
        re.findall(rf"\b{re.escape(_stem(post))}", sentence, re.I)
    ):
        return False  # a bare mention of the post may be the one asked
    return all(not (content_stems(m.group("portfolio")) - _ANY_PORTFOLIO) & asked for m in mentions)


def holds_asked_terms(question: str, sentence: str, subject: str = "") -> bool:
    """The sentence (with what it is about, ``subject``) names the unit a figure is asked
    per and the state things are asked to be in, where the question asks either."""
    text = f"{sentence} {subject}"
    if not all(_holds(text, w) for w in unit_words(question)):
        return False
    if not all(_holds(text, w) for w in unit_of_council(question)):
        return False  # another directorate's figure, or the council's as a whole
    if _ALONE.search(question) and _ROLLING.search(sentence):
        return False  # a single period asked for, a run of periods given
    posts = post_words(question)
    if posts and not any(
        holder_named(sentence, p) and not other_portfolio(sentence, question, p) for p in posts
    ):
        return False
    action = counted_action(question)
    if action is not None and not _acts(text, action):
        return False
    state = state_word(question)
    return state is None or (_holds(text, state) and _names_one(sentence, question))


def _names_one(sentence: str, question: str) -> bool:
    """The sentence names something by a capitalised name the question does not give
    (a word after its first): "which …" asks for the things themselves."""
    asked = {w.lower() for w in re.findall(r"[\w'’-]+", question)}
    return any(
        w.lower() not in asked for w in re.findall(r"(?<=\s)[A-Z][\w'’-]+", sentence.strip())
    )


SET_ASIDE_WORDS = r"(?:apart\s+from|other\s+than|besides|except(?:\s+for)?|not\s+counting)"
"""Words before what a question sets aside ("apart from", "other than")."""
_SET_ASIDE = re.compile(
    rf"\b{SET_ASIDE_WORDS}\s+"
    r"(?:mr|mrs|ms|miss|dr|cllr|councillor)\.?\s+(?:[a-z]\.?\s+){0,3}([a-z][a-z'’-]{2,})",
    re.I,
)
"""A person the question sets aside by title and name ("apart from mrs chandler, which
member spoke …"); "apart from the social care premium" sets aside no one."""


def names_set_aside(question: str, sentence: str) -> bool:
    """Does the sentence name, as its subject, someone the question sets aside? Then it
    does not answer who else did something."""
    opening = sentence.strip()[:60]
    return any(
        re.search(rf"\b{re.escape(match.group(1))}\b", opening, re.I)
        for match in _SET_ASIDE.finditer(question)
    )
