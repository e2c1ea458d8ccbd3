"""Scoring one answer against its expectation (``evals.summary`` sums many) — pure functions.

Nothing here runs a model or reads a file, so every rule can be tested on hand-built
``Answer`` objects, and the same rules score our assistant and the baseline alike.

The checks (each ``None`` when it does not apply to the question):

- **answer**: an answerable question is answered and every fact is in the answer text
  (after ``normalise``), the list count is stated, a draft names what is not covered,
  and for exact-field questions the answer leads with the expected row.
- **citation**: some citation carries an expected ref (from the expected document, if
  one is given) or quotes the expected evidence; when the expectation gives a ``page``,
  only citations of that page of the expected document count (page and quote).
- **abstention**: answered exactly when the documents cover the question (both ways).
- **retrieval rank**: where the first expected item sits among the ranked refs of the
  answer's items then citations (0 = not there) → hit@1, hit@5 and MRR. When the
  answerer cites chunks of several rows (the baseline), a chunk ranks every row it holds.
- **claims**: every figure in an answered text appears in a cited quote (or in the
  citation's own ref, title, period or location, or is the count of items listed).
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from assistant.markers import MARKER
from assistant.models import Answer, Citation
from evals.normalise import contains, numbers, states_count
from evals.schema import Expect, Fact


class Checks(BaseModel):
    """What one answer got right and wrong; ``None`` = the check does not apply."""

    answerable: bool
    answer: bool | None = None
    citation: bool | None = None
    abstention: bool = False
    retrieval_rank: int | None = Field(
        default=None, description="1-based; 0 = expected item not retrieved"
    )
    claims: bool | None = None
    count: bool | None = None
    first_item: bool | None = None
    missing_facts: list[str] = Field(default_factory=list)
    missing_not_covered: list[str] = Field(default_factory=list)
    unsupported_numbers: list[str] = Field(default_factory=list)

    @property
    def passed(self) -> bool:
        """Right answer, right source, right decision to answer, no unsupported figure."""
        return self.abstention and all(
            v is not False for v in (self.answer, self.citation, self.claims)
        )

    def problems(self) -> list[str]:
        """Short reasons for a failure, for the failure list of the report."""
        out: list[str] = []
        if not self.abstention:
            out.append(
                "answered, should decline" if not self.answerable else "declined, should answer"
            )
        if self.missing_facts:
            out.append("missing " + ", ".join(repr(f) for f in self.missing_facts))
        if self.count is False:
            out.append("count not stated")
        if self.first_item is False:
            out.append("first item is not the expected row")
        if self.missing_not_covered:
            out.append("not said to be uncovered: " + ", ".join(self.missing_not_covered))
        if self.citation is False:
            out.append("no citation of the expected ref/evidence")
        if self.claims is False:
            out.append("unsupported figures " + ", ".join(self.unsupported_numbers))
        return out


# --- single checks ------------------------------------------------------------------
def fact_present(text: str, fact: Fact) -> bool:
    """A fact (or any one of its alternatives) is in the text."""
    return any(
        contains(text, alternative) for alternative in (fact if isinstance(fact, list) else [fact])
    )


def missing_facts(text: str, facts: list[Fact]) -> list[str]:
    return [" | ".join(f) if isinstance(f, list) else f for f in facts if not fact_present(text, f)]


def _same_ref(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a.strip().lower() == b.strip().lower()


def _is_expected(expect: Expect, document_id: str | None, ref: str | None) -> bool:
    return any(_same_ref(ref, r) for r in expect.refs) and (
        expect.document is None or document_id in expect.documents()
    )


def _on_page(expect: Expect, citation: Citation) -> bool:
    """With ``page`` given, a citation counts only from that page of the expected
    document (or of a place in ``also``): "p. 23 and the quote", not the quote alone."""
    places = expect.places()
    if not any(page is not None for _, page in places):
        return True
    return any(citation.document_id == d and (p is None or citation.page == p) for d, p in places)


def citation_ok(
    expect: Expect,
    citations: list[Citation],
    rows: list[list[tuple[str | None, str]]] | None = None,
) -> bool | None:
    """A citation carries an expected ref (and document) or quotes the expected evidence.

    ``rows`` (one list per citation, see ``cited_rows``) lets a citation of a chunk stand
    for every plan row the chunk holds — how the baseline's chunks are judged.
    With neither refs nor evidence, a citation from the expected document is enough; a
    list expected to be empty (count 0) has nothing to cite, so the check does not apply.
    """
    if not expect.answered:
        return None
    if not expect.refs and not expect.evidence:
        if expect.document is None or expect.count == 0:
            return None
        return any(c.document_id in expect.documents() and _on_page(expect, c) for c in citations)
    for index, citation in enumerate(citations):
        if not _on_page(expect, citation):
            continue
        held = rows[index] if rows and index < len(rows) else [(citation.document_id, citation.ref)]
        if expect.refs and any(_is_expected(expect, d, r) for d, r in held):
            return True
        if expect.evidence and contains(citation.quote, expect.evidence):
            return True
    return False


def cited_rows(answer: Answer) -> list[list[tuple[str | None, str]]] | None:
    """Per citation, the plan rows it holds, when the answerer says so in
    ``metadata['rows']`` (a list per citation of "document:ref"); else ``None``."""
    raw = answer.metadata.get("rows")
    if not isinstance(raw, list):
        return None
    out: list[list[tuple[str | None, str]]] = []
    for group in raw:
        pairs = [str(k).split(":", 1) for k in group] if isinstance(group, list) else []
        out.append([(p[0], p[1]) for p in pairs if len(p) == 2])
    return out


def ranked_refs(answer: Answer) -> list[tuple[str | None, str]]:
    """(document id, ref) of the answer's items, then of its citations, first seen first."""
    ranked: list[tuple[str | None, str]] = []
    pairs = [(i.document_id, i.ref) for i in answer.items] + [
        (c.document_id, c.ref) for c in answer.citations
    ]
    for document_id, ref in pairs:
        if ref and (document_id, ref) not in ranked:
            ranked.append((document_id, ref))
    return ranked


