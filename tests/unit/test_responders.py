"""Who responded to members on an item (``responders``), on the real text of Limerick City
and County Council's minutes of 31 March 2025."""

from __future__ import annotations

from indexing.model import PlanDocument

from .plans import minutes_doc


def _doc(doc_id: str, texts: list[tuple[str, str]]) -> PlanDocument:
    return minutes_doc(doc_id, texts, pdf=False)


def test_the_response_after_an_item_is_found_up_to_the_next_item() -> None:
    from assistant.answering.responders import _RESPONSE, _response

    item = _doc(
        "limerick",
        [
            (
                "REPLY:",
                "Notice of Motion submitted by Councillor T. Ruddle I will move that the "
                "Council call for the upgrading of Newcastle West Sewerage Scheme.",
            ),
            (
                "REPLY:",
                "The Motion was proposed by Councillor Ruddle and seconded by Councillor Galvin.",
            ),
            ("REPLY:", "The Mayor referred to the inadequacy of the infrastructure."),
            (
                "REPLY:",
                "In response to Members’ concerns, the Director of Planning and "
                "Place-Making pointed out that a solution would take some time to put in place.",
            ),
            (
                "REPLY:",
                "22. Notice of Motion submitted by Councillor Benson. In response, the "
                "Director General advised the Members.",
            ),
        ],
    )
    found = _response(item.passages)
    assert found is not None and found[0].id == "limerick:p4"
    assert found[1].startswith("In response to Members’ concerns, the Director of Planning")
    # the next item's response is not this item's
    assert _response(item.passages[2:3] + item.passages[4:]) is None
    assert _RESPONSE.search("In response, Mr Betts advised that the reserves were adequate.")
    assert not _RESPONSE.search("In response to the consultation, 40 comments were received.")


def test_who_introduced_an_item_is_read_within_that_item() -> None:
    from assistant.answering.introducers import _INTRODUCED, _introduced, _item

    minutes = _doc(
        "county-council",
        [
            (
                "COUNTY COUNCIL",
                "MINUTES of a meeting of the County Council held on Thursday, "
                "13 February 2025.\nPRESENT: Mr B J Sweetland (Chairman)",
            ),
            (
                "290. Section 25 Report",
                "(Item 5)\nMr John Betts, Interim Corporate Director "
                "Finance, was in attendance for this item.",
            ),
            (
                "290. Section 25 Report",
                "(1) Mr John Betts provided an overview of the Section 25 Assurance Statement.",
            ),
            (
                "Adult Social Care and Health Directorate",
                "(21) The Cabinet Member for Adult "
                "Social Care and Public Health introduced the budget for the Adult Social Care and "
                "Health Directorate prior to general debate. No amendments were proposed.",
            ),
            ("Adult Social Care and Health Directorate", "Members asked about the care market."),
        ],
    )
    # the item's passages: back to the first under its heading, not into the one before
    assert [p.id for p in _item(minutes.passages, 4)] == ["county-council:p4", "county-council:p5"]
    found = _introduced(_item(minutes.passages, 4))
    assert found is not None and found[1].startswith("(21) The Cabinet Member for Adult Social")
    # an item whose minutes name no one introducing it has no answer
    assert _introduced(_item(minutes.passages, 2)) is None
    assert _INTRODUCED.search("• 1. Dr Gosh (Director of Public Health) introduced the report")
    assert not _INTRODUCED.search("The strategy introduced in 2022 was refreshed.")


def test_minutes_of_another_day_are_not_the_ones_asked_about() -> None:
    from assistant.answering.responders import held_on_asked_day

    minutes = _doc(
        "limerick",
        [
            (
                None,
                "MINUTES OF PROCEEDINGS AT MEETING OF LIMERICK CITY AND COUNTY COUNCIL HELD "
                "ON MONDAY, 31ST MARCH, 2025, AT 3PM.",
            )
        ],
    )
    assert held_on_asked_day(minutes, "who proposed it at the meeting on 31 march 2025?")
    assert held_on_asked_day(minutes, "who proposed it at the march 31st meeting?")
    assert not held_on_asked_day(minutes, "who introduced it at cabinet on 4 march?")
    assert held_on_asked_day(minutes, "who introduced the report?")  # no day named
