"""A budget row asked for by label, column and year: a short form that is also a common
word ("GET"), the words of the paper's title, and a year the table does not have."""

from __future__ import annotations

import pytest

from assistant.answering.row_lookup import named_rows
from assistant.answering.understand import understand
from indexing.model import DocumentKind, DocumentMeta, Location, PlanDocument, TableRow

from .plans import MemoryScope, documents


def _doc(doc_id: str, title: str, rows: list[tuple[str, str, dict[str, str]]]) -> PlanDocument:
    return PlanDocument(
        id=doc_id,
        meta=DocumentMeta(
            file=f"{doc_id}.pdf", title=title, kind=DocumentKind.budget, date="2025-02"
        ),
        sha256=doc_id,
        tables=[
            TableRow(
                id=f"{doc_id}:t{n}",
                document_id=doc_id,
                table=table,
                cells=cells,
                location=Location(path=f"{doc_id}.pdf", page=1 + n // 3),
            )
            for n, (table, _, cells) in enumerate(rows)
        ],
    )


def by_directorate() -> PlanDocument:
    """One year's budget by directorate, the year in its title only."""
    table = "APPENDIX E - 2025-26 Proposed Budget by Directorate"
    return _doc(
        "dir",
        "2025-26 Budget by Directorate",
        [
            (
                table,
                "",
                {"MTFP Category": label, "ASCH Core £000s": a, "GET Core £000s": g},
            )
            for label, a, g in (
                ("Prices", "26,300.0", "5,413.5"),
                ("NET BUDGET", "643,221.6", "201,552.7"),
            )
        ],
    )


def three_years() -> PlanDocument:
    """A plan of three years side by side; its later pages captioned by a section."""
    years = ("2025-26", "2026-27", "2027-28")
    rows = [
        (
            "MEMORANDUM:",
            "",
            {"column 2": label, **{f"{y} Total £000s": v for y, v in zip(years, vs, strict=True)}},
        )
        for label, vs in (
            ("Pay", ("22,472.6", "12,524.5", "11,863.6")),
            ("NET BUDGET", ("1,530,923.8", "1,605,168.4", "1,680,820.3")),
        )
    ]
    rows.append(
        (
            "MEMORANDUM:",
            "",
            {
                "2025-26 Total £000s": "27,481.5",
                "The net impact on our reserves balances is": "Contributions to Reserves",
            },
        )
    )
    return _doc("plan", "High Level 2025-28 Revenue Plan and Financing", rows)


def _ids(question: str) -> list[str]:
    docs = [by_directorate(), three_years(), *documents()]
    return [r.id for r in named_rows(MemoryScope(docs), understand(question, docs))]


def test_a_short_form_that_is_a_common_word_names_its_column() -> None:
    assert _ids("GET net budget 2025/26?") == ["dir:t1"]
    assert _ids("WHAT IS THE NET BUDGET FOR ASCH") == ["dir:t1"]


def test_the_words_of_the_paper_s_title_count_as_named() -> None:
    assert _ids("net budget for 2027-28 in the revenue plan?") == ["plan:t1"]


def test_a_year_the_table_does_not_have_finds_no_row() -> None:
    assert _ids("GET's net budget by directorate for 2026-27") == []
    assert _ids("net budget for 2028-29 in the revenue plan") == []
    assert _ids("what is the 2025-26 net budget for ASCH") == ["dir:t1"]


def test_one_odd_row_of_a_longer_table_is_not_a_form_s_record() -> None:
    """A row whose header is a line of prose ("The net impact on our reserves balances
    is") is not a record of a form: 'net' and '2025-26' do not name it."""
    assert "plan:t2" not in _ids("net budget 2025-26 in the revenue plan")


def test_a_row_named_by_its_year_and_the_header_over_its_labels() -> None:
    """ "2024-25 allocation" under "Public Health Grant allocations", in a paper about
    the 2025-26 budget: the row's own label gives the year, the header over the labels
    what the rows are."""
    table = "3. Other changes to the 2025-26 budget"
    grants = _doc(
        "late",
        "Late changes to the 2025-26 budget",
        [
            (
                table,
                "",
                {
                    "Public Health Grant allocations": label,
                    "Estimate £'000": estimate,
                    "Updated figures for Cabinet £'000": updated,
                },
            )
            for label, estimate, updated in (
                ("2024-25 allocation", "75,734.8", "77,308.9"),
                ("2025-26 allocation", "76,783.7", "81,469.5"),
            )
        ],
    )
    docs = [grants, *documents()]
    asked = understand("updated 2024-25 public health grant allocation?", docs)
    assert [r.id for r in named_rows(MemoryScope(docs), asked)] == ["late:t0"]


def test_the_month_of_the_paper_s_meeting_names_it() -> None:
    """Two papers print the same row; "the march budget" is the one of the March meeting."""

    def paper(doc_id: str, day: str, total: str) -> PlanDocument:
        doc = _doc(
            doc_id,
            "High Level 2025-26 Budget and Financing",
            [("BUDGET", "", {"column 1": "TOTAL SPENDING", "2025-26 Total £000s": total})],
        )
        doc.meta.meeting_date = day
        return doc

    docs = [paper("feb", "2025-02-13", "200,131.6"), paper("mar", "2025-03-04", "206,199.4")]
    docs += documents()
    asked = understand("total spending for 2025-26 in the march budget", docs)
    assert [r.id for r in named_rows(MemoryScope(docs), asked)] == ["mar:t0"]


def test_the_answer_gives_the_column_of_the_short_form_asked_for() -> None:
    from assistant.answering.compose import row_values

    net = by_directorate().tables[1]
    assert row_values(net, "GET net budget 2025/26?") == "NET BUDGET — GET Core £000s: 201,552.7"


def test_a_row_whose_paper_the_question_names_needs_no_column() -> None:
    """ "total savings for delivery in 2025-26, all directorates": the row's label and the
    paper's title ("by Directorate"); no column is named, so every column answers. A
    paper the other words do not name gives no row."""
    table = "APPENDIX E - 2025-26 Proposed Budget by Directorate"
    by_dir = _doc(
        "dir",
        "2025-26 Proposed Budget by Directorate",
        [(table, "", {"MTFP Category": "TOTAL Savings", "TOTAL Total £000s": "-144,198.9"})],
    )
    update = _doc(
        "upd",
        "High Level 2025-26 Budget and Financing",
        [("BUDGET", "", {"column 1": "TOTAL Savings", "2025-26 Total £000s": "-150,266.7"})],
    )
    docs = [by_dir, update, *documents()]
    asked = understand("total savings in 2025-26 (all directorates)?", docs)
    assert [r.id for r in named_rows(MemoryScope(docs), asked)] == ["dir:t0"]
    asked = understand("total savings in 2025-26 for highways?", docs)
    assert named_rows(MemoryScope(docs), asked) == []


def test_a_count_in_words_and_a_hyphenated_compound_name_the_paper_s_title() -> None:
    """ "the three-year revenue plan" is the paper titled "3 Year Revenue Plan", and the
    verb of "what does the plan show" names no row or column."""
    years = ("2025-26", "2026-27", "2027-28")
    plan = _doc(
        "plan3",
        "Appendix D 3 Year Revenue Plan",
        [
            (
                "MEMORANDUM:",
                "",
                {
                    "column 2": label,
                    **{f"{y} Total £000s": v for y, v in zip(years, vs, strict=True)},
                },
            )
            for label, vs in (
                ("Pay", ("22,472.6", "12,524.5", "11,863.6")),
                ("NET BUDGET", ("1,530,923.8", "1,605,168.4", "1,680,820.3")),
            )
        ],
    )
    docs = [plan, by_directorate(), *documents()]
    for question in (
        "what net budget does the three-year revenue plan show for 2027-28?",
        "net budget for 2027-28 in the 3-year revenue plan",
    ):
        asked = understand(question, docs)
        assert [r.id for r in named_rows(MemoryScope(docs), asked)] == ["plan3:t1"], question


def test_counts_and_compounds_are_written_one_way_but_figures_are_not() -> None:
    from assistant.answering.year_words import one_way

    assert one_way("3 Year plan, quarter 3") == "three Year plan, quarter three"
    assert one_way("three-year plan") == "three year plan"
    assert (
        one_way("£3m in 2025-26, 3.5%, 3,000 and 12-14") == "£3m in 2025-26, 3.5%, 3,000 and 12-14"
    )


def test_a_count_the_title_does_not_give_is_not_asked_of_the_row() -> None:
    """ "the 3 year plan" of a plan titled by its years ("2025-28") rather than its count
    scores as "the year plan" does; one titled by its count holds it."""
    from assistant.answering.row_lookup import _asked, _paper_words, _score

    plan = _doc(
        "mtfp",
        "Plan by Year 2025-28",
        [("PLAN", "", {"column 1": "NET BUDGET", "2027-28 Total £000s": "1,680,820.3"})],
    )
    scope = MemoryScope([plan, *documents()])
    row, title = plan.tables[0], _paper_words(plan.meta)

    def score(question: str) -> float:
        return _score(scope, _asked(question), row, question, title)

    assert score("net budget for 2027-28 in the 3 year plan?") == pytest.approx(
        score("net budget for 2027-28 in the year plan?")
    )
    assert score("net budget for 2027-28 in the year plan?") > 0


def test_the_file_s_name_and_the_asides_of_a_question_for_a_figure() -> None:
    """ "Pencilled in", "this year vs", "according to the table" frame the question; the
    paper's file name ("3 Year Revenue Plan") names it as its title does."""
    plan = three_years()
    plan.meta = plan.meta.model_copy(
        update={"file": "full_council_2025-02-13__Appendix D - 3 Year Revenue Plan.pdf"}
    )
    docs = [by_directorate(), plan, *documents()]

    def ids(question: str) -> list[str]:
        return [r.id for r in named_rows(MemoryScope(docs), understand(question, docs))]

    assert ids("net budget pencilled in for 2027-28 in the 3 yr revenue plan?") == ["plan:t1"]
    assert ids("net budget pencilled in for 2028-29 in the 3 yr revenue plan?") == []
    asked = "how much are GET's prices expected to be next year according to the directorate table"
    assert ids(asked) == ["dir:t0"]
    assert ids("GET's prices according to the staffing table") == []  # a word no row has


def test_a_row_found_by_search_fits_only_when_its_label_or_short_form_is_asked() -> None:
    from assistant.answering.row_lookup import row_fits

    docs = [by_directorate(), three_years(), *documents()]
    scope = MemoryScope(docs)
    prices, plan_net = docs[0].tables[0], docs[1].tables[1]
    assert row_fits(scope, "GET prices uplift in the budget by directorate", prices)
    assert not row_fits(scope, "GET parking income in the budget by directorate", prices)
    assert row_fits(scope, "net budget 2026-27 in the revenue plan", plan_net)
    assert not row_fits(scope, "what's the GET net budget for 2026-27", plan_net)


def test_records_in_words_and_a_label_holding_the_asked_year_fit() -> None:
    from assistant.answering.row_lookup import row_fits

    late = _doc(
        "late",
        "Late changes to the 2025-26 budget",
        [
            (
                "2. Business Rates",
                "",
                {
                    "column 1": "% increase from 2024-25",
                    "Updated figures for Cabinet £'000": "1.89%",
                },
            ),
            (
                "Adult Social Care",
                "",
                {"Cabinet Member": "Dan Watkins", "Director": "Richard Smith"},
            ),
        ],
    )
    scope = MemoryScope([late, *documents()])
    rise, people = late.tables
    assert row_fits(scope, "by what % did business rates funding go up from 2024-25", rise)
    assert row_fits(scope, "adult social care kpis: cabinet member and director?", people)
