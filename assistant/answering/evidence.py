"""Choosing the one or two source sentences that answer a fact, figure, date or who question.

A figure question is answered by a sentence that holds a figure *about the thing
asked* ("how many carers" → a number next to "carers"), a date question by a sentence
with a date, and so on. When the best sentence lacks what the question asks for, the
honest answer is that the documents don't give it, however close the subject is
("how much did the one stop shop cost?").
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from assistant.answering import sentence_fit as fit
from assistant.answering.asked_days import without_days_asked
from assistant.answering.asked_value import (
    ValueKind,
    asked_value,
    states_length,
    states_nothing,
    states_value,
)
from assistant.answering.compose import row_name, under_header
from assistant.answering.counted_numbers import HOW_MANY, counted_held
from assistant.answering.counted_numbers import non_year_numbers as _non_year_numbers
from assistant.answering.fronted_topic import fronted
from assistant.answering.retrieve import Candidate
from assistant.answering.understand import Intent, Query
from assistant.answering.votes import procedure_fit, tally
from assistant.answering.who_evidence import NAME, names_a_person, names_role, titled
from assistant.answering.word_forms import joined_words, with_joined
from indexing.model import ItemKind, TableRow
from indexing.terms import content_stems
from indexing.text import sentences as split_sentences

_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_DATE = re.compile(
    rf"\b(?:(?:january|february|march|april|june|july|august|september|october|november|december)\b|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\b|{_MONTHS}\.?\s+(?:19|20)\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}|"
    rf"(?:spring|summer|autumn|winter|end of|early|mid|late)\s+(?:19|20)\d{{2}}|(?:19|20)\d{{2}})\b",
    re.I,
)
_MONEY = re.compile(r"[£€$]\s?\d|\b\d+(?:\.\d+)?\s?(?:k|m|million|bn)\b", re.I)
_SINCE_WHEN = re.compile(r"\bsince\s+when\b", re.I)
_SINCE_DATE = re.compile(
    r"\b(?:since|from|established|founded|formed|created|set\s+up|began|started|existed|"
    r"introduced|launched)\b[^.;]{0,40}?\b(?:1[6-9]|20)\d{2}\b",
    re.I,
)
"""When something began: "had existed since 1889", "was set up in 2022"."""


def sentences(text: str) -> list[str]:
    """The sentences of a source's text that could hold an answer (longer than three characters)."""
    return [p for p in split_sentences(text) if len(p) > 3]


def sentence_beside(text: str, sentence: str, step: int) -> str:
    """The sentence ``step`` places from ``sentence`` in ``text`` (-1 the one before, 1 the
    one after), as ``sentences`` splits it; "" when ``sentence`` is not one of them or has
    no neighbour there."""
    parts = [p.strip() for p in sentences(text) if p.strip()]
    here = sentence.strip()
    if here not in parts:
        return ""
    at = parts.index(here) + step
    return parts[at] if 0 <= at < len(parts) else ""


class Evidence(BaseModel):
    candidate: Candidate
    sentence: str
    score: float
    has_required: bool
    features: dict[str, float] = {}
    """What the score adds up (``SENTENCE_WEIGHTS``), kept so the weights can be refit."""


