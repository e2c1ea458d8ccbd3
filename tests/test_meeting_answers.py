"""Questions about meetings, after a real ``planbot sync`` of a committee system.

The loopback committee system of ``moderngov_server.py`` (real Kent papers: Cabinet on
30 January and 4 March 2025, County Council on 13 February 2025) is synced through the
real ``planbot sync moderngov`` command (real downloads, real ingest, real embeddings and
Chroma), then asked through the real ``planbot ask`` command, in JSON and as text:

* "what did Cabinet decide on 4 March 2025?" and "when did County Council meet to set
  the budget?" are answered, citing the meeting record and linking to the papers;
* a decision is found by its subject, a chair by the meeting's date;
* a meeting, a date or a committee the corpus does not have is declined, naming what
  it does have; "the next meeting" after today is declined the same way.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from moderngov_server import CAB_MAR, CC_FEB, ModernGovServer, kent_system

from connectors.cli import cli

pytestmark = pytest.mark.store  # syncs and ingests through the configured store


class Synced:
    def __init__(self, root: Path) -> None:
        self.server = ModernGovServer(kent_system())
        self.env = {
            "PLANBOT_DATA_DIR": str(root / "index"),
            "PLANBOT_CORPUS_DIR": str(root / "corpus"),
            "HF_HUB_OFFLINE": "1",
        }

    def run(self, *args: str):
        from assistant import config

        config.get_settings.cache_clear()
        try:
            return CliRunner().invoke(cli, list(args), env=self.env)
        finally:
            config.get_settings.cache_clear()

    def sync(self):
        return self.run(
            "sync",
            "moderngov",
            self.server.url,
            "--committee",
            "cabinet",
            "--committee",
            "county council",
            "--since",
            "2025-01-01",
            "--until",
            "2025-03-31",
            "--interval",
            "0",
        )

    def ask(self, question: str) -> dict:
        result = self.run("ask", "--json", question)
        assert result.exit_code == 0, result.output
        return json.loads(result.output)


@pytest.fixture(scope="module")
def synced(tmp_path_factory: pytest.TempPathFactory):
    s = Synced(tmp_path_factory.mktemp("meetings"))
    result = s.sync()
    assert result.exit_code == 0, result.output
    yield s
    s.server.close()


def _urls(answer: dict) -> list[str]:
    return [c["url"] for c in answer["citations"] if c.get("url")]


def test_cabinet_4_march_decisions_cite_the_record_and_link_the_papers(synced: Synced) -> None:
    answer = synced.ask("what did Cabinet decide on 4 March 2025?")
    assert answer["answered"], answer["answer"]
    assert "4 March 2025" in answer["answer"] and "published yet" in answer["answer"]
    urls = _urls(answer)
    assert f"{synced.server.url}/ieListDocuments.aspx?MId={CAB_MAR}" in urls
    papers = [u for u in urls if u.startswith(f"{synced.server.url}/documents/")]
    assert papers, answer  # the papers of the items awaiting decision, linked
    assert all(c["date"] == "2025-03-04" for c in answer["citations"])


def test_when_county_council_met_to_set_the_budget(synced: Synced) -> None:
    answer = synced.ask("when did County Council meet to set the budget?")
    assert answer["answered"], answer["answer"]
    assert "13 February 2025" in answer["answer"]
    quotes = " ".join(c["quote"] for c in answer["citations"])
    assert "net revenue budget requirement of £1,530.9m" in quotes  # the budget decision
    urls = _urls(answer)
    assert f"{synced.server.url}/ieListDocuments.aspx?MId={CC_FEB}" in urls
    assert any(u.startswith(f"{synced.server.url}/documents/s710") for u in urls), urls


def test_the_text_output_shows_the_links(synced: Synced) -> None:
    result = synced.run("ask", "when did County Council meet to set the budget?")
    assert result.exit_code == 0, result.output
    assert f"{synced.server.url}/documents/" in result.output


def test_the_text_output_links_a_paper_at_its_page(synced: Synced) -> None:
    """A paper's source line is followed by its public address at the quoted page, on one
    line however long, so that it opens from the terminal."""
    result = synced.run(
        "ask", "what is the savings target in the revenue and capital budget monitoring report?"
    )
    assert result.exit_code == 0, result.output
    link = rf"^    {re.escape(synced.server.url)}/documents/s\d+/\S+\.pdf#page=\d+$"
    assert re.search(link, result.output, re.M), result.output


def test_a_request_for_a_paper_gives_its_meeting_and_link(synced: Synced) -> None:
    """ "send me the november budget monitoring report": that report (not the record of
    the decision on it, listed under the same item), named with the record's list of its
    item's papers, and its link."""
    answer = synced.ask("can you send me the link to the november budget monitoring report?")
    assert answer["answered"], answer["answer"]
    report = "revenue-and-capital-budget-monitoring-report-november-2024-2-70051"
    assert answer["metadata"]["papers"] == [report]
    assert "Cabinet meeting of 30 January 2025" in answer["answer"]
    assert f"{synced.server.url}/documents/s70051/" in answer["answer"]
    assert any(u.startswith(f"{synced.server.url}/documents/s70051/") for u in _urls(answer))


