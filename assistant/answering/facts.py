"""Fact answers: the sentence or table row that states the figure, date or name asked
for, quoted and cited; and who a person is, from a document's key to initials."""

from __future__ import annotations

import re

from assistant.answering import compose
from assistant.answering.asked_day import on_asked_day
from assistant.answering.asked_fields import unstated_fields
from assistant.answering.asked_next import coming_first, only_past
from assistant.answering.asked_source import without_source
from assistant.answering.asked_subject import normal_days, subject_text
from assistant.answering.asked_terms import holds_asked_terms, without_alone
from assistant.answering.asked_value import asked_value, cue_words, states_value
from assistant.answering.citations import node_citation, source_place, spans_pages
from assistant.answering.counted_numbers import counted_stems
from assistant.answering.decline import decline
from assistant.answering.evidence import Evidence, best_evidence, prose_row, sentence_beside
from assistant.answering.headed_list import list_under_heading
from assistant.answering.named_papers import lead_with_named
from assistant.answering.relevance import COVERAGE_FLOOR, evidence_on_topic, rerank
from assistant.answering.retrieve import Candidate, Search, led_by
from assistant.answering.row_quote import row_quote
from assistant.answering.scope import Scope
from assistant.answering.sentence_fit import LEADS_LIST
from assistant.answering.understand import Intent, Query
from assistant.answering.votes import TALLIED, asks_vote
from assistant.answering.year_words import dated_years
from assistant.models import Answer, Citation, Passage
from assistant.text import quote as quoted
from indexing.readers.dates import MONTH_PATTERN
from indexing.store import StoredNode
from indexing.terms import content_stems, is_english_word

_PROCEDURE = re.compile(
    r"\b(?:propos\w*|second\w*|moved?|mover|vot\w*|carried|pass(?:ed)?|lost|fell|happened)\b",
    re.I,
)
"""Words of a meeting's procedure: who moved a motion, how the vote went."""


def with_neighbours(scope: Scope, query: Query, candidates: list[Candidate]) -> list[Candidate]:
    """Passages read joined with their neighbours, where what answers is printed across
    two or three of them.

    Minutes record a motion in three places: "Mr A proposed, and Mr B seconded the
    following amendment:" ends one passage, the amendment's text is the next, and the
    vote ("For (13) … Against (39) … Amendment lost.") the one after, often cut by a
    page. For a question about who moved something or how its vote went, each of the
    best two passages is also read joined with the passage before it and with the one
    after it, so the subject, the mover and the vote's counts and outcome are read
    together.

    A passage ending by leading into a list ("… based on the following assessed
    levels.") is read joined with the list after it on its page, and a list's passage
    with the one leading into it: "3% to 5% considered too risky" says what is too risky
    only under its lead."""
    procedure = bool(_PROCEDURE.search(query.text))
    out = list(candidates)
    passages = [c for c in candidates[:EVIDENCE_READ] if not c.node.is_item and not c.node.is_row]
    for rank, cand in enumerate(passages):
        doc = scope.document(cand.node.metadata.get("plan_document", ""))
        ids = [p.id for p in doc.passages] if doc is not None else []
        if doc is None or cand.node.id not in ids:
            continue
        at = ids.index(cand.node.id)
        windows = _listed_windows(doc.passages, at)
        if procedure and rank < PROCEDURE_READ:
            # "… seconded the following amendment:" speaks of what follows it: for who
            # moved something only the passages before are read; a vote follows its motion.
            windows += [(at - 2, at + 1), (at - 1, at + 1)]
            if asks_vote(query.text):
                windows += [(at - 1, at + 2), (at, at + 2)]
        runs = [doc.passages[a:b] for a, b in dict.fromkeys(windows) if a >= 0 and b <= len(ids)]
        for run in [r for r in runs if len(r) > 1]:
            first, last = run[0], run[-1]
            passage = first.model_copy(
                update={
                    "text": "\n".join(p.text for p in run),
                    "location": first.location.model_copy(
                        update={"page_end": last.location.page_end or last.location.page}
                    ),
                }
            )
            node = StoredNode(
                id="+".join(p.id for p in run),
                text=passage.text,
                metadata={
                    **cand.node.metadata,
                    "section": passage.section or "",
                    "page": passage.location.page or 0,
                    "passage_json": passage.model_dump_json(),
                },
            )
            out.insert(out.index(cand) + 1, Candidate(node=node, cosine=cand.cosine - 0.02))
    return out


