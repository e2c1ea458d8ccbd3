"""``draft``: a reply to a member's query that an officer can check, edit and send.

The query is split into its questions (``query_split``); each is asked through
``Assistant.ask`` — the same grounded answerer as everywhere else — so a part the
documents don't cover is found and *said*, not lost behind a part they do. The reply
is then written from the answers’ rows and quotes (``sections``, phrases in
``prompts/``): greeting, a short direct answer per question, the position of each
commitment (promise, latest update and its period, rating in words, who is
responsible), older reports, what is not covered, and numbered sources. Every line that
states a fact ends with its ``[n]``, and the draft runs the same claim check an LLM's
text must pass over itself, recording the result in ``metadata``.

With ``PLANBOT_LLM`` set, each short direct answer may be reworded by the model
(``generate.generate_answer``: checked sentence by sentence, falling back to the
grounded wording); the positions and sources stay as the documents give them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from assistant.answering.query_split import QuestionPart, split_query
from assistant.answering.understand import Query, understand
from assistant.config import Settings
from assistant.drafting.reply import Draft, DraftQuestion, assemble
from assistant.drafting.sections import References, Writer
from assistant.llm.backends import configured
from assistant.llm.generate import generate_answer
from assistant.llm.sources import Source, build_sources
from assistant.markers import renumber
from assistant.models import Answer, PlanItem
from assistant.prompts import Phrases
from indexing.ratings import rating_words
from indexing.text import tokens

if TYPE_CHECKING:
    from assistant.answering.router import Assistant

MAX_POSITIONS = 4
"""Full positions shown; more would bury the answer (a list question shows one line per item)."""
MAX_HISTORY = 3


def draft(
    assistant: Assistant,
    query: str,
    *,
    to: str | None = None,
    sender: str | None = None,
    access: Iterable[str] | None = None,
) -> Draft:
    """Draft a reply to ``query`` (a member's words), for ``to`` from ``sender``.

    ``access`` is the asker's document labels, as for ``Assistant.ask``: a draft never
    cites what its reader may not see. Raises ``QuestionError`` for an empty or
    over-long query, like ``ask``.
    """
    settings = assistant.settings
    text = assistant.validate(query)
    labels = list(access) if access is not None else None
    phrases = Phrases(settings.prompts_dir, "draft_phrases.yaml")
    composer = _Composer(Writer(phrases, assistant.scope(labels).documents), settings)
    previous: Answer | None = None
    for part in split_query(text):
        answer = _ask(assistant, part, previous, labels)
        previous = answer if answer.answered else previous
        composer.add(part, answer)
    return assemble(phrases, settings.prompts_dir, text, to, sender, composer)


class _Composer:
    """Collects the sections of a draft, answer by answer, numbering sources as they are used."""

    def __init__(self, writer: Writer, settings: Settings) -> None:
        self.writer = writer
        self.settings = settings
        self.refs = References()
        self.questions: list[DraftQuestion] = []
        self.summary: list[str] = []
        self.positions: list[list[str]] = []
        self.history: list[str] = []
        self.uncovered: list[str] = []
        self.generation: list[dict[str, object]] = []
        self._shown: set[str] = set()
        self._named: set[str] = set()  # rows the short answer has already named in full

    def add(self, part: QuestionPart, answer: Answer) -> None:
        self.questions.append(
            DraftQuestion(
                question=part.text, asked=part.ask, answer=answer, covered=answer.answered
            )
        )
        if not answer.answered or not answer.citations:
            self.uncovered.append(part.text)
            return
        sources = build_sources(answer, self.settings.prompts_dir)
        numbers = _Numbering(self.refs, sources)
        documents = list(self.writer.documents.values())
        lines = _summary(
            self.writer,
            answer,
            sources,
            numbers,
            understand(part.ask, documents),
            understand(part.text, documents),
            self._named,
        )
        if configured(self.settings):
            generated = generate_answer(answer, self.settings)
            self.generation.append({"question": part.text, **_generation_record(generated)})
            if generated.metadata.get("generated"):
                lines = [
                    renumber(line, numbers)
                    for line in generated.answer.splitlines()
                    if line.strip()
                ]
        self.summary += [line for line in lines if line not in self.summary]
        if answer.intent == "list":
            self.summary += [self.writer.list_line(s.item, numbers[s.n]) for s in sources if s.item]
        else:
            self._positions(part, sources, numbers)

    def _positions(self, part: QuestionPart, sources: list[Source], numbers: _Numbering) -> None:
        """The lead row and any other row the question named get a position; rows on the same subject, a history line."""
        lead = sources[0].item
        for source in sources:
            item = source.item
            if item is None or item.id in self._shown:
                continue
            if source.n != 1 and _named_in(item, part.ask):
                if lead is not None and item.ref == lead.ref:
                    continue  # the same ref in another document: a different row, not asked about
                self.summary.append(
                    self.writer.status_summary(item, source.citation, numbers[source.n])
                )
            elif source.n != 1:
                if len(self.history) < MAX_HISTORY:
                    self._shown.add(item.id)
                    self.history.append(
                        self.writer.history_line(item, source.citation, numbers[source.n])
                    )
                continue
            self._shown.add(item.id)
            if len(self.positions) < MAX_POSITIONS:
                self.positions.append(
                    self.writer.position(item, source.citation, numbers[source.n])
                )


def _ask(
    assistant: Assistant, part: QuestionPart, previous: Answer | None, labels: list[str] | None
) -> Answer:
    """Ask one part; a part about the previous answer's item ("who owns it?") stays on that item.

    An answer to a follow-up that lands on a *different* row ("how much has been spent?"
    after potholes, answered from a knife-crime row because it says "spent") would put
    a wrong fact in the member's reply: it is set aside. A who/rating question is then
    answered from the previous row itself (its owner and rating are fields of it); any
    other is reported as not covered.
    """
    if not (part.follows_previous and previous is not None and previous.items):
        return assistant.ask(part.ask, access=labels, rephrase=False, in_parts=False)
    subject = {i.id for i in previous.items}
    for asked, context in ((part.text, previous), (part.ask, None)):
        answer = assistant.ask(
            asked, context=context, access=labels, rephrase=False, in_parts=False
        )
        if answer.answered and answer.items and answer.items[0].id in subject:
            return answer
    worded = understand(part.text, assistant.scope(labels).documents)
    if worded.asks_owner or worded.asks_rating:
        return previous.model_copy(update={"question": part.text})
    return Answer(
        question=part.text,
        answer="",
        answered=False,
        intent=answer.intent,
        metadata={"declined": "the answer found was about a different item"},
    )


class _Numbering:
    """An answer's [n] → the draft's [n], registering a source only when the text uses it."""

    def __init__(self, refs: References, sources: list[Source]) -> None:
        self.refs = refs
        self.sources = {s.n: s for s in sources}

    def __getitem__(self, n: int) -> int:
        source = self.sources[n]
        return self.refs.add(source.citation, source.item)

    def get(self, n: int, default: int) -> int:
        return self[n] if n in self.sources else default


def _summary(
    writer: Writer,
    answer: Answer,
    sources: list[Source],
    numbers: _Numbering,
    asked: Query,
    worded: Query,
    named: set[str],
) -> list[str]:
    """The short direct answer to one question, from its grounded answer.

    ``asked`` is the question as put to the answerer; ``worded`` the member's own words
    for this part, which say whether they asked who, or how it is rated. A row already
    named in full (``named``) is called just "Commitment 3.2" the second time. A "fact"
    answer whose quote is the whole row is a status answer: quoting the row here would
    repeat, word for word, the position that follows.
    """
    if answer.intent == "list":
        label = _list_label(writer, asked)
        return writer.list_summary(
            [s.citation for s in sources], [numbers[s.n] for s in sources], label
        )
    lead = sources[0]
    item = lead.item
    quote = answer.citations[0].quote
    whole = "\n".join(filter(None, [item.commitment, item.update])) if item else quote
    whole_row = item is not None and (
        quote.strip() == item.commitment.strip()
        or (answer.intent == "fact" and tokens(item.commitment) in tokens(quote))
    )
    if item is not None and (answer.intent not in ("fact", "figure", "when", "who") or whole_row):
        short = item.id in named
        named.add(item.id)
        if worded.asks_owner and not worded.asks_rating and item.people():
            return [writer.people_summary(item, numbers[lead.n], short=short)]
        return [writer.status_summary(item, lead.citation, numbers[lead.n], short=short)]
    return [writer.fact_summary(lead.citation, quote, numbers[lead.n], whole=whole)]


def _list_label(writer: Writer, query: Query) -> str | None:
    person = " or ".join(p.name or p.initials for p in query.people)
    if query.rating and person:
        return writer.say("label_person_rating", rating=rating_words(query.rating), person=person)
    if query.rating:
        return writer.say("label_rating", rating=rating_words(query.rating))
    if person:
        return writer.say("label_person", person=person)
    return None


def _named_in(item: PlanItem, asked: str) -> bool:
    """Was this row's ref named in the question ("3.2 and 12.1")? Then it is a position, not history."""
    if not item.ref:
        return False
    return re.search(rf"(?<![\d.]){re.escape(item.ref)}(?![\d])", asked) is not None


def _generation_record(answer: Answer) -> dict[str, object]:
    meta = answer.metadata
    return {k: meta.get(k) for k in ("generated", "fallback_reason", "dropped_sentences")}
