"""How meeting questions are read, on the wording of the real Kent committee papers
(``evals/corpus-meetings``), without an index or a model:

- "when" asks when wherever its clause starts ("after the budget council, when was …"),
  and "on which day" asks it too; a clause before the asking words is the question's
  context, not a question of its own (``query_split``);
- "the council" is the authority unless the question asks about a meeting, and the whole
  council's meeting named beside another committee is the one a date is counted from
  (``meetings_cues``, ``meetings_anchor``);
- a short financial year ("25-26") is a year, ages ("18-25") are not (``meetings_held``);
- "failed to meet the floor standard" is found where a paper says it was not met, and
  "how did they vote" where it says how the vote went (``meetings_words``);
- an officer asked by post, a report's authors listed under their label or heading,
  an agenda item next to another, and a paper of an item that is restricted
  (``meetings_officers``, ``meetings_authors``, ``meetings_agenda``,
  ``meetings_restricted``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from assistant.answering import meetings_cues as cue
from assistant.answering.meetings_agenda import agenda_answer
from assistant.answering.meetings_anchor import anchored
from assistant.answering.meetings_authors import _author_lines
from assistant.answering.meetings_cues import read_cues
from assistant.answering.meetings_held import _years
from assistant.answering.meetings_lists import with_label_value
from assistant.answering.meetings_officers import AS_POST, _in_post
from assistant.answering.meetings_record import MeetingRecord, Statement
from assistant.answering.meetings_restricted import restricted_paper, unpublished_item
from assistant.answering.meetings_said import PER_MINUTES
from assistant.answering.meetings_statement import vote_answer
from assistant.answering.meetings_words import (
    ASKS_OPTIONS,
    ASKS_VOTE,
    OFFERS_CHOICE,
    VOTE_OUTCOME,
    negated_as_asked,
)
from assistant.answering.query_split import split_query
from assistant.answering.understand import Intent, Query
from indexing.model import DocumentKind, DocumentMeta, Location, Passage, PlanDocument
from indexing.terms import content_stems

KNOWN = ["Cabinet", "County Council"]
SCOPE: Any = None
"""No index: the records below list no public paper, so none is searched."""


def _passage(text: str, section: str | None = None) -> Passage:
    return Passage(
        id="d:p1", document_id="d", section=section, text=text, location=Location(path="d.pdf")
    )


def _document(doc_id: str, title: str) -> PlanDocument:
    meta = DocumentMeta(file=f"{doc_id}.md", title=title, kind=DocumentKind.report)
    return PlanDocument(id=doc_id, sha256="0", meta=meta, passages=[])


def _statement(kind: str, text: str, number: str | None = None, title: str | None = None):
    return Statement(
        text=text, kind=kind, passage=_passage(text), item_number=number, item_title=title
    )


def _meeting(committee: str, day: date, statements: list[Statement]) -> MeetingRecord:
    doc = _document(f"{committee.lower().replace(' ', '-')}-{day}", f"{committee} — {day}")
    return MeetingRecord(document=doc, committee=committee, day=day, statements=statements)


def _query(text: str) -> Query:
    return Query(text=text, intent=Intent.fact)


# --- when, and a clause before the question -----------------------------------------------------
def test_when_is_asked_wherever_its_clause_starts() -> None:
    assert cue.WHEN.search("after the february 2025 budget council, when was the next cabinet?")
    assert cue.WHEN.search("on which day did cabinet take the late changes to the budget?")
    assert cue.WHEN.search("when did cabinet meet?")
    assert not cue.WHEN.search("what did cabinet decide when it met in march?")


def test_a_clause_before_the_asking_words_is_context_not_a_question() -> None:
    parts = split_query("after the february 2025 budget council, when was the next cabinet?")
    assert len(parts) == 1
    two = split_query("who proposed the amendment and how much was it?")
    assert [p.text for p in two] == ["Who proposed the amendment?", "How much was it?"]


# --- the council, and a meeting counted from another committee's -------------------------------
def test_the_council_is_the_authority_unless_a_meeting_is_asked_about() -> None:
    text = "when did the department for transport notify the council of its grant allocation?"
    assert read_cues(text, KNOWN).committees == []
    assert read_cues("what did the council decide on 13 february?", KNOWN).committees == [
        "County Council"
    ]
    assert read_cues("what did cabinet say about the council budget?", KNOWN).committees == [
        "Cabinet"
    ]


def test_a_date_counted_from_another_committees_meeting_is_that_meetings_day() -> None:
    records = [
        _meeting("Cabinet", date(2025, 1, 30), []),
        _meeting("County Council", date(2025, 2, 13), []),
        _meeting("Cabinet", date(2025, 3, 4), []),
    ]
    text = "after the february 2025 budget council, when was the next cabinet?"
    cues = anchored(read_cues(text, KNOWN), records)
    assert cues.committees == ["Cabinet"]
    anchor = cues.anchor
    assert anchor is not None and (anchor.day, anchor.month, anchor.anchor) == (13, 2, "after")
    records.insert(1, _meeting("Cabinet", date(2025, 2, 5), []))
    # both committees met that month: no single meeting is named, the cues are left alone
    text = "when did cabinet meet after the february 2025 full council?"
    left = anchored(read_cues(text, KNOWN), records)
    assert sorted(left.committees) == KNOWN and left.anchor is not None
    assert left.anchor.day is None


def test_short_financial_years_are_years_and_ages_are_not() -> None:
    assert _years("Late Changes to the 25-26 Budget") == {"2025-26"}
    assert _years("the 18-25 section of the service") == set()
    assert _years("Revenue Budget 2025-26") == {"2025-26"}


# --- what a paper's sentence must say -------------------------------------------------------------
def test_a_negated_question_is_matched_where_the_paper_negates_it() -> None:
    question = "how many KPIs failed to meet the floor standard in the Q3 performance report?"
    assert negated_as_asked(question, "Nine KPIs did not meet the floor standard (Red).")
    assert negated_as_asked(
        question, "Nine are rated Red – performance did not meet the expected floor standard."
    )
    assert not negated_as_asked(
        question,
        "17 achieved target (Green), and 12 achieved or exceeded the floor standard but did "
        "not meet target (Amber).",
    )
    assert not negated_as_asked("how many KPIs met the floor standard?", "Nine KPIs did not meet")


def test_the_choices_a_paper_sets_out() -> None:
    assert ASKS_OPTIONS.search("what options did cabinet have on the decision?")
    assert OFFERS_CHOICE.search("Cabinet may confirm, amend or rescind the decision.")
    assert OFFERS_CHOICE.search("The options available to the committee are set out below.")
    assert not OFFERS_CHOICE.search("Cabinet agreed the decision and asked for a report.")


def test_how_a_vote_went() -> None:
    assert ASKS_VOTE.search("how did the scrutiny committee vote on postponing the decision?")
    assert not ASKS_VOTE.search("what did the scrutiny committee vote to postpone?")
    assert VOTE_OUTCOME.search("the Scrutiny Committee unanimously agreed the following motion:")
    assert VOTE_OUTCOME.search("The motion was carried by 45 votes to 12.")
    assert not VOTE_OUTCOME.search("That implementation of Decision 24/00093 be postponed.")


# --- people on the papers ------------------------------------------------------------------------
def test_an_officer_asked_by_post_is_the_entry_holding_it() -> None:
    post = AS_POST.search("who attended the 30 january 2025 cabinet as general counsel?")
    assert post is not None and post.group("post") == "general counsel"
    line = (
        "IN ATTENDANCE: Dr A Ghosh (Director of Public Health), Mrs A Beer (Chief Executive), "
        "Mr B Watts (General Counsel), Mr J Betts (Interim Corporate Director Finance)"
    )
    doc = _document("minutes", "Minutes of Previous Meeting")
    found = [(doc, _passage(line), line)]
    assert [q for _, _, q in _in_post(found, "general counsel")] == ["Mr B Watts (General Counsel)"]
    assert [q for _, _, q in _in_post(found, "chief executive")] == ["Mrs A Beer (Chief Executive)"]
    assert _in_post(found, "town crier") == []
    later = AS_POST.search("who was in attendance as director of education at the january cabinet?")
    assert later is not None and later.group("post") == "director of education"
    both = "IN ATTENDANCE: Mrs S Hammond (Corporate Director Children, Young People and Education), Ms C McInnes (Director of Education)"
    found = [(doc, _passage(both), both)]
    assert [q for _, _, q in _in_post(found, "director of education")] == [
        "Ms C McInnes (Director of Education)"
    ]


def test_authors_listed_under_their_label_or_a_contact_heading() -> None:
    listed = _passage(
        "Report Author(s)\n• Dave Shipton (Head of Finance Policy, Planning and Strategy)\n"
        "• 03000 419418\n• dave.shipton@kent.gov.uk\n• Cath Head (Head of Finance Operations)\n"
        "• 03000 416934\nRelevant Corporate Director:\n• John Betts (Interim Corporate Director)"
    )
    quoted = _author_lines(listed) or ""
    assert "Dave Shipton" in quoted and "Cath Head" in quoted and "John Betts" not in quoted
    headed = _passage(
        "Matthew Wagner Chief Analyst Strategy, Policy, Relationships & Corporate Assurance "
        "Telephone: 03000 416559 Matthew.Wagner@kent.gov.uk David Whittle Director of Strategy",
        section="4. Contact details",
    )
    first = _author_lines(headed) or ""
    assert first.startswith("Matthew Wagner Chief Analyst") and "David Whittle" not in first
    assert _author_lines(_passage("Matthew Wagner 03000 416559", section="2. Background")) is None


def test_a_label_is_read_with_its_value_and_the_minutes_are_named_as_saying() -> None:
    passage = "Report Author Dave Shipton\nRelevant Corporate Director:\nJohn Betts (Interim Corporate Director, Finance)"
    assert with_label_value("Relevant Corporate Director:", passage) == (
        "Relevant Corporate Director: John Betts (Interim Corporate Director, Finance)"
    )
    assert with_label_value("The Council agreed the following:", passage) == (
        "The Council agreed the following:"
    )  # a lead-in, not a label on its own line
    assert PER_MINUTES.search("what did the minutes say about the call-in?")
    assert PER_MINUTES.search("how many are in the cohort, according to the cabinet minutes?")
    assert not PER_MINUTES.search("were the minutes of 9 january approved?")


# --- the agenda -----------------------------------------------------------------------------------
AGENDA = "Agenda of the Cabinet meeting of 4 March 2025: item 4 …; item 5 …; item 6 …"


def _march() -> MeetingRecord:
    titles = {
        "4": "Cabinet Member Updates",
        "5": "Late Changes to the 25-26 Budget and 25-2028 Medium Term Financial Plan",
        "6": "Quarterly Performance Report, Q3 2024-2025",
    }
    statements = [_statement("agenda", AGENDA)] + [
        _statement("item", f"Item {n} ({t}) on the agenda of the Cabinet meeting", n, t)
        for n, t in titles.items()
    ]
    return _meeting("Cabinet", date(2025, 3, 4), statements)


def test_the_item_next_to_another_on_the_agenda() -> None:
    pool = [_march()]
    after = "what came on the cabinet agenda straight after the late changes to the budget?"
    answer = agenda_answer(_query(after), after, pool, set())
    assert answer is not None and "Item 6" in answer.answer and "Quarterly" in answer.answer
    before = "which item came before item 5 on the cabinet agenda?"
    answer = agenda_answer(_query(before), before, pool, set())
    assert answer is not None and "Item 4" in answer.answer
    last = "what followed the quarterly performance report on the cabinet agenda?"
    answer = agenda_answer(_query(last), last, pool, set())  # nothing after the last item
    assert answer is not None and "last item" in answer.answer and "Item 7" not in answer.answer


def test_how_a_meeting_voted_is_the_decision_saying_so() -> None:
    title = "Capital Programme 2025-35 and Revenue Budget 2025-26"
    council = _meeting(
        "County Council",
        date(2025, 2, 13),
        [
            _statement(
                "decision",
                "Decision of County Council on item 5 (Section 25 Report): NOTED",
                "5",
                "Section 25 Report",
            ),
            _statement(
                "decision",
                f"Decision of County Council on item 6 ({title}): RESOLVED … Substantive Motion Carried.",
                "6",
                title,
            ),
        ],
    )
    question = "how did full council vote on the revenue budget?"
    answer = vote_answer(_query(question), [council], content_stems("vote revenue budget"))
    assert answer is not None and "Motion Carried" in answer.answer
    assert vote_answer(_query(question), [council], content_stems("section 25 report")) is None


# --- a restricted paper ---------------------------------------------------------------------------
def _january() -> MeetingRecord:
    title = "24/00115 - Kent County Council Integrated Care Strategy (KCC ICS) Delivery Plan"
    return _meeting(
        "Cabinet",
        date(2025, 1, 30),
        [
            _statement(
                "decision", f"Decision of Cabinet on item 8 ({title}): RESOLVED …", "8", title
            ),
            _statement("papers", f"Papers for item 8 ({title}):", "8", title),
            _statement(
                "paper",
                "• 24-00115 - PROD (24-00115-prod-70081.pdf) — https://example.gov.uk/s70081.pdf"
                " 1 restricted paper not listed here.",
                "8",
                title,
            ),
        ],
    )


def test_a_paper_of_an_item_that_is_restricted_is_said_to_be() -> None:
    pool = [_january()]
    see = "can I see the equality impact assessment for the integrated care strategy plan?"
    answer = restricted_paper(SCOPE, _query(see), pool, see)
    assert answer is not None and answer.answered and "1 restricted paper" in answer.answer
    says = "which actions does the equality impact assessment for the ICS delivery plan list?"
    answer = restricted_paper(SCOPE, _query(says), pool, says)
    assert answer is not None and not answer.answered
    # the item's public paper, or no paper named: not this rule's
    public = "what does the integrated care strategy delivery plan decision say about contracts?"
    assert restricted_paper(SCOPE, _query(public), pool, public) is None


def test_an_item_with_nothing_published_is_not_answered_from_other_papers() -> None:
    title = "Home to School Transport - Presentation"
    march = _meeting(
        "Cabinet",
        date(2025, 3, 4),
        [_statement("item", f"Item 8 ({title}) on the agenda of the Cabinet meeting", "8", title)],
    )
    says = "what does the home to school transport presentation say about costs?"
    answer = unpublished_item(_query(says), [march], says)
    assert answer is not None and not answer.answered and "no paper" in answer.answer
    when = "when was the home to school transport presentation?"
    assert unpublished_item(_query(when), [march], when) is None  # the record says when


def test_a_day_and_month_typed_without_the_year_is_a_meeting_day() -> None:
    dates = read_cues("which officers were in at cabinet 30/1?", KNOWN).dates
    assert [(d.month, d.day, d.year) for d in dates] == [(1, 30, None)]
    assert [(d.month, d.day) for d in read_cues("cabinet on 4/3/25", KNOWN).dates] == [(3, 4)]
    # a share, a service's ages, a financial year and a decision number are no dates
    for text in ("2/3 of members", "the 18/25 service", "in 24/25", "decision 24/00108"):
        assert read_cues(text, KNOWN).dates == [], text
    # a pasted run of thousands of dates is read no further than a question's few
    assert len(read_cues("1/2 " * 2500, KNOWN).dates) == cue.MOST_DATES
