"""Markdown (.md) → blocks, with markdown-it (CommonMark plus pipe tables).

``#`` headings with their level; a paragraph that is bold from end to end
(``**Votes of Sympathy**``) is a heading one level below the deepest ``#`` level;
paragraphs, list items, pipe tables with their header row and body rows (links keep
their text), and TAB-separated lines as tables, as in corpus text. Markdown converted
from a PDF often keeps each visual line as its own paragraph and a page break as a rule
followed by the page number: such lines are joined back into one paragraph while the
previous one has not ended a sentence, and lone page numbers after a rule are dropped
(a line underlined with dashes before such a number is text, not a heading). A number
with its full stop alone on a line ("19.", which CommonMark reads as an empty list
item) is the number of what follows — a question, a minute — and is kept as its own
paragraph, never joined with the text either side. A paragraph that opens with a
bullet glyph of the PDF's ("•", or a Symbol-font bullet such as U+F0B7) is a list item.
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from indexing.blocks import Block, BlockKind, Row, Span
from indexing.loaders._common import (
    LoadError,
    clean_text,
    ends_sentence,
    make_row,
    table_block,
)
from indexing.loaders._text import decode_utf8, text_blocks

_PARSER = MarkdownIt("commonmark", {"html": False}).enable("table")
MAX_MARKS = 100_000
"""Characters that start inline markup ([ ` < * _ & !) one file may hold. markdown-it
spends tens of microseconds on each, so a file of nothing else takes minutes; a long
real document has a few thousand."""
_MARKS = "[`<*_&!"
_PAGE_NUMBER = re.compile(r"^\d{1,4}$")
_BULLET = re.compile(r"^[•●▪■◦‣∙\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8]\s*")
"""A bullet glyph a PDF-to-Markdown conversion left at the start of a paragraph (Symbol
font bullets come through as private-use characters such as U+F0B7): a list item."""
_JOIN_MIN_CHARS = 40
"""A paragraph this long that stops mid-sentence is a wrapped line of a longer one."""


def _inline_text(token: Token) -> str:
    """An inline run's words: emphasis marks dropped, links as their text, breaks as spaces."""
    if not token.children:
        return clean_text(token.content)
    return clean_text(
        "".join(
            " " if child.type in ("softbreak", "hardbreak") else child.content
            for child in token.children
            if child.type in ("text", "code_inline", "softbreak", "hardbreak")
        )
    )


def _all_bold(token: Token) -> bool:
    """An inline run that is bold from its first to its last character."""
    children = [c for c in token.children or [] if not (c.type == "text" and not c.content.strip())]
    if (
        len(children) < 3
        or children[0].type != "strong_open"
        or children[-1].type != "strong_close"
    ):
        return False
    depth = 0
    for child in children[:-1]:
        depth += {"strong_open": 1, "strong_close": -1}.get(child.type, 0)
        if depth == 0 and child is not children[0]:
            return False
    return True


def _span(token: Token) -> Span:
    if token.map:
        start, end = token.map
        return Span(line=start + 1, line_end=end if end > start + 1 else None)
    return Span()


def _table(tokens: list[Token], start: int) -> tuple[Block | None, int]:
    """The pipe table opening at ``tokens[start]``, and the index after it."""
    header: list[Row] = []
    body: list[Row] = []
    cells: list[str] = []
    in_head = False
    row_at = Span()
    index = start
    while index < len(tokens):
        token = tokens[index]
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            cells, row_at = [], _span(token)
            row_at = Span(line=row_at.line)
        elif token.type == "inline":
            cells.append(_inline_text(token))
        elif token.type == "tr_close":
            (header if in_head else body).append(make_row(cells, row_at))
        elif token.type == "table_close":
            return table_block(header, body), index + 1
        index += 1
    return table_block(header, body), index


_MAX_HEADING_CHARS = 200


def _reflow(blocks: list[tuple[Block, bool]], bold: set[int], numbers: set[int]) -> list[Block]:
    """Join paragraphs that are the wrapped lines of one; drop page numbers after rules.

    ``bold``: ids of headings made from bold paragraphs. Wrapped lines of one are joined
    too, and one that reads as a sentence (ends with a full stop, or runs long) is a
    bold paragraph, not a heading. ``numbers``: ids of the paragraphs that are a number
    alone on a line ("19."), never joined with the text either side.
    """
    out = _join_wrapped(blocks, bold, numbers)
    for block in out:
        sentence = block.text.rstrip("”’\"'").endswith(".")
        if id(block) in bold and (sentence or len(block.text) > _MAX_HEADING_CHARS):
            block.kind, block.level = BlockKind.paragraph, 0
    return out


def _join_wrapped(
    blocks: list[tuple[Block, bool]], bold: set[int], numbers: set[int]
) -> list[Block]:
    out: list[Block] = []
    after_rule = False
    for block, is_rule in blocks:
        if is_rule:
            after_rule = True
            continue
        if after_rule and block.kind is BlockKind.paragraph and _PAGE_NUMBER.match(block.text):
            after_rule = False
            continue
        after_rule = False
        last = out[-1] if out else None
        if (
            last is not None
            and id(last) in bold
            and id(block) in bold
            and last.level == block.level
            and not ends_sentence(last.text)
        ):
            last.text = f"{last.text} {block.text}"
            last.at.line_end = block.at.line_end or block.at.line
            continue
        if (
            last is not None
            and last.kind in (BlockKind.paragraph, BlockKind.list_item)
            and block.kind is BlockKind.paragraph
            and not ends_sentence(last.text)
            and id(last) not in numbers
            and id(block) not in numbers
            and (len(last.text) >= _JOIN_MIN_CHARS or block.text[:1].islower())
        ):
            last.text = f"{last.text} {block.text}"
            last.at.line_end = block.at.line_end or block.at.line
            continue
        out.append(block)
    return out


def markdown_blocks(text: str, path: Path) -> list[Block]:
    marks = sum(text.count(mark) for mark in _MARKS)
    if marks > MAX_MARKS:
        raise LoadError(
            path,
            f"has {marks:,} Markdown markup characters ([ ` < * _ & !), over the "
            f"{MAX_MARKS:,} markup limit — is it generated? Save it as plain text",
        )
    tokens = _PARSER.parse(text)
    deepest = max(
        (int(t.tag[1]) for t in tokens if t.type == "heading_open" and t.markup.startswith("#")),
        default=0,
    )
    found: list[tuple[Block, bool]] = []
    bold: set[int] = set()
    numbers: set[int] = set()
    in_item = 0
    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind = None
        is_bold = False
        if token.type == "table_open":
            table, index = _table(tokens, index)
            if table is not None:
                found.append((table, False))
            continue
        if token.type == "hr":
            found.append((Block(kind=BlockKind.paragraph), True))
        elif token.type == "list_item_open":
            in_item += 1
            if tokens[index + 1].type == "list_item_close" and token.markup in (".", ")"):
                number = Block(
                    kind=BlockKind.paragraph, text=f"{token.info}{token.markup}", at=_span(token)
                )
                found.append((number, False))  # "19." alone on its line: a question's number
                numbers.add(id(number))
        elif token.type == "list_item_close":
            in_item -= 1
        elif token.type == "heading_open" and _is_page_break(tokens, index):
            inline = tokens[index + 1]
            block = Block(kind=BlockKind.paragraph, text=_inline_text(inline), at=_span(token))
            found += [(block, False), (Block(kind=BlockKind.paragraph), True)]
            index += 3
            continue
        elif token.type == "heading_open":
            kind, level = BlockKind.heading, int(token.tag[1])
        elif token.type == "paragraph_open":
            inline = tokens[index + 1]
            if "\t" in inline.content and not in_item:
                found += [(b, False) for b in _tab_blocks(inline.content, token)]
                index += 3
                continue
            kind, level = BlockKind.paragraph, 0
            if in_item:
                kind = BlockKind.list_item
            elif _all_bold(inline):
                kind, level = BlockKind.heading, deepest + 1
                is_bold = True
        elif token.type in ("fence", "code_block"):
            found += [(b, False) for b in _tab_blocks(token.content, token)]
        if kind is not None:
            inline = tokens[index + 1]
            words = _inline_text(inline)
            if kind is BlockKind.paragraph and _BULLET.match(words):
                kind, words = BlockKind.list_item, _BULLET.sub("", words)
            if words:
                block = Block(kind=kind, text=words, level=level, at=_span(token))
                if (
                    kind is BlockKind.list_item
                    and found
                    and found[-1][0].kind is kind
                    and (found[-1][0].at.line_end or found[-1][0].at.line or 0)
                    >= (block.at.line or 0)
                ):
                    found[-1][0].text += f" {words}"  # a second paragraph of one item
                else:
                    found.append((block, False))
                    if is_bold:
                        bold.add(id(block))
            index += 3
            continue
        index += 1
    return _reflow(found, bold, numbers)


def load_markdown(raw: bytes, path: Path) -> list[Block]:
    """A Markdown file's blocks (UTF-8 only, as text files)."""
    return markdown_blocks(decode_utf8(raw, path), path)


def _is_page_break(tokens: list[Token], index: int) -> bool:
    """A line underlined with dashes and followed by a bare number: in Markdown converted
    from a PDF that is a line of text, a page break and the page number, not a heading."""
    following = tokens[index + 3 : index + 5]
    return (
        tokens[index].markup == "-"
        and len(following) == 2
        and following[0].type == "paragraph_open"
        and bool(_PAGE_NUMBER.match(following[1].content.strip()))
    )


def _tab_blocks(content: str, token: Token) -> list[Block]:
    """TAB-separated lines inside Markdown, read as corpus text at their own line numbers."""
    offset = token.map[0] if token.map else 0
    blocks = text_blocks(content)
    for block in blocks:
        for span in [block.at] + [row.at for row in block.rows]:
            if span.line is not None:
                span.line += offset
            if span.line_end is not None:
                span.line_end += offset
    return blocks
