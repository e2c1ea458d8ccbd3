"""A question's short forms read with the words the papers print (question_short_forms)."""

from __future__ import annotations

from assistant.answering.question_short_forms import with_spelt_out

PAPERS = (
    """
Adoption of the Minerals and Waste Local Plan 2024-2039
The Minerals and Waste Local Plan was examined by an inspector in September 2024.
Time taken to process Housing Benefit/Council Tax Benefit new claims. 19.94 days
Housing Benefit claims processed within the target. Council Tax Benefit claims fell.
"""
    + "The library opened on time. " * 20
    + """
The Housing Body met once, and the Housing Body agreed its terms.
"""
    + "The library opened on time. " * 20
    + """
The grant paid for Council Tax Reduction Scheme (CTRS) support is cut.
Section 25 of the Local Government Act 2003 requires a statement on reserves.
The Quarterly Performance Report shows the KPIs for the quarter.
"""
)
YEARS = frozenset({"2024", "2025"})


def test_a_short_form_no_paper_prints_is_written_in_the_words_they_print() -> None:
    # the short form itself matches nothing they print, so it is not kept beside them
    assert with_spelt_out("when did the mwlp hearings start", PAPERS) == (
        "when did the Minerals and Waste Local Plan hearings start"
    )


def test_the_spelling_printed_beside_the_questions_other_words_wins() -> None:
    # "Housing Body" is printed as often, but "claims" is printed beside Housing Benefit
    assert with_spelt_out("days to process new hb/ctb claims", PAPERS) == (
        "days to process new Housing Benefit/Council Tax Benefit claims"
    )


def test_a_short_form_the_papers_print_is_left_as_it_is() -> None:
    for question in ("ctrs grant cut - who proposed it?", "which KPIs are red?"):
        assert with_spelt_out(question, PAPERS) == question


def test_english_words_and_unknown_short_forms_are_left_alone() -> None:
    for question in ("what is the plan for sport", "what did the xq panel say"):
        assert with_spelt_out(question, PAPERS) == question


def test_a_section_of_an_act_is_written_as_the_papers_write_it() -> None:
    assert with_spelt_out("who signs the s25 statement", PAPERS) == (
        "who signs the section 25 statement"
    )
    assert with_spelt_out("the s106 money", PAPERS) == "the s106 money"  # no paper says


def test_a_month_with_two_figures_of_a_known_year_is_that_month() -> None:
    assert with_spelt_out("what was adopted in jan 25?", PAPERS, YEARS) == (
        "what was adopted in January 2025?"
    )
    assert with_spelt_out("cabinet on jan 25", PAPERS, YEARS) == "cabinet on jan 25"  # a day
    assert with_spelt_out("in jan 31", PAPERS, YEARS) == "in jan 31"  # no such year


def test_a_contraction_no_paper_prints_is_read_as_the_one_word_it_shortens() -> None:
    papers = PAPERS + "Asset management plan. The management team. Asset management. " * 2
    assert with_spelt_out("the asset mgmt plan", papers) == "the asset management plan"
    assert with_spelt_out("the hrs worked", papers) == "the hrs worked"  # no word of theirs


def test_a_month_said_with_its_part_and_two_figures_of_a_known_year_is_that_month() -> None:
    assert with_spelt_out("the decision made end of jan 25", PAPERS, YEARS) == (
        "the decision made end of January 2025"
    )
    assert with_spelt_out("agreed early feb 25?", PAPERS, YEARS) == "agreed early February 2025?"


def test_a_short_form_printed_less_often_than_spelt_out_in_running_text_is_spelt() -> None:
    papers = (
        PAPERS
        + "The Local Electric Vehicle Infrastructure fund. Otter Street EV charging. "
        + "Publicly available electric vehicle charging devices. " * 3
    )
    assert with_spelt_out("ev charging devices indicator", papers) == (
        "Electric Vehicle charging devices indicator"
    )
    # a title whose initials happen to spell a short form the papers print is not it
    titled = PAPERS + "Treasury Management and Prudential Indicators. " * 4 + "Katie Lam MP. "
    asked = "what did katie lam MP say at cabinet?"
    assert with_spelt_out(asked, titled) == asked


def test_a_contraction_keeps_its_ending_vowels() -> None:
    papers = PAPERS + "The Scrutiny Committee met. The committee agreed. A committee. " * 2
    assert with_spelt_out("what time did scrutiny cttee sit", papers) == (
        "what time did scrutiny committee sit"
    )


def test_a_clipped_word_or_a_contraction_is_the_papers_word_it_stands_for() -> None:
    """ "exec" opens "executive"; "dept" holds the letters of both "department" and
    "development", and "department" is the one that opens with "dep"."""
    papers = (
        "The Chief Executive's Department (CED) set its budget. " * 4
        + "The development of the plan continued. " * 5
    )
    assert with_spelt_out("CED (chief exec's dept) net budget", papers) == (
        "CED (chief executive's department) net budget"
    )
    # a word the papers print too seldom is left as typed
    assert with_spelt_out("chief exec's view", "The Chief Executive spoke.") == (
        "chief exec's view"
    )


def test_a_short_form_typed_in_capitals_may_end_on_a_word_in_lower_case() -> None:
    """ "SARs" are the papers' "Subject Access requests" (and "SARS-CoV-2" is no printing of
    it); typed in lower case, "rec" is not "Response Effective coordination"."""
    papers = (
        "Subject Access requests completed within statutory timescales. " * 3
        + "Variants of SARS-CoV-2 were tracked. "
        + "The Response Effective coordination group met. " * 3
    )
    assert with_spelt_out("SARs done in statutory time", papers) == (
        "Subject Access requests done in statutory time"
    )
    assert with_spelt_out("rec 7 on statutory time", papers) == "rec 7 on statutory time"
