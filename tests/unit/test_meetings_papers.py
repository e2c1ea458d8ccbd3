"""Reading a question about a meeting's paper: the words, the figure asked for, which
paper is meant (``meetings_words``, ``meetings_choose``), on hand-built records.

No index and no model: a meeting record is built from its lines as the sync writes them,
so each rule is checked on exactly the wording it is for.
"""

from __future__ import annotations

from datetime import date

from assistant.answering.meetings_choose import paper_named, papers_naming
from assistant.answering.meetings_cues import ORDINAL, ORDINALS, read_cues
from assistant.answering.meetings_everyday import read_as_papers
from assistant.answering.meetings_record import MeetingRecord, _statements
from assistant.answering.meetings_subject import item_named, minutes_of, title_days
from assistant.answering.meetings_words import (
    MEETING_WORDS,
    counts_with_unit,
    holds_asked_figure,
    introduces,
    records_decision_of,
)
from indexing.model import DocumentKind, DocumentMeta, Location, Passage, PlanDocument
from indexing.terms import content_stems


# --- the papers' words ----------------------------------------------------------------
def test_an_everyday_word_the_papers_never_use_is_read_as_theirs() -> None:
    vocabulary = content_stems("approve additional specific grant income")
    assert read_as_papers("how much extra grant income?", vocabulary, []) == (
        "how much additional grant income?"
    )


def test_a_word_the_papers_use_is_kept() -> None:
    vocabulary = content_stems("extra additional grant")
    assert read_as_papers("how much extra grant?", vocabulary, []) == "how much extra grant?"


def test_a_short_form_is_read_as_the_title_words_it_begins() -> None:
    titles = ["3 - Amendment - Liberal Democrats - LEVI capital funding"]
    vocabulary = content_stems("amendment levi capital funding charging")
    assert read_as_papers("the lib dem LEVI amendment", vocabulary, titles) == (
        "the Liberal Democrats LEVI amendment"
    )


def test_a_short_form_two_title_words_begin_is_left_alone() -> None:
    titles = ["Library strategy", "Liberal Democrats amendment"]
    assert read_as_papers("the lib amendment", set(), titles) == "the lib amendment"


# --- what follows, whose decision, which figure ----------------------------------------
def test_a_sentence_ending_in_a_colon_introduces_what_follows() -> None:
    assert introduces("Following the debate, the Scrutiny Committee agreed the following motion:")
    assert not introduces("Recommendations:")
    assert not introduces("The Committee agreed the motion.")


def test_the_decision_of_the_body_asked_about() -> None:
    scrutiny = [content_stems("scrutiny committee")]
    assert records_decision_of("The Scrutiny Committee unanimously agreed the motion:", scrutiny)
    assert not records_decision_of("Cabinet is asked to consider the Scrutiny Committee", scrutiny)
    assert not records_decision_of("The Audit Committee agreed the accounts.", scrutiny)


def test_a_share_is_answered_by_a_percentage() -> None:
    question = "what share of the revenue budget is the overspend?"
    assert holds_asked_figure(question, "The overspend represents 1.6% of the revenue budget.")
    assert not holds_asked_figure(question, "The overspend is £23.3m.")


def test_the_figure_named_must_be_the_one_stated() -> None:
    question = "what is the general reserve balance in the reserves policy?"
    assert not holds_asked_figure(question, "We aim to hold general reserves of 5% of budget.")
    assert holds_asked_figure(question, "The general reserve balance is £45.2m.")
    # how long, not how much
    assert not holds_asked_figure(
        question, "Balances that have not moved over a three-year period."
    )
    assert not holds_asked_figure(question, "Balances reviewed in 2024-25.")


