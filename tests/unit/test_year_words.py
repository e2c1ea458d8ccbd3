"""A financial year written any way ("2025/26", "25-26", "2025-2026") finds the column
a budget book heads "2025-26", both for the row lookup and for the cells the answer gives."""

from __future__ import annotations

import pytest

from assistant.answering.compose import row_values
from assistant.answering.row_lookup import named_rows
from assistant.answering.understand import understand
from assistant.answering.year_words import financial_years
from indexing.model import DocumentKind, DocumentMeta, Location, PlanDocument, TableRow

from .plans import MemoryScope, documents


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("net budget 2025/26?", "net budget 2025-26?"),
        ("the 2025–26 budget", "the 2025-26 budget"),
        ("25-26 savings", "2025-26 savings"),
        ("for 2025-2026", "for 2025-26"),
        ("2024/25 and 2025/26", "2024-25 and 2025-26"),
        ("(2025 / 26)", "(2025-26)"),
        # Not a pair of consecutive years: as written.
        ("the 2025-28 plan", "the 2025-28 plan"),
        ("paragraphs 12-14", "paragraphs 12-14"),
        ("a £12-13m gap", "a £12-13m gap"),
        ("on 1/25/26", "on 1/25/26"),
        ("item 3.25-26", "item 3.25-26"),
    ],
)
def test_a_financial_year_is_written_one_way(text: str, written: str) -> None:
    assert financial_years(text) == written


def revenue_plan() -> PlanDocument:
    """A three-year revenue plan: one column of figures per year."""

    def row(n: int, label: str, *figures: str) -> TableRow:
        years = ["2024-25 £000s", "2025-26 £000s", "INDICATIVE 2026-27 £000s"]
        return TableRow(
            id=f"plan:t{n}",
            document_id="plan",
            table="High Level Revenue Plan and Financing",
            cells={"Category": label, **dict(zip(years, figures, strict=True))},
            location=Location(path="plan.pdf", page=1),
        )

    return PlanDocument(
        id="plan",
        meta=DocumentMeta(
            file="plan.pdf",
            title="High Level Revenue Plan and Financing",
            kind=DocumentKind.budget,
            date="2025-02",
        ),
        sha256="plan",
        tables=[
            row(1, "Original base budget", "1,315,610.6", "1,429,506.8", "1,530,923.8"),
            row(2, "Prices", "51,264.0", "43,351.5", "31,361.3"),
            row(3, "NET BUDGET", "1,429,506.8", "1,530,923.8", "1,605,168.4"),
        ],
    )


@pytest.mark.parametrize(
    "question",
    [
        "what is the net budget for 2025/26?",
        "net budget 25-26",
        "net budget in 2025-2026",
        "what is the net budget for 2025-26?",
    ],
)
def test_the_year_column_is_found_however_the_year_is_written(question: str) -> None:
    docs = [revenue_plan(), *documents()]
    rows = named_rows(MemoryScope(docs), understand(question, docs))
    assert [r.id for r in rows] == ["plan:t3"]
    # The answer gives that year's figure alone, not every year's.
    assert row_values(rows[0], question) == "NET BUDGET — 2025-26 £000s: 1,530,923.8"


def test_a_header_written_with_a_slash_is_the_year_asked() -> None:
    row = TableRow(
        id="r",
        document_id="d",
        table="Budget",
        cells={"Service": "Prices", "2024/25": "51,264.0", "2025/26": "43,351.5"},
        location=Location(path="d.pdf", page=1),
    )
    assert row_values(row, "prices budget 2025-26") == "Prices — 2025/26: 43,351.5"


def test_a_year_written_with_a_slash_covers_a_row_printed_with_a_hyphen() -> None:
    """The relevance gate weighs "2025/26" as the table's "2025-26", so the row the
    lookup found is not declined for the way the question wrote its year."""
    from assistant.answering import relevance
    from indexing import chunking

    from .plans import candidate, stored

    doc = revenue_plan()
    docs = [doc, *documents()]
    scope = MemoryScope(docs)
    row = candidate(stored(chunking.row_node(doc, doc.tables[2])), 0.5)
    hyphen = relevance.coverage(scope, understand("net budget 2025-26", docs), [row])
    slash = relevance.coverage(scope, understand("net budget 2025/26", docs), [row])
    assert slash == pytest.approx(hyphen) and hyphen > 0.9


def test_this_next_and_last_year_are_the_financial_years_of_the_paper_s_day() -> None:
    from assistant.answering.year_words import dated_years

    march = "2025-03-04"
    assert dated_years("revenue support grant this year vs 2025-26", march) == (
        "revenue support grant this year (2024-25) vs 2025-26"
    )
    assert dated_years("income next year", "2025-02-13").endswith("next year (2025-26)")
    assert dated_years("last financial year", "2025-04-01") == "last financial year (2024-25)"
    assert dated_years("income next year", "") == "income next year"


def test_yr_is_a_year() -> None:
    from assistant.answering.year_words import one_way

    assert one_way("the 3 yr plan") == "the three year plan"
    assert one_way("over 2 yrs") == "over two years"
