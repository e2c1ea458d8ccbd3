"""Requests for a paper itself: "send me the link to the section 25 statement", "where
can I find the reserves policy?", "is there a copy of the LEVI amendment?".

Such a request asks for the paper, not for a fact in it: the answer is the paper's
name, its meeting and agenda item where it came from a committee system, and its public
address, cited at its first page. The paper is the one whose name holds the most of the
request by the rarity of the words (``TermStats.coverage``, as ``named_papers`` weighs
names), where a paper's name is its title, kind, date, committee and agenda item — so
"the budget risk register from the january cabinet" picks the register of that meeting.
A request may name a paper by its subject ("which paper sets out the three year revenue
plan?", "the document on the late changes to the budget"): where a name holds part of
it, the paper's opening words may complete it; of papers alike, the one of the kind the
request names ("the minutes") is meant, and a paper repeating another (the same appendix
at a later meeting) is given when its own meeting is the one asked for.
Only the asker's own scope is searched: a paper they may not see is never named, and
never counts against another. A request that names no paper clearly enough returns
None, and the question is answered as any other — unless it asks only for an address
("the url of …", "a link to …"): then it is declined, since no other paper's sentence
gives that paper's link.
"""

from __future__ import annotations

import re

from assistant.answering.citations import node_citation, quoted_passage_citation
from assistant.answering.named_papers import MONTH_NAMES, paper_name
from assistant.answering.question_short_forms import sections_spelt
from assistant.answering.scope import Scope
from assistant.answering.understand import Query
from assistant.models import Answer, Citation, Passage, PlanDocument
from assistant.text import number_words, one_line
from indexing.readers.dates import MONTHS
from indexing.terms import content_stems

_DIGIT_SLASH = re.compile(r"(?<=\d)/(?=\d)")
REQUEST_FLOOR = 0.6
"""Share of the request (by idf) a paper's name must hold for the paper to be given."""
REQUEST_LEAD = 0.1
"""How far ahead of the next different name the best must be; else the close ones are
all given (a report and its appendix of one name), up to ``MOST``."""
MOST = 3

_ASKS_FOR_LINK = re.compile(
    r"\b(?:links?|urls?|web\s*address|hyperlink|(?:a|the)\s+copy\s+of|copies\s+of|download|"
    r"point\s+(?:me|us)\s+(?:to|at|towards))\b|"
    r"^\W*(?:is|are|was|were|has|have)\b.*\b(?:published|online|available)\b",
    re.I,
)
"""Words that ask for a paper whatever follows them."""
_ASKS_ADDRESS = re.compile(r"\b(?:links?|urls?|web\s*address|hyperlink|download)\b", re.I)
"""Asks for a paper's address alone, which no sentence of another paper can give."""
_ASKS_WHERE = re.compile(
    r"\b(?:where\s+(?:can|do|could|would|should|might)\s+(?:i|we|one|members?|councillors?)\s+"
    r"(?:find|get|see|read|access|view|open)|where(?:'s|’s|\s+is|\s+are)\s+(?:the|that|this)|"
    r"send\s+(?:me|us|over|through|on)|please\s+send|(?:can|could|may)\s+(?:i|we)\s+"
    r"(?:get|have|see|read)\s+(?:the|a|that|this)|(?:i|we)\s+need\s+(?:the|a|that|this)|"
    r"(?:give|show|find|pass|forward)\s+(?:me|us)\s+(?:the|a|that|this)|"
    r"where\s+(?:is|are)\s+(?:it|they)\b|where\s+(?:can|do|could|would|should)\s+(?:i|we)\s+"
    r"(?:read|look)\s+(?:about|up|for)|(?:which|what)\s+(?:\w+\s+)?(?:papers?|reports?|documents?|"
    r"appendix|appendices)\s+(?:sets?\s+out|has|have|holds?|contains?|covers?|(?:is|was)\s+about|"
    r"deals?\s+with|gives?|lists?|describes?)|(?:^|[—–-]\s*)(?:which|what)\s+(?:papers?|reports?|"
    r"documents?)\s*\?)",
    re.I,
)
"""Words that ask for a paper when the request also names one (below)."""
_PAPER_WORDS = re.compile(
    r"\b(?:reports?|papers?|polic(?:y|ies)|plans?|strateg(?:y|ies)|registers?|minutes|"
    r"records?\s+of\s+decision|decision\s+records?|statements?|responses?|amendments?|"
    r"agendas?|appendix|appendices|documents?|assessments?|forms?)\b",
    re.I,
)
_REQUEST_WORDS = re.compile(
    r"\b(?:links?|urls?|web|address|hyperlink|copy|copies|download|find|send|please|"
    r"need|get|see|read|access|view|open|paper|papers|document|documents|reports?|point|"
    r"give|show|pass|forward|look|published|online|available|anywhere|sets?\s+out|holds?|"
    r"contains?|covers?|deals?\s+with|describes?|went|gone|go(?:es|ing)?|taken|took|presented|"
    r"considered|tabled|submitted|discussed|approved)\b",
    re.I,
)
"""Words of the request itself, which no paper's name is expected to hold."""
_NUMBER_WORDS = number_words(10)
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(_NUMBER_WORDS) + r")\b", re.I)
_SHORT_MONTH = re.compile(
    r"\b(?:"
    + "|".join(m for m, n in MONTHS.items() if len(m) <= 4 and MONTH_NAMES.get(n, m) != m)
    + r")\b",
    re.I,
)
"""A month written short ("the 13 feb council"), read as the month's name."""
_FULL_COUNCIL = re.compile(r"\bfull\s+council\b", re.I)
""""Full council" is the council's own meeting, whatever its committee name says."""
NAME_SHARE = 0.3
"""Share of the request a paper's name must hold itself when its opening words complete
the rest: a request names a paper by its subject, not by its text alone."""
OPENING_CHARS = 400


