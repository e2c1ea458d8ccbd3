"""Citations built from the index's own metadata: document, period, ref, page, quote, link.

What a citation says of its source comes from the node's metadata and the parsed row,
never from the quoted words; a quote from a passage printed over several pages is cited
at the page that holds it.
"""

from __future__ import annotations

import re

from assistant.models import Citation, Location, Passage, PlanItem, TableRow
from assistant.text import one_line
from indexing.store import IndexStore, StoredNode


def document_label(meta: dict) -> str:
    """The document as a citation names it: its title, and its period where it has one."""
    period = meta.get("document_period")
    title = meta.get("document_title", meta.get("plan_document", ""))
    return f"{title}, {period}" if period else title


def _link(meta: dict, location: Location) -> str | None:
    """The paper's public address, at the page for a PDF (``…/x.pdf#page=23``)."""
    url = meta.get("document_url") or None
    if url and location.page and "#" not in url:
        return f"{url}#page={location.page}"
    return url


def _citation(
    meta: dict,
    document_id: str,
    location: Location,
    *,
    ref: str | None,
    section: str | None,
    quote: str,
) -> Citation:
    location = _placed(location, quote)
    return Citation(
        document=meta.get("document_title", document_id),
        document_id=document_id,
        date=meta.get("document_period") or meta.get("document_date") or None,
        ref=ref,
        section=section,
        quote=quote,
        source=str(location),
        page=location.page,
        url=_link(meta, location),
    )


def spans_pages(location: Location) -> bool:
    """A location over several pages of a PDF (a passage reflowed over a page break)."""
    return bool(location.page and location.page_end and location.page_end != location.page)


def _placed(location: Location, text: str) -> Location:
    """A location over several pages narrowed to the one that prints ``text``: a sentence
    of a passage over a page break is cited at the page it is printed on; the location as
    it was when it is on one page, or the text is found on its first page or not at all."""
    first, last = location.page, location.page_end
    if first is None or last is None or not spans_pages(location):
        return location
    from assistant.answering.quote_page import page_of_quote
    from assistant.config import get_settings

    page = page_of_quote(location.path, first, last, text, get_settings().corpus_dir)
    if page == first:
        return location
    return location.model_copy(update={"page": page, "page_end": None})


def on_page_of(passage: Passage, text: str) -> Passage:
    """``passage`` placed on the one page of its range that prints ``text`` (a vote's side
    asked about, "Abstain (8) Mr Brady, …", printed over the page break of its vote), so a
    citation of it opens there; the passage as it was when it is on one page or the text
    is not found."""
    placed = _placed(passage.location, text)
    return (
        passage if placed is passage.location else passage.model_copy(update={"location": placed})
    )


_FIGURE_CELL = re.compile(r"^[-(]?[£$€]?\d[\d,]*(?:\.\d+)?[)%]?(?:bn|[km])?$")
"""A cell that is one figure ("4", "20.0", "£1.2m", "£3bn", "£500k")."""


def item_quote(item: PlanItem, *, with_update: bool = True) -> str:
    """The item's own words as the paper prints them: its title, the line that gives its
    values where the reader kept it (a KPI card: "Latest: 94% Target: 90%…"), its update."""
    card = item.fields.get("card")
    cells: list[str] = []
    if not card and not item.update:
        # A row with no update of its own (a risk's cause, event and exposure): its cells
        # as printed, so the quote holds every value the answer states.
        cells = [
            one_line(str(v)) for k, v in item.fields.items() if v and not k.startswith("summary_")
        ]
        cells += [one_line(str(v)) for v in item.other_fields.values() if v]
        # A register prints its figures (likelihood, exposure) in its last columns, side
        # by side ("4 20.0"): the quote keeps them together, after the words.
        cells = [c for c in cells if not _FIGURE_CELL.match(c)] + [
            c for c in cells if _FIGURE_CELL.match(c)
        ]
    return "\n".join(
        filter(None, [item.commitment, card, item.update if with_update else None, *cells])
    )


def item_citation(node: StoredNode, item: PlanItem, quote: str | None = None) -> Citation:
    return _citation(
        node.metadata,
        item.document_id,
        item.location,
        ref=item.ref,
        section=item.section,
        quote=quote or item_quote(item),
    )


def passage_citation(node: StoredNode, passage: Passage, quote: str | None = None) -> Citation:
    return _citation(
        node.metadata,
        passage.document_id,
        passage.location,
        ref=None,
        section=passage.section,
        quote=quote or passage.text,
    )


QUOTE_HEAD = 60
"""Characters of a quote's start that find the passage it was taken from."""


def quoted_passage_at(passages: list[Passage], quote: str) -> int | None:
    """The index of the passage a quote was taken from (the first that holds its start)."""
    head = quote[:QUOTE_HEAD]
    return next((n for n, p in enumerate(passages) if head and head in p.text), None)


def quoted_passage_citation(store: IndexStore, passage: Passage, quote: str) -> Citation | None:
    """A parsed passage cited with a quote of it, its metadata read from the index's node
    of the same id; None when the index does not hold that node."""
    nodes = store.read([passage.id])
    return passage_citation(nodes[0], passage, quote=quote) if nodes else None


def row_citation(node: StoredNode, row: TableRow, quote: str | None = None) -> Citation:
    from assistant.answering.evidence import row_sentence

    return _citation(
        node.metadata,
        row.document_id,
        row.location,
        ref=None,
        section=row.section or row.table,
        quote=quote or row_sentence(row),
    )


def node_citation(node: StoredNode, quote: str | None = None) -> Citation:
    if node.is_item:
        return item_citation(node, node.item(), quote)
    if node.is_row:
        return row_citation(node, node.row(), quote)
    return passage_citation(node, node.passage(), quote)


def sources_line(citations: list[Citation]) -> str:
    """ "Source: <document>, <date>; …": the papers a list answer's rows come from, each
    once, so a list across several papers says which ones (and of when) it was read from."""
    sources = sorted({c.document + (f", {c.date}" if c.date else "") for c in citations})
    return "Source: " + "; ".join(sources)


def source_place(citation: Citation) -> str:
    """Where a one-source answer comes from, for its "Source:" line: "<document>, <date>,
    ref <ref>, p. <page>", each part only when the citation has it."""
    return citation.document + "".join(
        f", {part}"
        for part in (
            citation.date,
            f"ref {citation.ref}" if citation.ref else None,
            f"p. {citation.page}" if citation.page else None,
        )
        if part
    )
