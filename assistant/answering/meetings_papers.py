"""What a meeting's paper says: the sentence of an item's papers that answers a question.

A question that names a committee's meeting and asks what one of its papers says ("how
much extra grant income did the late budget changes paper ask cabinet to approve?", "how
much did the lib dem LEVI amendment want for ev charging?") is answered from the papers
of that agenda item alone, which ``meetings_choose`` has found from the record's listing.
The question is read the way those papers write:

- the words that frame it as a question about a meeting and a paper ("paper", "asked",
  "want", the committee, the date) say where to look, not what the answer holds: the
  sentence is judged on the question's other words, with its paper's title and agenda
  item (which named the paper in the first place);
- an everyday word the papers never use is read as the word they use for it ("extra" as
  "additional", ``meetings_words``), and a short form that begins words of a paper's
  title is read as those words ("lib dem" as "Liberal Democrats");
- asked what another body decided ("what did the scrutiny committee agree …?"), the
  sentence that records that body's decision comes first;
- a sentence that introduces what follows ("… agreed the following motion:") is quoted
  with what follows, though it is the next passage or on the next page.

When no sentence of those papers holds what the question asks for, ``None``: the router
then searches as for any other question, among the same papers first.
"""

from __future__ import annotations

import re

from assistant.answering import relevance
from assistant.answering.asked_terms import names_set_aside
from assistant.answering.evidence import Evidence, best_evidence
from assistant.answering.facts import evidence_answer
from assistant.answering.headed_list import list_under_heading
from assistant.answering.meetings_authors import author_answer
from assistant.answering.meetings_context import (
    first_sentence,
    pointed_at,
    what_follows,
    with_following,
)
from assistant.answering.meetings_cues import DECIDE, WHICH_BODY
from assistant.answering.meetings_everyday import read_as_papers
from assistant.answering.meetings_figures import (
    changed_by_share,
    counted_in_words,
    quarter_fit,
    with_following_figure,
)
from assistant.answering.meetings_lists import lead_in, with_entry_below, with_label_value
from assistant.answering.meetings_rows import header_words, paper_rows, row_columns, with_header
from assistant.answering.meetings_words import (
    ASKS_FIGURE,
    ASKS_OPTIONS,
    ASKS_VOTE,
    BY_BODY,
    FRAMING,
    OFFERS_CHOICE,
    VOTE_OUTCOME,
    counts_with_unit,
    holds_asked_figure,
    negated_as_asked,
    records_decision_of,
    speaker_sections,
)
from assistant.answering.retrieve import Candidate, Search
from assistant.answering.scope import Scope
from assistant.answering.understand import Intent, Query
from assistant.models import Answer, PlanDocument
from indexing.terms import content_stems, scoped_terms

TOP_K = 20
"""Sources of the item's papers read for the answering sentence."""
FOCUS_WEIGHT = 0.5
"""Weight of the share of the question's own subject a sentence holds (its words other
than the paper's title): "the savings target in the budget monitoring report" is the
sentence about the savings target, not the one that names the report."""
WHOLE_FOCUS_BONUS = 0.5
"""A sentence (with the lead-in of its list) holding more words of the question's own
subject than any other, over sentences sharing fewer, however common: "below 3%
considered dangerous" for "what level of general reserves is called dangerous"."""
PREDICATE_BONUS = 1.0
"""A sentence holding what a yes/no question asks of its subject ("… unanimous?"):
the sentence that says whether it is, over those that only name the subject."""
_YES_NO = re.compile(r"^\s*(?:was|were|is|are|did|does|do|has|have|had)\b", re.I)
SPEAKER_BONUS = 0.5
"""A sentence of the minutes' part where the member a question names spoke ("what did
Mr Oakford tell cabinet …"), over one elsewhere sharing the same words."""
ASKED_BONUS = 0.3
"""A sentence of a paper's recommendations ("The Cabinet is asked to: a) To ADOPT …"),
asked what the committee was asked or recommended to do."""
_ASKED_TO = re.compile(r"\basked\s+to\b|\brecommend\w*|\bpropose[sd]?\s+to\b", re.I)
_ASKS_ASKED = re.compile(r"\basked\b|\brecommend(?:ed|s)?\b|\bpropos(?:e|ed|es)\b", re.I)
"""Asks what a committee was asked, recommended or proposed to do (not "the proposals")."""
DECIDED_BONUS = 0.5
"""A sentence recording the decision of the body a question asks about, over sentences
that only share more of its words (the recommendation to the committee it went to)."""


