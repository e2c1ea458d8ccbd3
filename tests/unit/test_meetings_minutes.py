"""What was said or reported at a meeting, read from its printed minutes; and the clauses of
a question that set its scene rather than ask."""

from __future__ import annotations

from datetime import date
from typing import Any

from assistant.answering.meetings_authors import _by_line
from assistant.answering.meetings_cues import read_cues
from assistant.answering.meetings_dates import _ACCORDING_WORDS
from assistant.answering.meetings_everyday import read_as_papers
from assistant.answering.meetings_figures import _quarters, changed_by_share, quarter_fit
from assistant.answering.meetings_held import names_person
from assistant.answering.meetings_people import _ASKS_COUNT, absent_speaker
from assistant.answering.meetings_record import MeetingRecord, Statement
from assistant.answering.meetings_said import reported
from assistant.answering.meetings_speaker import introduction_of
from assistant.answering.meetings_statement import decision_number_answer, record_answer
from assistant.answering.meetings_updates import ASKS_UPDATE, _introduction, _lines, _points
from assistant.answering.meetings_words import BY_BODY
from assistant.answering.minutes_attendance import chair_line
from assistant.answering.paper_request import (
    _APPENDIX,
    _asked,
    _labelled,
    _short_forms,
    paper_request_answer,
    request_name,
)
from assistant.answering.query_split import split_query
from assistant.answering.question_short_forms import sections_spelt
from assistant.answering.two_part import parts
from assistant.answering.understand import Intent, Query
from indexing.model import DocumentKind, DocumentMeta, Location, Passage, PlanDocument
from indexing.terms import content_stems

MINUTES = [
    "(Item 4)\n• 1. Mr R Gough, Leader of the Council provided an update on the following:",
    "• (a) At the Scrutiny Committee held on 29th January 2025, Members considered the call-in."
    " Mr Watts (General Counsel) confirmed it would be reconsidered on 4th March 2025.",
    "• (b) The Leader confirmed that the gifts had been declared.\n"
    "• 4. Mr Baker, Cabinet Member for Highways and Transport, provided an update on the "
    "following:",
    "• (a) On the topic of buses, Mr Baker advised that the bus network was commercial. It had"
    " been so since deregulation.",
    "• (b) In regard to the extensive roadwork by utility companies, Mr Baker advised of the"
    " following:\n• A study on the impact of street works.",
    "It was hoped that these measures would help.\n• 7. Mr Jeffrey, Cabinet Member for "
    "Communications and Democratic Services, provided an update on the following:",
    "• (a) Mr Jeffrey highlighted the work of the Trading Standards team.",
    "The Leader thanked the Cabinet Members for their updates.\n88. Budget Monitoring\n"
    "1. Mr Oakford introduced the report.",
]


def _passages() -> list[Passage]:
    return [
        Passage(id=f"m:p{n}", document_id="m", text=t, location=Location(path="m.pdf"))
        for n, t in enumerate(MINUTES)
    ]


def test_a_members_update_is_the_lettered_points_under_the_line_naming_them() -> None:
    lines = _lines(_passages())
    at = _introduction(lines, "baker", set())
    assert at is not None and "Mr Baker" in lines[at][1]
    points = [text for _, text in _points(lines, at)]
    assert points == [
        "(a) On the topic of buses, Mr Baker advised that the bus network was commercial.",
        "(b) In regard to the extensive roadwork by utility companies, Mr Baker advised of the"
        " following:",
    ]  # the next member's numbered update ends Mr Baker's


def test_a_member_asked_by_post_is_found_by_the_words_of_the_post() -> None:
    lines = _lines(_passages())
    words = content_stems("the cabinet member for communications and democratic services")
    at = _introduction(lines, None, words)
    assert at is not None and "Mr Jeffrey" in lines[at][1]
    assert [t for _, t in _points(lines, at)] == [
        "(a) Mr Jeffrey highlighted the work of the Trading Standards team."
    ]
    assert _introduction(lines, "thomas", set()) is None  # no update by a member not minuted
    assert _introduction(lines, None, content_stems("the cabinet member for environment")) is None


def test_what_a_person_reported_is_asked_of_them_by_name_post_or_who() -> None:
    assert reported("what did mr baker update cabinet on at the 30 january 2025 meeting?")
    assert reported("at the january cabinet, which date did general counsel give for it?")
    assert reported("which cabinet member brought the 18-25 report to cabinet in january?")
    assert reported("what did the chairman announce at the start of the county council?")
    assert not reported("who gave apologies at the march 4 2025 cabinet?")  # the record's
    assert not reported("did the 30/1/25 cabinet say anything about savings delivery?")
    assert not reported("what does the reserves policy say about the general reserve?")
    assert ASKS_UPDATE.search("what did mr thomas update cabinet on in january?")
    assert not ASKS_UPDATE.search("were there any cabinet member updates in march?")


