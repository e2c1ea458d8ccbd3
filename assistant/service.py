"""``Assistant.ask``: a question in, a grounded ``Answer`` with citations out.

The order matters: exact lookups first (a ref, a rating, a person), then hybrid
search; a relevance floor decides whether the documents cover the question at all;
then the answer is composed from parsed rows and quoted sentences only. The index is
reopened when an ingest swaps in a new generation, so a long-running Slack bot always
answers from the newest complete index.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterable
from functools import cached_property

from assistant import compose, quoting
from assistant.config import Settings, get_settings
from assistant.evidence import Evidence, asks_money, best_evidence, states_money
from assistant.llm_backends import configured
from assistant.models import Answer, Citation, ItemKind, PlanDocument, PlanItem
from assistant.register import ItemFilter, find_items, known_documents, match_documents
from assistant.retrieve import Candidate, Search
from assistant.understand import Intent, Query, understand
from indexing.store import IndexStore, StoredNode
from indexing.terms import TermStats, content_stems, scoped_terms

NOT_COVERED = "The plan documents I have don't cover this."
NO_SUBJECT = (
    "The question names nothing to look up: ask about a commitment, a ref, a person or a topic."
)
COVERAGE_FLOOR = 0.45
"""Share (by idf weight) of a question's words the best source must hold."""
STRONG_MATCH = 0.4
"""Cosine this far above the relevance floor answers even with little word overlap."""
RERANK_COVERAGE = 0.5
RERANK_PRIOR = 0.02
"""Fused candidates are re-ordered by ``cosine + 0.5 × coverage + 0.02 / (1 + fused rank)``:
a source that holds the question's rare words ("MKDirect", "Tickford") beats one that
is only close in meaning. Weights chosen by hit@1 on the hand-written set (162 → 176
answerable questions with the item in the top 10: fused order 152 at rank 1, reranked
161; split-half held-out +3 to +5), on a plateau (0.5–1.0, 0–0.05) rather than a peak."""
_ASKED = re.compile(r"\b(?:asked|asking|submitted|raised|put)\b", re.I)
KPI_MARGIN = 0.15
"""An indicator this close (cosine, and coverage of the question) below a prose sentence still answers a figure question."""
_FOLLOW_UP = re.compile(
    r"^\s*(and|what about|how about|who|when|what|is it|it|its|that|this)\b.*\b(it|its|that|this|they|them)\b",
    re.I,
)


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
    ) -> Answer:
        """Answer ``question`` from the documents the asker may see.

        ``access`` lists the labels the asker may see (``public``, ``members``,
        ``restricted``); default ``PLANBOT_DEFAULT_ACCESS``. Documents outside it are
        removed before any lookup or ranking, so they are never cited, quoted,
        suggested or even named in an error.

        With ``PLANBOT_LLM`` set (and ``rephrase`` left on) the grounded answer is
        reworded by the model and checked claim by claim against its sources
        (``assistant.generate``); anything unsupported is dropped or the grounded text
        stands, and ``metadata`` says which. Drafting passes ``rephrase=False``: it
        rewords each part of a reply itself.
        """
        started = time.perf_counter()
        text = self.validate(question)
        store = self.store
        scope = Scope.of(
            store, set(access) if access is not None else set(self.settings.default_access)
        )
        query = understand(
            scope.terms.correct(_swap_typos(text, scope.terms.words)), scope.documents
        )
        query.text = text if query.text == text else query.text
        if context is not None:
            query = _with_context(query, context)
        explicit_docs = match_documents(document, scope.documents) if document else []
        if document and not explicit_docs:
            raise QuestionError(
                f"no document matches '{document}'; known: {known_documents(scope.documents)}"
            )
        k = top_k or self.settings.top_k
        answer = self._route(scope, query, explicit_docs, k)
        if rephrase and configured(self.settings):
            from assistant.generate import generate_answer  # llama-index: only when asked for

            answer = generate_answer(answer, self.settings)
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
        if query.intent == Intent.list and (
            query.rating
            or query.people
            or query.sections
            or query.direction
            or query.unrated
            or query.change
            or query.from_rating
        ):
            if not self._periods_known(scope, query):
                return self._decline(query, [])
            return self._list(scope, query, explicit_docs)
        if query.intent == Intent.who and query.about_person and query.people:
            return self._person(scope, query)
        if query.refs:
            answer = self._by_ref(scope, query, explicit_docs)
            if answer is not None:
                return answer
        if not content_stems(query.text):  # only common words ("the", "is that it?")
            return Answer(
                question=query.text, answer=NO_SUBJECT, answered=False, intent=query.intent.value
            )
        from indexing.embedding import embed_one

        store = scope.store
        vector = embed_one(query.text)
        search = Search(store, query.text, vector)
        candidates = search.hybrid(max(k, 10), scope.where(explicit_docs))
        if query.document_ids and not explicit_docs:
            hinted = search.hybrid(max(k, 10), scope.where(query.document_ids))
            if hinted and hinted[0].cosine >= self.settings.relevance_floor:
                # The named documents' sources rank first, but a name matched on a few
                # common words ("social care") must not hide a closer source elsewhere:
                # the rerank weighs both by what they hold of the question.
                seen = {c.node.id for c in hinted}
                candidates = hinted + [c for c in candidates if c.node.id not in seen]
        candidates = self._rerank(scope, query, candidates)
        if not self._relevant(scope, query, candidates):
            return self._decline(query, candidates)
        top = candidates[0]
        if query.intent in (Intent.figure, Intent.fact) and not top.node.is_item:
            # A prose sentence ranked just above the indicator itself: the KPI's own
            # values (latest, target, previous) answer a question about its figure.
            measured = next(
                (
                    c
                    for c in candidates[1:3]
                    if c.node.is_item
                    and _answers_figure(query, c.node.item())
                    and c.cosine >= top.cosine - KPI_MARGIN
                    and self._coverage(scope, query, [c])
                    >= self._coverage(scope, query, [top]) - KPI_MARGIN
                ),
                None,
            )
            if measured is not None:
                candidates = [measured] + [c for c in candidates if c is not measured]
                top = measured
        if (
            query.intent in (Intent.figure, Intent.fact)
            and top.node.is_item
            and _answers_figure(query, top.node.item())
        ):
            # "What percentage of pothole repairs…": the KPI's own values answer it.
            return self._status(scope, query, candidates)
        if query.intent == Intent.who and _ASKED.search(query.text):
            # "Who asked about…": the member question itself names its asker.
            asked = next(
                (c for c in candidates[:3] if c.node.is_item and c.node.item().fields.get("asker")),
                None,
            )
            if asked is not None:
                return self._status(
                    scope, query, [asked] + [c for c in candidates if c is not asked]
                )
        if query.intent in (Intent.figure, Intent.when) or not top.node.is_item:
            return self._fact(scope, query, candidates)
        return self._status(scope, query, candidates)

    def _relevant(self, scope: Scope, query: Query, candidates: list[Candidate]) -> bool:
        """Do the documents cover this question at all?

        The best candidates must be close in meaning (cosine over the floor) *and*
        share the question's rarer words, unless very close; and a period the question
        names (a year, a quarter) must be one the documents cover.
        """
        if not candidates:
            return False
        if not self._periods_known(scope, query, candidates[0]):
            return False
        best = max(c.cosine for c in candidates[:5])
        if best < self.settings.relevance_floor:
            return False
        return (
            self._coverage(scope, query, candidates[:3]) >= COVERAGE_FLOOR
            or best >= self.settings.relevance_floor + STRONG_MATCH
        )

    def _rerank(self, scope: Scope, query: Query, candidates: list[Candidate]) -> list[Candidate]:
        """Fused order, refined by how much of the question each source holds."""
        asked = content_stems(query.text)
        scored = [
            (
                c.cosine
                + RERANK_COVERAGE * scope.terms.coverage(asked, _node_stems(c))
                + RERANK_PRIOR / (1 + rank),
                -rank,
                c,
            )
            for rank, c in enumerate(candidates)
        ]
        return [c for *_, c in sorted(scored, key=lambda t: (t[0], t[1]), reverse=True)]

    def _coverage(self, scope: Scope, query: Query, candidates: list[Candidate]) -> float:
        asked = content_stems(query.text)
        return max((scope.terms.coverage(asked, _node_stems(c)) for c in candidates), default=0.0)

    def _periods_known(self, scope: Scope, query: Query, top: Candidate | None = None) -> bool:
        """Every quarter the question names is one a document covers, and every year is
        one a document covers (or, with ``top``, one the best source mentions)."""
        labels = scope.period_labels
        if top is not None and not _year_ranges_held(query.text, top):
            return False
        if not all(re.search(rf"\b{q}\b|quarter {q[1]}", labels, re.I) for q in query.quarters):
            return False
        return all(
            year in scope.known_years or (top is not None and year in top.node.text)
            for year in query.years
        )

    # --- answer kinds ---------------------------------------------------------------
    def _list(self, scope: Scope, query: Query, explicit_docs: list[str]) -> Answer:
        docs = scope.narrow(explicit_docs or query.document_ids)
        if query.sections:
            docs = [d for d in docs if d in {doc_id for doc_id, _ in query.sections}] or docs
        if query.unrated or query.direction:
            # Only documents that rate their items can have an unrated or arrowed item.
            docs = [
                d.id
                for d in scope.documents
                if d.id in docs and any(i.rating or i.direction for i in d.items)
            ]
        criteria = ItemFilter(
            rating=query.rating,
            people=query.people,
            role=query.people_role if query.people else None,
            sections=[name for _, name in query.sections],
            direction=query.direction,
            unrated=query.unrated,
            kind=query.kind,
            previous_rating=query.from_rating,
            rating_change=query.change,
        )
        found = find_items(scope.store, criteria, document_ids=docs)
        combined: list[tuple[StoredNode, PlanItem]] = []
        if query.rating and "/" not in query.rating and not query.from_rating:
            wider = find_items(
                scope.store,
                ItemFilter(rating=query.rating, include_combined=True, kind=query.kind),
                document_ids=docs,
            )
            combined = [(n, i) for n, i in wider if i.rating != query.rating]
        label = _filter_label(query)
        if not found and not combined:
            return Answer(
                question=query.text,
                answer=f"0 {_KIND_NOUNS.get(query.kind, 'item') if query.kind else 'item'}s are {label} in the documents I have.",
                answered=True,
                intent=query.intent.value,
                metadata={"count": 0, "combined_count": 0},
            )
        if _LATEST.search(query.text):
            # "this quarter", "latest": the newest paper that has such items, not every year's.
            newest = max((_date_key(n) for n, _ in found + combined), default=())
            found = [(n, i) for n, i in found if _date_key(n) == newest]
            combined = [(n, i) for n, i in combined if _date_key(n) == newest]
        citations: list[Citation] = []
        lines: list[str] = []
        noun = _KIND_NOUNS.get(query.kind, "item") if query.kind else "item"
        plural = noun if len(found) == 1 else f"{noun}s"
        groups = _by_document(found)
        across = f" across {len(groups)} documents" if len(groups) > 1 else ""
        if query.people and not query.rating:
            lines.append(f"{label} is named on {len(found)} {plural}{across}:")
        else:
            lines.append(
                f"{len(found)} {plural} {'is' if len(found) == 1 else 'are'} {label}{across}:"
            )
        for group in groups:
            if len(groups) > 1:
                meta = group[0][0].metadata
                where = meta.get("document_title", "") + (
                    f", {meta['document_period']}" if meta.get("document_period") else ""
                )
                lines.append(f"{len(group)} in {where}:")
            for node, item in group:
                citations.append(
                    compose.item_citation(
                        node, item, quote=compose.item_quote(item, with_update=False)
                    )
                )
                lines.append(compose.list_line(item, len(citations), query.people_role))
        if combined:
            lines.append(
                f"A further {len(combined)} have a combined rating that includes {compose_rating(query.rating)}:"
            )
            for node, item in combined:
                citations.append(
                    compose.item_citation(
                        node, item, quote=compose.item_quote(item, with_update=False)
                    )
                )
                lines.append(compose.list_line(item, len(citations), query.people_role))
        sources = sorted({c.document + (f", {c.date}" if c.date else "") for c in citations})
        lines.append("Source: " + "; ".join(sources))
        return Answer(
            question=query.text,
            answer="\n".join(lines),
            answered=True,
            intent=query.intent.value,
            citations=citations,
            items=[i for _, i in found + combined],
            metadata={"count": len(found), "combined_count": len(combined)},
        )

    def _by_ref(self, scope: Scope, query: Query, explicit_docs: list[str]) -> Answer | None:
        found: list[tuple[StoredNode, PlanItem]] = []
        for ref in query.refs:
            found += find_items(scope.store, ItemFilter(ref=ref), document_ids=scope.ids)
        docs = explicit_docs or query.document_ids
        if docs:
            preferred = [(n, i) for n, i in found if i.document_id in docs]
            found = preferred or ([] if explicit_docs else found)
        if not found:
            refs = ", ".join(query.refs)
            return Answer(
                question=query.text,
                answer=f"There is no item {refs} in the plan documents I have"
                + (
                    " (some refs were lost when the published files were extracted)."
                    if any("." in r for r in query.refs)
                    else "."
                ),
                answered=False,
                intent=query.intent.value,
            )
        if query.asks_rating or query.asks_owner:
            # The same ref can exist in several documents; prefer one that has what is asked.
            found.sort(key=lambda pair: not bool(pair[1].rating or pair[1].owner))
        if query.intent == Intent.when:
            candidates = [Candidate(node=n, cosine=1.0) for n, _ in found]
            evidence = [e for e in best_evidence(query, candidates) if e.has_required]
            if evidence:
                return self._fact_answer(query, evidence[0], [])
        return self._status_answer(
            scope, query, found[0], found[1:], other_items_label="Same ref in other documents"
        )

    def _status(self, scope: Scope, query: Query, candidates: list[Candidate]) -> Answer:
        items = [c for c in candidates if c.node.is_item]
        if not items or items[0].cosine < self.settings.relevance_floor - 0.05:
            return self._fact(scope, query, candidates)
        lead = items[0]
        # A question that names its period ("in Q2 2017/18") is about that paper's row:
        # lead with it when it is as close, and never swap it for a newer paper's.
        named = set(query.document_ids) if (query.years or query.quarters) else set()
        if named and lead.node.metadata.get("plan_document") not in named:
            in_named = next(
                (
                    c
                    for c in items[1:5]
                    if c.node.metadata.get("plan_document") in named
                    and c.cosine >= lead.cosine - 0.06
                ),
                None,
            )
            if in_named is not None:
                items = [in_named] + [c for c in items if c is not in_named]
                lead = in_named
        same_subject = [
            c
            for c in items[1:5]
            if c.node.metadata.get("plan_document") != lead.node.metadata.get("plan_document")
            and c.cosine >= lead.cosine - 0.06
            and (not named or c.node.metadata.get("plan_document") in named)
        ]
        newer = [
            c
            for c in same_subject
            if _date_key(c.node) > _date_key(lead.node)
            and (not named or c.node.metadata.get("plan_document") in named)
        ]
        if newer:
            newest = max(newer, key=lambda c: _date_key(c.node))
            same_subject = [lead] + [c for c in same_subject if c is not newest]
            lead = newest
        role = query.people_role if query.asks_owner else None
        if role and not getattr(lead.node.item(), role):
            # "Which cabinet member is down for…": lead with a version that names one.
            named = next((c for c in same_subject if getattr(c.node.item(), role)), None)
            if named is not None:
                same_subject = [lead] + [c for c in same_subject if c is not named]
                lead = named
        history = sorted(same_subject, key=lambda c: _date_key(c.node), reverse=True)
        return self._status_answer(
            scope,
            query,
            (lead.node, lead.node.item()),
            [(c.node, c.node.item()) for c in history],
            other_items_label="Also covered in",
        )

    def _status_answer(
        self,
        scope: Scope,
        query: Query,
        lead: tuple[StoredNode, PlanItem],
        others: list[tuple[StoredNode, PlanItem]],
        *,
        other_items_label: str,
    ) -> Answer:
        node, item = lead
        has_ratings = any(
            i.rating for d in scope.documents if d.id == item.document_id for i in d.items
        )
        citations = [compose.item_citation(node, item)]
        text = compose.status_text(
            node, item, 1, has_ratings=has_ratings, asks_rating=query.asks_rating
        )
        history: list[PlanItem] = []
        if others:
            lines = [f"{other_items_label}:"]
            for other_node, other in others:
                citations.append(compose.item_citation(other_node, other))
                lines.append(compose.history_line(other_node, other, len(citations)))
                history.append(other)
            text += "\n" + "\n".join(lines)
        return Answer(
            question=query.text,
            answer=text,
            answered=True,
            intent=query.intent.value,
            citations=citations,
            items=[item],
            history=history,
        )

    def _fact(self, scope: Scope, query: Query, candidates: list[Candidate]) -> Answer:
        evidence = best_evidence(query, candidates, known_names=scope.names)
        fitting = [e for e in evidence if e.has_required]
        if not fitting or not self._evidence_on_topic(scope, query, fitting[0]):
            return self._decline(query, candidates, subject_found=bool(evidence))
        extra = [
            e
            for e in fitting[1:3]
            if e.candidate.node.id == fitting[0].candidate.node.id
            and e.score >= fitting[0].score - 0.15
        ][:1]
        return self._fact_answer(query, fitting[0], extra)

    def _evidence_on_topic(self, scope: Scope, query: Query, evidence: Evidence) -> bool:
        """The chosen sentence (with its item and document) must hold the question's
        rarer words, and any year the documents do not cover."""
        if not self._periods_known(scope, query, evidence.candidate):
            return False
        node = evidence.candidate.node
        meta = node.metadata
        subject = node.item().commitment if node.is_item else ""
        context = f"{evidence.sentence} {subject} {meta.get('section', '')} {meta.get('document_title', '')} {meta.get('document_period', '')}"
        coverage = scope.terms.coverage(content_stems(query.text), content_stems(context))
        return (
            coverage >= COVERAGE_FLOOR
            or evidence.candidate.cosine >= self.settings.relevance_floor + STRONG_MATCH
        )

    def _person(self, scope: Scope, query: Query) -> Answer:
        """Who someone is, from the key to initials of the documents that name them."""
        lines: list[str] = []
        citations: list[Citation] = []
        for person in query.people:
            doc = next(
                (
                    d
                    for d in scope.documents
                    if any(p.initials == person.initials for p in d.people_key.values())
                ),
                None,
            )
            if doc is None or doc.people_key_location is None:
                continue
            role = f" — {person.role}" if person.role else ""
            citations.append(
                Citation(
                    document=doc.meta.title,
                    document_id=doc.id,
                    date=doc.meta.period or doc.meta.date,
                    section="Key to initials",
                    quote=f"{person.initials} {person.name}{role}",
                    source=str(doc.people_key_location),
                )
            )
            what = f"is {person.role}" if person.role else "has no job title in the key"
            # The items they are named on are a list question of their own; a count here
            # would be a figure no quoted source states.
            lines.append(
                f"{person.name} ({person.initials}) {what}, according to the key to initials of "
                f"{doc.meta.title}{', ' + doc.meta.period if doc.meta.period else ''} [{len(citations)}]. "
                f'Ask "what is {person.name} responsible for?" for the items that name them.'
            )
        if not lines:
            return self._decline(query, [])
        return Answer(
            question=query.text,
            answer="\n".join(lines),
            answered=True,
            intent=query.intent.value,
            citations=citations,
        )

    def _fact_answer(self, query: Query, evidence: Evidence, extra: list[Evidence]) -> Answer:
        node = evidence.candidate.node
        quote = evidence.sentence if not extra else f"{evidence.sentence} {extra[0].sentence}"
        citation = compose.node_citation(node, quote=quote)
        where = (
            citation.document
            + (f", {citation.date}" if citation.date else "")
            + (f", ref {citation.ref}" if citation.ref else "")
        )
        where += f", p. {citation.page}" if citation.page else ""
        stated = compose.row_values(node.row(), query.text) if node.is_row else quoting.quote(quote)
        answer = f"{stated} [1]\nSource: {where} [1]"
        items = [node.item()] if node.is_item else []
        return Answer(
            question=query.text,
            answer=answer,
            answered=True,
            intent=query.intent.value,
            citations=[citation],
            items=items,
        )

    def _decline(
        self, query: Query, candidates: list[Candidate], subject_found: bool = False
    ) -> Answer:
        suggestions = [c.node.item() for c in candidates if c.node.is_item][:3]
        text = NOT_COVERED
        if subject_found and query.intent in (Intent.figure, Intent.when) and suggestions:
            kind = "figure" if query.intent == Intent.figure else "date"
            text = f"{NOT_COVERED} The nearest items don't give that {kind}."
        if suggestions:
            text += "\nNearest items:\n" + "\n".join(
                f"• {s.ref + ' ' if s.ref else ''}{s.title(100)}" for s in suggestions
            )
        return Answer(
            question=query.text,
            answer=text,
            answered=False,
            intent=query.intent.value,
            suggestions=suggestions,
        )