def paper_answer(
    scope: Scope,
    query: Query,
    paper_ids: list[str],
    rest: str,
    ignored: set[str],
    bodies: list[set[str]] | None = None,
) -> Answer | None:
    """The answer from the papers ``paper_ids`` (of one agenda item, or of a meeting),
    or ``None``.

    ``rest`` is the question without its committee and dates; ``ignored`` the stems of
    meeting words ("decided", "agenda") that, like ``FRAMING``, say where to look;
    ``bodies`` the stems of other bodies' names the question asks about.
    """
    papers = sorted(
        (d for d in scope.documents if d.id in set(paper_ids)), key=lambda d: paper_ids.index(d.id)
    )
    if not papers:
        return None
    kind = _KIND.search(query.text)
    same = [d.id for d in papers if _same_kind(kind, _KIND.search(d.meta.title or ""))]
    if same and len(same) < len(papers):
        # "in the updated budget appendix", "according to the minutes": that kind of
        # paper first, the item's other papers only when none of its sentences answers
        if answer := paper_answer(scope, query, same, rest, ignored, bodies):
            return answer
    if (author := author_answer(scope, query, papers)) is not None:
        return author  # "who wrote the late changes report?": its contact details
    vocabulary = set(scoped_terms(scope.store, [d.id for d in papers]).df)
    titles = [t for d in papers for t in (d.meta.title, d.meta.agenda_item or "") if t]
    text = read_as_papers(query.text, vocabulary, titles)
    topic = content_stems(read_as_papers(rest, vocabulary, titles)) - ignored - FRAMING
    if body := WHICH_BODY.search(query.text):  # "which cabinet committee …?": one named so
        topic |= content_stems(body.group(0))
    intent = Intent.figure if ASKS_FIGURE.search(text) else query.intent
    asked = query.model_copy(update={"text": text, "intent": intent})
    from indexing.embedding import embed_one

    search = Search(scope.store, text, embed_one(text), scope.keywords)
    candidates = relevance.rerank(
        scope, asked, search.hybrid(TOP_K, scope.where([d.id for d in papers]))
    )
    if (listed := list_under_heading(scope, query, candidates)) is not None:
        listed.metadata.update({"route": "meetings"})
        return listed  # "what background documents does the report list?"
    focus = topic - _named(topic, titles)
    found = _ranked(scope, asked, candidates, focus, bodies)
    by_id = {d.id: d for d in papers}
    for at, evidence in enumerate(found[:TOP_K]):
        if names_set_aside(query.text, evidence.sentence):
            continue  # "apart from mrs chandler, who spoke": not what she said
        required = (
            evidence.has_required
            or (
                intent == Intent.figure and counts_with_unit(evidence.sentence, query.counted_words)
            )
            or (intent == Intent.who and bool(BY_BODY.search(evidence.sentence)))
            or changed_by_share(text, evidence.sentence)
        )
        if not required or (
            intent == Intent.figure
            and not holds_asked_figure(text, f"{evidence.sentence} {row_columns(evidence)}")
        ):
            continue
        document = by_id.get(evidence.candidate.node.metadata.get("plan_document", ""))
        if document is None:
            continue
        following = what_follows(search, document, evidence)
        if pointed := pointed_at(evidence):  # "This is as a result of …": with what "this" is
            evidence = evidence.model_copy(update={"sentence": f"{pointed} {evidence.sentence}"})
        judged = evidence  # "… agreed the following motion:" is judged with the motion
        if following is not None:
            judged = evidence.model_copy(
                update={"sentence": f"{evidence.sentence} {first_sentence(following)}"}
            )
        if not _on_topic(scope, topic, judged, document):
            continue
        if evidence.candidate.node.is_row:
            evidence = with_header(evidence, paper_rows(scope, document.id), query.text)
        below = with_entry_below(evidence.sentence, evidence.candidate.node.text, topic)
        below = with_label_value(below, evidence.candidate.node.text)
        if below != evidence.sentence:  # "• Adult Social Care": a heading, and its entry
            evidence = evidence.model_copy(update={"sentence": below})
        answer = evidence_answer(query, evidence, _beside(evidence, found[at + 1 : at + 3]))
        if following is not None:
            answer = with_following(answer, following)
        answer.metadata.update({"route": "meetings", "paper": document.id})
        return answer
    return None


