"""Who wrote a meeting's paper: the author its contact details name.

A committee report ends with its contact details, the author labelled ("Report Author",
"Author:", "Contact Officer") and followed by a name, a job title, a telephone number and
an address. Asked who wrote or is the author of a paper, the ordinary search finds the
sentences about the paper's subject, not that block; here the labelled line of the
paper's own text is quoted. In a block laid out in columns ("Report Author Relevant
Director", the names on the line below) the line below is quoted with it. A report headed
"By: <name>, <post>" or "From: <name>, <post>" (a memo's layout, with no labelled contact
block) names its author on that line. Asked who proposed or seconded a motion or amendment, a form's "Proposer:" /
"Seconder:" field is that line. Asked who took a decision, the papers' sentence naming its "decision maker"
(or saying whom it was "taken by") is quoted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import takewhile

from assistant.answering.citations import node_citation, passage_citation
from assistant.answering.compose import one_source_answer
from assistant.answering.evidence import sentences
from assistant.answering.scope import Scope
from assistant.answering.understand import Query
from assistant.models import Answer, Citation, Passage, PlanDocument

ASKS_AUTHOR = re.compile(
    r"\b(?:who|which\s+\w+)\s+(?:wrote|authored|prepared|drafted|sent|signed)\b"
    r"|\bauthor(?:s|ed)?\b|\bcontact\s+officer\b|\bwho\s+(?:is|are|was|were)\s+the\s+contacts?\b"
    r"|^\W*who(?:'s|’s)?\s+(?:(?:is|was|are|were)\s+)?(?:the\s+)?[^?]{3,120}?\bfrom\s*\??\s*$",
    re.I,
)
"""Asks who wrote a paper: "who wrote …", "the author of …", "who is the s25 statement
from?" (a memo's sender)."""
_ASKS_SENDER = re.compile(r"\b(?:from|sent|signed)\b\s*\??\s*$|\bwho\s+(?:sent|signed)\b", re.I)
"""Asks whom a paper is from: its "From:" line, before the officer who wrote it."""
_LABEL = re.compile(r"^\s*(?:report\s+)?(?:author|contact\s+officer)(?:\(s\))?\s*:?\s*", re.I)
_BY = re.compile(r"^\s*(?:By|From):\s*\S", re.I)
"""A report's sender line at its head: "By: Anna Taylor, Scrutiny Research Officer",
"From: John Betts, Interim Corporate Director, Finance"."""
ASKS_FIELD = re.compile(r"\bwho\s+(?:(proposed)|(seconded))\b", re.I)
"""Asked who proposed or seconded: a form's field of that name."""
_CONTACT = re.compile(r"\d|@")
_NAMED = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Cllr|Councillor)\b|\bCabinet Member\b|\bDirector\b"
)
"""A sentence naming a person by a title or a post."""
"""A telephone number or an address: the label's line holds the author's details."""
_CONTACT_HEADING = re.compile(r"\bcontact\s+(?:details|officers?)\b|\breport\s+authors?\b", re.I)
"""The heading a report's contact details are printed under."""
_FIRST_CONTACT = re.compile(r"^.*?(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\d[\d ]{7,}\d)", re.S)
"""The text up to the first address (or telephone number): the first person listed."""


def _author_lines(passage: Passage) -> str | None:
    """The labelled line (with the line below when the label's line holds only other
    labels), or ``None`` when the passage has no author label."""
    lines = [line.strip() for line in passage.text.splitlines()]
    for n, line in enumerate(lines):
        label = _LABEL.match(line)
        if not label:
            continue
        after = line[label.end() :]
        if after and _CONTACT.search(after):
            return line
        below = next((x for x in lines[n + 1 :] if x), "")
        if below and _CONTACT.search(below):
            return f"{line} {below}".strip()
        # "Report Author(s)" over a list ("• Dave Shipton (Head of …)", "• 03000 …",
        # "• Cath Head (…)"): every line up to the next label names the authors
        block = list(takewhile(lambda x: bool(x) and not x.endswith(":"), lines[n + 1 :]))
        if block and any(_CONTACT.search(x) for x in block):
            return " ".join([line, *block])
    if _CONTACT_HEADING.search(passage.section or "") and (
        first := _FIRST_CONTACT.search(passage.text)
    ):
        # under a "Contact details" heading, unlabelled: the first person listed, up to
        # their address ("Matthew Wagner Chief Analyst … Matthew.Wagner@…")
        return " ".join(first.group(0).split())
    return None


def _by_line(passage: Passage) -> str | None:
    """The "By:" (or "From:") lines of a report's head, up to its "To:" line (a report
    from a cabinet member and a director names both), or ``None``."""
    lines = [x.strip() for x in passage.text.splitlines()]
    at = next((n for n, x in enumerate(lines) if _BY.match(x)), None)
    if at is None:
        return None
    block = [lines[at]]
    for line in lines[at + 1 : at + 1 + SENDER_LINES]:
        if not line or _HEAD_FIELD.match(line):
            break
        block.append(line)
    return " ".join(block)


SENDER_LINES = 4
"""The most lines a report's sender block runs on for below its "From:" line."""
_HEAD_FIELD = re.compile(
    r"^\s*(?:To|Subject|Date|Classification|Decision\s+No|Ref)\b[^:]{0,20}:", re.I
)
"""The next field of a report's head, which ends its sender block."""


