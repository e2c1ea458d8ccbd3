"""A paper's title, publisher, date, period and kind, read from its own first page.

Committee papers open in a few ways: a cover form (``From: … To: Cabinet – 4 March 2025
Subject: …``), a record-of-decision form (``Title of Decision: …``), minutes ("MINUTES of
a meeting of the Cabinet held … on Thursday, 30 January 2025"), an agenda, or a title
page in large type. The title is the paper's own title line — the Subject or decision
title, else the largest heading of the first page — never a contact line ("Direct
Dial/Ext: …", "From: …"). The publisher is taken only where the text names a council or
authority; the date is the meeting or report date (a labelled date, the date the meeting
was held, a date with its weekday), not any date in the body. The manifest overrides
whatever it states (``Manifest.meta_for``).
"""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

from indexing.blocks import Block, BlockKind
from indexing.model import DocumentKind, DocumentMeta
from indexing.readers.dates import find_dates, parse_date, parse_period
from indexing.text import shorten

_LABELS = (
    r"subject matter\s*/\s*title of decision|title of decision|subject|title|from|to|by|date"
    r"|classification|past pathway of (?:report|paper)|future pathway of (?:report|paper)"
    r"|past pathway|electoral divisions?|decision (?:no|number)\.?|summary|recommendations?(?:\s*\(s\))?"
    r"|key decision|decision to be taken by|for publication|ask for|direct dial(?:/ext)?|e-?mail"
    r"|tel(?:ephone)?|phone|project id|produced by|contact officer|report author|meeting date"
    r"|reasons?(?:\s*\(s\))? for (?:the )?decision|decision"
)
_FIELD = re.compile(
    rf"(?:^|(?<=\s))(?P<label>{_LABELS})\s*:\s*"
    r"|^(?P<bare>subject matter\s*/\s*title of decision|title of decision)(?:\s*$|\s+(?=[A-Z0-9]))",
    re.IGNORECASE | re.MULTILINE,
)
_CONTACT = re.compile(
    r"^(?:direct dial|tel\b|telephone|phone|e-?mail|ask for|our ref|your ref|dear\b|produced by|"
    r"from:|to:|by:|date:|classification|www\.|https?://|\[original file\]|page \d+|\d+$)",
    re.IGNORECASE,
)
_APPENDIX = re.compile(
    r"^(?:appendix|annex|annexe|schedule)\s+[\w.]{1,4}\s*[:–—-]?\s*", re.IGNORECASE
)
_MINUTES = re.compile(
    r"\b(?P<title>minutes\s+of\s+(?:the\s+|a\s+)?(?:proceedings\s+at\s+|an?\s+)?(?:\w+\s+)?meeting\s+of\s+.{3,120}?)"
    r"\s+held\b",
    re.IGNORECASE | re.DOTALL,
)
_HELD_ON = re.compile(r"\b(?:held|meeting)\b.{0,160}?\bon\b", re.IGNORECASE | re.DOTALL)
_BODY = re.compile(r"(?:(?:[A-Z][\w’'&.-]*|and|of|the)\s+){0,6}?")
_PUBLISHER = re.compile(
    r"\b(?P<name>(?!The\b|This\b|Our\b|Full\b|County\b|Borough\b|District\b|City\b)[A-Z][\w’'&.-]+"
    r"(?:\s+(?:[A-Z][\w’'&.-]*|and|of|upon|on|the))*?\s+(?:Council|Authority|Combined Authority))\b"
)
_KINDS: list[tuple[re.Pattern[str], DocumentKind]] = [
    (
        re.compile(
            r"^\W*minutes\b|\bminutes\s+of\s+(?:the\s+|a\s+)?(?:proceedings|meeting)", re.IGNORECASE
        ),
        DocumentKind.minutes,
    ),
    (re.compile(r"\brecord of (?:executive )?decision\b", re.IGNORECASE), DocumentKind.decision),
    (re.compile(r"^\W*(?:summons\s+to\s+and\s+)?agenda\b", re.IGNORECASE), DocumentKind.agenda),
    (re.compile(r"\bperformance report\b", re.IGNORECASE), DocumentKind.performance),
    (re.compile(r"\brisks? register\b", re.IGNORECASE), DocumentKind.risk_register),
    (re.compile(r"\b(?:submission|amendment|screening) form\b", re.IGNORECASE), DocumentKind.form),
    (
        re.compile(r"\bquestions (?:from|by|to) (?:members|councillors)\b", re.IGNORECASE),
        DocumentKind.questions,
    ),
]
_FIRST_LINES = 60


def _first_page(blocks: list[Block]) -> list[Block]:
    """The blocks of the first page with text (the first lines, for a file without pages)."""
    paged = [b for b in blocks if b.at.page is not None]
    if paged:
        first = min(b.at.page for b in paged if b.at.page is not None)
        page = [b for b in blocks if b.at.page == first]
        # a cover holding a line or two only: its title may run on to the next page
        if sum(len(_text(b)) for b in page) < 40:
            page += [b for b in blocks if b.at.page == first + 1]
        return page
    return blocks[:_FIRST_LINES]


