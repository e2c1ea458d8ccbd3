"""``Assistant.ask``: a question in, a grounded ``Answer`` with citations out.

The order matters: exact lookups first (a ref, a rating, a person), then hybrid
search; a relevance floor decides whether the documents cover the question at all;
then the answer is composed from parsed rows and quoted sentences only
(``lists``, ``status``, ``facts``, ``decline``). The index is reopened when an ingest
swaps in a new generation, so a long-running Slack bot always answers from the newest
complete index.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterable

from assistant.answering import change_lists, facts, lists, relevance, status
from assistant.answering.asked_fields import asked_fields, has_field, unstated_fields
from assistant.answering.asked_value import ValueKind, asked_value
from assistant.answering.counted_numbers import HOW_MANY
from assistant.answering.decision_prose import decision_prose_answer
from assistant.answering.decline import NO_SUBJECT, decline, not_for_asked
from assistant.answering.introducers import introducer_answer
from assistant.answering.kpi_lookup import one_kpi_trend, with_named_kpi
from assistant.answering.labels import labelled_answer
from assistant.answering.lookup import known_documents, match_documents
from assistant.answering.meetings import meeting_answer
from assistant.answering.meetings_named import held_to_named_meeting
from assistant.answering.minutes_attendance import attendance_answer
from assistant.answering.motion_answer import motion_answer
from assistant.answering.numbered_answer import numbered_answer
from assistant.answering.paper_request import paper_request_answer
from assistant.answering.people_records import with_named_records
from assistant.answering.pinned import missing_pin
from assistant.answering.post_holder import deeper_sources, holder_evidence
from assistant.answering.question_short_forms import with_spelt_out
from assistant.answering.question_typing import with_apostrophes
from assistant.answering.record_answer import decision_record_answer
from assistant.answering.resolutions import resolution_answer
from assistant.answering.responders import responder_answer
from assistant.answering.retrieve import Search, led_by
from assistant.answering.row_lookup import with_named_rows
from assistant.answering.scope import Scope
from assistant.answering.two_part import ask_in_parts
from assistant.answering.understand import Intent, Query, understand
from assistant.answering.unheld import subject_held
from assistant.answering.value_lists import value_list_answer
from assistant.config import Settings, get_settings
from assistant.conversation import lacks_subject, needs_subject, with_context
from assistant.llm.backends import configured
from assistant.models import Answer
from indexing.store import IndexStore
from indexing.terms import content_stems

_ASKED = re.compile(
    r"\b(?:asked|asking|submitted|raised|put|wanted|requested|sought|queried|tabled)\b|"
    r"\bwhose\s+(?:question|query|motion)\b",
    re.I,
)
"""A member question's asker asked for ("who put down…", "whose question was that reply to")."""


class QuestionError(ValueError):
    """A question that cannot be asked as it is; the message says what to change."""


