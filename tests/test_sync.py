"""``planbot sync moderngov`` end to end, through the real ``planbot`` command.

A local committee system → files, manifest, index.

The committee system is the loopback stand-in of ``moderngov_server.py`` serving real
Kent papers (Cabinet 30 January, County Council 13 February, later Cabinet 4 March
2025). Each sync runs the real command, the real downloads and the real ingest (real
model, real Chroma), on nine short PDFs so each step takes seconds.

* The first sync fetches every paper, writes the right manifest entries (and keeps a
  hand-written one) and a record of each meeting; the second fetches nothing.
* A new meeting, a replaced paper (new publication date; same date but a new size), a
  deleted paper and a paper turned restricted are each picked up, in files, manifest
  and index.
* Server errors, timeouts, a truncated download, malformed XML, an entity bomb and an
  unknown committee each stop the sync with one clear line and leave the corpus and
  the index exactly as they were.
* A sync killed with SIGKILL in the middle of a download leaves no half-written file
  where the ingest would read it, and the next sync completes.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from moderngov_server import (
    CAB_JAN,
    CAB_MAR,
    CC_FEB,
    KENT,
    ModernGovServer,
    kent_system,
    march_meeting,
)

from assistant.config import REPO_ROOT, Settings
from connectors.cli import cli
from indexing.store import IndexStore, current_generation

# Syncs and ingests real papers through the configured store.
pytestmark = [pytest.mark.store, pytest.mark.slow]

HAND_WRITTEN = "officer-notes.md"


class Scenario:
    def __init__(self, root: Path) -> None:
        self.server = ModernGovServer(kent_system(march=False))
        self.settings = Settings(data_dir=root / "index", corpus_dir=root / "corpus")
        self.settings.corpus_dir.mkdir(parents=True)
        (self.settings.corpus_dir / HAND_WRITTEN).write_text(
            "# Notes for the portfolio holder\n\nThe draft budget goes to County Council in February.\n",
            encoding="utf-8",
        )
        (self.settings.corpus_dir / "manifest.yaml").write_text(
            yaml.safe_dump(
                {
                    "documents": {
                        HAND_WRITTEN: {
                            "title": "Officer notes",
                            "kind": "other",
                            "access": "members",
                        },
                    }
                }
            ),
            encoding="utf-8",
        )

    def env(self) -> dict[str, str]:
        return {
            "PLANBOT_DATA_DIR": str(self.settings.data_dir),
            "PLANBOT_CORPUS_DIR": str(self.settings.corpus_dir),
        }

    def args(self, *extra: str) -> list[str]:
        return [
            "moderngov",
            self.server.url,
            "--committee",
            "Cabinet",
            "--committee",
            "county council",
            "--since",
            "2025-01-01",
            "--until",
            "31/03/2025",
            "--interval",
            "0",
            *extra,
        ]

    def sync(self, *extra: str) -> Result:
        from assistant import config

        config.get_settings.cache_clear()
        try:
            return CliRunner().invoke(cli, ["sync", *self.args(*extra)], env=self.env())
        finally:
            config.get_settings.cache_clear()

    def manifest(self) -> dict[str, dict]:
        return yaml.safe_load(
            (self.settings.corpus_dir / "manifest.yaml").read_text(encoding="utf-8")
        )["documents"]

    def documents(self) -> dict[str, object]:
        store = IndexStore.open(self.settings)
        return {doc.meta.file: doc for doc in store.documents}

    def snapshot(self) -> dict[str, str]:
        """Every file the ingest would read (names not hidden), with its hash."""
        return {
            str(p.relative_to(self.settings.corpus_dir)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(self.settings.corpus_dir.rglob("*"))
            if p.is_file() and not p.name.startswith(".")
        }

    def parts(self) -> list[Path]:
        return list(self.settings.corpus_dir.rglob("*.part"))


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory):
    s = Scenario(tmp_path_factory.mktemp("sync"))
    s.first = s.sync()
    s.first_manifest = s.manifest() if s.first.exit_code == 0 else {}
    yield s
    s.server.close()


@pytest.fixture(autouse=True)
def _reset_faults(scenario: Scenario):
    yield
    scenario.server.faults.__init__()  # type: ignore[misc]


def test_first_sync_gets_every_paper_with_its_manifest(scenario: Scenario) -> None:
    assert scenario.first.exit_code == 0, scenario.first.output
    assert "Synced 2 meetings, 6 papers" in scenario.first.output
    papers = scenario.server.system.papers()
    assert dict(scenario.server.downloads) == {pid: 1 for pid in papers}
    manifest = scenario.first_manifest
    by_url = {entry.get("url"): (name, entry) for name, entry in manifest.items()}
    for paper in papers.values():
        name, entry = by_url[scenario.server.paper_url(paper)]
        meeting = next(
            m
            for m in scenario.server.system.meetings.values()
            for i in m.items
            if paper in i.papers
        )
        item = next(i for i in meeting.items if paper in i.papers)
        assert entry["title"] == paper.title
        assert entry["access"] == ("restricted" if paper.restricted else "public")
        assert entry["committee"] == scenario.server.system.committees[meeting.committee_id]
        assert (
            entry["meeting"] == str(meeting.id)
            and entry["meeting_date"] == meeting.date.isoformat()
        )
        assert entry["date"] == meeting.date.isoformat()
        assert entry["agenda_item"] == f"{item.number}. {item.title}"
        path = next(scenario.settings.corpus_dir.rglob(name))
        assert path.read_bytes() == paper.data()
        assert path.parent.name == f"{meeting.date.isoformat()}-m{meeting.id}"
    kinds = {
        manifest[by_url[scenario.server.paper_url(papers[pid])][0]]["kind"]
        for pid in (70052, 70081)
    }
    assert kinds == {"decision"}
    assert (
        manifest[by_url[scenario.server.paper_url(papers[70051])][0]]["period"]
        == "November 2024-25"
    )
    assert manifest[by_url[scenario.server.paper_url(papers[70082])][0]]["kind"] == "form"
    # one record per meeting, with the meeting page as its address
    records = {
        name: e for name, e in manifest.items() if name.endswith(".md") and name != HAND_WRITTEN
    }
    assert {e["title"] for e in records.values()} == {
        "Cabinet — 30 January 2025",
        "County Council — 13 February 2025",
    }
    assert {e["kind"] for e in records.values()} == {"decision"}
    assert {e["url"] for e in records.values()} == {
        f"{scenario.server.url}/ieListDocuments.aspx?MId={CAB_JAN}",
        f"{scenario.server.url}/ieListDocuments.aspx?MId={CC_FEB}",
    }
    assert manifest[HAND_WRITTEN] == {
        "title": "Officer notes",
        "kind": "other",
        "access": "members",
    }
    # and the index holds them, with the labels of the manifest
    docs = {doc.meta.file: doc for doc in IndexStore.open(scenario.settings).documents}
    assert set(docs) == set(manifest)
    eqia = docs[by_url[scenario.server.paper_url(papers[70082])][0]]
    assert eqia.meta.access.value == "restricted" and eqia.meta.committee == "Cabinet"
    record = next(d for name, d in docs.items() if name.startswith("cabinet-2025-01-30"))
    assert record.meta.meeting_date == "2025-01-30" and record.meta.kind.value == "decision"


def test_second_sync_changes_nothing(scenario: Scenario) -> None:
    """Through the GET form this time: it reads the same committee system as SOAP did."""
    before = (
        scenario.snapshot(),
        current_generation(scenario.settings.data_dir),
        dict(scenario.server.downloads),
    )
    result = scenario.sync("--form", "get")
    assert result.exit_code == 0, result.output
    assert "downloaded 0" in result.output and "Index up to date" in result.output
    assert (
        scenario.snapshot(),
        current_generation(scenario.settings.data_dir),
        dict(scenario.server.downloads),
    ) == before


def _expect_unchanged(scenario: Scenario, result: Result, *fragments: str) -> None:
    assert result.exit_code == 1, result.output
    last = result.output.strip().splitlines()[-1]
    assert last.startswith("Error: ") and "nothing was changed" in last, result.output
    for fragment in fragments:
        assert fragment in last, result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("fault", "fragments"),
    [
        ("500", (f"GetMeeting(lMeetingId={CAB_JAN}): the server answered 500",)),
        ("timeout", ("GetMeetings(lCommitteeId=144", "did not answer in time (after 2 tries)")),
        ("truncated", ("download of", "s70051", "cut short")),
        ("malformed", (f"GetMeeting(lMeetingId={CAB_JAN}): the reply is not well-formed XML",)),
        ("bomb", ("GetCommittees(): refused the reply: it declares a DOCTYPE or entities",)),
    ],
)
def test_failures_leave_corpus_and_index_as_they_were(
    scenario: Scenario, fault: str, fragments: tuple[str, ...]
) -> None:
    server = scenario.server
    paper = server.system.papers()[70051]
    published = paper.published
    before = (scenario.snapshot(), current_generation(scenario.settings.data_dir))
    if fault == "500":
        server.faults.status500.add("GetMeeting")
    elif fault == "timeout":
        server.faults.sleep["GetMeetings"] = 1.0
    elif fault == "truncated":
        paper.published = "29/01/2025 09:00:00"  # republished, so it is fetched again
        server.faults.truncate.add(70051)
    elif fault == "malformed":
        server.faults.malformed.add("GetMeeting")
    elif fault == "bomb":
        server.faults.bomb.add("GetCommittees")
    try:
        result = scenario.sync("--timeout", "0.3", "--retries", "1")
    finally:
        paper.published = published
    _expect_unchanged(scenario, result, *fragments)
    assert (scenario.snapshot(), current_generation(scenario.settings.data_dir)) == before
    assert scenario.parts() == []


def test_unknown_committee_lists_the_real_names(scenario: Scenario) -> None:
    before = scenario.snapshot()
    result = CliRunner().invoke(
        cli,
        ["sync", "moderngov", scenario.server.url, "--committee", "Cabinett", "--interval", "0"],
        env=scenario.env(),
    )
    _expect_unchanged(
        scenario,
        result,
        "no committee called 'Cabinett'; the committees are: Cabinet, "
        "County Council, Governance and Audit Committee, Scrutiny Committee",
    )
    assert scenario.snapshot() == before


def test_changes_are_picked_up(scenario: Scenario) -> None:
    server, system = scenario.server, scenario.server.system
    downloads = dict(server.downloads)

    # a new meeting: Cabinet on 4 March publishes its agenda
    system.meetings[CAB_MAR] = march_meeting()
    result = scenario.sync()
    assert result.exit_code == 0, result.output
    new = {p.id for i in system.meetings[CAB_MAR].items for p in i.papers}
    assert {pid for pid in server.downloads if server.downloads[pid] > downloads.get(pid, 0)} == new
    manifest = scenario.manifest()
    march = {n: e for n, e in manifest.items() if e.get("meeting") == str(CAB_MAR)}
    assert len(march) == len(new) + 1
    assert {e["kind"] for e in march.values()} >= {"performance", "budget", "agenda"}
    docs = scenario.documents()
    assert set(march) <= set(docs)

    # a replaced paper: new bytes and a new publication date
    paper = system.papers()[70052]
    name = next(n for n, e in manifest.items() if e.get("url") == server.paper_url(paper))
    old_sha = hashlib.sha256(paper.data()).hexdigest()
    paper.path, paper.published = (
        KENT / "cabinet_2025-01-30__24-00115 - PROD.pdf",
        "28/01/2025 10:00:00",
    )
    result = scenario.sync()
    assert result.exit_code == 0, result.output
    assert "replaced" in result.output and server.downloads[70052] == 2
    path = next(scenario.settings.corpus_dir.rglob(name))
    assert (
        path.read_bytes() == paper.data()
        and hashlib.sha256(path.read_bytes()).hexdigest() != old_sha
    )
    assert scenario.documents()[name].sha256 == hashlib.sha256(paper.data()).hexdigest()

    # replaced again with the same publication date: the stated size gives it away
    paper.path = KENT / "cabinet_2025-01-30__24-00108 - PROD.pdf"
    result = scenario.sync()
    assert result.exit_code == 0, result.output
    assert server.downloads[70052] == 3 and path.read_bytes() == paper.data()

    # a deleted paper: taken off the agenda
    item = next(i for i in system.meetings[CC_FEB].items if any(p.id == 71063 for p in i.papers))
    gone = next(
        n
        for n, e in scenario.manifest().items()
        if e.get("url") == server.paper_url(system.papers()[71063])
    )
    item.papers = [p for p in item.papers if p.id != 71063]
    result = scenario.sync()
    assert result.exit_code == 0, result.output
    assert "removed" in result.output
    assert gone not in scenario.manifest() and not list(scenario.settings.corpus_dir.rglob(gone))
    assert gone not in scenario.documents()


def test_paper_turned_restricted_is_relabelled(scenario: Scenario) -> None:
    server = scenario.server
    paper = server.system.papers()[70051]
    count = server.downloads[70051]
    label = next(
        n for n, e in scenario.manifest().items() if e.get("url") == server.paper_url(paper)
    )
    paper.restricted = True
    result = scenario.sync()
    assert result.exit_code == 0, result.output
    assert "relabelled" in result.output and "now restricted" in result.output
    assert server.downloads[70051] == count  # the bytes did not change: not fetched again
    assert scenario.manifest()[label]["access"] == "restricted"
    record = next(
        scenario.settings.corpus_dir.rglob(f"cabinet-2025-01-30-meeting-{CAB_JAN}.md")
    ).read_text()
    assert paper.title not in record and "restricted paper" in record
    assert scenario.manifest()[HAND_WRITTEN]["title"] == "Officer notes"


def test_relabelled_paper_is_restricted_in_the_index(scenario: Scenario) -> None:
    server = scenario.server
    paper = server.system.papers()[70081]
    label = next(
        n for n, e in scenario.manifest().items() if e.get("url") == server.paper_url(paper)
    )
    paper.restricted = True
    result = scenario.sync()
    assert result.exit_code == 0, result.output
    assert scenario.manifest()[label]["access"] == "restricted"
    assert scenario.documents()[label].meta.access.value == "restricted"


def test_papers_that_are_not_documents_are_skipped(scenario: Scenario) -> None:
    from moderngov_server import Item, Paper

    server, meeting = scenario.server, scenario.server.system.meetings[CC_FEB]
    whole = (KENT / "cabinet_2025-01-30__24-00115 - EqIA.pdf").read_bytes()
    item = Item(
        51099,
        "7",
        "Papers that cannot be indexed",
        papers=[
            Paper(
                79001,
                "A web page",
                KENT,
                content=b"<html><body>Moved</body></html>",
                content_type="text/html",
            ),
            Paper(79002, "Half a PDF", KENT, content=whole[: len(whole) // 2]),
            Paper(79003, "A large PDF", KENT / "cabinet_2025-03-04__QPR Q3 Cabinet appendix 1.pdf"),
            Paper(
                79004,
                "An exempt appendix",
                KENT / "cabinet_2025-01-30__24-00115 - EqIA.pdf",
                restricted=True,
            ),
        ],
    )
    server.faults.forbidden.add(79004)
    meeting.items.append(item)
    try:
        before = scenario.snapshot()
        result = scenario.sync("--max-size", "1", "--json")
        assert result.exit_code == 0, result.output
        changes = {c["title"]: c for c in json.loads(result.output)["changes"]}
        reasons = {
            title: changes[title]["reason"]
            for title in ("A web page", "Half a PDF", "A large PDF", "An exempt appendix")
        }
        assert {changes[t]["change"] for t in reasons} == {"skipped"}
        assert reasons["A web page"] == "the server sent text/html, not a document"
        assert reasons["Half a PDF"] == "it is not a whole PDF (no PDF header or end marker)"
        assert (
            reasons["A large PDF"].startswith("it is ")
            and "over the 1,048,576-byte limit" in reasons["A large PDF"]
        )
        assert reasons["An exempt appendix"] == "the server refused it (403)"
        urls = {e.get("url") for e in scenario.manifest().values()}
        assert not urls & {server.paper_url(p) for p in item.papers}
        after = scenario.snapshot()
        record = (
            f"county-council/2025-02-13-m{CC_FEB}/county-council-2025-02-13-meeting-{CC_FEB}.md"
        )
        assert (
            set(after) == set(before) and after[record] != before[record]
        )  # no new file; the record lists the item
        assert scenario.parts() == []
    finally:
        meeting.items.remove(item)
        server.faults.forbidden.clear()


def test_killed_sync_leaves_nothing_half_written(scenario: Scenario) -> None:
    server = scenario.server
    paper = server.system.papers()[71061]
    paper.published = "06/02/2025 09:00:00"  # republished: the next sync fetches it again
    server.faults.slow_download[71061] = 0.5
    before = (scenario.snapshot(), current_generation(scenario.settings.data_dir))
    command = [
        sys.executable,
        "-c",
        "from connectors.cli import main; main()",
        "sync",
        *scenario.args(),
    ]
    env = {
        **os.environ,
        **scenario.env(),
        "PYTHONPATH": f"{REPO_ROOT}{os.pathsep}{REPO_ROOT / 'tests'}",
    }
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not scenario.parts() and time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.05)
        assert scenario.parts(), "the sync never started downloading"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert (scenario.snapshot(), current_generation(scenario.settings.data_dir)) == before
    server.faults.slow_download.clear()
    result = scenario.sync()
    assert result.exit_code == 0, result.output
    assert scenario.parts() == []
    state = next(
        scenario.settings.corpus_dir.rglob(f"{'2025-02-13'}-m{CC_FEB}/.moderngov-sync.json")
    ).read_text()
    assert "06/02/2025 09:00:00" in state
