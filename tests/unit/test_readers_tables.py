"""Tables of shapes no shipped file has, read by their headers and values (fast, no model)."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from indexing.blocks import Block, BlockKind, Row, Span
from indexing.model import DocumentKind, DocumentMeta, ItemKind, PlanDocument
from indexing.readers import read_document
from indexing.readers.vocabulary import column_role, join_header_rows


def table(
    header: list[list[str]] | None,
    rows: list[list[str]],
    *,
    page: int | None = None,
    sheet: str | None = None,
    first_line: int = 1,
) -> Block:
    spans = [
        Span(
            page=page,
            sheet=sheet,
            row=(n + 2) if sheet else None,
            line=None if (page or sheet) else first_line + n,
        )
        for n in range(len(rows))
    ]
    return Block(
        kind=BlockKind.table,
        header=header or [],
        rows=[Row(cells=r, at=s) for r, s in zip(rows, spans, strict=True)],
        at=spans[0] if spans else Span(),
    )


def heading(text: str, **at: int) -> Block:
    return Block(kind=BlockKind.heading, text=text, level=1, at=Span(**at))


def read(
    *blocks: Block, columns: dict[str, str] | None = None, kind: DocumentKind = DocumentKind.other
) -> PlanDocument:
    meta = DocumentMeta(file="paper.pdf", title="A paper", kind=kind, columns=columns or {})
    return read_document(list(blocks), meta, doc_id="paper", source="papers/paper.pdf", sha256="x")


def only(doc: PlanDocument, ref: str):
    found = [i for i in doc.items if i.ref == ref]
    assert len(found) == 1, [i.ref for i in doc.items]
    return found[0]


def test_issue_example_rating_and_people_by_header() -> None:
    doc = read(
        table(
            [["Ref", "Action", "RAG", "Lead officer", "Portfolio holder"]],
            [["1", "Resurface the high street", "Amber", "Jane Smith", "Cllr Bob Jones"]],
        )
    )
    item = only(doc, "1")
    assert item.kind is ItemKind.commitment
    assert (item.rating, item.rating_label) == ("A", "Amber")
    assert [p.name for p in item.owner] == ["Jane Smith"]
    assert [p.name for p in item.cabinet_member] == ["Cllr Bob Jones"]
    assert item.director == [] and item.commitment == "Resurface the high street"


def test_a_row_that_lost_its_empty_rating_cell_is_aligned_by_value() -> None:
    doc = read(
        table(
            [["Ref", "Action", "RAG", "Lead officer", "Portfolio holder"]],
            [
                ["1", "Resurface the high street", "Amber", "Jane Smith", "Cllr Bob Jones"],
                ["2", "Open a new library", "Ann Lee", "Cllr Ray Cole"],
            ],
        )
    )
    item = only(doc, "2")
    assert item.rating is None
    assert [p.name for p in item.owner] == ["Ann Lee"]
    assert [p.name for p in item.cabinet_member] == ["Cllr Ray Cole"]


def test_columns_in_another_order() -> None:
    doc = read(
        table(
            [["Owner", "Status", "Progress", "Action", "No."]],
            [["KE", "Green", "Contract signed in May.", "Build 200 homes", "4.2"]],
        )
    )
    item = only(doc, "4.2")
    assert item.commitment == "Build 200 homes" and item.update == "Contract signed in May."
    assert item.rating == "G" and [p.initials for p in item.owner] == ["KE"]


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Green (above target)", "G"),
        ("On track", "G"),
        ("Met", "G"),
        ("Complete", "C"),
        ("G/A", "G/A"),
        ("Off track", "R"),
        ("Amber (close to target)", "A"),
    ],
)
def test_word_ratings_keep_the_documents_word(word: str, code: str) -> None:
    doc = read(
        table([["Ref", "Indicator", "Status"]], [["K1", "Calls answered in 15 seconds", word]])
    )
    item = only(doc, "K1")
    assert item.kind is ItemKind.kpi
    assert (item.rating, item.rating_label) == (code, word)


def test_a_table_without_header_gets_roles_from_values() -> None:
    doc = read(
        table(
            None,
            [
                [
                    "1.1",
                    "Publish the new transport strategy for consultation this year",
                    "KE",
                    "G",
                    "↑",
                ],
                ["1.2", "Agree the school places plan with every academy trust", "SG", "A/R", "↓"],
            ],
        )
    )
    first, second = only(doc, "1.1"), only(doc, "1.2")
    assert first.commitment.startswith("Publish the new transport strategy")
    assert (first.rating, first.direction, [p.initials for p in first.owner]) == ("G", "↑", ["KE"])
    assert (second.rating, second.direction) == ("A/R", "↓")


def test_header_on_two_rows_is_joined_per_column() -> None:
    assert join_header_rows([["Indicator", "RAG rating", ""], ["", "Latest", "Previous"]]) == [
        "Indicator",
        "RAG rating Latest",
        "RAG rating Previous",
    ]
    doc = read(
        table(
            [["Ref", "Indicator", "RAG rating", ""], ["", "", "Latest", "Previous"]],
            [["P1", "Potholes repaired within 28 days", "Green", "Amber"]],
        )
    )
    item = only(doc, "P1")
    assert (item.rating, item.previous_rating) == ("G", "A")


def test_kpi_values_by_role_and_unknown_columns_kept_by_header() -> None:
    doc = read(
        table(
            [
                [
                    "Ref",
                    "Indicator",
                    "Target",
                    "Latest",
                    "Previous",
                    "Floor",
                    "Benchmark group",
                    "RAG",
                ]
            ],
            [
                [
                    "HW1",
                    "Routine pothole repairs within 28 days",
                    "90%",
                    "94%",
                    "97%",
                    "80%",
                    "Shire counties",
                    "Green",
                ]
            ],
        )
    )
    item = only(doc, "HW1")
    assert item.fields == {"target": "90%", "latest": "94%", "previous": "97%", "floor": "80%"}
    assert item.other_fields == {"Benchmark group": "Shire counties"}
    assert item.rating == "G"


def test_risk_register_gives_risks_with_scores_and_owners() -> None:
    doc = read(
        table(
            [
                [
                    "Risk No",
                    "Risk Description",
                    "Likelihood",
                    "Impact",
                    "Score",
                    "Risk Owner",
                    "Mitigating actions",
                ]
            ],
            [
                [
                    "R1",
                    "Savings are not delivered",
                    "4",
                    "5",
                    "20",
                    "Jane Smith",
                    "Monthly monitoring by the board",
                ],
                [
                    "R2",
                    "Demand for care rises faster than funding",
                    "3",
                    "4",
                    "12",
                    "Ann Lee",
                    "Market shaping",
                ],
            ],
        )
    )
    risk = only(doc, "R1")
    assert risk.kind is ItemKind.risk
    assert {k: risk.fields[k] for k in ("likelihood", "impact", "score")} == {
        "likelihood": "4",
        "impact": "5",
        "score": "20",
    }
    assert risk.fields["mitigation"] == "Monthly monitoring by the board"
    assert [p.name for p in risk.owner] == ["Jane Smith"]


def test_a_table_across_a_page_break_is_one_item_with_both_pages() -> None:
    block = table(
        [["Ref", "Action", "Update", "Owner", "RAG"]],
        [
            ["3.1", "Open the new depot", "Planning granted in June.", "KE", "G"],
            ["3.2", "Replace the bus fleet", "Tender issued;", "SG", "A"],
        ],
        page=7,
    )
    block.rows.append(Row(cells=["", "", "bids due in March.", "", ""], at=Span(page=8)))
    block.rows.append(
        Row(cells=["3.3", "Extend the park and ride", "Site chosen.", "KE", "R"], at=Span(page=8))
    )
    doc = read(heading("Transport", page=7), block)
    split = only(doc, "3.2")
    assert split.update == "Tender issued;\nbids due in March."
    assert (split.location.page, split.location.page_end, split.location.pages()) == (
        7,
        8,
        "pp. 7–8",
    )
    assert only(doc, "3.3").location.page == 8 and only(doc, "3.1").section == "Transport"


def test_rows_of_only_people_and_rating_cells_are_unplaced_not_guessed() -> None:
    doc = read(
        table(
            [["Ref", "Action", "Owner", "RAG"]],
            [
                ["1", "Open the new depot", "KE", "G"],
                ["", "", "SG", "R"],
            ],
        )
    )
    assert only(doc, "1").rating == "G"
    assert [(u.cells, u.location.line_start) for u in doc.unplaced_rows] == [(["SG", "R"], 2)]


def test_a_spreadsheet_table_carries_sheet_and_row() -> None:
    doc = read(
        table(
            [["KPI ref", "Description", "Target", "Status"]],
            [
                ["CS01", "Calls answered within 30 seconds", "85", "Amber (close to target)"],
                ["CS02", "Complaints answered on time", "95", "Green (above target)"],
            ],
            sheet="Q2",
        )
    )
    item = only(doc, "CS02")
    assert item.kind is ItemKind.kpi and item.rating == "G"
    assert (item.location.sheet, item.location.row) == ("Q2", 3)
    assert str(item.location) == "papers/paper.pdf sheet 'Q2' row 3"


def test_manifest_columns_override_the_vocabulary() -> None:
    rows = [["1", "Resurface the high street", "Jane Smith", "Cllr Bob Jones"]]
    header = [["Ref", "Action", "Sponsor", "Lead officer"]]
    plain = only(read(table(header, rows)), "1")
    assert [p.name for p in plain.owner] == ["Cllr Bob Jones"]  # "Lead officer" is an owner
    assert plain.other_fields == {"Sponsor": "Jane Smith"}
    overridden = only(
        read(table(header, rows), columns={"Sponsor": "owner", "Lead officer": "cabinet_member"}),
        "1",
    )
    assert [p.name for p in overridden.owner] == ["Jane Smith"]
    assert [p.name for p in overridden.cabinet_member] == ["Cllr Bob Jones"]
    assert column_role("sponsors", {"Sponsor": "owner"}).role == "owner"  # type: ignore[union-attr]


def test_a_screening_form_gives_table_rows_not_items() -> None:
    doc = read(
        table(
            [["Question", "Yes/No", "Comments"]],
            [
                ["Will the project involve new personal data?", "Yes", "Names and addresses"],
                ["Will data be shared outside the council?", "No", ""],
                ["Is the data special category?", "No", ""],
            ],
        )
    )
    assert doc.items == []
    assert len(doc.tables) == 3
    assert doc.tables[0].cells["Yes/No"] == "Yes"
    assert doc.tables[1].cells["Question"] == "Will data be shared outside the council?"


def test_a_budget_table_gives_rows_found_by_label_and_column() -> None:
    doc = read(
        heading("Net budget by directorate", page=4),
        table(
            [["Directorate", "2024-25 Net Budget £m", "2025-26 Net Budget £m"]],
            [["Adult Social Care", "540.1", "586.3"], ["Children's Services", "402.7", "431.0"]],
            page=4,
        ),
    )
    assert doc.items == []
    care = next(r for r in doc.tables if r.label() == "Adult Social Care")
    assert care.cells["2025-26 Net Budget £m"] == "586.3"
    assert care.table == "Net budget by directorate" and care.location.page == 4
    assert care.id == "paper:t1" and care.document_id == "paper"


def test_questions_with_written_answers_are_question_items() -> None:
    doc = read(
        table(
            [["No.", "Question", "Answer"]],
            [
                [
                    "Q1",
                    "How many potholes were filled last year?",
                    "We filled 12,400 potholes in 2024-25.",
                ],
            ],
        )
    )
    item = only(doc, "Q1")
    assert item.kind is ItemKind.question and item.update == "We filled 12,400 potholes in 2024-25."


def test_a_paragraph_across_a_page_break_keeps_both_pages() -> None:
    doc = read(
        Block(
            kind=BlockKind.paragraph,
            text="The plan was adopted in December 2014.",
            at=Span(page=4, page_end=5),
        )
    )
    assert doc.passages[0].location.pages() == "pp. 4–5"


def test_paragraphs_become_passages_under_their_heading_with_pages() -> None:
    doc = read(
        heading("Budget", page=2),
        Block(kind=BlockKind.paragraph, text="The council set a balanced budget.", at=Span(page=2)),
        Block(kind=BlockKind.paragraph, text="The budget was set in February.", at=Span(page=2)),
        Block(kind=BlockKind.paragraph, text="Reserves stand at £41m.", at=Span(page=3)),
        heading("Risks", page=3),
        Block(kind=BlockKind.paragraph, text="Demand for care rises.", at=Span(page=3)),
    )
    assert [(p.section, p.text, p.location.pages()) for p in doc.passages] == [
        ("Budget", "The council set a balanced budget.\nThe budget was set in February.", "p. 2"),
        ("Budget", "Reserves stand at £41m.", "p. 3"),  # a passage stays on its page
        ("Risks", "Demand for care rises.", "p. 3"),
    ]
    assert doc.sections == ["Budget", "Risks"]


def test_a_key_headed_initials_name_role_is_read_by_its_header() -> None:
    doc = read(
        table(
            [["Ref", "Action", "Lead", "RAG"]], [["1", "Open the new depot", "AB/CD", "G"]], page=2
        ),
        table(
            [["Initials", "Name", "Role"]],
            [["AB", "Ann Blake", "Head of Waste"], ["CD", "Carl Dee", "Director of Place"]],
            page=12,
        ),
    )
    owners = only(doc, "1").owner
    assert [(p.initials, p.name, p.role) for p in owners] == [
        ("AB", "Ann Blake", "Head of Waste"),
        ("CD", "Carl Dee", "Director of Place"),
    ]
    assert (
        doc.tables == []
        and doc.people_key_location is not None
        and doc.people_key_location.page == 12
    )


def test_manifest_roles_may_be_written_as_synonyms() -> None:
    doc = read(
        table(
            [["Ref", "Measure name", "Sponsor", "Colour"]],
            [["M1", "Library visits per head", "Cllr Ann Lee", "Green"]],
        ),
        columns={"Measure name": "KPI", "Sponsor": "portfolio holder", "Colour": "RAG"},
    )
    item = only(doc, "M1")
    assert (item.kind, item.rating, [p.name for p in item.cabinet_member]) == (
        ItemKind.kpi,
        "G",
        ["Cllr Ann Lee"],
    )


def test_a_key_to_initials_table_resolves_people_anywhere_in_the_document() -> None:
    doc = read(
        table([["Ref", "Action", "Owner", "RAG"]], [["1", "Open the new depot", "JS", "G"]]),
        heading("Key to initials", page=9),
        table(None, [["JS", "Jane", "Smith"], ["", "", "Head of Transport"]], page=9),
    )
    owner = only(doc, "1").owner[0]
    assert (owner.initials, owner.name, owner.role) == ("JS", "Jane Smith", "Head of Transport")
    assert doc.people_key_location is not None and doc.people_key_location.page == 9


def test_lines_of_figures_printed_as_text_become_table_rows() -> None:
    def line(text: str, kind: BlockKind = BlockKind.paragraph) -> Block:
        return Block(kind=kind, text=text, at=Span(page=1))

    doc = read(
        heading("Budget by category", page=1),
        line("Core External Total"),
        line("£000s £000s £000s"),
        line("Original base budget 1,429,506.8 0.0 1,429,506.8"),
        line("Pay 21,845.7 626.9 22,472.6"),
        line("TOTAL SPENDING 151,171.3 48,960.3 200,131.6", BlockKind.heading),
        heading("Reserves", page=1),
        line("Drawdowns from Reserves -10,607.1 -25,598.1 -36,205.2"),
        line("NET BUDGET 1,530,923.8 0.0 1,530,923.8"),
        line("The council meets on 13 February 2025 at 10.00"),
    )
    assert doc.items == []
    rows = {r.label(): r for r in doc.tables}
    assert rows["Pay"].cells == {
        "column 1": "Pay",
        "Core": "21,845.7",
        "External": "626.9",
        "Total": "22,472.6",
    }
    assert rows["TOTAL SPENDING"].section == "Budget by category"
    assert (
        rows["NET BUDGET"].cells["Total"] == "1,530,923.8"
        and rows["NET BUDGET"].section == "Reserves"
    )
    assert doc.sections == ["Budget by category", "Reserves"]  # a line of figures is no heading
    assert any("13 February 2025" in p.text for p in doc.passages)  # a lone line stays prose


def test_rated_tables_headed_by_their_group_give_kpis_of_the_reports_kind() -> None:
    """Summary tables of a performance report: the header row names the group, the next
    row the rating columns; a later table of the same columns without the word "KPIs"
    holds indicators too."""
    first = table(
        None,
        [
            ["Highways KPIs", "RAG rating", "", "DoT"],
            ["", "Latest", "Previous", ""],
            ["% of potholes repaired within 28 days", "GREEN", "AMBER", ""],
            ["% of streetlights repaired within 7 days", "RED", "RED", ""],
        ],
        page=4,
    )
    second = table(
        None,
        [
            ["Children's Services", "RAG rating", "", "DoT"],
            ["", "Latest", "Previous", ""],
            ["Number of foster households", "AMBER", "GREEN", ""],
        ],
        page=5,
    )
    doc = read(first, second)
    assert [(i.kind, i.rating, i.previous_rating, i.section) for i in doc.items] == [
        (ItemKind.kpi, "G", "A", "Highways KPIs"),
        (ItemKind.kpi, "R", "R", "Highways KPIs"),
        (ItemKind.kpi, "A", "G", "Children's Services"),
    ]
    assert doc.items[0].rating_label == "GREEN" and doc.items[0].location.page == 4


def test_counts_under_title_like_headers_are_figures_not_items() -> None:
    doc = read(
        table(
            [["", "Low Risk", "Medium Risk", "High Risk"]],
            [
                ["Current risk level November 2024", "0", "3", "13"],
                ["Current risk level February 2025", "0", "5", "12"],
            ],
            page=66,
        )
    )
    assert doc.items == []
    assert doc.tables[1].cells == {
        "column 1": "Current risk level February 2025",
        "Low Risk": "0",
        "Medium Risk": "5",
        "High Risk": "12",
    }


def test_a_header_is_carried_to_the_next_page_only_by_a_table_of_its_width() -> None:
    rated = table(
        [["Ref", "Action", "Owner", "RAG"]], [["1", "Open the new depot", "KE", "G"]], page=3
    )
    same = table(None, [["2", "Replace the bus fleet", "SG", "A"]], page=4)
    other = table(None, [["Library visits", "12,400", "13,100", "+6%", "Q3"]], page=5)
    doc = read(rated, same, other)
    assert [(i.ref, i.rating) for i in doc.items] == [("1", "G"), ("2", "A")]
    assert len(doc.tables) == 1 and doc.tables[0].cells["column 1"] == "Library visits"


def test_sentences_cut_into_cells_are_not_a_header() -> None:
    doc = read(
        table(
            None,
            [
                [
                    "impacts",
                    "relating",
                    "to",
                    "people",
                    "and",
                    "goods",
                    "as",
                    "a result",
                    "of",
                    "the",
                    "new",
                    "date",
                ],
                [
                    "The",
                    "due",
                    "date",
                    "for",
                    "this",
                    "action",
                    "has",
                    "been",
                    "removed",
                    "until",
                    "further",
                    "notice",
                ],
            ],
            page=9,
        )
    )
    assert doc.items == [] and len(doc.tables) == 2


def test_a_units_row_under_the_header_joins_it() -> None:
    doc = read(
        table(
            [
                [
                    "Directorate",
                    "Risk Title",
                    "Current Likelihood (1-5)",
                    "Estimated Annual Exposure",
                ]
            ],
            [
                ["", "", "", "£m"],
                ["Finance", "Savings are not delivered in full this year", "4", "119.2"],
            ],
            page=1,
        )
    )
    risk = doc.items[0]
    assert (
        risk.kind is ItemKind.risk
        and risk.commitment == "Savings are not delivered in full this year"
    )
    assert risk.fields == {"directorate": "Finance", "likelihood": "4"}
    assert risk.other_fields == {"Estimated Annual Exposure £m": "119.2"}


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9).map(
    lambda w: f"q{w}"
)
_CELL = st.one_of(
    st.just(""),
    _WORD,
    st.lists(_WORD, min_size=2, max_size=12).map(" ".join),
    st.sampled_from(
        ["Green", "AMBER", "R", "G/A", "↑", "↔", "KE", "Jane Smith", "12%", "£4.5m", "3"]
    ),
    st.from_regex(r"[1-9]\.[1-9]", fullmatch=True),
)
_HEADER = st.lists(
    st.sampled_from(
        [
            "Ref",
            "Action",
            "Indicator",
            "Risk",
            "Update",
            "Owner",
            "RAG",
            "Target",
            "Latest",
            "Director",
            "Notes",
            "Colour",
            "Budget £m",
            "",
        ]
    ),
    min_size=1,
    max_size=7,
)


@pytest.mark.slow  # a property test: 150 random tables through the whole reader
@settings(max_examples=150, deadline=None)
@given(
    header=_HEADER,
    rows=st.lists(st.lists(_CELL, min_size=1, max_size=8), min_size=1, max_size=6),
    gridded=st.booleans(),
)
# An indicator whose rating cell holds words, joined with a summary row of the same name
# that does give a rating: the words stay a field.
@example(
    header=["Update", "RAG", "Indicator"], rows=[["qaaa", "qaab", "qaaa", "Green"]], gridded=False
)
def test_no_cell_of_any_table_is_lost(
    header: list[str], rows: list[list[str]], gridded: bool
) -> None:
    """Whatever the shape, every body cell's words end up somewhere in the document:
    an item's text or fields, a table row, an unplaced row, a passage or a section."""
    spans = [Span(page=1) if gridded else Span(line=n + 2) for n in range(len(rows))]
    block = Block(
        kind=BlockKind.table,
        header=[header],
        rows=[Row(cells=r, at=s) for r, s in zip(rows, spans, strict=True)],
    )
    doc = read(block)
    kept = " ".join(
        [
            *(
                f"{i.ref} {i.commitment} {i.update} {i.rating_label} {i.direction} "
                f"{' '.join(p.display() for p in i.people())} {' '.join(i.fields.values())} {' '.join(i.other_fields.values())}"
                for i in doc.items
            ),
            *(" ".join(r.cells.values()) for r in doc.tables),
            *(" ".join(u.cells) for u in doc.unplaced_rows),
            *(p.text for p in doc.passages),
            *doc.sections,
        ]
    )
    for row in rows:
        for cell in row:
            for word in cell.split():
                if word.startswith("q"):
                    assert word in kept, (word, header, rows)


