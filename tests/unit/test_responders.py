"""Who responded to members on an item (``responders``), on the real text of Limerick City
and County Council's minutes of 31 March 2025."""

from __future__ import annotations

from indexing.model import DocumentKind, DocumentMeta, Location, Passage, PlanDocument


def _doc(doc_id: str, texts: list[tuple[str, str]]) -> PlanDocument:
    return PlanDocument(
        id=doc_id,
        sha256="0",
        meta=DocumentMeta(file=f"{doc_id}.md", title=doc_id, kind=DocumentKind.minutes),
        passages=[
            Passage(
                id=f"{doc_id}:p{n}",
                document_id=doc_id,
                section=section,
                text=text,
                location=Location(path=f"{doc_id}.md"),
            )
            for n, (section, text) in enumerate(texts, start=1)
        ],
    )


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