def retrieval_rank(expect: Expect, answer: Answer | None) -> int | None:
    """1-based rank of the first expected item in ``ranked_refs``; 0 if absent.

    An answer whose citations are chunks holding several rows (``cited_rows``) is
    ranked chunk by chunk: the expected row is at rank r when the r-th chunk holds it.
    """
    if not expect.answered or not expect.refs:
        return None
    if answer is None:
        return 0
    groups = cited_rows(answer)
    if groups is None:
        groups = [[pair] for pair in ranked_refs(answer)]
    for rank, group in enumerate(groups, start=1):
        if any(_is_expected(expect, document_id, ref) for document_id, ref in group):
            return rank
    return 0


_URL = re.compile(r"https?://[^\s<>\[\]]+")


def unsupported_numbers(answer: Answer) -> list[str]:
    """Figures in the answer text that no citation holds (markers like [1] excluded)."""
    allowed: set[str] = set()
    for c in answer.citations:
        allowed.update(
            numbers(
                " ".join(filter(None, [c.quote, c.ref, c.document, c.date, c.section, c.source]))
            )
        )
    allowed.update(str(n) for n in (len(answer.items), len(answer.citations)))
    # A draft restates the parts it cannot answer in the member's own words.
    allowed.update(numbers(" ".join(_uncovered(answer))))
    allowed.update(
        str(v) for k, v in answer.metadata.items() if "count" in k and isinstance(v, int)
    )
    # A cited paper's own address is a link, not a figure ("…/s71062/Appendix%20D.pdf").
    links = {c.url.split("#")[0] for c in answer.citations if c.url}
    text = _URL.sub(lambda m: " " if m.group(0) in links else m.group(0), answer.answer)
    seen: list[str] = []
    for figure in numbers(MARKER.sub(" ", text)):
        if figure not in allowed and figure not in seen:
            seen.append(figure)
    return seen


def first_item_ok(expect: Expect, answer: Answer) -> bool:
    """The answer leads with the expected row: its first item (or, for an answer without
    items such as the baseline's, its first citation) has refs[0] from the document."""
    ranked = ranked_refs(answer)
    return bool(ranked) and _is_expected(
        expect.model_copy(update={"refs": expect.refs[:1]}), *ranked[0]
    )


def _uncovered(answer: Answer) -> list[str]:
    """A draft's ``metadata['uncovered']`` (the parts no document answers); empty otherwise."""
    parts = answer.metadata.get("uncovered")
    return [str(p) for p in parts] if isinstance(parts, (list, tuple)) else []


def uncovered_missing(expect: Expect, answer: Answer) -> list[str]:
    """Draft answers list the parts no document answers in ``metadata['uncovered']``."""
    parts = _uncovered(answer)
    return [
        w
        for w in expect.not_covered
        if not any(contains(p, w) for p in parts) or not contains(answer.answer, w)
    ]


def score(expect: Expect, answer: Answer | None) -> Checks:
    """Every check of one answer (``None`` = the answerer raised: everything fails)."""
    checks = Checks(answerable=expect.answered)
    if answer is None:
        checks.answer = False if expect.answered or expect.not_covered else None
        checks.citation = citation_ok(expect, [])
        checks.retrieval_rank = retrieval_rank(expect, None)
        checks.count = False if expect.count is not None else None
        return checks
    checks.abstention = answer.answered == expect.answered
    checks.retrieval_rank = retrieval_rank(expect, answer)
    checks.citation = citation_ok(expect, answer.citations, cited_rows(answer))
    if answer.answered:
        checks.unsupported_numbers = unsupported_numbers(answer)
        checks.claims = not checks.unsupported_numbers
    if expect.count is not None:
        checks.count = states_count(answer.answer, expect.count)
    if expect.first_item:
        checks.first_item = first_item_ok(expect, answer)
    checks.missing_not_covered = uncovered_missing(expect, answer)
    if expect.answered:
        checks.missing_facts = missing_facts(answer.answer, expect.facts)
        checks.answer = (
            answer.answered
            and not checks.missing_facts
            and checks.count is not False
            and checks.first_item is not False
            and not checks.missing_not_covered
        )
    elif expect.not_covered:
        checks.answer = not answer.answered and not checks.missing_not_covered
    return checks
