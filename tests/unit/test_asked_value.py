"""The kind of value a question asks for (``asked_value``) decides which sentence can
answer it: a share by a percentage, a time by a time of day (an end by an end), a length
of time by a period, an id by a number beside an id's label, a name by a name. Sentences
and rows here are those of real council papers (an integrated care strategy report, an
agenda front sheet, a data protection screening form, an equality form)."""

from __future__ import annotations

from assistant.answering.asked_days import days_named, other_day, quarter_printed
from assistant.answering.asked_subject import normal_days, subject_text
from assistant.answering.asked_value import (
    ValueKind,
    asked_value,
    cue_words,
    states_nothing,
    states_value,
)
from assistant.answering.evidence import best_evidence
from assistant.answering.relevance import evidence_on_topic
from assistant.answering.understand import understand
from indexing.model import Location, TableRow

from .plans import MemoryScope, candidate, minutes_doc, passage_node


def test_the_kind_asked_whatever_the_wording() -> None:
    assert asked_value("roughly what share of the determinants sit outside the nhs") == (
        ValueKind.share
    )
    assert asked_value("what % of calls were answered") == ValueKind.share
    assert asked_value("what time was the 13 feb budget council meant to finish") == (
        ValueKind.time
    )
    assert asked_value("how long will the transfer data be retained for") == ValueKind.duration
    assert asked_value("what's the eqia submission id number for the plan") == ValueKind.number
    assert asked_value("what is the project id of the dpia") == ValueKind.number
    assert asked_value("what rating system does the council use for roads") == ValueKind.name
    assert asked_value("which case management system is the service moving onto") == (
        ValueKind.name
    )
    assert asked_value("where are the servers for the systems located") == ValueKind.place
    # not a kind of its own: left to the intent's own checks
    assert asked_value("where are we on the library project") is None
    assert asked_value("where does the money come from") is None
    assert asked_value("what is ref 12 about") is None
    assert asked_value("how many carers were assessed") is None
    # an indicator's name is not a question for a share
    assert asked_value("what is the latest value of Percentage of pupils placed") is None


def test_a_value_of_the_kind_asked_must_be_printed() -> None:
    share = "what share of the determinants of health sit outside the nhs"
    assert states_value(ValueKind.share, "with around 80% outside the remit of the NHS", share)
    assert not states_value(ValueKind.share, "an opportunity to secure NHS commitment", share)
    finish = "what time was the meeting meant to finish"
    assert states_value(ValueKind.time, "The meeting is scheduled to end by 5.00 pm.", finish)
    assert not states_value(ValueKind.time, "Thursday, 13th February, 2025 at 9.30 am", finish)
    start = "what time did the cabinet start"
    assert states_value(ValueKind.time, "Thursday, 30th January, 2025, at 10.00 am", start)
    kept = "how long will the data be retained for"
    assert states_value(ValueKind.duration, "Records are kept for six years.", kept)
    assert not states_value(
        ValueKind.duration, "How long will the data be retained for? — Question Number: 23", kept
    )
    ident = "what is the project id of the dpia"
    assert states_value(ValueKind.number, "Title: SIS Transfer Project ID: 441", ident)
    assert not states_value(ValueKind.number, "EQIA Title — column 2: KCC adoption", ident)
    assert states_value(ValueKind.number, "441", ident, label="Project ID:")
    assert not states_value(
        ValueKind.number, "Any analysis in the last 3 years? — column 4: no", ident
    )
    assert not states_value(
        ValueKind.number, "Please outline the project — Question Number: 10; Answer: A", ident
    )
    system = "what rating system does the council use to pick roads"
    assert states_value(
        ValueKind.name, "roads are identified using the Pavement Surface Condition Index", system
    )
    assert not states_value(ValueKind.name, "roads are identified on a triennial basis", system)
    servers = "where are the servers located"
    assert states_value(ValueKind.place, "The servers are held in the UK.", servers)
    assert not states_value(ValueKind.place, "staff will continue to use both systems", servers)
    assert not states_value(
        ValueKind.place, "functions within the Strengthening Independence Service", servers
    )


def _row(cells: dict[str, str]) -> TableRow:
    return TableRow(
        id="r",
        document_id="form",
        table="Form",
        cells=cells,
        location=Location(path="form.pdf", page=8),
    )


def test_a_form_row_left_blank_states_nothing() -> None:
    assert states_nothing(
        _row({"Question Number": "16", "Question": "Where are the servers located?"})
    )
    assert states_nothing(
        _row({"Information": "EQIA Submission – ID Number Section A", "column 2": ""})
    )
    assert not states_nothing(
        _row({"Question Number": "6", "Question": "When did planning begin?", "Answer": "10/21"})
    )
    assert not states_nothing(_row({"Information": "Responsible Officer", "column 3": "M G"}))
    assert not states_nothing(_row({"Proposed Purpose": "Spending is to rise by £80.3m"}))
    assert not states_nothing(
        _row({"Amendment Name": "LEVI capital funding", "Amendment Number": "3"})
    )


