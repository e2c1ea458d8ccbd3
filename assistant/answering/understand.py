"""What a question asks: refs, ratings, people, documents/periods, and the intent.

Councillors type "how is 12.1 rated and who owns it?", "which ones are amber",
"what is Cllr Long responsible for", "any news on the rats in the town centre?". Each signal found
here becomes an exact lookup (a Chroma ``where``) before any similarity search, so the
parts of a question that have one right answer are answered exactly.
"""

from __future__ import annotations

import re
from enum import Enum

from pydantic import BaseModel, Field

from assistant.answering.catalogue import Catalogue, catalogue, names_document
from assistant.answering.question_people import people_named
from assistant.answering.rating_words import names_a_subject
from assistant.models import ItemKind, Person, PlanDocument
from assistant.text import number_words
from indexing.ratings import RAG_COLOUR, RATING_WORD, parse_rating
from indexing.terms import content_stems


class Intent(str, Enum):
    status = "status"  # the position of one item: rating, owner, latest update
    list = "list"  # every item matching a filter, with a count
    who = "who"
    when = "when"
    figure = "figure"
    fact = "fact"


class Query(BaseModel):
    """A question, understood."""

    text: str
    intent: Intent
    refs: list[str] = Field(default_factory=list)
    rating: str | None = None
    people: list[Person] = Field(default_factory=list)
    people_role: str | None = None  # owner, director, cabinet_member when the question says which
    document_ids: list[str] = Field(default_factory=list)
    years: list[str] = Field(
        default_factory=list, description="Years or periods named in the question"
    )
    asks_rating: bool = False
    asks_owner: bool = False
    counted_words: list[str] = Field(
        default_factory=list, description="'how many young carers' → young, carers"
    )
    quarters: list[str] = Field(default_factory=list, description="Quarters named: 'Q3'")
    sections: list[tuple[str, str]] = Field(
        default_factory=list, description="(document id, section) named"
    )
    direction: str | None = Field(
        default=None, description="Direction of travel asked for: ↑ ↓ ↔ ↕"
    )
    unrated: bool = Field(default=False, description="Asks for items with no RAG rating")
    kind: ItemKind | None = Field(
        default=None, description="The kind of item a list asks for: KPIs, risks…"
    )
    change: str | None = Field(
        default=None, description="How the rating moved since last period: ↑ ↓"
    )
    from_rating: str | None = Field(
        default=None, description="The previous rating asked for: 'from Green to Amber'"
    )
    about_person: bool = Field(
        default=False, description="Asks who someone is or what their role is"
    )


