"""A risk chosen by the column the question names, on a real register: the Kent budget
risk register of February 2025 (``evals/corpus-real``) indexed alone, built once.

The register holds two risks of nearly the same name, "… Net Zero/Carbon Reduction
green agenda (revenue spend)" and "… (capital spend)"; only the capital one has an
"Estimated Lifetime Financial Exposure £m". Asked for the lifetime exposure of the net
zero green agenda risk, the answer is the capital risk's, and "green" in the risk's
name is not read as a filter for risks rated Green. The figure is read here from the
PDF's own text, apart from the answering code.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from assistant.config import Settings

# Indexes a real paper of its own.
pytestmark = [pytest.mark.store, pytest.mark.slow]

REAL = Path(__file__).resolve().parents[1] / "evals" / "corpus-real"
REGISTER = "full_council_2025-02-13__Appendix J - Budget Risk Register.pdf"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory):
    from assistant.answering.router import Assistant
    from indexing.ingest import ingest

    corpus = tmp_path_factory.mktemp("real-register")
    manifest = yaml.safe_load((REAL / "manifest.yaml").read_text(encoding="utf-8"))
    shutil.copy(REAL / "kent" / REGISTER, corpus / REGISTER)
    (corpus / "manifest.yaml").write_text(
        yaml.safe_dump(
            {"ignore": ["manifest.yaml"], "documents": {REGISTER: manifest["documents"][REGISTER]}}
        ),
        encoding="utf-8",
    )
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("real-register-index"), corpus_dir=corpus, llm=None
    )
    report = ingest(settings)
    assert report.changed and not report.skipped, report
    return Assistant(settings)


def _text() -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(REAL / "kent" / REGISTER))
    try:
        return " ".join(" ".join(p.get_textpage().get_text_range().split()) for p in pdf)
    finally:
        pdf.close()


def test_the_risk_with_the_column_asked_for_answers(assistant) -> None:
    text = _text()
    capital = text.index("green agenda (capital spend)")
    figures = re.findall(r"\b\d+\.\d\b", text[capital : capital + 3000])
    assert "30.0" in figures  # the capital risk's lifetime exposure, as printed
    answer = assistant.ask("net zero green agenda funding risk - lifetime exposure £m")
    assert answer.answered, answer.answer
    assert "capital spend" in answer.answer and "30.0" in answer.answer, answer.answer
    assert "rated Green" not in answer.answer
