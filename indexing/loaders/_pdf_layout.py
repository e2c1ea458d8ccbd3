"""PDF lines and page tables → blocks in reading order.

Visual lines become paragraphs again: consecutive lines of one style at the body's line
pitch are one paragraph; a wider gap, a change of size or weight, a list marker, or a
short line ending a sentence ends it. A paragraph that runs off the foot of a page
without ending a sentence is joined with the first paragraph of the next page (footnotes
in between stay after it). Headings are lines set larger than the body text (level by
size, largest first) or bold at body size (the level below). A table that ends one page
and starts the next with the same number of columns is one table, its repeated header
read once.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from indexing.blocks import Block, BlockKind, Row, Span
from indexing.loaders._common import ends_sentence, make_row, table_block
from indexing.loaders._pdf_page import Line, PageContent, PageTable
from indexing.loaders._pdf_running import drop_running

_BULLET = re.compile(r"^[•●▪■◦○‣⁃∙·*\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8o–-]\s+")
_NUMBERED = re.compile(
    r"^(?:\(?(?:\d{1,2}|[a-z]|[ivx]{1,5})[.)]|\((?:\d{1,2}|[a-z]|[ivx]{1,5})\))\s+"
)
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
MAX_HEADING_CHARS = 200
MAX_HEADING_LINES = 3


@dataclass
class _Style:
    body_size: float
    pitch: float
    levels: dict[float, int]
    words: set[str]


@dataclass
class _Piece:
    """A block under construction: text lines, or a table's rows."""

    kind: BlockKind
    lines: list[Line] = field(default_factory=list)
    header: list[Row] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    columns: int = 0
    text: str = ""
    level: int = 0

    @property
    def pages(self) -> list[int]:
        return [line.page for line in self.lines] + [
            r.at.page or 0 for r in self.header + self.rows
        ]


def _size_of(line: Line, style: _Style) -> float:
    return style.body_size if line.size <= 0 else line.size


def _style(pages: list[PageContent]) -> _Style:
    weight: Counter[float] = Counter()
    lines = [i for p in pages for i in p.items if isinstance(i, Line) and i.size > 0]
    for line in lines:
        weight[round(line.size * 2) / 2] += len(line.text)
    body = weight.most_common(1)[0][0] if weight else 10.0
    gaps = [
        b.top - a.top
        for a, b in itertools.pairwise(lines)
        if a.page == b.page
        and abs(a.size - body) < 0.6
        and abs(b.size - body) < 0.6
        and body * 0.9 <= b.top - a.top <= body * 1.8
    ]
    pitch = statistics.median(gaps) if gaps else body * 1.2
    larger = sorted({s for s in weight if s > body + 1}, reverse=True)
    words = {w.lower() for line in lines for w in _WORD.findall(line.text)}
    return _Style(body, pitch, {size: n + 1 for n, size in enumerate(larger)}, words)


def _heading_level(line: Line, style: _Style) -> int:
    """The heading level a line's type would give it, 0 for body text."""
    size = round(_size_of(line, style) * 2) / 2
    if size in style.levels:
        return style.levels[size]
    if line.bold and size >= style.body_size - 0.5:
        return len(style.levels) + 1
    return 0


def _starts_item(text: str) -> bool:
    return bool(_BULLET.match(text) or _NUMBERED.match(text))


def _breaks(prev: Line, line: Line, group: list[Line], style: _Style, right: float) -> bool:
    """Whether ``line`` starts a new block after ``prev`` (same page)."""
    if prev.alone or line.alone:
        return True
    continues = line.text[:1].islower() and not ends_sentence(prev.text)
    if _heading_level(prev, style) != _heading_level(line, style) and not continues:
        return True
    if abs(_size_of(prev, style) - _size_of(line, style)) > 1 or _starts_item(line.text):
        return True
    scale = max(_size_of(prev, style), _size_of(line, style)) / style.body_size
    if line.top - prev.top > style.pitch * 1.35 * scale or line.top < prev.top:
        return True
    short = prev.x1 < right - 0.15 * (right - min(x.x0 for x in group))
    return short and ends_sentence(prev.text) and line.text[:1].isupper()


def _join(texts: list[str], words: set[str]) -> str:
    """Lines → one text: a space between, or a line-end hyphen resolved (a word broken
    across lines joined, a hyphenated word or range kept whole)."""
    out = ""
    for text in texts:
        if not out:
            out = text
        elif out.endswith("\u00ad"):
            out = out[:-1] + text
        elif out.endswith("-") and out[-2:-1].isalpha() and text[:1].islower():
            head = _WORD.findall(out[-40:])
            tail = _WORD.findall(text[:40])
            joined = (head[-1] if head else "") + (tail[0] if tail else "")
            hyphenated = f"{head[-1] if head else ''}-{tail[0] if tail else ''}".lower()
            if joined.lower() in words and hyphenated not in words:
                out = out[:-1] + text
            else:
                out += text
        elif out.endswith("-") and out[-2:-1].isalnum() and text[:1].isalnum():
            out += text  # a hyphenated name or range broken at the line: "UK-France", "2022-23"
        else:
            out = f"{out} {text}"
    return out


def _kind(lines: list[Line], style: _Style) -> tuple[BlockKind, int]:
    level = _heading_level(lines[0], style)
    chars = sum(len(line.text) for line in lines)
    same = all(_heading_level(line, style) == level for line in lines)
    larger = round(_size_of(lines[0], style) * 2) / 2 in style.levels
    short = len(lines) <= MAX_HEADING_LINES and chars <= MAX_HEADING_CHARS
    if level and same and short and (larger or not lines[-1].text.endswith((".", ","))):
        return BlockKind.heading, level
    if _starts_item(lines[0].text):
        return BlockKind.list_item, 0
    return BlockKind.paragraph, 0


