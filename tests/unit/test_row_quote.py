"""A table row is cited by the text its page prints: label and figures in column order,
with the headers of the cells the answer states when they hold a figure of their own."""

from __future__ import annotations

from assistant.answering.compose import row_values
from assistant.answering.row_quote import printed_row, row_quote
from indexing.model import Location, TableRow


def _row(cells: dict[str, str]) -> TableRow:
    return TableRow(
        id="r",
        document_id="d",
        table="Calls",
        cells=cells,
        location=Location(path="d.pdf", page=12),
    )


CALLS = _row(
    {
        "Service area": "Blue Badges",
        "Jan – Mar 24": "10",
        "Apr – Jun 24": "12",
        "12m to Dec 23": "41",
        "12m to Dec 24": "44",
    }
)


def test_the_row_is_quoted_as_printed() -> None:
    assert printed_row(CALLS) == "Blue Badges 10 12 41 44"


def test_a_label_printed_between_years_keeps_its_place() -> None:
    plan = _row(
        {
            "2024-25 Total £000s": "-16,227.9",
            "column 2": "Drawdowns from Reserves",
            "2025-26 Total £000s": "-36,205.2",
            "2026-27 Total £000s": "",
        }
    )
    assert row_quote(plan, "Drawdowns from Reserves — 2024-25 Total £000s: -16,227.9") == (
        "-16,227.9 Drawdowns from Reserves -36,205.2\n2024-25 Total £000s"
    )


def test_headers_follow_only_when_the_answer_states_a_figure_of_theirs() -> None:
    quote = row_quote(CALLS, "Blue Badges — 12m to Dec 24: 44")
    first, headers = quote.split("\n")
    assert first == "Blue Badges 10 12 41 44"
    assert headers == "12m to Dec 24"
    every = row_quote(CALLS, row_values(CALLS, "blue badge calls"))
    assert every.split("\n")[1].startswith("Jan – Mar 24 | Apr – Jun 24")
    plain = _row({"Service": "SEN", "Complaints": "92"})
    assert row_quote(plain, "SEN — Complaints: 92") == "SEN 92"


def test_a_record_of_people_keeps_its_labels() -> None:
    people = TableRow(
        id="p",
        document_id="d",
        table="Environment and Transport",
        cells={"Cabinet Members": "Neil Baker", "Corporate Director": "Simon Jones"},
        location=Location(path="d.pdf", page=23),
    )
    assert "Corporate Director Simon Jones" in row_quote(people, "Corporate Director: Simon Jones")
