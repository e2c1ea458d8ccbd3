"""A local stand-in for a ModernGov committee system's web service, on loopback.

It speaks what public clients of ``mgWebService.asmx`` use: SOAP 1.1 POSTs (namespace
``http://moderngov.co.uk/namespaces``, ``SOAPAction: <namespace>/<Operation>``, reply
``<Operation>Response/<Operation>Result``) and the GET form
(``mgWebService.asmx/<Operation>?lMeetingId=…``, reply the result's XML), with the
response shapes of GetCommittees, GetMeetings, GetMeeting (agenda items, linked
documents, attendees) and GetAttachment; and the papers themselves under
``/documents/s<id>/<title>.pdf``.

The committee system served is built from real Kent County Council papers
(``evals/corpus-real/kent``): Cabinet on 30 January and 4 March 2025 and County
Council on 13 February 2025, with agenda item titles from the agenda frontsheets and
decisions and attendees from the printed minutes. Faults can be switched on per
operation or paper: server errors, slow answers, malformed XML, an entity bomb, a
truncated or slow download. Every request is counted, so tests can say "nothing
was downloaded".
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlparse
from xml.etree import ElementTree
from xml.sax.saxutils import escape, quoteattr

from local_server import LocalServer

from assistant.config import REPO_ROOT

NS = "http://moderngov.co.uk/namespaces"
KENT = REPO_ROOT / "evals" / "corpus-real" / "kent"

BOMB = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'
        for i in range(1, 10)
    )
    + "]>\n<committees><committee><committeeid>1</committeeid><committeetitle>&lol9;</committeetitle></committee></committees>"
)


@dataclass
class Paper:
    id: int
    title: str
    path: Path
    restricted: bool = False
    published: str = "22/01/2025 17:00:00"
    content: bytes | None = None  # served instead of the file at ``path``
    content_type: str = "application/pdf"

    def data(self) -> bytes:
        return self.content if self.content is not None else self.path.read_bytes()


@dataclass
class Item:
    id: int
    number: str
    title: str
    papers: list[Paper] = field(default_factory=list)
    decision: str | None = None
    minutes: str | None = None
    is_decision: bool = False


@dataclass
class Meeting:
    id: int
    committee_id: int
    date: date
    time: str
    items: list[Item] = field(default_factory=list)
    attendees: list[tuple[str, str, str]] = field(default_factory=list)  # name, role, attendance
    location: str = "Council Chamber, Sessions House, County Hall, Maidstone"


@dataclass
class System:
    committees: dict[int, str]
    meetings: dict[int, Meeting]
    expired: set[int] = field(default_factory=set)

    def papers(self) -> dict[int, Paper]:
        return {p.id: p for m in self.meetings.values() for i in m.items for p in i.papers}


@dataclass
class Faults:
    """Switches a test flips; each names operations (``GetMeeting``) or paper ids."""

    status500: set[str] = field(default_factory=set)
    status404: set[str] = field(default_factory=set)
    sleep: dict[str, float] = field(default_factory=dict)
    malformed: set[str] = field(default_factory=set)
    bomb: set[str] = field(default_factory=set)
    truncate: set[int] = field(default_factory=set)
    slow_download: dict[int, float] = field(default_factory=dict)  # seconds per 16 KB
    forbidden: set[int] = field(default_factory=set)


def _k(name: str) -> Path:
    path = KENT / name
    assert path.exists(), f"missing real paper {path}"
    return path


def _present(text: str) -> list[str]:
    names = [n.strip() for n in text.replace(" and ", ", ").split(", ")]
    merged: list[str] = []
    for name in names:
        if name in ("OBE", "MBE", "CBE") and merged:
            merged[-1] += f", {name}"
        elif name:
            merged.append(name)
    return merged


CABINET, COUNCIL, SCRUTINY, AUDIT = 144, 113, 1009, 150
CAB_JAN, CC_FEB, CAB_MAR = 9781, 9802, 9825
EVAL_ONLY = {70061, 70062, 70091, 71051, 71062, 71064, 72031, 72051, 72062}
"""Papers served only with ``full=True`` (the eval corpus): longer ones, left out of the
tests so that each test's ingest stays short."""

