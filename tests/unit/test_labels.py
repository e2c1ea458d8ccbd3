"""Yes/no questions about a record's labelled field ("is 24/00108 a key decision?"),
answered from the record's own "Key decision: No" line, on a hand-built decision record."""

from __future__ import annotations

from assistant.answering.labels import _record_numbers, labelled_line
from indexing.model import DocumentKind, DocumentMeta, Location, Passage, PlanDocument


def record() -> PlanDocument:
    def passage(n: int, text: str, section: str | None = None) -> Passage:
        return Passage(
            id=f"rec:p{n}",
            document_id="rec",
            section=section,
            text=text,
            location=Location(path="rec.pdf", page=1),
        )

    return PlanDocument(
        id="rec",
        meta=DocumentMeta(file="rec.pdf", title="Record of decision", kind=DocumentKind.decision),
        sha256="rec",
        passages=[
            passage(1, "Cabinet 24/00108\nFor publication: Yes"),
            passage(
                2, "Key decision criteria. The decision will: result in savings", "Key Decision: No"
            ),
        ],
    )


def test_a_labelled_yes_no_field_answers_a_yes_no_question() -> None:
    found = labelled_line([record()], "is 24/00108 a key decision?")
    assert found is not None and found[1:] == ("Key Decision", "No")
    published = labelled_line([record()], "was 24/00108 for publication?")
    assert published is not None and published[2] == "Yes"


def test_not_a_yes_no_question_or_no_such_label() -> None:
    assert labelled_line([record()], "what does 24/00108 decide about key decisions?") is None
    assert labelled_line([record()], "is 24/00108 exempt?") is None


def test_a_record_is_named_by_its_number_not_a_year() -> None:
    assert _record_numbers("is 24/00108 a key decision in 2025?") == ["24/00108"]
