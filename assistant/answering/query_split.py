"""A member's query → the separate questions in it, each to be answered on its own.

Members write "What's happening with the one stop shop, and how much did it cost?" or
"Residents tell me about rats in the town centre. What is being done about it?". Asked whole, the
answerer would settle on one part and the other would be silently lost; asked apart,
each part is answered — or plainly said to be not covered. A part that leans on an
earlier one ("it", "this") is asked with that earlier text in front, so the subject
travels with it. Greetings and sign-offs are dropped.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from indexing.text import typed_sentences

MAX_QUESTIONS = 6

_GREETING = re.compile(
    r"^\s*(?:hi|hello|dear|good (?:morning|afternoon|evening))\b[^,.!?\n]*[,.!]?\s*", re.I
)
_SIGN_OFF = re.compile(
    r"(?:^|\n|(?<=[.!?])\s)\s*(?:many thanks|thanks(?: in advance)?|thank you|kind regards|best wishes|regards|cheers)\b.*$",
    re.I | re.S,
)
_QUESTION_WORDS = (
    r"what(?:'s|’s)?|how|who|whose|when|where|which|why|is|are|was|were|has|have|had|will|would|can|could|"
    r"did|does|do|should|any"
)
_NAMED_ASK = r"(?:the\s+)?(?:no\.?|number|numbers|amount|total|percentage|proportion|share|cost|value|date|names?|list)\s+of"
"""A question put as the thing wanted ("no. of people on a care plan at the end of q3, and
how many …?"): it asks, as a question word would."""
_JOIN = re.compile(
    rf"\s*(?:[,;]\s*(?:and\s+|but\s+|also\s+|plus\s+)?|\s+and\s+(?:also\s+)?|\s+but\s+|\s+plus\s+)(?=(?:{_QUESTION_WORDS})\b)",
    re.I,
)
_ASKING = re.compile(
    rf"^(?:{_QUESTION_WORDS}|please|tell me|let me know|could you|can you|i(?:'d| would) like|i want|update on|an update|latest on|progress on|{_NAMED_ASK})\b",
    re.I,
)
_CLAUSE = re.compile(
    r"^(?:when|where|once|while|whilst)\s+(?!(?:did|does|do|is|was|were|are|will|would|can|"
    r"could|should|has|have|had|must|might|may|shall)\b)\w+",
    re.I,
)
"""A clause before the question that sets its scene ("when cabinet adopted the plan, who
did it say …?"): "when" not followed by a verb of asking opens no question of its own."""
_TOPIC_LEAD = re.compile(r"^[^-–:?,]{1,60}?(?:\s[-–]\s+|:\s+)")
"""The topic a Slack question opens with ("libraries - whats the new opening time"): the
question proper follows it."""


def _without_topic(piece: str) -> str:
    return _TOPIC_LEAD.sub("", piece, count=1)


_NUMBER_ABBREVIATION = re.compile(r"\b(no|nos)\.(?=\s+(?-i:[a-z0-9]))", re.I)
""""decision no. of the plan": the abbreviation of "number", which ends no sentence."""
_LEANS_ON_EARLIER = re.compile(
    r"\b(?:it|its|it's|this|that|they|them|their|these|those|there)\b", re.I
)
_FILLER = re.compile(
    r"(?:(?:also|and|plus|so|ok|okay|then|firstly|secondly|finally|lastly|additionally|separately)\W*)+",
    re.I,
)
_CONTENT = re.compile(r"[A-Za-z0-9£]{3,}")
_FUNCTION_WORDS = set(
    [
        "the",
        "and",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "did",
        "does",
        "what",
        "not",
        "now",
        "yet",
        "get",
        "got",
        "how",
        "who",
        "when",
        "where",
        "which",
        "why",
        "any",
        "about",
        "with",
        "for",
        "from",
        "that",
        "this",
        "these",
        "those",
        "they",
        "them",
        "their",
        "there",
        "its",
        "it's",
        "into",
        "been",
        "being",
        "also",
        "please",
        "tell",
        "let",
        "know",
        "much",
        "many",
        "does",
        "done",
        "doing",
        "happening",
        "going",
        "latest",
        "update",
        "progress",
    ]
)


class QuestionPart(BaseModel):
    """One question of a member's query: the words the member used, and what is asked."""

    text: str
    ask: str
    follows_previous: bool = False  # "who owns it?" after a question: about the same thing


def _own_subject(part: str) -> bool:
    """Does the part name a subject of its own, beyond question words and pronouns?"""
    words = [w.lower() for w in _CONTENT.findall(part)]
    return any(w not in _FUNCTION_WORDS for w in words)


def split_query(query: str) -> list[QuestionPart]:
    """The questions in ``query``, in order; the whole query when it holds no separate question."""
    text = _SIGN_OFF.sub("", _GREETING.sub("", query.strip())).strip() or query.strip()
    pieces: list[tuple[str, bool, int]] = []  # (piece, it is a question, its sentence)
    for number, sentence in enumerate(typed_sentences(_NUMBER_ABBREVIATION.sub(r"\1", text))):
        sentence = sentence.strip()
        kept = [
            p.strip(" ,;")
            for p in _JOIN.split(sentence)
            if p.strip(" ,;") and not _FILLER.fullmatch(p.strip(" ,;:"))
        ]
        # "after the budget council, when was the next cabinet?": a clause before the
        # question's asking words is its context, not a question of its own
        pieces += [
            (
                p,
                sentence.endswith("?")
                and (
                    n == len(kept) - 1
                    or (bool(_ASKING.match(_without_topic(p))) and not _CLAUSE.match(p))
                ),
                number,
            )
            for n, p in enumerate(kept)
        ]
    parts: list[QuestionPart] = []
    context: list[tuple[str, int]] = []  # statements so far that no question has used yet
    previous = ""
    for piece, in_question, number in pieces:
        if not (in_question or (_ASKING.match(piece) and not _CLAUSE.match(piece))):
            context.append((piece, number))
            continue
        leans = bool(_LEANS_ON_EARLIER.search(piece)) or not _own_subject_besides_pronoun(piece)
        # "the music bursary allocation, who proposed and who seconded it?": the words
        # before the question in its own sentence are what it asks about
        fronted = any(n == number for _c, n in context)
        ask, follows = piece, False
        if context and (leans or fronted):
            told = [_topic(c) for c, n in context if n != number]
            said = [c for c, n in context if n == number]  # said in the question's sentence
            ask = " ".join([*told, ", ".join([*said, piece])])
        elif previous and leans and not _own_subject_besides_pronoun(piece):
            ask, follows = f"{previous.rstrip('?')} — {piece}", True
        context = []
        previous = ask
        shown = piece if piece.endswith(("?", ".", "!")) or not in_question else piece + "?"
        parts.append(QuestionPart(text=_tidy(shown), ask=_tidy(ask), follows_previous=follows))
    if not parts:
        return [QuestionPart(text=_tidy(text), ask=_tidy(text))]
    unique: dict[str, QuestionPart] = {}
    for part in parts:
        unique.setdefault(part.ask.lower(), part)
    return list(unique.values())[:MAX_QUESTIONS]


_ATTRIBUTE_WORDS = set(
    [
        "cost",
        "costs",
        "owns",
        "own",
        "owner",
        "owners",
        "responsible",
        "responsibility",
        "rated",
        "rating",
        "rag",
        "status",
        "track",
        "progress",
        "when",
        "due",
        "date",
        "deadline",
        "finish",
        "finished",
        "complete",
        "completed",
        "spent",
        "spend",
        "budget",
        "funding",
        "charge",
        "cabinet",
        "member",
        "members",
        "director",
        "lead",
        "leads",
        "leading",
        "portfolio",
        "holder",
        "officer",
        "who",
        "whom",
        "named",
        "next",
        "start",
        "started",
        "open",
        "opened",
        "against",
        "abstained",
        "abstentions",
        "opposed",
        "favour",
        "decided",
        "decision",
        "agreed",
        "resolved",
        "approved",
        "proposed",
        "seconded",
        "voted",
        "vote",
    ]
)
"""Words that ask *about* an item rather than name one: "who is the cabinet member for it?",
"and how many against?"."""

_TOPIC = re.compile(r"\b(?:about|regarding|concerning|over|with)\s+(.{6,})$", re.I)


def _topic(statement: str) -> str:
    """'Residents keep telling me about rats in the park.' → 'rats in the park.': the story is not the subject."""
    match = _TOPIC.search(statement.strip())
    topic = match.group(1) if match else statement.strip()
    return topic if topic.endswith((".", "!", "?")) else topic + "."


def _own_subject_besides_pronoun(part: str) -> bool:
    """'how much did it cost' leans on the question before; 'how much did the shop cost' does not."""
    words = [w.lower() for w in _CONTENT.findall(part)]
    generic = _FUNCTION_WORDS | _ATTRIBUTE_WORDS
    return any(w not in generic for w in words)


def _tidy(text: str) -> str:
    text = " ".join(text.split())
    return text[:1].upper() + text[1:] if text else text