def test_the_sentence_that_holds_the_share_answers_not_the_one_with_more_words() -> None:
    report = minutes_doc(
        "ics-report",
        [
            (
                "Background",
                "The Integrated Care Strategy, evolving from a national NHS driven expectation, "
                "has provided an opportunity to secure NHS commitment to tackle the wider "
                "determinants of health.",
            ),
            (
                "Background",
                "Health is impacted by a wide range of determinants with around 80% outside "
                "the traditional remit of the NHS.",
            ),
        ],
    )
    scope = MemoryScope([report])
    query = understand(
        "roughly what share of the determinants of health are outside the nhs", [report]
    )
    cands = [candidate(passage_node(p, report), 0.6) for p in report.passages]
    found = [e for e in best_evidence(query, cands) if e.has_required]
    assert found and "80%" in found[0].sentence
    assert all("opportunity" not in e.sentence for e in found)
    assert evidence_on_topic(0.2, scope, query, found[0])


def test_the_words_that_ask_are_not_the_subject() -> None:
    assert normal_days("the 13th Feb meeting") == "the 13 february meeting"
    assert subject_text("what time was the 13 feb council meant to finish") == (
        "what was the 13 february council to"
    )
    assert cue_words("what time was it meant to finish").endswith("am pm end")
    assert cue_words("how many carers") == "how many carers"


def test_a_day_asked_is_not_another_days_meeting() -> None:
    assert days_named("the 4 march cabinet on 13th Feb, 2025-03-05") == {
        (4, "march"),
        (13, "february"),
    }
    assert days_named("submitted in may 24") == set()  # a month of 2024, not a day
    assert days_named("Printed minutes 13th-Feb-2025 09.30 County Council") == {(13, "february")}
    held = "The meeting is scheduled to end by 5.00 pm. Agenda, Thursday, 13th February, 2025"
    assert other_day("what time was the 4 march cabinet meant to finish", held) == "4 March"
    assert other_day("what time was the 13 feb council meant to finish", held) is None
    assert other_day("what time was the cabinet meant to finish", held) is None


def test_a_quarter_is_printed_in_a_list_of_quarters() -> None:
    text = "40 KPIs were reported in Quarters 1 & 2 but two have now been removed"
    assert quarter_printed("1", text) and quarter_printed("2", text)
    assert not quarter_printed("3", text)
    assert quarter_printed("3", "In Q3 the service answered 84%")


def test_a_sum_asked_by_its_kind_needs_a_sum() -> None:
    asked = "what overspend did the quarter 3 budget monitoring forecast"
    assert asked_value(asked) == ValueKind.money
    assert asked_value("how big a deficit would we be left with") == ValueKind.money
    assert asked_value("what savings measures are planned") is None
    assert states_value(ValueKind.money, "This showed a forecast overspend of £23m.", asked)
    assert not states_value(
        ValueKind.money, "The monitoring was reported to Cabinet on 30th January 2025.", asked
    )


def test_days_and_record_numbers_are_not_figures() -> None:
    from assistant.answering.counted_numbers import non_year_numbers

    assert non_year_numbers(
        "Decision 24/00109: up to 31 March 2026, 920 individuals, 330 with a plan, 12 marks"
    ) == ["920", "330", "12"]
    # a part of the paper pointed at is no figure either
    assert non_year_numbers("d) Appendix 2 Consultation Report, section 6.4, 14 families") == ["14"]
    # a day printed in figures is a date, not a count
    assert non_year_numbers("Applications by 31/01/2025 and 15.3.25: 23 granted") == ["23"]


def test_a_when_answer_is_not_the_questions_own_day() -> None:
    from assistant.answering.asked_days import without_days_asked

    asked = "what date is on the summons for the 13 february council meeting"
    assert "13" not in without_days_asked(asked, "Meeting on Thursday, 13th February, 2025")
    assert "5 february 2025" in without_days_asked(asked, "Wednesday, 5 February 2025").lower()


def test_a_start_is_matched_by_its_other_words() -> None:
    from assistant.answering.sentence_fit import matched

    assert matched({"begin"}, {"commenc", "hear"}) == {"begin"}
    assert matched({"finish"}, {"end", "meet"}) == {"finish"}
    assert matched({"begin"}, {"end"}) == set()


def test_an_answer_from_another_days_meeting_is_declined_for_the_day_asked() -> None:
    from assistant.answering.pinned import missing_pin
    from assistant.models import Answer, Citation

    cited = Citation(
        document="Summons to the Budget County Council Meeting on Thursday, 13th February, 2025",
        document_id="agenda",
        date="2025-02-13",
        quote="The meeting is scheduled to end by 5.00 pm.",
        source="agenda.pdf p. 3",
    )
    ended = Answer(
        question="",
        answer="“The meeting is scheduled to end by 5.00 pm.” [1]",
        answered=True,
        citations=[cited],
    )
    assert missing_pin("what time was the 4 march cabinet meant to finish", ended, []) == "4 March"
    assert missing_pin("what time was the 13 feb council meant to finish", ended, []) is None
    # a question "after" a day names it as its anchor, not as the meeting asked
    assert missing_pin("what time did the meeting after 4 march finish", ended, []) is None


