"""The check on generated text: each sentence against the sources it cites.

A model may reword, but every *checkable* thing in a sentence — each number (figures,
money, percentages, years, refs, "Q2"), month or season, RAG rating, and name
(any capitalised word past the first of the sentence: people, places, bodies) — must
appear in the text of the sources that sentence cites. Ratings are stricter: a rating
is only supported by a cited row's rating *field*, because quoted text is data a
document author (or an attacker) wrote, and "all commitments are complete" inside a
quote is not a rating. A sentence with no citation survives only if it states nothing
checkable (courtesy) or says plainly that the documents don't cover something.

Sentences are the unit; a quotation in curly quotes “…” is kept whole, so a quoted
update carries one citation. A quotation found word for word in the cited sources is
the document speaking and needs nothing more; one not found there is a misquote.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from pydantic import BaseModel, Field

# --- citation markers --------------------------------------------------------------
MARKER = re.compile(r"\[(\d{1,3}(?:\s*(?:,|;|–|-|to)\s*\d{1,3})*)\]")
_MARKER_RUN = re.compile(r"(?:\s*\[\d{1,3}(?:\s*(?:,|;|–|-|to)\s*\d{1,3})*\])+")


def parse_markers(text: str) -> list[int]:
    """``"… [1][3], [4–6]"`` → ``[1, 3, 4, 5, 6]`` (in order, without repeats)."""
    found: list[int] = []
    for match in MARKER.finditer(text):
        for part in re.split(r"\s*(?:,|;)\s*", match.group(1)):
            bounds = re.split(r"\s*(?:–|-|to)\s*", part)
            if len(bounds) == 2 and int(bounds[0]) <= int(bounds[1]) <= int(bounds[0]) + 50:
                numbers = range(int(bounds[0]), int(bounds[1]) + 1)
            else:
                numbers = [int(b) for b in bounds]
            found += [n for n in numbers if n not in found]
    return found


def strip_markers(text: str) -> str:
    return re.sub(r"\s+([.,;:!?])", r"\1", _MARKER_RUN.sub("", text)).strip()


def renumber(text: str, mapping: dict[int, int]) -> str:
    """Rewrite markers through ``mapping`` (e.g. an answer's [1] → a draft's [4])."""

    def swap(match: re.Match[str]) -> str:
        return "".join(f"[{mapping.get(n, n)}]" for n in parse_markers(match.group(0)))

    return MARKER.sub(swap, text)


# --- sentences ----------------------------------------------------------------------
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Cllr|Mr|Mrs|Ms|Dr|St|No|approx|c|e\.g|i\.e|etc|vs|inc)\.|\b[A-Z]\.)$"
)
_BOUNDARY = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][”\"’)]))\s+(?=[\[A-Z0-9£“\"‘'(•])")
_BULLET = re.compile(r"^\s*(?:[-*•▪]|\d{1,2}[.)])\s+")


class Sentence(BaseModel):
    """One sentence of generated text, where it stood, and what it cites."""

    text: str
    line: int
    prefix: str = ""
    cited: list[int] = Field(default_factory=list)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences by line, not splitting inside “quotes”; a bare ``[n]`` joins the sentence before."""
    out: list[Sentence] = []
    for line_no, line in enumerate(text.splitlines()):
        if not line.strip():
            continue
        bullet = _BULLET.match(line)
        prefix = bullet.group(0).strip() + " " if bullet else ""
        body = line[bullet.end() :] if bullet else line.strip()
        pieces: list[str] = []
        start = 0
        for match in _BOUNDARY.finditer(body):
            head = body[start : match.start()]
            if _inside_quote(body[: match.start()]) or _ABBREVIATIONS.search(head):
                continue
            pieces.append(head)
            start = match.end()
        pieces.append(body[start:])
        first = True
        for piece in (p.strip() for p in pieces):
            lead = _MARKER_RUN.match(piece)
            if (
                lead and out and out[-1].line == line_no
            ):  # "… 2017. [1] Next" — [1] closes the sentence before
                out[-1].text += " " + lead.group(0).strip()
                out[-1].cited = parse_markers(out[-1].text)
                piece = piece[lead.end() :].strip()
            if not piece:
                continue
            out.append(
                Sentence(
                    text=piece,
                    line=line_no,
                    prefix=prefix if first else "",
                    cited=parse_markers(piece),
                )
            )
            first = False
    return out


def _inside_quote(before: str) -> bool:
    return before.count("“") > before.count("”")