EVIDENCE_READ = 6
"""How many of the best candidates a list's lead or entries are looked for beside."""
PROCEDURE_READ = 2
"""How many of the best passages are read with their neighbours for a motion's mover or vote."""


def _listed_windows(passages: list[Passage], at: int) -> list[tuple[int, int]]:
    """The runs (start, end) joining passage ``at`` to a list it leads into or to the
    passage leading into its list, on the same page."""

    def same_page(a: int, b: int) -> bool:
        return (
            a >= 0 and b < len(passages) and passages[a].location.page == passages[b].location.page
        )

    windows = []
    if same_page(at, at + 1) and LEADS_LIST.search(passages[at].text):
        windows.append((at, at + 2))  # "… based on the following assessed levels." / "• …"
    if same_page(at - 1, at) and LEADS_LIST.search(passages[at - 1].text):
        windows.append((at - 1, at + 1))
    return windows


TIED_SENTENCES = 0.01
"""Sentences whose scores differ by less than this are tied (scores run 0 to about 1.5)."""


def fact_answer(floor: float, scope: Scope, query: Query, candidates: list[Candidate]) -> Answer:
    # "on 30 jan": the minutes of that day, judged without the day's words
    judged, candidates = on_asked_day(scope, query, candidates)
    judged = judged.model_copy(update={"text": without_alone(judged.text)})
    if (listed := list_under_heading(scope, query, candidates)) is not None:
        return listed  # "what docs were attached to the report?": all under "Attached documents"
    candidates = with_neighbours(scope, judged, candidates)
    # "…, according to the ics delivery plan paper": the paper, not what to find in it
    read = judged.model_copy(update={"text": without_source(judged.text)})
    evidence = best_evidence(read, candidates, known_names=scope.names)
    fitting = [e for e in evidence if e.has_required and _holds_asked(query, e)]
    fitting = lead_with_named(floor, scope, judged, fitting)  # "the family hubs decision"
    fitting = coming_first(query, fitting)  # "when is the next meeting": not the last one
    if not fitting:
        why = "no sentence holds the value asked" if evidence else "no sentence found"
        return decline(query, candidates, subject_found=bool(evidence), reason=why)
    if not evidence_on_topic(floor, scope, judged, fitting[0]):
        # sentences scored alike are a tie the scorer cannot break: the one on topic leads
        tied = [e for e in fitting[1:3] if e.score >= fitting[0].score - TIED_SENTENCES]
        on_topic = next((e for e in tied if evidence_on_topic(floor, scope, judged, e)), None)
        if on_topic is None:
            return decline(query, candidates, subject_found=True, reason="best sentence off topic")
        fitting = [on_topic] + [e for e in fitting if e is not on_topic]
    fitting = _tie_to_subject(read, fitting)
    voted = _vote_of(query, fitting)
    if voted is not None:
        return evidence_answer(query, *voted)
    if only_past(query, fitting[0].sentence):  # "when's the next cabinet meeting?"
        return decline(query, candidates, subject_found=True, reason="only a past one")
    lead = _goes_on(fitting[0])  # "…(the start of academic year 2025/26);" goes on
    extra = [
        e
        for e in fitting[1:3]
        if e.candidate.node.id == lead.candidate.node.id
        and e.score >= lead.score - 0.15
        and e.sentence not in lead.sentence
        and lead.sentence not in e.sentence  # the lead again, with its introducer
    ][:1]
    extra = extra or _field_sentence(query, lead, evidence) or _other_half(read, lead, fitting)
    return evidence_answer(query, lead, extra)


_WHEN_WORDS = re.compile(
    r"\b(?:(?:quarter|qtr)s?(?:\s+\d)?|q[1-4]|years?|months?|"
    rf"(?<![/\d])(?:19|20)\d{{2}}(?:\s*-\s*\d{{2,4}})?|{MONTH_PATTERN})\b",
    re.I,
)
"""Words that say when ("at quarter 3 of 2024-25"), not what a sentence is about."""