_TOTAL = re.compile(r"\b(?:total|overall|altogether|combined)\b", re.I)
NAMED_ROW_BONUS = 0.5
"""A row found by the label and column the question names outranks sentences that only
share its subject's words ("Amendment Number: 6" for "the wardens amendment's amount")."""
PERSON_BONUS = 0.6
"""A "who" sentence naming someone by title and surname outranks one with only capitalised words."""
WORD_WEIGHTS = (0.5, 0.5, 0.15)
"""Weights of a sentence's plain share of the question's words, its share by rarity and
its share of the question's word pairs (``sentence_fit``), chosen by measuring the tuning
sets' sentence choices (right 150 times of 189, against 146 with plain shares alone) and
their answers (rarity alone lost one that this mix keeps)."""
REASON_BONUS = 0.3
"""A sentence that gives a reason ("due to", "because") answers a "why" question."""
_ASKS_WHY = re.compile(r"\bwhy(?:'s|’s)?\b|\bwhat(?:'s|’s| is| was)? the reason\b", re.I)
_REASON = re.compile(
    r"\b(?:due to|because|as a result of|owing to|in order to|so that|so as to|reflects?|"
    r"caused by|following|given that|since the|in light of|pending|until)\b",
    re.I,
)
SUM_TOO_BONUS = 0.3
"""A question for a name or a date that asks a sum as well ("who bought it and for how
much") is answered best by the sentence that gives both."""
ASKED_AFTER_WEIGHT = 0.2
"""Of a question naming its subject before a dash, the share (by rarity) of the words after
it that a sentence holds counts again: the subject found the passage, the rest picks the
sentence. Measured on the seen sets' sentence choices: right 398 times of 472 with it,
393 without (0.1: 395, 0.3: 397)."""
TABLED_COST = 0.1
"""A sentence recording what was put before a meeting ("Circulated, report of the
Director …", "Notice of Motion submitted by …", "Members noted the report") names the
subject of what was decided or said, not what was: it loses against the sentences after
it. Measured on the seen sets' sentence choices: right 402 times of 472 with it, 398
without (0.2 and 0.3: 401)."""
_TABLED = re.compile(
    r"^[\W\d]*(?:\(?[a-z]{1,3}\)\s*)?(?:also\s+)?(?:circulated\b|notice of motion\b|"
    r"question submitted\b|i will (?:ask|move)\b|(?:the\s+)?(?:report|paper)\s+"
    r"(?:was|of|sets? out)\b|members\s+(?:noted|received|considered)\b|(?:the\s+)?"
    r"(?:cabinet|committee|council)\s+(?:received|considered)\b)",
    re.I,
)
WINDOW_COST = 0.1
"""Two sentences hold more of any question's words than one; a window must win by more."""


def asks_money(question: str) -> bool:
    """A question for a sum of money ("how much did it cost", "£")."""
    return bool(
        re.search(
            r"\bhow much\b|\bcost\b|\bspen[dt]\b|\bprice\b|\ballowance\b|\bsalary\b|\bworth\b|"
            r"\bvalued at\b|\bvaluation\b|[£€$]|"
            r"\bhow (?:big|large)\b(?=.*\b(?:deficit|surplus|overspend|underspend|shortfall|gap|"
            r"budget|bill|debt|funding|grant|savings?|reserves?|pressure|contribution|income)s?\b)",
            question,
            re.I,
        )
        and not re.search(
            r"\bhow much (?:time|longer|difference|impact|effect|more|less)\b", question, re.I
        )
        and not (
            re.search(r"\bhow much\b", question, re.I)
            and _CHANGE_ASKED.search(question)
            and not MONEY_WORDS.search(question)
        )
    )


_CHANGE_ASKED = re.compile(
    r"\b(?:come|gone|go|went)\s+(?:down|up)\b|\b(?:fall(?:en)?|fell|ris(?:e|en)|rose|increas|"
    r"decreas|reduc|drop|grow|grown|grew|improv|chang|worsen)\w*",
    re.I,
)
"""How much something has changed ("how much has antisocial behaviour come down"): a
change, in whatever unit the measure has, not a sum of money."""
MONEY_WORDS = re.compile(
    r"[£€$]|\b(?:budget|spend\w*|spent|cost\w*|fund\w*|grant|income|saving\w*|price|fees?|pay|"
    r"salar\w*|allowance|worth|reserves?|deficit|overspend|underspend|tax|rates|debt|bill|money|"
    r"cash)\b",
    re.I,
)
"""Words that speak of money: they make a change asked for a change in money ("how much has
the budget gone up"), and a share asked for a share of it ("how much council tax …")."""


def states_money(text: str) -> bool:
    return bool(_MONEY.search(text))


_ASKS_SHARE = re.compile(r"(?:^|\s)%|\bwhat (?:per ?cent|percentage|proportion|share)\b", re.I)
"""A question for a share ("what % of the revenue budget is the overspend") is answered by
a percentage, not by the sum the sentence gives."""


_ASKS_WHEN = re.compile(r"\s*(?:when|on what date|what date)\b", re.I)
"""A date asked for ("when was it frozen?")."""
_TIME_UNIT = re.compile(r"\b(?:minute|hour|day|week|month|year|quarter)s?\b", re.I)
_LENGTH = re.compile(
    r"\b\d+(?:\.\d+)?\s*(?:minute|hour|day|week|month|year)s?\b(?!\s+(?:old|of age))", re.I
)
"""A length of time ("within 8 weeks"): what a "how many" question that counts no unit of
time does not ask for."""
_PER_CENT = re.compile(r"\b\d+(?:\.\d+)?\s?per ?cent\b", re.I)