_CC_PRESENT = (
    "Mr N Baker, Mr M Baldock, Mr P Bartlett, Mr D Beaney, Mrs C Bell, Mrs R Binks, Mr T Bond, Mr A Booth, "
    "Mr A Brady, Mr D L Brazier, Mr S R Campkin, Miss S J Carey, Sir Paul Carter, CBE, Mrs S Chandler, "
    "Mr N J D Chard, Mr I S Chittenden, Mrs P T Cole, Mr P Cole, Ms K Constantine, Mr G Cooke, Mr P C Cooper, "
    "Mr M C Dance, Ms M Dawkins, Mr M Dendor, Mrs L Game, Mr R W Gough, Ms K Grehan, Ms S Hamilton, "
    "Mr P M Hill, OBE, Mr A R Hills, Mrs S V Hohler, Mr S Holden, Mr M A J Hood, Mr A J Hook, Mr D Jeffrey, "
    "Mr A Kennedy, Rich Lehmann, Mr B H Lewis, Mr R C Love, OBE, Mr R A Marsh, Ms J Meade, Mr J Meade, "
    "Mr D Murphy, Mr P J Oakford, Mr J M Ozog, Mr C Passmore, Mrs S Prendergast, Mr H Rayner, Mr O Richardson, "
    "Mr D Robey, Mr D Ross, Mr A Sandhu, MBE, Mr T L Shonk, Mr P Stepto, Mr R G Streatfeild, MBE, "
    "Dr L Sullivan, Mr R J Thomas, Mr D Watkins, Mr S Webb, Mr M Whiting, Mr J Wright and Ms L Wright"
)


