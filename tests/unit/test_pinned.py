"""An answer must hold what its question pins (``pinned``): the quarter, the year, the
council and the person asked. Answers here are shaped as the answerer gives them, from
lines of a real quarterly report, a budget record and a committee's minutes."""

from __future__ import annotations

from assistant.answering.pinned import missing_pin, pins_of
from assistant.models import Answer, Citation
from indexing.model import DocumentKind, DocumentMeta, Location, Passage, PlanDocument

QPR = PlanDocument(
    id="qpr-q3",
    meta=DocumentMeta(
        file="qpr.pdf",
        title="Quarterly Performance Report Quarter 3 2024/25",
        kind=DocumentKind.update,
        period="Q3 2024/25",
        date="2025-03-04",
        publisher="Northtown County Council",
    ),
    sha256="q",
)
MINUTES = PlanDocument(
    id="minutes",
    meta=DocumentMeta(
        file="minutes.pdf",
        title="Minutes of the Cabinet",
        kind=DocumentKind.minutes,
        date="2025-01-30",
        publisher="Northtown County Council",
    ),
    sha256="m",
)
DOCUMENTS = [QPR, MINUTES]


def _one_passage(doc_id: str, title: str, text: str, page: int) -> PlanDocument:
    """A report of one passage, printed on ``page``."""
    return PlanDocument(
        id=doc_id,
        meta=DocumentMeta(file=f"{doc_id}.pdf", title=title, kind=DocumentKind.report),
        sha256=doc_id,
        passages=[
            Passage(
                id=f"{doc_id}:p1",
                document_id=doc_id,
                text=text,
                location=Location(path=f"{doc_id}.pdf", page=page),
            )
        ],
    )


def _answer(text: str, quote: str, document: PlanDocument) -> Answer:
    citation = Citation(
        document=document.meta.title,
        document_id=document.id,
        date=document.meta.period or document.meta.date,
        quote=quote,
        source=f"{document.meta.file} p. 15",
    )
    return Answer(question="", answer=text, answered=True, citations=[citation])


FOI = _answer(
    "Freedom of Information requests completed within 20 working days\n"
    "Latest: 84%; Target: 92%; Previous: 77% (Q2 2024/25).",
    "Latest: 84% Target: 92%, Floor 90% Previous: 77% (Red)",
    QPR,
)
HOMES = _answer(
    "Number of homes brought back to market through No Use Empty – Rolling 12-month total\n"
    "Latest: 422; Target: 400.",
    "Latest: 422 Target: 400, Floor 360 Previous: 493 (Green)",
    QPR,
)
POTHOLES = _answer(
    '"Mr Murphy said the pothole blitz had repaired 10,000 defects." [1]',
    "Mr Murphy said the pothole blitz had repaired 10,000 defects.",
    MINUTES,
)


def test_the_quarter_and_year_asked_must_be_the_answers() -> None:
    assert missing_pin("FOI requests done within 20 days in q1 2024/25?", FOI, DOCUMENTS) == (
        "Q1 2024-25"
    )
    assert missing_pin("FOI requests done within 20 days in quarter 3?", FOI, DOCUMENTS) is None
    assert missing_pin("FOI requests done within 20 days in q2 2024-25", FOI, DOCUMENTS) is None
    assert missing_pin("FOI requests done in 2023/24", FOI, DOCUMENTS) == "2023-24"


def test_a_bare_year_asked_must_be_printed_or_the_papers_period() -> None:
    assert missing_pin("homes brought back into use in 2022", HOMES, DOCUMENTS) == "2022"
    assert missing_pin("homes brought back into use in 2025", HOMES, DOCUMENTS) is None


def test_a_council_or_person_asked_must_be_the_answers() -> None:
    assert missing_pin("homes brought back by southvale council", HOMES, DOCUMENTS) == (
        "southvale council"
    )
    assert missing_pin("homes brought back by northtown county council", HOMES, DOCUMENTS) is None
    assert missing_pin("what did mr murphy say about potholes", POTHOLES, DOCUMENTS) is None
    assert missing_pin("what did mrs bell say about potholes", POTHOLES, DOCUMENTS) == "bell"


