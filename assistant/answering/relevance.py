"""Does a source answer the question? Reranking, coverage of the question's words,
the periods it names, and whether an item's values answer a figure question.

Every judgement is made within the asker's ``Scope``: word weights come from the
documents they may see only.
"""

from __future__ import annotations

import re

from assistant.answering.asked_days import quarter_printed
from assistant.answering.asked_subject import label_fits, normal_days, subject_text, value_label
from assistant.answering.counted_numbers import HOW_MANY
from assistant.answering.evidence import MONEY_WORDS, Evidence, asks_money, states_money
from assistant.answering.fronted_topic import fronted
from assistant.answering.neighbours import passage_before, passages_near
from assistant.answering.retrieve import Candidate
from assistant.answering.row_lookup import row_fits
from assistant.answering.scope import Scope
from assistant.answering.short_forms import spelt_out
from assistant.answering.understand import Intent, Query
from assistant.answering.unheld import months_held, subject_held, unknown_body
from assistant.answering.word_forms import base_forms, joined_words, with_joined
from assistant.answering.year_words import financial_years, one_way
from assistant.models import ItemKind, PlanItem
from indexing.readers.dates import MONTH_PATTERN
from indexing.store import StoredNode
from indexing.terms import content_stems, place_stems

COVERAGE_FLOOR = 0.45
"""Share (by idf weight) of a question's words the best source must hold."""
STRONG_MATCH = 0.4
"""Cosine this far above the relevance floor answers even with little word overlap."""
RERANK_COVERAGE = 0.5
RERANK_PRIOR = 0.02
"""Fused candidates are re-ordered by ``cosine + 0.5 × coverage + 0.02 / (1 + fused rank)``:
a source that holds the question's rare words beats one that is only close in meaning.
Weights chosen by hit@1 on the hand-written set, on a plateau (0.5–1.0, 0–0.05) rather
than a peak (docs/evaluation.md)."""
PASSAGE_COVERAGE = 0.75
"""Share of the question's words a sentence's whole passage must hold when the sentence
alone holds too few: nearly all of it, so a passage that shares only the question's
common words ("risk assessment") does not lend its subject to a sentence."""
KPI_MARGIN = 0.15
"""An indicator this close (cosine, and coverage of the question) below a prose sentence still answers a figure question."""


def relevant(floor: float, scope: Scope, query: Query, candidates: list[Candidate]) -> bool:
    """Do the documents cover this question at all?

    The best candidates must be close in meaning (cosine over the floor) *and*
    share the question's rarer words, unless very close; a period the question
    names (a year, a quarter) must be one the documents cover; and a council it names
    must be one some document speaks of.
    """
    if not candidates or unknown_body(scope.terms, query.text, scope.publishers):
        return False
    if not periods_known(scope, query, candidates[0]):
        return False
    if candidates[0].named and candidates[0].node.is_row:
        return True  # the row and column the question names (row_lookup): figures, few words
    best = max(c.cosine for c in candidates[:5])
    if best < floor:
        return False
    return (
        coverage(scope, query, candidates[:3]) >= COVERAGE_FLOOR
        or best >= floor + STRONG_MATCH
        or (best >= floor + SHORT_FORM_MATCH and short_form_held(scope, query, candidates[:3]))
    )


SHORT_FORM_MATCH = 0.2
"""Cosine this far above the floor answers when a best source prints a rare short form
the question uses: "how much did we knock off the bus pass (ENCTS) budget" shares few
words with "ENCTS journeys have reduced … a £3.4m reduction", but "ENCTS" names it."""
RARE_SHARE = 0.005
"""A short form printed in at most this share of the sources (or in one) names one subject."""
_SHORT_FORM = re.compile(r"\b[A-Z][A-Z0-9&]{2,}(?=s?\b)")


def short_form_held(scope: Scope, query: Query, candidates: list[Candidate]) -> bool:
    """Does one of the sources print a rare short form of the question ("ENCTS", "LEVI")?"""
    for form in set(_SHORT_FORM.findall(query.text)):
        stems = content_stems(form)
        if not stems or any(
            scope.terms.df.get(stem, 0) > max(1.0, RARE_SHARE * scope.terms.n_docs)
            for stem in stems
        ):
            continue
        printed = re.compile(rf"\b{re.escape(form)}s?\b")
        if any(printed.search(c.node.text) for c in candidates):
            return True
    return False


