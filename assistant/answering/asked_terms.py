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

A figure for one month or quarter *alone* ("what % were issued on time in December
alone?") is not a rolling or cumulative figure that ends there ("the rolling 12-month
average to December"): such a sentence does not answer it.

Without these words the honest answer is that the documents don't say.
"""

from __future__ import annotations

import re

_UNIT = re.compile(
    r"\b(?P<aux>(?:did|does|do|will|would|can|could|has|have|had)\s+)?(?:each|every|per)\s+"
    r"(?P<words>[a-z'’-]+(?:\s+[a-z'’-]+){0,3})",
    re.I,
)
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
    r"(?P<post>[a-z'’ -]+?)\s*(?:\b(?:of|for|at|in|on|who|that|which)\b|\b[a-z]+(?:ing|ed)\b|[?.!]|$)",
    re.I,
)
_PERSON = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+(?:[A-Z]\.?\s+){0,3}[A-Z][a-z'’-]+"
    r"|\b[A-Z][a-z]+\s+[A-Z][a-z'’-]+\b"
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
    phrase = _PHRASE_END.split(match.group("words").lower())[0].split()
    if match.group("aux") and len(phrase) > 1 and match.end() >= len(question.rstrip(" ?.!")):
        phrase = phrase[:-1]
    if any(_stem(w) in _TIME_UNITS or w in _TIME_UNITS for w in phrase):
        return []
    return phrase


def state_word(question: str) -> str | None:
    """The state a "which … are …ing/…ed" question asks things to be in ("closing")."""
    match = _STATE.search(question)
    return match.group("state").lower() if match else None


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
    """A name stands beside one of the sentence's mentions of the post."""
    for mention in re.finditer(rf"\b{re.escape(_stem(post))}\w*", sentence, re.I):
        near = sentence[max(0, mention.start() - NEAR_POST) : mention.end() + NEAR_POST]
        if any(_stem(post) not in m.group(0).lower() for m in _PERSON.finditer(near)):
            return True
    return False


def holds_asked_terms(question: str, sentence: str, subject: str = "") -> bool:
    """The sentence (with what it is about, ``subject``) names the unit a figure is asked
    per and the state things are asked to be in, where the question asks either."""
    text = f"{sentence} {subject}"
    if not all(_holds(text, w) for w in unit_words(question)):
        return False
    if _ALONE.search(question) and _ROLLING.search(sentence):
        return False  # a single period asked for, a run of periods given
    posts = post_words(question)
    if posts and not any(holder_named(sentence, p) for p in posts):
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
