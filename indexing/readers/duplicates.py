"""Content one paper repeats from another: a meeting's reports pack and its papers.

A committee system publishes each paper on its own and again inside the meeting's
"reports pack" (or a supplement that encloses a late paper after a covering letter), so
the same sentences would be indexed — and cited — twice. Papers are compared by their
content, never their file names: each document's text (passages, items, table rows)
becomes a set of word 5-gram shingles with a stable hash, and a document repeats another
when nearly all of the other's shingles are in it.

``find_duplicates`` says which document repeats which (the pack → the separate paper);
``duplicate_nodes`` says, node by node (passage, item or table row id), which node of the
separate paper a repeated one is, so ingest can drop the repeats or index them down-ranked
with a pointer to the original — a citation then names the separate paper.
"""

from __future__ import annotations

import hashlib
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


def _hash(words: tuple[str, ...]) -> int:
    digest = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def shingles(text: str) -> set[int]:
    """Stable hashes of the text's word 5-grams (case and punctuation ignored); a text
    shorter than one shingle gives the hash of all its words."""
    words = tuple(w.lower() for w in _WORD.findall(text))
    if len(words) < SHINGLE:
        return {_hash(words)} if words else set()
    return {_hash(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def nodes(document: PlanDocument) -> Iterator[tuple[str, str]]:
    """Every indexed piece of a document as (node id, text): passages, items, table rows."""
    for passage in document.passages:
        yield passage.id, passage.text
    for item in document.items:
        values = [item.commitment, item.update, *item.fields.values(), *item.other_fields.values()]
        yield item.id, " ".join(t for t in values if t)
    for row in document.tables:
        yield row.id, " ".join(row.cells.values())


def document_shingles(document: PlanDocument) -> set[int]:
    out: set[int] = set()
    for _id, text in nodes(document):
        out |= shingles(text)
    return out


def _repeats(a: PlanDocument, b: PlanDocument, sa: set[int], sb: set[int], common: int) -> bool:
    """Whether ``a`` repeats ``b``: it holds nearly all of ``b``; when each holds nearly
    all of the other, the later one (then the longer, then the larger id) is the repeat,
    so the earlier publication is the one cited."""
    if len(sb) < MIN_SHINGLES or common < CONTAINED * len(sb):
        return False
    if common < CONTAINED * len(sa):
        return True  # a holds b and more: a pack, a supplement
    key_a = (a.meta.date or "", len(sa), a.id)
    key_b = (b.meta.date or "", len(sb), b.id)
    return key_a > key_b


def _held_papers(documents: list[PlanDocument]) -> dict[str, list[tuple[int, str]]]:
    """For each document, the papers it repeats with the count of their shared shingles,
    most shared first (an inverted index of shingles, so only papers sharing text meet)."""
    sets = {d.id: document_shingles(d) for d in documents}
    by_id = {d.id: d for d in documents}
    holders: dict[int, list[str]] = {}
    for doc_id, found in sets.items():
        for h in found:
            holders.setdefault(h, []).append(doc_id)
    common: Counter[tuple[str, str]] = Counter()
    for ids in holders.values():
        if 1 < len(ids) <= 50:  # a phrase in every paper says nothing of any two
            for x, y in combinations(sorted(ids), 2):
                common[x, y] += 1
    held: dict[str, list[tuple[int, str]]] = {}
    for (x, y), count in common.items():
        for a, b in ((x, y), (y, x)):
            if _repeats(by_id[a], by_id[b], sets[a], sets[b], count):
                held.setdefault(a, []).append((count, b))
    return {a: sorted(papers, key=lambda cb: (-cb[0], cb[1])) for a, papers in held.items()}


def find_duplicates(documents: list[PlanDocument]) -> dict[str, str]:
    """Document id → id of the separate paper it repeats (the one it holds most of,
    followed to a paper that repeats nothing). Documents that repeat nothing are absent."""
    best = {a: papers[0][1] for a, papers in _held_papers(documents).items()}
    out: dict[str, str] = {}
    for doc_id, original in best.items():
        seen = {doc_id}
        while original in best and original not in seen:
            seen.add(original)
            original = best[original]
        out[doc_id] = original
    return out


def duplicate_nodes(documents: list[PlanDocument]) -> dict[str, str]:
    """Node id of a repeating document → id of the same node in a paper it repeats.

    A node is a repeat when a paper its document repeats holds nearly all of it (every
    such paper is looked in, for a pack of several); it points to that paper's node
    sharing most of its shingles. A pack's own nodes (its covering letter) are absent and
    stay indexed; so are all nodes of papers that repeat nothing.
    """
    held = _held_papers(documents)
    by_id = {d.id: d for d in documents}
    wanted = {*held, *(b for papers in held.values() for _c, b in papers)}
    node_sets = {doc_id: [(n, shingles(t)) for n, t in nodes(by_id[doc_id])] for doc_id in wanted}
    paper_sets = {doc_id: set().union(*(s for _n, s in ns)) for doc_id, ns in node_sets.items()}
    out: dict[str, str] = {}
    for doc_id, papers in held.items():
        # papers that repeat nothing first: a node should point where it stays indexed
        papers = sorted(papers, key=lambda cb: cb[1] in held)
        for node_id, found in node_sets[doc_id]:
            for _count, paper in papers:
                if found and len(found & paper_sets[paper]) >= NODE_CONTAINED * len(found):
                    out[node_id] = max(node_sets[paper], key=lambda ns: len(found & ns[1]))[0]
                    break
    for node_id, target in out.items():  # a repeat of a repeat points to the first
        seen = {node_id}
        while target in out and target not in seen:
            seen.add(target)
            target = out[target]
        out[node_id] = target
    return out
