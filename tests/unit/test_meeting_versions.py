"""The copy of a risk the question names by its meeting's month or committee ("the
register that went to cabinet in jan"), not the newest copy."""

from __future__ import annotations

from assistant.answering.meeting_versions import asked_copy, asked_months
from indexing.model import DocumentKind, DocumentMeta, ItemKind, PlanDocument

from .plans import MemoryScope, candidate, item, item_node


def _register(doc_id: str, committee: str, day: str, exposure: str) -> PlanDocument:
    risk = item(
        None,
        "Market Sustainability",
        doc=doc_id,
        kind=ItemKind.risk,
        section="Significant Risks",
        other_fields={"Estimated Annual Financial Exposure £m": exposure},
    )
    return PlanDocument(
        id=doc_id,
        meta=DocumentMeta(
            file=f"{doc_id}.pdf",
            title="Budget Risks Register 2025-26",
            kind=DocumentKind.risk_register,
            committee=committee,
            meeting_date=day,
            date=day,
        ),
        sha256=doc_id,
        items=[risk],
    )


JAN = _register("jan", "Cabinet", "2025-01-30", "20.0")
FEB = _register("feb", "County Council", "2025-02-13", "28.4")
SCOPE = MemoryScope([JAN, FEB])
NEWEST = candidate(item_node(FEB.items[0], FEB), 0.8)
OLDER = candidate(item_node(JAN.items[0], JAN), 0.8)


def test_months_named_as_words() -> None:
    assert asked_months("the register that went to cabinet in jan") == {1}
    assert asked_months("the February meeting") == {2}
    assert asked_months("what may be the exposure") == set()


def test_the_copy_of_the_named_meeting_leads() -> None:
    question = "what annual exposure did the register that went to cabinet in jan give"
    assert asked_copy(SCOPE, question, NEWEST, [OLDER]) is OLDER
    assert asked_copy(SCOPE, "the cabinet register's exposure", NEWEST, [OLDER]) is OLDER


def test_without_a_named_meeting_the_lead_stays() -> None:
    assert asked_copy(SCOPE, "annual exposure on market sustainability", NEWEST, [OLDER]) is None
    assert asked_copy(SCOPE, "the february register's exposure", NEWEST, [OLDER]) is None
