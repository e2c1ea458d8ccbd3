"""People at one meeting (``meetings_people``), on the real lines of the Kent meeting
records (``evals/corpus-meetings``): the count of members present, a member who sent
apologies asked what they said, and a vote or mover the minutes do not print."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any

from assistant.answering.meetings_people import (
    absent_speaker,
    count_present,
    member_typed,
    names_in,
    unrecorded_vote,
)
from assistant.answering.meetings_record import MeetingRecord, Statement
from assistant.answering.understand import Intent, Query
from indexing.model import DocumentKind, DocumentMeta, Location, Passage, PlanDocument

PRESENT_CC = (
    "Present at the County Council meeting of 13 February 2025: Mr B J Sweetland (Chairman), "
    "Mr A M Ridgers (Vice-Chairman), Mr N Baker, Sir Paul Carter, CBE, Mr R C Love, OBE, "
    "Rich Lehmann, Mr J Wright, Ms L Wright."
)
PRESENT_CAB = (
    "Present at the Cabinet meeting of 30 January 2025: Mr R W Gough (Chairman), Mr N Baker, "
    "Mrs S Chandler, Mr D Jeffrey, Mr R C Love, OBE, Mr D Murphy."
)
APOLOGIES_CAB = "Apologies at the Cabinet meeting of 30 January 2025: Mrs C Bell."


def _doc(doc_id: str, texts: list[str]) -> PlanDocument:
    return PlanDocument(
        id=doc_id,
        sha256="0",
        meta=DocumentMeta(file=f"{doc_id}.pdf", title=doc_id, kind=DocumentKind.report),
        passages=[
            Passage(
                id=f"{doc_id}:p{n}",
                document_id=doc_id,
                text=text,
                location=Location(path=f"{doc_id}.pdf", page=1),
            )
            for n, text in enumerate(texts, start=1)
        ],
    )


def _meeting(committee: str, day: date, lines: list[tuple[str, str]], **kw: Any) -> MeetingRecord:
    record = _doc(f"{committee.lower()}-{day}", [t for _, t in lines])
    statements = [
        Statement(text=t, kind=k, passage=record.passages[n], **kw)
        for n, (k, t) in enumerate(lines)
    ]
    return MeetingRecord(document=record, committee=committee, day=day, statements=statements)


def _query(text: str) -> Query:
    return Query(text=text, intent=Intent.fact)


def test_names_in_keeps_honours_with_their_name() -> None:
    names = names_in(PRESENT_CC)
    assert names[:3] == [
        "Mr B J Sweetland (Chairman)",
        "Mr A M Ridgers (Vice-Chairman)",
        "Mr N Baker",
    ]
    assert "Sir Paul Carter, CBE" in names and "Mr R C Love, OBE" in names
    assert len(names) == 8
    assert names_in("PRESENT: Mr A, Mr B and Mr C") == ["Mr A", "Mr B", "Mr C"]


def test_how_many_present_is_counted_from_the_record() -> None:
    meeting = _meeting("County Council", date(2025, 2, 13), [("present", PRESENT_CC)])
    answer = count_present(_query("how many members attended on 13 february?"), meeting)
    assert answer is not None and answer.answered
    assert answer.answer.startswith("8 members were present")
    assert count_present(_query("who attended on 13 february?"), meeting) is None


def test_member_who_sent_apologies_is_not_quoted_for_what_they_said() -> None:
    meeting = _meeting(
        "Cabinet",
        date(2025, 1, 30),
        [("present", PRESENT_CAB), ("apologies", APOLOGIES_CAB)],
    )
    answer = absent_speaker(_query("what update did Mrs Bell give at cabinet?"), meeting)
    assert answer is not None and not answer.answered
    assert "Mrs C Bell sent apologies" in answer.answer
    # a member who was present, or a question not about what was said, is left alone
    assert absent_speaker(_query("what update did Mrs Chandler give?"), meeting) is None
    assert absent_speaker(_query("did Mrs Bell attend cabinet?"), meeting) is None
    # asked who stood in for her: the minutes say who gave the update
    stood_in = _query("who gave the update at cabinet as mrs bell wasn't there?")
    assert absent_speaker(stood_in, meeting) is None


def test_vote_not_printed_in_minutes_is_declined() -> None:
    cabinet = _meeting("Cabinet", date(2025, 1, 30), [("present", PRESENT_CAB)])
    later = _meeting(
        "Cabinet",
        date(2025, 3, 4),
        [("item", "Minutes of the Meeting held on 30 January 2025")],
        item_number="3",
        item_title="Minutes of the Meeting held on 30 January 2025",
    )
    minutes = _doc(
        "minutes-of-previous-meeting",
        ["4. RESOLVED that Cabinet agree the Commissioning Plan for Education Provision"],
    )
    later.papers = [minutes]
    later.statements[0].passage = minutes.passages[0]
    scope = SimpleNamespace(documents=[minutes])
    records = [cabinet, later]
    asked = _query("what was the vote count on the education commissioning plan at cabinet?")
    import assistant.answering.meetings_people as people

    original = people.printed_minutes
    people.printed_minutes = lambda _records, _meeting: [minutes.id]  # the minutes are held
    try:
        declined = unrecorded_vote(scope, asked, cabinet, records, set())  # type: ignore[arg-type]
        assert declined is not None and not declined.answered
        seconder = _query("who seconded the motion on the commissioning plan?")
        assert unrecorded_vote(scope, seconder, cabinet, records, set()) is not None  # type: ignore[arg-type]
        # minutes that print the tally or the mover leave the question to them
        minutes.passages[0].text += "\nMr Love proposed, and Mr Gough seconded the motion\nFor (8)"
        assert unrecorded_vote(scope, asked, cabinet, records, set()) is None  # type: ignore[arg-type]
        assert unrecorded_vote(scope, seconder, cabinet, records, set()) is None  # type: ignore[arg-type]
    finally:
        people.printed_minutes = original
    # without the printed minutes (no later meeting holds them), a count of votes the
    # record and the item's papers do not print is still declined; who seconded is not
    assert unrecorded_vote(scope, asked, cabinet, [cabinet], set()) is not None  # type: ignore[arg-type]
    seconder = _query("who seconded the motion on the commissioning plan?")
    assert unrecorded_vote(scope, seconder, cabinet, [cabinet], set()) is None  # type: ignore[arg-type]


def test_an_officers_post_asked_is_not_the_list_of_members_present() -> None:
    from assistant.answering.meetings_statement import _officer_post

    assert _officer_post("who was the head of finance operations at the jan 30 cabinet?")
    assert not _officer_post("who were the cabinet members present on 30/01/2025?")
    assert not _officer_post("who was the chairman at the feb county council?")
    assert not _officer_post("who attended cabinet on 4 march?")


def test_a_member_named_by_surname_alone_is_the_one_present() -> None:
    meeting = _meeting("Cabinet", date(2025, 1, 30), [("present", PRESENT_CAB)])
    asked = "how much did murphy say the tunnel carries? jan cabinet"
    assert member_typed(asked, [meeting]) == "Mr D Murphy"
    # by title, the member is SPEAKER's; a surname no one present has names no one
    assert member_typed("what did mr murphy say?", [meeting]) == ""
    assert member_typed("what did watkins say?", [meeting]) == ""
