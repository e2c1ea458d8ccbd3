"""Numbered items in running text: "Recommendation 3: A better approach to risk assessment".

Responses to an inquiry or a scrutiny review, action plans and strategies often set out
their items as numbered headings in the prose, each followed by its text and the
response or progress. Where a document has a series of them (two or more under the
same word), each becomes an item of the kind the word names, with its number as ref,
its heading as the item's words and the prose up to the next one as its text. Lines of
a contents page (dot leaders, a page number) are not items; a footnote that extraction
ran into the heading's line is left out of it.
"""

from __future__ import annotations

import re

from indexing.blocks import Block, BlockKind, Span
from indexing.model import ItemKind, PlanItem
from indexing.readers.passages import span_location

_KINDS = {
    "recommendation": ItemKind.recommendation,
    "action": ItemKind.commitment,
    "commitment": ItemKind.commitment,
    "objective": ItemKind.commitment,
    "priority": ItemKind.commitment,
    "milestone": ItemKind.milestone,
}
_HEADING = re.compile(
    r"(?:^|(?<=\s))(?P<word>recommendation|action|commitment|objective|priority|milestone)\s+"
    r"(?P<ref>\d{1,3}[a-z]?(?:\.\d{1,2})?)\s*[:.–—-]\s*(?P<title>\S.*)$",
    re.IGNORECASE,
)
_LEADER = re.compile(r"\.{4,}|…{2,}|\s\d{1,3}$")
_MAX_TEXT = 6000


def _heading(block: Block) -> re.Match[str] | None:
    if block.is_table or _LEADER.search(block.text or ""):
        return None
    text = " ".join((block.text or "").split())
    match = _HEADING.search(text)
    # at the start of its line, or after a footnote the extraction ran into it
    return (
        match
        if match and (match.start() == 0 or match.start() <= 80 and match["word"][0].isupper())
        else None
    )


def read_numbered(
    blocks: list[Block], *, doc_id: str, source: str, sections: dict[int, str | None] | None = None
) -> list[PlanItem]:
    """Items of every series of numbered headings in the document's prose; ``sections``
    gives the heading each block sits under."""
    found = [(i, m) for i, b in enumerate(blocks) if (m := _heading(b))]
    words = [m["word"].lower() for _, m in found]
    series = {w for w in words if words.count(w) >= 2}
    found = [(i, m) for i, m in found if m["word"].lower() in series]
    items: list[PlanItem] = []
    for n, (index, match) in enumerate(found):
        end = found[n + 1][0] if n + 1 < len(found) else len(blocks)
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following is not None and _LEADER.search(following.text or ""):
            continue  # a contents entry run on to its dot leaders
        title = match["title"].strip()
        body: list[str] = []
        last: Span = blocks[index].at
        for block in blocks[index + 1 : end]:
            if block.is_table or not block.text.strip():
                continue
            text = " ".join(block.text.split())
            if (
                not body
                and len(title) + len(text) < 200
                and text[:1].islower()
                and not title.endswith(".")
            ):
                title = f"{title} {text}"  # the heading ran on to the next line
            else:
                body.append(f"• {text}" if block.kind is BlockKind.list_item else text)
            last = block.at
            if sum(len(b) for b in body) > _MAX_TEXT:
                break
        word = match["word"].lower()
        items.append(
            PlanItem(
                id=f"{doc_id}:{word}-{match['ref']}",
                document_id=doc_id,
                kind=_KINDS[word],
                ref=match["ref"],
                commitment=title,
                update="\n".join(body) or None,
                section=(sections or {}).get(index),
                location=span_location(source, blocks[index].at, last),
            )
        )
    # The same number twice (a summary, then the full text): the fuller one is the item.
    best: dict[str, PlanItem] = {}
    for item in items:
        kept = best.get(item.id)
        if kept is None or len(item.update or "") > len(kept.update or ""):
            best[item.id] = item
    return [item for item in items if best[item.id] is item]