def compose_rating(rating: str | None) -> str:
    from assistant.models import RATING_WORDS

    return "/".join(RATING_WORDS.get(c, c) for c in (rating or "").split("/"))


_KIND_NOUNS = {
    ItemKind.kpi: "KPI",
    ItemKind.risk: "risk",
    ItemKind.recommendation: "recommendation",
    ItemKind.question: "question",
    ItemKind.milestone: "milestone",
    ItemKind.decision: "decision",
    ItemKind.commitment: "commitment",
}


def _filter_label(query: Query) -> str:
    parts = []
    if query.change:
        parts.append(
            {"↓": "rated worse than last time", "↑": "rated better than last time"}.get(
                query.change, "unchanged"
            )
        )
    if query.from_rating:
        parts.append(f"previously {compose_rating(query.from_rating)}")
    if query.unrated:
        parts.append("without a RAG rating")
    if query.direction:
        from assistant.models import DIRECTION_WORDS

        parts.append(
            f"with direction of travel {DIRECTION_WORDS[query.direction]} ({query.direction})"
        )
    if query.sections:
        parts.append("in " + " / ".join(sorted({name.title() for _, name in query.sections})))
    if query.rating:
        parts.append(f"rated {compose_rating(query.rating)}")
    if query.people:
        names = " or ".join(p.display() for p in query.people)
        role = {
            "owner": "as owner",
            "director": "as director",
            "cabinet_member": "as cabinet member",
        }.get(query.people_role or "", "")
        who = f"{names}{' (' + role + ')' if role else ''}"
        return f"{parts[0]} naming {who}" if parts else who
    return " and ".join(parts) or "listed"