def rerank(scope: Scope, query: Query, candidates: list[Candidate]) -> list[Candidate]:
    """Fused order, refined by how much of the question each source holds."""
    asked = content_stems(query.text)
    scored = [
        (
            c.cosine
            + RERANK_COVERAGE * scope.terms.coverage(asked, node_stems(c))
            + RERANK_PRIOR / (1 + rank),
            -rank,
            c,
        )
        for rank, c in enumerate(candidates)
    ]
    ranked = sorted(scored, key=lambda t: (t[0], t[1]), reverse=True)
    order = [c for *_, c in ranked]
    # Two items closer than the fused rank's own prior are a tie: the one whose name
    # holds fewer words the question does not ask leads ("physically active adults",
    # not "physically fairly active adults").
    if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < RERANK_PRIOR:
        first, second = order[0], order[1]
        if (
            first.node.is_item
            and second.node.is_item
            and _unasked(scope, asked, second) < _unasked(scope, asked, first)
        ):
            order[0], order[1] = second, first
    return order


def _unasked(scope: Scope, asked: set[str], candidate: Candidate) -> float:
    """Share (by idf) of an item's name that the question does not hold."""
    named = content_stems(candidate.node.item().commitment) - scope.terms.places
    return 1.0 - scope.terms.coverage(named, asked) if named else 0.0


def coverage(scope: Scope, query: Query, candidates: list[Candidate]) -> float:
    # A financial year as the question writes it ("2025/26") or as tables do ("2025-26"),
    # and "the three-year plan" as the question writes it or as titles do ("3 Year Plan").
    # And the question without its hedges and the day it names ("how are fees supposed to
    # be reviewed under the 13 feb budget recommendations"): a meeting's day is the
    # paper's date, not a word its sentences print.
    texts = (
        query.text,
        financial_years(query.text),
        one_way(query.text),
        _DAY.sub(" ", subject_text(query.text)),
    )
    asks = {frozenset(content_stems(t)) for t in texts}
    return max(
        (
            scope.terms.coverage(set(a), node_stems(c) | _title_one_way(c))
            for c in candidates
            for a in asks
        ),
        default=0.0,
    )


_DAY = re.compile(
    rf"\b(?:on\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_PATTERN}\b\.?(?:\s+(?:19|20)\d\d)?"
    r"|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b",
    re.I,
)
"""A day a question names ("13 feb", "30th January 2025", "4/3/25")."""


def _title_one_way(candidate: Candidate) -> set[str]:
    """The stems of the source's document title with its counts and compounds written
    one way ("3 Year Revenue Plan" → "three year revenue plan")."""
    return content_stems(one_way(candidate.node.metadata.get("document_title", "") or ""))


def periods_known(scope: Scope, query: Query, top: Candidate | None = None) -> bool:
    """Every quarter the question names is one a document covers, and every year is
    one a document covers (or, with ``top``, one the best source mentions)."""
    labels = scope.period_labels
    if top is not None and not year_ranges_held(query.text, top):
        return False
    if not all(
        re.search(rf"\b{q}\b|quarter {q[1]}", labels, re.I)
        or (top is not None and quarter_printed(q[1], top.node.text))
        for q in query.quarters
    ):
        return False  # "in q1": a paper of that quarter, or a source that speaks of it
    return all(
        year in scope.known_years or (top is not None and year in top.node.text)
        for year in query.years
    )


# --- answer kinds ---------------------------------------------------------------


TOPIC_REACH = 3
"""Passages either side of a sentence's own where the subject it answers on may be named."""


def _ask_after_topic(scope: Scope, question: str, node: StoredNode, context: str) -> str:
    """What a sentence must answer of a question: all of it, or, when the question names
    its subject before a dash and the sentence's paper names that subject nearby
    (``TOPIC_REACH`` passages, the heading and title in ``context``), the part after the
    dash."""
    split = fronted(question)
    if split is None:
        return question
    near = f"{context} {node.text} {passages_near(scope, node, TOPIC_REACH)}"
    topic = base_forms(content_stems(split[0]))
    held = base_forms(with_joined(joined_words(question), content_stems(near)))
    if scope.terms.coverage(topic, held) < COVERAGE_FLOOR:
        return question
    return split[1]