def _tie_to_subject(query: Query, fitting: list[Evidence]) -> list[Evidence]:
    """Of sentences scored alike, the one holding more of the names the question gives (its
    words no dictionary has: a short form, a place) leads:
    "cype underspend at quarter 3 of 2024-25" is answered by "the £9.9m underspend in the
    Children, Young People & Education (CYPE) directorate", not by the overall position
    "as at Quarter 3 of 2024-25", which holds the question's words of when instead."""
    words = re.findall(r"[A-Za-z]{2,}", _WHEN_WORDS.sub(" ", query.text))
    subject = content_stems(" ".join(w for w in words if not is_english_word(w.lower())))
    if not subject:
        return fitting

    def names_held(evidence: Evidence) -> int:
        return len(subject & content_stems(evidence.sentence))

    tied = [e for e in fitting[:3] if e.score >= fitting[0].score - TIED_SENTENCES]
    best = max(tied, key=names_held)
    if names_held(best) <= names_held(fitting[0]):
        return fitting
    return [best] + [e for e in fitting if e is not best]


_REFERS_BACK = re.compile(r"^(?:this|that|these|those|it|they|such)\b", re.I)
"""A sentence that opens by pointing back at the one before it."""
CONTINUATION_WORDS = 40
"""Longest sentence quoted as the one before it goes on."""


def _goes_on(lead: Evidence) -> Evidence:
    """A sentence with the next one of its passage when the paper goes on with it: the
    lead stops at a semicolon before the clause that completes it ("… by September 2025
    (the start of academic year 2025/26); the council has been allocated £5,046,624."), or
    the next sentence points back at it ("A de-minimis limit has been set …" then "This has
    been set at £250k."). Quoted alone, the lead says less than the paper does."""
    node = lead.candidate.node
    if node.is_item or node.is_row:
        return lead
    after = sentence_beside(node.passage().text, lead.sentence, 1)
    completes = lead.sentence.rstrip().endswith(";")
    points_back = bool(_REFERS_BACK.match(after)) and len(after.split()) <= CONTINUATION_WORDS
    if not after or not (completes or points_back):
        return lead
    return lead.model_copy(update={"sentence": f"{lead.sentence.rstrip()} {after}"})


OTHER_HALF = 2
"""Fewest of the question's words, missing from the lead sentence, that another sentence
of its passage must hold to be quoted beside it."""


def _other_half(query: Query, lead: Evidence, fitting: list[Evidence]) -> list[Evidence]:
    """A sentence of the lead's passage that holds what the question asks and the lead
    does not ("which appendices hold the MRP statement and the flexible use of capital
    receipts strategy": "(m) … Capital Receipts Strategy … appendix Q" leads, "(l) The
    Minimum Revenue Provision (MRP) Statement … appendix P" is the other half)."""
    asked = content_stems(query.text)
    lacking = asked - content_stems(lead.sentence)
    done_by = content_stems(" ".join(_WHO_DID.findall(query.text))) & lacking
    return [
        e
        for e in fitting[1:5]
        if e.candidate.node.id == lead.candidate.node.id
        and e.sentence not in lead.sentence
        and lead.sentence not in e.sentence  # neither quotes the other
        and (
            len(lacking & (held := content_stems(e.sentence))) >= OTHER_HALF or bool(done_by & held)
        )
    ][:1]


_WHO_DID = re.compile(r"\bwho\s+(?!is\b|are\b|was\b|were\b|did\b|does\b|do\b)([a-z]+ed)\b", re.I)
"""The deed a who-part asks for ("who hosted it", "who proposed it"): a sentence of the
lead's passage that tells it is the question's other half, however few words it shares."""