def join_sentences(sentences: list[Sentence]) -> str:
    """Kept sentences back into text, lines as they were."""
    lines: dict[int, list[str]] = {}
    for s in sentences:
        lines.setdefault(s.line, []).append(s.prefix + s.text if s.prefix else s.text)
    return "\n".join(" ".join(parts) for _, parts in sorted(lines.items()))


# --- what a sentence claims ------------------------------------------------------------
_SCALES = {
    "k": Decimal(1000),
    "thousand": Decimal(1000),
    "m": Decimal(10**6),
    "million": Decimal(10**6),
    "bn": Decimal(10**9),
    "billion": Decimal(10**9),
}
_NUMBER = re.compile(
    r"(?<![\d.,])(\d+(?:,\d{3})*(?:\.\d+)?)"
    r"(?:\s?(%|per ?cent\b|k\b|m\b|bn\b|thousand\b|million\b|billion\b))?",
    re.I,
)
_NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        [
            "zero",
            "_",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
    if w != "_"
}
_NUMBER_WORDS.update(
    {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
)
_NUMBER_WORD = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", re.I)
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_MONTH = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?"
)
_MONTH_ANY_CASE = re.compile(_MONTH.pattern, re.I)
_SEASON = re.compile(r"\b(spring|summer|autumn|winter)\b", re.I)
_RATING_WORD = re.compile(r"\b(red|amber|green|complete|completed)\b", re.I)
_RATING_CODES = {"red": "R", "amber": "A", "green": "G", "complete": "C", "completed": "C"}
_RATING_CONTEXT = re.compile(r"(?:\brated|\brating|\bRAG)\s*(?:of|is|was|as|at|:)?\s*$", re.I)
_CODE_COMBO = re.compile(r"(?<![\w/])([RAGC](?:\s?/\s?[RAGC])+)(?![\w/])")
_CODE_SINGLE = re.compile(
    r"(?:\(([RAGC])\)|(?:\brated|\brating|\bRAG(?: rating)?)\s*(?:of|is|was|as|:)?\s*([RAGC])\b)"
)
_CAPITALISED = re.compile(r"(?<![\w’'&-])([A-Z][\w’'&-]*)")
_STARTERS = re.compile(r"(?:^|[:;(“\"‘'—–•]|\s-)\s*$")
_GENERIC_NAMES = set(
    [
        "i",
        "council",
        "councils",
        "councillor",
        "councillors",
        "cllr",
        "cabinet",
        "mr",
        "mrs",
        "ms",
        "dr",
        "ref",
        "refs",
        "rag",
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "in",
        "on",
        "at",
        "for",
        "of",
        "to",
        "and",
        "but",
        "or",
        "as",
        "by",
        "with",
        "from",
        "our",
        "we",
        "they",
        "there",
        "their",
        "he",
        "she",
        "his",
        "her",
        "you",
        "your",
        "what",
        "which",
        "who",
        "when",
        "where",
        "how",
        "all",
        "some",
        "no",
        "not",
        "yes",
        "also",
        "however",
        "overall",
        "latest",
        "rating",
        "owner",
        "director",
        "section",
        "commitment",
        "commitments",
        "objective",
        "issue",
        "item",
        "items",
        "plan",
        "update",
        "quarter",
        "text",
        "due",
        "source",
        "sources",
    ]
)
"""Capitalised words that name no one: the council's own vocabulary and function words."""
_ABSENCE = re.compile(
    r"\b(?:don[’']t|do not|does not|doesn[’']t|did not|didn[’']t|cannot|can[’']t|no information|nothing)\b.*?"
    r"\b(?:say|says|cover|covers|covered|give|gives|given|mention|mentions|include|includes|state|states|show|shows|answer|find|found|record|records)\b"
    r"|\bnot (?:covered|given|stated|mentioned|included|recorded|in the (?:documents|sources|plans?))\b",
    re.I,
)
_COURTESY = re.compile(
    r"^(?:thank|thanks|i hope|hope this|please|let me know|i am happy|i'm happy|happy to|kind regards|best wishes)\b",
    re.I,
)


def _value(token: str, scale: str | None) -> tuple[Decimal, bool] | None:
    try:
        value = Decimal(token.replace(",", ""))
    except InvalidOperation:
        return None
    scale = (scale or "").lower().replace(" ", "")
    if scale in ("%", "percent"):
        return value, True
    return value * _SCALES.get(scale, Decimal(1)), False


