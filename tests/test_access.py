"""Access by document set: a restricted paper never reaches someone who may not see it.

The exempt paper below uses words, a ref and a rating that real questions would hit;
for a public asker every path (status, lists, facts, nearest-item suggestions, the
CLI) must behave as if it did not exist, and for an asker with access it answers.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from assistant.answering.router import Assistant
from assistant.config import Settings
from assistant.models import Answer
from indexing.ingest import ingest

pytestmark = pytest.mark.store  # builds its restricted index through the configured store

SECRET = "Dispose of the Fennel House to a private buyer by March 2018"
EXEMPT_PAPER = (
    "Exempt Cabinet briefing – Schedule 12A\n\n"
    "BUDGET\t\t\t\t\t\t\t\n"
    "\t\tKey Milestones\tOwner\tCD/Director\tCabinet Member\tRAG Rating\tDirection of Travel\n"
    f"90.1\t{SECRET}.\tNegotiations with the preferred bidder for the Fennel House are at heads of terms; "
    "the receipt of £14.5m is confidential.\tDMcL\tDMcL\tRM\tR\t↓\n"
    "90.2\tReview the homelessness one stop shop lease at the Old Bus Station.\t"
    "The lease renegotiation is confidential.\tMK\tDS\tNL\tR\t↓\n"
)


@pytest.fixture(scope="module")
def restricted_index(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    from tests.conftest import CORPUS

    corpus = tmp_path_factory.mktemp("corpus")
    for path in CORPUS.iterdir():
        (corpus / path.name).write_bytes(path.read_bytes())
    (corpus / "exempt-briefing.txt").write_text(EXEMPT_PAPER, encoding="utf-8")
    manifest = yaml.safe_load((corpus / "manifest.yaml").read_text(encoding="utf-8"))
    manifest["documents"]["exempt-briefing.txt"] = {
        "title": "Exempt Cabinet briefing",
        "kind": "other",
        "date": "2018-01",
        "access": "restricted",
    }
    (corpus / "manifest.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")
    settings = Settings(data_dir=tmp_path_factory.mktemp("index"), corpus_dir=corpus)
    ingest(settings)
    return settings


QUESTIONS = [
    "what is happening with the fennel house sale?",
    "what's the status of 90.1?",
    "which commitments are red?",
    "what is Cllr Rob Middleton responsible for?",
    "how much will the fennel house sell for?",
    "what's the latest on the one stop shop for homeless people?",
    "tell me about the preferred bidder",
]


TIMING = re.compile(r'"\w*(?:latency|_ms)\w*"\s*:\s*[-+.\deE]+')


def without_timings(text: str) -> str:
    """JSON text less its timings, whose digits can spell a restricted ref by chance."""
    return TIMING.sub("", text)


def leaks(answer: Answer) -> list[str]:
    """Words of the restricted paper in the answer, other than the asker's own words.

    The answer's timing is left out: a latency such as 190.23 ms holds "90.2" by chance.
    """
    text = without_timings(answer.model_dump_json())
    secrets = ("Fennel House", "90.1", "90.2", "14.5m", "preferred bidder", "exempt", "Exempt")
    return [
        word for word in secrets if word in text and word.lower() not in answer.question.lower()
    ]


@pytest.mark.parametrize("question", QUESTIONS)
def test_public_asker_never_sees_the_restricted_paper(
    restricted_index: Settings, question: str
) -> None:
    answer = Assistant(restricted_index).ask(question)
    assert leaks(answer) == [], answer.answer


def test_red_list_counts_only_visible_items(restricted_index: Settings) -> None:
    public = Assistant(restricted_index).ask("which commitments are red?")
    allowed = Assistant(restricted_index).ask(
        "which commitments are red?", access={"public", "restricted"}
    )
    assert public.metadata.get("count", 0) == 0
    assert allowed.metadata["count"] == 2
    assert {i.ref for i in allowed.items} == {"90.1", "90.2"}


def test_asker_with_access_gets_the_restricted_answer(restricted_index: Settings) -> None:
    answer = Assistant(restricted_index).ask(
        "what's the status of 90.1?", access={"public", "restricted"}
    )
    assert answer.answered and answer.citations[0].ref == "90.1"
    assert "Red" in answer.answer


def test_unknown_document_error_does_not_name_restricted_documents(
    restricted_index: Settings,
) -> None:
    from assistant.answering.router import QuestionError

    with pytest.raises(QuestionError) as err:
        Assistant(restricted_index).ask("who owns 90.1?", document="nonexistent")
    assert "exempt" not in str(err.value)


def test_cli_access_option(restricted_index: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant import config
    from connectors.cli import cli

    monkeypatch.setenv("PLANBOT_DATA_DIR", str(restricted_index.data_dir))
    monkeypatch.setenv("PLANBOT_CORPUS_DIR", str(restricted_index.corpus_dir))
    config.get_settings.cache_clear()
    try:
        runner = CliRunner()
        public = runner.invoke(cli, ["items", "--rating", "R", "--json"])
        assert (public.exit_code, public.exception, public.output) == (0, None, "")
        allowed = runner.invoke(
            cli, ["items", "--rating", "R", "--json", "--access", "public,restricted"]
        )
        assert (allowed.exit_code, allowed.exception) == (0, None), allowed.output
        assert [json.loads(line)["ref"] for line in allowed.output.splitlines()] == ["90.1", "90.2"]
        # A crash prints nothing secret either: the command must have answered, and the
        # answer must come from the public papers alone.
        asked = runner.invoke(cli, ["ask", "--json", "what's the status of 90.1?"])
        assert (asked.exit_code, asked.exception) == (0, None), asked.output
        answer = json.loads(asked.output)
        assert answer["question"] == "what's the status of 90.1?"
        assert "exempt-briefing" not in {c["document_id"] for c in answer["citations"]}
        assert secrets_in(asked.output, "what's the status of 90.1?") == []
        bad = runner.invoke(cli, ["ask", "--access", "secret", "who owns 12.1?"])
        assert bad.exit_code == 1 and isinstance(bad.exception, SystemExit), bad.exception
        assert "unknown access label" in bad.output
    finally:
        config.get_settings.cache_clear()


# --- the other ways out: drafts, suggestions, Slack, evals -------------------------------
SECRET_WORDS = (
    "Fennel House",
    "Fennel",
    "90.1",
    "90.2",
    "14.5m",
    "preferred bidder",
    "heads of terms",
    "Exempt",
    "exempt-briefing",
    "lease renegotiation",
)


def secrets_in(text: str, asked: str = "", refs: bool = True) -> list[str]:
    """The restricted paper's words in `text` (less its timings), other than the asker's own.

    `refs=False` skips the bare refs, for reports whose tables print timings as plain
    numbers; the paper's words still show any passage of it that got through.
    """
    text = without_timings(text).lower()
    words = SECRET_WORDS if refs else [w for w in SECRET_WORDS if not w[0].isdigit()]
    return [w for w in words if w.lower() in text and w.lower() not in asked.lower()]


MEMBER_QUERY = (
    "Residents ask me about the Fennel House sale and the preferred bidder. "
    "What is the status of 90.1, and which commitments are red?"
)


def test_a_draft_never_cites_the_restricted_paper(restricted_index: Settings) -> None:
    from assistant.drafting.draft import draft

    public = draft(Assistant(restricted_index), MEMBER_QUERY)
    assert secrets_in(public.model_dump_json(), MEMBER_QUERY) == [], public.text
    assert not any(c.ref in ("90.1", "90.2") for c in public.citations)
    allowed = draft(Assistant(restricted_index), MEMBER_QUERY, access=["public", "restricted"])
    assert any(c.ref == "90.1" for c in allowed.citations)  # the check above can see a leak


def test_planbot_draft_never_cites_the_restricted_paper(restricted_index: Settings) -> None:
    from assistant import config
    from connectors.cli import cli

    env = {
        "PLANBOT_DATA_DIR": str(restricted_index.data_dir),
        "PLANBOT_CORPUS_DIR": str(restricted_index.corpus_dir),
    }
    config.get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli, ["draft", "--json", MEMBER_QUERY], env=env)
    finally:
        config.get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    assert secrets_in(result.output, MEMBER_QUERY) == []


def test_nearest_item_suggestions_never_name_the_restricted_paper(
    restricted_index: Settings,
) -> None:
    question = "how many offers came in for the sale of the house on Fennel Road?"
    allowed = Assistant(restricted_index).ask(question, access={"public", "restricted"})
    assert "90.1" in allowed.model_dump_json()  # with access, the paper is the nearest source
    public = Assistant(restricted_index).ask(question)
    assert leaks(public) == [] and secrets_in(public.model_dump_json(), question) == [], (
        public.answer
    )


def test_eval_reports_never_carry_the_restricted_paper(
    restricted_index: Settings, tmp_path: Path
) -> None:
    """`planbot eval` generates questions from the register: only from what it may see."""
    from assistant import config
    from connectors.cli import cli

    evalset = tmp_path / "access-check.yaml"
    evalset.write_text(
        yaml.safe_dump(
            {
                "name": "access-check",
                "description": "a restricted paper",
                "questions": [
                    {
                        "id": "fennel",
                        "question": "what is happening with the fennel house sale?",
                        "tags": ["status"],
                        "expect": {"answered": False},
                    },
                ],
            }
        ),
        encoding="utf-8",
    )
    env = {
        "PLANBOT_DATA_DIR": str(restricted_index.data_dir),
        "PLANBOT_CORPUS_DIR": str(restricted_index.corpus_dir),
    }
    config.get_settings.cache_clear()
    try:
        result = CliRunner().invoke(
            cli,
            [
                "eval",
                str(evalset),
                "--generated",
                "--json",
                "--min-answer",
                "0",
                "--min-citation",
                "0",
                "--min-abstention",
                "0",
                "--report",
                str(tmp_path / "report"),
            ],
            env=env,
        )
    finally:
        config.get_settings.cache_clear()
    assert result.exit_code == 0, result.output[-2000:]
    run = json.loads(result.stdout)
    assert len(json.dumps(run)) > 10_000  # generated questions ran (every public row)
    asked = "what is happening with the fennel house sale?"
    report = {
        suffix: (tmp_path / "report" / name).read_text(encoding="utf-8")
        for suffix, name in (
            (".json", "results.json"),
            (".md", "summary.md"),
            (".html", "index.html"),
        )
    }
    assert secrets_in(result.stdout + report[".json"], asked) == []
    assert secrets_in(report[".md"] + report[".html"], asked, refs=False) == []


@pytest.fixture()
def slack_assistant(restricted_index: Settings):
    return Assistant(restricted_index)


pytest_plugins = ["tests.slack_fixtures"]


def test_slack_never_posts_the_restricted_paper_where_it_may_not_be_seen(slack_rig_factory) -> None:
    rig = slack_rig_factory(slack_access={"C0EXEMPT": ["public", "restricted"]})
    question = "what is happening with the fennel house sale?"
    rig.mention(question, ts="1700000900.000100", channel="C0COUNCIL")
    rig.message(
        "what's the status of 90.1?", ts="1700000901.000100", channel="D0CLLR", channel_type="im"
    )
    rig.mention(question, ts="1700000902.000100", channel="C0EXEMPT")
    posts = {c.args["channel"]: c for c in rig.mock.wait_for("chat.postMessage", count=3)}
    rig.command(
        "which commitments are red?", channel="C0EXEMPT"
    )  # private but shareable into C0EXEMPT
    [private] = rig.mock.wait_for("response_url")
    for seen_by_public in (posts["C0COUNCIL"], posts["D0CLLR"], private):
        text = json.dumps(seen_by_public.args)
        assert secrets_in(text, question + " 90.1") == [], text[:500]
        for value in seen_by_public.buttons().values():  # nearest-item buttons ask about…
            assert secrets_in(value) == [], value
    assert "Fennel House" in posts["C0EXEMPT"].block_text()  # the channel cleared for it sees it
