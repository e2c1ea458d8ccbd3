"""The ModernGov client against a local web service speaking SOAP 1.1 and the GET form.

No index here: these check what the client reads from real-shaped replies, how it
names a failing call, that it retries only what a retry can fix, and that hostile
XML is refused. The end-to-end syncs are in ``test_sync.py``.
"""

from __future__ import annotations

from datetime import date

import pytest
from moderngov_server import CAB_JAN, CABINET, ModernGovServer, kent_system

from connectors.sources.kinds import infer_kind, infer_period
from connectors.sources.meeting_doc import html_text, render
from connectors.sources.moderngov import ModernGovClient, SourceError, service_url


@pytest.fixture(scope="module")
def server():
    with ModernGovServer(kent_system()) as running:
        yield running


@pytest.fixture(autouse=True)
def _no_faults(server: ModernGovServer):
    yield
    server.faults.__init__()  # type: ignore[misc]


def _client(server: ModernGovServer, **options) -> ModernGovClient:
    return ModernGovClient(server.url, interval=0, backoff=0.01, **{"timeout": 5.0, **options})


@pytest.mark.parametrize("form", ["soap", "get"])
def test_both_forms_read_the_same_committee_system(server: ModernGovServer, form: str) -> None:
    with _client(server, form=form) as client:
        committees = client.committees()
        assert [c.title for c in committees] == [
            "Cabinet",
            "County Council",
            "Scrutiny Committee",
            "Governance and Audit Committee",
        ]
        cabinet = committees[0]
        meetings = client.meetings(CABINET, date(2025, 1, 1), date(2025, 3, 31))
        assert [(m.id, m.date) for m in meetings] == [
            (CAB_JAN, date(2025, 1, 30)),
            (9825, date(2025, 3, 4)),
        ]
        assert client.meetings(CABINET, date(2025, 2, 1), date(2025, 2, 28)) == []
        meeting = client.meeting(CAB_JAN, cabinet)
    assert meeting.date == date(2025, 1, 30) and meeting.time == "10:00"
    assert meeting.page_url == f"{server.url}/ieListDocuments.aspx?MId={CAB_JAN}"
    numbers = [item.number for item in meeting.agenda]
    assert numbers == ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
    item8 = meeting.agenda[7]
    assert item8.title.startswith("24/00115") and item8.is_decision
    assert [(a.id, a.restricted) for a in item8.attachments] == [(70081, False), (70082, True)]
    assert item8.attachments[0].url == f"{server.url}/documents/s70081/24-00115%20-%20PROD.pdf"
    assert "Adopt the Integrated Care Strategy Delivery Plan" in html_text(
        item8.decision_html or ""
    )
    assert meeting.attendees[0].name == "Mr R W Gough" and meeting.attendees[0].role == "Chairman"
    assert [a.name for a in meeting.attendees if a.attendance == "Apologies"] == ["Mrs C Bell"]


def test_get_attachment_details(server: ModernGovServer) -> None:
    with _client(server) as client:
        details = client.attachment(70082)
    assert details.title == "24-00115 - EqIA" and details.restricted
    assert details.publication_date == "22/01/2025 17:00:00"


def test_server_error_is_retried_then_named(server: ModernGovServer) -> None:
    server.faults.status500.add("GetMeetings")
    before = server.calls["GetMeetings"]
    with _client(server, retries=2) as client, pytest.raises(SourceError) as err:
        client.meetings(CABINET, date(2025, 1, 1), date(2025, 3, 31))
    assert server.calls["GetMeetings"] - before == 3  # the first try and two retries
    message = str(err.value)
    assert message.startswith(
        "GetMeetings(lCommitteeId=144, sFromDate=01/01/2025, sToDate=31/03/2025)"
    )
    assert "500" in message and "\n" not in message


def test_a_client_error_is_not_retried(server: ModernGovServer) -> None:
    server.faults.status404.add("GetCommittees")
    before = server.calls["GetCommittees"]
    with (
        _client(server, retries=3) as client,
        pytest.raises(SourceError, match=r"^GetCommittees\(\): .*404"),
    ):
        client.committees()
    assert server.calls["GetCommittees"] - before == 1


def test_timeout_is_retried_and_reported(server: ModernGovServer) -> None:
    server.faults.sleep["GetCommittees"] = 0.6
    before = server.calls["GetCommittees"]
    with _client(server, timeout=0.2, retries=1) as client, pytest.raises(SourceError) as err:
        client.committees()
    assert server.calls["GetCommittees"] - before == 2
    assert "GetCommittees()" in str(err.value) and "did not answer in time" in str(err.value)


def test_malformed_xml_is_one_clear_line(server: ModernGovServer) -> None:
    server.faults.malformed.add("GetMeeting")
    with _client(server) as client, pytest.raises(SourceError) as err:
        client.meeting(CAB_JAN, kent_system_committee())
    assert str(err.value).startswith(
        f"GetMeeting(lMeetingId={CAB_JAN}): the reply is not well-formed XML"
    )


@pytest.mark.parametrize("form", ["soap", "get"])
def test_entity_bomb_is_refused_before_expansion(server: ModernGovServer, form: str) -> None:
    server.faults.bomb.add("GetCommittees")
    with _client(server, form=form) as client, pytest.raises(SourceError) as err:
        client.committees()
    assert "refused the reply" in str(err.value) and "DOCTYPE" in str(err.value)