def kent_system(full: bool = False, march: bool = True) -> System:
    """The committee system. ``full`` adds the longer papers (``EVAL_ONLY``);
    ``march=False`` leaves out the 4 March Cabinet meeting (to publish it later)."""
    jan = "cabinet_2025-01-30__"
    cab_jan = Meeting(
        CAB_JAN,
        CABINET,
        date(2025, 1, 30),
        "10:00",
        items=[
            Item(
                50001, "1", "Apologies", minutes="<p>Apologies were received from Mrs C Bell.</p>"
            ),
            Item(
                50002,
                "2",
                "Declarations of Interest",
                minutes="<p>No declarations of interest were received</p>",
            ),
            Item(
                50003,
                "3",
                "Minutes of the Meeting held on 9th January 2025",
                is_decision=True,
                decision="<p>RESOLVED that the minutes of the meeting on 9 January 2025 were a correct record and "
                "that they be signed by the Chair</p>",
            ),
            Item(50004, "4", "Cabinet Member Updates"),
            Item(
                50005,
                "5",
                "24/00108 - Revenue and Capital Budget Monitoring Report – November 2024-25",
                is_decision=True,
                papers=[
                    Paper(
                        70051,
                        "Revenue and Capital Budget Monitoring Report November 2024-25",
                        _k(
                            jan
                            + "24-00108 - Revenue and Capital Budget Monitoring Report November 2024-25.pdf"
                        ),
                    ),
                    Paper(70052, "24-00108 - PROD", _k(jan + "24-00108 - PROD.pdf")),
                ],
                decision="<p>RESOLVED that Cabinet agree to:</p><ul><li>Note the forecast revenue overspend of £23.3m "
                "(excluding Schools).</li><li>Note the forecast overspend on Schools’ Delegated Budgets of "
                "£30.4m.</li><li>Note the forecast capital underspend of £111.6m.</li><li>Note the progress "
                "on the delivery of savings.</li><li>Agree the Capital budget changes.</li><li>Note the "
                "Reserves, Treasury Management and Prudential Indicators Monitoring</li></ul>",
            ),
            Item(
                50006,
                "6",
                "Draft Revenue Budget 2025-26, MTFP 2025-28, Draft Capital Programme 2025-35 and "
                "Treasury Management Strategy",
                is_decision=True,
                papers=[
                    Paper(
                        70061,
                        "Appendix G - Reserves Policy",
                        _k(jan + "Appendix G - Reserves Policy.pdf"),
                    ),
                    Paper(
                        70062,
                        "Appendix I Budget Risk Register 22.01.25",
                        _k(jan + "Appendix I Budget Risk Register 22.01.25.pdf"),
                    ),
                ],
                decision="<p>RESOLVED that Cabinet considered the proposed amendments from Cabinet Committees and "
                "endorsed the draft budget to be presented to County Council on 13th February for final "
                "decisions.</p>",
            ),
            Item(
                50007,
                "7",
                "24/00109 - Transfer the 18-25 section of the Strengthening Independence Service from "
                "the Children Young People and Education Directorate to the Adult Social Care and Health Directorate",
                is_decision=True,
                decision="<p>RESOLVED that Cabinet agree to transfer the statutory functions delivered by the 18-25 "
                "section of the Strengthening Independence Service, including the transfer of workforce in "
                "services, from the Children Young People and Education Directorate to the Adult Social "
                "Care and Health Directorate from 1 April 2025</p>",
            ),
            Item(
                50008,
                "8",
                "24/00115 - Kent County Council Integrated Care Strategy (KCC ICS) Delivery Plan",
                is_decision=True,
                papers=[
                    Paper(70081, "24-00115 - PROD", _k(jan + "24-00115 - PROD.pdf")),
                    Paper(
                        70082, "24-00115 - EqIA", _k(jan + "24-00115 - EqIA.pdf"), restricted=True
                    ),
                ],
                decision="<p>RESOLVED that Cabinet agree to:</p><p>(a) Adopt the Integrated Care Strategy Delivery "
                "Plan on behalf of Kent County Council</p><p>(b) Delegate authority to the Director of "
                "Public Health in consultation with the Cabinet Member for Adult Social Care and Public "
                "Health and Leader of the Council to refresh and/or make non-substantial revisions to the "
                "Integrated Care Strategy Delivery Plan as appropriate during the lifetime of the "
                "document</p>",
            ),
            Item(
                50009,
                "9",
                "24/00096 - Commissioning Plan for Education Provision in Kent 2025-29",
                is_decision=True,
                papers=[Paper(70091, "24-00096 - PRoD", _k(jan + "24-00096 - PRoD.pdf"))],
                decision="<p>RESOLVED that Cabinet agree the Commissioning Plan for Education Provision in Kent "
                "2025-29</p>",
            ),
        ],
        attendees=[("Mr R W Gough", "Chairman", "Present")]
        + [
            (n, "Member", "Present")
            for n in (
                "Mr N Baker",
                "Mrs S Chandler",
                "Mr D Jeffrey",
                "Mr R C Love, OBE",
                "Mr D Murphy",
                "Mr P J Oakford",
                "Mr D Watkins",
                "Mr R J Thomas",
            )
        ]
        + [("Mrs C Bell", "Member", "Apologies")],
    )

    feb = "full_council_2025-02-13__"
    cc_feb = Meeting(
        CC_FEB,
        COUNCIL,
        date(2025, 2, 13),
        "09:30",
        items=[
            Item(
                51003,
                "3",
                "Minutes of the meetings held on 19 December 2024 and 9 January 2025",
                is_decision=True,
                decision="<p>RESOLVED that the minutes of the meetings held on 19 December 2024 and 9 January 2025 "
                "be approved as a correct record.</p>",
            ),
            Item(51004, "4", "Chairman's Announcements"),
            Item(
                51005,
                "5",
                "Section 25 Report",
                is_decision=True,
                papers=[
                    Paper(
                        71051,
                        "section 25 statement - FINAL",
                        _k(feb + "section 25 statement - FINAL.pdf"),
                        published="05/02/2025 16:00:00",
                    )
                ],
                decision="<p>RESOLVED that pursuant to section 25 of the Local Government Act, County Council noted "
                "the report and agreed to have due regard to the contents when making decisions about the "
                "proposed budget.</p>",
            ),
            Item(
                51006,
                "6",
                "Capital Programme 2025-35 and Revenue Budget 2025-26 (including Council Tax Setting "
                "2025/26)",
                is_decision=True,
                papers=[
                    Paper(
                        71061,
                        "Council Covering Report 2025-26 Budget - FINAL",
                        _k(feb + "Council Covering Report 2025-26 Budget - FINAL.pdf"),
                        published="05/02/2025 16:00:00",
                    ),
                    Paper(
                        71062,
                        "Appendix D - 3 Year Revenue Plan",
                        _k(feb + "Appendix D - 3 Year Revenue Plan.pdf"),
                        published="05/02/2025 16:00:00",
                    ),
                    Paper(
                        71063,
                        "3 - Amendment - Liberal Democrats - LEVI capital funding",
                        _k(feb + "3 - Amendment - Liberal Democrats - LEVI capital funding.pdf"),
                        published="12/02/2025 12:00:00",
                    ),
                    Paper(
                        71064,
                        "Appendix J - Budget Risk Register",
                        _k(feb + "Appendix J - Budget Risk Register.pdf"),
                        published="05/02/2025 16:00:00",
                    ),
                ],
                decision="<p>RESOLVED that County Council, having given due regard to the s25 Report, agree the "
                "following:</p><p>(a) The 10-year Capital programme and investment proposals of £1,419m over "
                "the years from 2025-26 to 2034-35 together with the necessary funding and subject to "
                "approval to spend arrangements.</p><p>(c) The net revenue budget requirement of £1,530.9m "
                "for 2025-26.</p><p>(e) To increase Council Tax band rates up to the maximum permitted "
                "without a referendum as set out in section 6.4 (table 6.1) of the final draft report "
                "published on 5th February 2025.</p><p>(f) The total Council Tax requirement of "
                "£994,287,655 to be raised through precepts on districts.</p><p>Substantive Motion "
                "Carried.</p>",
            ),
        ],
        attendees=[
            ("Mr B J Sweetland", "Chairman", "Present"),
            ("Mr A M Ridgers", "Vice-Chairman", "Present"),
        ]
        + [(n, "Member", "Present") for n in _present(_CC_PRESENT)],
    )

    mar = "cabinet_2025-03-04__"
    cab_mar = Meeting(
        CAB_MAR,
        CABINET,
        date(2025, 3, 4),
        "10:00",
        items=[
            Item(
                52003,
                "3",
                "Minutes of the Meeting held on 30 January 2025",
                is_decision=True,
                papers=[
                    Paper(
                        72031,
                        "Minutes of Previous Meeting",
                        _k(mar + "Minutes of Previous Meeting.pdf"),
                        published="24/02/2025 17:00:00",
                    )
                ],
            ),
            Item(52004, "4", "Cabinet Member Updates"),
            Item(
                52005,
                "5",
                "Late Changes to the 25-26 Budget and 25-2028 Medium Term Financial Plan",
                is_decision=True,
                papers=[
                    Paper(
                        72051,
                        "Cabinet Report 4 March 2025",
                        _k(mar + "Cabinet Report 4 March 2025.pdf"),
                        published="24/02/2025 17:00:00",
                    ),
                    Paper(
                        72052,
                        "Appendix 1 Cabinet - Budget Update",
                        _k(mar + "Appendix 1 Cabinet - Budget Update.pdf"),
                        published="24/02/2025 17:00:00",
                    ),
                ],
            ),
            Item(
                52006,
                "6",
                "Quarterly Performance Report, Q3 2024-2025",
                papers=[
                    Paper(
                        72061,
                        "Cabinet QPR Q3 Cover",
                        _k(mar + "Cabinet QPR Q3 Cover.pdf"),
                        published="24/02/2025 17:00:00",
                    ),
                    Paper(
                        72062,
                        "QPR Q3 Cabinet appendix 1",
                        _k(mar + "QPR Q3 Cabinet appendix 1.pdf"),
                        published="24/02/2025 17:00:00",
                    ),
                ],
            ),
            Item(
                52007,
                "7",
                "Cabinet Reconsideration of Decision 24/00093 - Future of Commissioned Services at "
                "Seashells and Millmead Family Hubs",
                is_decision=True,
                papers=[
                    Paper(
                        72071,
                        "Scrutiny Committee - call-in Family Hubs Report to Cabinet - FINAL",
                        _k(
                            mar
                            + "Scrutiny Committee - call-in Family Hubs Report to Cabinet - FINAL.pdf"
                        ),
                        published="24/02/2025 17:00:00",
                    ),
                ],
            ),
            Item(52008, "8", "Home to School Transport - Presentation"),
        ],
    )
    meetings = {CAB_JAN: cab_jan, CC_FEB: cc_feb}
    if not full:
        for meeting in (cab_jan, cc_feb, cab_mar):
            for item in meeting.items:
                item.papers = [p for p in item.papers if p.id not in EVAL_ONLY]
    if march:
        meetings[CAB_MAR] = cab_mar
    return System(
        committees={
            CABINET: "Cabinet",
            COUNCIL: "County Council",
            SCRUTINY: "Scrutiny Committee",
            AUDIT: "Governance and Audit Committee",
        },
        meetings=meetings,
    )