def test_words_that_are_not_pins() -> None:
    pins = pins_of("did the full council say council tax would go up in the 2024-2039 plan?")
    assert not (pins.councils or pins.years or pins.quarters or pins.people)
    assert pins_of("what was the capital programme for 2026-36").financial_years == ("2026-36",)
    # "which councillor wanted …" asks for the name: the word after it is what they did
    assert pins_of("which limerick councillor wanted housing maintenance costs").people == ()
    assert pins_of("which councillor requested the figures").people == ()
    assert pins_of("what did councillor beasley ask about housing?").people == ("beasley",)


RECORD = _answer(
    "Mr R W Gough chaired the Cabinet meeting of 30 January 2025 (Chairman).",
    "Agenda of the Cabinet meeting of 30 January 2025: item 8 (24/00115 - Integrated Care "
    "Strategy Delivery Plan); item 9 (24/00096 - Commissioning Plan for Education Provision).",
    MINUTES,
)


def test_a_numbered_item_a_record_number_and_a_qualified_post_must_be_held() -> None:
    assert (
        missing_pin("what was item 9 on the agenda on 30 january 2025", RECORD, DOCUMENTS) is None
    )
    assert missing_pin("what was item 10 on the agenda on 30 january 2025", RECORD, DOCUMENTS) == (
        "item 10"
    )
    assert missing_pin("what did cabinet decide on 24/00096?", RECORD, DOCUMENTS) is None
    assert missing_pin("what did cabinet decide on 24/00110?", RECORD, DOCUMENTS) == "24/00110"
    assert missing_pin("who chaired cabinet on 30 january 2025?", RECORD, DOCUMENTS) is None
    assert missing_pin("who was vice-chairman at cabinet on 30 january 2025?", RECORD, DOCUMENTS)


def test_a_row_cited_by_its_ref_holds_the_item_asked() -> None:
    row = FOI.model_copy(update={"citations": [FOI.citations[0].model_copy(update={"ref": "2.1"})]})
    assert missing_pin("how is item 2.1 rated?", row, DOCUMENTS) is None
    assert missing_pin("how is item 2.2 rated?", row, DOCUMENTS) == "item 2.2"


def test_a_how_many_answer_must_state_a_number_beyond_the_questions_own() -> None:
    carried = _answer(
        "County Council on 13 February 2025: Substantive Motion Carried. [1]",
        "Substantive Motion Carried.",
        MINUTES,
    )
    assert missing_pin("how many voted for the budget on 13 february 2025?", carried, DOCUMENTS)
    assert missing_pin("how many homes came back into use in q3?", HOMES, DOCUMENTS) is None


EMISSIONS = _answer(
    "Greenhouse Gas emissions from the overall estate and operations (excluding schools) in "
    "tonnes – rolling 12 months\nLatest: 10,323; Target: 10,797.",
    "Latest: 10,323 Target: 10,797, Floor: 11,877",
    QPR,
)
SAID_WHEN = _answer(
    "“The latest budget monitoring for 2024-25 as at the end of Quarter 3, was reported to "
    "Cabinet on 30th January 2025.” [1]\nSource: Section 25 Assurance Statement, 2025-02-13, p. 6 [1]",
    "The latest budget monitoring for 2024-25 as at the end of Quarter 3, was reported to "
    "Cabinet on 30th January 2025.",
    MINUTES,
)


def test_what_the_source_excludes_is_not_its_answer() -> None:
    assert missing_pin("how many tonnes of greenhouse gas did schools emit?", EMISSIONS, DOCUMENTS)
    assert missing_pin("emissions from the estate excluding schools", EMISSIONS, DOCUMENTS) is None
    assert missing_pin("greenhouse gas emissions from the estate", EMISSIONS, DOCUMENTS) is None


def test_an_amount_asked_is_not_answered_by_dates_alone() -> None:
    asked = "what was the forecast revenue overspend in the january 2025 monitoring?"
    assert missing_pin(asked, SAID_WHEN, DOCUMENTS) == "the amount asked"
    assert missing_pin("when was the monitoring reported to cabinet?", SAID_WHEN, DOCUMENTS) is None