def numbers(text: str, *, unscaled_too: bool = False) -> set[tuple[Decimal, bool]]:
    """Every number in ``text`` as (value with its scale applied, is-a-percentage).

    ``unscaled_too`` (for sources): "£1.2m" also offers 1.2, so "1.2 million" matches it.
    """
    found: set[tuple[Decimal, bool]] = set()
    for match in _NUMBER.finditer(strip_markers(text)):
        value = _value(match.group(1), match.group(2))
        if value is not None:
            found.add(value)
            if unscaled_too and match.group(2) and not value[1]:
                found.add(
                    (Decimal(match.group(1).replace(",", "")), False)
                )  # "£1.2m" also counts as 1.2
    for match in _NUMBER_WORD.finditer(text):
        found.add((Decimal(_NUMBER_WORDS[match.group(1).lower()]), False))
    return {(v.normalize(), pct) for v, pct in found}


def months(text: str, *, any_case: bool = False) -> set[int]:
    pattern = _MONTH_ANY_CASE if any_case else _MONTH
    found = set()
    for match in pattern.finditer(text):
        word = match.group(1)
        if word.lower() in ("may", "march") and not any_case:
            around = text[max(0, match.start() - 4) : match.end() + 5]
            if not re.search(r"\d", around):  # "May" the verb, "march" the walk
                continue
        found.add(_MONTHS.index(word[:3].lower()) + 1)
    return found


def rating_claims(sentence: str, source_text: str) -> list[tuple[str, set[str]]]:
    """(word as written, codes it claims) for each rating the sentence states.

    A lower-case "green spaces" or "completed by" is an ordinary word when the cited text
    has the same two words; after "rated"/"rating", or capitalised, it is always a rating.
    """
    claims: list[tuple[str, set[str]]] = []
    text = strip_markers(sentence)
    lowered_source = " ".join(source_text.lower().split())
    for match in _RATING_WORD.finditer(text):
        word = match.group(1)
        if word.islower() and not _RATING_CONTEXT.search(text[: match.start()]):
            following = re.match(r"\s+([\w’'-]+)", text[match.end() :])
            if following and f"{word} {following.group(1).lower()}" in lowered_source:
                continue
        claims.append((word, {_RATING_CODES[word.lower()]}))
    for match in _CODE_COMBO.finditer(text):
        claims.append((match.group(1), set(re.findall(r"[RAGC]", match.group(1)))))
    for match in _CODE_SINGLE.finditer(text):
        code = match.group(1) or match.group(2)
        claims.append((code, {code}))
    return claims


def names(sentence: str) -> list[str]:
    """Capitalised words — people, places, bodies — other than months, ratings and generic words.

    The first word of a sentence or clause is capitalised anyway, so it counts only when
    it is shaped like a name — an acronym ("DCLG"), "Blackburne-Maze", "O'Neill", "McLure" —
    or starts a run of capitalised words ("Michael Kelleher").
    """
    text = strip_markers(sentence)
    found = []
    for match in _CAPITALISED.finditer(text):
        word = re.sub(r"[’']s$", "", match.group(1))
        if word.lower() in _GENERIC_NAMES or _MONTH.fullmatch(word) or _RATING_WORD.fullmatch(word):
            continue
        if re.fullmatch(r"[RAGC]|Q[1-4]", word):
            continue
        before = text[: match.start()]
        if not before.strip() or _STARTERS.search(before):
            name_shaped = re.fullmatch(
                r"[A-Z][A-Z&]+[A-Za-z&]*|[A-Z]\w*[-’'][A-Z]\w*|Ma?c[A-Z]\w+", word
            )
            if not name_shaped and not re.match(r"\s+[A-Z][a-z]", text[match.end() :]):
                continue
        found.append(word)
    return found


# --- the verdict ------------------------------------------------------------------------
class CheckSource(BaseModel):
    """What one numbered source offers the check: its text, and its rating codes."""

    n: int
    text: str
    ratings: list[str] = Field(default_factory=list)


class Verdict(BaseModel):
    sentence: str
    cited: list[int] = Field(default_factory=list)
    kept: bool
    reason: str | None = None
    unsupported: list[str] = Field(default_factory=list)


class CheckResult(BaseModel):
    verdicts: list[Verdict]
    text: str = Field(description="The kept sentences, lines as they were")

    @property
    def kept(self) -> list[Verdict]:
        return [v for v in self.verdicts if v.kept]

    @property
    def dropped(self) -> list[Verdict]:
        return [v for v in self.verdicts if not v.kept]


_QUOTATION = re.compile(r"“([^”]*)”")


