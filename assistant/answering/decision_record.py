"""A record of decision read as one record of labelled fields: "who took decision 24/00096
and why", "what options were considered for 24/00115".

A record of decision prints its facts under labels ("Decision to be taken by:", "Decision
No:", "Decision:", "Reason(s) for decision:", "Any alternatives considered and rejected:"). A question that names the record by its number and asks what
was decided, why, by whom or what else was considered is answered from that field of that
record, quoted — not from whichever sentence of the papers shares the most words. This
module reads the record and the question; ``record_answer`` composes the answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answering.scope import Scope
from assistant.models import Passage, PlanDocument
from indexing.terms import content_stems

FIELD_CHARS = 700
"""A field is quoted up to this length: a decision's lettered resolutions, a short reason."""

_FIELDS: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    (
        "maker",
        "Decision taken by",
        re.compile(r"^\s*(?:decision (?:to be )?taken by|decision[- ]maker)\s*:?", re.I),
    ),
    ("number", "Decision number", re.compile(r"^\s*decision (?:no\.?|number)\s*:?", re.I)),
    (
        "title",
        "Title of decision",
        re.compile(r"^\s*(?:subject matter\s*/\s*)?title of (?:the )?decision\b\s*:?", re.I),
    ),
    (
        "date",
        "Date of decision",
        re.compile(
            r"^\s*(?:date of (?:the )?decision|decision date|date (?:taken|made))\s*:", re.I
        ),
    ),
    ("decision", "Decision", re.compile(r"^\s*decision(?: taken| made)?\s*:", re.I)),
    (
        "reasons",
        "Reason(s) for decision",
        re.compile(r"^\s*reasons?(?:\s*\(s\))? for (?:the )?decision\s*:?", re.I),
    ),
    (
        "consultation",
        "Consultation",
        re.compile(
            r"^\s*(?:[\w'’ ]{0,40}\bcommittee recommendations and )?(?:other )?consultations?"
            r"(?: (?:undertaken|carried out))?\s*:",
            re.I,
        ),
    ),
    (
        "options",
        "Alternatives considered",
        re.compile(
            r"^\s*(?:any )?(?:alternatives?|(?:other )?options)(?: options)? considered"
            r"(?: and rejected)?\s*:?|^\s*options\s*:",
            re.I,
        ),
    ),
)
_LABEL_LINE = re.compile(r"^\s*[A-Z][^\n:]{2,90}:\s*(?:\S.*)?$")
"""Any other labelled line ("Financial Implications:") ends the field above it."""
_END_LINE = re.compile(r"^\s*(?:any interests? declared\b|\.{5,}|signed\b)", re.I)
"""The declarations and signature at a record's foot end whatever field stands above."""
_NONE = re.compile(r"^\s*(?:none|nil|n/a|not applicable)\W*$", re.I)
_HEADING_LINE = re.compile(r"^\s*[A-Z][A-Za-z ,()&/'–-]{2,70}$")
"""A short line of words with no closing stop ("Background – Provide brief context")."""

_ASKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("number", re.compile(r"\bdecision\s+(?:no\b\.?|number|ref(?:erence)?\b)", re.I)),
    (
        "maker",
        re.compile(
            r"\bwho\b.*\b(?:decided|decides|took|taken|made|make|takes)\b"
            r"|\bdecision[- ]maker\b|\btaken by\b|\bmade by\b",
            re.I,
        ),
    ),
    ("reasons", re.compile(r"\bwhy\b|\breasons?\b|\brationale\b", re.I)),
    ("options", re.compile(r"\boptions?\b|\balternatives?\b", re.I)),
    (
        "consultation",
        re.compile(
            r"\bconsult\w*|\bendors\w*|\bwhich (?:cabinet )?committee\b|\bcabinet committee\b"
            r"|\bsign(?:ed|s)?\s+(?:it\s+)?off\b",
            re.I,
        ),
    ),
    ("date", re.compile(r"^\s*when\b|\bwhat date\b|\bon what day\b", re.I)),
)
_ASKS_DECISION = re.compile(
    r"\bdecid(?:e|ed|es|ing)\b|\bwhat (?:was|is) (?:the )?decision\b|\bwhat decision\b|"
    r"\bwhat\s+(?:did|does|do|was|were|is|are)\s+"
    r"(?:(?!committee\b|scrutiny\b|panel\b)[\w'’-]+\s+){0,4}?"
    r"(?:agree|agreed|approve|approved|resolve|resolved)\b",
    re.I,
)
"""What was decided: "what did cabinet actually have to agree" asks the record's decision;
what a committee agreed about it ("the scrutiny committee") is that committee's record."""
_MEETING = re.compile(r"\bmeetings?\b", re.I)
"""What a meeting did with a decision is the meeting's record to tell, not the decision's."""
_YES_NO = re.compile(
    r"^\s*(?:is|was|are|were|does|did|has|have|will)\b(?!\s+(?:there\s+)?any\s)", re.I
)
"""A yes/no question ("is 24/00108 a key decision?") is the labelled line's to answer;
"were any alternatives considered" asks for the field's value."""
TITLE_COVERAGE = 0.75
"""A record named by its title instead of its number: this share of the title's words."""
_LINKING = frozenset({"of", "the", "and", "for", "in", "on", "to", "a", "an"})
_NUMBER = re.compile(r"(?<![\w/])(?!(?:19|20)\d\d/(?:19|20)\d\d\b)\d{1,4}/\d{3,6}(?![\w/])")
"""A decision's number as records print it ("24/00115"), not a year ("2024/25", "2024/2025")."""


@dataclass
class Field:
    """One labelled field of a record: its label, its value and the passage it opens in."""

    name: str
    label: str
    value: str
    passage: Passage


def printed_lines(doc: PlanDocument) -> list[tuple[str, Passage]]:
    """A paper's lines in print order, each with its passage: a section title ("Reasons
    for decision:", "Recommendation(s):") opens its first passage unless that passage
    prints it again as a line."""
    lines: list[tuple[str, Passage]] = []
    section = None
    for passage in doc.passages:
        own = [line for line in passage.text.split("\n") if line.strip()]
        if passage.section and passage.section != section:
            if passage.section.strip() not in {line.strip() for line in own}:
                lines.append((passage.section, passage))
        section = passage.section
        lines.extend((line, passage) for line in own)
    return lines


def _match(line: str) -> tuple[str, str, str] | None:
    """(name, label, rest of the line) of the field a line opens, if it opens one."""
    for name, label, pattern in _FIELDS:
        found = pattern.match(line)
        if found:
            return name, label, line[found.end() :].strip()
    return None


def record_fields(doc: PlanDocument) -> dict[str, Field]:
    """The labelled fields of a record of decision, first of each name, in print order.
    Labels printed side by side ("Decision to be taken by: Decision No:") take the values
    printed side by side below them ("Cabinet 24/00115")."""
    fields: dict[str, Field] = {}
    current: Field | None = None
    paired = False
    for line, passage in printed_lines(doc):
        if paired and current is not None:
            paired = False
            number = _NUMBER.search(line)
            if number:
                current.value = line[: number.start()].strip()
                fields.setdefault(
                    "number", Field("number", "Decision number", number.group(0), passage)
                )
                current = None
                continue
        found = _match(line)
        if found is not None:
            name, label, rest = found
            if name == "maker" and _match(rest) and _match(rest)[0] == "number":  # type: ignore[index]
                rest, paired = "", True
            current = None if name in fields else Field(name, label, rest, passage)
            if current is not None:
                fields[name] = current
            continue
        if current is None:
            continue
        heading = bool(_HEADING_LINE.match(line))
        if heading and not current.value and current.name in ("reasons", "options"):
            heading = not _NONE.match(line)
        if heading and not current.value and current.name in ("reasons", "options"):
            continue  # a heading under the label ("Background") opens no value
        if (
            _END_LINE.match(line)
            or current.value
            and (_LABEL_LINE.match(line) or (heading and current.value.endswith((".", ":", ";"))))
        ):
            current = None
            continue
        if len(current.value) < FIELD_CHARS:
            current.value = f"{current.value} {line.strip()}".strip()
    return {n: f for n, f in fields.items() if f.value and not re.fullmatch(r"[.\s]+", f.value)}