def test_a_month_asked_must_be_printed() -> None:
    assert missing_pin("FOI requests done within 20 days in december 2024", FOI, DOCUMENTS) == (
        "December 2024"
    )
    assert missing_pin("was the monitoring reported in january 2025?", SAID_WHEN, DOCUMENTS) is None


def test_an_answer_that_names_no_period_or_body_is_not_contradicted() -> None:
    record = PlanDocument(
        id="record",
        meta=DocumentMeta(file="record.md", title="Record of the council meeting"),
        sha256="r",
    )
    requirement = _answer(
        "“The total Council Tax requirement of £994,287,655 to be raised through precepts.” [1]",
        "The total Council Tax requirement of £994,287,655 to be raised through precepts.",
        record,
    )
    documents = [*DOCUMENTS, record]
    assert missing_pin("total council tax requirement 2025-26?", requirement, documents) is None
    assert missing_pin("total council tax requirement in q3?", requirement, documents) is None
    assert missing_pin("what did mr hood's amendment say", POTHOLES, DOCUMENTS) == "hood"
    assert pins_of("how did mr hood's amendment vote go").people == ("hood",)


def test_a_word_for_a_sitting_is_not_a_council_and_a_count_is_not_money() -> None:
    chair = _answer(
        "Mr R W Gough chaired the County Council meeting of 13 February 2025.",
        "Mr R W Gough chaired the County Council meeting of 13 February 2025.",
        MINUTES,
    )
    assert (
        missing_pin("who chaired the budget county council on 13 february 2025?", chair, DOCUMENTS)
        is None
    )
    budget = _answer(
        "RESOLVED: the net revenue budget requirement of £1,530.9m for 2025-26.",
        "the net revenue budget requirement of £1,530.9m for 2025-26.",
        MINUTES,
    )
    assert missing_pin("how many members voted for the budget?", budget, DOCUMENTS) == (
        "the amount asked"
    )
    assert missing_pin("how much is the net revenue budget?", budget, DOCUMENTS) is None
    assert missing_pin("what time did the meeting finish?", chair, DOCUMENTS) == "the time it ended"
    span = _answer(
        "Blue Bell Improvement Scheme – 21st January to 17th March 2025",
        "Blue Bell Improvement Scheme – 21st January to 17th March 2025",
        MINUTES,
    )
    assert missing_pin("when does the blue bell consultation close?", span, DOCUMENTS) is None
    awaited = _answer(
        "The Council was awaiting the Planning Inspector's Report, which was anticipated soon.",
        "The Council was awaiting the Planning Inspector's Report, which was anticipated soon.",
        MINUTES,
    )
    asked = "did the planning inspector find the plan sound?"
    assert missing_pin(asked, awaited, DOCUMENTS) == "its outcome"  # still to come
    found = _answer(
        "The Inspector's Report confirms that the submitted Plan is 'sound'.",
        "The Inspector's Report confirms that the submitted Plan is 'sound'.",
        MINUTES,
    )
    assert missing_pin(asked, found, DOCUMENTS) is None


def test_a_paper_named_by_its_subject_must_be_the_one_cited() -> None:
    levi = PlanDocument(
        id="levi",
        meta=DocumentMeta(file="3 - Amendment - LEVI capital funding.pdf", title="LEVI"),
        sha256="l",
    )
    seconder = _answer(
        "“Seconder: Mr Richard Streatfeild” [1]", "Seconder: Mr Richard Streatfeild", levi
    )
    documents = [*DOCUMENTS, levi]
    assert (
        missing_pin("who seconded the LEVI capital funding amendment?", seconder, documents) is None
    )
    assert missing_pin("who seconded the highway asset maintenance amendment?", seconder, documents)
    assert (
        missing_pin(
            "who seconded the lib dem amendment?", seconder_of_liberal_democrats(), DOCUMENTS
        )
        is None
    )


def seconder_of_liberal_democrats() -> Answer:
    return _answer(
        "“Seconder: Mr Richard Streatfeild” [1]",
        "Amendment - Liberal Democrats - Seconder: Mr Richard Streatfeild",
        MINUTES,
    )


