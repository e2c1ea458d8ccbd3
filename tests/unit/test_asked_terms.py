"""A question that asks for a figure per something ("each officer") or for things in a
state ("which schools are closing") is not answered by a sentence on the same subject
that names neither (hand-built report passages)."""

from __future__ import annotations

from assistant.answering.asked_terms import (
    counted_action,
    holder_named,
    holds_asked_terms,
    other_portfolio,
    post_words,
    state_word,
    unit_of_council,
    unit_words,
)
from indexing.model import PlanDocument

from .plans import fact_answer_from, prose_paper


def report(*texts: str) -> PlanDocument:
    return prose_paper(
        "Service report", *texts, section="Customer feedback and school places", doc_id="report"
    )


ask = fact_answer_from


def test_the_unit_and_the_state_a_question_asks_for() -> None:
    asked = "how many complaints did each customer services officer handle"
    assert unit_words(asked) == ["customer", "services", "officer"]
    assert unit_words("how much funding does each ward receive?") == ["ward"]
    assert unit_words("how many homes are built each year") == []  # how often, not per what
    assert unit_words("what percentage of repairs were done") == []
    # a dash ends the unit: "per head - birmingham vs kent" is asked per head
    assert unit_words("social care grant per head - birmingham vs kent") == ["head"]
    assert state_word("which schools in the county are closing this year") == "closing"
    assert state_word("which KPIs are red?") is None  # a rating, not a state
    assert holds_asked_terms("which schools are closing", "Oakfield Primary School closed.")
    assert not holds_asked_terms("which schools are closing", "Some schools may need closure.")


def test_a_figure_per_officer_is_not_a_total_of_complaints() -> None:
    doc = report("The customer services team handled 1,047 complaints, 31% fewer than last year.")
    per_officer = ask("how many complaints did each customer services officer handle", doc)
    assert not per_officer.answered
    total = ask("how many complaints did the customer services team handle", doc)
    assert total.answered and "1,047" in total.answer


def test_which_things_are_closing_needs_them_named_as_closing() -> None:
    vague = report(
        "The commissioning plan forecasts fewer pupils in rural schools.",
        "Some rural schools under the commissioning plan may be closing as pupil numbers fall.",
    )
    assert not ask("which schools are closing under the commissioning plan", vague).answered
    named = report(
        "The commissioning plan forecasts fewer pupils in rural schools.",
        "Under the commissioning plan Oakfield Primary School is closing in July 2026.",
    )
    answer = ask("which schools are closing under the commissioning plan", named)
    assert answer.answered and "Oakfield" in answer.answer


def test_the_holder_of_a_post_is_named_beside_it() -> None:
    assert post_words("who will be the mayor of the new strategic authority?") == ["mayor"]
    assert post_words("who are the cabinet members and director for growth?") == [
        "members",
        "director",
    ]
    spoke = report(
        "Mr Grant stressed the importance of a strong mayor for the new strategic authority."
    )
    assert not ask("who will be the mayor of the new strategic authority?", spoke).answered
    named = report("Ms Lee will be the Mayor of the new strategic authority from May 2026.")
    answer = ask("who will be the mayor of the new strategic authority?", named)
    assert answer.answered and "Ms Lee" in answer.answer


def test_a_month_alone_is_not_a_rolling_figure_ending_in_it() -> None:
    doc = report(
        "Based on the rolling 12-month average to December 2024, 34% of care plans were "
        "issued within 20 weeks.",
        "In the single month of December 68% of care plans were issued within 20 weeks.",
    )
    answer = ask("what % of care plans were issued within 20 weeks in december alone?", doc)
    assert answer.answered and "68%" in answer.answer and "34%" not in answer.answer
    rolling = ask("what % of care plans were issued within 20 weeks to december?", doc)
    assert rolling.answered and "34%" in rolling.answer


def test_a_directorates_figure_must_name_the_directorate() -> None:
    """A quarterly report's paragraph on FOI requests gives the council's figure and the
    best directorate's; neither is the figure of the directorate asked about."""
    asked = "what percentage of foi requests did the growth, environment and transport directorate answer on time?"
    assert unit_of_council(asked) == ["growth", "environment", "transport"]
    assert unit_of_council("total savings for delivery in 2025-26 (all directorates)?") == []
    assert unit_of_council("which directorate has the most red kpis") == []
    # whose department it is ("limerick's") is not a word of its name
    assert unit_of_council("how many houses does limerick's rents department look after") == [
        "rents"
    ]
    doc = report(
        "However, again this quarter, no Directorate achieved target, with the best performing "
        "being the Chief Executive’s Department with 82% completed in timescale. The highest "
        "number of requests (205) were received by the Growth, Environment and Transport Directorate."
    )
    assert not ask(asked, doc).answered
    named = report(
        "The Growth, Environment and Transport Directorate answered 90% of its FOI requests on time."
    )
    answer = ask(asked, named)
    assert answer.answered and "90%" in answer.answer


