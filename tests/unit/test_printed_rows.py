"""A CSV row quoted as its file prints it (``printed_rows``), on lines of Wye Valley's and
Hart's published CSVs."""

from __future__ import annotations

from pathlib import Path

from assistant.answering.printed_rows import printed_row
from assistant.models import Location

LINES = (
    "no,risk,severity,likelihood,riskscore,procedure,action,\n"
    "4.5,Libel,3,1,3,Insurance policy covers this,none\n"
    'RB07,Time taken to process new claims.,"Finance, Revs and Bens",19.08,19.94,23,,\n'
)


def test_a_row_is_quoted_in_the_files_order_and_quoting(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_text(LINES, encoding="utf-8")
    at = Location(path=str(path), sheet="register", row=2)
    assert printed_row(at) == "4.5,Libel,3,1,3,Insurance policy covers this,none"
    third = printed_row(at.model_copy(update={"row": 3}))
    assert third == 'RB07,Time taken to process new claims.,"Finance, Revs and Bens",19.08,19.94,23'


def test_no_row_is_given_for_another_file_or_a_row_the_file_lacks(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_text(LINES, encoding="utf-8")
    assert printed_row(Location(path=str(path), row=9)) is None
    assert printed_row(Location(path=str(tmp_path / "missing.csv"), row=2)) is None
    assert printed_row(Location(path="minutes.pdf", page=3)) is None
    # found under the corpus folder by the tail of the path the index recorded
    assert printed_row(Location(path="elsewhere/register.csv", row=2), tmp_path) is not None