def test_a_day_asked_needs_a_day_in_the_answer() -> None:
    bins = _answer(
        "“New bins installed across the high streets by October 2020.” [1]",
        "New bins installed across the high streets by October 2020.",
        MINUTES,
    )
    assert (
        missing_pin("what day are bins collected in the town?", bins, DOCUMENTS) == "the day asked"
    )
    met = _answer(
        "Cabinet met on Tuesday 4 March 2025 at 10:00. [1]",
        "Meeting of Cabinet on Tuesday 4 March 2025 at 10:00.",
        MINUTES,
    )
    assert missing_pin("what day of the week was the 4th march cabinet?", met, DOCUMENTS) is None


def test_a_quarterly_papers_previous_value_is_the_quarter_before() -> None:
    assert missing_pin("FOI requests done within 20 days in q2 2024/25?", FOI, DOCUMENTS) is None
    assert missing_pin("homes brought back into use in q2 2024/25?", HOMES, DOCUMENTS) == (
        "Q2 2024-25"
    )
    foster = _answer(
        "Number of foster households\nLatest: 613; Target: 700; Previous: 612 (Q3 2024/25).",
        "Latest: 613 Target: 700 Floor: 650 Previous: 612 (Red)",
        QPR,
    )
    assert (
        missing_pin("how many foster households were there in q2 2024/25?", foster, DOCUMENTS)
        is None
    )
    assert missing_pin("how many foster households were there in q1 2024/25?", foster, DOCUMENTS)


def test_the_decline_says_what_is_missing_and_names_the_nearest_source_without_its_figure() -> None:
    from assistant.answering.decline import not_for_asked
    from assistant.answering.understand import Intent, Query

    query = Query(text="FOI requests done within 20 days in q1 2024/25?", intent=Intent.figure)
    declined = not_for_asked(query, FOI, "Q1 2024-25")
    assert not declined.answered and not declined.citations
    assert "Q1 2024-25" in declined.answer and QPR.meta.title in declined.answer
    assert "84%" not in declined.answer


def test_a_month_of_the_quarter_an_anchor_month_and_a_verb_after_councillor() -> None:
    november = _answer(
        "“The £9.9m underspend in the directorate (£3.1m in Quarter 2).” [1]",
        "The £9.9m underspend in the directorate (£3.1m in Quarter 2).",
        PlanDocument(
            id="nov",
            meta=DocumentMeta(file="m.pdf", title="Monitoring Report – November 2024-25"),
            sha256="n",
        ),
    )
    november.citations[0].date = "November 2024-25"
    assert (
        missing_pin("directorate underspend at quarter 3 of 2024-25?", november, DOCUMENTS) is None
    )
    assert missing_pin("directorate underspend at quarter 1 of 2024-25?", november, DOCUMENTS)
    met = _answer(
        "Cabinet met on 4 March 2025. [1]", "Meeting of Cabinet on 4 March 2025.", MINUTES
    )
    assert (
        missing_pin("after the 30 january 2025 cabinet, when did it next meet?", met, DOCUMENTS)
        is None
    )
    assert pins_of("which councillor put down the question on vacant homes").people == ()


def test_a_band_a_spoken_word_and_a_count_asked_as_a_count() -> None:
    rates = _answer(
        "“To increase Council Tax band rates up to the maximum permitted.” [1]",
        "To increase Council Tax band rates up to the maximum permitted.",
        MINUTES,
    )
    assert missing_pin("how much is band d council tax?", rates, DOCUMENTS) == "band d"
    complaints = _answer(
        "“Quarter 3 saw a 31% decrease in the number of complaints received.” [1]",
        "Quarter 3 saw a 31% decrease in the number of complaints received.",
        QPR,
    )
    assert missing_pin("how many complaints were received in q3?", complaints, DOCUMENTS)
    assert (
        missing_pin("by what percentage did complaints fall in q3?", complaints, DOCUMENTS) is None
    )
    assert missing_pin("what did mr oakford say about complaints in q3?", complaints, DOCUMENTS)
    assert missing_pin("what did mr murphy say about potholes?", POTHOLES, DOCUMENTS) is None


