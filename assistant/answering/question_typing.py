"""A question's words as typed in a hurry, written as the readers expect them.

People type contractions without their apostrophe ("whens the next cabinet", "whats the
target", "why didnt it go"). The readers of a question look for "when's", "what's" and
"didn't"; without the apostrophe "whens" is no question word and "didnt" no negation.
Only contractions that are no English word without it are restored ("cant" and "wont"
are words, so they stay as typed).
"""

from __future__ import annotations

import re

_CONTRACTIONS = {
    "whats": "what's",
    "whens": "when's",
    "wheres": "where's",
    "whos": "who's",
    "hows": "how's",
    "whys": "why's",
    "thats": "that's",
    "theres": "there's",
    "isnt": "isn't",
    "wasnt": "wasn't",
    "arent": "aren't",
    "werent": "weren't",
    "didnt": "didn't",
    "doesnt": "doesn't",
    "dont": "don't",
    "hasnt": "hasn't",
    "havent": "haven't",
    "hadnt": "hadn't",
    "couldnt": "couldn't",
    "shouldnt": "shouldn't",
    "wouldnt": "wouldn't",
}
_TYPED = re.compile(rf"\b(?:{'|'.join(_CONTRACTIONS)})\b", re.I)


def with_apostrophes(question: str) -> str:
    """``question`` with each contraction typed without its apostrophe written with it,
    keeping a capital that opens it ("Whats" → "What's")."""

    def restore(match: re.Match[str]) -> str:
        word = match.group(0)
        full = _CONTRACTIONS[word.lower()]
        return full[:1].upper() + full[1:] if word[:1].isupper() else full

    return _TYPED.sub(restore, question)