_DOTTED_REF = re.compile(
    r"(?<![\d.£$])(\d{1,2}\.\d{1,2})(?![\d.]*\d)(?!\s*(?:m\b|k\b|%|million|bn))"
)
_NAMED_REF = re.compile(
    r"\b(?:(?:commitment|item|ref(?:erence)?|number|objective|#)\s*|no(?:\.\s*|\s+))"
    r"(\d{1,3}(?:\.\d{1,2})?)\b",
    re.I,
)
"""A ref the question names by what it is ("commitment 12.1", "no. 4"); "no2" written
whole is a word (nitrogen dioxide), not "number 2"."""
_RATING_WORDS = re.compile(
    rf"\b((?:{RATING_WORD})(?:\s*/\s*(?:{RAG_COLOUR}))?|[RAGC]\s*/\s*[RAGC])\b",
    re.I,
)
_YEAR = re.compile(r"\b((?:19|20)\d{2})(?:\s*/\s*(\d{2,4}))?\b")
_QUARTER = re.compile(r"\bq([1-4])\b|\bquarter\s*([1-4]|one|two|three|four)\b", re.I)
_KINDS: dict[ItemKind, str] = {
    ItemKind.kpi: r"\b(kpis?|indicators?|measures?|performance measures?|metrics?)\b",
    ItemKind.risk: r"\brisks?\b(?! rating)",
    ItemKind.recommendation: r"\brecommendations?\b",
    ItemKind.question: r"\b(members'? questions?|questions? (?:asked|from|by)|asked (?:by|about))\b",
    ItemKind.milestone: r"\bmilestones?\b",
    ItemKind.decision: r"\bdecisions?\b",
}
"""Words that say which kind of item a list question is about ("which KPIs are red?")."""
_CHANGE_FROM_TO = re.compile(
    r"\b(?:moved|went|gone|changed|dropped|slipped|fell|rose|improved)\s+from\s+"
    rf"({RAG_COLOUR}|[RAG])\s+to\s+({RAG_COLOUR}|[RAG])\b",
    re.I,
)
_CHANGE = {
    "↓": r"\b(got worse|worsened|gotten worse|deteriorated|declined|dropped|slipped|fallen|fell|"
    r"(?:worse|lower) rating|rated (?:worse|lower)|downgraded)\b",
    "↑": r"\b(got better|improved|gotten better|risen|(?:better|higher) rating|rated (?:better|higher)|"
    r"upgraded)\b",
}
"""Lists by change of rating since the previous period ("which KPIs got worse since last quarter?")."""
_LIST_CUES = re.compile(
    r"\b(which|list|listed|all the|show me|what are the|how many (?:commitments|items|actions|ones)|"
    r"responsible for|in charge of|what does .+ (?:own|direct|lead|cover)|what is .+ responsible)\b",
    re.I,
)
_ONE_ITEM = re.compile(
    r"^(?!.*\b(?:indicators|kpis|measures|metrics|commitments|actions|objectives|risks|items|"
    r"milestones|ones)\b).*\b(?:the|this|that|its)\s+(?:[\w'’-]+\s+){0,6}?"
    r"(?:indicator|kpi|measure|metric|commitment|action|objective|risk|item|milestone)\b",
    re.I,
)
"""One item named in the singular, and no plural asked for: "which survey does it use for
the physically active adults indicator" asks about that indicator, not for a list of
its section's indicators."""
_STATUS_CUES = re.compile(
    r"\b(latest|progress|update|status|happening|going|news|position|rated|rating|rag|how is|how are|where are we|on track)\b",
    re.I,
)
_WHO_CUES = re.compile(r"\b(who|owner|owns|responsible|cabinet member|director|in charge)\b", re.I)
_SCENE = re.compile(
    r"^\s*(?:when|once|after|before|while|whilst)\s+(?!(?:did|does|do|is|was|were|are|will|"
    r"would|can|could|should|has|have|had)\b)[^,?]+,\s*(?=(?:who|whom|what|which|how|where|"
    r"why|did|does|do|is|was|were)\b)",
    re.I,
)
"""A clause setting the question's scene ("when cabinet adopted the plan, who did it say
…?"): what is asked follows it, so it says nothing of the intent."""
_WHEN_CUES = re.compile(
    r"\b(when|what date|by when|deadline|due|(?<!in )(?<!within )(?<!statutory )timescales?|"
    r"what month|what year|what day)\b",
    re.I,
)
"""A date asked for; "completed in timescale" names a measure, not a when question."""
_AUXILIARY = (
    r"(?:did|does|do|is|was|were|are|will|would|can|could|should|has|have|had|must|may|might)"
)
_OTHER_ASKING = re.compile(r"\b(?:what|who|whom|whose|which|how|why|where)\b", re.I)
_ALSO_WHEN = re.compile(r"\b(?:and|or)\s+(?:by\s+)?when\b", re.I)
"""A question asking why and when ("why was it delayed and when will it open?")."""
_CLAUSE_WHEN = re.compile(rf"\bwhen\s+(?!{_AUXILIARY}\b)", re.I)
"""A "when" that opens a clause of a question asked by another word ("what happens to the
balance when a protocol reaches its end date?"): the clause sets the time, the question
asks what happens."""


def _asks_when(text: str) -> bool:
    asking = _OTHER_ASKING.search(text)
    if asking is not None and asking.group(0).lower() == "why":
        return bool(_ALSO_WHEN.search(text))  # "why's there no due date": a reason, not a date
    if asking is not None:  # the "when"s after the asking word open clauses
        text = text[: asking.end()] + _CLAUSE_WHEN.sub(" ", text[asking.end() :])
    return bool(_WHEN_CUES.search(text))


_FIGURE_CUES = re.compile(
    r"\b(how many|how much|number of|what percentage|percent|what proportion|how big|how long|how often|cost|"
    r"rate|population|total|allowance|salary|average|median|worth|£)\b|%"
    r"|\bin\s+(?:years|months|weeks|days|hours)\s*[?.!]*\s*$",  # "… at birth in years?"
    re.I,
)
_DIRECTIONS = {
    "↑": r"\b(upward|up arrow|improving|getting better|improved)\b",
    "↓": r"\b(downward|down arrow|worsening|getting worse|declining)\b",
    "↔": r"\b(no change|unchanged|sideways|static|flat)\b",
    "↕": r"\b(varies|varying|mixed direction)\b",
}
_UNRATED = re.compile(
    r"\b(no|without|missing|don'?t have a|do not have a|lack a|unrated)\s+(a\s+)?(rag\s+)?(rating|rag)\b|\bunrated\b",
    re.I,
)
_ABOUT_PERSON = re.compile(
    r"\b(who is|who's|who was|job title|job|role|portfolio|position)\b", re.I
)


