"""What a meeting resolved, or what a report asked its meeting to do, about a subject:
"what did cabinet resolve about the 18-25 service?", "what did the budget update report
recommend about reserves?".

Minutes state each decision in a line that opens "RESOLVED that …" (or "And Resolved:"),
often continued by a lettered list; a cover report states what it asks under
"Recommendation(s):". Those blocks are the answer to such a question, not whichever sentence
of the papers shares the most words with it. A block is chosen by how many of the question's
words it and the text above it (back to the block before: the minute's heading, the notice
it resolves on, the report's subject) share, with the paper's committee and meeting month;
a question that asks what was resolved takes resolutions, one that asks what was
recommended takes recommendations. A question naming a number its best block does not print
is left to the other answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from assistant.answering.citations import quoted_passage_citation
from assistant.answering.compose import one_source_answer
from assistant.answering.decision_record import printed_lines
from assistant.answering.scope import Scope
from assistant.answering.understand import Query
from assistant.models import Answer, Passage, PlanDocument
from indexing.terms import content_stems

BLOCK_CHARS = 1200
"""A block is quoted up to this length: a resolution and the start of its lettered list."""
ABOVE_LINES = 12
"""Lines above a block read for its subject, besides its section's title."""
LIST_CHARS = 4000
"""A resolution's list is read up to this length for its subject; only the items on the
question's subject are quoted from a list longer than BLOCK_CHARS."""
COVERAGE = 0.6
"""Share of the question's subject words the block and the text above it must print."""

_ASKS_RESOLVED = re.compile(r"\b(?:resolv\w*|resolution|agreed?|decid(?:e|ed))\b", re.I)
_ASKS_RECOMMENDED = re.compile(r"\brecommend\w*|\bask(?:s|ed)?\b(?: \w+){0,3} to\b", re.I)
_WHAT = re.compile(r"^\s*what\b", re.I)
_DECISION_NUMBER = re.compile(r"\b\d{1,4}/\d{3,6}\b")
_RESOLVED = re.compile(r"^\s*(?:[•●]\s*)?(?:\(?\d{1,3}[.)]\s*)?(?:and\s+)?resolved\b", re.I)
_RECOMMENDED = re.compile(
    r"^\s*(?:[•●]\s*)?(?:\d{1,2}(?:\.\d{1,2})?\.?\s+)?recommendations?(?:\s*\(s\))?\s*:", re.I
)
_LIST_ITEM = re.compile(r"^\s*(?:[•●]\s*)?(?:\(?[a-z]{1,4}\)|\(?\d{1,2}\))\s+\S", re.I)
_NUMBERED_HEADING = re.compile(r"^\s*(?:[•●]\s*)?\d{1,4}\.\s+[A-Z0-9]")
_HEADING = re.compile(r"^\s*[A-Z][A-Za-z ,()&/'–-]{2,70}$")
_LONE_MARKER = re.compile(r"^\s*\(?[a-z0-9]{1,3}\)\s*$", re.I)
_CUES = content_stems(
    "resolve resolved resolution agree agreed decide decided decision recommend recommended "
    "recommendation asked ask do say what report paper minutes"
)
_MONTHS = "january february march april may june july august september october november december"
_SETTING = content_stems(f"cabinet council county committee meeting full {_MONTHS}")
_SETTING_OF_CABINET = content_stems("meeting full")
"""Setting words any paper may leave unsaid."""
"""Words naming the meeting rather than the subject: they break ties, they pick nothing."""
_POINTER = re.compile(
    r"\bthe proposed decision,? as (?:detailed|set out)\b|\battached (?:prod|record)\b", re.I
)
"""A recommendation that only points at the proposed decision says nothing itself."""


@dataclass
class Block:
    """One resolution or recommendation: its kind, text, the text above it and its passage."""

    kind: str
    text: str
    above: str
    passage: Passage
    doc: PlanDocument
    parts: list[tuple[str, Passage]]
    """The opening sentence, then each item of its list with the passage printing it."""


def _ends(text: str, line: str, after: str, listed: bool) -> bool:
    """Whether ``line`` lies past the block so far: a new numbered paragraph, a heading
    after a finished sentence (unless the block's list goes on after it: a heading within
    the list),
    a lone list marker, or anything after a closing quote."""
    if not text:
        return False
    if text.endswith(("”", '"')) or _LONE_MARKER.match(line):
        return True
    if _LIST_ITEM.match(line):
        return False
    if _NUMBERED_HEADING.match(line) and not re.match(r"^\s*(?:[•●]\s*)?\d+\.\d", line):
        return True
    heading = bool(_HEADING.match(line)) and not (listed and _LIST_ITEM.match(after))
    return heading and text.endswith((".", ";"))