def test_numbered_recommendations_in_prose_become_items_contents_lines_do_not() -> None:
    def para(text: str, page: int) -> Block:
        return Block(kind=BlockKind.paragraph, text=text, at=Span(page=page))

    doc = read(
        para("Recommendation 1: Simpler structures .......... 11", 2),
        para("Recommendation 2: Stronger leadership", 2),
        para(".................................................. 13", 2),
        heading("Our response", page=11),
        para("Recommendation 1: Simpler structures for emergency", 11),
        para("preparedness", 11),
        para("The governments should simplify their structures.", 11),
        para("The government agrees and has set up a single committee.", 12),
        para("4 A footnote Recommendation 2: Stronger leadership", 13),
        para("The Cabinet Office should lead; the government agrees in part.", 13),
    )
    items = [(i.kind, i.ref, i.commitment, i.location.pages(), i.section) for i in doc.items]
    assert items == [
        (
            ItemKind.recommendation,
            "1",
            "Simpler structures for emergency preparedness",
            "pp. 11–12",
            "Our response",
        ),
        (ItemKind.recommendation, "2", "Stronger leadership", "p. 13", "Our response"),
    ]
    assert doc.items[0].update == (
        "The governments should simplify their structures.\nThe government agrees and has set up a single committee."
    )
    assert any("single committee" in p.text for p in doc.passages)  # the prose stays citable too


