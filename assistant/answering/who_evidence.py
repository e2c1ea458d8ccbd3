"""Who a sentence names, for "who" questions: a person by name or by title and surname,
a post that answers as well as a name does, and a name set under the post asked for.

A "who is the cabinet member for …" question is answered by a sentence that names
someone beside the post ("Cabinet Member: Dylan Jeffrey", "Mr Gough (Chairman)"), not by
one with only capitalised words ("Sessions House, County Hall").
"""

from __future__ import annotations

import re

from assistant.answering.understand import Intent, Query

NAME = re.compile(r"\b(?:Cllr\s+)?[A-Z][a-z]+\s+[A-Z][a-z'’-]+\b")
_TITLED = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+(?:[A-Z]\.?\s+){0,3}[A-Z][a-z'’-]+"
)
"""A person by title and surname, as minutes name them ("Mr Gough", "Mrs C Bell")."""
_ROLE = re.compile(
    r"\b(?:(?:Deputy |Assistant )?Chief Executive|(?:Corporate |Service |Strategic )?Director\b|Leader of the Council|"
    r"Head of [A-Z]\w+|Chair(?:man|person)? of|chaired by|\(Chair(?:man|person)?\)|in the chair|Cabinet [Mm]ember for)"
)
"""Posts that answer a "who" question as well as a name does."""


def titled(sentence: str, question: str) -> bool:
    """The sentence names someone by title and surname the question does not name."""
    asked = question.lower()
    return any(
        not all(w.lower() in asked for w in t.split()[1:]) for t in _TITLED.findall(sentence)
    )


def names_a_person(sentence: str, question: str) -> bool:
    return (
        bool(_ROLE.search(sentence))
        or titled(sentence, question)
        or labels_asked_post(sentence, question)
    )


_LABEL_GAP = 20
"""Most characters between a post's label and the name set under it ("Responsible
Officer — column 3: Mike Gogarty")."""


def labels_asked_post(sentence: str, question: str) -> bool:
    """The sentence sets a name under two words of the question in a row, as a form
    does: "who is named as responsible officer on the eqia" → "Responsible Officer:
    Mike Gogarty". A post the question qualifies ("… officer for mitigating actions")
    needs the label to say so too."""
    asked = question.lower()
    words = re.findall(r"[a-z]{3,}", asked)
    for first, second in zip(words, words[1:], strict=False):
        post = re.search(rf"\b{first}\s+{second}\b(\s+(?:for|of)\s+[a-z]+)?", asked)
        # "the responsible officer for mitigating actions": that post, not the form's own
        named = rf"{first}\s+{second}"
        if post and post.group(1):
            named += r"\s+" + r"\s+".join(post.group(1).split())
        label = rf"(?i:\b{named}\b[^.:;]{{0,{_LABEL_GAP}}}?\s*[:–—-]\s*)"
        if re.search(rf"{label}(?:Cllr\s+)?[A-Z][a-z]+\s+[A-Z][a-z'’-]+", sentence):
            return True
    return False


ROLE_WORDS = {
    "cabinet_member": r"cabinet members?|portfolio holders?|lead members?",
    "director": r"(?:corporate |strategic |executive )?directors?",
    "owner": r"owners?|lead officers?|responsible officers?",
}
"""How a document names the post a question asks for, next to the name that holds it."""


def names_role(query: Query, sentence: str) -> bool:
    """The sentence gives a name under the post the question asks for."""
    words = ROLE_WORDS.get(query.people_role or "")
    asks_holder = query.intent == Intent.who or (
        query.intent == Intent.fact and re.search(r"\b(?:who|which)\b", query.text, re.I)
    )  # "… kpis - which cabinet members are responsible"
    if not asks_holder or not words:
        return False
    return bool(
        re.search(rf"\b(?:{words})\s*[:\-–]?\s*(?:Cllr\s+)?[A-Z][a-z]+ [A-Z]", sentence, re.I)
    )