def _field_sentence(query: Query, lead: Evidence, evidence: list[Evidence]) -> list[Evidence]:
    """The sentence of the same passage that names a field the question asks and the
    lead sentence does not ("… was 21 children in December 2024." then "This is above
    the target caseload of no more than 18 children"), to be quoted after it."""
    words = [word for _role, word in unstated_fields(query.text, lead.sentence)]
    return [
        e
        for e in evidence
        if words
        and e.candidate.node.id == lead.candidate.node.id
        and e.sentence != lead.sentence
        and any(re.search(rf"\b{re.escape(w)}", e.sentence, re.I) for w in words)
    ][:1]


DEEPER = 20
"""How many sources a when or figure question reads when the first ten give no sentence
that answers it: a report's dated sentence ("agreed by the Corporate Management Team in
November 2024") can rank just below the decision papers that share the title's words."""


def deeper_fact_answer(
    floor: float, scope: Scope, query: Query, search: Search, where: dict | None
) -> Answer | None:
    """The fact answer from the twenty best sources, re-ranked, when it answers. Their
    keyword search adds the words a sentence giving the kind of value asked prints
    ("am pm" for a time: the front sheet's "end by 5.00 pm" shares few words with "what
    time was it meant to finish")."""
    worded = search.with_words(cue_words(query.text))
    found = worded.hybrid(DEEPER, where)
    if query.document_ids and where is None:  # the papers the question names, read deeper too
        named = worded.hybrid(2 * DEEPER, scope.where(query.document_ids))
        found = led_by(named, found)
    deeper = rerank(scope, query, found)
    if (kind := asked_value(query.text)) is not None:
        # only sources that print a value of the kind asked, and are about what the
        # question is about, can answer: the sentence choice reads the best few, which
        # must not be ones that print none (nor a % on another subject, close in meaning)
        about = content_stems(subject_text(query.text))
        deeper = [
            c
            for c in deeper
            if states_value(kind, c.node.text, query.text)
            and scope.terms.coverage(about, content_stems(normal_days(_with_title(c))))
            >= COVERAGE_FLOOR
        ]
    elif counted := counted_stems(query):
        # "how many representations came in": only sources that name what is counted
        deeper = [c for c in deeper if counted <= content_stems(_with_title(c))]
    answer = fact_answer(floor, scope, query, deeper)
    return answer if answer.answered else None


def _with_title(candidate: Candidate) -> str:
    meta = candidate.node.metadata
    return f"{candidate.node.text} {meta.get('document_title', '')} {meta.get('section', '')}"


NAME_MARGIN = 0.2
"""How much more of the question a sentence must hold than an item's name to answer a
figure question the item's values would otherwise answer."""


def sentence_over_item(
    floor: float, scope: Scope, query: Query, candidates: list[Candidate]
) -> Answer | None:
    """A figure question whose best source is an item with values ("High Needs Spending":
    exposure £165m) but whose words are another source's: "if the DSG statutory override
    ends, how big a deficit would we be left with" is answered by the sentence on the
    override that prints the deficit (c£77m), not by a register row whose name holds none
    of the question. The sentence answers when it holds the value asked and clearly more
    of the question than the item's name (with its section) does."""
    item = candidates[0].node
    prose = [c for c in candidates[1:6] if not c.node.is_item]
    if not prose or (query.intent != Intent.figure and asked_value(query.text) is None):
        return None  # a sentence with no figure asked of it ("remains on its floor") is no answer
    asked = content_stems(query.text)
    plan_item = item.item()
    fields = [h for h, v in {**plan_item.fields, **plan_item.other_fields}.items() if v]
    named = scope.terms.coverage(  # its name, section and the fields it fills ("floor")
        asked,
        content_stems(
            f"{plan_item.commitment} {item.metadata.get('section', '')} {' '.join(fields)}"
        ),
    )
    if named >= COVERAGE_FLOOR:
        return None  # the question names the item: its values answer
    answer = fact_answer(floor, scope, query, prose)
    if not answer.answered or not answer.citations:
        return None
    cited = answer.citations[0]
    said = scope.terms.coverage(asked, content_stems(f"{cited.quote} {cited.section or ''}"))
    return answer if said >= named + NAME_MARGIN else None


def _holds_asked(query: Query, evidence: Evidence) -> bool:
    """The sentence names the unit a figure is asked per and the state asked for."""
    node = evidence.candidate.node
    subject = node.item().commitment if node.is_item else node.metadata.get("section") or ""
    return holds_asked_terms(query.text, evidence.sentence, subject)