def tokens(text: str) -> str:
    """The words and figures of ``text``, lower-cased and space-padded, for word-for-word comparison."""
    return " " + " ".join(re.findall(r"[\w£%]+", text.lower())) + " "


def quotations(sentence: str, source_text: str) -> tuple[str, list[str]]:
    """The sentence with its word-for-word quotations of the sources taken out, and any misquotes.

    Words in “…” that the cited sources hold in the same order (punctuation aside) are
    the document's own words, attributed: they need no further support. A quotation the
    sources do not hold is a misquote.
    """
    have = tokens(source_text)
    misquotes = [
        m.group(1)
        for m in _QUOTATION.finditer(sentence)
        if tokens(m.group(1)).strip() and tokens(m.group(1)) not in have
    ]
    rest = _QUOTATION.sub(lambda m: "“…”" if tokens(m.group(1)) in have else m.group(0), sentence)
    return rest, misquotes


def unsupported(sentence: str, sources: list[CheckSource]) -> list[str]:
    """What ``sentence`` states that the ``sources`` it cites do not: [] when all is supported."""
    source_text = "\n".join(s.text for s in sources)
    sentence, misquotes = quotations(sentence, source_text)
    missing: list[str] = [f"quotation “{q[:60]}”" for q in misquotes]
    have_numbers = numbers(source_text, unscaled_too=True)
    plain_values = {v for v, _ in have_numbers}
    for value, pct in sorted(numbers(sentence)):
        if (value, pct) not in have_numbers and not (not pct and value in plain_values):
            missing.append(f"{value:,f}%" if pct else f"{value:,f}")
    have_months = months(source_text, any_case=True)
    missing += [_MONTHS[m - 1].title() for m in sorted(months(sentence)) if m not in have_months]
    missing += [
        s
        for s in {m.group(1).lower() for m in _SEASON.finditer(sentence)}
        if s not in source_text.lower()
    ]
    rated = {code for s in sources for r in s.ratings for code in r.split("/")}
    for word, codes in rating_claims(sentence, source_text):
        if not codes <= rated:
            missing.append(f"rating {word}")
    source_words = {w.lower() for w in re.findall(r"[\w’'&-]+", source_text)}
    source_words |= {part for w in source_words for part in w.split("-")}
    missing += [w for w in names(sentence) if not _known_word(w.lower(), source_words)]
    return missing


def _known_word(word: str, source_words: set[str]) -> bool:
    """ "One-Stop" matches a source's "One Stop", and "Blackburne-Maze" its own spelling."""
    return word in source_words or all(part in source_words for part in word.split("-") if part)


def _has_claims(sentence: str, allowed: str) -> list[str]:
    """Checkable things in an uncited sentence that the question itself did not bring."""
    return unsupported(sentence, [CheckSource(n=0, text=allowed)])


def check_sentence(
    sentence: Sentence, sources: dict[int, CheckSource], question: str = ""
) -> Verdict:
    """Keep or drop one sentence, with the reason."""
    text = sentence.text
    if not sentence.cited:
        leftover = _has_claims(text, question)
        if _ABSENCE.search(text) and not leftover:
            return Verdict(sentence=text, kept=True, reason="says what is not covered")
        if _COURTESY.search(strip_markers(text)) and not leftover:
            return Verdict(sentence=text, kept=True, reason="courtesy")
        return Verdict(sentence=text, kept=False, reason="no citation", unsupported=leftover)
    unknown = [n for n in sentence.cited if n not in sources]
    if unknown:
        return Verdict(
            sentence=text,
            cited=sentence.cited,
            kept=False,
            reason=f"cites a source that does not exist: {unknown}",
        )
    missing = unsupported(text, [sources[n] for n in sentence.cited])
    if missing:
        return Verdict(
            sentence=text,
            cited=sentence.cited,
            kept=False,
            reason="not in the cited sources: " + ", ".join(missing),
            unsupported=missing,
        )
    return Verdict(sentence=text, cited=sentence.cited, kept=True)


def check(text: str, sources: list[CheckSource], question: str = "") -> CheckResult:
    """Check every sentence of ``text``; the result holds the verdicts and the kept text."""
    by_number = {s.n: s for s in sources}
    sentences = split_sentences(text)
    verdicts = [check_sentence(s, by_number, question) for s in sentences]
    kept = [s for s, v in zip(sentences, verdicts, strict=True) if v.kept]
    return CheckResult(verdicts=verdicts, text=join_sentences(kept))