class Scope:
    """The documents one asker may see, the Chroma filter that keeps to them, and what
    questions are checked against in them (names, periods, years).

    One per access level per index generation (``Scope.of`` keeps them on the store):
    these were worked out again on every question, which at 420 documents cost several
    milliseconds a question.
    """

    def __init__(self, store: IndexStore, documents: list[PlanDocument]) -> None:
        self.store = store
        self.documents = documents
        self.ids = [d.id for d in documents]

    @classmethod
    def of(cls, store: IndexStore, access: set[str]) -> Scope:
        key = ("scope", frozenset(access))
        if key not in store.derived:
            store.derived[key] = cls(
                store, [d for d in store.documents if d.meta.access.value in access]
            )
        return store.derived[key]

    @cached_property
    def terms(self) -> TermStats:
        """Word statistics and spelling vocabulary of these documents only
        (``indexing.terms.scoped_terms``): a correction or a coverage score never
        reflects a document the asker may not see."""
        return scoped_terms(self.store, self.ids)

    @cached_property
    def names(self) -> frozenset[str]:
        """Everyone the documents' keys to initials name, and the people their items name
        (owners, directors, cabinet members), without "Cllr": what tells a person from a
        capitalised phrase ("High Needs") when a question asks who."""
        people = [p for d in self.documents for p in d.people_key.values()]
        people += [p for d in self.documents for i in d.items for p in i.people()]
        return frozenset(re.sub(r"^Cllr\s+", "", p.name) for p in people if p.name)

    @cached_property
    def period_labels(self) -> str:
        return " ".join(f"{d.meta.title} {d.meta.period} {d.meta.date}" for d in self.documents)

    @cached_property
    def known_years(self) -> frozenset[str]:
        return frozenset(re.findall(r"(?:19|20)\d{2}", self.period_labels))

    def narrow(self, document_ids: list[str]) -> list[str]:
        """The requested documents within scope (all of the scope when none requested)."""
        return [i for i in document_ids if i in self.ids] if document_ids else self.ids

    def where(self, document_ids: list[str] | None = None) -> dict | None:
        """The Chroma filter; None when it would keep every document in the index.

        Chroma answers a filtered query by scanning the metadata before the vector
        search, which costs more than the search itself on a large index; the common
        case, an asker who may see everything, needs no filter at all.
        """
        if not document_ids:
            return self._whole_scope
        return self._where_ids(self.narrow(document_ids))

    @cached_property
    def _whole_scope(self) -> dict | None:
        return self._where_ids(self.ids)

    def _where_ids(self, ids: list[str]) -> dict | None:
        ids = ids or ["\u0000none"]
        if self.store.covers_every_document(ids):
            return None
        return {"plan_document": ids[0]} if len(ids) == 1 else {"plan_document": {"$in": ids}}


