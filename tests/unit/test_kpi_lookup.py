"""An indicator named in a councillor's words is found among a report's KPIs by its
subject words, their other forms, short forms and its section; a question no single
indicator holds is left to the search. The names and sections are a quarterly
performance report's own (its KPI cards)."""

from __future__ import annotations

from assistant.answering.kpi_lookup import best_kpi, kpi_share, subject_stems
from assistant.answering.short_form_key import definitions
from indexing.model import DocumentKind, DocumentMeta, Location, Passage, PlanDocument

from .plans import MemoryScope

KPIS = [
    (
        "foi",
        "Freedom of Information (FOI) / Environmental Information Regulation (EIR) requests "
        "completed within 20 working days",
        "Governance, Law & Democracy",
    ),
    (
        "sar",
        "Subject Access requests, made under Art 15 of the General Data Protection "
        "Regulations, completed within statutory timescales",
        "Governance, Law & Democracy",
    ),
    (
        "exclusions",
        "Percentage of pupils permanently excluded from school – rolling 12 months",
        "Education & Skills",
    ),
    (
        "placements",
        "Percentage of pupils (with EHCP's) being placed in independent or out of county "
        "special schools",
        "Education & Skills",
    ),
    (
        "assessments",
        "Proportion of new Care Needs Assessments delivered within 28 days",
        "Adult Social Care",
    ),
    (
        "payments",
        "% of people receiving a long-term community service who receive Direct Payments",
        "Adult Social Care",
    ),
]


DEFINING = (
    "Adult Social Care and Health (ASCH) saw 54% responded to within timescale, and "
    "Children, Young People and Education 57%."
)


def scope() -> MemoryScope:
    """The indicators' names as passages of one report, so word rarity is the report's,
    and a paragraph of the report that defines a short form."""
    doc = PlanDocument(
        id="qpr",
        meta=DocumentMeta(file="qpr.pdf", title="Quarterly report", kind=DocumentKind.report),
        sha256="qpr",
        passages=[
            Passage(
                id=f"qpr:p{n}",
                document_id="qpr",
                section=section,
                text=name,
                location=Location(path="qpr.pdf", page=n + 1),
            )
            for n, (_id, name, section) in enumerate([*KPIS, ("", DEFINING, "Complaints")])
        ],
    )
    return MemoryScope([doc])


def test_field_and_period_words_are_not_the_subject() -> None:
    assert subject_stems("permanent exclusions kpi - what's its floor and latest") == {
        "perman",
        "exclus",
    }
    assert subject_stems("is the direct payments kpi improving since last quarter?") == {"payment"}


def test_other_forms_of_a_word_name_the_indicator() -> None:
    # "exclusions" / "excluded" share their first five letters; the ratings key's words
    # ("kpi", "floor") are not the subject.
    found = best_kpi(
        scope(), "permanent exclusions kpi - what's its floor and where is it now", KPIS
    )
    assert found == "exclusions"


def test_a_short_form_in_the_question_spells_the_indicators_words() -> None:
    question = "subject access requests under gdpr - how far below the floor standard are we?"
    assert best_kpi(scope(), question, KPIS) == "sar"
    assert kpi_share(scope(), "gdpr requests", KPIS[1][1], KPIS[1][2]) == 1.0
    assert kpi_share(scope(), "gdpr requests", KPIS[0][1], KPIS[0][2]) < 1.0


def test_a_short_form_the_indicator_prints_is_matched() -> None:
    assert (
        best_kpi(scope(), "foi requests completed - what % and how far below target?", KPIS)
        == "foi"
    )


def test_the_section_names_the_service() -> None:
    assert best_kpi(scope(), "adult social care direct payments - latest", KPIS) == "payments"


def test_a_subject_no_indicator_holds_is_left_to_the_search() -> None:
    # Carers' assessments are counted in a paragraph, not by the care needs indicator.
    question = "how many carer assessments did adult social care complete in quarter 3?"
    assert best_kpi(scope(), question, KPIS) is None


def test_a_question_two_indicators_hold_alike_names_neither() -> None:
    assert best_kpi(scope(), "adult social care kpis - latest", KPIS) is None


def test_a_short_form_the_papers_define_stands_for_their_words() -> None:
    assert definitions(DEFINING) == {"asch": "Adult Social Care and Health"}
    assert definitions("the Kent PRU and Attendance Service (KPAS) works") == {
        "kpas": "Kent PRU and Attendance Service"
    }
    # "ASCH" is not the initials of "Adult Social Care": the report's own definition says
    # what it stands for, and the indicator's service holds most of those words
    assert kpi_share(scope(), "asch direct payments", KPIS[5][1], KPIS[5][2]) == 1.0
    assert best_kpi(scope(), "asch direct payments - latest", KPIS) == "payments"
