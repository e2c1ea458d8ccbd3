"""The readers on the real shipped documents, loaded as ingest loads them (no embeddings: fast)."""

from __future__ import annotations

from functools import cache

import pytest

from assistant.models import DocumentMeta, PlanDocument
from indexing.loaders import load_file
from indexing.readers import read_document
from tests.conftest import CORPUS

Q2 = "council-plan-delivery-update-q2-2017"


@cache
def parsed(stem: str) -> PlanDocument:
    path = CORPUS / f"{stem}.txt"
    return read_document(
        load_file(path).blocks,
        DocumentMeta(file=path.name, title=stem),
        doc_id=stem,
        source=f"corpus/{path.name}",
        sha256="test",
    )


def item(stem: str, ref: str):
    matches = [i for i in parsed(stem).items if i.ref == ref]
    assert len(matches) == 1, f"{ref}: {len(matches)} items"
    return matches[0]


def test_2020_plan_has_all_66_commitments_with_their_themes() -> None:
    doc = parsed("council-plan-commitments-2020")
    assert [i.ref for i in doc.items] == [str(n) for n in range(1, 67)]
    assert item("council-plan-commitments-2020", "1").section == "A BALANCED BUDGET"
    assert item("council-plan-commitments-2020", "26").section == "A CLEANER MILTON KEYNES"
    assert item("council-plan-commitments-2020", "66").section == "A BRIGHTER FUTURE FOR BLETCHLEY"
    rats = item("council-plan-commitments-2020", "26")
    assert (
        rats.commitment == "Reduce the rat population in the city centre and surrounding estates."
    )
    assert rats.update and rats.update.startswith(
        "Develop and implement proposals with Luton Borough Council"
    )
    assert all(i.rating is None for i in doc.items)  # the 2020 plan gives no RAG ratings


def test_2020_continuation_rows_join_their_commitment() -> None:
    station = item("council-plan-commitments-2020", "41")
    assert station.commitment == "Bring forward plans to improve Station Square."
    assert "Produce a framework for Station Square" in (station.update or "")
    brexit = item("council-plan-commitments-2020", "12")
    assert "Link with LRF to get advice and support" in (brexit.update or "")
    market = item("council-plan-commitments-2020", "42")  # no <p>: first sentence is the commitment
    assert market.commitment == "Bring forward plans to improve CMK market."
    assert (market.update or "").startswith("Work with MKDP")


def test_q2_2017_refs_are_exactly_those_in_the_text() -> None:
    refs = [i.ref for i in parsed(Q2).items]
    expected_missing = {"2.1", "2.2", "2.3", "14.2"}  # lost by the extraction: never invented
    assert not expected_missing & set(refs)
    assert refs[0] == "1.1" and refs[-1] == "16.5"
    assert len(refs) == len(set(refs)) == 69
    assert {"1.7", "3.4", "5.8", "6.1", "14.3", "14.4", "16.5"} <= set(refs)
    assert not [r for r in refs if "." not in r]  # theme aims (1, 3, 4 …) are not items


def test_q2_2017_spot_checks_ratings_and_people() -> None:
    one_stop = item(Q2, "3.2")
    assert one_stop.rating == "G/A" and one_stop.rating_words == "Green/Amber"
    assert one_stop.direction == "↔" and one_stop.direction_words == "no change"
    assert [p.name for p in one_stop.owner] == ["Michael Kelleher"]
    flood = item(Q2, "13.4")
    assert flood.rating == "A"
    assert [(p.initials, p.name, p.role) for p in flood.cabinet_member] == [
        ("MG", "Cllr Martin Gowans", "Cabinet member for Public Realm")
    ]
    assert [(p.name, p.role) for p in flood.director] == [
        ("Duncan Sharkey", "Corporate Director, Place")
    ]
    transport = item(Q2, "12.1")
    assert [(p.initials, p.name, p.resolved) for p in transport.owner] == [("AM", None, False)]
    assert item(Q2, "8.4").owner[0].initials == "Var" and not item(Q2, "8.4").owner[0].resolved