def test_a_request_for_a_restricted_paper_never_names_it(synced: Synced) -> None:
    answer = synced.ask("send me the equality impact assessment for the ICS delivery plan")
    assert not answer["answered"], answer["answer"]
    assert "EqIA" not in json.dumps(answer) and "s70082" not in json.dumps(answer)


def test_a_decision_is_found_by_its_subject(synced: Synced) -> None:
    answer = synced.ask("what did cabinet decide about the budget monitoring report in january?")
    assert answer["answered"] and "£23.3m" in answer["answer"]
    assert answer["citations"][0]["document_id"].startswith("cabinet-2025-01-30-meeting")


def test_who_chaired_a_meeting_on_a_date(synced: Synced) -> None:
    answer = synced.ask("who chaired county council on 13 feb 2025?")
    assert answer["answered"] and "Mr B J Sweetland" in answer["answer"]


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("what did cabinet decide on 12 march 2025?", "no Cabinet meeting on 12 March 2025"),
        ("who attended the pension fund committee in february?", "pension fund committee"),
        ("when is the next cabinet meeting?", "no Cabinet meeting after today"),
    ],
)
def test_a_meeting_not_in_the_corpus_is_declined(synced: Synced, question: str, says: str) -> None:
    answer = synced.ask(question)
    assert not answer["answered"], answer["answer"]
    assert says in answer["answer"]
    assert "4 March 2025" in answer["answer"] or "Cabinet" in answer["answer"]


@pytest.mark.parametrize(
    ("question", "says", "day"),
    [
        ("who sent apologies to cabinet on 30/1/25?", "Mrs C Bell", "2025-01-30"),
        ("Cabinet decisions March 4", "published yet", "2025-03-04"),
        ("who was chairman of the 30th January cabinet?", "Mr R W Gough", "2025-01-30"),
        ("who chaired full council on 13/02/2025?", "Mr B J Sweetland", "2025-02-13"),
    ],
)
def test_dates_written_day_first_or_month_first(
    synced: Synced, question: str, says: str, day: str
) -> None:
    answer = synced.ask(question)
    assert answer["answered"], answer["answer"]
    assert says in answer["answer"]
    assert answer["citations"][0]["date"] == day


def test_a_day_first_date_the_corpus_lacks_is_declined(synced: Synced) -> None:
    answer = synced.ask("who sent apologies to the cabinet meeting on 6/2/25?")
    assert not answer["answered"], answer["answer"]
    assert "no Cabinet meeting on 6 February 2025" in answer["answer"]


@pytest.mark.parametrize(
    ("question", "phrase"),
    [
        ("what did cabinet decide last tuesday?", "last tuesday"),
        ("what was agreed at yesterday's cabinet?", "yesterday"),
        ("what's on the agenda at full council next week?", "next week"),
    ],
)
def test_a_day_counted_from_today_is_declined_not_answered_from_another_meeting(
    synced: Synced, question: str, phrase: str
) -> None:
    answer = synced.ask(question)
    assert not answer["answered"], answer["answer"]
    assert phrase in answer["answer"]


def test_the_next_meeting_after_a_subject_date(synced: Synced) -> None:
    """'The next meeting' after the minutes' date is the one that approved them."""
    answer = synced.ask("were the minutes of the 9 january cabinet signed off at the next meeting?")
    assert answer["answered"], answer["answer"]
    assert "correct record" in answer["answer"]
    assert answer["citations"][0]["date"] == "2025-01-30"


def test_reports_published_for_an_item_are_linked(synced: Synced) -> None:
    answer = synced.ask(
        "which reports were published for the budget monitoring item at cabinet in january?"
    )
    assert answer["answered"], answer["answer"]
    assert any("/documents/s70052/" in u for u in _urls(answer)), answer


# --- what the papers of a meeting say --------------------------------------------------
def _quotes(answer: dict) -> str:
    return " ".join(c.get("quote") or "" for c in answer["citations"])