def test_the_speaker_named_where_the_quoted_paragraph_begins_is_held() -> None:
    minutes = PlanDocument(
        id="cabinet-minutes",
        meta=DocumentMeta(file="minutes.pdf", title="Minutes of the Cabinet"),
        sha256="c",
        passages=[
            Passage(
                id="cabinet-minutes:p1",
                document_id="cabinet-minutes",
                text="Mr Oakford introduced the report. Council tax would rise by 2.99% "
                "apart from the social care premium.",
                location=Location(path="minutes.pdf", page=3),
            )
        ],
    )
    rise = _answer(
        "“Council tax would rise by 2.99% apart from the social care premium.” [1]",
        "Council tax would rise by 2.99% apart from the social care premium.",
        minutes,
    )
    asked = "by what percentage did mr oakford tell cabinet council tax would rise?"
    assert missing_pin(asked, rise, [*DOCUMENTS, minutes]) is None
    assert missing_pin(asked.replace("oakford", "gough"), rise, [*DOCUMENTS, minutes]) == "gough"
    fewer = _answer("“Contact Point received 19% fewer calls.” [1]", "19% fewer calls.", QPR)
    assert missing_pin("how many fewer calls did contact point get?", fewer, DOCUMENTS) is None


def test_an_answer_for_one_of_several_years_asked_is_not_declined() -> None:
    asked = "homes brought back into use in 2022 and then in 2025"
    assert missing_pin(asked, HOMES, DOCUMENTS) is None
    assert (
        missing_pin("homes brought back into use in 2021 and in 2022", HOMES, DOCUMENTS) == "2021"
    )


def test_a_year_inside_a_name_is_not_a_year_asked() -> None:
    from assistant.answering.pinned import pins_of

    assert (
        pins_of("when is the next meeting of the project ireland 2040 delivery board").years == ()
    )
    assert pins_of("what did the regenerationmk 2030 strategy say in 2017").years == ("2017",)
    assert pins_of("the 2025 budget for roads").years == ("2025",)
    assert pins_of("march 2025 decisions").years == ("2025",)


def test_an_english_place_name_before_its_kind_of_council_is_a_council_asked() -> None:
    # "clare" is an English word, but "has clare county council got" names a place's
    # council; after "the", or a word naming a sitting, it names which meeting.
    assert pins_of("how many voids has clare county council got?").councils == ("clare",)
    assert pins_of("what did the budget county council decide?").councils == ()
    assert pins_of("what did the kent county council budget say?").councils == ()
    assert missing_pin("homes brought back by clare county council", HOMES, DOCUMENTS) == (
        "clare council"
    )


def test_a_financial_year_in_the_sentence_beside_the_quote_is_held() -> None:
    statement = _one_passage(
        "s25",
        "Section 25 Statement",
        "This includes £15.8m towards general reserves, including £11.1m to repay the 2022-23 "
        "drawdown. It also includes £14.6m for the planned 2025-26 contribution. Reserves were "
        "£40m in 2019-20.",
        page=9,
    )
    quote = (
        "This includes £15.8m towards general reserves, including £11.1m to repay the "
        "2022-23 drawdown."
    )
    answer = _answer(f"“{quote}” [1]", quote, statement)
    assert missing_pin("how much goes to reserves in 2025-26?", answer, [statement]) is None
    # a year only further off in the passage is not the quote's
    assert missing_pin("how much goes to reserves in 2019-20?", answer, [statement]) == "2019-20"


def test_a_financial_year_asked_is_not_the_academic_year_of_that_name() -> None:
    quote = (
        "3.3 The allocations for the 2024-25 financial year are based upon the projected need "
        "for new places by September 2025 (the start of academic year 2025/26); Kent has been "
        "allocated £5,046,624."
    )
    record = _one_passage("prod", "Record of decision", quote, page=2)
    answer = _answer(f"“{quote}” [1]", quote, record)
    asked = "how much basic need has kent been allocated for the 2025-26 financial year?"
    assert missing_pin(asked, answer, [record]) == "2025-26"
    assert missing_pin(asked.replace("2025-26", "2024-25"), answer, [record]) is None
    # asked for the year alone, the academic year printed is that year
    assert missing_pin("how much basic need is allocated for 2025/26?", answer, [record]) is None