def _text(block: Block) -> str:
    if block.is_table:
        rows = [*block.header, *(r.cells for r in block.rows)]
        return "\n".join(" ".join(c for c in row if c) for row in rows)
    return block.text


def _clean(text: str) -> str:
    text = " ".join(text.replace("\u00a0", " ").split()).strip(" .,:;–—-|*#")
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) > 4 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters):
        text = _title_case(text)  # "CAPITAL INVESTMENT SUMMARY 2025-26 to 2034-35"
    else:
        first, _, rest = text.partition(" ")  # "MINUTES of a meeting …", not "EQIA: the council …"
        if first.isalpha() and first.isupper() and len(first) > 4 and rest[:1].islower():
            text = f"{first.capitalize()} {rest}"
    return shorten(text, 200, placeholder="")


def _title_case(text: str) -> str:
    small = {"and", "of", "the", "for", "to", "in", "on", "at", "by", "a", "an", "or"}
    words = text.lower().split()
    return " ".join(
        w if i and w in small else re.sub(r"[^\W\d_]", lambda m: m.group(0).upper(), w, count=1)
        for i, w in enumerate(words)
    )


def _fields(text: str) -> dict[str, str]:
    """Form fields of the first page: label → value up to the next label."""
    matches = list(_FIELD.finditer(text))
    out: dict[str, str] = {}
    for m, nxt in zip(matches, [*matches[1:], None], strict=False):
        label = " ".join((m.group("label") or m.group("bare")).lower().split())
        value = text[m.end() : nxt.start() if nxt else len(text)]
        out.setdefault(label, value.strip())
    return out


def _title(blocks: list[Block], text: str, fields: dict[str, str]) -> str | None:
    for label in ("subject matter / title of decision", "title of decision", "subject", "title"):
        value = _clean(fields.get(label, "").split("\n\n")[0])
        if sum(ch.isalpha() for ch in value) >= 4:
            return value
    form = _form_title(blocks)
    if form:
        return form
    minutes = _MINUTES.search(text)
    if minutes:
        return _clean(minutes.group("title"))
    heads = [
        i
        for i, b in enumerate(blocks)
        if b.kind is BlockKind.heading and _is_title_line(b.text) and not _SECTION.match(b.text)
    ]
    if heads:
        top = min((blocks[i].level or 99) for i in heads)
        first = next(i for i in heads if (blocks[i].level or 99) == top)
        run = _heading_run(blocks, first, top)
        named = [line for line in run if not _is_publisher_line(line)] or run
        return _clean(" ".join(_clean(_APPENDIX.sub("", line)) for line in named))
    caption = _caption(blocks)
    if caption:
        return caption
    for block in blocks:
        if block.is_table:  # a table's header row is not the paper's title
            continue
        for line in _text(block).splitlines():
            if _is_title_line(line) and not _is_sentence(line):
                return _clean(_APPENDIX.sub("", line))
    return None


_SECTION = re.compile(
    r"^\W*(?:\d+[.)]?\s+)?(?:introduction|background|summary|executive summary|contents|purpose|"
    r"overview|recommendations?|foreword|context)\W*$",
    re.IGNORECASE,
)
"""A section's heading any paper may open with: never the paper's title."""


def _is_sentence(line: str) -> bool:
    """A line of running text, not a title: a footnote ("[3] …") or a long full sentence."""
    line = line.strip()
    return bool(re.match(r"^\[\d+\]|^\(\d+\)", line)) or (
        line.endswith(".") and len(line.split()) > 10
    )


def _caption(blocks: list[Block]) -> str | None:
    """A table's caption row ("APPENDIX B - CAPITAL INVESTMENT SUMMARY 2025-26 to 2034-35"):
    the first header row with one cell filled, for a paper that is a table."""
    for block in blocks:
        if block.is_table and block.header:
            filled = [c.strip() for c in block.header[0] if c and c.strip()]
            if len(filled) == 1 and _is_title_line(filled[0]) and not _is_sentence(filled[0]):
                return _clean(_APPENDIX.sub("", filled[0]))
    return None


_FORM_LABEL = re.compile(
    r"^(?:(?P<what>[\w/&-]+(?:\s+[\w/&-]+)?)\s+)?(?:title|name)\s*:?$", re.IGNORECASE
)