def _refs(text: str) -> list[str]:
    refs = [m.group(1) for m in _NAMED_REF.finditer(text)]
    for match in _DOTTED_REF.finditer(text):
        ref = match.group(1)
        if ref not in refs and not re.search(rf"{re.escape(ref)}\.\d", text):
            refs.append(ref)
    return refs


def _rating(text: str, documents: list[PlanDocument]) -> str | None:
    """The rating a question filters by; not a rating word of a subject's name."""
    for match in _RATING_WORDS.finditer(text):
        if not names_a_subject(text, match.start(1), match.end(1), documents):
            return parse_rating(match.group(1))
    return None


def _documents(text: str, catalogue: Catalogue) -> tuple[list[str], list[str]]:
    """Documents a question points at by year, quarter or title words; and the years named."""
    years = [m.group(1) for m in _YEAR.finditer(text)]
    lowered = text.lower()
    chosen: list[str] = []
    quarter = _QUARTER.search(text)
    for doc_id, label, doc_years, title_keys in catalogue.labels:
        if (
            years
            and any(y in doc_years for y in years)
            or quarter
            and "quarter" in label
            and (not years or any(y in doc_years for y in years))
            or any(names_document(word, lowered) for word in title_keys)
        ):
            chosen.append(doc_id)
    return list(dict.fromkeys(chosen)), years


def _sections(text: str, catalogue: Catalogue) -> list[tuple[str, str]]:
    """Themes a question names: "the budget section", "cleaner streets commitments", "capacity"."""
    from indexing.terms import content_stems

    asked = content_stems(text)
    positions = sorted({p for stem in asked for p in catalogue.sections_with.get(stem, ())})
    found = []
    for position in positions:
        doc_id, section, stems, needed = catalogue.sections[position]
        if len(stems & asked) >= needed:
            found.append((doc_id, section))
    return found


SECTION_LIST_SPARE = 3
"""How many distinctive words besides its sections' names a question that asks for the
items of a section may hold: "which are the actions under cleaner streets in the Q3
report" holds few; "what are the research units all going to have to include" holds the
subject of a sentence, and a section called "Reply" it happens to share a word with
asks for no list."""
_LIST_WORDS = frozenset(
    content_stems(
        "list listed show items ones commitments actions objectives indicators kpis measures "
        "metrics risks milestones issues section sections theme themes priority priorities "
        "area areas under report quarter rated latest"
    )
)


def _asks_more_than_sections(text: str, sections: list[tuple[str, str]], known: Catalogue) -> bool:
    """Does the question hold more of its own words than a list of sections' items asks?"""
    named = set().union(
        *(stems for doc_id, section, stems, _n in known.sections if (doc_id, section) in sections)
    )
    owners = {doc_id for doc_id, _section in sections}
    titles = content_stems(
        " ".join(label for doc_id, label, *_ in known.labels if doc_id in owners)
    )
    spare = content_stems(text) - named - _LIST_WORDS - titles
    return len(spare) > SECTION_LIST_SPARE


def _intent(
    text: str, refs: list[str], rating: str | None, people: list[Person], filters: bool = False
) -> Intent:
    if filters and not refs:
        return Intent.list
    if _LIST_CUES.search(text) and (rating or people or filters or not refs):
        if (
            rating
            or people
            or filters
            or re.search(r"\b(commitments|items|actions|ones|issues|objectives)\b", text, re.I)
        ):
            return Intent.list
    if people and not refs and not _FIGURE_CUES.search(text) and not _asks_when(text):
        return Intent.who if _ABOUT_PERSON.search(text) else Intent.list
    if refs:
        if _asks_when(text) and not _STATUS_CUES.search(text):
            return Intent.when
        return Intent.status
    if _FIGURE_CUES.search(text):
        return Intent.figure
    if _asks_when(text):
        return Intent.when
    if re.search(r"^\s*(?:who|whose)\b", text, re.I):
        return Intent.who
    if _STATUS_CUES.search(text):
        return Intent.status
    return Intent.fact