def _requirement(
    query: Query, sentence: str, known_names: frozenset[str] = frozenset(), subject: str = ""
) -> bool:
    """Does the sentence hold the kind of thing the question asks for?

    ``subject`` is what the sentence is about when it comes from an item's update or
    reply (the item's own title or question): "226 units" in the reply to "how many
    vacant council properties…" counts vacant council properties.

    Whatever the intent, a question for a share, a time, a length of time, an id or a
    name (``asked_value``) needs a sentence that prints one."""
    lowered = sentence.lower()
    kind = asked_value(query.text)
    if kind is not None and not states_value(kind, sentence, query.text, subject):
        return False
    if kind is ValueKind.duration and states_length(sentence):
        return True  # "how long …": "for 12 months" is the value, not a count of something
    if kind is ValueKind.frequency:
        return True  # "how often do they meet": "on a monthly basis", not a count
    if query.intent == Intent.figure or HOW_MANY.search(query.text):
        if _ASKS_WHEN.match(query.text) and _DATE.search(sentence):
            return True  # "when was the small business rate multiplier frozen?": a date
        if asks_money(query.text):
            return bool(_MONEY.search(sentence))
        # A number the question itself gives ("within 2 hours") is not the figure asked for.
        given = {re.sub(r"[^\d.]", "", n) for n in _non_year_numbers(query.text)}
        how_many = bool(HOW_MANY.search(query.text))
        # "how many needed a review" counts no unit of time: "within 8 weeks" is no count
        read = (
            _LENGTH.sub(" ", sentence)
            if how_many and not _TIME_UNIT.search(query.text)
            else sentence
        )
        counts = [n for n in _non_year_numbers(read) if re.sub(r"[^\d.]", "", n) not in given]
        if how_many:
            counts = [n for n in counts if not _MONEY.match(n)]  # "how many cameras" is not "£50k"
        if _ASKS_SHARE.search(query.text):
            # "what % of …" is not "£23.3m", nor "four years": a share is printed as one
            shares = [n for n in counts if n.endswith("%")] or _PER_CENT.findall(sentence)
            return bool(shares) and counted_held(query, sentence, subject)
        if not counts and not re.search(
            r"\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|hundred|thousand)\b",
            lowered,
        ):
            return False
        return counted_held(query, sentence, subject)
    if query.intent == Intent.when:
        if _SINCE_WHEN.search(query.text):  # "around since when?": when it began
            return bool(_SINCE_DATE.search(sentence))
        # A date that only repeats the question's own year or day ("the 13 february
        # meeting" / "Thursday, 13th February") is not an answer to "when".
        return any(
            d.group(0) not in query.text
            for d in _DATE.finditer(without_days_asked(query.text, sentence))
        )
    if query.intent == Intent.who:
        asked = query.text.lower()
        names = [
            n for n in NAME.findall(sentence) if not all(w.lower() in asked for w in n.split())
        ]
        if names_a_person(sentence, query.text):
            return True  # "Led by the Chief Executive", "Mr Gough proposed": a post or a name
        return any(n.replace("Cllr ", "") in known_names for n in names) or bool(
            names and not known_names
        )
    return True


