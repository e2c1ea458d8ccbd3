"""Members' questions with their written answers, from minutes and question papers.

Minutes and "questions from members" papers print each question the same few ways: a
number, a line saying who asked ("Question submitted by Councillor A. Archer", "Question
from Cllr Smith to Cllr Jones, Cabinet Member for Highways", "Question 3 – Mr B Brown"),
the question, then its answer after a marker ("REPLY:", "Answer:", "Response:"). Each
becomes one ``question`` item: ``commitment`` is the question, ``update`` the answer,
``fields`` the asker, to whom it was put and their post, the question's number and the
meeting date where the paper states them. A councillor's follow-up recorded after the
reply ("Councillor X welcomed the reply …") is kept apart as ``follow_up``.
"""

from __future__ import annotations

import re
from itertools import pairwise

from pydantic import BaseModel, Field

from indexing.blocks import Block
from indexing.model import ItemKind, Location, PlanItem
from indexing.readers.doc_meta import meta_from_blocks
from indexing.readers.kpi_cards import Unit, units

_TITLE = r"(?:Councillor|Cllr\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?|Deputy|Senator|Mayor|Alderman)"
_PERSON = rf"(?:{_TITLE}\s+)?[A-Z][\w’'.-]*(?:\s+(?!I\b)[A-Z][\w’'.-]*){{0,4}}"
_HEAD_BODY = (
    rf"^(?:(?P<ref1>\d{{1,3}})[.)]\s+)?(?i:(?:supplementary|written|oral)\s+)?(?i:question|q(?=\s*\d))\s*"
    rf"(?:(?i:no\.?\s*)?(?P<ref2>\d{{1,3}}[a-z]?))?\s*(?:[:.–—-]\s*)?"
    rf"(?i:(?:submitted|asked|tabled|put|raised|received)\s+)?(?i:by|from)?\s*(?P<asker>{_PERSON})"
    rf"(?:\s*[,(]\s*(?P<asker_post>[^,()]{{3,80}}?)\)?)?"
    rf"(?:\s+(?i:to|of|for)\s+(?P<to>(?:the\s+)?{_PERSON})(?:\s*[,(–—-]\s*(?P<to_post>[^()]{{3,120}}?)\)?)?)?\s*[:.]?"
)
_HEAD = re.compile(_HEAD_BODY + r"$")
_HEAD_RUN_ON = re.compile(_HEAD_BODY + r"\s+(?=[A-Z])")
"""A question's heading line alone, or run on into the question by the loader."""
_ANSWER = re.compile(
    r"^(?:(?:written\s+)?(?:reply|answer|response)|a\d{0,3})\s*(?:from\s+[^:]{3,80})?\s*[:.–—-]\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_BARE_ANSWER = re.compile(r"^(?:written\s+)?(?:reply|answer|response)$", re.IGNORECASE)
_NUMBER = re.compile(r"^\s*(\d{1,3})\s*[.)]\s*$")
_PAGE_LABEL = re.compile(r"^page\s+\d+(?:\s+of\s+\d+)?$", re.IGNORECASE)
_FOLLOW_UP = re.compile(
    rf"^{_PERSON}\s+(?:welcomed|thanked|noted|asked|raised|queried|requested|responded|replied|"
    r"expressed|sought|said|stated|added)\b",
)
_ASK_WHOM = re.compile(
    r"\b(?:I will|I wish to|I would like to|to)\s+ask\s+(?P<to>the\s+[A-Z][\w ]{2,60}?|[A-Z][\w.’' -]{2,60}?)\s+(?:to|at|for|if|whether|what|how|when|why|about|the)\b"
)
_MARKUP = re.compile(r"[*_`#]+")
_NOT_A_NAME = {
    "question",
    "questions",
    "answer",
    "answers",
    "number",
    "response",
    "reply",
    "ref",
    "no",
    "details",
    "comments",
    "yes",
    "n/a",
    "none",
    "date",
    "status",
    "section",
}
_HEAD_INSIDE = re.compile(
    r"(?<=\S\s)(?=(?:\d{1,3}[.)]\s+)?(?:Question|Q\d{1,3})\s+(?:submitted|asked|tabled|put|raised"
    r"|received|from|by|no\b|\d))"
)
_SECTION_TITLE = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){4})[A-Z0-9 ’'&,/()-]{4,60}$")


class _Draft(BaseModel):
    ref: str | None = None
    asker: str
    asker_post: str | None = None
    to: str | None = None
    to_post: str | None = None
    question: list[str] = Field(default_factory=list)
    answer: list[str] = Field(default_factory=list)
    follow_up: list[str] = Field(default_factory=list)
    answering: bool = False
    section_level: int = 0
    unit: Unit


def _plain(text: str) -> str:
    return " ".join(_MARKUP.sub("", text).split())


def _head(text: str) -> re.Match[str] | None:
    if not re.match(r"(?:\d{1,3}[.)]\s+)?(?:\w+\s+)?(?:question\b|q\s*\d)", text, re.IGNORECASE):
        return None
    match = _HEAD.match(text) if len(text) <= 240 else None
    if match is None:
        match = _HEAD_RUN_ON.match(text)
    if match is None or match.end() > 240:
        return None
    # a form's header row ("Question | Answer", "Number Question Answer") names no one
    words = {w.lower().strip(".") for w in match.group("asker").split()}
    return None if words & _NOT_A_NAME else match


def read_questions(blocks: list[Block], *, doc_id: str, source: str) -> list[PlanItem]:
    """Every member's question in the blocks with its written answer, in order; a
    question whose paper prints no answer keeps ``update`` None."""
    stream = [part for unit in units(blocks) for part in _split_at_heads(unit)]
    texts = [_plain(u.text) for u in stream]
    drafts: list[_Draft] = []
    current: _Draft | None = None
    level = 0  # of the last heading that is not an answer's marker
    for at, (unit, text) in enumerate(zip(stream, texts, strict=True)):
        if (
            unit.is_heading
            and not (_ANSWER.match(text) or _BARE_ANSWER.match(text))
            and current is None
        ):
            level = unit.level
        head = _head(text)
        if head:
            # a loader may run the question on from its heading line: the rest is the question
            rest = text[head.end() :].strip()
            before = _NUMBER.match(texts[at - 1]) if at else None
            current = _Draft(
                ref=head.group("ref1")
                or head.group("ref2")
                or (before.group(1) if before else None),
                asker=head.group("asker"),
                asker_post=head.group("asker_post"),
                to=head.group("to"),
                to_post=head.group("to_post"),
                unit=unit,
                question=[rest] if rest else [],
                section_level=level,
            )
            drafts.append(current)
            continue
        if current is None or _is_furniture(stream, texts, at):
            continue
        answer = _ANSWER.match(text)
        if current.answering and not answer and _ends_part(unit, text, current.section_level):
            current = None
            continue
        if _title_like(unit, text) and 0 < unit.level <= current.section_level:
            continue  # the heading of the next group of questions
        if not current.answering and (answer or _BARE_ANSWER.match(text)):
            current.answering = True
            rest = answer.group("rest") if answer else ""
            if rest:
                current.answer.append(rest)
        elif current.follow_up or (current.answering and _FOLLOW_UP.match(text)):
            current.follow_up.append(text)
        else:
            (current.answer if current.answering else current.question).append(text)
    meeting_date = _meeting_date(blocks)
    return [
        _item(d, n, doc_id, source, meeting_date) for n, d in enumerate(drafts, 1) if d.question
    ]


def _split_at_heads(unit: Unit) -> list[Unit]:
    """A unit cut where a question's heading line starts inside it (a loader that reflows
    paragraphs may run a table's last line and the next question together)."""
    starts = [m.start() for m in _HEAD_INSIDE.finditer(unit.text)]
    if not starts:
        return [unit]
    cuts = [0, *starts, len(unit.text)]
    pieces = [unit.text[a:b].strip() for a, b in pairwise(cuts)]
    return [unit.model_copy(update={"text": piece}) for piece in pieces if piece]


def _title_like(unit: Unit, text: str) -> bool:
    return (
        unit.is_heading
        and 0 < len(text.split()) <= 8
        and text[:1].isupper()
        and not re.search(r"\d|[.,:;]$", text)
    )


def _ends_part(unit: Unit, text: str, section_level: int) -> bool:
    """The start of the paper's next part: a title in capitals ("NOTICES OF MOTION"), or
    a title-like heading above the level of the heading the questions sit under. Other
    headings are the answer's text: converters make headings of bold lines, table
    headers and the line above a page rule, at levels no order can be read from."""
    if _SECTION_TITLE.match(text):
        return True
    return _title_like(unit, text) and 0 < unit.level < section_level


def _is_furniture(stream: list[Unit], texts: list[str], at: int) -> bool:
    """A page break's rule and number, or the number that opens the next question."""
    text = texts[at]
    if re.fullmatch(r"-{3,}|_{3,}|\*{3,}", text):
        return True
    after = texts[at + 1] if at + 1 < len(texts) else ""
    if _NUMBER.match(text) and _head(after):
        return True
    if re.fullmatch(r"\d{1,4}", text):
        # a page number after a page's rule (or the heading a converter made of the line above it)
        before = texts[at - 1] if at else ""
        return bool(re.fullmatch(r"-{3,}", before)) or (at > 0 and stream[at - 1].is_heading)
    return bool(_PAGE_LABEL.match(text))


_CELL = r"(?:[€£$]\s?)?-?\d[\d,]*(?:\.\d+)?%?"
_VALUE_LINE = re.compile(rf"^{_CELL}(?:\s+{_CELL})*$")
_YEAR = r"(?:19|20)\d\d(?:[-/]\d{2,4})?"
_YEAR_LINE = re.compile(rf"^(?:[A-Z][a-z]{{1,12}}\s+)?{_YEAR}(?:\s+{_YEAR})*$")
"""A table's head printed across: years, after a word naming them ("Year 2020 2021")."""
ROW_LABEL_LINES = 3
"""A table row's label is printed on at most this many lines before its values."""


def _tabled(lines: list[str]) -> list[str]:
    """A reply's table, printed one cell a line (the years across the top, then each
    row's label and its values), read back as one line a row that names the years its
    values are for, the values as printed: "Windfarm Income as a Percentage of Total Rates
    Income — 2020, 2021, 2022: 6.46% 6.44% 6.52%." Lines that do not make such a table are
    kept as they are."""
    out: list[str] = []
    at = 0
    while at < len(lines):
        end = at
        while end < len(lines) and _YEAR_LINE.match(lines[end]):
            end += 1
        years = [y for line in lines[at:end] for y in re.findall(_YEAR, line)]
        if len(years) < 2:
            out.append(lines[at])
            at += 1
            continue
        head, rows, at = lines[at:end], [], end
        while (row := _row(lines, at, len(years))) is not None:
            label, values, at = row
            rows.append(f"{label} — {', '.join(years)}: {' '.join(values)}.")
        out += rows if rows else head
    return out


def _row(lines: list[str], at: int, width: int) -> tuple[str, list[str], int] | None:
    """(label, values, where the next row starts) of the row starting at ``at``: a label
    of a few lines, then exactly ``width`` values; None when the lines there are not one."""
    label: list[str] = []
    while at < len(lines) and not _VALUE_LINE.match(lines[at]) and len(label) < ROW_LABEL_LINES:
        label.append(lines[at])
        at += 1
    values: list[str] = []
    while at < len(lines) and _VALUE_LINE.match(lines[at]) and len(values) < width:
        values += re.findall(_CELL, lines[at])
        at += 1
    if not label or len(values) != width:
        return None
    return " ".join(label), values, at


def _meeting_date(blocks: list[Block]) -> str | None:
    return meta_from_blocks(blocks, "").date


def _item(d: _Draft, n: int, doc_id: str, source: str, meeting_date: str | None) -> PlanItem:
    question = " ".join(d.question)
    to, to_post = d.to, d.to_post
    if to is None:
        asked = _ASK_WHOM.search(question)
        if asked and not re.match(r"(?:the\s+)?next\b", asked.group("to"), re.IGNORECASE):
            to = asked.group("to").strip()
    fields = {
        "asker": d.asker,
        **({"asker_post": d.asker_post} if d.asker_post else {}),
        **({"to": to} if to else {}),
        **({"post": to_post.strip()} if to_post else {}),
        **({"ref": d.ref} if d.ref else {}),
        **({"meeting_date": meeting_date} if meeting_date else {}),
        **({"follow_up": " ".join(d.follow_up)} if d.follow_up else {}),
    }
    return PlanItem(
        id=f"{doc_id}:question{n}",
        document_id=doc_id,
        kind=ItemKind.question,
        section=d.unit.section,
        ref=d.ref,
        commitment=question,
        update=" ".join(_tabled(d.answer)) or None,
        fields=fields,
        location=Location(
            path=source, page=d.unit.page, line_start=d.unit.line, line_end=d.unit.line
        ),
    )