_KIND_NOUNS = re.compile(
    r"\b(?:reports?|polic(?:y|ies)|plans?|strateg(?:y|ies)|registers?|minutes|statements?|responses?|"
    r"amendments?|agendas?|appendix|appendices|assessments?|forms?|decisions?)\b",
    re.I,
)
"""The kinds of paper a request may name ("the minutes", "the register", "the report"): of
papers that hold the request alike, the one whose title or kind is of that kind is meant
(the report, not its appendix)."""


def asks_for_paper(question: str) -> bool:
    """Whether ``question`` asks for a paper itself rather than for what it says."""
    if _ASKS_FOR_LINK.search(question):
        return True
    return bool(_ASKS_WHERE.search(question) and _PAPER_WORDS.search(question))


_CAPITALS = re.compile(r"\b[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b")
"""A short form written in capitals ("PROD", "PRoD", "EqIA")."""


def _asks_by_title_word(scope: Scope, question: str) -> bool:
    """ "Where's the PROD for …": a request for a paper named by a short form its title
    prints, where the request names no kind of paper ("report", "policy")."""
    if not _ASKS_WHERE.search(question):
        return False
    forms = {m.group(0).lower() for m in _CAPITALS.finditer(question)}
    return bool(forms) and any(
        forms & set(re.findall(r"[a-z]+", d.meta.title.lower())) for d in scope.documents
    )


def request_name(doc: PlanDocument) -> str:
    """What a request may call a paper: its name (``paper_name``) with its committee, its
    meeting's month and its agenda item."""
    meta = doc.meta
    words = [paper_name(doc), meta.committee or "", meta.agenda_item or ""]
    day = meta.meeting_date or ""
    if len(day) >= 7 and day[5:7].isdigit():
        words.append(MONTH_NAMES.get(int(day[5:7]), ""))
    if len(day) == 10 and day[8:10].isdigit():
        words.append(str(int(day[8:10])))  # "the 13 feb budget council"
    return " ".join(w for w in words if w)