BESIDE_MARGIN = 0.15
"""How far below the chosen sentence another of its passage may score and still be quoted
with it (as ``facts.fact_answer`` quotes one)."""


def _beside(chosen: Evidence, following: list[Evidence]) -> list[Evidence]:
    """A second sentence of the chosen one's passage, among the next best ``following``,
    that scores nearly as well and holds
    what is asked ("… smoke-free spaces were due to launch …" / "The project was funded by
    a £1.9 million grant …"): the two together answer what either alone may not."""
    node = chosen.candidate.node.id
    return [
        e
        for e in following
        if e.candidate.node.id == node
        and e.has_required
        and e.score >= chosen.score - BESIDE_MARGIN
        and e.sentence not in chosen.sentence
        and chosen.sentence not in e.sentence
    ][:1]


_KIND = re.compile(r"\b(appendix|appendices|annex(?:es)?|minutes|amendments?)\b", re.I)
"""A kind of paper a question may name the paper by ("the budget appendix", "the cabinet
minutes"), as its title names it ("Appendix 1 - Budget Update", "Minutes of …")."""


def _same_kind(asked: re.Match[str] | None, titled: re.Match[str] | None) -> bool:
    """The two name the same kind of paper ("appendices" and "Appendix 1")."""
    if asked is None or titled is None:
        return False
    return asked.group(1).lower()[:5] == titled.group(1).lower()[:5]


def _named(topic: set[str], titles: list[str]) -> set[str]:
    """The topic's stems that name a paper: those of each title holding two or more."""
    out: set[str] = set()
    for title in titles:
        held = topic & content_stems(title)
        if len(held) >= 2:
            out |= held
    return out