def _text_pieces(lines: list[Line], style: _Style, right: float) -> list[_Piece]:
    pieces: list[_Piece] = []
    group: list[Line] = []
    for line in lines:
        if group and _breaks(group[-1], line, group, style, right):
            pieces.append(_Piece(BlockKind.paragraph, lines=group))
            group = []
        group.append(line)
    if group:
        pieces.append(_Piece(BlockKind.paragraph, lines=group))
    for piece in pieces:
        piece.kind, piece.level = _kind(piece.lines, style)
    return pieces


def _header_rows(table: PageTable) -> int:
    """Styled header rows, else the first row when it reads as labels (no empty or number cell)."""
    if table.styled_header:
        return table.header_count
    first = table.rows[0]
    labels = all(
        cell and not cell.replace(",", "").replace(".", "").strip("£%-").isdigit() for cell in first
    )
    return 1 if len(table.rows) > 1 and labels else 0


def _table_piece(table: PageTable) -> _Piece:
    count = _header_rows(table)
    at = Span(page=table.page)
    return _Piece(
        BlockKind.table,
        header=[make_row(list(r), at) for r in table.rows[:count]],
        rows=[make_row(list(r), at) for r in table.rows[count:]],
        columns=table.columns,
    )


def _continue_table(previous: _Piece, table: PageTable) -> bool:
    """Append ``table`` (top of the next page) to ``previous`` if it continues it."""
    if previous.kind is not BlockKind.table or previous.columns != table.columns:
        return False
    header = [row.cells for row in previous.header]
    rows = table.rows
    repeated = rows[: table.header_count]
    if header and rows[: len(header)] == header:
        rows = rows[len(header) :]
    elif header and repeated and all(row in header for row in repeated):
        rows = rows[len(repeated) :]  # the header repeated in part (a units row left out)
    elif table.styled_header and header:
        return False
    at = Span(page=table.page)
    if rows and previous.rows and _rest_of_row(previous.rows[-1].cells, rows[0]):
        last = previous.rows[-1]  # a row split by the page break: its cells continue
        last.cells = [f"{a} {b}".strip() for a, b in zip(last.cells, rows[0], strict=False)]
        rows = rows[1:]
    previous.rows += [make_row(list(r), at) for r in rows]
    return True


def _rest_of_row(last: list[str], first: list[str]) -> bool:
    """Whether a continued table's first row is the rest of the row before the page break:
    its leading cells (two, or the one of a two-column table) empty where the row before
    has its key."""
    lead = 1 if len(first) <= 2 else 2
    return len(first) == len(last) and bool(last[0]) and any(first) and not any(first[:lead])


def _page_pieces(page: PageContent, style: _Style, continues: bool) -> list[_Piece]:
    """One page's pieces; ``continues``: its first item continues the table before it."""
    lines = [i for i in page.items if isinstance(i, Line)]
    right = max((line.x1 for line in lines), default=page.width)
    pieces: list[_Piece] = []
    run: list[Line] = []
    for index, item in enumerate(page.items):
        if isinstance(item, Line):
            run.append(item)
            continue
        if item.prose is not None and not (index == 0 and continues):
            run += item.prose  # a box of prose, not a table
            continue
        pieces += _text_pieces(run, style, right)
        run = []
        pieces.append(_table_piece(item))
    pieces += _text_pieces(run, style, right)
    return pieces


def _is_footnote(piece: _Piece, style: _Style) -> bool:
    return piece.kind is BlockKind.paragraph and all(
        0 < line.size < style.body_size - 0.5 for line in piece.lines
    )


def _merge_page(blocks: list[_Piece], page: PageContent, style: _Style) -> None:
    """Add one page's pieces, continuing a table or paragraph from the page before."""
    first_item = page.items[0] if page.items else None
    continues = bool(
        blocks
        and isinstance(first_item, PageTable)
        and blocks[-1].kind is BlockKind.table
        and blocks[-1].columns == first_item.columns
    )
    pieces = _page_pieces(page, style, continues)
    if blocks and pieces and blocks[-1].pages and min(blocks[-1].pages) < page.number:
        first = pieces[0]
        tables = [i for i in page.items if isinstance(i, PageTable)]
        if first.kind is BlockKind.table and tables and _continue_table(blocks[-1], tables[0]):
            pieces = pieces[1:]
        elif first.kind is BlockKind.paragraph:
            tail = len(blocks) - 1
            while (
                tail > 0
                and _is_footnote(blocks[tail], style)
                and blocks[tail].lines[0].page == page.number - 1
            ):
                tail -= 1
            last = blocks[tail]
            if last.kind in (BlockKind.paragraph, BlockKind.list_item) and not ends_sentence(
                last.lines[-1].text
            ):
                last.lines += first.lines
                pieces = pieces[1:]
    blocks += pieces


def _block(piece: _Piece, style: _Style) -> Block | None:
    if piece.kind is BlockKind.table:
        return table_block(piece.header, piece.rows)
    texts = [line.text for line in piece.lines]
    text = _join(texts, style.words)
    if piece.kind is BlockKind.list_item:
        text = _BULLET.sub("", text, count=1)
    first, last = piece.lines[0].page, piece.lines[-1].page
    at = Span(page=first, page_end=last if last != first else None)
    return Block(kind=piece.kind, text=text, level=piece.level, at=at) if text else None


def layout_blocks(pages: list[PageContent]) -> list[Block]:
    """A document's pages → its blocks in reading order."""
    style = _style(pages)
    drop_running(pages, style.body_size)
    pieces: list[_Piece] = []
    for page in pages:
        _merge_page(pieces, page, style)
    return [b for b in (_block(piece, style) for piece in pieces) if b is not None]
