"""HTML (.html, .htm) → corpus text, with selectolax (lexbor: fast, and iterative in C).

Our own walk is iterative too, with an explicit stack, so that a page of thousands of
nested elements cannot hit Python's recursion limit. Nesting is still capped before
lexbor sees the page: HTML tree building checks the stack of open elements at every
tag, so its cost grows with depth × tags — 100,000 nested ``<div>``s take lexbor over a
minute, while real pages nest a few dozen levels.
"""

from __future__ import annotations

import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from indexing.loaders._common import Block, LoadError, clean_text, join_blocks, row_line
from indexing.loaders._text import decode_utf8

_SKIPPED = {"head", "script", "style", "template", "noscript", "-comment"}
_GROUPS = {"ul", "ol", "dl", "table"}
_LINE_BREAKS = _GROUPS | {
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details",
    "div", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hr", "html", "li", "main", "nav", "p", "pre", "section",
    "summary", "tbody", "td", "tfoot", "th", "thead", "tr",
}
_CELLS = {"td", "th"}

MAX_DEPTH = 10_000
"""Deepest element nesting accepted (measured as below; real pages nest a few dozen)."""
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*+)[^<>]*+>")
_NOT_NESTING = {
    # void elements, and those whose end tag is optional (the parser closes them itself)
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup",
    "rb", "rt", "rp", "rtc", "thead", "tbody", "tfoot", "colgroup", "caption", "html",
    "head", "body",
}


def _check_depth(text: str, path: Path) -> None:
    """Refuse a page nested deeper than ``MAX_DEPTH``, in one linear pass over its tags.

    A stack of open elements, as an HTML parser keeps it: an end tag closes its element
    and everything opened inside it; a stray end tag closes nothing.
    """
    stack: list[str] = []
    open_count: dict[str, int] = {}
    for match in _TAG.finditer(text):
        name = match.group(2).lower()
        if name in _NOT_NESTING:
            continue
        if not match.group(1):
            if match.group(0).endswith("/>"):
                continue
            stack.append(name)
            open_count[name] = open_count.get(name, 0) + 1
            if len(stack) > MAX_DEPTH:
                raise LoadError(
                    path,
                    f"HTML nested more than {MAX_DEPTH:,} elements deep — refused "
                    "(a real page nests a few dozen); is it generated or damaged?",
                )
        elif open_count.get(name):
            while stack:
                top = stack.pop()
                open_count[top] -= 1
                if top == name:
                    break


class _Lines:
    """Collects inline text into lines, and lines into blocks (a list or table is one block)."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._words: list[str] = []
        self._bullet = False
        self._group_depth = 0

    def text(self, text: str) -> None:
        self._words.append(text)

    def start(self, tag: str) -> None:
        self.end_line()
        if tag in _GROUPS:
            self._group_depth += 1
            if self._group_depth == 1:
                self.blocks.append([])
        if tag == "li":
            self._bullet = True

    def end(self, tag: str) -> None:
        self.end_line()
        if tag == "li":
            self._bullet = False  # an empty item must not mark the next line
        if tag in _GROUPS:
            self._group_depth -= 1

    def row(self, cells: list[str]) -> None:
        self.end_line()
        self._emit(row_line(cells))

    def end_line(self) -> None:
        line = clean_text("".join(self._words))
        self._words = []
        if line:
            self._emit(f"• {line}" if self._bullet else line)
            self._bullet = False

    def _emit(self, line: str) -> None:
        if self._group_depth:
            self.blocks[-1].append(line)
        else:
            self.blocks.append([line])


def _walk(root: LexborNode, *, rows: bool) -> list[Block]:
    """Blocks of ``root``'s text in document order.

    With ``rows``, each <tr> becomes one TAB-joined line of its cells; inside a cell
    (``rows=False``) a nested table is just more text, so cells never recurse further.
    """
    lines = _Lines()
    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        tag = node.tag or ""
        if closing:
            lines.end(tag)
        elif tag == "-text":
            lines.text(node.text_content or "")
        elif tag in _SKIPPED:
            continue
        elif rows and tag == "tr":
            lines.row([_cell_text(cell) for cell in node.iter() if cell.tag in _CELLS])
        else:
            if tag in _LINE_BREAKS:
                lines.start(tag)
                stack.append((node, True))
            stack.extend((child, False) for child in reversed(list(node.iter(include_text=True))))
    lines.end_line()
    return lines.blocks


def _cell_text(cell: LexborNode) -> str:
    """A cell's text on one line, list items kept as "• " bullets."""
    return " ".join(line for block in _walk(cell, rows=False) for line in block)


def load_html(raw: bytes, path: Path) -> str:
    """An HTML file's visible text: headings, paragraphs, "• " list items, TAB-joined rows."""
    text = decode_utf8(raw, path)
    _check_depth(text, path)
    tree = LexborHTMLParser(text)
    root = tree.body or tree.root
    return join_blocks(_walk(root, rows=True)) if root is not None else ""
