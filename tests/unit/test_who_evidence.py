"""The holder of a post is named under that post, for "who" questions and for questions
that ask "which <post>" in another shape ("… kpis - which cabinet members are responsible")."""

from __future__ import annotations

from assistant.answering.understand import understand
from assistant.answering.who_evidence import names_role

ROW = "Environment and Transport — Cabinet Members Neil Baker, Rob Thomas; Corporate Director Simon Jones"
PROSE = "Environment & Transport - Two Highways KPIs failed to meet target this quarter."


def test_which_post_holders_are_named_under_the_post() -> None:
    query = understand("environment and transport kpis - which cabinet members are responsible", [])
    assert query.people_role == "cabinet_member"
    assert names_role(query, ROW)
    assert not names_role(query, PROSE)


def test_a_question_about_what_a_post_holder_said_asks_for_no_name() -> None:
    query = understand("what did the cabinet member for environment say about potholes", [])
    assert not names_role(query, ROW)


def test_a_name_set_under_the_post_the_question_words_answers_who() -> None:
    """A form's field: "Responsible Officer: Mike Gogarty" answers "who is named as
    responsible officer"; lower-case words after the label are no name."""
    from assistant.answering.who_evidence import labels_asked_post, names_a_person

    asked = "who is named as responsible officer on the eqia for the delivery plan"
    assert labels_asked_post("Responsible Officer — column 3: Mike Gogarty", asked)
    assert names_a_person("Responsible Officer: Mike Gogarty", asked)
    assert not labels_asked_post("Responsible officer: the director of finance", asked)
    assert not labels_asked_post("Responsible Officer for Mitigating Actions – Age", asked)
    # a post the question qualifies is not the form's unqualified one
    qualified = "who is the responsible officer for mitigating actions for age on the eqia"
    assert not labels_asked_post("Responsible Officer — Mike Gogarty", qualified)
    assert labels_asked_post("Responsible Officer for Mitigating Actions: Jane Smith", qualified)
