"""Clean text out of one table cell of an extracted plan document.

The published files were converted with HTML fragments left inside the cells
(``<p>``, ``<ul style=…>``, ``<li>``, entities) and with bullets written as a literal
``•``. Answers quote this text, so it must read as the document reads: paragraphs on
their own lines and bullets kept as ``• `` lines, nothing else of the markup.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

# Tag patterns stop at the next "<" ("[^<>]" rather than "[^>]"), so a run of unclosed
# "<" in a damaged file is scanned once, not once per "<" (quadratic).
_BLOCK_BREAK = re.compile(
    r"</p\s*>|<br\s*/?>|</li\s*>|</?ul[^<>]*>|</?ol[^<>]*>|</div\s*>", re.IGNORECASE
)
_LIST_ITEM = re.compile(r"<li[^<>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^<>]+>")
_INLINE_BULLET = re.compile(r"[•▪●]")  # spaces around it go when lines are stripped
_SPACES = re.compile(r"[ \t\u00a0]+")
_UL_BLOCK = re.compile(r"(<ul[^<>]*>)(.*?)(</ul\s*>|$)", re.IGNORECASE | re.DOTALL)
_DASH_BULLET = re.compile(r"(?:^|(?<=\s))[–-](?:\s+|$)")


def _bullets_in_list(match: re.Match[str]) -> str:
    """Inside a ``<ul>``, items written as "– text – text" are bullets too."""
    return match.group(1) + _DASH_BULLET.sub("\n• ", match.group(2)) + match.group(3)


_PLAIN = re.compile(r"[<&•▪●\n]")


def clean_cell(raw: str) -> str:
    """HTML-ish cell text → plain text with paragraphs and ``• `` bullets on their own lines."""
    if not raw:
        return ""
    if not _PLAIN.search(raw):  # no markup, entity, bullet or line break: spaces only
        return _SPACES.sub(" ", raw).strip()
    text = _UL_BLOCK.sub(_bullets_in_list, raw)
    text = _LIST_ITEM.sub("\n• ", text)
    text = _BLOCK_BREAK.sub("\n", text)
    text = _ANY_TAG.sub(" ", text)
    text = html.unescape(text)
    text = _INLINE_BULLET.sub("\n• ", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    kept = [line for line in lines if line and line != "•"]
    return "\n".join(kept)


@lru_cache(maxsize=65536)
def strip_markup(raw: str) -> str:
    """The cell's text on one line: for refs, ratings and initials wrapped in ``<p>``."""
    return _SPACES.sub(" ", clean_cell(raw).replace("\n", " ")).strip()


def first_paragraph_split(raw: str) -> tuple[str, str]:
    """Split a cell holding ``<p>commitment</p> <p>milestones…</p>`` into its two parts.

    Some plans put the commitment and its milestone notes in one cell; the first
    paragraph is the commitment. Where the cell has no paragraphs the first sentence is.
    """
    paragraphs = re.findall(r"<p[^>]*>(.*?)</p\s*>", raw, flags=re.IGNORECASE | re.DOTALL)
    if len(paragraphs) >= 1 and raw.lstrip().lower().startswith("<p"):
        head = clean_cell(paragraphs[0])
        rest_start = raw.lower().find("</p>") + len("</p>")
        return head, clean_cell(raw[rest_start:])
    text = strip_markup(raw)
    match = re.match(r"(.+?[.!?])\s+(?=[A-Z0-9£])", text)
    if match:
        return match.group(1), text[match.end() :].strip()
    return text, ""
