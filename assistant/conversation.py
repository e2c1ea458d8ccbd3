"""Conversations: the turns of one exchange and the context its next question inherits.

One set of rules for every front that keeps a conversation (a Slack thread or DM,
``planbot chat``, a ``conversation`` id in ``planbot ask --json -``):

- the context of a question is the last answer in its conversation;
- a follow-up that names no subject of its own ("and who owns it?", "is it on track?")
  is about the first item that answer used; "what about last quarter?" is about the
  same item in the report before the one that answer came from;
- a follow-up with nothing before it is asked back ("what does 'it' refer to?")
  rather than answered from whatever passage its few words happen to match;
- conversations live in memory, bounded (least recently used forgotten) and forgotten
  after a week without a question: losing one costs only the context of a follow-up.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cachetools import TTLCache

from assistant.answering.lookup import ItemFilter, find_items
from assistant.answering.understand import Intent, Query
from assistant.models import Answer
from indexing.terms import content_stems

if TYPE_CHECKING:
    from assistant.answering.router import Assistant
    from assistant.answering.scope import Scope

UNRESOLVED = "unresolved_follow_up"
"""``Answer.metadata`` key of a follow-up that could not be resolved: not a new context."""
FOLLOW_UP_OF = "follow_up_of"
"""``Answer.metadata`` key: the question an answer followed (an eval made from it needs it)."""
MAX_TURNS = 50
"""Turns kept per conversation; only the last is context, the rest is history to show."""

_FOLLOW_UP = re.compile(
    r"^\s*(and|what about|how about|who|when|what|is it|it|its|that|this)\b.*\b(it|its|that|this|they|them)\b",
    re.I,
)
_LEANS_BACK = re.compile(
    r"^\s*(?:and|also|so|what about|how about|what of)\b"
    r"|\b(?:it|its|they|them|their)\b"
    r"|\b(?:that|this|those|these)\s*[?.!]*\s*$",
    re.I,
)
_EARLIER = re.compile(
    r"\b(?:last|previous|prior|earlier)\s+(?:quarter|report|update|period|time|year|month)\b"
    r"|\b(?:the\s+)?(?:quarter|report|update|period)\s+before\b|\bbefore\s+that\b",
    re.I,
)
_ASPECT_WORDS = frozenset(
    "own owns owned owner owners responsible responsibility lead leads leading charge "
    "rating rated rate status update updates updated latest progress track going happening "
    "happened doing done due deadline date dates finish finished complete completed deliver "
    "delivered delivery cost costs spent spend target value score figure number director "
    "cabinet member portfolio holder quarter year month period report time last previous "
    "prior earlier before next now currently still say said tell mean more detail details "
    "else again red amber green who when how much many".split()
)
"""Words that ask *about* a subject without naming one ("who owns it?", "is it on track?")."""
_ASPECTS = content_stems(" ".join(_ASPECT_WORDS))
_NOT_ITEM_FIELDS = frozenset(
    "cost costs spent spend much many target value score figure number".split()
)
"""Asked of the last item, these want a figure its row may not hold ("how much did it
cost?"): such a follow-up is searched for, not answered with the item's status."""

NEEDS_SUBJECT = (
    "There is no earlier answer to follow on from: ask again with the item's ref or what "
    'it is about (e.g. "who owns the flood and water strategy?").'
)


def leans_on_context(text: str) -> bool:
    """Whether ``text`` is worded as a follow-up to an earlier answer."""
    return bool(_FOLLOW_UP.search(text) or _LEANS_BACK.search(text))


def lacks_subject(query: Query) -> bool:
    """A follow-up that names nothing it is about: no ref, person, document, period,
    section or rating, and no word beyond the ones that ask about something. (A
    question of common words only, "is that it?", is not one: it asks nothing.)"""
    words = set(re.findall(r"[a-z]+", query.text.lower()))
    asks = bool(words & _ASPECT_WORDS) or bool(
        re.match(r"\s*(?:and|what about|how about)\b", query.text, re.I)
    )
    return asks and _names_nothing(query, content_stems(query.text))


def _names_nothing(query: Query, stems: set[str]) -> bool:
    if (
        query.refs
        or query.people
        or query.document_ids
        or query.sections
        or query.rating
        or query.years
        or query.quarters
    ):
        return False
    return leans_on_context(query.text) and not (stems - _ASPECTS)


def needs_subject(query: Query) -> Answer:
    """The reply to a follow-up with nothing to follow: ask what it refers to."""
    word = re.search(r"\b(it|its|they|them|their|that|this|those|these)\b", query.text, re.I)
    asked = f'What does "{word.group(1).lower()}" refer to?' if word else "What is this about?"
    return Answer(
        question=query.text,
        answer=f"{asked} {NEEDS_SUBJECT}",
        answered=False,
        intent=query.intent.value,
        metadata={"declined": "a follow-up with no earlier answer to follow", UNRESOLVED: True},
    )


def with_context(query: Query, context: Answer, scope: Scope) -> Query | Answer:
    """A follow-up resolved against the last answer: the same item (same report), or
    the same item in the report before for "what about last quarter?". An ``Answer``
    when the follow-up cannot be resolved (no earlier report of that item)."""
    if query.refs or not context.items or not _follows(query):
        return query
    item = context.items[0]
    if not item.ref:
        return query
    document_ids = [item.document_id]
    if _EARLIER.search(query.text):
        earlier = _earlier_report(scope, item.ref, item.document_id)
        if earlier is None:
            period = next(
                (d.meta.period for d in scope.documents if d.id == item.document_id), None
            )
            return Answer(
                question=query.text,
                answer=f"The documents I have hold no report of {item.ref} before "
                + (f"the {period} one." if period else "this one."),
                answered=False,
                intent=query.intent.value,
                metadata={"declined": "no earlier report of the item", UNRESOLVED: True},
            )
        document_ids = [earlier]
    intent = query.intent if query.intent in (Intent.status, Intent.when) else Intent.status
    return query.model_copy(
        update={
            "refs": [item.ref],
            "document_ids": document_ids,
            "intent": intent,
            "asks_owner": True,
        }
    )


def _follows(query: Query) -> bool:
    if _FOLLOW_UP.search(query.text):
        return True
    words = set(re.findall(r"[a-z]+", query.text.lower()))
    return (
        bool(_LEANS_BACK.search(query.text) or _EARLIER.search(query.text))
        and not words & _NOT_ITEM_FIELDS
        and _names_nothing(query, content_stems(query.text))
    )


def _earlier_report(scope: Scope, ref: str, document_id: str) -> str | None:
    """The newest document older than ``document_id`` that holds item ``ref``."""
    dates = {d.id: d.meta.date or "" for d in scope.documents}
    current = dates.get(document_id, "")
    older = [
        item.document_id
        for _, item in find_items(scope, ItemFilter(ref=ref))
        if item.document_id != document_id and dates.get(item.document_id, "") < current
    ]
    return max(older, key=lambda doc: dates.get(doc, ""), default=None)


@dataclass(frozen=True)
class Turn:
    """One question of a conversation and the answer it got."""

    question: str
    answer: Answer


@dataclass
class Conversation:
    """The turns of one conversation; the last answer is the next question's context."""

    turns: list[Turn] = field(default_factory=list)

    @property
    def context(self) -> Answer | None:
        """The last answer, passing over follow-ups that could not be resolved (the
        subject before "what about last quarter?" → "no earlier report" still holds)."""
        kept = (t.answer for t in reversed(self.turns) if not t.answer.metadata.get(UNRESOLVED))
        return next(kept, None)

    def add(self, answer: Answer, question: str | None = None) -> None:
        self.turns.append(Turn(question or answer.question, answer))
        del self.turns[:-MAX_TURNS]

    def ask(self, assistant: Assistant, question: str, **options: Any) -> Answer:
        """Ask ``question`` with this conversation's context and keep the answer.

        Raises what ``Assistant.ask`` raises (``QuestionError``…); nothing is kept then.
        """
        previous = self.context
        answer = assistant.ask(question, context=previous, **options)
        if previous is not None:
            answer.metadata[FOLLOW_UP_OF] = previous.question
        self.add(answer, question)
        return answer


class Conversations:
    """Conversations by key (a Slack thread, a JSON-lines id); safe to share between threads."""

    def __init__(self, max_conversations: int = 5000, ttl_seconds: float = 7 * 24 * 3600) -> None:
        self._by_key: TTLCache[Hashable, Conversation] = TTLCache(max_conversations, ttl_seconds)
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> Conversation:
        """The conversation under ``key``, started empty if there is none (or it expired)."""
        with self._lock:
            conversation = self._by_key.pop(key, None) or Conversation()
            self._by_key[key] = conversation  # a question restarts its clock
            return conversation

    def remember(self, key: Hashable, answer: Answer) -> None:
        """Add ``answer`` as the latest turn of ``key`` and restart its clock."""
        with self._lock:
            conversation = self._by_key.pop(key, None) or Conversation()
            conversation.add(answer)
            self._by_key[key] = conversation

    def last(self, key: Hashable) -> Answer | None:
        with self._lock:
            conversation = self._by_key.get(key)
            return conversation.context if conversation is not None else None

    def keys(self) -> Iterable[Hashable]:
        with self._lock:
            return list(self._by_key.keys())

    def __len__(self) -> int:
        with self._lock:
            return len(self._by_key)