# --- which paper ------------------------------------------------------------------------
def _record(committee: str, day: str, lines: list[tuple[str | None, str]]) -> MeetingRecord:
    """A meeting record of (section, line) pairs, as ``planbot sync`` writes them."""
    meta = DocumentMeta(
        file="record.md",
        title=f"{committee} — {day}",
        kind=DocumentKind.decision,
        committee=committee,
        meeting="1",
        meeting_date=day,
    )
    passages = [
        Passage(
            id=f"record:p{n}",
            document_id="record",
            section=section,
            text=text,
            location=Location(path="record.md", line_start=n),
        )
        for n, (section, text) in enumerate(lines, start=1)
    ]
    document = PlanDocument(id="record", meta=meta, sha256="0", passages=passages)
    papers = [
        PlanDocument(
            id=name,
            sha256="0",
            meta=DocumentMeta(
                file=f"{name}.pdf",
                title=name,
                committee=committee,
                meeting="1",
                meeting_date=day,
                agenda_item="x",
            ),
        )
        for name in ("monitoring-1", "prod-2", "reserves-3", "call-in-4", "minutes-5")
    ]
    return MeetingRecord(
        document, committee, date.fromisoformat(day), _statements(document), papers
    )


_ITEM3 = "Item 3. Minutes of the Meeting held on 9 January 2025"
_ITEM5 = "Item 5. Revenue and Capital Budget Monitoring Report"
_ITEM6 = "Item 6. Draft Budget"
_ITEM7 = "Item 7. Reconsideration of Decision 24/00093"
RECORD = _record(
    "Cabinet",
    "2025-01-30",
    [
        (
            _ITEM3,
            "Item 3 (Minutes of the Meeting held on 9 January 2025) on the agenda of the"
            " Cabinet meeting of 30 January 2025.",
        ),
        (_ITEM3, "- Minutes of Previous Meeting (minutes-5.pdf) — https://x.example/s5.pdf"),
        (
            _ITEM5,
            "Decision of Cabinet on 30 January 2025 on item 5 (Revenue and Capital "
            "Budget Monitoring Report): RESOLVED that Cabinet note the forecast overspend.",
        ),
        (_ITEM5, "- Monitoring Report November (monitoring-1.pdf) — https://x.example/s1.pdf"),
        (_ITEM5, "- 24-00108 - PROD (prod-2.pdf) — https://x.example/s2.pdf"),
        (_ITEM6, "- Appendix G - Reserves Policy (reserves-3.pdf) — https://x.example/s3.pdf"),
        (
            _ITEM7,
            "- Scrutiny Committee - call-in Report to Cabinet (call-in-4.pdf) — "
            "https://x.example/s4.pdf",
        ),
    ],
)


def test_a_paper_named_by_its_title_or_its_items() -> None:
    topic = content_stems("what level does the reserves policy call dangerous")
    assert paper_named([RECORD], topic) == ["reserves-3"]
    topic = content_stems("the savings target in the revenue and capital budget monitoring report")
    assert paper_named([RECORD], topic)[:1] == ["monitoring-1"]


def test_one_shared_word_does_not_name_a_paper() -> None:
    assert paper_named([RECORD], content_stems("the forecast overspend on schools budgets")) == []


def test_the_report_of_another_body_is_found_by_its_name() -> None:
    bodies = [content_stems("scrutiny committee")]
    topic = content_stems("what did the scrutiny committee agree about decision 24/00093")
    assert papers_naming([RECORD], bodies, topic) == ["call-in-4"]
    assert papers_naming([RECORD], [content_stems("audit committee")], topic) == []


def test_the_days_an_items_title_names() -> None:
    assert title_days("Minutes of the Meeting held on 30 January 2025") == [date(2025, 1, 30)]
    assert title_days("Cabinet Member Updates") == []


def test_a_count_written_with_its_unit() -> None:
    assert counts_with_unit("A total of 44.9FE across the Plan period", ["fe"])
    assert counts_with_unit("A total of 530 places", ["places"])
    assert not counts_with_unit("Free schools (FE) were opened", ["fe"])