def test_an_agenda_table_gives_rows_not_items() -> None:
    doc = read(
        table(
            [["Item", "Title", "Pages"]],
            [
                ["1", "Apologies and substitutes", ""],
                ["5", "Revenue and Capital Budget Monitoring Report – November 2024-25", "11 - 84"],
            ],
        )
    )
    assert doc.items == [] and len(doc.tables) == 2
    assert doc.tables[1].cells["Title"].startswith("Revenue and Capital Budget Monitoring")
    minutes = read(
        table(
            [["No.", "Title"]],
            [["3", "Minutes of the meeting held on 9 January 2025 for approval"]],
        ),
        kind=DocumentKind.minutes,
    )
    assert minutes.items == [] and len(minutes.tables) == 1


@pytest.mark.parametrize(
    ("header", "row"),
    [
        (["Category", "Description", "Amount"], ["Grant", "Social Care Grant", "+£20.1m"]),
        (
            ["Row Ref", "Description", "2025-26 £000s", "2026-27 £000s"],
            ["1", "Budget realignment for older people", "7,800.0", "0.0"],
        ),
        (
            [
                "Directorate",
                "Cabinet Member",
                "Headline Description",
                "2025-26 £000's",
                "2026-27 £000's",
            ],
            ["ASCH", "Dan Watkins", "Adult Social Care", "7,800.0", "0.0"],
        ),
        (
            ["Table 1 Policy Decisions", "2024-25 Plans", "2025-26 Plans"],
            ["Spending", "25,865", "63,550"],
        ),
    ],
)
def test_budget_lines_are_table_rows_not_items(header: list[str], row: list[str]) -> None:
    doc = read(table([header], [row, row], page=3), kind=DocumentKind.risk_register)
    assert doc.items == [] and len(doc.tables) == 2


