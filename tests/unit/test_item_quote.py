"""A register's row with no update of its own is quoted by its cells, its figures side by
side at the end as the register prints them ("4 20.0": likelihood, annual exposure)."""

from __future__ import annotations

from assistant.answering.citations import item_quote
from indexing.model import ItemKind

from .plans import item


def test_a_register_row_keeps_its_figures_together_after_its_words() -> None:
    risk = item(
        None,
        "Market Sustainability",
        kind=ItemKind.risk,
        fields={"directorate": "ASCH / CYPE", "cause": "Pressure on providers.", "likelihood": "4"},
        other_fields={
            "Risk Event": "Care staff pay rises.",
            "Estimated Annual Exposure £m": "20.0",
        },
    )
    lines = item_quote(risk).split("\n")
    assert lines[-2:] == ["4", "20.0"]
    assert lines[:2] == ["Market Sustainability", "ASCH / CYPE"]
    assert "Care staff pay rises." in lines


def test_a_row_with_an_update_is_quoted_by_it() -> None:
    kpi = item(None, "Pothole repairs", kind=ItemKind.kpi, update="94% in 28 days.")
    assert item_quote(kpi) == "Pothole repairs\n94% in 28 days."
