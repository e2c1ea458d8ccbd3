"""Numbered recommendations of a real government response, asked about by number: the
answer is that recommendation's heading and the response's own sentences, each cited at
the page whose text (read with pypdfium2 here, apart from the answering code) prints it;
a number the response does not have is declined."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from assistant.answering.numbered_answer import asked_number
from assistant.config import Settings

REAL = Path(__file__).resolve().parents[1] / "evals" / "corpus-real"
PDF = "ukgov-covid-inquiry-m1-govt-response.pdf"


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("did the government accept rec 7?", "7"),
        ("what did they say about recommendation seven", "7"),
        ("Recommendation No. 12 - response?", "12"),
        ("recommendations 3 and 4 compared", None),
        ("what did the council recommend", None),
    ],
)
def test_a_recommendation_is_named_by_its_number_in_any_wording(question, number) -> None:
    assert asked_number(question) == number


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory):
    from assistant.answering.router import Assistant
    from indexing.ingest import ingest

    corpus = tmp_path_factory.mktemp("rec-corpus")
    manifest = yaml.safe_load((REAL / "manifest.yaml").read_text(encoding="utf-8"))
    shutil.copy(REAL / "other" / PDF, corpus / PDF)
    (corpus / "manifest.yaml").write_text(
        yaml.safe_dump(
            {"ignore": ["manifest.yaml"], "documents": {PDF: manifest["documents"][PDF]}}
        ),
        encoding="utf-8",
    )
    settings = Settings(data_dir=tmp_path_factory.mktemp("rec-index"), corpus_dir=corpus, llm=None)
    assert ingest(settings).changed
    return Assistant(settings)


def _squash(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


def _page(page: int) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(REAL / "other" / PDF))
    try:
        return pdf[page - 1].get_textpage().get_text_range()
    finally:
        pdf.close()


@pytest.mark.store
@pytest.mark.slow
def test_a_recommendation_asked_by_number_gives_its_response_at_its_pages(assistant) -> None:
    answer = assistant.ask("did the government accept rec seven?")
    assert answer.answered
    assert "Recommendation 7: Publication of findings" in answer.answer
    stance = next(c for c in answer.citations if "The government agrees that, given" in c.quote)
    assert "Tier 1 civil emergency" in stance.quote
    for citation in answer.citations:
        assert _squash(citation.quote) in _squash(_page(citation.page)), citation


@pytest.mark.store
@pytest.mark.slow
def test_a_recommendation_the_response_does_not_number_is_declined(assistant) -> None:
    answer = assistant.ask("what did the government say about recommendation 14?")
    assert not answer.answered
    assert "none is numbered 14" in answer.answer