def test_an_action_with_its_cost_is_still_an_item() -> None:
    doc = read(
        table(
            [["Ref", "Action", "Cost £k"]],
            [["A1", "Replace the depot roof this winter", "120"]],
            page=3,
        )
    )
    assert [(i.ref, i.kind, i.other_fields) for i in doc.items] == [
        ("A1", ItemKind.commitment, {"Cost £k": "120"})
    ]


def test_a_form_gives_each_value_under_its_label_beside_or_above_it() -> None:
    doc = read(
        table(
            [["Budget Amendment Form", "", "", "", ""]],
            [
                ["Amendment Name:", "Expansion of Community Wardens", "Amendment Number:", "", "6"],
                ["Proposer:", "Mike Baldock", "Seconder:", "", "Mark Hood"],
                ["Proposed Amount", "", "", "Proposed Funding Source:", ""],
                ["£550k", "", "", "Children's Social Care Prevention Grant", ""],
            ],
            page=1,
        )
    )
    assert doc.items == []
    cells = [r.cells for r in doc.tables]
    assert cells[0] == {"Amendment Name": "Expansion of Community Wardens", "Amendment Number": "6"}
    assert cells[1] == {"Proposer": "Mike Baldock", "Seconder": "Mark Hood"}
    assert cells[3] == {
        "Proposed Amount": "£550k",
        "Proposed Funding Source": "Children's Social Care Prevention Grant",
    }