def evidence_on_topic(floor: float, scope: Scope, query: Query, evidence: Evidence) -> bool:
    """The chosen sentence (with its item and document) must hold the question's
    rarer words, and any year the documents do not cover."""
    if not periods_known(scope, query, evidence.candidate):
        return False
    node = evidence.candidate.node
    meta = node.metadata
    passage = node.passage().text if not (node.is_item or node.is_row) else ""
    label = value_label(evidence.sentence, passage, meta.get("section", "") or "")
    if label is not None and not label_fits(query.text, label):
        return False  # "In less than 3 months" of the data collection, not its retention
    subject = node.item().commitment if node.is_item else ""
    context = f"{evidence.sentence} {subject} {meta.get('section', '')} {meta.get('document_title', '')} {meta.get('document_period', '')}"
    asked = content_stems(query.text)
    if not same_place(scope, asked, node, context):
        return False
    if not months_held(query.text, f"{context} {node.text}"):
        return False  # "in april 2025" over a table whose months stop at March
    if not sentence_year_fits(query.text, evidence.sentence):
        return False  # "the national % for 2024/25": not "the proportion in 2023/24 …"
    before = passage_before(scope, node)
    if not names_held(scope, query.text, f"{context} {node.text} {before}"):
        return False  # "excluded in eastbay": not the whole county's figure
    if evidence.candidate.named and node.is_row:
        return True  # the row and column the question names (row_lookup), its asides apart
    if node.is_row and not row_fits(scope, query.text, node.row()):
        return False  # "parking calls" is not the "Driver improvement" row; "GET" not a total
    if not subject_held(
        scope.terms,
        query.text,
        f"{evidence.sentence} {subject} {meta.get('section', '')} {meta.get('document_title', '')}",
    ):
        return False
    # "cllr x's motion on rent bills - when did the review start?": the motion is named
    # near the sentence, and the sentence may answer only the rest
    ask = _ask_after_topic(scope, query.text, node, context)
    held = with_joined(joined_words(query.text), content_stems(context)) | spelt_out(
        context, query.text
    )  # "EES": "entry/exit system"; "Drawdowns": "drawn down"
    coverage = max(
        measure
        for asked_text in {query.text, ask}
        for measure in (
            scope.terms.coverage(base_forms(content_stems(asked_text)), base_forms(held)),
            scope.terms.coverage(
                content_stems(one_way(asked_text)), content_stems(one_way(context))
            ),
            # what the question is about, without the words asking for its kind of value
            # ("what time … meant to finish"), its days written as the papers write them
            scope.terms.coverage(
                content_stems(subject_text(asked_text)), content_stems(normal_days(context))
            ),
        )
    )  # "the three-year plan" of the "3 Year Plan"
    if coverage >= COVERAGE_FLOOR or evidence.candidate.cosine >= floor + STRONG_MATCH:
        return True
    if evidence.candidate.cosine >= floor + SHORT_FORM_MATCH and short_form_held(
        scope, query, [evidence.candidate]
    ):
        return True  # "ENCTS": the subject named by its short form, the rest in other words
    # A sentence of a passage about the subject ("Reduce the reserve … to fund these
    # cameras" in the amendment on fly tipping): the passage holds the rest.
    passage = f"{context} {node.text} {before}"
    return bool(asked & content_stems(evidence.sentence)) and (
        max(
            scope.terms.coverage(base_forms(asked), base_forms(content_stems(passage))),
            scope.terms.coverage(
                content_stems(subject_text(query.text)), content_stems(normal_days(passage))
            ),
        )
        >= PASSAGE_COVERAGE
    )


def names_held(scope: Scope, question: str, text: str) -> bool:
    """Every place the question names as where (a word the papers print only as a name,
    ``Scope.proper_words``, after "in" or "at") is in ``text``, the publishers' own names
    apart (``same_place`` judges those)."""
    own = scope.terms.places | scope.publishers
    held = set(re.findall(r"[a-z]+", text.lower()))
    return all(
        word in held
        for word in _WHERE_NAMED.findall(question.lower())
        if word in scope.proper_words and word not in own
    )


_WHERE_NAMED = re.compile(r"\b(?:in|at|within|across)\s+([a-z]+)\b")
"""A name the question puts as where ("excluded in eastbay", "the houses at hollowmere"); a
name within a thing's own name ("the northtown business fund") names the thing."""


def same_place(scope: Scope, asked: set[str], node: StoredNode, context: str) -> bool:
    """A question that names where ("Northtown's employment rate") is answered by a paper
    of that council, or by one that speaks of the place: another council's sentence that
    shares the rest of its words ("the latest figures of business rates") is not about it.
    Councils' names weigh nothing in coverage, so this is checked on its own."""
    named = asked & scope.terms.places
    if not named:
        return True
    document = node.metadata.get("plan_document", "")
    publisher = next((d.meta.publisher for d in scope.documents if d.id == document), None)
    if publisher is None:
        return True
    held = place_stems([publisher]) | content_stems(f"{context} {node.text}")
    return bool(named & held)