def test_a_level_asked_needs_a_figure_and_a_count_stands_by_what_it_counts() -> None:
    from assistant.answering.counted_numbers import count_near
    from indexing.terms import content_stems

    asked = "at what level are general reserves considered dangerous"
    assert asked_value(asked) == ValueKind.level
    assert asked_value("what level of detail does the plan give") is None
    assert states_value(ValueKind.level, "• Below 3% considered dangerous", asked)
    assert not states_value(ValueKind.level, "Reserves are considered dangerous", asked)
    counted = {"represent"}
    assert count_near("the 58 representations received were submitted", counted, content_stems)
    assert not count_near(
        "following three rounds of public consultation between 2021 and 2023, and consideration "
        "by the committee, the draft was published for representations",
        counted,
        content_stems,
    )
    # a label's number and a page reference name something; they count nothing
    families = {"famili"}
    assert not count_near(
        "what the Year 4 family hub funding could be used for", families, content_stems
    )
    assert not count_near(
        "Seashells and Millmead Family Hubs (Pages 101 - 104)", families, content_stems
    )
    assert count_near("412 families used the hub in 2024", families, content_stems)


def test_what_a_how_many_counts_ends_at_its_verb() -> None:
    from assistant.answering.understand import _counted_words

    assert _counted_words("how many families used the seashells family hub last year") == [
        "families"
    ]
    assert _counted_words("how many representations came in at the second consultation") == [
        "representations"
    ]
    # no verb ends it and no word closes it: too long to say what is counted
    assert _counted_words("how many highways maintenance enquiries come in online now") == []
    # a modal verb ends it too
    assert _counted_words("how many chargepoints would the LEVI amendment pay for?") == [
        "chargepoints"
    ]
    # so does the start of a rate
    assert _counted_words("how many passengers a year use kent thameside fastrack?") == [
        "passengers"
    ]


def test_a_date_asked_needs_a_date_and_a_registers_written_columns_are_read() -> None:
    from indexing.model import DocumentKind, DocumentMeta, ItemKind, PlanDocument

    from .plans import item, item_node

    asked = "date the government response was presented to parliament"
    assert asked_value(asked) == ValueKind.date
    assert states_value(ValueKind.date, "by Command of His Majesty 16 January 2025", asked)
    assert states_value(ValueKind.date, "adopted by County Council in July 2016", asked)
    assert not states_value(ValueKind.date, "This response sets out the ways", asked)
    risk = item(
        "R1",
        "Highways asset defects as a result of static asset management funding",
        doc="risks",
        kind=ItemKind.risk,
        fields={
            "cause": "KCC spend c£60m per annum but the annual spend requirement to remain at "
            '"steady state" is £170m per annum and hence a £110m per annum shortfall.',
            "likelihood": "4",
        },
    )
    register = PlanDocument(
        id="risks",
        meta=DocumentMeta(file="risks.pdf", title="Budget Risks", kind=DocumentKind.plan),
        sha256="r",
        items=[risk],
    )
    query = understand("highways asset management - how big is the annual shortfall", [register])
    found = [
        e
        for e in best_evidence(query, [candidate(item_node(risk, register), 0.6)])
        if e.has_required
    ]
    assert found and "£110m per annum shortfall" in found[0].sentence


def test_a_value_under_a_label_answers_only_what_the_label_names() -> None:
    from assistant.answering.asked_subject import label_fits, value_label

    kept = "how long will the transfer data be retained for according to the dpia"
    label = value_label(
        "In less than 3 months", "In less than 3 months", "Timeframe for Collection:"
    )
    assert label == "Timeframe for Collection:" and not label_fits(kept, label)
    assert label_fits(kept, "How long will the data be retained for?")
    ident = "what's the eqia submission id number for the plan"
    assert value_label("Decision Number: 24/00115", "", "") == "Decision Number"
    assert not label_fits(ident, "Decision Number")
    assert label_fits("what's the project id of the dpia", "Project ID:")
    # a sentence is no labelled value, and a question for no kind of value is not judged
    assert value_label("The meeting is scheduled to end by 5.00 pm.", "A meeting … pm.", "") is None
    assert label_fits("who is the responsible officer", "Decision Number")


def test_people_counted_by_age_or_number_are_counted_by_any_such_word() -> None:
    """ "how many primary school kids" is answered by "5,104 Primary School Pupils", "how
    many young adults are in the cohort" by "the total cohort of 920 individuals"; carers
    are not counted by "children", nor schools by "pupils"."""
    from assistant.answering.counted_numbers import counted_held

    kids = understand("how many primary school kids got road safety club sessions?", [])
    assert counted_held(
        kids, "Road Safety Club to 5,104 Primary School Pupils across 55 schools.", ""
    )
    adults = understand("how many young adults are in the cohort?", [])
    assert counted_held(adults, "Out of the total cohort of 920 individuals, 330 had a plan.", "")
    carers = understand("how many young carers were supported?", [])
    assert not counted_held(carers, "We supported 410 children this year.", "")
    schools = understand("how many schools got sessions?", [])
    assert not counted_held(schools, "5,104 pupils got sessions.", "")
