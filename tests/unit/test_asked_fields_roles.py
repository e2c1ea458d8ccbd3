"""A rating or a direction of travel asked of an item that has none (``asked_fields``),
on rows of real registers in ``evals/corpus-real/other``: a parish council's risk
assessment scores its risks and rates none; a district council's KPI list rates its KPIs
and prints no direction of travel. "Status" and "active travel" ask for neither."""

from __future__ import annotations

import csv
from pathlib import Path

from assistant.answering.asked_fields import asked_fields, missing_field
from indexing.model import ItemKind

from .plans import item

OTHER = Path(__file__).resolve().parents[2] / "evals" / "corpus-real" / "other"


def _row(name: str, key: str, value: str) -> dict[str, str]:
    with (OTHER / name).open(encoding="utf-8") as handle:
        return next(row for row in csv.DictReader(handle) if row[key] == value)


def test_a_rating_asked_of_a_risk_that_has_only_a_score() -> None:
    row = _row("wyevalley-cc-financial-risk-assessment.csv", "no", "1.1")
    risk = item(
        "1.1",
        row["risk"],
        doc="wye",
        kind=ItemKind.risk,
        fields={
            "likelihood": row["likelihood"],
            "impact": row["severity"],
            "score": row["riskscore"],
        },
    )
    assert missing_field("what rag rating does the precept too low risk have", risk) == "rag rating"
    assert missing_field("how is the precept too low risk rated?", risk) == "rating"  # its name
    assert missing_field("what is the risk score for precept too low", risk) is None


def test_a_direction_asked_of_a_kpi_that_prints_none() -> None:
    row = _row("hartdc-kpi-q2-2014-15.csv", "KPI ref", "CS01")
    kpi = item("CS01", row["Description"], doc="hart", kind=ItemKind.kpi, rating="G")
    assert missing_field("what is the trend for CS01", kpi) == "trend"
    assert missing_field("what is the direction of travel for CS01", kpi) == "direction"
    assert missing_field("what rating does CS01 have", kpi) is None
    kpi.direction = "↑"
    assert missing_field("what is the trend for CS01", kpi) is None


def test_status_and_travel_ask_for_no_field() -> None:
    assert asked_fields("what is the status of CS02a at hart?") == []
    assert asked_fields("how much has the active travel team spent on consultants?") == []


def test_an_item_named_by_its_ref_states_that_it_has_no_rating() -> None:
    row = _row("wyevalley-cc-financial-risk-assessment.csv", "no", "1.1")
    risk = item("1.1", row["risk"], doc="wye", kind=ItemKind.risk)
    assert missing_field("what is the rating of 1.1?", risk) == "rating"
    assert missing_field("what is the rating of 1.1?", risk, named=True) is None
    # a field other than a rating or direction is still missing, ref or not
    assert missing_field("what is the impact of 1.1?", risk, named=True) == "impact"