@pytest.mark.parametrize(
    ("ref", "rating"),
    [("7.4", "G/A"), ("9.3", "G/A"), ("13.1", "G/A"), ("14.1", "G/A"), ("16.5", "G")],
)
def test_q2_2017_rating_spellings_are_normalised(ref: str, rating: str) -> None:
    assert item(Q2, ref).rating == rating  # printed as "G / A", "G /A", "<p>G</p>"


def test_q2_2017_a_rating_is_never_borrowed_from_a_neighbour() -> None:
    # 1.4–1.7 and 14.3/14.4 have no rating cell of their own; rows nearby do.
    for ref in ("1.4", "1.5", "1.6", "1.7", "14.3", "14.4"):
        assert item(Q2, ref).rating is None, ref
    doc = parsed(Q2)
    orphan_lines = {row.location.line_start for row in doc.unplaced_rows}
    assert {17, 18, 24, 25, 26, 28} == orphan_lines


def test_q2_2017_update_rows_join_the_right_item() -> None:
    carers = item(Q2, "5.8")
    assert "5,252 carers were being supported by Carers MK" in (carers.update or "")
    assert "5,252" not in (item(Q2, "5.7").update or "")
    assert "Phase two of the review" in (item(Q2, "5.7").update or "")
    assert "suicide prevention planning group" in (item(Q2, "6.1").update or "")
    assert "Local Transformation Board" in (item(Q2, "6.2").update or "")


def test_q2_2017_html_in_cells_becomes_clean_text_with_bullets() -> None:
    update = item(Q2, "3.2").update or ""
    assert "<" not in update and "&nbsp;" not in update
    assert "\n• " in update
    assert item(Q2, "14.3").commitment.startswith(
        "By March 2017 start engagement with the Bletchley community"
    )


def test_q2_2017_key_to_initials_pairs_names_with_roles_in_order() -> None:
    key = {p.initials: p for p in parsed(Q2).people_key.values()}
    assert len(key) == 36
    assert (key["DS"].name, key["DS"].role) == ("Duncan Sharkey", "Corporate Director, Place")
    assert (key["AF"].name, key["AF"].role) == ("Amanda Farr", "Joint Commissioner")
    assert key["PM"].role == "Leader of the Council"
    hannah = item(Q2, "5.3").cabinet_member[0]  # written HO'N in rows, H'ON in the key
    assert (hannah.initials, hannah.name) == ("HO'N", "Cllr Hannah O'Neill")


def test_2006_analysis_rows() -> None:
    doc = parsed("improvement-analysis-feb-2006")
    assert [i.ref for i in doc.items] == [
        "1.1",
        "1.2",
        "1.3",
        "2.1",
        "3.1",
        "3.2",
        "3.3",
        "3.4",
        "3.5",
        "3.6",
        "3.7",
        "3.8",
        "3.9",
        "4.1",
        "4.2",
        "4.3",
        "4.4",
    ]
    procurement = item("improvement-analysis-feb-2006", "3.9")
    assert procurement.section == "3. Performance & MTP"
    assert "The Council needs to identify a clear, long-term vision" in procurement.commitment
    assert (procurement.update or "").startswith(
        "The Council's Procurement Strategy was approved by Cabinet on 17 January 2006"
    )
    assert any("Geoff Snelson" in p.text for p in doc.passages)


def test_regenerationmk_objectives_with_updates() -> None:
    doc = parsed("regenerationmk-2030-progress-dec-2017")
    sections = [i.section for i in doc.items]
    assert sections.count("People Objectives") == 4
    assert sections.count("Prosperity Objectives") == 4
    assert sections.count("Place Objectives") == 4
    skills = [
        i
        for i in doc.items
        if i.commitment.startswith("Work in partnership with the MK Economic Development")
    ]
    assert len(skills) == 1 and skills[0].section == "Prosperity Objectives"
    assert all(i.update for i in doc.items)


def test_prose_document_becomes_passages_under_headings() -> None:
    doc = parsed("what-makes-us-mk-city-council")
    assert not doc.items
    finance = [p for p in doc.passages if p.section == "WE ARE FINANCIALLY SOUND"]
    assert finance and "financially sound council" in finance[0].text
    assert any("57 councillors" in p.text for p in doc.passages)