def understand(question: str, documents: list[PlanDocument]) -> Query:
    """Find the refs, rating, people, documents and intent in ``question``."""
    text = " ".join(question.split())
    refs = _refs(text)
    rating = _rating(text, documents)
    known = catalogue(documents)
    people = people_named(text, documents, known)
    document_ids, years = _documents(text, known)
    sections = _sections(text, known)
    direction = next(
        (arrow for arrow, cue in _DIRECTIONS.items() if re.search(cue, text, re.I)), None
    )
    unrated = bool(_UNRATED.search(text))
    kind = next((k for k, cue in _KINDS.items() if re.search(cue, text, re.I)), None)
    moved = _CHANGE_FROM_TO.search(text)
    from_rating = parse_rating(moved.group(1)) if moved else None
    if moved:
        rating = parse_rating(moved.group(2))
    change = (
        None
        if moved
        else next((arrow for arrow, cue in _CHANGE.items() if re.search(cue, text, re.I)), None)
    )
    # A section with a list cue or a rating ("what is complete in the budget section")
    # asks for the items that match, not for one passage.
    filters = bool(
        direction
        or unrated
        or (
            sections
            and (
                rating
                or (
                    _LIST_CUES.search(text)
                    and not _ONE_ITEM.search(text)
                    and not _asks_more_than_sections(text, sections, known)
                )
            )
        )
    )
    filters = filters or bool(kind and (rating or change or from_rating) and not refs)
    intent = _intent(_SCENE.sub("", text), refs, rating, people, filters)
    role = None
    if re.search(r"cabinet member|portfolio|councillor responsible", text, re.I):
        role = "cabinet_member"
    elif re.search(r"\bdirector\b|\bdirect\b", text, re.I):
        role = "director"
    elif re.search(r"\bown(?:s|er|ed)?\b", text, re.I):
        role = "owner"
    return Query(
        text=text,
        intent=intent,
        refs=refs,
        rating=rating,
        people=people,
        people_role=role,
        document_ids=document_ids,
        years=years,
        asks_rating=bool(re.search(rf"\b(rated|rating|rag|{RAG_COLOUR})\b", text, re.I)),
        asks_owner=bool(_WHO_CUES.search(text)),
        counted_words=_counted_words(text),
        quarters=[
            f"Q{m.group(1) or _WORD_NUMBERS.get((m.group(2) or '').lower(), m.group(2))}"
            for m in _QUARTER.finditer(text)
        ],
        sections=sections if intent == Intent.list else [],
        direction=direction,
        unrated=unrated,
        kind=kind if intent == Intent.list else None,
        change=change if intent == Intent.list else None,
        from_rating=from_rating,
        about_person=bool(people and intent == Intent.who),
    )


_VERBS = {"came", "went", "go", "come", "attended", "arrived", "joined", "turned", "got", "get"}
_WORD_NUMBERS = number_words(4)


_DETERMINERS = frozenset("the a an this that these those their its our his her my your".split())


_RATE_WORDS = frozenset({"a", "an", "per", "each", "every"})
_RATE_UNITS = frozenset({"day", "week", "month", "quarter", "year", "annum"})
"""After what is counted, its rate ("passengers a year", "visits per month")."""


def _counted_words(text: str) -> list[str]:
    match = re.search(
        r"\bhow (?:many|much)\s+((?:[a-z'’-]+\s*){0,3}?)(?:\b(?:were|are|is|was|did|do|does|have|has|had|will|would|could|should|might|must|can|got|in|on|at|by|for|of|to)\b|[?.!]|$)",
        text.lower(),
    )
    # "how many families used the hub": what is counted, up to its verb
    verb_ends = match is None
    if verb_ends:
        match = re.search(r"\bhow (?:many|much)\s+((?:[a-z'’-]+\s*){1,3})", text.lower())
    if not match:
        return []
    words: list[str] = []
    said = match.group(1).split()
    for at, word in enumerate(said):
        after = said[at + 1] if at + 1 < len(said) else ""
        # "fly tipping incidents": a word in -ing before the noun counted names its kind
        names_kind = word.endswith("ing") and after and after not in _DETERMINERS
        if word in _VERBS or (word.endswith(("ed", "ing")) and words and not names_kind):
            return words  # "how many people commented": the count is of people
        if word in _RATE_WORDS and words and after.rstrip("?.!,") in _RATE_UNITS:
            return words  # "how many passengers a year use …": the count is of passengers
        if word not in {"the", "a", "an", "of"}:
            words.append(word)
    return [] if verb_ends else words
