"""A paper named by a short title that keeps a number ("the section 25 statement") is
the paper the question points at (hand-built titles)."""

from __future__ import annotations

from assistant.answering.understand import understand
from indexing.model import DocumentKind, DocumentMeta, PlanDocument


def paper(doc_id: str, title: str, file: str | None = None) -> PlanDocument:
    return PlanDocument(
        id=doc_id,
        meta=DocumentMeta(file=file or f"{doc_id}.pdf", title=title, kind=DocumentKind.report),
        sha256=doc_id,
    )


def test_a_title_with_a_number_is_named_by_its_word_and_number() -> None:
    docs = [
        paper("s25", "Section 25 Assurance Statement"),
        paper("budget", "Revenue Budget Statement 2025/26"),
        paper("qpr", "Performance Report 2024/25"),
    ]
    asked = understand("what range of reserves does the section 25 statement give", docs)
    assert asked.document_ids == ["s25"]
    # a year's part is no name: "25" of "2024/25" points at no paper
    assert understand("which reserves are over 25 million", docs).document_ids == []


def test_an_appendix_letter_in_the_file_name_names_the_paper() -> None:
    docs = [
        paper("appe", "2025-26 Proposed Budget", "Appendix E - 2025-26 budget by directorate.pdf"),
        paper("appd", "High Level 2025-28 Revenue Plan", "Appendix D - 3 year revenue plan.pdf"),
    ]
    assert understand("appendix e: savings for adult social care", docs).document_ids == ["appe"]
    # "appendix e" is not in "appendix estimates"
    assert understand("the appendix estimates for 2026", docs).document_ids == []
