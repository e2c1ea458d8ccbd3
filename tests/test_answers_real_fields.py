"""What a register does not give is not answered from it, on real papers: small real
indexes (a parish council's risk assessment with another council's indicator list,
neither rating anything; a district council's KPI spreadsheet, alone and beside the
other council's indicators) built once.

A register's columns say what it records. Asked for a RAG rating it does not give (a
risk assessment scores its risks, an indicator list gives sources and periods) or a
direction of travel it does not print, the answer says the paper gives none and
declines — it does not answer "No RAG rating is given" as if that were the answer, nor
fall back on the item's other fields. A question naming one council is not answered by
another council's KPI on the same subject. The fields and KPIs the papers do give still
answer. What each file holds is read here from the file itself, apart from the
answering code.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
import yaml

from assistant.config import Settings

# Indexes real papers of its own.
pytestmark = [pytest.mark.store, pytest.mark.slow]

REAL = Path(__file__).resolve().parents[1] / "evals" / "corpus-real" / "other"
RISKS = "wyevalley-cc-financial-risk-assessment.csv"
KPIS = "hartdc-kpi-q2-2014-15.csv"
INDICATORS = "trafford-corporate-plan-indicators.md"


def _index(tmp_path_factory: pytest.TempPathFactory, names: tuple[str, ...]):
    from assistant.answering.router import Assistant
    from indexing.ingest import ingest

    corpus = tmp_path_factory.mktemp("real-fields")
    manifest = yaml.safe_load((REAL.parent / "manifest.yaml").read_text(encoding="utf-8"))
    for name in names:
        shutil.copy(REAL / name, corpus / name)
    kept = {name: manifest["documents"][name] for name in names}
    (corpus / "manifest.yaml").write_text(
        yaml.safe_dump({"ignore": ["manifest.yaml"], "documents": kept}), encoding="utf-8"
    )
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("real-fields-index"), corpus_dir=corpus, llm=None
    )
    report = ingest(settings)
    assert report.changed and not report.skipped, report
    return Assistant(settings)


@pytest.fixture(scope="module")
def unrated(tmp_path_factory: pytest.TempPathFactory):
    """Two papers that rate nothing: a risk assessment and an indicator list."""
    return _index(tmp_path_factory, (RISKS, INDICATORS))


@pytest.fixture(scope="module")
def kpis(tmp_path_factory: pytest.TempPathFactory):
    """A KPI list with ratings and no direction of travel."""
    return _index(tmp_path_factory, (KPIS,))


def _headers(name: str) -> list[str]:
    with (REAL / name).open(encoding="utf-8") as handle:
        return [h.lower() for h in next(csv.reader(handle))]


def _row(name: str, key: str, value: str) -> dict[str, str]:
    with (REAL / name).open(encoding="utf-8") as handle:
        return next(row for row in csv.DictReader(handle) if row[key] == value)


def test_a_risk_assessment_without_ratings_is_not_asked_for_one(unrated) -> None:
    headers = _headers(RISKS)
    assert "riskscore" in headers and not any("rag" in h or "rating" in h for h in headers)
    declined = unrated.ask("what rag rating does the wye valley precept too low risk have")
    assert not declined.answered, declined.answer
    assert "rating" in declined.answer
    score = _row(RISKS, "no", "1.1")["riskscore"]
    answered = unrated.ask("what is the risk score for precept too low")
    assert answered.answered and f"Score: {score}" in answered.answer, answered.answer


def test_a_kpi_list_without_a_direction_of_travel_is_not_asked_for_one(kpis) -> None:
    headers = _headers(KPIS)
    assert "status" in headers and not any("direction" in h or "trend" in h for h in headers)
    declined = kpis.ask("what is the trend for quality of customer service call handling")
    assert not declined.answered, declined.answer
    assert "gives no trend" in declined.answer
    status = _row(KPIS, "KPI ref", "CS01")["Status"]
    answered = kpis.ask("what rating does hart CS01 have?")
    assert answered.answered and status.split()[0] in answered.answer, answered.answer


def test_an_indicator_list_without_ratings_is_not_asked_for_one(unrated) -> None:
    text = (REAL / INDICATORS).read_text(encoding="utf-8").lower()
    assert "rating" not in text and "rag" not in text.split()
    answer = unrated.ask("what rating did the trafford obesity indicator get")
    assert not answer.answered, answer.answer


@pytest.fixture(scope="module")
def two_councils(tmp_path_factory: pytest.TempPathFactory):
    """Two councils' registers: a district's KPI list and another council's indicators."""
    return _index(tmp_path_factory, (KPIS, INDICATORS))


def test_another_councils_kpi_does_not_answer_for_the_council_named(two_councils) -> None:
    row = _row(KPIS, "KPI ref", "CS02a")
    text = (REAL / INDICATORS).read_text(encoding="utf-8").lower()
    assert "contact centre" in row["Description"].lower() and "contact centre" not in text
    declined = two_councils.ask(
        "what % of calls did trafford's contact centre answer in 15 seconds?"
    )
    assert not declined.answered, declined.answer
    answered = two_councils.ask("what % of calls did hart's contact centre answer in 15 seconds?")
    assert answered.answered and row["Q2 2014/15"] in answered.answer, answered.answer
