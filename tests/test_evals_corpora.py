"""Sets over several corpora: page-exact citations, the held-out part, per-corpus and
per-document-kind reports, the per-corpus gate, and register questions from KPIs and
risks (on hand-built items, as the readers that produce them are built elsewhere).

Fast: a scripted answerer stands in for the assistant (the real one runs in
``test_eval_gate_real.py``); the set file checks read the real PDFs of the corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.models import (
    Answer,
    Citation,
    DocumentMeta,
    ItemKind,
    Location,
    PlanDocument,
    PlanItem,
)
from evals.corpora import group, resolve_dir, select
from evals.gate import gate_failures, parse_corpus_min
from evals.heldout import HELDOUT, draw, tag_in_place
from evals.register_sets import register_set
from evals.runner import EvalRun, build_run, run_sets
from evals.schema import EvalSet, Expect, Place, Question, SetError, parse_set
from evals.scoring import citation_ok, score

QPR = "cabinet_2025-03-04__qpr-q3-cabinet-appendix-1"
QUOTE = (
    "Percentage of routine pothole repairs completed within 28 days GREEN Latest: 94% Target: 90%"
)


def _cite(page: int | None, document_id: str = QPR, quote: str = QUOTE) -> Citation:
    return Citation(
        document="QPR", document_id=document_id, quote=quote, source=f"x.pdf p. {page}", page=page
    )


POTHOLE = Expect(
    answered=True, document=QPR, page=32, facts=["94%"], evidence="Latest: 94% Target: 90%"
)


# --- page-exact citations -----------------------------------------------------------
def test_with_a_page_only_a_citation_of_that_page_counts() -> None:
    assert citation_ok(POTHOLE, [_cite(32)]) is True
    assert citation_ok(POTHOLE, [_cite(33)]) is False  # the right words, the wrong page
    assert citation_ok(POTHOLE, [_cite(None)]) is False  # a citation without a page
    assert citation_ok(POTHOLE, [_cite(32, document_id="another-paper")]) is False
    assert citation_ok(POTHOLE, [_cite(33), _cite(32)]) is True


def test_without_a_page_the_quote_is_enough_as_before() -> None:
    loose = POTHOLE.model_copy(update={"page": None})
    assert citation_ok(loose, [_cite(33)]) is True
    assert citation_ok(loose, [_cite(None, quote="something else")]) is False


def test_a_document_repeating_the_paper_counts_too() -> None:
    minutes = Expect(
        answered=True,
        document="printed-minutes",
        page=10,
        also=[Place(document="minutes-in-next-pack"), Place(document="monitoring-report", page=3)],
        evidence="The capital spend to date was £160.4 million.",
    )
    quote = "The capital spend to date was £160.4 million."
    assert (
        citation_ok(minutes, [_cite(10, "minutes-in-next-pack", quote)]) is True
    )  # same page by default
    assert citation_ok(minutes, [_cite(10, "printed-minutes", quote)]) is True
    assert citation_ok(minutes, [_cite(3, "monitoring-report", quote)]) is True  # its own page
    assert citation_ok(minutes, [_cite(10, "monitoring-report", quote)]) is False
    assert citation_ok(minutes, [_cite(9, "minutes-in-next-pack", quote)]) is False
    assert citation_ok(minutes, [_cite(10, "budget-book", quote)]) is False


def test_a_list_with_a_page_needs_a_citation_of_that_page_of_the_document() -> None:
    listing = Expect(answered=True, document=QPR, page=4, count=2)
    assert citation_ok(listing, [_cite(4, quote="x")]) is True
    assert citation_ok(listing, [_cite(5, quote="x")]) is False


def test_page_needs_a_document_and_an_answerable_question() -> None:
    with pytest.raises(SetError, match="page and also need document"):
        parse_set(
            {
                "name": "x",
                "questions": [
                    {"id": "a", "question": "q", "expect": {"answered": True, "page": 3}}
                ],
            },
            "x.yaml",
        )
    with pytest.raises(SetError, match="cannot have a page"):
        parse_set(
            {
                "name": "x",
                "questions": [
                    {
                        "id": "a",
                        "question": "q",
                        "expect": {"answered": False, "document": "d", "page": 3},
                    }
                ],
            },
            "x.yaml",
        )
    with pytest.raises(SetError, match="expect.page"):
        parse_set(
            {
                "name": "x",
                "questions": [
                    {
                        "id": "a",
                        "question": "q",
                        "expect": {"answered": True, "document": "d", "page": 0},
                    }
                ],
            },
            "x.yaml",
        )


# --- corpora ------------------------------------------------------------------------
class _Settings:
    """The two fields the grouping reads, plus model_copy like pydantic settings."""

    def __init__(self, corpus_dir: Path, data_dir: Path) -> None:
        self.corpus_dir, self.data_dir, self.chroma_url = corpus_dir, data_dir, "http://chroma:8000"

    def model_copy(self, update: dict) -> _Settings:
        copy = _Settings(self.corpus_dir, self.data_dir)
        copy.__dict__.update(update)
        return copy


def _one(name: str, corpus: str | None = None) -> EvalSet:
    return EvalSet(
        name=name,
        corpus=corpus,
        questions=[Question(id="a", question="q", expect=Expect(answered=False))],
    )


def test_sets_are_grouped_by_corpus_each_with_its_own_index(tmp_path: Path) -> None:
    shipped, real = tmp_path / "corpus", tmp_path / "corpus-real"
    shipped.mkdir(), real.mkdir()
    settings = _Settings(shipped, tmp_path / "data")
    corpora = group([_one("real", str(real)), _one("mk"), _one("mk-again", str(shipped))], settings)
    assert [c.name for c in corpora] == ["corpus", "corpus-real"]  # the configured one first
    assert [s.name for s in corpora[0].sets] == ["mk", "mk-again"] and corpora[
        0
    ].settings is settings
    own = corpora[1].settings
    assert (
        own.data_dir == tmp_path / "data" / "eval-corpus-real" and own.corpus_dir == real.resolve()
    )
    assert own.chroma_url is None  # never the configured server's collections
    assert [c.name for c in select(corpora, ("default",))] == ["corpus"]
    assert [c.name for c in select(corpora, ("corpus-real",))] == ["corpus-real"]
    with pytest.raises(SetError, match="no set is asked of it"):
        select(corpora, ("elsewhere",))


def test_a_missing_corpus_folder_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SetError, match="corpus 'nowhere/at-all': no such folder"):
        resolve_dir("nowhere/at-all")
    assert resolve_dir("evals/corpus-real").name == "corpus-real"  # relative to the project


# --- reports per corpus, document kind and part; the gate per corpus ----------------
class Scripted:
    def __init__(self, right: bool) -> None:
        self.right = right

    def ask(self, question: str) -> Answer:
        if question.startswith("no"):
            return Answer(question=question, answer="Not covered.", answered=not self.right)
        page = 32 if self.right else 31
        return Answer(
            question=question,
            answer="Latest: 94% Target: 90%",
            answered=True,
            citations=[_cite(page)],
        )


def _real_set() -> EvalSet:
    return EvalSet(
        name="real",
        corpus="evals/corpus-real",
        questions=[
            Question(id="pothole", question="potholes?", tags=["figure"], expect=POTHOLE),
            Question(
                id="pothole-2", question="potholes again?", tags=["figure", HELDOUT], expect=POTHOLE
            ),
            Question(
                id="no-cost",
                question="no: cost?",
                tags=["unanswerable", HELDOUT],
                expect=Expect(answered=False),
            ),
        ],
    )


def _two_corpus_run(real_right: bool) -> EvalRun:
    mk = EvalSet(
        name="mk",
        questions=[Question(id="no", question="no: budget?", expect=Expect(answered=False))],
    )
    results = run_sets(Scripted(True), [mk], "ours", corpus="corpus")
    results += run_sets(
        Scripted(real_right),
        [_real_set()],
        "ours",
        corpus="corpus-real",
        document_kinds={QPR: "performance"},
    )
    return build_run([mk, _real_set()], {"ours": results})


def test_results_are_reported_per_corpus_document_kind_and_part() -> None:
    kind = _two_corpus_run(real_right=False).systems[0].kind("handwritten")
    assert kind is not None
    assert [s.group for s in kind.by_corpus] == ["corpus", "corpus-real"]
    assert kind.corpus("corpus").value("abstention") == 1.0
    assert kind.corpus("corpus-real").value("citation") == 0.0  # quoted from the wrong page
    groups = {s.group: s for s in kind.by_document_kind}
    assert set(groups) == {
        "corpus: (not covered)",
        "corpus-real: performance",
        "corpus-real: (not covered)",
    }
    assert groups["corpus-real: performance"].questions == 2
    parts = {s.group: s.questions for s in kind.by_part}
    assert parts == {
        "corpus-real: tuning": 1,
        "corpus-real: heldout": 2,
    }  # only corpora holding some out


def test_each_corpus_is_gated_on_its_own_and_may_have_its_own_bar() -> None:
    thresholds = {"answer": 0.9, "citation": 0.9, "abstention": 0.9}
    assert gate_failures(_two_corpus_run(real_right=True), thresholds) == []
    failed = gate_failures(_two_corpus_run(real_right=False), thresholds)
    assert failed == [
        "corpus corpus-real: handwritten citation accuracy 0.000 is below --min-citation 0.9 (2 questions)",
        "corpus corpus-real: handwritten abstention accuracy 0.667 is below --min-abstention 0.9 (3 questions)",
    ]
    lowered = parse_corpus_min(["corpus-real:citation=0", "corpus-real:abstention=0.5"])
    assert (
        gate_failures(_two_corpus_run(real_right=False), thresholds, corpus_thresholds=lowered)
        == []
    )
    strict = parse_corpus_min(["corpus:abstention=1.01"])
    assert gate_failures(
        _two_corpus_run(real_right=True), thresholds, corpus_thresholds=strict
    ) == [
        "corpus corpus: handwritten abstention accuracy 1.000 is below --corpus-min corpus:abstention=1.01 (1 questions)"
    ]


@pytest.mark.parametrize(
    "bad", ["corpus-real", "corpus-real:speed=1", "corpus-real:answer=high", ":answer=1"]
)
def test_a_bad_corpus_threshold_is_one_line(bad: str) -> None:
    with pytest.raises(ValueError, match="--corpus-min"):
        parse_corpus_min([bad])


# --- the held-out draw ----------------------------------------------------------------
def _questions(n: int, tag: str) -> list[Question]:
    return [
        Question(id=f"{tag}-{i}", question="q", tags=[tag], expect=Expect(answered=False))
        for i in range(n)
    ]


def test_the_draw_is_repeatable_and_stratified() -> None:
    questions = _questions(30, "figure") + _questions(9, "list") + _questions(3, "risk")
    chosen = draw(questions, seed=12)
    assert chosen == draw(list(reversed(questions)), seed=12)  # order of the file does not matter
    assert chosen != draw(questions, seed=13)
    assert [sum(c.startswith(t) for c in chosen) for t in ("figure", "list", "risk")] == [10, 3, 1]


def test_tagging_in_place_keeps_the_file_and_marks_only_the_drawn(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(
        "# header\nname: s\nquestions:\n  - id: a\n    question: q\n    tags: [figure]\n"
        "    expect: {answered: false}\n  - id: b\n    question: q\n    tags: [list, kpi]\n"
        "    expect: {answered: false}\n",
        encoding="utf-8",
    )
    assert tag_in_place(path, {"b"}) == 1
    text = path.read_text(encoding="utf-8")
    assert (
        text.startswith("# header\n")
        and "tags: [figure]\n" in text
        and "tags: [list, kpi, heldout]\n" in text
    )


# --- register questions from KPIs and risks ----------------------------------------
def _document(items: list[PlanItem], doc_id: str = "qpr") -> PlanDocument:
    meta = DocumentMeta(
        file=f"{doc_id}.pdf", title="Quarterly Performance Report", period="Quarter 3 2024/25"
    )
    return PlanDocument(id=doc_id, meta=meta, sha256="0" * 64, items=items)


def _item(
    n: int, kind: ItemKind, name: str, page: int, ref: str | None = None, **fields: str
) -> PlanItem:
    return PlanItem(
        id=f"qpr:{n}",
        document_id="qpr",
        kind=kind,
        ref=ref,
        commitment=name,
        fields=fields,
        rating=fields.pop("rating", None),
        location=Location(path="qpr.pdf", page=page),
    )


def test_kpis_and_risks_give_value_rating_and_score_questions() -> None:
    pothole = _item(
        1,
        ItemKind.kpi,
        "Percentage of routine pothole repairs completed within 28 days",
        32,
        latest="94%",
        target="90%",
        rating="G",
    )
    hart = _item(
        2, ItemKind.kpi, "% of Council Tax collected", 3, ref="RB06", latest="59.3", rating="G"
    )
    risk = _item(3, ItemKind.risk, "Vital information lost", 1, ref="4.1", score="8")
    unscored = _item(4, ItemKind.risk, "Cyber Security", 8, likelihood="3")
    commitment = _item(5, ItemKind.commitment, "Fix the roads", 2, latest="done")
    evalset = register_set(
        [_document([pothole, hart, risk, unscored, commitment])], name="register-x", corpus="c"
    )
    assert evalset is not None and evalset.corpus == "c" and evalset.kind == "generated"
    asked = {q.id: q for q in evalset.questions}
    latest = asked["kpi-latest-qpr-1"]
    assert (
        latest.question
        == "what is the latest value of Percentage of routine pothole repairs completed within 28 days?"
    )
    assert (
        latest.expect.facts == ["94%"]
        and latest.expect.page == 32
        and latest.expect.first_item is False
    )
    assert asked["kpi-latest-qpr-rb06"].question == "what is the latest value of RB06?"
    assert asked["kpi-latest-qpr-rb06"].expect.first_item and asked[
        "kpi-latest-qpr-rb06"
    ].expect.refs == ["RB06"]
    assert asked["kpi-rating-qpr-1"].expect.facts == ["Green"]
    assert "kpi-rating-qpr-rb06" not in asked and "rating-qpr-rb06" in asked  # by ref, asked once
    assert asked["risk-score-qpr-4-1"].question == "what is the score of risk 4.1?"
    assert asked["risk-score-qpr-4-1"].expect.facts == ["8"]
    assert not any(
        "cyber" in q.question.lower() for q in evalset.questions
    )  # no score, no question
    assert not any("roads" in q.question.lower() for q in evalset.questions)  # not a KPI


def test_the_same_kpi_in_two_reports_is_asked_with_the_period() -> None:
    first = _document(
        [_item(1, ItemKind.kpi, "Number of foster households", 48, latest="613")], "q3"
    )
    second = _document(
        [_item(1, ItemKind.kpi, "Number of foster households", 40, latest="612")], "q2"
    )
    evalset = register_set([first, second])
    assert evalset is not None
    assert {q.question for q in evalset.questions} == {
        "what is the latest value of Number of foster households in the Quarter 3 2024/25?"
    }
    assert len(evalset.questions) == 2


def test_a_scored_answer_by_name_is_judged_by_value_and_page() -> None:
    evalset = register_set(
        [_document([_item(1, ItemKind.kpi, "Number of foster households", 48, latest="613")])]
    )
    assert evalset is not None
    expect = evalset.questions[0].expect
    right = Answer(
        question="q",
        answer="Latest: 613 (target 700)",
        answered=True,
        citations=[_cite(48, "qpr", "Latest: 613 Target: 700")],
    )
    wrong_page = right.model_copy(
        update={"citations": [_cite(47, "qpr", "Latest: 613 Target: 700")]}
    )
    assert score(expect, right).passed and not score(expect, wrong_page).passed
