"""Text helpers every layer shares: sentences, shortening, and words for comparing texts.

One grammar of sentences, so the reader that finds a KPI's rating statement, the evidence
that quotes a figure, the split of a typed message into questions and the check of
generated text agree on where a sentence ends: after ``.``, ``!`` or ``?`` (a closing quote
or bracket may follow), never after an abbreviation or an initial ("Mr.", "e.g.", "J."),
and in documents only where the next sentence begins like one (a capital, a figure, a quote).
"""

from __future__ import annotations

import re
import textwrap

_ABBREVIATION = re.compile(
    r"(?:\b(?:Cllrs?|Mr|Mrs|Ms|Dr|Prof|Rev|Hon|St|Rd|Ave|Co|No|Nos|approx|c|e\.g|i\.e|etc|vs|inc)\.|"
    r"\b[A-Z]\.)[”\"’)]?$"
)
"""A piece that ends in one of these did not end a sentence ("Mr. Long", "c. 40", "J. Smith",
"Hollowmere, Co. Northshire")."""

_STOP = r"(?:(?<=[.!?])|(?<=[.!?][”\"’)]))"
_STARTS = r"(?=[\[A-Z0-9£“\"‘'(•])"
_DATED_HEADING = r"(?=[A-Z][a-z]+ \d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+ (?:19|20)\d{2})"

_PROSE_BREAK = re.compile(rf"(?:{_STOP}|(?<=;))\s+{_STARTS}|\n+|\s+•\s+|\s+{_DATED_HEADING}")
"""Document prose: a stop (or ``;``) before a sentence start, a line break, an inline bullet,
or a dated heading run into the text ("… agreed. Tuesday 3 March 2020 …")."""

_LINE_BREAK = re.compile(rf"{_STOP}\s+{_STARTS}")
"""Within one line of generated text (its lines are split by the caller)."""

_TYPED_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")
"""What a person typed: a stop ends a sentence whatever case follows ("is it late? who owns it")."""


def _split(text: str, pattern: re.Pattern[str], *, keep_quotes: bool = False) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in pattern.finditer(text):
        head = text[start : match.start()]
        if _ABBREVIATION.search(head) or (keep_quotes and _inside_quote(text[: match.start()])):
            continue
        pieces.append(head)
        start = match.end()
    pieces.append(text[start:])
    return [p for p in (piece.strip(" •\t") for piece in pieces) if p]


def _inside_quote(before: str) -> bool:
    return before.count("“") > before.count("”")


def sentences(text: str) -> list[str]:
    """The sentences of a document's prose, in order, without bullets or empty pieces."""
    return _split(text or "", _PROSE_BREAK)


def line_sentences(line: str) -> list[str]:
    """The sentences of one line of generated text; a “quotation” is never split."""
    return _split(line, _LINE_BREAK, keep_quotes=True)


def typed_sentences(text: str) -> list[str]:
    """The sentences of a message a person typed (a question, a member's query)."""
    return _split(text or "", _TYPED_BREAK)


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (all of it when it holds one)."""
    found = sentences(text)
    return found[0] if found else (text or "").strip()


def shorten(text: str, limit: int, placeholder: str = " …") -> str:
    """``text`` on one line (white space folded) of at most ``limit`` characters, cut at a word.

    ``textwrap.shorten`` with the cut tidied: no comma or colon left before the placeholder,
    and a single word longer than ``limit`` is cut inside rather than dropped.
    """
    flat = " ".join((text or "").split())
    if len(flat) <= limit:
        return flat
    cut = textwrap.shorten(flat, width=limit, placeholder=placeholder)
    if placeholder and cut.endswith(placeholder):
        body = cut[: -len(placeholder)]
    elif placeholder and cut.strip() == placeholder.strip():
        body = ""  # the first word alone is longer than ``limit``
    else:
        body = cut
    body = body.rstrip(" ,;:")
    if not body:
        body = flat[: max(limit - len(placeholder), 1)]
    return body + placeholder


def tokens(text: str) -> str:
    """The words and figures of ``text``, lower-cased and space-padded, for word-for-word comparison."""
    return " " + " ".join(re.findall(r"[\w£%]+", text.lower())) + " "
