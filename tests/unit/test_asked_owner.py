"""An owner asked for by the verb ("who owns the … risk", "owned by whom?") is an owner
asked for, so a register that names none says so instead of answering with the risk's
other fields (``asked_fields``)."""

from __future__ import annotations

from assistant.answering.asked_fields import asked_fields


def test_who_owns_asks_for_an_owner() -> None:
    assert ("owner", "owner") in asked_fields("who owns the cyber security risk")
    assert ("owner", "owner") in asked_fields("cheques misused risk - owned by whom?")


def test_who_alone_or_own_as_an_adjective_does_not() -> None:
    assert all(role != "owner" for role, _ in asked_fields("who chaired the meeting"))
    assert all(role != "owner" for role, _ in asked_fields("the council's own estate emissions"))