def best_evidence(
    query: Query,
    candidates: list[Candidate],
    limit: int = 6,
    known_names: frozenset[str] = frozenset(),
) -> list[Evidence]:
    """Sentences (and two-sentence windows) from the top candidates, best first,
    scored by the question's words they hold, plainly and by rarity, its word pairs
    (``sentence_fit``), the passage's closeness and rank, and whether they hold the kind
    of thing asked.

    ``known_names`` (people in the documents' keys) tell a person from a capitalised
    phrase such as "Self Assessment" when the question asks who.
    """
    wanted = content_stems(query.text)
    pieces: list[tuple[int, Candidate, str, bool, bool]] = []  # rank, source, text, holds, window
    for rank, cand in enumerate(candidates[:limit]):
        # What the sentences count: an item's title, a passage's heading ("Primary School
        # Commissioning Intentions: A total of 44.9FE…").
        node = cand.node
        subject = node.item().commitment if node.is_item else node.metadata.get("section") or ""
        text = _candidate_text(cand, wanted)
        asked_only = _asked_sentences(cand, query)
        # A table row is one statement: its cells stay together ("Cabinet Member: …;
        # Corporate Director: …").
        said = [text] if node.is_row and not prose_row(node.row()) else sentences(text)
        blank = node.is_row and states_nothing(node.row())  # a form's field left empty
        holds = [
            not blank and s not in asked_only and _requirement(query, s, known_names, subject)
            for s in said
        ]
        pieces += [(rank, cand, s, h, False) for s, h in zip(said, holds, strict=True)]
        pieces += [  # a figure read with the line above that names what it counts
            (rank, cand, f"{prev} {s}", True, True)
            for prev, s in fit.windows(said, holds, wanted)
            if prev not in asked_only and _requirement(query, s, known_names, f"{subject} {prev}")
        ]
        if query.counted_words:  # "5,822 concerns" counts what the sentence before names
            pieces += [
                (rank, cand, f"{said[i - 1]} {said[i]}", True, True)
                for i in range(1, len(said))
                if not holds[i]
                and not holds[i - 1]
                and said[i - 1] not in asked_only
                and counts_bare(said[i], query.counted_words[-1])
                and _requirement(query, said[i], known_names, f"{subject} {said[i - 1]}")
            ]
    weights = fit.rarity(wanted, [p[2] for p in pieces])
    pairs = fit.word_pairs(query.text)
    asks_why = bool(_ASKS_WHY.search(query.text))
    sum_too = query.intent != Intent.figure and asks_money(query.text)
    found: list[Evidence] = []
    joined = joined_words(query.text)
    split = fronted(query.text)  # "the rent bills motion - when did the review start?"
    asked_after = content_stems(split[1]) if split else set()
    ask_weights = {stem: w for stem, w in weights.items() if stem in asked_after}
    for rank, cand, sentence, required, window in pieces:
        stems = with_joined(joined, fit.stems(sentence))  # "Drawdowns" holds "drawn down"
        row = cand.node.is_row
        features = {
            "plain": len(fit.matched(wanted, stems)) / max(1, len(wanted)),
            "rare": fit.weighted_overlap(weights, stems),
            "paired": fit.pair_share(pairs, sentence),
            "cosine": cand.cosine,
            "rank": 1 / (1 + rank),
            "required": float(required),
            "window": float(window),
            # "Mr Gough (Chairman)" over "Sessions House, County Hall"
            "person": float(
                required and query.intent == Intent.who and titled(sentence, query.text)
            ),
            # "Proposed Amount" heads a form's field, not a motion
            "procedure": 0.0 if row else procedure_fit(query.text, sentence),
            # "why's there no due date": "… removed due to EES being postponed"
            "reason": float(asks_why and bool(_REASON.search(sentence))),
            "named": float(cand.named),
            # one figure asked, none of its years: not a row of years
            "period_row": float(not cand.named and row and _by_period(cand.node.row(), query.text)),
            # "Cabinet Member: Dylan Jeffrey" for "who is the cabinet member"
            "role": float(required and names_role(query, sentence)),
            # "who did they sell it to and for what price": the sentence with the sum too
            "sum_too": float(required and sum_too and states_money(sentence)),
            # "Circulated, report of the Director …": what was before the meeting
            "tabled": float(bool(_TABLED.match(sentence))),
            # the words of what is asked, after a subject named before a dash
            "asked_after": fit.weighted_overlap(ask_weights, stems),  # 0 with no dash
        }
        score = sum(SENTENCE_WEIGHTS[name] * value for name, value in features.items())
        found.append(
            Evidence(
                candidate=cand,
                sentence=sentence,
                score=score,
                has_required=required,
                features=features,
            )
        )
    if _TOTAL.search(query.text):
        _totals_first(found)
    found.sort(key=lambda e: e.score, reverse=True)
    return found


PERIOD_ROW_COST = 0.3
"""What a row of figures by year loses against sentences when the question names none of
its years:
asked "how many forms of entry does the plan call for", "A total of 38FE across the Plan
period" answers, the row of 2FE, 0FE, 10FE … by year does not."""
SENTENCE_WEIGHTS: dict[str, float] = {
    "plain": WORD_WEIGHTS[0],
    "rare": WORD_WEIGHTS[1],
    "paired": WORD_WEIGHTS[2],
    "cosine": 0.35,
    "rank": 0.15,
    "required": 0.3,
    "window": -WINDOW_COST,
    "person": PERSON_BONUS,
    "procedure": 1.0,
    "reason": REASON_BONUS,
    "named": NAMED_ROW_BONUS,
    "period_row": -PERIOD_ROW_COST,
    "role": PERSON_BONUS,
    "sum_too": SUM_TOO_BONUS,
    "asked_after": ASKED_AFTER_WEIGHT,
    "tabled": -TABLED_COST,
}
"""What each of a sentence's features (``Evidence.features``) adds to its score."""
_A_YEAR = re.compile(r"\b(?:19|20)\d{2}(?:\s*[-/–]\s*\d{2,4})?\b|\b\d{2}\s*[-/–]\s*\d{2}\b")