def test_a_short_form_of_a_papers_title(synced: Synced) -> None:
    """ "lib dem" begins the words "Liberal Democrats" of the amendment's title."""
    answer = synced.ask("who seconded the lib dem amendment on LEVI?")
    assert answer["answered"], answer["answer"]
    assert "Streatfeild" in answer["answer"]


def test_what_another_body_agreed_is_quoted_with_the_motion_on_the_next_page(
    synced: Synced,
) -> None:
    """The scrutiny committee's decision is the sentence recording it ("… agreed the
    following motion:") with the motion it introduces, printed on the next page."""
    answer = synced.ask(
        "what did the scrutiny committee agree about decision 24/00093 before it went back"
        " to cabinet?"
    )
    assert answer["answered"], answer["answer"]
    assert "postponed pending review by the full Council" in answer["answer"]
    assert any(
        c["page"] == 2 and "postponed pending review" in (c.get("quote") or "")
        for c in answer["citations"]
    ), answer["citations"]


def test_a_figure_in_the_papers_of_a_named_committee(synced: Synced) -> None:
    """A figure no record statement gives is looked for in the meeting's papers, not
    answered with the decision that shares the most words."""
    answer = synced.ask(
        "how much is the children young people and education directorate underspending in"
        " the budget monitoring that went to cabinet?"
    )
    assert answer["answered"], answer["answer"]
    assert "£9.9m" in _quotes(answer)


def test_a_paper_named_without_its_committee(synced: Synced) -> None:
    """ "the revenue and capital budget monitoring report" names a paper of a meeting:
    the savings target is read from it, a percentage for "what share"."""
    answer = synced.ask(
        "what is the savings target in the revenue and capital budget monitoring report?"
    )
    assert answer["answered"], answer["answer"]
    assert "£111.2m" in answer["answer"]
    answer = synced.ask(
        "what share of the revenue budget is the forecast overspend in the november budget"
        " monitoring report?"
    )
    assert "1.6%" in answer["answer"], answer["answer"]


def test_an_items_subject_alone_names_its_meeting(synced: Synced) -> None:
    """No committee and no date: the agenda item's title names the meeting whose record
    says what was decided on it and when — not the proposed decision in its paper."""
    answer = synced.ask("what was decided about the integrated care strategy delivery plan?")
    assert answer["answered"], answer["answer"]
    assert "Adopt the Integrated Care Strategy Delivery Plan" in answer["answer"]
    assert answer["citations"][0]["date"] == "2025-01-30"


def test_the_decision_on_an_item_by_its_number(synced: Synced) -> None:
    answer = synced.ask("what did cabinet resolve on item 8 on 30 january?")
    assert answer["answered"], answer["answer"]
    assert "Adopt the Integrated Care Strategy Delivery Plan" in answer["answer"]


def test_a_place_in_the_agenda(synced: Synced) -> None:
    answer = synced.ask("what was the first item on the agenda at full council in february?")
    assert "Minutes of the meetings held on 19 December 2024 and 9 January 2025" in answer["answer"]


def test_who_wrote_a_paper_is_its_contact_details(synced: Synced) -> None:
    """The author is in the paper's contact details, laid out in columns ("Report Author
    Relevant Director", the names below): the line below is quoted with the labels."""
    answer = synced.ask("who was the author of the november budget monitoring report?")
    assert answer["answered"] and "Joe McKay" in _quotes(answer), answer["answer"]


def test_a_report_from_its_senders_is_their_from_block(synced: Synced) -> None:
    """ "Who is it from?" is the report's "From:" lines up to its "To:" line (the leader
    and his deputy), not the officer in its contact details."""
    answer = synced.ask("who is the qpr cover report to cabinet in march from?")
    assert answer["answered"], answer["answer"]
    assert "Roger Gough" in _quotes(answer) and "Amanda Beer" in _quotes(answer)
    assert "To:" not in _quotes(answer)


def test_the_meeting_before_a_named_one_is_that_meeting(synced: Synced) -> None:
    answer = synced.ask("which cabinet meeting came before the one on 4 march 2025?")
    assert answer["answered"] and "30 January 2025" in answer["answer"], answer["answer"]
    assert answer["citations"][0]["date"] == "2025-01-30"


def test_the_meeting_that_had_a_paper_is_the_one_whose_record_lists_it(synced: Synced) -> None:
    answer = synced.ask(
        "which meeting had the lib dem LEVI capital funding amendment on its agenda?"
    )
    assert "County Council meeting of 13 February 2025" in answer["answer"], answer["answer"]
    assert "Papers for item 6" in _quotes(answer)  # the record's line for the item
    assert answer["citations"][0]["date"] == "2025-02-13"
