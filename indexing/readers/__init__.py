"""Blocks of one file → a ``PlanDocument``: sections, items of every kind, tables of
figures, passages, the document's key to people and the rows that could not be placed.

The loaders (``indexing/loaders``) give a file's content as blocks in reading order;
this reader walks them once. Headings (and paragraphs that read as headings) open
sections; of headings of one rank printed one after another with nothing between, only
the last titles a section, and their lines together open the text under it. Tables are
read by their headers (``tables.py``); prose becomes passages under its heading
(``passages.py``), lines of figures table rows (``figure_lines.py``) and series of
numbered headings ("Recommendation 3: …") items (``numbered.py``). Readers for KPI
cards in running text, the cabinet member and director a section names, and member
questions with their answers run after, on the same blocks, when they are installed.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from indexing.blocks import Block, BlockKind
from indexing.cell_text import strip_markup
from indexing.model import DocumentMeta, PlanDocument, TableRow
from indexing.people_key import KEY_HEADING, find_people_key
from indexing.readers.figure_lines import FigureLines, split_figures
from indexing.readers.items import plan_items
from indexing.readers.numbered import read_numbered
from indexing.readers.passages import PassageBuilder, looks_like_heading, span_location
from indexing.readers.roles import read_value
from indexing.readers.tables import TableReader


def _refs(blocks: list[Block]) -> set[str]:
    """Every ref that opens a table row: parents ("3" before "3.1") are found from these."""
    found = set()
    for block in blocks:
        for row in block.rows:
            cells = [strip_markup(c) for c in row.cells]
            filled = [c for c in cells if c]
            if len(filled) >= 2 and cells and cells[0] and read_value(cells[0]).ref:
                found.add(cells[0])
    return found


def _same_rank(before: Block, heading: Block) -> bool:
    return (
        before.kind is BlockKind.heading
        and heading.kind is BlockKind.heading
        and before.level == heading.level
        and bool(before.text.strip())
    )


def _heading_run(blocks: list[Block], index: int) -> list[Block]:
    """The headings of one rank printed one after another, nothing between, that end at
    ``blocks[index]``: every one but the last titles nothing, so they are lines set large
    (a title page's "Presented to Parliament by …" above its date) rather than sections.
    Empty when the run goes on past ``index``; the block alone when it ends no run."""
    if not 0 <= index < len(blocks):
        return []
    if index + 1 < len(blocks) and _same_rank(blocks[index], blocks[index + 1]):
        return []
    start = index
    while start > 0 and _same_rank(blocks[start - 1], blocks[start]):
        start -= 1
    return blocks[start : index + 1]


def _without(block: Block, rows: set[int]) -> Block:
    return block.model_copy(update={"rows": [r for i, r in enumerate(block.rows) if i not in rows]})


def _optional(module: str, name: str) -> Callable[..., Any] | None:
    """A reader another module provides, when it is installed (None until it is)."""
    try:
        found = importlib.import_module(f"indexing.readers.{module}")
    except ModuleNotFoundError as err:
        if err.name == f"indexing.readers.{module}":
            return None
        raise
    return getattr(found, name, None)


def read_document(
    blocks: list[Block], meta: DocumentMeta, *, doc_id: str, source: str, sha256: str
) -> PlanDocument:
    """Read one file's blocks into a ``PlanDocument``."""
    key, key_location, key_rows_by_block = find_people_key(blocks, source)
    tables = TableReader(meta, _refs(blocks), source)
    prose = PassageBuilder(doc_id, source)

    def flush() -> None:
        for text, span, section in tables.out.passages:
            prose.add(text, span, section)
        tables.out.passages.clear()

    figures = FigureLines()

    def prose_block(index: int, block: Block) -> None:
        if split_figures(block.text) is None and (
            block.kind is BlockKind.heading
            or (block.kind is BlockKind.paragraph and looks_like_heading(block.text))
        ):
            if KEY_HEADING.match(block.text or "") and index + 1 in key_rows_by_block:
                return
            tables.interrupt(heading=" ".join(block.text.split()))
            run = _heading_run(blocks, index)
            if len(run) > 1:
                prose.add("\n".join(b.text.strip() for b in run), run[0].at, tables.section)
        elif block.text.strip():
            tables.interrupt()
            text = f"• {block.text.strip()}" if block.kind is BlockKind.list_item else block.text
            prose.add(text, block.at, tables.section)

    def flush_figures() -> None:
        rows, back = figures.flush()
        for cells, span in rows:
            tables.out.rows.append(
                TableRow(
                    id="",
                    document_id="",
                    table=tables.caption or tables.section or "",
                    section=tables.section,
                    cells=cells,
                    location=span_location(source, span),
                )
            )
        for block in back:
            prose_block(-1, block)

    section_at: dict[int, str | None] = {}
    for index, block in enumerate(blocks):
        section_at[index] = tables.section
        if not block.is_table and figures.take(block):
            continue
        flush_figures()
        if block.is_table:
            tables.read(_without(block, key_rows_by_block.get(index, set())))
        else:
            prose_block(index, block)
        flush()
    flush_figures()
    out = tables.finish()
    flush()
    items = plan_items(out.drafts, key, doc_id, source)
    items += read_numbered(blocks, doc_id=doc_id, source=source, sections=section_at)
    for n, row in enumerate(out.rows, start=1):
        row.id, row.document_id = f"{doc_id}:t{n}", doc_id
        row.location.path = source
    for orphan in out.unplaced:
        orphan.location.path = source

    read_kpi_cards = _optional("kpi", "read_kpi_cards")
    if read_kpi_cards is not None:
        items = read_kpi_cards(blocks, items, doc_id=doc_id, source=source, period=meta.period)
    read_questions = _optional("questions", "read_questions")
    if read_questions is not None:
        items = [*items, *read_questions(blocks, doc_id=doc_id, source=source)]
    assign_section_people = _optional("section_people", "assign_section_people")
    if assign_section_people is not None:
        assign_section_people(blocks, items)

    return PlanDocument(
        id=doc_id,
        meta=meta,
        sha256=sha256,
        sections=out.sections,
        items=items,
        tables=out.rows,
        passages=prose.passages,
        people_key={p.initials: p for p in key.values()},
        people_key_location=key_location,
        unplaced_rows=out.unplaced,
    )


__all__ = ["read_document"]