def test_polite_interval_between_requests(server: ModernGovServer) -> None:
    pauses: list[float] = []
    client = ModernGovClient(server.url, interval=0.5, sleep=pauses.append)
    with client:
        client.committees()
        client.committees()
        client.committees()
    assert len(pauses) >= 2 and all(0 < p <= 0.5 for p in pauses)


def test_service_url_accepts_the_site_or_the_endpoint() -> None:
    assert service_url("https://democracy.example.gov.uk/") == (
        "https://democracy.example.gov.uk",
        "https://democracy.example.gov.uk/mgWebService.asmx",
    )
    assert (
        service_url("https://democracy.example.gov.uk/mgWebService.asmx")[0]
        == "https://democracy.example.gov.uk"
    )
    with pytest.raises(SourceError, match="not a web address"):
        service_url("democracy.example.gov.uk")


@pytest.mark.parametrize(
    ("title", "item", "kind"),
    [
        ("Printed minutes 13th-Feb-2025 09.30 County Council", None, "minutes"),
        ("Agenda frontsheet 04th-Mar-2025 10.00 Cabinet", None, "agenda"),
        ("24-00108 - PROD", "24/00108 - Revenue and Capital Budget Monitoring Report", "decision"),
        ("Record of Decision", None, "decision"),
        ("Appendix I Budget Risk Register 22.01.25", None, "risk_register"),
        ("QPR Q3 Cabinet appendix 1", "Quarterly Performance Report, Q3 2024-2025", "performance"),
        ("24-00115 - EqIA", None, "form"),
        ("Appendix D - 3 Year Revenue Plan", None, "budget"),
        ("Appendix G - Reserves Policy", None, "appendix"),
        ("Written questions and answers", None, "questions"),
        ("Report", "Quarterly Performance Report", "performance"),
        (
            "Scrutiny Committee - call-in Family Hubs Report to Cabinet - FINAL",
            "Reconsideration of Decision",
            "report",
        ),
    ],
)
def test_kind_from_titles(title: str, item: str | None, kind: str) -> None:
    assert infer_kind(title, item) == kind


@pytest.mark.parametrize(
    ("titles", "period"),
    [
        (
            ("QPR Q3 Cabinet appendix 1", "Quarterly Performance Report, Q3 2024-2025"),
            "Q3 2024-2025",
        ),
        (("Revenue and Capital Budget Monitoring Report November 2024-25",), "November 2024-25"),
        (("Cabinet Report 4 March 2025",), None),
        (("Draft Capital Programme 2025-35",), "2025-35"),
    ],
)
def test_period_from_titles(titles: tuple[str, ...], period: str | None) -> None:
    assert infer_period(*titles) == period


def test_meeting_record_hides_restricted_papers(server: ModernGovServer) -> None:
    with _client(server) as client:
        meeting = client.meeting(CAB_JAN, kent_system_committee())
    text = render(meeting, {70081: "24-00115-prod-70081.pdf"})
    assert text.startswith("# Cabinet — 30 January 2025\n")
    assert "24-00115 - PROD (24-00115-prod-70081.pdf)" in text
    assert "EqIA" not in text and "1 restricted paper not listed here." in text
    assert "Mr R W Gough chaired the Cabinet meeting of 30 January 2025 (Chairman)." in text
    assert "Apologies at the Cabinet meeting of 30 January 2025: Mrs C Bell." in text
    assert (
        "Decision of Cabinet on 30 January 2025 on item 5 (24/00108 - Revenue and Capital Budget Monitoring "
        "Report – November 2024-25): RESOLVED that Cabinet agree to: Note the forecast revenue overspend of "
        "£23.3m (excluding Schools); Note the forecast overspend"
    ) in text
    assert "\n\n\n" not in text


def kent_system_committee():
    from connectors.sources.model import Committee

    return Committee(id=CABINET, title="Cabinet")


def test_papers_are_fetched_only_from_the_committee_site(server: ModernGovServer, tmp_path) -> None:
    from connectors.sources.moderngov import PaperProblem

    with _client(server) as client, pytest.raises(PaperProblem, match="not on the committee site"):
        client.download("http://169.254.169.254/latest/meta-data/", tmp_path / ".x.part")
    assert not (tmp_path / ".x.part").exists()
    with _client(server) as client:
        assert client.head_size("file:///etc/passwd") is None


def test_a_site_that_redirects_its_web_service_is_followed(
    server: ModernGovServer, tmp_path
) -> None:
    """Councils often send democracy.<council>.gov.uk on to the host that runs ModernGov for them."""
    from http.server import BaseHTTPRequestHandler

    from local_server import LocalServer

    class Redirect(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_POST(self) -> None:
            self.send_response(307)
            self.send_header("Location", f"{server.url}{self.path}")
            self.send_header("Content-Length", "0")
            self.end_headers()

    with (
        LocalServer(Redirect) as front,
        ModernGovClient(f"http://127.0.0.1:{front.port}", interval=0) as client,
    ):
        assert [c.title for c in client.committees()][0] == "Cabinet"
        assert client.site == server.url
        meeting = client.meeting(CAB_JAN, kent_system_committee())
        paper = meeting.agenda[4].attachments[0]
        got = client.download(paper.url or "", tmp_path / ".a.part")
    assert got.size == (tmp_path / ".a.part").stat().st_size > 0
