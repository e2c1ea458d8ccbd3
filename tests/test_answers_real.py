"""Answers on real papers of other councils: a small real index (a government response
PDF and a council's minutes with members' questions) built once.

The expectations are checked against the files themselves: a cited page must be the
page whose own text (read with pypdfium2 here, apart from the answering code) holds the
quote; an asker must be the councillor the minutes print above the question.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from assistant.config import Settings

# Indexes real papers of other councils (PDF layout and tables) of its own.
pytestmark = [pytest.mark.store, pytest.mark.slow]

REAL = Path(__file__).resolve().parents[1] / "evals" / "corpus-real"
FILES = {
    "other/ukgov-covid-inquiry-m1-govt-response.pdf": "ukgov-covid-inquiry-m1-govt-response.pdf",
    "other/limerick-council-minutes-2025-03-31-questions.md": "limerick-council-minutes-2025-03-31-questions.md",
}


@pytest.fixture(scope="module")
def real_assistant(tmp_path_factory: pytest.TempPathFactory):
    from assistant.answering.router import Assistant
    from indexing.ingest import ingest

    corpus = tmp_path_factory.mktemp("real-corpus")
    manifest = yaml.safe_load((REAL / "manifest.yaml").read_text(encoding="utf-8"))
    for source, name in FILES.items():
        shutil.copy(REAL / source, corpus / name)
    kept = {name: manifest["documents"][name] for name in FILES.values()}
    (corpus / "manifest.yaml").write_text(
        yaml.safe_dump({"ignore": ["manifest.yaml"], "documents": kept}), encoding="utf-8"
    )
    settings = Settings(data_dir=tmp_path_factory.mktemp("real-index"), corpus_dir=corpus, llm=None)
    report = ingest(settings)
    assert report.changed and not report.skipped, report
    return Assistant(settings)


def _page_text(path: Path, page: int) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return " ".join(pdf[page - 1].get_textpage().get_text_range().split())
    finally:
        pdf.close()


def _squash(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


def test_a_sentence_of_a_passage_over_two_pages_is_cited_at_its_own_page(real_assistant) -> None:
    answer = real_assistant.ask("when is the next pandemic exercise planned")
    assert answer.answered and "2025" in answer.answer
    citation = answer.citations[0]
    assert "pandemic exercise is planned" in citation.quote
    pdf = REAL / "other/ukgov-covid-inquiry-m1-govt-response.pdf"
    assert _squash(citation.quote) in _squash(_page_text(pdf, citation.page))
    assert f"p. {citation.page}" in answer.answer


def test_letters_typed_the_wrong_way_round_find_the_same_answer(real_assistant) -> None:
    right = real_assistant.ask("when is the next pandemic exercise planned")
    swapped = real_assistant.ask("when is the next pandemic exercsie planned")
    assert swapped.answered and swapped.citations[0].quote == right.citations[0].quote


def test_who_asked_a_members_question_is_its_asker(real_assistant) -> None:
    minutes = (REAL / "other/limerick-council-minutes-2025-03-31-questions.md").read_text(
        encoding="utf-8"
    )
    printed = re.search(
        r"Question submitted by (Councillor [A-Z]\. \w+)\s+\*+I will ask[^\n]*XL Bully", minutes
    )
    assert printed, "the minutes print the asker above the question"
    answer = real_assistant.ask("who asked the question about XL bully dogs?")
    assert answer.answered
    assert f"Asked by {printed.group(1)}" in answer.answer
    assert "XL Bully" in answer.citations[0].quote


def test_a_financial_year_no_source_gives_is_declined(real_assistant) -> None:
    answer = real_assistant.ask("when is the next pandemic exercise planned for 2031/32")
    assert not answer.answered


def test_a_sum_in_euros_answers_how_much(real_assistant) -> None:
    """A reply's total in euros is the figure a "how much" question asks for."""
    minutes = (REAL / "other/limerick-council-minutes-2025-03-31-questions.md").read_text(
        encoding="utf-8"
    )
    printed = re.search(r"\*\*Total -\*\* \*\*(€[\d,.]+\d)\*\*", minutes)
    assert printed, "the reply prints its total"
    answer = real_assistant.ask(
        "how much has the active travel team spent on consultants in total?"
    )
    assert answer.answered and printed.group(1) in answer.answer