def item_in_place(scope: Scope, query: Query, candidate: Candidate) -> bool:
    """A place the question names ("northtown's claimant count target") is the item's
    council's, or its paper speaks of it (``same_place``, as for a sentence)."""
    node = candidate.node
    meta = node.metadata
    about = f"{node.item().commitment} {meta.get('section', '')} {meta.get('document_title', '')}"
    return same_place(scope, content_stems(query.text), node, about)


_COUNTS_ITEMS = re.compile(
    r"\b(?:indicators?|kpis?|measures?|metrics?|risks?|commitments?|actions?|items?)\b", re.I
)
"""Counted words that count items themselves, not what an item measures."""


def measured_item(scope: Scope, query: Query, candidates: list[Candidate]) -> Candidate | None:
    """Among the best three sources, an indicator whose values answer a figure question
    and whose name, with its section, holds the question's subject ("how many foster
    households against its target" → "Number of foster households": latest 613, target
    700), in a period the question allows. It answers when no sentence gives the figure
    about the counted thing itself ("613 approved households" does not say foster)."""
    if query.intent != Intent.figure or _COUNTS_ITEMS.search(" ".join(query.counted_words)):
        return None  # "how many poverty indicators are there" counts indicators
    asked = content_stems(query.text)
    for candidate in candidates[:3]:
        node = candidate.node
        if not node.is_item or not answers_figure(query, node.item()):
            continue
        name = f"{node.item().commitment} {node.metadata.get('section', '')}"
        if (
            periods_known(scope, query, candidate)
            and item_in_place(scope, query, candidate)
            and subject_held(scope.terms, query.text, name)
            and scope.terms.coverage(asked, content_stems(name)) >= COVERAGE_FLOOR
        ):
            return candidate
    return None


def states_values(item: PlanItem) -> bool:
    """An item whose row gives measured values (a KPI's latest, a risk's score or
    likelihood, a figure under a column of its own such as an exposure in £m)."""
    if any(item.fields.get(role) for role in ("latest", "score", "likelihood", "impact")):
        return True
    return any(
        value and len(str(value)) <= 20 and re.search(r"\d", str(value))
        for value in item.other_fields.values()
    )


_YEAR_RANGE = re.compile(r"\b((?:19|20)\d{2})\s*[-/–]\s*(?:(?:19|20)(\d{2})|(\d{2}))\b")


def year_ranges_held(question: str, candidate: Candidate) -> bool:
    """A financial year the question names ("2025/26") is one the source, its paper's
    title or its period gives: the 2024/25 target is not "the target for 2025/26"."""
    asked = _year_pairs(question)
    if not asked:
        return True
    meta = candidate.node.metadata
    held = (
        f"{candidate.node.text} {meta.get('document_title', '')} {meta.get('document_period', '')}"
    )
    return asked <= _year_pairs(held)


def sentence_year_fits(question: str, sentence: str) -> bool:
    """A sentence that gives its figure for financial years, none of them the one the
    question asks for, does not answer it, whatever its paper's period."""
    asked = [_span(pair) for pair in _year_pairs(question)]
    said = [_span(pair) for pair in _year_pairs(sentence)]
    if not (asked and said) or not _year_of_figure(sentence):
        return True  # "to balance the 2022-23 budget" names a year, not its figure's
    # a plan's years ("2022-2028") hold each year within them
    return any(s[0] <= a[0] and a[1] <= s[1] for a in asked for s in said)


FIGURE_NEAR = 4
"""Words between a financial year and the figure it dates ("in 2023/24 of 29%")."""
_DATING = frozenset({"in", "for", "during", "of"})
"""Words before a year that date a figure by it ("in 2023/24"); "the 2022-23 budget"
names a budget."""
_FIGURE = re.compile(r"^[£€$]?\d[\d,.]*(?:%|m|k|bn)?$")


def _year_of_figure(sentence: str) -> bool:
    """Does a financial year, put as the time of something ("in 2023/24"), stand beside a
    figure it dates ("The proportion in 2023/24 of 29%")?"""
    words = sentence.replace("(", " ").replace(")", " ").split()
    years = [
        n
        for n, w in enumerate(words)
        if _YEAR_RANGE.search(w) and n > 0 and words[n - 1].lower() in _DATING
    ]
    figures = [
        n
        for n, w in enumerate(words)
        if _FIGURE.match(w.strip(".,;:")) and not _YEAR_RANGE.search(w)
    ]
    return any(abs(y - f) <= FIGURE_NEAR for y in years for f in figures)


def _span(pair: tuple[str, str]) -> tuple[int, int]:
    """("2024", "25") → (2024, 2025); ("2022", "28") → (2022, 2028)."""
    start = int(pair[0])
    end = start // 100 * 100 + int(pair[1][-2:])
    return start, end if end >= start else end + 100