def march_meeting() -> Meeting:
    """The 4 March Cabinet meeting on its own, to publish into a system built without it."""
    return kent_system(march=True).meetings[CAB_MAR]


def _uk(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _t(name: str, value: object) -> str:
    return f"<{name}>{escape(str(value))}</{name}>"


class ModernGovServer(LocalServer):
    """``with ModernGovServer(kent_system()) as server: server.url`` → the site address."""

    def __init__(self, system: System) -> None:
        self.system = system
        self.faults = Faults()
        self.calls: Counter[str] = Counter()
        self.downloads: Counter[int] = Counter()
        self.heads: Counter[int] = Counter()
        owner = self

        class Handler(_Handler):
            server_ref = owner

        super().__init__(Handler)
        # A client that gave up (a timeout test) closes its socket; that is expected here.
        self.server.handle_error = lambda request, address: None  # type: ignore[method-assign]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def paper_url(self, paper: Paper) -> str:
        return f"{self.url}/documents/s{paper.id}/{quote(paper.title)}.pdf"

    # -- the operations' results, as XML text ---------------------------------------

    def result(self, operation: str, params: dict[str, str]) -> str:
        system = self.system
        if operation == "GetCommittees":
            rows = "".join(
                "<committee>"
                + _t("committeeid", cid)
                + _t("committeetitle", title)
                + _t("committeedeleted", "False")
                + _t("committeeexpired", "True" if cid in system.expired else "False")
                + _t("committeecategory", "Committee")
                + "</committee>"
                for cid, title in system.committees.items()
            )
            return f"<committees>{rows}</committees>"
        if operation == "GetMeetings":
            cid = int(params.get("lCommitteeId", "0"))
            since, until = _parse_uk(params.get("sFromDate")), _parse_uk(params.get("sToDate"))
            rows = "".join(
                "<meeting>"
                + _t("meetingid", m.id)
                + _t("meetingdate", _uk(m.date))
                + _t("meetingtime", m.time)
                + _t("meetinglocation", m.location)
                + _t("meetingstatus", "Meeting held")
                + _t("iswebcast", "True")
                + _t("agendapublished", "True")
                + "</meeting>"
                for m in sorted(system.meetings.values(), key=lambda m: m.date)
                if m.committee_id == cid
                and (since is None or m.date >= since)
                and (until is None or m.date <= until)
            )
            title = system.committees.get(cid, "")
            return (
                f"<getmeetings><committee>{_t('committeeid', cid)}{_t('committeetitle', title)}"
                f"<committeemeetings>{rows}</committeemeetings></committee></getmeetings>"
            )
        if operation == "GetMeeting":
            meeting = system.meetings.get(int(params.get("lMeetingId", "0")))
            if meeting is None:
                return "<meeting/>"
            items = "".join(self._item(i) for i in meeting.items)
            people = "".join(
                f"<attendee memberid={quoteattr(str(n))} name={quoteattr(name)} roledescription={quoteattr(role)} "
                f"attendance={quoteattr(att)}/>"
                for n, (name, role, att) in enumerate(meeting.attendees, start=1)
            )
            return (
                "<meeting>"
                + _t("meetingid", meeting.id)
                + _t("meetingdate", _uk(meeting.date))
                + _t("meetingtime", meeting.time)
                + _t("meetingstatus", "Meeting held")
                + _t("meetinglocation", meeting.location)
                + _t("agendapublished", "True")
                + _t("minutepublished", "True")
                + _t("decisionpublished", "True")
                + f"<agendaitems>{items}</agendaitems><attendees>{people}</attendees></meeting>"
            )
        if operation == "GetAttachment":
            paper = system.papers().get(int(params.get("lAttachmentId", "0")))
            if paper is None:
                return "<attachment/>"
            meeting = next(
                m for m in system.meetings.values() for i in m.items if paper in i.papers
            )
            return (
                "<attachment><attachmentdetails>"
                + _t("attachmentid", paper.id)
                + _t("title", paper.title)
                + _t("url", self.paper_url(paper))
                + _t("isurl", "False")
                + _t("isrestricted", "True" if paper.restricted else "False")
                + _t("publicationdate", paper.published)
                + _t("meetingdate", _uk(meeting.date))
                + _t("decisiondate", _uk(meeting.date))
                + _t("committeetitle", system.committees[meeting.committee_id])
                + _t("ownertitle", system.committees[meeting.committee_id])
                + "</attachmentdetails></attachment>"
            )
        raise KeyError(operation)

    def _item(self, item: Item) -> str:
        docs = "".join(
            "<linkeddoc>"
            + _t("attachmentid", p.id)
            + _t("title", p.title)
            + _t("url", self.paper_url(p))
            + _t("isrestricted", "True" if p.restricted else "False")
            + _t("publicationdate", p.published)
            + "</linkeddoc>"
            for p in item.papers
        )
        return (
            "<agendaitem>"
            + _t("agendaitemid", item.id)
            + _t("agendaitemtitle", item.title)
            + _t("agendaitemnumber", item.number)
            + _t("isdecision", "True" if item.is_decision else "False")
            + _t("decisionnonemptyhtmlbody", item.decision or "")
            + _t("minutesnonemptyhtmlbody", item.minutes or "")
            + f"<linkeddocuments>{docs}</linkeddocuments></agendaitem>"
        )


def _parse_uk(text: str | None) -> date | None:
    if not text:
        return None
    day, month, year = (int(x) for x in text.split("/"))
    return date(year, month, day)


class _Handler(BaseHTTPRequestHandler):
    server_ref: ModernGovServer
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        action = self.headers.get("SOAPAction", "").strip('"')
        if not self.path.lower().endswith("/mgwebservice.asmx") or not action.startswith(NS + "/"):
            self._send(400, b"<error>not a SOAP call to mgWebService.asmx</error>")
            return
        operation = action[len(NS) + 1 :]
        root = ElementTree.fromstring(body)
        call = root.find(f".//{{{NS}}}{operation}")
        if call is None:
            self._send(400, b"<error>the envelope does not hold the SOAPAction's operation</error>")
            return
        params = {child.tag.split("}")[-1]: (child.text or "") for child in call}
        self._operation(operation, params, soap=True)

    def do_GET(self) -> None:
        self._get(head=False)

    def do_HEAD(self) -> None:
        self._get(head=True)

    def _get(self, head: bool) -> None:
        url = urlparse(self.path)
        parts = url.path.split("/")
        if len(parts) == 3 and parts[1].lower() == "mgwebservice.asmx":
            params = {k: v[0] for k, v in parse_qs(url.query).items()}
            self._operation(parts[2], params, soap=False)
        elif len(parts) == 4 and parts[1] == "documents" and parts[2].startswith("s"):
            self._paper(int(parts[2][1:]), unquote(parts[3]), head)
        else:
            self._send(404, b"not found")

    def _operation(self, operation: str, params: dict[str, str], soap: bool) -> None:
        owner = self.server_ref
        owner.calls[operation] += 1
        faults = owner.faults
        if operation in faults.sleep:
            time.sleep(faults.sleep[operation])
        if operation in faults.status500:
            self._send(
                500, b"<html><body>Server Error in '/' Application.</body></html>", "text/html"
            )
            return
        if operation in faults.status404:
            self._send(404, b"<html><body>The resource cannot be found.</body></html>", "text/html")
            return
        if operation in faults.bomb:
            self._send(200, BOMB.encode())
            return
        try:
            inner = owner.result(operation, params)
        except KeyError:
            self._send(500, b"unknown operation")
            return
        if operation in faults.malformed:
            inner = inner[: len(inner) // 2]
        if soap:
            text = (
                '<?xml version="1.0" encoding="utf-8"?><soap:Envelope '
                'xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">'
                f'<soap:Body><{operation}Response xmlns="{NS}"><{operation}Result>{inner}</{operation}Result>'
                f"</{operation}Response></soap:Body></soap:Envelope>"
            )
        else:
            text = f'<?xml version="1.0" encoding="utf-8"?>{inner}'
        self._send(200, text.encode("utf-8"))

    def _paper(self, paper_id: int, name: str, head: bool) -> None:
        owner = self.server_ref
        paper = owner.system.papers().get(paper_id)
        if paper is None or name != f"{paper.title}.pdf":
            self._send(404, b"not found", "text/html")
            return
        if paper_id in owner.faults.forbidden:
            self._send(403, b"forbidden", "text/html")
            return
        data = paper.data()
        if head:
            owner.heads[paper_id] += 1
            self.send_response(200)
            self.send_header("Content-Type", paper.content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            return
        owner.downloads[paper_id] += 1
        self.send_response(200)
        self.send_header("Content-Type", paper.content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if paper_id in owner.faults.truncate:
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        pause = owner.faults.slow_download.get(paper_id)
        for start in range(0, len(data), 16384):
            self.wfile.write(data[start : start + 16384])
            if pause:
                self.wfile.flush()
                time.sleep(pause)

    def _send(
        self, status: int, body: bytes, content_type: str = "text/xml; charset=utf-8"
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def build_eval_corpus(
    into: Path, data_dir: Path, public_site: str = "https://democracy.example.gov.uk"
) -> None:
    """Sync the whole stand-in (``full=True`` but the 1.2 MB QPR appendix) into ``into``
    with the real sync, then give its addresses a stable public-looking site instead of
    the loopback port. How ``evals/corpus-meetings`` was made."""
    from assistant.config import Settings
    from connectors.sources.sync import SyncOptions, sync

    system = kent_system(full=True)
    for meeting in system.meetings.values():
        for item in meeting.items:
            item.papers = [p for p in item.papers if p.id != 72062]
    with ModernGovServer(system) as server:
        settings = Settings(data_dir=data_dir, corpus_dir=into)
        sync(
            settings,
            SyncOptions(
                url=server.url,
                committees=["Cabinet", "County Council"],
                since=date(2025, 1, 1),
                until=date(2025, 3, 31),
                interval=0,
                publisher="Kent County Council",
            ),
        )
        for path in [
            into / "manifest.yaml",
            *into.rglob("*.md"),
            *into.rglob(".moderngov-sync.json"),
        ]:
            path.write_text(
                path.read_text(encoding="utf-8").replace(server.url, public_site), encoding="utf-8"
            )
    (into / ".moderngov-sync.lock").unlink(missing_ok=True)


if __name__ == "__main__":  # python tests/moderngov_server.py evals/corpus-meetings /tmp/index
    import sys

    build_eval_corpus(Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve())