def test_an_items_subject_names_its_meeting_for_what_or_when_it_decided() -> None:
    def named(question: str) -> list[MeetingRecord]:
        return item_named([RECORD], question, content_stems(question) - MEETING_WORDS)

    assert named("what was decided about the revenue and capital budget monitoring report?") == [
        RECORD
    ]
    assert named("when was the budget monitoring report decided?") == [RECORD]
    # a word beyond the item's title asks what its papers say
    assert named("when was the grant published according to the budget monitoring report?") == []
    # nor does the subject name the meeting when the question asks neither what nor when
    assert named("who wrote the revenue and capital budget monitoring report?") == []


def test_a_date_before_minutes_dates_the_minutes() -> None:
    """ "the january cabinet minutes" are the minutes of that meeting, printed in a later
    meeting's papers; the month is not the meeting the question is about."""
    cues = read_cues("how much according to the january cabinet minutes?", ["Cabinet"])
    assert [(d.month, d.day) for d in cues.subject_dates] == [(1, None)]
    assert cues.dates == []
    cues = read_cues("what did cabinet decide on 30 january 2025?", ["Cabinet"])
    assert [(d.month, d.day) for d in cues.dates] == [(1, 30)]


def test_a_place_in_the_agenda() -> None:
    found = ORDINAL.search("what was the first item on the agenda at full council?")
    assert found is not None and ORDINALS[found.group(1)] == 0
    assert ORDINAL.search("what was on the agenda at the last meeting?") is None
    found = ORDINAL.search("what was the last agenda item at cabinet?")
    assert found is not None and ORDINALS[found.group(1)] == -1


def test_the_minutes_of_a_meeting_are_the_paper_of_the_item_taking_them() -> None:
    cues = read_cues(
        "what was forecast according to the minutes of the january cabinet?", ["Cabinet"]
    )
    assert minutes_of([RECORD], cues) == ["minutes-5"]
    cues = read_cues(
        "what was forecast according to the minutes of the march cabinet?", ["Cabinet"]
    )
    assert minutes_of([RECORD], cues) == []


def test_how_many_decisions_is_counted_from_the_records_own_list_of_them() -> None:
    from assistant.answering.meetings_statement import _decisions
    from assistant.answering.understand import Intent, Query

    record = _record(
        "Cabinet",
        "2025-01-30",
        [
            (
                None,
                "Decisions were published for these items of the Cabinet meeting of 30 January"
                " 2025: item 3 (Minutes); item 5 (Budget Monitoring); item 9 (Commissioning Plan).",
            ),
            (
                "Item 3. Minutes",
                "Decision of Cabinet on 30 January 2025 on item 3 (Minutes):"
                " RESOLVED that the minutes were a correct record.",
            ),
        ],
    )
    assert [s.kind for s in record.statements][:1] == ["decided"]
    counted = _decisions(
        Query(text="how many decisions came out of cabinet?", intent=Intent.figure), [record], set()
    )
    assert counted is not None and counted.answer.startswith("3 decisions for the Cabinet meeting")
    listed = _decisions(Query(text="what did cabinet decide?", intent=Intent.fact), [record], set())
    assert listed is not None and "RESOLVED that the minutes" in listed.answer


def test_a_second_sentence_of_the_chosen_passage_scoring_nearly_as_well_is_quoted_too() -> None:
    from assistant.answering.evidence import Evidence
    from assistant.answering.meetings_papers import _beside

    from .plans import candidate, minutes_doc, passage_node

    doc = minutes_doc("minutes", [("Cabinet Member Updates", "x"), ("Other", "y")])
    same, other = (candidate(passage_node(p, doc), 0.5) for p in doc.passages)

    def said(text: str, score: float, cand=same, required: bool = True) -> Evidence:
        return Evidence(candidate=cand, sentence=text, score=score, has_required=required)

    chosen = said("(c) New smoke-free spaces were due to launch across Kent.", 1.108)
    funded = said("The project was funded by a £1.9 million grant.", 1.102)
    assert _beside(chosen, [funded]) == [funded]
    assert _beside(chosen, [said(funded.sentence, 0.9)]) == []  # scored well below
    assert _beside(chosen, [said(funded.sentence, 1.1, other)]) == []  # another passage
    assert _beside(chosen, [said(funded.sentence, 1.1, required=False)]) == []