def test_a_when_clause_before_the_question_sets_its_scene() -> None:
    parts = split_query(
        "when cabinet adopted the ICS delivery plan, who did it say the public health director"
        " must consult?"
    )
    assert len(parts) == 1
    assert [p.text for p in split_query("when is the next cabinet, and who chairs it?")] == [
        "When is the next cabinet?",
        "Who chairs it?",
    ]


def test_no_with_a_stop_abbreviates_number_inside_a_question() -> None:
    assert len(split_query("what's the decision no. of the delivery plan cabinet took?")) == 1
    assert len(split_query("Is it late? no. What about the pool?")) == 2  # a reply, then


# --- a decision's number, the budget council, a vote left unrecorded, a paper by its name -----
def _record() -> MeetingRecord:
    title = "24/00096 - Commissioning Plan for Education Provision in Kent 2025-29"
    text = (
        f"Decision of Cabinet on 30 January 2025 on item 9 ({title}): RESOLVED that Cabinet agree"
    )
    passage = Passage(id="r:p1", document_id="r", text=text, location=Location(path="r.md"))
    statement = Statement(
        text=text, kind="decision", passage=passage, item_number="9", item_title=title
    )
    meta = DocumentMeta(file="r.md", title="Cabinet — 30 January 2025", kind=DocumentKind.agenda)
    doc = PlanDocument(id="r", sha256="0", meta=meta, passages=[passage])
    return MeetingRecord(
        document=doc, committee="Cabinet", day=date(2025, 1, 30), statements=[statement]
    )


def test_a_decisions_number_is_the_one_its_items_title_gives() -> None:
    asked = "what's the decision number for the commissioning plan for education provision?"
    topic = content_stems("the commissioning plan for education provision")
    answer = decision_number_answer(Query(text=asked, intent=Intent.fact), [_record()], topic)
    assert answer is not None and "24/00096" in answer.answer
    other = "what did cabinet decide on the commissioning plan for education provision?"
    assert decision_number_answer(Query(text=other, intent=Intent.fact), [_record()], topic) is None
    unknown = content_stems("the home to school transport policy")
    assert (
        decision_number_answer(Query(text=asked, intent=Intent.fact), [_record()], unknown) is None
    )


def test_the_budget_council_names_the_council_meeting_whatever_comes_between() -> None:
    known = ["Cabinet", "County Council"]
    cues = read_cues("was cllr rich lehmann at the feb 2025 budget council?", known)
    assert cues.committees == ["County Council"]
    assert read_cues("when did the department notify the council?", known).committees == []


def test_a_short_month_and_the_meetings_day_name_a_requested_paper() -> None:
    assert {"februari", "13", "section", "25", "statement"} <= _asked(
        "link to the section 25 statement for the 13 feb budget council please"
    )
    assert "may" not in _asked("where may I find the reserves policy")
    meta = DocumentMeta(
        file="s25.pdf",
        title="section 25 statement - FINAL",
        kind=DocumentKind.report,
        committee="County Council",
        meeting_date="2025-02-13",
        agenda_item="5. Section 25 Report",
    )
    name = request_name(PlanDocument(id="s25", sha256="0", meta=meta, passages=[]))
    assert "february" in name and " 13" in name


def test_a_vote_count_asked_is_told_apart_from_how_a_vote_went() -> None:
    assert _ASKS_COUNT.search("how many councillors voted for the LEVI amendment?")
    assert not _ASKS_COUNT.search("how did council vote on the budget?")
    assert sections_spelt("per the s25 statement") == "per the section 25 statement"


def test_a_later_part_asked_with_the_first_when_it_has_no_subject_of_its_own() -> None:
    asked = parts(
        "how many councillors voted for the budget at full council, and how many against?"
    )
    assert asked[1].startswith("How many against") and "voted for the budget" in asked[1]


def test_everyday_phrases_are_read_as_the_papers_words_when_the_papers_use_them() -> None:
    vocabulary = content_stems("decreased approved in year use of the general reserve")
    read = read_as_papers("who has to sign off using it part way through the year?", vocabulary, [])
    assert "approved" in read and "in year" in read
    assert "decreased" in read_as_papers("how much has it come down?", vocabulary, [])
    # a paper that never says "decreased" keeps the question's own words
    assert read_as_papers("how much has it come down?", content_stems("reserve"), []) == (
        "how much has it come down?"
    )
    papers = content_stems("the project was funded by a grant; the risk was removed; HWRCs")
    assert "funded" in read_as_papers("how was the project paid for?", papers, [])
    assert "removed" in read_as_papers("which risk got taken off the register?", papers, [])
    assert "HWRCs" in read_as_papers("which tips can't take sofas?", papers, [])