def _by_period(row: TableRow, question: str) -> bool:
    """Every column of the row is headed by a year ("By 2025-26", "Post 2032") and none by
    a year the question names."""
    if len(row.cells) < 2 or not all(_A_YEAR.search(header) for header in row.cells):
        return False
    asked = {m.group(0).replace(" ", "") for m in _A_YEAR.finditer(question)}
    return not any(year in header.replace(" ", "") for year in asked for header in row.cells)


PROSE_CELL = 40
"""Words in a row's cell that make it prose (a form's answer written out), not a figure."""


def prose_row(row: TableRow) -> bool:
    """A form's row (a question beside its answer) whose answer is paragraphs of prose:
    it is read sentence by sentence like a passage, so its sheer length does not outweigh
    a sentence that answers. A row of one cell stays whole: it is one labelled statement
    ("Proposed Purpose: …")."""
    return len(row.cells) > 1 and any(
        len(value.split()) >= PROSE_CELL for value in row.cells.values()
    )


def _totals_first(found: list[Evidence]) -> None:
    """A question for a total is answered by the sentence of a source that states one,
    just ahead of that source's sentences giving the parts ("€2,825,000 … and €767,672
    …" / "The total allocated budget is €3,592,672"), which may be quoted with it."""
    best: dict[str, float] = {}
    for e in found:
        key = e.candidate.node.id
        best[key] = max(best.get(key, e.score), e.score)
    for e in found:
        if e.has_required and _TOTAL.search(e.sentence):
            e.score = max(e.score, best[e.candidate.node.id] + 0.01)


def _asked_sentences(cand: Candidate, query: Query) -> set[str]:
    """The sentences of a member's question that has a written reply: they say what was
    asked, and the figure, date or name asked for is the reply's ("(a) how many XL Bully
    dogs were destroyed" is not the answer to "how many were put down"). A "who asked"
    question is answered by the question itself."""
    if not cand.node.is_item or query.intent == Intent.who:
        return set()
    item = cand.node.item()
    if item.kind is not ItemKind.question or not (item.update or "").strip():
        return set()
    return set(sentences(item.commitment)) - set(sentences(item.update or ""))


_TOLD = frozenset({"cause", "consequence"})
"""A register's columns that tell in sentences why a risk arises and what follows."""


def _candidate_text(cand: Candidate, wanted: set[str] | None = None) -> str:
    node = cand.node
    if node.is_item:
        item = node.item()
        # A register's notes column ("£125k spent out of a £500k budget") reads as its update.
        notes = str(item.fields.get("notes") or "")
        extra = f"\n{notes}" if notes and notes not in (item.update or "") else ""
        # A column the question names ("next release") is a sentence of its own.
        named = [
            f"\n{item.commitment.rstrip('.')} — {header}: {value}."
            for header, value in item.other_fields.items()
            if value and (words := content_stems(header)) and words <= (wanted or set())
        ]
        # A register's written-out columns ("cause: … steady state requires £170m pa, hence
        # a £110m per annum shortfall") are sentences of the item like its update.
        told = [
            f"\n{value}"
            for role, value in item.fields.items()
            if role in _TOLD and value and str(value) not in (item.update or "")
        ]
        return f"{item.commitment}\n{item.update or ''}{extra}{''.join(named)}{''.join(told)}"
    if node.is_row:
        return row_sentence(node.row())
    return tally(node.passage().text)


def counts_bare(sentence: str, counted: str) -> bool:
    """The sentence counts the thing asked with no word of its own between ("with 5,822
    concerns"), so the sentence before may say which ("Safeguarding Concerns are raised
    with adult social care …"); "319 primary schools" says which schools itself."""
    wanted = content_stems(counted)
    return any(
        content_stems(m.group(1)) == wanted
        for m in re.finditer(r"\d[\d,.]*\s+([A-Za-z]+)", sentence)
    )


def row_sentence(row: TableRow) -> str:
    """A table row as one sentence of its own cells: "Adult Social Care — 2025-26 net: £601.2m".
    A record of people (labels beside their values) reads as the page prints it:
    "Customer Services — Cabinet Member Dylan Jeffrey; Corporate Director Amanda Beer"."""
    cells = list(row.cells.items())
    label = row_name(row)
    if label != row.label():
        return f"{label} — " + "; ".join(f"{header} {value}" for header, value in cells if value)
    rest = "; ".join(
        under_header(header, value) for header, value in cells if value and value != label
    )
    return f"{label} — {rest}" if rest else label