def blocks(doc: PlanDocument) -> list[Block]:
    """The resolutions and recommendations a paper prints, in print order."""
    lines = printed_lines(doc)
    found: list[Block] = []
    start = 0
    i = 0
    while i < len(lines):
        line, passage = lines[i]
        kind = "resolved" if _RESOLVED.match(line) else None
        if kind is None and _RECOMMENDED.match(line):
            kind = "recommended"
        if kind is None:
            i += 1
            continue
        # A minute's resolution takes its subject from the notice or debate above it; a
        # report's recommendation from the report's own title and section, not its summary.
        back = ABOVE_LINES if kind == "resolved" else 0
        above = " ".join(text for text, _ in lines[max(start, i - back) : i])
        above = f"{passage.section or ''} {above}"
        text = line.strip()
        parts = [(text, passage)]
        j = i + 1
        while j < len(lines) and len(text) < LIST_CHARS:
            nxt, held = lines[j]
            after = lines[j + 1][0] if j + 1 < len(lines) else ""
            if (
                _RESOLVED.match(nxt)
                or _RECOMMENDED.match(nxt)
                or _ends(text, nxt, after, len(parts) > 1)
            ):
                break
            text = f"{text} {nxt.strip()}"
            if _LIST_ITEM.match(nxt) or _HEADING.match(nxt):
                parts.append((nxt.strip(), held))
            else:
                parts[-1] = (f"{parts[-1][0]} {nxt.strip()}", parts[-1][1])
            j += 1
        found.append(Block(kind, text, above, passage, doc, parts))
        start = i = j
    return found


def _meeting_words(doc: PlanDocument) -> str:
    """The paper's committee and meeting month, which a question may name it by."""
    opening = doc.passages[0].text[:300] if doc.passages else ""
    words = [doc.meta.committee or "", doc.meta.title, opening]
    when = doc.meta.meeting_date or doc.meta.date or ""
    try:
        words.append(_MONTHS.split()[date.fromisoformat(when[:10]).month - 1])
    except ValueError:
        pass
    return " ".join(words)


def _items(block: Block, words: set[str]) -> list[tuple[str, Passage]]:
    """The items of a long block's list sharing most of ``words`` (none when none share)."""
    shared = [(len(content_stems(text) & words), (text, held)) for text, held in block.parts[1:]]
    most = max((n for n, _ in shared), default=0)
    return [part for n, part in shared if n and n == most]


def _own(block: Block, words: set[str]) -> set[str]:
    """The question's words a block prints: a short block's whole text; a long list's
    opening and its one best item, so a long budget resolution does not match every topic."""
    if len(block.text) <= BLOCK_CHARS:
        return content_stems(block.text) & words
    items = _items(block, words)
    return content_stems(" ".join([block.parts[0][0], *(t for t, _ in items[:1])])) & words


def best_block(documents: list[PlanDocument], question: str) -> Block | None:
    """The resolution (or recommendation) the question asks about: the one whose text and
    heading share most of its subject words; None when it asks for neither or none fits."""
    if not _WHAT.match(question) or _DECISION_NUMBER.search(question):
        return None
    kind = "recommended" if _ASKS_RECOMMENDED.search(question) else None
    if kind is None and _ASKS_RESOLVED.search(question):
        kind = "resolved"
    asked = content_stems(question) - _CUES
    subject = {w for w in asked - _SETTING if not w.isdigit()}
    if kind is None or len(subject) < 2:
        return None  # "what did cabinet decide on 9 january?" asks for a meeting's record
    best: tuple[int, int, int, Block] | None = None
    for doc in documents:
        if doc.duplicate_of:
            continue
        for block in blocks(doc):
            if block.kind != kind or _POINTER.search(block.text[:BLOCK_CHARS]):
                continue
            own = _own(block, asked)
            near = content_stems(f"{block.above} {_meeting_words(doc)}") & asked
            head = content_stems(block.text[:BLOCK_CHARS]) & subject
            score = (len((own | near) & subject), len((own | near) - subject), len(head))
            if best is None or score > best[:3]:
                best = (*score, block)
    if best is None or best[0] < COVERAGE * len(subject):
        return None
    block = best[3]
    printed = f"{block.above} {block.text} {_meeting_words(block.doc)}"
    if set(re.findall(r"\b\d+\b", question)) - set(re.findall(r"\b\d+\b", printed)):
        return None  # "12 Main Street" is not the resolution on "4 Main Street"
    if (asked & _SETTING) - _SETTING_OF_CABINET - content_stems(printed):
        return None  # a month (or body) the paper does not name: another meeting's record
    return block


def focused(block: Block, question: str) -> tuple[str, Passage]:
    """The block as quoted, with the passage to cite: whole when short; from a long list,
    its opening and the items sharing the question's subject, cited where the first is."""
    if len(block.text) <= BLOCK_CHARS:
        return block.text, block.passage
    subject = content_stems(question) - _CUES - _SETTING
    items = _items(block, subject)
    if not items:
        return block.text[:BLOCK_CHARS], block.passage
    quote = " … ".join([block.parts[0][0], *(text for text, _ in items)])
    return quote[:LIST_CHARS], items[0][1]


def resolution_answer(scope: Scope, query: Query) -> Answer | None:
    """The resolution (or recommendation) about the question's subject, quoted and cited;
    None when the question asks for neither or no block clearly fits."""
    block = best_block(scope.documents, query.text)
    if block is None:
        return None
    quote, passage = focused(block, query.text)
    citation = quoted_passage_citation(scope.store, passage, quote)
    if citation is None:
        return None
    return one_source_answer(query, f"“{quote}”", citation)