def _ranked(
    scope: Scope,
    asked: Query,
    candidates: list[Candidate],
    focus: set[str],
    bodies: list[set[str]] | None,
) -> list[Evidence]:
    """The sentences best first: ``best_evidence``'s order, with the share (by rarity) of
    the question's own subject they hold — its words other than those naming the paper,
    which every sentence of the paper is about — and, asked what another body decided,
    the sentence recording that body's decision first."""
    found = best_evidence(asked, candidates, limit=TOP_K, known_names=scope.names)
    if asked.intent == Intent.figure:  # "This has been set at £250k."; "Nine KPIs …"
        found = [counted_in_words(with_following_figure(e, asked.text), asked.text) for e in found]
    documents = {d.id: d for d in scope.documents}
    rows = {
        p: paper_rows(scope, p) for p in {_paper_of(e) for e in found if e.candidate.node.is_row}
    }
    held = [
        content_stems(
            f"{e.sentence} {lead_in(e.candidate.node, documents.get(_paper_of(e)))} "
            f"{header_words(e.candidate.node, rows.get(_paper_of(e), []))} {row_columns(e)} "
            f"{e.candidate.node.metadata.get('section') or ''} {pointed_at(e)}"
        )
        for e in found
    ]
    asked_last = _predicate(asked.text) & focus
    how_voted = bool(ASKS_VOTE.search(asked.text))
    options = bool(ASKS_OPTIONS.search(asked.text))
    asked_to = bool(_ASKS_ASKED.search(asked.text))
    leads = {
        id(e): f"{lead_in(e.candidate.node, documents.get(_paper_of(e)))} {_label_above(e)}"
        for e in found
    }
    spoke = speaker_sections(asked.text, [documents[p] for p in {_paper_of(e) for e in found}])
    most = max((len(focus & stems) for stems in held), default=0)
    for e, stems in zip(found, held, strict=True):
        if focus:
            e.score += FOCUS_WEIGHT * scope.terms.coverage(focus, stems)
            if most >= 2 and len(focus & stems) == most:
                e.score += WHOLE_FOCUS_BONUS
        if asked_last and asked_last <= stems:  # "was the vote … unanimous?"
            e.score += PREDICATE_BONUS
        if how_voted and VOTE_OUTCOME.search(e.sentence):  # "how did they vote?"
            e.score += PREDICATE_BONUS
        if negated_as_asked(asked.text, e.sentence):  # "failed to meet the floor standard"
            e.score += PREDICATE_BONUS
        e.score += quarter_fit(asked.text, e.sentence, documents.get(_paper_of(e)))
        if options and OFFERS_CHOICE.search(e.sentence):  # "confirm, amend or rescind"
            e.score += PREDICATE_BONUS
        if asked_to and _ASKED_TO.search(f"{leads[id(e)]} {e.sentence}"):  # "is asked to: a) …"
            e.score += ASKED_BONUS
        if e.candidate.node.metadata.get("section") in spoke:  # "what did mr oakford say"
            e.score += SPEAKER_BONUS
        decides = DECIDE.search(asked.text) or how_voted  # "what did it agree / how did it vote"
        if bodies and decides and records_decision_of(e.sentence, bodies):
            e.score += DECIDED_BONUS
    return sorted(found, key=lambda e: e.score, reverse=True)


def _label_above(evidence: Evidence) -> str:
    """The nearest line above the sentence in its passage that ends with a colon
    ("Decision: Cabinet propose to:" over "• a) To ADOPT …"), or ``""``."""
    node = evidence.candidate.node
    if node.is_item or node.is_row:
        return ""
    lines = node.passage().text.splitlines()
    start = evidence.sentence.strip()[:40]
    at = next((n for n, line in enumerate(lines) if start and start in line), None)
    return next((x for x in reversed(lines[:at]) if x.rstrip().endswith(":")), "") if at else ""


def _predicate(text: str) -> set[str]:
    """The stems of the last word of a yes/no question ("was the vote to refer it
    unanimous?" → "unanimous"): what it asks is true of its subject."""
    if not _YES_NO.match(text):
        return set()
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    return content_stems(words[-1]) if words else set()


def _paper_of(evidence: Evidence) -> str:
    return str(evidence.candidate.node.metadata.get("plan_document", ""))


def _on_topic(scope: Scope, topic: set[str], evidence: Evidence, document: PlanDocument) -> bool:
    """The question names only the paper (its topic is in the title or agenda item); or
    the sentence, with its paper's title, agenda item and section, holds the question's
    topic (weighted by rarity, and two of its words at least when it has two); or the
    sentence holds some of it and its whole source nearly all of it."""
    if not topic:
        return False
    node = evidence.candidate.node
    named = " ".join(
        [document.meta.title, document.meta.agenda_item or "", node.metadata.get("section") or ""]
    )
    sentence = content_stems(evidence.sentence)
    if topic <= content_stems(f"{document.meta.title} {document.meta.agenda_item or ''}"):
        return True  # "what options did cabinet have on the family hubs decision?": the
        # question names only the paper, so each of its sentences is on its subject
    held = sentence | content_stems(named)
    if len(topic) > 1 and len(topic & held) < 2:
        return False  # "savings delivery": a sentence on the "Delivery Plan" is not about it
    if scope.terms.coverage(topic, held) >= relevance.COVERAGE_FLOOR:
        return bool(topic & sentence) or node.is_row
    whole = content_stems(f"{named} {node.text}")
    return bool(topic & sentence) and (
        scope.terms.coverage(topic, whole) >= relevance.PASSAGE_COVERAGE
    )
