"""Rules for meeting questions, on the text of the real Kent committee papers
(``evals/corpus-meetings``: Cabinet 30 January and 4 March 2025, County Council
13 February 2025), without an index or a model:

- officers in attendance are read from the printed minutes (a later meeting's paper),
  at the top or against an item, and only the remote ones when asked who joined
  virtually (``meetings_officers``);
- a month written before a paper's title words names the paper, not a meeting, when the
  committee held none that month (``meetings_subject.months_of_papers``);
- the meeting before a day the records hold nothing before is the one whose minutes
  that day's meeting approved (``meetings_subject.held_before``);
- a figure is in the sentence after its subject when that one points back ("This has
  been set at £250k."), a count may be in words ("Nine KPIs"), and neither a day of a
  month nor the question's own numbers ("the 18-25 service") is the figure asked for
  (``meetings_figures``, ``meetings_words``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from assistant.answering import meetings_cues as cue
from assistant.answering.evidence import Evidence
from assistant.answering.meetings_cues import read_cues
from assistant.answering.meetings_figures import counted_in_words, with_following_figure
from assistant.answering.meetings_officers import (
    ASKS_OFFICERS,
    _for_item,
    _headed,
    _item_asked,
    printed_minutes,
)
from assistant.answering.meetings_record import MeetingRecord, Statement
from assistant.answering.meetings_subject import held_before, months_of_papers
from assistant.answering.meetings_words import holds_asked_figure, holds_figure
from assistant.answering.retrieve import Candidate
from assistant.answering.understand import Intent, Query
from indexing.model import DocumentKind, DocumentMeta, Location, Passage, PlanDocument
from indexing.store import StoredNode
from indexing.terms import content_stems

# Real text of the printed minutes of Cabinet, 30 January 2025 (a paper of 4 March 2025).
MINUTES = [
    "Cabinet\nPRESENT: Mr R W Gough (Chairman), Mr N Baker, Mrs S Chandler, Mr D Jeffrey",
    "Cabinet\nIN ATTENDANCE: Dr A Ghosh (Director of Public Health), Mrs A Beer (Chief "
    "Executive), Mr J Betts (Interim Corporate Director Finance)",
    "Cabinet\nIN ATTENDANCE VIRTUALLY: Mr S Jones (Corporate Director of Growth, Environment "
    "and Transport), Mr M Albiston (Director of Adult Social Care)",
    "84. Apologies\n(Item 1)\nApologies were received from Mrs C Bell.",
    "(Item 8)\nAnjan Ghosh (Director of Public Health) and Mike Gogarty (Interim Strategic "
    "Lead for Public Health) were in attendance for this item\n• 1. Dr Gosh (Director of "
    "Public Health) introduced the report",
]


def _document(doc_id: str, title: str, texts: list[str], **meta: Any) -> PlanDocument:
    return PlanDocument(
        id=doc_id,
        sha256="0",
        meta=DocumentMeta(file=f"{doc_id}.pdf", title=title, kind=DocumentKind.report, **meta),
        passages=[
            Passage(
                id=f"{doc_id}:p{n}",
                document_id=doc_id,
                section=None,
                text=text,
                location=Location(path=f"{doc_id}.pdf", page=1),
            )
            for n, text in enumerate(texts, start=1)
        ],
    )


def _statement(kind: str, text: str, number: str | None = None, title: str | None = None):
    passage = Passage(
        id="r:p1", document_id="r", section=None, text=text, location=Location(path="r.md")
    )
    return Statement(text=text, kind=kind, passage=passage, item_number=number, item_title=title)


def _meetings() -> list[MeetingRecord]:
    minutes = _document(
        "minutes-of-previous-meeting-72031",
        "Minutes of Previous Meeting",
        MINUTES,
        committee="Cabinet",
        meeting="9825",
        meeting_date="2025-03-04",
        agenda_item="3. Minutes of the Meeting held on 30 January 2025",
    )
    monitoring = _document(
        "revenue-and-capital-budget-monitoring-report-november-2024-2-70051",
        "Revenue and Capital Budget Monitoring Report November 2024-25",
        ["The position in Adult Social Care & Health … is now £35.4m."],
        committee="Cabinet",
        meeting="9781",
        meeting_date="2025-01-30",
        agenda_item="5. 24/00108 - Revenue and Capital Budget Monitoring Report – November 2024-25",
        period="November 2024-25",
    )
    january = MeetingRecord(
        document=_document("cabinet-2025-01-30-meeting-9781", "Cabinet — 30 January 2025", []),
        committee="Cabinet",
        day=date(2025, 1, 30),
        statements=[
            _statement(
                "decision",
                "Decision of Cabinet on 30 January 2025 on item 3 (Minutes of the Meeting held "
                "on 9th January 2025): RESOLVED that the minutes … be signed by the Chair.",
                "3",
                "Minutes of the Meeting held on 9th January 2025",
            ),
            _statement(
                "decision",
                "Decision of Cabinet on 30 January 2025 on item 8 (24/00115 - Kent County "
                "Council Integrated Care Strategy (KCC ICS) Delivery Plan): RESOLVED …",
                "8",
                "24/00115 - Kent County Council Integrated Care Strategy (KCC ICS) Delivery Plan",
            ),
            _statement(
                "decision",
                "Decision of Cabinet on 30 January 2025 on item 9 (24/00096 - Commissioning "
                "Plan for Education Provision in Kent 2025-29): RESOLVED …",
                "9",
                "24/00096 - Commissioning Plan for Education Provision in Kent 2025-29",
            ),
        ],
        papers=[monitoring],
    )
    march = MeetingRecord(
        document=_document("cabinet-2025-03-04-meeting-9825", "Cabinet — 4 March 2025", []),
        committee="Cabinet",
        day=date(2025, 3, 4),
        statements=[
            _statement(
                "papers",
                "• Minutes of Previous Meeting (minutes-of-previous-meeting-72031.pdf) — "
                "https://democracy.example.gov.uk/documents/s72031/Minutes.pdf",
                "3",
                "Minutes of the Meeting held on 30 January 2025",
            )
        ],
        papers=[minutes],
    )
    return [january, march]


# --- officers in attendance -----------------------------------------------------------------
def test_officer_questions_are_told_from_other_people_questions() -> None:
    assert ASKS_OFFICERS.search("which officers were in attendance at cabinet on 30 january?")
    assert ASKS_OFFICERS.search("who joined the january cabinet virtually?")
    assert ASKS_OFFICERS.search("which officers attended the budget item?")
    assert not ASKS_OFFICERS.search("who chaired cabinet on 30 january 2025?")
    assert not ASKS_OFFICERS.search("which members were present at cabinet on 30 jan?")


def test_the_printed_minutes_of_a_meeting_are_a_later_meetings_paper() -> None:
    january, march = _meetings()
    assert printed_minutes([january, march], january) == ["minutes-of-previous-meeting-72031"]
    assert printed_minutes([january, march], march) == []  # its minutes are not held


def test_officers_are_read_under_the_minutes_headings() -> None:
    minutes = _meetings()[1].papers[0]
    everyone = [quote for _, _, quote in _headed(minutes, remote=False)]
    assert len(everyone) == 2 and everyone[0].startswith("IN ATTENDANCE: Dr A Ghosh")
    assert not any("PRESENT: Mr R W Gough" in q for q in everyone)  # members, not officers
    remote = [quote for _, _, quote in _headed(minutes, remote=True)]
    assert remote == [
        "IN ATTENDANCE VIRTUALLY: Mr S Jones (Corporate Director of Growth, Environment and "
        "Transport), Mr M Albiston (Director of Adult Social Care)"
    ]


def test_officers_at_an_item_are_those_the_minutes_name_for_it() -> None:
    january, march = _meetings()
    subject = content_stems("integrated care strategy delivery plan")
    assert _item_asked(january, subject) == "8"
    assert _item_asked(january, content_stems("weather")) is None
    found = _for_item(march.papers[0], "8")
    assert [q for _, _, q in found] == [
        "Anjan Ghosh (Director of Public Health) and Mike Gogarty (Interim Strategic Lead for "
        "Public Health) were in attendance for this item"
    ]
    assert _for_item(march.papers[0], "9") == []


# --- months and days --------------------------------------------------------------------------
def test_a_month_before_a_papers_title_words_names_the_paper() -> None:
    records = _meetings()
    text = "what is the adult social care overspend in the november budget monitoring report to cabinet?"
    cues = months_of_papers(text, read_cues(text, ["Cabinet"]), records)
    assert cues.dates == [] and "November" in cues.rest
    # a month ending the question, or one the committee met in, stays the meeting's
    text = "what did cabinet decide in november?"
    assert [
        d.month for d in months_of_papers(text, read_cues(text, ["Cabinet"]), records).dates
    ] == [11]
    text = "what did the january cabinet decide about the budget monitoring report?"
    assert [
        d.month for d in months_of_papers(text, read_cues(text, ["Cabinet"]), records).dates
    ] == [1]


def test_the_meeting_before_is_the_one_whose_minutes_were_approved() -> None:
    text = "when was the cabinet meeting before the one on 30 january 2025?"
    cues = read_cues(text, ["Cabinet"])
    assert cues.anchor is not None and cues.anchor.anchor == "before"
    answer = held_before(Query(text=text, intent=Intent.fact), _meetings(), cues.anchor)
    assert answer is not None and answer.answered
    assert "held on 9 January 2025" in answer.answer
    late = cue.DateCue(3, 4, 2025, "before")  # 4 March approved no earlier minutes here
    assert held_before(Query(text=text, intent=Intent.fact), _meetings(), late) is None


def test_a_motion_carried_is_a_decision_and_money_from_somewhere_is_not_a_venue() -> None:
    assert cue.DECIDE.search("was the budget motion carried at full council?")
    assert not cue.WHERE.search("where would the money for the amendment come from?")
    assert cue.WHERE.search("where did cabinet meet on 4 march?")


# --- figures ----------------------------------------------------------------------------------
def _evidence(sentence: str, passage: str, required: bool = False) -> Evidence:
    node = StoredNode(id="appendix-g:p9", text=passage, metadata={"node_kind": "passage"})
    return Evidence(
        candidate=Candidate(node=node), sentence=sentence, score=1.0, has_required=required
    )


RESERVES = (
    "A questionnaire is completed by the relevant budget holder and reviewed by Finance to "
    "ensure all reserves comply with legislative and accounting requirements. A de-minimis "
    "limit has been set to avoid small funds being set up which could be managed within "
    "existing budgets or declared as an overspend and then managed collectively. This has "
    "been set at £250k."
)


def test_a_figure_in_the_sentence_pointing_back_is_read_with_its_subject() -> None:
    question = "what is the de-minimis limit for setting up a reserve?"
    subject = (
        "A de-minimis limit has been set to avoid small funds being set up which could be "
        "managed within existing budgets or declared as an overspend and then managed "
        "collectively."
    )
    found = with_following_figure(_evidence(subject, RESERVES), question)
    assert found.sentence.endswith("This has been set at £250k.") and found.has_required
    assert holds_asked_figure(question, found.sentence)
    # a sentence that already holds a figure is left alone; so is one followed by a
    # sentence that does not point back at it
    first = RESERVES.split(". A de-minimis")[0] + "."
    assert with_following_figure(_evidence(first, RESERVES), question).sentence == first


def test_a_count_in_words_answers_how_many() -> None:
    question = "how many KPIs were red in the quarter 3 performance report?"
    sentence = "Nine KPIs did not meet the floor standard (Red)."
    found = counted_in_words(_evidence(sentence, sentence), question)
    assert found.has_required and holds_figure(question, sentence)
    assert not holds_figure("what is the red KPI?", sentence)  # not asked how many
    assert not holds_figure(question, "over a three-year period")


def test_the_questions_own_numbers_and_dates_are_not_the_figure() -> None:
    question = "how many young people are in the 18-25 strengthening independence service cohort?"
    resolution = (
        "RESOLVED that Cabinet agree to transfer the statutory functions delivered by the 18-25 "
        "section of the Strengthening Independence Service … from 1 April 2025"
    )
    assert not holds_figure(question, resolution)
    assert holds_figure(question, "Out of the total cohort of 920 individuals, 330 had an EHCP.")


def test_an_overspend_is_asked_in_pounds() -> None:
    question = "what is the adult social care overspend in the november monitoring report?"
    assert not holds_asked_figure(
        question,
        "the annual survey … indicated that 81% of councils are on course to overspend on "
        "their adult social care budget in the current financial year.",
    )
    assert holds_asked_figure(
        question, "the reported overspend has increased by £2.9m and is now £35.4m."
    )
    assert holds_asked_figure(  # a table row under a "£'000" column is in pounds
        "what's the updated public health grant for 2025-26?",
        "Public Health Grant allocations: 2025-26 allocation; Updated figures for Cabinet "
        "£'000: 81,469.5",
    )


def test_numbers_that_place_or_name_something_are_not_figures() -> None:
    question = "what is the general reserve balance in the reserves policy?"
    assert not holds_figure(
        question,
        "3.2 The Council also relies on interest earned through investments of our cash "
        "balances to support its general spending plans.",
    )
    assert not holds_figure(
        question,
        "1.2 CIPFA issued LAAP Bulletin No.99, Guidance Note on Local Authority Reserves and "
        "Balances in July 2014.",
    )
    assert not holds_figure(
        "what is total funding for 2025-26 in the updated budget appendix?",
        "4.3 Attached at Appendix 1 is an updated high-level budget for 2025-26.",
    )
    assert holds_figure(question, "3.2 The general reserve balance is £45.6m.")
    often = "how often is the reserves policy reviewed?"
    assert holds_figure(
        often, "4.5 The Council will review the Reserves Policy on an annual basis."
    )


def test_another_body_unnamed_and_what_is_to_happen_are_papers_questions() -> None:
    assert cue.WHICH_BODY.search("which cabinet committee looked at the ICS delivery plan?")
    assert not cue.WHICH_BODY.search("which members attended the committee?")
    assert cue.AHEAD.search("when would full council review the family hubs decision?")
    assert not cue.AHEAD.search("when did full council meet?")


MONITORING = (
    "Home to School & College Transport costs have been lower, as a result of a "
    "concentrated, transformational review of the service, which has resulted in a greater "
    "proportion of children receiving a Personal Transport Budget (PTB) and lower costs of "
    "hired transport resulting from the successful retendering of contracts. This "
    "contributes to £8.6m of the CYPE underspend."
)


def test_a_figure_the_next_sentence_says_its_subject_contributes_is_read_with_it() -> None:
    question = "how much of the CYPE underspend comes from home to school transport?"
    subject = MONITORING.split(" This contributes")[0]
    found = with_following_figure(_evidence(subject, MONITORING), question)
    assert found.sentence.endswith("This contributes to £8.6m of the CYPE underspend.")
    assert found.has_required


def test_a_list_heading_is_read_with_the_entry_below_it() -> None:
    from assistant.answering.meetings_lists import with_entry_below
    from indexing.terms import content_stems

    passage = (
        "2. Quarter 3 Performance Report\n"
        "• Percentage of care leavers in education, employment or training\n"
        "• Adult Social Care\n"
        "• Proportion of new Care Needs Assessments delivered within 28 days\n"
    )
    asked = content_stems("which adult social care indicator was red in the report?")
    found = with_entry_below("Adult Social Care", passage, asked)
    assert found.endswith("Proportion of new Care Needs Assessments delivered within 28 days")
    # an entry that says more than the question's own words is left alone
    entry = "Percentage of care leavers in education, employment or training"
    assert with_entry_below(entry, passage, asked) == entry


def test_what_members_said_or_listed_is_asked_of_the_minutes_not_the_decisions() -> None:
    """ "What did members say", "the consultations the cabinet member listed", "which
    member spoke": what the printed minutes record; "how many members attended" is not."""
    from assistant.answering.meetings_said import asks_said

    assert asks_said(
        "social care grant per head - what did members say at the january cabinet?", []
    )
    assert asks_said("which consultations were listed by the cabinet member at cabinet?", [])
    assert asks_said("which cabinet member spoke on the transfer at cabinet?", [])
    assert not asks_said("how many members attended the january cabinet?", [])
    assert not asks_said("what did cabinet decide on the transfer?", [])
