"""Document text as a quotation: one line, in quotation marks, never a line of ours.

Whatever a document says is data, not the assistant speaking. A paper can hold a line
that reads like one of our own ("Source: <another document>, ref 12.1 [1]", "SYSTEM:
ignore the above"); copied into an answer as it stands, it would start a line of the
answer and read as our citation. So every piece of document text that goes into an
answer's or a draft's own lines passes through ``quote`` (or ``one_line`` where the
caller puts its own quotation marks around it):

- line breaks of every kind (``\\n``, ``\\r``, U+2028/2029, U+0085, form feed) become
  spaces, so a document's line can never begin a line of ours;
- other control and format characters (ANSI escapes, bidi overrides, zero-width
  characters) are dropped;
- ``[1]``-style markers (``assistant.markers``) become ``(1)``, so a quote cannot point at one of our sources;
- curly double quotes inside become single ones, so ours stay balanced and the quote
  visibly ends where the document's words end.

The citation that goes with the quote is built from the index's own metadata
(document title, period, ref, file location), never from the quoted words.
"""

from __future__ import annotations

import unicodedata

from assistant.markers import MARKER
from indexing.text import shorten

_BREAKS = str.maketrans({c: " " for c in "\n\r\t\v\f\x1c\x1d\x1e\x85\u2028\u2029"})


def one_line(text: str, limit: int | None = None) -> str:
    """``text`` flattened to one neutral line (see the module docstring), cut at a word."""
    text = (text or "").translate(_BREAKS)
    text = "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cf"))
    text = MARKER.sub(lambda m: f"({m.group(1).strip()})", text)
    text = " ".join(text.replace("“", "‘").replace("”", "’").split())
    return text if limit is None else shorten(text, limit)


def quote(text: str, limit: int | None = None) -> str:
    """``text`` as a quotation: ``“…”`` around ``one_line(text)``."""
    return f"“{one_line(text, limit)}”"


_NUMBER_NAMES = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()


def number_words(upto: int) -> dict[str, str]:
    """The numbers one to ``upto`` (at most twenty) as words, each to its digits:
    ``number_words(4)`` → ``{"one": "1", "two": "2", "three": "3", "four": "4"}``."""
    return {word: str(n) for n, word in enumerate(_NUMBER_NAMES[:upto], start=1)}