_LATEST = re.compile(
    r"\b(this|current|latest|most recent|last) (quarter|period|report|year|month)\b|\bcurrently\b",
    re.I,
)


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


def _by_document(
    found: list[tuple[StoredNode, PlanItem]],
) -> list[list[tuple[StoredNode, PlanItem]]]:
    """Items grouped by their document, in the order found (newest document first)."""
    groups: dict[str, list[tuple[StoredNode, PlanItem]]] = {}
    for node, item in found:
        groups.setdefault(item.document_id, []).append((node, item))
    return list(groups.values())


def _states_values(item: PlanItem) -> bool:
    """An item whose row gives measured values (a KPI's latest, a risk's score or
    likelihood, a figure under a column of its own such as an exposure in £m)."""
    if any(item.fields.get(role) for role in ("latest", "score", "likelihood", "impact")):
        return True
    return any(
        value and len(str(value)) <= 20 and re.search(r"\d", str(value))
        for value in item.other_fields.values()
    )


_YEAR_RANGE = re.compile(r"\b((?:19|20)\d{2})\s*[-/–]\s*(?:(?:19|20)(\d{2})|(\d{2}))\b")


def _year_ranges_held(question: str, candidate: Candidate) -> bool:
    """A financial year the question names ("2025/26") is one the source, its paper's
    title or its period gives: the 2024/25 target is not "the target for 2025/26"."""
    asked = {(m.group(1), m.group(2) or m.group(3)) for m in _YEAR_RANGE.finditer(question)}
    if not asked:
        return True
    meta = candidate.node.metadata
    held = (
        f"{candidate.node.text} {meta.get('document_title', '')} {meta.get('document_period', '')}"
    )
    have = {(m.group(1), m.group(2) or m.group(3)) for m in _YEAR_RANGE.finditer(held)}
    return asked <= have