def test_a_year_in_a_tables_month_column_is_printed() -> None:
    """A monthly table prints the year as "Dec-24": the answer holds 2024."""
    table = _answer(
        "Cases logged: Nov-24 754, Dec-24 770, Jan-25 787.",
        "Nov-24 754 13 Dec-24 770 17 Jan-25 787 21",
        QPR,
    )
    assert missing_pin("cumulative cases logged up to dec 2024?", table, DOCUMENTS) is None
    assert missing_pin("cases logged in 2022?", table, DOCUMENTS) == "2022"


def test_a_body_fronted_before_a_dash_must_be_the_answers() -> None:
    """ "southvale - how many …": another body's figure is not answered by the council's
    own paper; the council that published it, or an English word fronted, is no pin."""
    asked = "southvale - how many homes have they brought back into use?"
    assert missing_pin(asked, HOMES, DOCUMENTS) == "southvale"
    assert missing_pin("northtown - how many homes were brought back?", HOMES, DOCUMENTS) is None
    assert missing_pin("housing - how many homes were brought back?", HOMES, DOCUMENTS) is None


def test_a_cost_asked_ahead_is_not_given_by_a_paper_that_says_it_cannot_be_estimated() -> None:
    """The risk's costs to date are not the estimate asked, when the paper says the cost
    cannot be estimated yet; asked what it has cost so far, the costs to date answer."""
    risk = _answer(
        "Cliff collapse\nConsequence: costs to date of £1.162m would not be recovered. "
        "At this stage costs cannot be estimated until quotes have been obtained.",
        "costs to date of £1.162m would not be recovered. At this stage costs cannot be "
        "estimated until quotes have been obtained.",
        QPR,
    )
    ahead = "what's the estimated cost of repairing the cliff and reopening the road?"
    assert missing_pin(ahead, risk, DOCUMENTS) == "the amount asked"
    assert missing_pin("how much will it cost to repair the cliff?", risk, DOCUMENTS) == (
        "the amount asked"
    )
    assert missing_pin("how much has the cliff collapse cost so far?", risk, DOCUMENTS) is None


def test_a_property_asked_by_number_is_not_answered_by_another_on_its_street() -> None:
    """ "12 main street": the resolution on 4 Main Street of the same village is another
    property's; a resolution naming the one asked, or no numbered address, answers."""
    quote = (
        "That the approval of the Council be and is hereby given to the disposal of "
        "4 Main Street, Hollowmere, to Mary Smith, for the sum of €10,000."
    )
    resolved = _answer(quote, quote, MINUTES)
    asked = "what did the council resolve about the disposal of 12 main street hollowmere?"
    assert pins_of(asked).addresses == (("12", "main street"),)
    assert missing_pin(asked, resolved, DOCUMENTS) == "12 main street"
    assert missing_pin(asked.replace("12", "4"), resolved, DOCUMENTS) is None
    unnumbered = _answer("Disposals on Main Street were deferred.", "deferred", MINUTES)
    assert missing_pin(asked, unnumbered, DOCUMENTS) is None
    # another street's property, a street shortened, and a year before "park" that is none
    other = _answer("the disposal of land at 9, St. Joseph Street, to Ann Bell", "Bell", MINUTES)
    assert missing_pin("1 main st disposal - who to?", other, DOCUMENTS) == "1 main street"
    assert pins_of("the 2025 park and ride review").addresses == ()


def test_a_plans_span_of_years_names_the_plan_and_pins_no_year() -> None:
    """ "the 2025-28 revenue plan - what's pencilled in for 2026-27": the year asked is
    2026-27; the span names the plan, which its row need not print."""
    pins = pins_of("policy savings line in the 2025-28 revenue plan - what's in for 2026-27?")
    assert pins.financial_years == ("2026-27",) and pins.years == ()
    assert pins_of("the 2024-25 outturn").financial_years == ("2024-25",)
    assert pins_of("the 2024-25 budget").financial_years == ("2024-25",)  # a year, whatever follows
