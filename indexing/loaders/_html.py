"""HTML (.html, .htm) → blocks, with selectolax (lexbor: fast, and iterative in C).

Headings ``h1``–``h6`` with their level, paragraphs, list items, and tables as tables:
rows in ``thead`` or made only of ``th`` cells are header rows. Our own walk is
iterative, with an explicit stack, so that deep nesting cannot hit Python's recursion
limit; ``_html_limits`` refuses, before lexbor sees the page, markup whose tree building
would take minutes.
"""

from __future__ import annotations

from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from indexing.blocks import Block, BlockKind, Row
from indexing.loaders._common import (
    clean_text,
    make_row,
    split_header,
    table_block,
    text_block,
)
from indexing.loaders._html_limits import check_markup
from indexing.loaders._text import decode_utf8

_SKIPPED = {"head", "script", "style", "template", "noscript", "-comment"}
_LINE_BREAKS = {
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
}
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_CELLS = {"td", "th"}


class _Collector:
    """Inline text into headings, paragraphs and list items; rows into tables."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._words: list[str] = []
        self._heading: list[int] = []
        self._items = 0
        self._tables: list[tuple[list[Row], int]] = []  # rows, header rows marked

    def text(self, text: str) -> None:
        self._words.append(text)

    def start(self, tag: str) -> None:
        self.end_line()
        if tag in _HEADINGS:
            self._heading.append(_HEADINGS[tag])
        elif tag == "li":
            self._items += 1
        elif tag == "table":
            self._tables.append(([], 0))

    def end(self, tag: str) -> None:
        self.end_line()
        if tag in _HEADINGS and self._heading:
            self._heading.pop()
        elif tag == "li" and self._items:
            self._items -= 1
        elif tag == "table" and self._tables:
            rows, marked = self._tables.pop()
            header, body = split_header(rows, marked)
            table = table_block(header, body)
            if table is not None:
                self.blocks.append(table)

    def row(self, cells: list[str], is_header: bool) -> None:
        self.end_line()
        if not self._tables:
            self._tables.append(([], 0))
        rows, marked = self._tables[-1]
        if is_header and marked == len(rows):
            marked += 1
        rows.append(make_row(cells))
        self._tables[-1] = (rows, marked)

    def end_line(self) -> None:
        text = "".join(self._words)
        self._words = []
        if self._heading:
            block = text_block(BlockKind.heading, text, level=self._heading[-1])
        elif self._items:
            block = text_block(BlockKind.list_item, text)
        else:
            block = text_block(BlockKind.paragraph, text)
        if block is not None:
            self.blocks.append(block)


def _is_header_row(row: LexborNode, cells: list[LexborNode]) -> bool:
    parent = row.parent
    in_head = parent is not None and parent.tag == "thead"
    return in_head or (bool(cells) and all(cell.tag == "th" for cell in cells))


def _walk(root: LexborNode) -> list[Block]:
    """Blocks of ``root``'s content in document order; each ``tr`` is one row of cells."""
    out = _Collector()
    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        tag = node.tag or ""
        if closing:
            out.end(tag)
        elif tag == "-text":
            out.text(node.text_content or "")
        elif tag in _SKIPPED:
            continue
        elif tag == "tr":
            cells = [cell for cell in node.iter() if cell.tag in _CELLS]
            out.row([_cell_text(cell) for cell in cells], _is_header_row(node, cells))
        else:
            if tag in _LINE_BREAKS:
                out.start(tag)
                stack.append((node, True))
            stack.extend((child, False) for child in reversed(list(node.iter(include_text=True))))
    out.end_line()
    return out.blocks


def _cell_text(cell: LexborNode) -> str:
    """A cell's text on one line: nested lists as "• " items, a nested table as its text."""
    parts: list[str] = []
    stack: list[LexborNode] = [cell]
    while stack:
        node = stack.pop()
        tag = node.tag or ""
        if tag == "-text":
            parts.append(node.text_content or "")
            continue
        if tag in _SKIPPED:
            continue
        if tag == "li":
            parts.append(" • ")
        elif tag in _LINE_BREAKS:
            parts.append(" ")
        stack.extend(reversed(list(node.iter(include_text=True))))
    text = clean_text("".join(parts))
    return text.removeprefix("• ")


def load_html(raw: bytes, path: Path) -> list[Block]:
    """An HTML file's visible content as blocks."""
    text = decode_utf8(raw, path)
    check_markup(text, path)
    tree = LexborHTMLParser(text)
    root = tree.body or tree.root
    return _walk(root) if root is not None else []