def test_a_post_of_another_portfolio_does_not_answer() -> None:
    asked = "who is the corporate director responsible for the adult social care kpis"
    assert post_words(asked) == ["director"]
    hammond = (
        "Mrs Hammond (Corporate Director for Children’s Young People and Education) elaborated "
        "on the responsibilities of the Director of Children's Services for a specific subset "
        "of young adults."
    )
    assert other_portfolio(hammond, asked, "director")
    assert not holds_asked_terms(asked, hammond)
    row = "Adult Social Care — Cabinet Member Dan Watkins; Corporate Director Richard Smith"
    assert holds_asked_terms(asked, row)
    # "Services" names any portfolio; "Integrated Children's" is another one
    chandler = (
        "The Leader thanked Mrs S Chandler (Cabinet member for Integrated Children’s Services)."
    )
    assert other_portfolio(chandler, "who is the cabinet member for customer services", "member")
    assert not other_portfolio(
        chandler, "who is the cabinet member for children's services", "member"
    )


def test_a_count_of_things_done_needs_the_doing() -> None:
    asked = "how many foster carers has fostering south east recruited for kent?"
    assert counted_action(asked) == "recruited"
    assert counted_action("how many children were looked after") is None  # a phrase, not a deed
    assert counted_action("how many pupils were permanently excluded in 2024") == "excluded"
    live = "The scheme launched in October 2024 with the first two Mockingbird home hub foster carers constellations now live."
    assert not holds_asked_terms(asked, live)
    assert holds_asked_terms(
        asked, "Fostering South East has recruited 14 new foster carers for Kent."
    )
    assert holds_asked_terms(
        "how many pupils were permanently excluded in 2024",
        "Permanent exclusions rose to 45 in 2024.",
    )
    # a share of things done needs the doing too
    share = "what % of calls to contact point were abandoned in q3"
    assert counted_action(share) == "abandoned"
    assert not holds_asked_terms(share, "Contact Point received 19% fewer calls than Quarter 2.")
    assert holds_asked_terms(share, "4% of calls to Contact Point were abandoned.")


def test_a_posts_portfolio_names_no_holder() -> None:
    """ "The Cabinet Member for Integrated Children's Services … introduced the budget"
    speaks of the post without naming who holds it."""
    minutes = (
        "(9) The Cabinet Member for Integrated Children’s Services and the Cabinet Member for "
        "Education and Skills introduced the budget for this directorate prior to general debate."
    )
    assert not holder_named(minutes, "member")
    assert holder_named("The Cabinet Member for Adult Social Care, Dan Watkins, said", "member")
    assert holder_named(
        "Mr Watkins, Cabinet Member for Adult Social Care and Public Health", "member"
    )
    assert holder_named("Integrated Children’s Services — Cabinet Members Sue Chandler", "member")


def test_each_asks_a_figure_per_unit_only_in_a_question_for_a_figure() -> None:
    assert unit_words("does each school project in the plan get its own consultation?") == []
    assert unit_words("how many visits did each school project get?") == ["school", "project"]


def test_a_person_the_question_sets_aside_answers_nothing() -> None:
    from assistant.answering.asked_terms import names_set_aside
    from assistant.answering.pinned import pins_of

    asked = "apart from mrs chandler, which cabinet member spoke on the SIS transfer?"
    assert names_set_aside(asked, "Mrs Chandler (Cabinet member) introduced the report.")
    assert not names_set_aside(asked, "Mr Watkins (Cabinet Member) re-emphasised the need.")
    assert not names_set_aside("which cabinet member spoke?", "Mrs Chandler introduced it.")
    assert pins_of(asked).people == ()  # set aside, not asked about
    assert pins_of("what did mrs chandler say?").people == ("chandler",)


def test_setting_aside_a_thing_sets_aside_no_person() -> None:
    from assistant.answering.asked_terms import names_set_aside

    asked = (
        "by what % did mr oakford say council tax would rise, apart from the social care premium?"
    )
    assert not names_set_aside(asked, "To address the shortfall, the council planned to raise it.")


def test_per_a_persons_account_asks_no_unit() -> None:
    # "per murphy's update": whose account the figure is from, not a figure per update
    asked = "how many passengers a year does the channel tunnel carry, per murphy's update?"
    assert unit_words(asked) == []
    assert holds_asked_terms(asked, "The Channel Tunnel carried 18 million passengers annually.")
