"""Lists by change on a real quarterly performance report: a small real index of the
one report, built once.

The report's summary tables print each KPI's rating now and last quarter ("RAG rating
Latest | Previous") with a direction of travel drawn as an arrow (not in the text), and
its executive summary counts the KPIs showing an improving trend. The expectations are
read here from the PDF's own text with pypdfium2, apart from the answering code: the
ratings pairs of the summary tables give how many KPIs got worse, were Red last quarter
or are Red now; each cited page must hold the cited KPI's own words and its previous
rating.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from assistant.config import Settings

# Indexes a real performance report (PDF tables and cards) of its own.
pytestmark = [pytest.mark.store, pytest.mark.slow]

REAL = Path(__file__).resolve().parents[1] / "evals" / "corpus-real"
REPORT = "cabinet_2025-03-04__QPR Q3 Cabinet appendix 1.pdf"
ORDER = {"RED": 0, "AMBER": 1, "GREEN": 2}
PAIR = re.compile(r"\b(GREEN|AMBER|RED)\s+(GREEN|AMBER|RED)\b")


def _pages() -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(REAL / "kent" / REPORT))
    try:
        return [" ".join(page.get_textpage().get_text_range().split()) for page in pdf]
    finally:
        pdf.close()


PAGES = _pages()
PAIRS = [
    (latest, previous)
    for text in PAGES
    if "Latest Previous" in text and "RAG rating" in text
    for latest, previous in PAIR.findall(text)
]
"""(latest, previous) rating of every KPI of the summary tables."""


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory):
    from assistant.answering.router import Assistant
    from indexing.ingest import ingest

    corpus = tmp_path_factory.mktemp("real-change")
    manifest = yaml.safe_load((REAL / "manifest.yaml").read_text(encoding="utf-8"))
    shutil.copy(REAL / "kent" / REPORT, corpus / REPORT)
    (corpus / "manifest.yaml").write_text(
        yaml.safe_dump(
            {"ignore": ["manifest.yaml"], "documents": {REPORT: manifest["documents"][REPORT]}}
        ),
        encoding="utf-8",
    )
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("real-change-index"), corpus_dir=corpus, llm=None
    )
    built = ingest(settings)
    assert built.changed and not built.skipped, built
    return Assistant(settings)


def _squash(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


def _cited_on_their_pages(answer) -> list[str]:
    """The previous rating each citation's page prints beside the cited KPI's words."""
    previous = []
    for citation in answer.citations:
        page = PAGES[citation.page - 1]
        words = re.split(r"\s+Latest", citation.quote)[0]
        assert _squash(words[:60]) in _squash(page), (citation.page, citation.quote)
        found = re.search(r"Previous:?\s*[\d.,%]+\s*\((Green|Amber|Red)\)", citation.quote)
        assert found is not None and _squash(found.group(0)) in _squash(page), citation.quote
        previous.append(found.group(1).upper())
    return previous


def test_the_summary_tables_are_read_here() -> None:
    assert len(PAIRS) >= 30  # one pair per KPI of the report


def test_kpis_that_got_a_worse_rating_are_listed_from_their_ratings(report) -> None:
    worse = [p for p in PAIRS if ORDER[p[0]] < ORDER[p[1]]]
    answer = report.ask("which kpis got a worse rating than last quarter?")
    assert answer.answered
    assert answer.answer.startswith(f"{len(worse)} KPIs are rated worse than last time")
    assert len(answer.citations) == len(worse)
    previous = _cited_on_their_pages(answer)
    assert sorted(previous) == sorted(p[1] for p in worse)


def test_kpis_that_were_red_last_quarter(report) -> None:
    were_red = [p for p in PAIRS if p[1] == "RED"]
    answer = report.ask("which kpis were red last quarter")
    assert answer.answered
    assert answer.answer.startswith(f"{len(were_red)} KPIs are rated Red the previous period")
    assert _cited_on_their_pages(answer) == ["RED"] * len(were_red)


def test_a_count_of_red_kpis_is_set_against_last_quarter(report) -> None:
    now = sum(1 for latest, _ in PAIRS if latest == "RED")
    then = sum(1 for _, previous in PAIRS if previous == "RED")
    answer = report.ask("how many kpis are red compared with last quarter")
    assert answer.answered
    assert answer.answer.startswith(f"{now} KPIs are rated Red now")
    assert f"of the KPIs reported, {then} were rated Red the previous period" in answer.answer
    assert answer.metadata["count"] == now and answer.metadata["previous_count"] == then
    # The report's own sentence comparing its Red count leads, cited on its page.
    summary = answer.citations[0]
    assert "Red" in summary.quote and "last Quarter" in summary.quote
    assert _squash(summary.quote) in _squash(PAGES[summary.page - 1])
    rest = answer.model_copy(update={"citations": answer.citations[1:]})
    assert len(_cited_on_their_pages(rest)) == now + sum(
        1 for latest, previous in PAIRS if previous == "RED" and latest != "RED"
    )


def test_a_count_of_a_rating_no_kpi_has_is_zero_and_cites_nothing(report) -> None:
    assert not any("COMPLETE" in pair for pair in PAIRS)
    answer = report.ask("how many kpis are complete compared with last quarter")
    assert answer.answered
    assert answer.answer.startswith("0 KPIs are rated Complete now or the previous period")
    assert not answer.citations and "Source:" not in answer.answer
    assert answer.metadata["count"] == 0 and answer.metadata["previous_count"] == 0


def test_an_improving_trend_is_counted_from_the_reports_own_words(report) -> None:
    # The arrows are drawn, not printed: the executive summary's count answers.
    stated = next(
        (i + 1, m.group(1))
        for i, text in enumerate(PAGES)
        if (m := re.search(r"(\w+) indicators were showing an improving trend", text))
    )
    answer = report.ask("how many indicators were showing an improving trend in quarter 3?")
    assert answer.answered and stated[1] in answer.answer
    assert any(c.page == stated[0] for c in answer.citations)


def test_which_kpis_are_improving_is_not_guessed_from_their_ratings(report) -> None:
    assert not any(arrow in text for text in PAGES for arrow in "↑↓")
    answer = report.ask("which kpis are improving?")
    assert not answer.answered
    assert "direction of travel" in answer.answer and not answer.citations


def test_planbot_items_filters_by_change_and_previous_rating(report, monkeypatch) -> None:
    import json

    from click.testing import CliRunner

    from assistant import config
    from connectors.cli import cli

    monkeypatch.setenv("PLANBOT_DATA_DIR", str(report.settings.data_dir))
    config.get_settings.cache_clear()
    try:

        def listed(*args: str) -> list[dict]:
            result = CliRunner().invoke(cli, ["items", "--kind", "kpi", "--json", *args])
            assert result.exit_code == 0, result.output[-2000:]
            return [json.loads(line) for line in result.output.splitlines()]

        worse = listed("--change", "worse")
        assert len(worse) == sum(1 for latest, before in PAIRS if ORDER[latest] < ORDER[before])
        same = listed("--change", "same")
        assert len(same) == sum(1 for latest, before in PAIRS if latest == before)
        assert all(i["rating"] == i["previous_rating"] for i in same)
        moved = listed("--previous-rating", "green", "--rating", "amber")
        assert len(moved) == PAIRS.count(("AMBER", "GREEN"))
    finally:
        config.get_settings.cache_clear()
