"""A rating word in a subject's name is not a rating filter (``rating_words``), on the
title of a real risk: the Kent budget risk register of ``evals/corpus-real`` prints
"Changing Government focus on funding to support the Net Zero/Carbon Reduction green
agenda (capital spend)", read here from the PDF's own text."""

from __future__ import annotations

import re
from pathlib import Path

from assistant.answering.understand import Intent, understand
from indexing.model import DocumentKind, DocumentMeta, ItemKind, PlanDocument

from .plans import item

REGISTER = (
    Path(__file__).resolve().parents[2]
    / "evals"
    / "corpus-real"
    / "kent"
    / "full_council_2025-02-13__Appendix J - Budget Risk Register.pdf"
)
TITLE = (
    "Changing Government focus on funding to support the Net Zero/Carbon Reduction green "
    "agenda (capital spend)"
)


def _register() -> PlanDocument:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(REGISTER))
    try:
        text = " ".join(" ".join(p.get_textpage().get_text_range().split()) for p in pdf)
    finally:
        pdf.close()
    assert re.sub(r"\s+", " ", TITLE) in text  # the register's own title of the risk
    risk = item(None, TITLE, doc="brr", kind=ItemKind.risk, section=None)
    return PlanDocument(
        id="brr",
        meta=DocumentMeta(
            file="brr.pdf", title="Budget Risks Register", kind=DocumentKind.risk_register
        ),
        sha256="brr",
        items=[risk],
    )


def test_a_rating_word_of_a_risks_name_is_not_a_filter() -> None:
    docs = [_register()]
    query = understand("net zero green agenda funding risk - lifetime exposure £m", docs)
    assert query.rating is None and query.intent != Intent.list


def test_a_rating_word_beside_what_is_listed_still_filters() -> None:
    docs = [_register()]
    assert understand("which risks are green?", docs).rating == "G"
    assert understand("green risks in the register", docs).rating == "G"
    assert understand("how many kpis are rated green", docs).rating == "G"