def test_a_body_named_as_the_agent_answers_who_and_the_asked_quarter_is_told_apart() -> None:
    assert BY_BODY.search(
        "Any in year use of the General Reserve will need to be approved by Cabinet"
    )
    assert not BY_BODY.search("Reserves are used to manage large fluctuations in spend.")
    assert not BY_BODY.search("the budget was approved by a majority")  # no body named
    assert _quarters("how much has it come down since quarter 2?") == {"2"}
    assert _quarters("compared with the position in September 2024-25 (Quarter 2)") == {"2"}
    assert _quarters("the forecast as at Q3 of 2024-25") == {"3"}


def test_a_one_word_post_names_the_update_only_when_one_member_holds_it() -> None:
    lines = _lines(_passages())
    at = _introduction(lines, None, content_stems("leader"))
    assert at is not None and "Leader of the Council" in lines[at][1]
    assert _introduction(lines, None, content_stems("member")) is None  # Mr Baker or Mr Jeffrey?
    assert ASKS_UPDATE.search("what update did the leader give at the january cabinet?")


def test_an_appendix_asked_by_its_label_is_not_another_appendix() -> None:
    def doc(title: str) -> PlanDocument:
        meta = DocumentMeta(file=f"{title}.pdf", title=title, kind=DocumentKind.budget)
        return PlanDocument(id=title, sha256="0", meta=meta, passages=[])

    asked = _APPENDIX.search("url for appendix J budget risk register for full council")
    assert asked is not None
    assert _labelled(doc("Appendix J - Budget Risk Register"), asked.group(1))
    assert not _labelled(doc("Appendix I Budget Risk Register 22.01.25"), asked.group(1))
    assert _labelled(doc("Council Covering Report"), asked.group(1))  # no label: not ruled out
    assert _APPENDIX.search("where is the appendix about reserves?") is None


def test_a_report_headed_from_a_sender_names_its_author() -> None:
    head = "From: John Betts, Interim Corporate Director, Finance\nTo: County Council"
    passage = Passage(id="s:p1", document_id="s", text=head, location=Location(path="s.pdf"))
    assert _by_line(passage) == "From: John Betts, Interim Corporate Director, Finance"
    assert _ACCORDING_WORDS.sub("", "per the section 25 report") == "the section 25 report"


def test_a_member_who_sent_apologies_is_asked_about_in_any_case() -> None:
    record = _record()
    for kind, text in (
        ("apologies", "Apologies at the Cabinet meeting of 30 January 2025: Mrs C Bell."),
        ("present", "Present at the Cabinet meeting of 30 January 2025: Mr N Baker."),
    ):
        passage = Passage(
            id=f"r:{kind}", document_id="r", text=text, location=Location(path="r.md")
        )
        record.statements.append(Statement(text=text, kind=kind, passage=passage))
    asked = Query(text="what did mrs bell update cabinet on in january 2025?", intent=Intent.fact)
    declined = absent_speaker(asked, record)
    assert declined is not None and not declined.answered and "Mrs C Bell" in declined.answer
    there = Query(text="what did mr baker update cabinet on in january 2025?", intent=Intent.fact)
    assert absent_speaker(there, record) is None


def test_a_member_neither_present_nor_sending_apologies_is_said_not_to_be_listed() -> None:
    record = _record()
    text = "Present at the County Council meeting of 13 February 2025: Mr N Baker, Rich Lehmann."
    passage = Passage(id="r:present", document_id="r", text=text, location=Location(path="r.md"))
    record.statements.append(Statement(text=text, kind="present", passage=passage))

    def ask(question: str):
        return record_answer(Query(text=question, intent=Intent.fact), question, [record], set())

    absent = ask("was cllr smith at the budget council?")
    assert absent is not None and not absent.answered and "cllr smith" in absent.answer
    listed = ask("was cllr rich lehmann at the budget council?")  # no title in the list
    assert listed is not None and listed.answered


def test_the_quarter_asked_leads_unless_the_paper_is_of_that_quarter() -> None:
    def paper(title: str, period: str) -> PlanDocument:
        meta = DocumentMeta(file="p.pdf", title=title, kind=DocumentKind.report, period=period)
        return PlanDocument(id="p", sha256="0", meta=meta, passages=[])

    monitoring = paper("Budget Monitoring Report November 2024-25", "November 2024-25")
    asked = "how much has the overspend come down since quarter 2?"
    assert (
        quarter_fit(asked, "It has decreased by £3.5m since September (Quarter 2).", monitoring) > 0
    )
    assert quarter_fit(asked, "The position as at Quarter 3 is £23.3m.", monitoring) < 0
    assert quarter_fit(asked, "Nine KPIs did not meet the floor standard.", monitoring) == 0
    qpr = paper("Cabinet QPR Q3 Cover", "Q3 2024-2025")
    assert (
        quarter_fit("how many kpis were red in q3?", "The Quarter 3 QPR includes 38 KPIs.", qpr)
        == 0
    )
    assert changed_by_share("by how much could staff costs go up?", "by about 10 to 11 percent")
    assert not changed_by_share("how much is the grant?", "an increase of 3%")