def _year_pairs(text: str) -> set[tuple[str, str]]:
    return {(m.group(1), m.group(2) or m.group(3)) for m in _YEAR_RANGE.finditer(text)}


def answers_figure(query: Query, item: PlanItem) -> bool:
    """An item whose values answer a figure question: it states values, and a "how
    many" question is not answered by a rate ("how many incidents…" is not "96%")
    unless it asks for one ("… as a percentage")."""
    if not states_values(item):
        return False
    latest = str(item.fields.get("latest") or item.fields.get("score") or "")
    asks_sum = asks_money(query.text)
    sum_given = asks_sum and (states_money(latest) or _money_column(item))
    if (
        item.kind == ItemKind.risk
        and not sum_given
        and not _RISK_MEASURE.search(_REGISTER.sub(" ", query.text))
        and (HOW_MANY.search(query.text) or not _figure_told(query.text, item))
    ):
        return False  # "how many bus journeys were made": not the journeys risk's likelihood
    if asks_sum and not sum_given and not _share_asked(query.text, item):
        return False  # "how much did the repairs cost" is not answered by "94%"
    return not (
        HOW_MANY.search(query.text)
        and latest.strip().endswith("%")
        and not _ASKS_RATE.search(query.text)
    )


_REGISTER = re.compile(r"\brisk\s+registers?\b", re.I)
_RISK_MEASURE = re.compile(
    r"\b(?:risks?|likelihood|likely|impacts?|scored?|scores|ratings?|rated|exposures?|exposed|"
    r"probability|severity|target)\b",
    re.I,
)
"""What a risk's own figures measure: a question about a risk's likelihood, impact, score or
exposure is answered by them; one that names a register only to say where to look
("what vacancy rate does the risk register give") asks for another figure."""


def _figure_told(question: str, item: PlanItem) -> bool:
    """Does a sentence the item tells (its cause, its event, its update) give a figure, not
    a year, beside words the question asks about that the item's name does not hold
    ("vacancy level said to be 1 in 10")?"""
    asked = {
        stem
        for stem in content_stems(_REGISTER.sub(" ", question)) - content_stems(item.commitment)
        if not any(c.isdigit() for c in stem)
    }
    told = [item.update or "", *item.fields.values(), *item.other_fields.values()]
    return any(
        len(asked & content_stems(sentence)) >= TOLD_WORDS
        and re.search(r"\d", _A_YEAR.sub(" ", sentence))
        for text in told
        for sentence in re.split(r"(?<=[.;])\s+", text)
    )


TOLD_WORDS = 2
"""Words of the question a risk's sentence must share beside its figure ("vacancy level")."""
_A_YEAR = re.compile(r"\b(?:19|20)\d{2}(?:\s*[-/–]\s*\d{2,4})?\b")


_ASKS_RATE = re.compile(r"%|\bper ?cent|\bpercentage\b|\bproportion\b|\bshare\b|\brate\b", re.I)
"""A "how many" question that asks for the count as a rate ("how many enquiries come in
online, as a percentage") is answered by one."""


_SHARE_NAME = re.compile(r"^\W*(?:%|per ?cent(?:age)?\b|proportion\b|share\b)", re.I)
"""An indicator named as a share of something ("% of council tax collected …")."""


def _share_asked(question: str, item: PlanItem) -> bool:
    """ "How much council tax does the council collect electronically" asks what the
    indicator "% of council tax collected electronically" measures: the indicator is
    named as a share, and every word of the question that speaks of money is a word of
    that name. "How much did the repairs cost" is not answered by "% of repairs done"."""
    name = item.commitment or ""
    if not _SHARE_NAME.match(name):
        return False
    named = name.lower()
    return all(m.group(0).lower() in named for m in MONEY_WORDS.finditer(question))


def _money_column(item: PlanItem) -> bool:
    """The item has a sum of money under a column of its own: a value in £ or €, or a
    figure under a header in money ("Estimated Annual Financial Exposure £m")."""
    return any(
        value
        and re.search(r"\d", str(value))
        and (states_money(str(value)) or re.search(r"[£€$]", header))
        for header, value in item.other_fields.items()
    )


def node_stems(candidate: Candidate) -> set[str]:
    """Content stems of a source with its document's title and period ("Q2 2017")."""
    meta = candidate.node.metadata
    return content_stems(
        f"{candidate.node.text} {meta.get('document_title', '')} {meta.get('document_period', '')}"
    )


def date_key(node: StoredNode) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", node.metadata.get("document_date", "") or "0"))