def _opening(doc: PlanDocument) -> str:
    """A paper's opening words (its first heading and passages), which say its subject where
    its name is terse ("Cabinet Report 4 March 2025", "24-00115 - PROD" headed "Proposed
    Record of Decision")."""
    return " ".join([*doc.sections[:1], *(p.text for p in doc.passages[:3])])[:OPENING_CHARS]


def _asked(question: str) -> set[str]:
    """The request's content stems, without the words of asking, numbers as figures."""
    text = _NUMBER_WORD.sub(lambda m: _NUMBER_WORDS[m.group(0).lower()], sections_spelt(question))
    text = _SHORT_MONTH.sub(lambda m: MONTH_NAMES[MONTHS[m.group(0).lower()]], text)
    text = _FULL_COUNCIL.sub("council", text)
    return _stems(_REQUEST_WORDS.sub(" ", text))


def _stems(text: str) -> set[str]:
    """Content stems with a number written either way ("24/00115", "24-00115") one term,
    as titles, agenda items and requests write a decision's number each their own way."""
    return content_stems(_DIGIT_SLASH.sub("-", text))


def _score(scope: Scope, asked: set[str], doc: PlanDocument) -> tuple[float, float]:
    """How much of the request the paper's name holds, completed by its opening words
    when the name itself holds ``NAME_SHARE`` of it; and how much its title holds."""
    name = _stems(request_name(doc)) | _short_forms(asked, doc.meta.title)
    score = scope.terms.coverage(asked, name)
    if NAME_SHARE <= score < REQUEST_FLOOR:
        score = scope.terms.coverage(asked, name | _stems(_opening(doc)))
    return score, scope.terms.coverage(asked, _stems(doc.meta.title))


def _short_forms(asked: set[str], title: str) -> set[str]:
    """The request's short words that begin one word of the title ("lib", "dem" of
    "Liberal Democrats"): the title holds them as the request wrote them."""
    words = {w.lower() for w in re.findall(r"[A-Za-z]{6,}", title)}
    return {
        a
        for a in asked
        if a.isalpha() and 3 <= len(a) <= 5 and len({w for w in words if w.startswith(a)}) == 1
    }


def _scored(scope: Scope, question: str) -> list[tuple[float, bool, float, PlanDocument]]:
    """Every paper in scope (repeats too) with its share of the request (``_score``), whether its
    title or kind is of the kind the request names, and its title's share; best first."""
    asked = _asked(question)
    if not asked:
        return []
    kinds = content_stems(" ".join(m.group(0) for m in _KIND_NOUNS.finditer(question)))
    scored = []
    for doc in scope.documents:
        share, title_share = _score(scope, asked, doc)
        own = content_stems(f"{doc.meta.title} {doc.meta.kind.value.replace('_', ' ')}")
        scored.append((share, bool(kinds & own), title_share, doc))
    # A paper repeating another (a reports pack, the same appendix at a later meeting) is
    # given when its own name holds the request better, else the original is.
    return sorted(scored, key=lambda s: (*s[:2], s[3].duplicate_of is None, s[2]), reverse=True)


def requested_papers(scope: Scope, question: str) -> list[PlanDocument]:
    """The papers the request names, best first: none when no name holds
    ``REQUEST_FLOOR`` of it; the one when it leads; else the few closest. A request naming
    an appendix by its letter or number ("appendix J") names no appendix labelled
    otherwise ("Appendix I")."""
    scored = _scored(scope, question)
    if label := _APPENDIX.search(question):
        scored = [s for s in scored if _labelled(s[3], label.group(1))]
    if not scored or scored[0][0] < REQUEST_FLOOR:
        return []
    best = scored[0]
    close = [s for s in scored if s[0] >= best[0] - REQUEST_LEAD]
    if len(close) > 1 and ((best[1] and not close[1][1]) or close[1][2] < best[2] - REQUEST_LEAD):
        return [best[3]]  # its kind or title says what the request asks, the others' do not
    return [s[3] for s in close[:MOST]]


_APPENDIX = re.compile(r"\bappendix\s+([a-z]|\d{1,2})\b", re.I)
"""An appendix named by its label ("appendix J", "appendix 1")."""


