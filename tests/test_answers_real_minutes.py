"""Answers on real council papers of kinds the shipped files lack: minutes with motions,
amendments and recorded votes, two publications of one budget risk register, a risk CSV
and an indicator list with no values. A small real index of those files, built once.

Every expectation is taken from the files themselves, read here apart from the answering
code: the proposer line, the vote's counts and its outcome from the minutes' own PDF text
(pypdfium2), the revised exposure from the register's PDF text, the score from the CSV.
"""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pytest
import yaml

from assistant.config import Settings

REAL = Path(__file__).resolve().parents[1] / "evals" / "corpus-real"
FEB_MINUTES = "kent/full_council_2025-02-13__Printed minutes 13th-Feb-2025 09.30 County Council.pdf"
JAN_MINUTES = "kent/full_council_2025-02-13__9 January 2025 - County Council minutes.pdf"
RISKS_JAN = "kent/cabinet_2025-01-30__Appendix I Budget Risk Register 22.01.25.pdf"
RISKS_FEB = "kent/full_council_2025-02-13__Appendix J - Budget Risk Register.pdf"
WYE = "other/wyevalley-cc-financial-risk-assessment.csv"
TRAFFORD = "other/trafford-corporate-plan-indicators.md"
FILES = [FEB_MINUTES, JAN_MINUTES, RISKS_JAN, RISKS_FEB, WYE, TRAFFORD]

# Opens the index through the configured Chroma (runs again with --chroma-server).
pytestmark = [pytest.mark.slow, pytest.mark.store]


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory):
    from assistant.answering.router import Assistant
    from indexing.ingest import ingest

    corpus = tmp_path_factory.mktemp("real-minutes")
    manifest = yaml.safe_load((REAL / "manifest.yaml").read_text(encoding="utf-8"))
    kept = {}
    for source in FILES:
        name = Path(source).name
        shutil.copy(REAL / source, corpus / name)
        kept[name] = manifest["documents"][name]
    (corpus / "manifest.yaml").write_text(
        yaml.safe_dump({"ignore": ["manifest.yaml"], "documents": kept}), encoding="utf-8"
    )
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("real-minutes-index"), corpus_dir=corpus, llm=None
    )
    report = ingest(settings)
    assert report.changed and not report.skipped, report
    return Assistant(settings)


def _pdf_text(name: str) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(REAL / name))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def _squash(text: str) -> str:
    return " ".join(text.split())


def test_who_proposed_an_amendment_is_read_from_the_line_before_its_text(assistant) -> None:
    # "(19) Mr Passmore proposed, and Mr Chittenden seconded the following amendment:" ends
    # one passage; the amendment about ANPR cameras for fly tipping is the next.
    text = _squash(_pdf_text(FEB_MINUTES))
    printed = re.search(
        r"(Mr \w+) proposed, and (Mr \w+) seconded the following amendment: Proposed Purpose: "
        r"“Fly tipping",
        text,
    )
    assert printed, "the minutes print the proposer line before the fly tipping amendment"
    answer = assistant.ask("who proposed the fly tipping anpr cameras amendment")
    assert answer.answered
    assert printed.group(1) in answer.answer and printed.group(2) in answer.answer


def test_a_motion_is_not_answered_by_an_amendment_to_it(assistant) -> None:
    text = _squash(_pdf_text(JAN_MINUTES))
    motion = re.search(r"(Mr \w+) proposed, and (Mr \w+) seconded the motion that", text)
    assert motion and "amendment" not in motion.group(0)
    answer = assistant.ask("who proposed and seconded the devolution motion at full council")
    assert answer.answered
    assert motion.group(1) in answer.answer and motion.group(2) in answer.answer


def test_how_a_vote_went_gives_its_counts_and_outcome(assistant) -> None:
    text = _squash(_pdf_text(FEB_MINUTES))
    section_25 = text[text.index("Section 25") :]
    counts = re.search(r"For \((\d+)\).*?Against \((\d+)\).*?(Motion carried)", section_25)
    assert counts
    answer = assistant.ask("how did the section 25 report vote go")
    assert answer.answered
    for figure in (counts.group(1), counts.group(2)):
        assert f"({figure})" in answer.answer
    assert "motion carried" in answer.answer.lower()
    # the members' names between the counts are not quoted as the answer
    assert "Mr Baker, Mr Baldock" not in answer.answer


def test_a_register_published_again_answers_with_its_revised_figure(assistant) -> None:
    final, first = _squash(_pdf_text(RISKS_FEB)), _squash(_pdf_text(RISKS_JAN))
    assert "120.9" in final and "120.9" not in first  # revised between the two
    answer = assistant.ask(
        "what's the annual financial exposure for non delivery of savings in the budget "
        "risk register"
    )
    assert answer.answered and "120.9" in answer.answer
    assert answer.citations[0].document_id.startswith("full_council_2025-02-13")


def test_a_field_the_register_does_not_print_is_not_answered(assistant) -> None:
    text = _squash(_pdf_text(RISKS_FEB))
    assert "Likelihood" in text and "Impact" not in text
    assert not assistant.ask(
        "what's the impact score of the cyber security risk in the budget risk register?"
    ).answered
    # a register that prints a score answers for it
    with (REAL / WYE).open(encoding="utf-8-sig", newline="") as handle:
        row = next(r for r in csv.DictReader(handle) if "Vital information" in str(r))
    score = next(v for k, v in row.items() if k and "score" in k.lower())
    answer = assistant.ask("risk score for vital information lost?")
    assert answer.answered and f"Score: {score}" in answer.answer


def test_an_age_band_in_an_indicators_name_is_not_its_figure(assistant) -> None:
    lines = (REAL / TRAFFORD).read_text(encoding="utf-8")
    assert "aged 10-11 years classified as obese" in lines
    answer = assistant.ask("what is trafford's obesity rate for children aged 10-11?")
    assert not answer.answered


def _pages(name: str) -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(REAL / name))
    try:
        return [_squash(page.get_textpage().get_text_range()) for page in pdf]
    finally:
        pdf.close()


def test_a_side_of_a_vote_over_a_page_break_is_cited_where_it_is_printed(assistant) -> None:
    pages = _pages(FEB_MINUTES)
    levi = next(n for n, t in enumerate(pages) if "Local Electric Vehicle Infrastructure" in t)
    vote = next(
        (n, m)
        for n, t in enumerate(pages[levi:], start=levi)
        if (m := re.search(r"Abstain \((\d+)\)", t))
    )
    page, count = vote[0] + 1, vote[1].group(1)
    answer = assistant.ask(
        "how many councillors abstained on the LEVI charging amendment in february?"
    )
    assert answer.answered and f"Abstain {count}" in answer.answer
    assert (
        answer.citations[-1].page == page
    )  # the page printing "Abstain (n)", not the vote's first


def test_the_one_abstention_on_the_substantive_motion_is_named(assistant) -> None:
    text = _squash(_pdf_text(JAN_MINUTES))
    final = re.search(
        r"put the substantive motion .*? Abstain \(1\) (M[rs]s? \w+) Substantive Motion carried",
        text,
    )
    assert final, "the minutes print one abstention on the substantive motion"
    asked = (
        "9 jan council - who was the one abstention on the final (substantive) devolution motion?"
    )
    answer = assistant.ask(asked)
    assert answer.answered and final.group(1) in answer.answer