def test_a_short_form_in_a_request_is_held_by_the_title_word_it_begins() -> None:
    title = "3 - Amendment - Liberal Democrats - LEVI capital funding"
    assert {"lib", "dem"} <= _short_forms(content_stems("the lib dem amendment"), title)
    assert "lab" not in _short_forms(content_stems("the lab amendment"), title)


def test_a_link_asked_for_a_paper_no_title_names_is_declined() -> None:
    from types import SimpleNamespace

    meta = DocumentMeta(
        file="r.pdf", title="Appendix G - Reserves Policy", kind=DocumentKind.report
    )
    doc = PlanDocument(id="r", sha256="0", meta=meta, passages=[])
    terms = SimpleNamespace(coverage=lambda asked, held: len(asked & held) / max(1, len(asked)))
    scope: Any = SimpleNamespace(documents=[doc], terms=terms)
    asked = Query(text="what's the url of the highways asset management plan?", intent=Intent.fact)
    declined = paper_request_answer(scope, asked)
    assert declined is not None and not declined.answered and not declined.citations
    where = Query(text="where can I read about highways asset management?", intent=Intent.fact)
    assert paper_request_answer(scope, where) is None  # left to the search: no address asked


def test_who_gave_an_update_is_the_line_introducing_its_lettered_points() -> None:
    passages = _passages()
    found = introduction_of(passages, "(b) In regard to the extensive roadwork")
    assert found is not None and found[1].startswith("• 4. Mr Baker, Cabinet Member")
    found = introduction_of(passages, "(a) At the Scrutiny Committee held on 29th January")
    assert found is not None and "Mr R Gough, Leader" in found[1]  # a passage further back
    # a numbered paragraph of the item that no update introduces names no speaker
    assert introduction_of(passages, "1. Mr Oakford introduced the report.") is None
    assert introduction_of(passages, "words the minutes do not print") is None


def test_a_name_said_to_be_someone_names_a_person_without_title() -> None:
    assert names_person("Steve Grimshaw, who managed the scheme, recently presented")
    assert not names_person("The scheme continued to gain significant media interest.")
    assert names_person("Mr Baker advised that the bus network was commercial.")


def _minutes(opening: str) -> PlanDocument:
    return PlanDocument(
        id="mins",
        meta=DocumentMeta(file="mins.pdf", title="Minutes", kind=DocumentKind.minutes),
        sha256="mins",
        passages=[
            Passage(id="mins:p0", document_id="mins", text=opening, location=Location(path="m"))
        ],
    )


def test_the_chair_is_the_member_the_list_of_those_present_marks_chairman() -> None:
    minutes = _minutes(
        "MINUTES of a meeting of the County Council held on Thursday, 13 February 2025.\n"
        "PRESENT: Mr B J Sweetland (Chairman), Mr A M Ridgers (Vice-Chairman),\n"
        "Mr N Baker, Mr M Baldock\nIN ATTENDANCE: Mr J Cook (Democratic Services Manager)\n"
        "UNRESTRICTED ITEMS"
    )
    found = chair_line(minutes, vice=False)
    assert found is not None
    assert found[1:] == (
        "PRESENT: Mr B J Sweetland (Chairman)",
        "Mr B J Sweetland was in the chair",
    )
    vice = chair_line(minutes, vice=True)
    assert vice is not None and vice[2] == "Mr A M Ridgers was vice-chair"
    assert vice[1].endswith("Mr A M Ridgers (Vice-Chairman)")


def test_the_chair_is_the_person_named_under_present_in_the_chair() -> None:
    minutes = _minutes(
        "PRESENT IN THE CHAIR: Príomh Chomhairleoir, Councillor D. McSweeney.\n"
        "MEMBERS PRESENT: Councillors Benson, Collins."
    )
    found = chair_line(minutes, vice=False)
    assert found is not None and found[2] == "Councillor D. McSweeney was in the chair"
    assert chair_line(minutes, vice=True) is None  # no vice chair is marked


def test_minutes_that_mark_no_chair_name_none() -> None:
    assert chair_line(_minutes("PRESENT: Mr N Baker, Mr M Baldock"), vice=False) is None
