"""A list a paper prints under its own heading, asked for by that heading's words: "what
docs were attached to the call-in report?" is answered by every entry under "Attached
documents", "what background documents does the report list?" by those under
"Background Documents".

A report closes with labelled lists ("Attached documents", "Background documents",
"Appendices") whose entries are short lines ("a) 24-00093 - Decision Report", "1 The
Budget webpage"). Quoting the one entry that holds most of the question's words answers
only part of it; the whole list under the heading is the answer. A question asks for such
a list when it asks what or which documents, papers or appendices, or what a paper lists,
and the heading's own words (its words for documents aside) are all words of the
question.
"""

from __future__ import annotations

import re

from assistant.answering.citations import node_citation
from assistant.answering.compose import one_source_answer
from assistant.answering.neighbours import passage_after
from assistant.answering.retrieve import Candidate
from assistant.answering.scope import Scope
from assistant.answering.understand import Query
from assistant.models import Answer
from indexing.terms import content_stems

_ASKS_LIST = re.compile(
    r"\b(?:what|which)\b[^?]*\b(?:docs?|documents?|papers?|appendi(?:x|ces)|attachments?|"
    r"annex(?:es)?)\b|\blist(?:s|ed)?\b",
    re.I,
)
"""Asks for documents or papers by what they are, or for what a paper lists."""
_DOCUMENT_WORDS = content_stems("documents document docs doc papers paper list lists listed")
"""A heading's words for documents: the question may call them anything ("docs")."""
_ENTRY = re.compile(
    r"^\s*(?:(?P<bullet>[•·▪◦]\s+\S)|(?:[•·\-–*]\s*)?(?:(?P<letter>\(?[a-z]\))|(?P<number>\(?\d{1,2}[.)]?(?:\s|$))))"
)
"""A line of a list: a bullet, or a letter or number marking it ("a)", "1 ")."""
CONTINUATION = 40
"""A line of a list's entry that the reader broke off ("and", "Noreen", "Cup with") is
short; a longer unmarked line after the list is the paper's next paragraph."""


def first_list(text: str, after: str = "") -> list[str]:
    """The entries of the first list in ``text``: lines marked the way its first entry is
    (bullets, or letters, or numbers), each with the short unmarked lines that carry on
    its words; the list ends at a line marked another way or a long unmarked line.

    A list that runs to the end of ``text`` goes on into ``after`` (the passage printed
    next), when that opens with an entry marked the same way."""
    entries: list[str] = []
    kind, ended = _read_list(text, entries, None)
    if entries and not ended and after and _opens_like(after, kind):
        _read_list(after, entries, kind)
    return entries


def _read_list(text: str, entries: list[str], kind: str | None) -> tuple[str | None, bool]:
    """Add to ``entries`` the list entries of ``text`` marked as ``kind`` (or as the first
    entry found, with no kind yet); the kind read, and whether the list ended in ``text``."""
    for line in (line.strip() for line in text.split("\n")):
        if not line:
            continue
        marked = _ENTRY.match(line)
        marker = next((k for k, v in marked.groupdict().items() if v), None) if marked else None
        if marker is not None and kind in (None, marker):
            kind = marker
            entries.append(line)
        elif not entries:
            continue  # the text before the list
        elif marker is not None or len(line) > CONTINUATION:
            return kind, True
        else:
            entries[-1] = f"{entries[-1]} {line}"
    return kind, False


def _opens_like(text: str, kind: str | None) -> bool:
    """``text``'s first line is an entry marked as ``kind`` is."""
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    marked = _ENTRY.match(first)
    return marked is not None and bool(marked.group(kind or "bullet"))


LEAST_ENTRIES = 2
"""A heading over fewer entries than this heads a paragraph, not a list."""
READ = 6
"""How many of the best candidates are looked at for the list asked."""


def list_under_heading(scope: Scope, query: Query, candidates: list[Candidate]) -> Answer | None:
    """Every entry of the list printed under the heading the question names, quoted from
    the best-ranked passage that holds one (and the passage after, where the list runs on
    into it); ``None`` when the question asks for no list or no such passage is among the
    best candidates."""
    if not _ASKS_LIST.search(query.text):
        return None
    asked = content_stems(query.text)
    for cand in candidates[:READ]:
        node = cand.node
        if node.is_item or node.is_row:
            continue
        heading = str(node.metadata.get("section") or "")
        named = content_stems(heading) - _DOCUMENT_WORDS
        if not named or not named <= asked:
            continue
        text = node.passage().text
        entries = first_list(text, passage_after(scope, node))
        quote = "\n".join(entries)
        if len(entries) < LEAST_ENTRIES:
            entries, quote = _numbered_run(text)
        if len(entries) < LEAST_ENTRIES:
            continue
        listed = "\n".join(entries)
        stated = f"{len(entries)} listed under “{heading.strip()}”:\n“{listed}”"
        return one_source_answer(
            query, stated, node_citation(node, quote), metadata={"count": len(entries)}
        )
    return None


_NUMBER = re.compile(r"(?:^|(?<=\s))(\d{1,2})\s+(?=\S)")


def _numbered_run(text: str) -> tuple[list[str], str]:
    """The entries of a list numbered 1, 2, 3 … that a reader ran together into one line
    ("1 Budget webpage 2 2025-26 Budget approved … 3 Public Health Grant …"), and
    the run as printed; none when the text holds no such run."""
    starts: list[int] = []
    for match in _NUMBER.finditer(text):
        if int(match.group(1)) == len(starts) + 1:
            starts.append(match.start(1))
    if len(starts) < LEAST_ENTRIES:
        return [], ""
    run = text[starts[0] :].split("\n", 1)[0]
    ends = [s - starts[0] for s in starts[1:]] + [len(run)]
    bounds = zip([0, *ends[:-1]], ends, strict=True)
    return [" ".join(run[a:b].split()) for a, b in bounds], run.strip()