def _form_title(blocks: list[Block]) -> str | None:
    """A form's title from its own field: a table row "EQIA Title | …", "Amendment Name: | …",
    or a label line with its value on the next line."""
    for label_block, value_block in pairwise(blocks):
        label = _FORM_LABEL.match(label_block.text.strip()) if not label_block.is_table else None
        value = value_block.text.strip()
        if label and not value_block.is_table and _is_title_line(value) and not _FIELD.match(value):
            what = label.group("what")
            return _clean(f"{what}: {value}" if what else value)
    for block in blocks:
        if not block.is_table:
            continue
        for cells in [*block.header, *(r.cells for r in block.rows)]:
            filled = [c.strip() for c in cells if c and c.strip()]
            label = _FORM_LABEL.match(filled[0]) if len(filled) >= 2 else None
            if label and sum(ch.isalpha() for ch in filled[1]) >= 4:
                what = label.group("what")
                return _clean(f"{what}: {filled[1]}" if what else filled[1])
    return None


def _heading_run(blocks: list[Block], first: int, level: int) -> list[str]:
    """The title's lines: the first top-level heading and the headings of its level
    that follow it directly ("Quarterly Performance Report" / "Quarter 3" / "2024/25")."""
    lines = []
    for block in blocks[first : first + 5]:
        if (
            block.kind is not BlockKind.heading
            or (block.level or 99) != level
            or _SECTION.match(block.text)
        ):
            break
        if not _CONTACT.match(block.text.strip()):
            lines.append(block.text)
    return lines


_STATUS = re.compile(
    r"^(?:draft|final|confidential|restricted|unrestricted|exempt|not for publication|"
    r"for publication|official(?:[\s-]+sensitive)?|appendix\s+\w{1,4})$",
    re.IGNORECASE,
)


def _is_title_line(line: str) -> bool:
    line = line.strip()
    bare = _APPENDIX.sub("", line)
    return (
        not _STATUS.match(line)
        and sum(ch.isalpha() for ch in bare) >= 4
        and not _CONTACT.match(line)
        and not _FIELD.match(line)
        and len(line) <= 200
    )


def _is_publisher_line(line: str) -> bool:
    cased = _title_case(line) if line.isupper() else line
    match = _PUBLISHER.fullmatch(" ".join(cased.split()))
    return match is not None and not re.search(
        r"\bthe (?:council|authority)$", cased, re.IGNORECASE
    )


def _publisher(blocks: list[Block], text: str) -> str | None:
    """A council or authority the first page names: a line of its own (or the part of a
    line before a dash), else the body a meeting was "of"."""
    for block in blocks:
        for line in _text(block).splitlines():
            if _CONTACT.match(line.strip()) or _FIELD.match(line.strip()):
                continue
            for part in re.split(r"\s+[–—-]\s+", line):
                if _is_publisher_line(part.strip()):
                    return _clean(part)
    cased = _title_case(text) if text.isupper() else text
    of = re.search(
        r"\bmeeting of (?:the )?(.{3,80}?\b(?:Council|Authority))\b", cased, re.IGNORECASE
    )
    if of:
        name = _title_case(of.group(1)) if of.group(1).isupper() else of.group(1)
        found = _PUBLISHER.search(name)
        return _clean(found.group("name")) if found else None
    return None


def _date(text: str, fields: dict[str, str], title: str | None) -> str | None:
    """The meeting or report date: labelled (To:, Date:, Meeting date:), the date a
    meeting was held on, a date given with its weekday, a date in the title."""
    labelled = {
        label: find_dates(fields[label][:120])
        for label in ("to", "meeting date", "decision to be taken by", "date")
        if label in fields
    }
    for label in ("to", "meeting date", "decision to be taken by"):
        if labelled.get(label):
            return labelled[label][0].iso
    with_weekday = [d for d in find_dates(text) if d.weekday]
    if with_weekday:
        return with_weekday[0].iso
    if labelled.get("date"):
        return labelled["date"][0].iso
    held = _HELD_ON.search(text)
    if held:
        after = find_dates(text[held.end() : held.end() + 80])
        if after:
            return after[0].iso
    return parse_date(title) if title else None


def _kind(title: str | None, text: str) -> DocumentKind:
    head = "\n".join(text.splitlines()[:6])
    for pattern, kind in _KINDS:
        if (title and pattern.search(title)) or pattern.search(head):
            return kind
    return DocumentKind.other


def meta_from_blocks(blocks: list[Block], file_name: str) -> DocumentMeta:
    """What a paper's first page says of it; the title falls back to the file's name."""
    page = _first_page(blocks)
    text = "\n".join(_text(b) for b in page)
    fields = _fields(text)
    title = _title(page, text, fields)
    prose = "\n".join(b.text for b in page if not b.is_table)
    period = parse_period(title or "") or _quarter("\n".join(prose.splitlines()[:8]))
    return DocumentMeta(
        file=file_name,
        title=title or Path(file_name).stem,
        kind=_kind(title, text),
        period=period,
        date=_date(text, fields, title),
        publisher=_publisher(page, text),
    )


def _quarter(text: str) -> str | None:
    period = parse_period(text)
    return period if period and period.startswith("Q") else None