def asked_fields(question: str) -> list[str]:
    """The fields a question about a record asks for, in the order an answer gives them."""
    if _YES_NO.match(question) or _MEETING.search(question):
        return []
    asked = [name for name, pattern in _ASKS if pattern.search(question)]
    if not asked and _ASKS_DECISION.search(question):
        asked = ["decision"]
    if (
        "consultation" in asked
        and "date" in asked
        and re.search(r"\bcommittees?\b", question, re.I)
    ):
        # "when did the committee endorse it": the field gives the committee's day; "when
        # did cabinet first endorse it" may be an earlier endorsement the record tells of
        asked.remove("date")
    return asked


def _record(scope: Scope, number: str, asked: list[str]) -> dict[str, Field] | None:
    """The fields of the record of decision numbered ``number``, from a paper whose own
    "Decision No" field gives it and that prints every asked field (the report to the
    meeting carries the number too, but not the decision's reasons)."""
    for doc in scope.documents:
        if not any(number in p.text for p in doc.passages[:3]):
            continue
        fields = record_fields(doc)
        if "number" in fields and number in fields["number"].value:
            if all(name in fields for name in asked):
                return fields
    return None


def _titled(scope: Scope, question: str, asked_for: list[str] | None = None) -> str | None:
    """The number of the one record of decision whose title the question gives (most of
    its words, a short form standing for the words it abbreviates) while asking about a
    decision, or for a field only records print: "alternatives for the delivery plan
    decision", "which cabinet committee endorsed the ICS delivery plan"."""
    asked_for = asked_fields(question) if asked_for is None else asked_for
    # alternatives, and which committee endorsed it, are printed only on the record
    committee = "consultation" in asked_for and re.search(r"\bcommittees?\b", question, re.I)
    record_only = "options" in asked_for or bool(committee)
    if not (record_only or re.search(r"\bdecisions?\b|\bdecided\b", question, re.I)):
        return None
    asked = content_stems(question)
    found: set[str] = set()
    for doc in scope.documents:
        if not any(_NUMBER.search(p.text) for p in doc.passages[:3]):
            continue
        fields = record_fields(doc)
        if "number" not in fields or "title" not in fields:
            continue
        held = asked | initialled(fields["title"].value, question)
        # a title's years ("2025-29") count when the question gives them, not against it
        title = {
            w for w in content_stems(fields["title"].value) if w in held or not re.search(r"\d", w)
        }
        number = _NUMBER.search(fields["number"].value)
        if number and len(title) >= 3 and len(title & held) >= TITLE_COVERAGE * len(title):
            found.add(number.group(0))
    return found.pop() if len(found) == 1 else None


def initialled(title: str, question: str) -> set[str]:
    """Stems of the title's words whose initials the question writes as one word: "ICS"
    (or "ics") for "Integrated Care Strategy". Linking words are skipped; a short form
    of two letters counts only in capitals ("IT" is a short form, "it" a word)."""
    tokens = set(re.findall(r"\b[A-Za-z]{2,6}\b", question))
    shorts = {t.lower() for t in tokens if len(t) >= 3 or t.isupper()}
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", title) if w.lower() not in _LINKING]
    found: set[str] = set()
    for start in range(len(words)):
        for end in range(start + 2, min(start + 6, len(words)) + 1):
            run = words[start:end]
            if "".join(w[0] for w in run).lower() in shorts:
                found |= content_stems(" ".join(run))
    return found
