"""Questions about a motion or amendment answered from its record in printed minutes
(``motions``): who proposed or seconded it, how its vote went, how many or who voted
for, against or abstained, and how a named member voted.

The motion asked about is the one whose words (its heading, its text, its mover's line)
hold most of the question's subject, weighted by how rare each word is among the
motions; an amendment for a question about an amendment, a motion otherwise. It must
hold most of the subject, or the question is left to the rest of the answering; between
motions holding as much, the one whose item heading holds more, then the one whose own
lines do, then the first (later amendments repeat the words of the one that added them).
A day or year in the question says when the meeting was, not what the motion was about. A question about the votes cast on a motion the minutes
record without a count ("Proposed by …; Seconded by …; And Resolved:"), in minutes that
count no vote, is declined: they say it was resolved, not how many voted for it.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from assistant.answering.citations import on_page_of, quoted_passage_citation
from assistant.answering.motions import NAME, Proposal, proposals
from assistant.answering.responders import held_on_asked_day
from assistant.answering.scope import Scope
from assistant.answering.understand import Query
from assistant.models import Answer, Citation, Passage, PlanDocument
from indexing.terms import content_stems

_ASKS_MOVER = re.compile(
    r"\b(?:who|which\s+(?:councillor|member))\b.*\b(?:propos(?:ed|e)|second(?:ed)?|mov(?:ed|e))\b"
    r"|\b(?:proposer|seconder|mover)\b",
    re.I,
)
_ASKS_VOTE = re.compile(
    r"\bvot(?:e|ed|es|ing)\b|\babst(?:ain|ention)\w*|\bcarried\b"
    r"|\bdid\s+(?:it|(?:the\s+)?(?:[\w'’-]+\s+){0,5}?[\w'’-]+)\s+(?:pass|fail|get\s+through)\b(?!\s+(?:the|a|an|it|on|to)\b)"
    r"|\bwas\s+(?:it|(?:the\s+)?(?:[\w'’-]+\s+){0,5}?[\w'’-]+)\s+(?:passed|defeated|rejected|lost)\b"
    r"|\bwhat\s+happened\s+to\b|\bresult\b|\bfor\s+and\s+against\b"
    r"|\bhow\s+many\s+(?:\w+\s+){0,2}(?:for|against|supported|opposed|backed)\b",
    re.I,
)
"""A vote asked about, also by its sides alone ("how many for and against?", "how many
members supported it") or by what became of it ("did the LEVI amendment pass?")."""
_HOW_MANY = re.compile(r"\bhow\s+many\b|\bnumber\s+of\b|\bcount\b", re.I)
_WHO = re.compile(r"\bwho\b|\bwhich\s+(?:councillors|members)\b|\bnames?\b", re.I)
_SIDE = {
    "Abstain": re.compile(r"\babst(?:ain|ention)\w*", re.I),
    "Against": re.compile(r"\bagainst\b|\bopposed\b", re.I),
    "For": re.compile(r"\bvot\w*\s+for\b|\bin\s+favour\b|\bsupported\b", re.I),
}
_PROCEDURE = content_stems(
    "propose proposed proposer second seconded seconder move moved mover motion amendment "
    "vote voted votes voting abstain abstained abstention count result councillor councillors "
    "member members meeting full county council chairman pass passed carried lost happened "
    "many number favour against support supported say saying said says want wanted wanting "
    "asking called don't dont one only final last"
)
_MONTHS = content_stems(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_DATE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"
    r"|\b(?:19|20)\d\d\b|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b",
    re.I,
)
"""A day, a year or a date in figures: when the meeting was, not what the motion was about."""
_SUBSTANTIVE = re.compile(r"\bsubstantive\s+motion\b", re.I)
"""How minutes put a motion as amended to the vote."""
SHARE = 0.6
"""The share of the subject's (rarity-weighted) words the chosen motion must hold."""


def _proposals(scope: Scope, document: PlanDocument) -> list[Proposal]:
    """The motions and amendments ``document`` records (``motions.proposals``), read once
    per index generation rather than on every question about a vote."""
    key = ("proposals", document.id)
    derived = scope.store.derived
    if key not in derived:
        derived[key] = proposals(document)
    return derived[key]


def motion_answer(scope: Scope, query: Query) -> Answer | None:
    """The answer from the record of the motion the question asks about, a decline for
    votes the minutes did not count, or ``None`` (see the module)."""
    text = query.text
    asking = text.split(" — ", 1)[0]  # a question's part, before the subject it borrows
    mover, vote = bool(_ASKS_MOVER.search(asking)), bool(_ASKS_VOTE.search(asking))
    if not (mover or vote):
        return None
    found = [p for d in scope.documents if held_on_asked_day(d, text) for p in _proposals(scope, d)]
    chosen = _asked(text, found)
    if chosen is None:
        return None
    if (
        vote
        and not chosen.counts
        and (carrier := _amended_vote(chosen, _proposals(scope, chosen.document))) is not None
    ):
        chosen = replace(
            chosen,
            counts=carrier.counts,
            voters=carrier.voters,
            outcome=carrier.outcome,
            outcome_printed=carrier.outcome_printed,
            vote_passage=carrier.vote_passage,
            side_passages=carrier.side_passages,
            vote_text=carrier.vote_text,
            vote_put=carrier.vote_put,
        )
    if vote and not chosen.counts:
        # minutes that count no vote at all say it was resolved, not how many voted; where
        # they count others, this one's count may be under another paragraph's vote
        counted = any(p.counts for p in _proposals(scope, chosen.document))
        asks_count = _HOW_MANY.search(text) or _side(text)
        if not chosen.outcome and not mover and asks_count and not counted:
            return _uncounted(scope, query, chosen)
        if not mover:
            return None  # "was it carried?": the minutes' words after it may say
    quotes = _told(text, chosen, mover, vote)
    citations = [
        c
        for passage, quote in quotes
        if (c := quoted_passage_citation(scope.store, passage, quote)) is not None
    ]
    if len(citations) < len(quotes):
        return None
    if vote and chosen.counts and chosen.vote_text:
        # the answer prints the counts (and the side asked about); its source is the vote
        # as printed, every side's names with it
        printed = " ".join(x for x in (chosen.vote_put, chosen.vote_text) if x)
        citations[-1] = citations[-1].model_copy(update={"quote": printed})
    lines = [f"“{quote}” [{n}]" for n, (_, quote) in enumerate(quotes, start=1)]
    if vote and chosen.counts:  # the counts first, as the vote's quote [n] prints them
        counts = ", ".join(f"{side} {count}" for side, count in chosen.counts.items())
        result = f"; {_outcome(chosen).lower()}" if chosen.outcome else ""
        lines.insert(0, f"Voted: {counts}{result} [{len(quotes)}].")
    marks = " ".join(f"[{n}]" for n in range(1, len(citations) + 1))
    title = chosen.document.meta.title
    return Answer(
        question=text,
        answer="\n".join(lines) + f"\nSource: {title} (minutes) {marks}",
        answered=True,
        intent=query.intent.value,
        citations=citations,
        metadata={"route": "motion", "document": chosen.document.id},
    )


def _told(text: str, chosen: Proposal, mover: bool, vote: bool) -> list[tuple[Passage, str]]:
    """What the answer quotes of the motion, as printed: its mover's line with what was
    moved, and the vote (the sentence putting it, the counts, the names of the side the
    question asks about or a member it names is on, the outcome), each with its passage."""
    quotes: list[tuple[Passage, str]] = []
    if mover or vote or not chosen.counts:  # which motion it was, then how it was voted
        if chosen.words and chosen.words_passage not in (None, chosen.passage):
            quotes.append((chosen.passage, chosen.sentence))  # the words on the next page
            quotes.append((chosen.words_passage, chosen.words))
        else:
            moved = f" “{chosen.words}”" if chosen.words else ""
            quotes.append((chosen.passage, f"{chosen.sentence}{moved}"))
        if chosen.amount and chosen.amount_passage is not None:
            quotes.append((chosen.amount_passage, f"Proposed Amount: {chosen.amount}"))
    if vote and chosen.counts and chosen.vote_passage is not None:
        member = _member(text, chosen)
        side = member[0] if member else _side(text)
        named = (
            side
            if side and (member or (_WHO.search(text) and not _HOW_MANY.search(text)))
            else None
        )
        parts = [chosen.vote_put] if chosen.vote_put else []
        for label, count in chosen.counts.items():
            names = ", ".join(chosen.voters.get(label, [])) if label == named else ""
            parts.append(f"{label} ({count})" + (f" {names}" if names else ""))
        if chosen.outcome:
            parts.append(f"{_outcome(chosen)}.")
        # a vote printed over two pages is cited on the page of the side asked about
        passage = chosen.side_passages.get(side or "", chosen.vote_passage)
        if side in chosen.counts:
            printed = [f"{side} ({chosen.counts[side]})", *chosen.voters.get(side, [])[:2]]
            passage = on_page_of(passage, " ".join(printed))
        quotes.append((passage, " ".join(parts)))
    return quotes


def _outcome(chosen: Proposal) -> str:
    """What became of it, as the minutes print it ("Substantive Motion carried")."""
    return chosen.outcome_printed or f"{chosen.kind.title()} {chosen.outcome}"


def _asked(text: str, found: list[Proposal]) -> Proposal | None:
    """The motion whose words hold the most of the question's subject (see the module)."""
    named = {m.lower() for m in re.findall(r"[A-Za-z'’-]+", " ".join(re.findall(NAME, text)))}
    undated = _DATE.sub(" ", text)
    subject = content_stems(undated) - _PROCEDURE - _MONTHS - content_stems(" ".join(named))
    if not subject or not found:
        return None
    words = [content_stems(f"{p.context} {p.passage.section or ''} {p.vote_put}") for p in found]
    df = {w: sum(w in ws for ws in words) for w in subject}
    # a word no motion holds weighs most: the question is about something they do not say
    weight = {w: math.log((len(found) + 1) / (df[w] + 0.5)) for w in subject}
    total = sum(weight.values()) or 1.0
    amendment = bool(re.search(r"\bamendments?\b", text, re.I))

    # amendments that repeat the motion hold the same stems: the word as asked
    # ("postpone", not the motion's "postponed") tells the one that changed it
    asked_words = {w for w in _words(undated) if content_stems(w) & subject}

    def share(held: set[str]) -> float:
        return sum(weight[w] for w in subject & held) / total

    scored = []
    for n, (proposal, ws) in enumerate(zip(found, words, strict=True)):
        # a vote put on "the substantive motion" is the motion's, though an amendment made it
        as_motion = not amendment and _SUBSTANTIVE.search(proposal.vote_put) is not None
        fits = 1.0 if (proposal.kind == "amendment") == amendment or as_motion else 0.7
        near = content_stems(proposal.near + " " + (proposal.passage.section or ""))
        # on a tie, the first: later amendments repeat the words of the one that added them
        heading = content_stems(proposal.passage.section or "")  # what its item is about
        exact = len(asked_words & _words(f"{proposal.context} {proposal.vote_put}"))
        key = (share(ws) * fits, share(heading), exact, share(near), -n)
        scored.append((key, share(ws), proposal))
    scored.sort(key=lambda s: s[0], reverse=True)
    _, held, chosen = scored[0]
    return chosen if held >= SHARE else None


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z][a-z'’-]+", text.lower()))


def _amended_vote(motion: Proposal, found: list[Proposal]) -> Proposal | None:
    """The later proposal of the same minutes carrying the vote on ``motion`` as amended:
    a motion voted on only after an amendment to it was carried is put to the vote as "the
    substantive motion set out in paragraph <the amendment's>". ``found`` is every
    proposal of those minutes, in print order."""
    if motion.kind != "motion":
        return None
    later = found[found.index(motion) + 1 :] if motion in found else []
    return next(
        (p for p in later if p.counts and _SUBSTANTIVE.search(p.vote_put)),
        None,
    )


def _side(text: str) -> str | None:
    return next((side for side, pattern in _SIDE.items() if pattern.search(text)), None)


def _member(text: str, chosen: Proposal) -> tuple[str, str] | None:
    """The side a member the question names by title and surname is listed under."""
    for match in re.finditer(NAME, text):
        surname = match.group(0).split()[-1].lower()
        for side, names in chosen.voters.items():
            for name in names:
                if surname in re.findall(r"[a-z'’-]+", name.lower()):
                    return side, name
    return None


def _uncounted(scope: Scope, query: Query, chosen: Proposal) -> Answer:
    citation: Citation | None = quoted_passage_citation(
        scope.store, chosen.passage, chosen.sentence
    )
    return Answer(
        question=query.text,
        answer=(
            f"{chosen.document.meta.title} records that {chosen.mover} proposed and {chosen.seconder} "
            f"seconded it, not how many voted for or against it."
        ),
        answered=False,
        intent=query.intent.value,
        citations=[citation] if citation else [],
        metadata={"route": "motion", "declined": "no count of votes"},
    )
