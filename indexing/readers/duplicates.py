"""Content one paper repeats from another: a meeting's reports pack and its papers.

A committee system publishes each paper on its own and again inside the meeting's
"reports pack" (or a supplement that encloses a late paper after a covering letter), so
the same sentences would be indexed — and cited — twice. Papers are compared by their
content, never their file names: each document's text (passages, items, table rows)
becomes a set of hashed word 5-gram shingles, and a document repeats another
when nearly all of the other's shingles are in it.

``find_duplicates`` says which document repeats which (the pack → the separate paper);
``duplicate_nodes`` says, node by node (passage, item or table row id), which node of the
separate paper a repeated one is, so ingest can drop the repeats or index them down-ranked
with a pointer to the original — a citation then names the separate paper.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import combinations

from indexing.model import PlanDocument

SHINGLE = 5
"""Words per shingle: long enough that shared stock phrases rarely match."""
CONTAINED = 0.95
"""Share of a paper's shingles another document must hold to repeat it. A decision record
quoting most of its report (about 85% of the record's shingles) is a paper of its own."""
NODE_CONTAINED = 0.9
"""Share of a node's shingles the original paper must hold for the node to be a repeat."""
MIN_SHINGLES = 40
"""Papers (and nodes) shorter than this are not judged: too little text to tell."""

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_FIGURE = re.compile(r"\d[\d,.]*\d|\d")


def figures(text: str) -> Counter[str]:
    """The numbers a text states, each as often as it states it ("120.9", "1,530.9" as
    "1530.9"): a node that states a figure its original does not, or states it more often
    (a cause revised from "£12.75m" to "£14.2m", the risk's exposure being 14.2 in both),
    is a revision, not a copy, however few words differ."""
    return Counter(f.replace(",", "") for f in _FIGURE.findall(text))


def shingles(text: str) -> set[int]:
    """Hashes of the text's word 5-grams (case and punctuation ignored); a text shorter
    than one shingle gives the hash of all its words. Hashes hold within one run only:
    they are compared, never stored."""
    words = tuple(w.lower() for w in _WORD.findall(text))
    if len(words) < SHINGLE:
        return {hash(words)} if words else set()
    return {hash(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def nodes(document: PlanDocument) -> Iterator[tuple[str, str]]:
    """Every indexed piece of a document as (node id, text): passages, items, table rows."""
    for passage in document.passages:
        yield passage.id, passage.text
    for item in document.items:
        values = [item.commitment, item.update, *item.fields.values(), *item.other_fields.values()]
        yield item.id, " ".join(t for t in values if t)
    for row in document.tables:
        yield row.id, " ".join(row.cells.values())


_NodeSets = dict[str, list[tuple[str, set[int]]]]


def _node_sets(documents: list[PlanDocument]) -> _NodeSets:
    return {d.id: [(n, shingles(t)) for n, t in nodes(d)] for d in documents}


def _texts(documents: list[PlanDocument]) -> dict[str, str]:
    return {node_id: text for d in documents for node_id, text in nodes(d)}


def document_shingles(document: PlanDocument) -> set[int]:
    return set().union(*(found for _n, found in _node_sets([document])[document.id]))


def _repeats(
    a: PlanDocument, b: PlanDocument, sa: set[int], sb: set[int], common: int, republications: bool
) -> bool:
    """Whether ``a`` repeats ``b``: it holds nearly all of ``b``; when each holds nearly
    all of the other, the later one (then the longer, then the larger id) is the repeat,
    so the earlier publication is the one cited. Without ``republications``, only a
    document with text of its own besides (a pack's covering letter) repeats another."""
    if len(sb) < MIN_SHINGLES or common < CONTAINED * len(sb):
        return False
    if not republications and len(sa) - common < MIN_SHINGLES:
        return False
    if common < CONTAINED * len(sa):
        return True  # a holds b and more: a pack, a supplement
    key_a = (a.meta.date or "", len(sa), a.id)
    key_b = (b.meta.date or "", len(sb), b.id)
    return key_a > key_b


def _held_papers(
    documents: list[PlanDocument], node_sets: _NodeSets, republications: bool = True
) -> dict[str, list[tuple[int, str]]]:
    """For each document, the papers it repeats with the count of their shared shingles,
    most shared first (set intersections, each over the smaller set of the two)."""
    sets = {doc_id: set().union(*(f for _n, f in ns)) for doc_id, ns in node_sets.items()}
    by_id = {d.id: d for d in documents}
    held: dict[str, list[tuple[int, str]]] = {}
    for x, y in combinations(sorted(sets, key=lambda i: (len(sets[i]), i)), 2):
        if len(sets[y]) < MIN_SHINGLES:  # neither is long enough to be judged
            continue
        count = len(sets[x] & sets[y])
        for a, b in ((x, y), (y, x)):
            if _repeats(by_id[a], by_id[b], sets[a], sets[b], count, republications):
                held.setdefault(a, []).append((count, b))
    return {a: sorted(papers, key=lambda cb: (-cb[0], cb[1])) for a, papers in held.items()}


def _originals(held: dict[str, list[tuple[int, str]]]) -> dict[str, str]:
    best = {a: papers[0][1] for a, papers in held.items()}
    out: dict[str, str] = {}
    for doc_id, original in best.items():
        seen = {doc_id}
        while original in best and original not in seen:
            seen.add(original)
            original = best[original]
        out[doc_id] = original
    return out


def find_duplicates(
    documents: list[PlanDocument], *, republications: bool = True
) -> dict[str, str]:
    """Document id → id of the separate paper it repeats (the one it holds most of,
    followed to a paper that repeats nothing). Documents that repeat nothing are absent.
    ``republications=False`` leaves a paper published again unchanged (the same appendix
    to two meetings) as two papers, and finds packs and supplements only."""
    return _originals(_held_papers(documents, _node_sets(documents), republications))


def _repeated_nodes(
    held: dict[str, list[tuple[int, str]]], node_sets: _NodeSets, texts: dict[str, str]
) -> dict[str, str]:
    paper_sets = {doc_id: set().union(*(f for _n, f in ns)) for doc_id, ns in node_sets.items()}
    out: dict[str, str] = {}
    for doc_id, papers in held.items():
        # papers that repeat nothing first: a node should point where it stays indexed
        papers = sorted(papers, key=lambda cb: cb[1] in held)
        for node_id, found in node_sets[doc_id]:
            for _count, paper in papers:
                if found and len(found & paper_sets[paper]) >= NODE_CONTAINED * len(found):
                    target = max(node_sets[paper], key=lambda ns: len(found & ns[1]))[0]
                    if not figures(texts[node_id]) - figures(texts[target]):
                        out[node_id] = target
                    break
    for node_id, target in out.items():  # a repeat of a repeat points to the first
        seen = {node_id}
        while target in out and target not in seen:
            seen.add(target)
            target = out[target]
        out[node_id] = target
    return out


def duplicate_nodes(
    documents: list[PlanDocument], *, republications: bool = True
) -> dict[str, str]:
    """Node id of a repeating document → id of the same node in a paper it repeats.

    A node is a repeat when a paper its document repeats holds nearly all of it (every
    such paper is looked in, for a pack of several); it points to that paper's node
    sharing most of its shingles, unless it states a figure that node does not (a
    register published again with one exposure revised keeps its revised row). A pack's own nodes (its covering letter) are absent and
    stay indexed; so are all nodes of papers that repeat nothing.
    """
    node_sets = _node_sets(documents)
    held = _held_papers(documents, node_sets, republications)
    return _repeated_nodes(held, node_sets, _texts(documents))


def mark_duplicates(
    documents: list[PlanDocument], *, republications: bool = True
) -> dict[str, str]:
    """Both at once, shingling each document once: sets ``duplicate_of`` on every
    document that repeats a paper and returns ``duplicate_nodes``' map, for ingest to
    drop the repeated nodes or index them down-ranked with a pointer to the original."""
    node_sets = _node_sets(documents)
    held = _held_papers(documents, node_sets, republications)
    originals = _originals(held)
    for document in documents:
        document.duplicate_of = originals.get(document.id)
    return _repeated_nodes(held, node_sets, _texts(documents))