def _vote_of(query: Query, fitting: list[Evidence]) -> tuple[Evidence, list[Evidence]] | None:
    """ "What happened to the alternative budget?": the best sentence names the motion,
    and the recorded vote that follows it in the minutes says what became of it. The
    two are quoted together from the run of passages that holds both."""
    lead = fitting[0]
    if not asks_vote(query.text) or TALLIED.search(lead.sentence):
        return None
    for e in fitting[1:]:
        node = e.candidate.node
        if not TALLIED.search(e.sentence) or "+" not in node.id:
            continue
        text = node.passage().text
        if lead.sentence in text and text.index(lead.sentence) < text.index(e.sentence[:30]):
            same = lead.model_copy(update={"candidate": e.candidate})
            return same, [e]
    return None


_ASKS_HEADING = re.compile(
    r"\b(?:which|what)\s+(?:agenda\s+)?(?:item|minute)s?\b|\b(?:item|minute)\s+(?:no\b\.?|number)",
    re.I,
)
"""A question for the item or minute something came under."""
_NUMBERED_HEADING = re.compile(r"^\s*(?:item\s+)?\d+[.:)]?\s+\S", re.I)
"""A heading that numbers its item or minute ("Item 6. Capital Programme …", "91. 24/00115 …")."""


def evidence_answer(query: Query, evidence: Evidence, extra: list[Evidence]) -> Answer:
    node = evidence.candidate.node
    if extra and (split := _over_pages(query, evidence, extra[0])) is not None:
        return split
    quote = evidence.sentence if not extra else f"{evidence.sentence} {extra[0].sentence}"
    # "this year vs 2025-26": the columns of the years the paper's date makes them
    day = str(node.metadata.get("meeting_date") or node.metadata.get("document_date") or "")
    asked = dated_years(query.text, day)
    # a form's row whose answer is prose is read, and quoted, sentence by sentence
    tabled = node.is_row and not prose_row(node.row())
    stated = compose.row_values(node.row(), asked) if tabled else quoted(quote)
    if tabled:  # a row is quoted as its page prints it, not as the answer lays it out
        quote = row_quote(node.row(), stated)
    citation = node_citation(node, quote=quote)
    heading = str(node.metadata.get("section") or "")
    if _ASKS_HEADING.search(query.text) and _NUMBERED_HEADING.match(heading):
        # "under which agenda item …", "what minute no. is …": the numbered heading the
        # quote is printed under answers it
        stated = f"Under {compose.one_line(heading)}: {stated}"
    items = [node.item()] if node.is_item else []
    return compose.one_source_answer(query, stated, citation, items)


def _over_pages(query: Query, lead: Evidence, extra: Evidence) -> Answer | None:
    """Two sentences of a passage that runs over a page break, quoted together but cited
    each on the page it is printed on ("… smoke-free spaces were due to launch …" on p. 2,
    "The project was funded by a £1.9 million grant …" on p. 3): a link opens where the
    words are. ``None`` when both are on one page, or the source is a table or an item."""
    node = lead.candidate.node
    if node.is_row or node.is_item or extra.candidate.node.is_row or extra.candidate.node.is_item:
        return None
    if extra.candidate.node.id == node.id and not spans_pages(node.passage().location):
        return None  # one passage on one page: one citation
    first = node_citation(node, quote=lead.sentence)
    second = node_citation(extra.candidate.node, quote=extra.sentence)
    if first.page == second.page:
        return None
    return Answer(
        question=query.text,
        answer=(
            f"{quoted(lead.sentence)} [1] {quoted(extra.sentence)} [2]\n"
            f"Source: {source_place(first)} [1]; {source_place(second)} [2]"
        ),
        answered=True,
        intent=query.intent.value,
        citations=[first, second],
    )


def person_answer(scope: Scope, query: Query) -> Answer:
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
        return decline(query, [], reason="no key to initials names them")
    return Answer(
        question=query.text,
        answer="\n".join(lines),
        answered=True,
        intent=query.intent.value,
        citations=citations,
    )