def _answers_figure(query: Query, item: PlanItem) -> bool:
    """An item whose values answer a figure question: it states values, and a "how
    many" question is not answered by a rate ("how many incidents…" is not "96%")."""
    if not _states_values(item):
        return False
    latest = str(item.fields.get("latest") or item.fields.get("score") or "")
    if asks_money(query.text) and not states_money(latest):
        return False  # "how much did the repairs cost" is not answered by "94%"
    return not (re.search(r"\bhow many\b", query.text, re.I) and latest.strip().endswith("%"))


def _node_stems(candidate: Candidate) -> set[str]:
    """Content stems of a source with its document's title and period ("Q2 2017")."""
    meta = candidate.node.metadata
    return content_stems(
        f"{candidate.node.text} {meta.get('document_title', '')} {meta.get('document_period', '')}"
    )


def _date_key(node: StoredNode) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", node.metadata.get("document_date", "") or "0"))


def _with_context(query: Query, context: Answer) -> Query:
    """A thread follow-up ("and who owns it?") is about the item the last answer used."""
    if query.refs or not context.items or not _FOLLOW_UP.search(query.text):
        return query
    item = context.items[0]
    if not item.ref:
        return query
    intent = query.intent if query.intent in (Intent.status, Intent.when) else Intent.status
    return query.model_copy(
        update={
            "refs": [item.ref],
            "document_ids": [item.document_id],
            "intent": intent,
            "asks_owner": True,
        }
    )