class Assistant:
    """Answers questions from the current index. Safe to share between threads."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or get_settings()
        self._store: IndexStore | None = None
        self._lock = threading.Lock()

    @property
    def store(self) -> IndexStore:
        with self._lock:
            if self._store is None or not self._store.is_current():
                self._store = IndexStore.open(self.settings)
            return self._store

    def scope(self, access: Iterable[str] | None = None, store: IndexStore | None = None) -> Scope:
        """The documents an asker with these labels may see (default
        ``PLANBOT_DEFAULT_ACCESS``): the only way any path gets documents."""
        labels = set(access) if access is not None else set(self.settings.default_access)
        return Scope.of(store or self.store, labels)

    # --- entry point ----------------------------------------------------------------
    def ask(
        self,
        question: str,
        *,
        document: str | None = None,
        top_k: int | None = None,
        context: Answer | None = None,
        access: Iterable[str] | None = None,
        rephrase: bool = True,
        in_parts: bool = True,
    ) -> Answer:
        """Answer ``question`` from the documents the asker may see.

        ``access`` lists the labels the asker may see (``public``, ``members``,
        ``restricted``); default ``PLANBOT_DEFAULT_ACCESS``. Documents outside it are
        removed before any lookup or ranking, so they are never cited, quoted,
        suggested or even named in an error.

        With ``PLANBOT_LLM`` set (and ``rephrase`` left on) the grounded answer is
        reworded by the model and checked claim by claim against its sources
        (``assistant.llm.generate``); anything unsupported is dropped or the grounded text
        stands, and ``metadata`` says which. Drafting passes ``rephrase=False``: it
        rewords each part of a reply itself.

        A question of two or three parts ("who proposed it and how much was it?") is
        asked part by part and answered in one (``two_part``); ``in_parts=False`` asks
        it whole.
        """
        started = time.perf_counter()
        text = with_apostrophes(self.validate(question))  # "whens the next cabinet"
        if context is None and in_parts:
            combined = ask_in_parts(
                text,
                lambda part: self.ask(
                    part,
                    document=document,
                    top_k=top_k,
                    access=access,
                    rephrase=rephrase,
                    in_parts=False,
                ),
            )
            if combined is not None:
                return self._finish(combined, started, self.store)
        store = self.store
        scope = self.scope(access, store)
        corrected = scope.terms.correct(_swap_typos(text, scope.terms.words))
        query = understand(
            with_spelt_out(corrected, scope.text, scope.known_years), scope.documents
        )
        query.text = text if query.text == text else query.text
        if context is not None:
            resolved = with_context(query, context, scope)
            if isinstance(resolved, Answer):
                return self._finish(resolved, started, store)
            query = resolved
        if not document and not query.refs and lacks_subject(query):
            return self._finish(needs_subject(query), started, store)
        explicit_docs = match_documents(document, scope.documents) if document else []
        if document and not explicit_docs:
            raise QuestionError(
                f"no document matches '{document}'; known: {known_documents(scope.documents)}"
            )
        k = top_k or self.settings.top_k
        answer = self._route(scope, query, explicit_docs, k)
        if not explicit_docs:  # a meeting named by committee and day answers from its own papers
            answer = held_to_named_meeting(scope, query, answer)
        if answer.answered and (missing := missing_pin(query.text, answer, scope.documents)):
            answer = not_for_asked(query, answer, missing)  # "in q1": not the Q3 figure
        if rephrase and configured(self.settings):
            from assistant.llm.generate import generate_answer  # llama-index: only when asked for

            answer = generate_answer(answer, self.settings)
        return self._finish(answer, started, store)

    def _finish(self, answer: Answer, started: float, store: IndexStore) -> Answer:
        answer.metadata["latency_ms"] = round((time.perf_counter() - started) * 1000, 1)
        answer.metadata["index_generation"] = store.generation
        return answer

    def validate(self, question: str) -> str:
        text = " ".join((question or "").split())
        if not text:
            raise QuestionError("The question is empty: ask something about the plan documents.")
        limit = self.settings.max_question_chars
        if len(text) > limit:
            raise QuestionError(
                f"The question is {len(text):,} characters long; please keep it under {limit:,} "
                "(ask about one thing at a time)."
            )
        if not re.search(r"[A-Za-z0-9]", text):
            raise QuestionError(
                "The question has no words in it: ask something about the plan documents."
            )
        return text

    # --- routing --------------------------------------------------------------------
    def _route(self, scope: Scope, query: Query, explicit_docs: list[str], k: int) -> Answer:
        floor = self.settings.relevance_floor
        if not explicit_docs and (paper := paper_request_answer(scope, query)) is not None:
            return paper  # "send me the link to the reserves policy": the paper itself
        if (record := decision_record_answer(scope, query)) is not None:
            return record  # "who took decision 24/00096 and why": the record's own fields
        if (numbered := numbered_answer(scope, query)) is not None:
            return numbered  # "did they accept rec 7?": that recommendation and its response
        if not explicit_docs and (resolved := resolution_answer(scope, query)) is not None:
            # "what did cabinet resolve about X?": the RESOLVED line on X — unless a synced
            # record of that committee's meeting answers, whose decisions are the record's.
            met = meeting_answer(scope, query)
            return resolved if met is None else met
        if not explicit_docs and (moved := motion_answer(scope, query)) is not None:
            return moved  # "who seconded the LEVI amendment, how did its vote go?": the minutes
        if not explicit_docs and (replied := responder_answer(scope, query)) is not None:
            return replied  # "who responded to members' concerns on …": "In response, the …"
        if not explicit_docs and (met := meeting_answer(scope, query)) is not None:
            return met  # a committee's meeting: its record says when, who, what was decided
        if not explicit_docs and (listed := attendance_answer(scope, query)) is not None:
            return listed  # "which officials attended?": the lists at the head of the minutes
        if not explicit_docs and (opened := introducer_answer(scope, query)) is not None:
            return opened  # "who introduced the report?": "Dr Gosh … introduced the report"
        if (ranked := value_list_answer(scope, query, explicit_docs)) is not None:
            return ranked  # "which risk has the highest score": every item's figure, compared
        if not explicit_docs and (trend := one_kpi_trend(scope, query)) is not None:
            return trend  # "is the direct payments kpi improving?": that indicator's values
        if query.intent == Intent.list:
            query = change_lists.searchable(scope, query, explicit_docs)  # no arrows printed
        if query.intent == Intent.list and (
            query.rating
            or query.people
            or query.sections
            or query.direction
            or query.unrated
            or query.change
            or query.from_rating
        ):
            if relevance.periods_known(scope, query):
                if (changed := change_lists.change_answer(scope, query, explicit_docs)) is not None:
                    return changed  # "which got worse", "red compared with last quarter"
                return lists.list_answer(scope, query, explicit_docs)
            if not HOW_MANY.search(query.text):
                return decline(query, [], reason="no paper of the period asked")
            # "how many kpis were reported in q1 and q2": no paper of those quarters to
            # count from, but a sentence may give the count; the search judges it
        if query.intent == Intent.who and query.about_person and query.people:
            return facts.person_answer(scope, query)
        if (labelled := labelled_answer(scope, query)) is not None:
            return labelled  # "is 24/00108 a key decision?": the record's "Key decision: No"
        if query.refs:
            answer = status.by_ref(scope, query, explicit_docs)
            if answer is not None:
                return answer
        if not content_stems(query.text):  # only common words ("the", "is that it?")
            return Answer(
                question=query.text, answer=NO_SUBJECT, answered=False, intent=query.intent.value
            )
        from indexing.embedding import embed_one

        store = scope.store
        vector = embed_one(query.text)
        search = Search(store, query.text, vector, scope.keywords)
        where = scope.where(explicit_docs)
        candidates = search.hybrid(max(k, 10), where)
        if query.document_ids and not explicit_docs:
            hinted = search.hybrid(max(k, 10), scope.where(query.document_ids))
            if hinted and hinted[0].cosine >= floor:
                # The named documents' sources rank first, but a name matched on a few
                # common words ("social care") must not hide a closer source elsewhere:
                # the rerank weighs both by what they hold of the question.
                candidates = led_by(hinted, candidates)
        candidates = relevance.rerank(scope, query, candidates)
        if query.intent in (Intent.figure, Intent.fact, Intent.status) and not explicit_docs:
            candidates = with_named_rows(scope, query, search, candidates)  # "… budget update"
        if query.intent == Intent.who and not explicit_docs:  # "the director over … kpis"
            candidates = with_named_records(scope, query, search, candidates)
        if not explicit_docs and not query.people:  # "permanent exclusions kpi": that indicator
            candidates = with_named_kpi(scope, query, search, candidates)
        if not relevance.relevant(floor, scope, query, candidates):
            return decline(query, candidates, reason="no source close enough")
        top = candidates[0]
        if (
            query.intent in (Intent.figure, Intent.fact) or asked_fields(query.text)
        ) and not top.node.is_item:
            # A prose sentence ranked just above the indicator itself: the KPI's own
            # values (latest, target, previous) answer a question about its figure.
            # A field the question names ("and what's the target") that the sentence
            # does not state: the indicator holding it answers, however close the sentence.
            unstated = unstated_fields(query.text, top.node.text)
            measured = next(
                (
                    c
                    for c in candidates[1 : 6 if unstated else 3]
                    if c.node.is_item
                    and relevance.answers_figure(query, c.node.item())
                    and (
                        c.cosine >= top.cosine - relevance.KPI_MARGIN
                        or any(has_field(c.node.item(), role) for role, _ in unstated)
                    )
                    and relevance.coverage(scope, query, [c])
                    >= relevance.coverage(scope, query, [top]) - relevance.KPI_MARGIN
                ),
                None,
            )
            if measured is not None:
                candidates = [measured] + [c for c in candidates if c is not measured]
                top = measured
        if (
            query.intent in (Intent.figure, Intent.fact)
            and top.node.is_item
            and relevance.answers_figure(query, top.node.item())
        ):
            # "What percentage of pothole repairs…": the KPI's own values answer it.
            section = top.node.metadata.get("section", "")
            if not subject_held(scope.terms, query.text, f"{top.node.text} {section}"):
                # another measure
                return decline(query, candidates, subject_found=True, reason="another measure")
            if (said := facts.sentence_over_item(floor, scope, query, candidates)) is not None:
                return said  # the question's words are a sentence's, with the value asked
            return status.status_answer(floor, scope, query, candidates)
        if query.intent == Intent.who and _ASKED.search(query.text):
            # "Who asked about…": the member question itself names its asker.
            asked = next(
                (c for c in candidates[:3] if c.node.is_item and c.node.item().fields.get("asker")),
                None,
            )
            if asked is not None:
                return status.status_answer(
                    floor, scope, query, [asked] + [c for c in candidates if c is not asked]
                )
        if (told := decision_prose_answer(scope, query, candidates)) is not None:
            return told  # "who took the decision that was called in": "The decision maker was …"
        if query.intent in (Intent.figure, Intent.when) or not top.node.is_item:
            answer = facts.fact_answer(floor, scope, query, candidates)
            measured = (
                None if answer.answered else relevance.measured_item(scope, query, candidates)
            )
            if measured is not None:  # no sentence gives it; the indicator's values do
                rest = [c for c in candidates if c is not measured]
                return status.status_answer(floor, scope, query, [measured] + rest)
            if not answer.answered and (
                query.intent in (Intent.when, Intent.figure) or asked_value(query.text)
            ):
                answer = facts.deeper_fact_answer(floor, scope, query, search, where) or answer
            if answer.answered or query.intent != Intent.who:
                return answer
            # "Who was the planning inspector": a sentence deeper in the ranking that names
            # someone beside the post, though no key to initials knows them.
            deeper = deeper_sources(scope, query, search, where)
            held = holder_evidence(floor, scope, query, deeper)
            return answer if held is None else facts.evidence_answer(query, held, [])
        if asked_value(query.text) is ValueKind.name:
            # "what rating system does the council use": a name the reply prints, not
            # the item's rating
            answer = facts.fact_answer(floor, scope, query, candidates)
            if answer.answered:
                return answer
        return status.status_answer(floor, scope, query, candidates)


def _swap_typos(text: str, words: list[str]) -> str:
    """Two letters typed the wrong way round ("repiars") → the documents' word
    ("repairs"), when exactly one swap of neighbours gives a word they use. The
    spelling check's similarity cutoff misses these in short words."""
    known = set(words)

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        lower = word.lower()
        if lower in known:
            return word
        swaps = {
            lower[:i] + lower[i + 1] + lower[i] + lower[i + 2 :] for i in range(len(lower) - 1)
        }
        found = sorted(w for w in swaps if w in known and w != lower)
        return found[0] if len(found) == 1 else word

    return re.sub(r"[A-Za-z]{5,}", fix, text)