def _labelled(doc: PlanDocument, label: str) -> bool:
    """Whether the paper is the appendix of that label, or no appendix by label at all."""
    own = _APPENDIX.search(doc.meta.title)
    return own is None or own.group(1).lower() == label.lower()


def _worded(text: str) -> bool:
    """Whether a passage reads as words (a title, a heading) rather than a run of figures."""
    tokens = text.split()
    return len(tokens) >= 3 and sum(t[:1].isalpha() for t in tokens) * 2 >= len(tokens)


def _first_citation(scope: Scope, doc: PlanDocument) -> Citation | None:
    """The paper cited at its opening words: its first passage in words (a budget
    appendix may open with a row of figures), else its first passage, row or item indexed."""
    opening = doc.passages[:6]
    for passage in [p for p in opening if _worded(p.text)][:1] or opening[:1]:
        citation = quoted_passage_citation(scope.store, passage, one_line(passage.text)[:200])
        if citation is not None:  # a repeat's passages are indexed only as the original's
            return citation
    for node_id in [r.id for r in doc.tables[:1]] + [i.id for i in doc.items[:1]]:
        nodes = scope.store.read([node_id])
        if nodes:
            return node_citation(nodes[0])
    return None


def _listing(scope: Scope, doc: PlanDocument) -> tuple[str, Citation] | None:
    """Where a synced paper was published, in the words of its meeting's record: the
    line that heads the list naming the paper's file ("Papers for item 6 (…) of the
    County Council meeting of 13 February 2025:"), with the record's line listing the
    paper (its title, file and address) cited as printed; None for a paper no record
    lists."""
    if not doc.meta.meeting:
        return None
    named = f"({doc.meta.file})"
    for record in scope.documents:
        if record.id == doc.id or record.meta.meeting != doc.meta.meeting:
            continue
        heading: tuple[Passage, str] | None = None
        for passage in record.passages:
            for line in passage.text.splitlines():
                if line.rstrip().endswith(":"):
                    heading = (passage, line.strip())
                elif named in line and heading is not None:
                    listed = line.strip().lstrip("-•* ").strip()
                    citation = quoted_passage_citation(scope.store, passage, listed)
                    if citation is None:
                        return None
                    words = heading[1].rstrip(":")
                    return words[0].lower() + words[1:], citation
    return None


def paper_request_answer(scope: Scope, query: Query) -> Answer | None:
    """The paper a request asks for, with where it was published and its link; None when
    the question is not such a request or names no paper clearly."""
    if not (asks_for_paper(query.text) or _asks_by_title_word(scope, query.text)):
        return None
    requested = requested_papers(scope, query.text)
    if not requested and _ASKS_ADDRESS.search(query.text):
        # "what's the url of the highways asset management plan?": no paper of that name,
        # so no address to give — not a sentence that mentions its subject
        return Answer(
            question=query.text,
            answer="None of the papers I have is called that, so I have no link to give for it.",
            answered=False,
            intent=query.intent.value,
            metadata={"declined": "no paper of that name"},
        )
    lines: list[str] = []
    citations: list[Citation] = []
    given: list[str] = []
    for doc in requested:
        opening = _first_citation(scope, doc)
        if opening is None:
            continue
        given.append(doc.id)
        listing = _listing(scope, doc)
        if listing is not None:
            where, listed = listing
            citations += [listed, opening]
            line = f"{doc.meta.title}: one of the {where} [{len(citations) - 1}]"
        else:
            citations.append(opening)
            line = f"{doc.meta.title} [{len(citations)}]"
        link = f"\n{doc.meta.url} [{len(citations)}]" if doc.meta.url else ""
        lines.append(line + link)
    if not citations:
        return None
    intro = "The paper you asked for:" if len(lines) == 1 else "The papers that match:"
    return Answer(
        question=query.text,
        answer="\n".join([intro, *lines]),
        answered=True,
        intent=query.intent.value,
        citations=citations,
        metadata={"papers": given},
    )