def _field_line(label: str) -> Callable[[Passage], str | None]:
    """The line of a form holding the field ``label`` ("Proposer:")."""
    field = re.compile(rf"\b{label}\s*:\s*\S", re.I)
    return lambda passage: next(
        (x.strip() for x in passage.text.splitlines() if field.search(x)), None
    )


def author_answer(scope: Scope, query: Query, papers: list[PlanDocument]) -> Answer | None:
    """The author's line of the first of ``papers`` that names one (else the first
    "By:" line), or a form's proposer or seconder field when asked who proposed or
    seconded, quoted and cited; ``None`` when the question asks none of these or no
    paper says."""
    if found := ASKS_FIELD.search(query.text):
        label = "Proposer" if found.group(1) else "Seconder"
        return _quoted(scope, query, papers, _field_line(label)) or _field_row(
            scope, query, papers, label
        )
    if (post := _ASKS_CONTACT_POST.search(query.text)) and _CONTACT_WORD.search(query.text):
        # "which director is given as a contact at the end of the report?"
        if contact := _quoted(scope, query, papers, _contact_in_post(post.group(1))):
            return contact
    if not ASKS_AUTHOR.search(query.text):
        return None
    readers = [_author_lines, _by_line]
    if _ASKS_SENDER.search(query.text):
        readers.reverse()  # "who is the late changes report from?": its sender
    return _quoted(scope, query, papers, readers[0]) or _quoted(scope, query, papers, readers[1])


_CONTACT_WORD = re.compile(r"\bcontacts?\b", re.I)
_ASKS_CONTACT_POST = re.compile(
    r"\b(?:which|what)\s+((?:[a-z]+\s+){0,2}?(?:directors?|officers?|analysts?|managers?|"
    r"heads?|accountants?|leads?|advisers?|advisors?))\b",
    re.I,
)
"""A contact asked by their post ("which director is given as a contact", "which corporate
director is in the contact details")."""
_ENTRY_END = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
"""An address ends a person's entry in a contact block (name, post, telephone, address)."""


def _contact_in_post(post: str) -> Callable[[Passage], str | None]:
    """The entry of a report's contact block whose post holds the words asked ("director",
    "corporate director"): the text from the end of the entry before to its address."""
    words = [w.rstrip("s").lower() for w in post.split()]

    def read(passage: Passage) -> str | None:
        if not (_CONTACT_HEADING.search(passage.section or "") or _LABEL.search(passage.text)):
            return None
        text = " ".join(passage.text.split())
        start = 0
        for end in _ENTRY_END.finditer(text):
            entry = text[start : end.end()].strip(" ,;")
            start = end.end()
            if all(re.search(rf"\b{re.escape(w)}", entry, re.I) for w in words):
                return entry
        return None

    return read


def _quoted(
    scope: Scope, query: Query, papers: list[PlanDocument], read: Callable[[Passage], str | None]
) -> Answer | None:
    """The first line ``read`` finds in ``papers``, quoted and cited."""
    for paper in papers:
        for passage in paper.passages:
            quote = read(passage)
            if quote is None:
                continue
            nodes = scope.store.get(where={"plan_document": paper.id})
            node = next((n for n in nodes if n.id == passage.id), None)
            if node is None:
                continue
            return _quote_answer(query, paper, passage_citation(node, passage, quote))
    return None


def _field_row(scope: Scope, query: Query, papers: list[PlanDocument], label: str) -> Answer | None:
    """The field ``label`` of a form read as table rows ("Proposer: Mr A Hook; Seconder:
    …"), the field alone quoted and cited."""
    field = re.compile(rf"\s*{label}\s*:\s*\S")
    for paper in papers:
        for node in scope.store.get(where={"plan_document": paper.id}):
            part = next((p.strip() for p in node.text.split("; ") if field.match(p)), None)
            if node.is_row and part:
                return _quote_answer(query, paper, node_citation(node, quote=part))
    return None


def _quote_answer(query: Query, paper: PlanDocument, citation: Citation) -> Answer:
    """The citation's quote as the answer, its source named by the paper's title and page."""
    page = f", p. {citation.page}" if citation.page else ""
    return one_source_answer(
        query,
        f"“{citation.quote}”",
        citation,
        place=f"{paper.meta.title}{page}",
        metadata={"route": "meetings", "paper": paper.id},
    )


_MAKER = re.compile(r"\bdecision[- ]?maker\b|\bdecision\s+(?:was|is)\s+taken\s+by\b", re.I)
"""How papers say who took a decision: "The decision maker was Mrs Chandler, …"."""


def maker_answer(scope: Scope, query: Query, paper_ids: list[str]) -> Answer | None:
    """The first sentence of the papers ``paper_ids`` naming who took a decision and
    naming a person (a title or a post), quoted and cited; else ``None``."""
    for paper_id in paper_ids:
        paper = scope.document(paper_id)
        if paper is None:
            continue
        for node in scope.store.get(where={"plan_document": paper_id}):
            if node.is_item or node.is_row:
                continue
            for sentence in sentences(node.passage().text):
                if _MAKER.search(sentence) and _NAMED.search(sentence):
                    citation = node_citation(node, quote=sentence.strip())
                    page = f", p. {citation.page}" if citation.page else ""
                    return one_source_answer(
                        query,
                        f"“{sentence.strip()}”",
                        citation,
                        place=f"{paper.meta.title}{page}",
                        metadata={"route": "meetings", "paper": paper_id},
                    )
    return None
