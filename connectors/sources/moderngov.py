"""A client of a ModernGov committee system's public web service (``mgWebService.asmx``).

The service answers SOAP 1.1 POSTs (namespace ``http://moderngov.co.uk/namespaces``,
``SOAPAction: <namespace>/<Operation>``) and the same operations as GET requests at
``mgWebService.asmx/<Operation>?...``. This client speaks either form, waits a polite
interval between requests, retries with backoff on server errors (5xx) and timeouts
only, and reads replies through ``moderngov_xml`` (defusedxml, DOCTYPEs refused, so a
reply cannot expand entities). Every failure becomes a ``SourceError`` whose one-line message says
which call failed and why.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element
from xml.sax.saxutils import escape

import httpx
from pydantic import BaseModel

from connectors.sources import moderngov_xml as reply
from connectors.sources.model import (
    Attachment,
    Attendee,
    Committee,
    Meeting,
    MeetingSummary,
)
from connectors.sources.moderngov_xml import SourceError

NAMESPACE = "http://moderngov.co.uk/namespaces"
SERVICE = "mgWebService.asmx"
USER_AGENT = "plan-assistant-sync/1 (+committee papers for a council's own assistant)"
_DOCUMENT_TYPES = ("pdf", "msword", "officedocument", "octet-stream", "text/plain", "text/markdown")


class _ServerBusy(Exception):
    """A 5xx reply to a download: worth another try."""


class PaperProblem(RuntimeError):
    """One paper could not be fetched or is not a document: it is reported and skipped."""


class Download(BaseModel):
    size: int
    sha256: str
    content_type: str | None = None


def service_url(url: str) -> tuple[str, str]:
    """``https://democracy.example.gov.uk[/mgWebService.asmx]`` → (site root, service endpoint)."""
    text = url.strip().rstrip("/")
    if not text.startswith(("http://", "https://")):
        raise SourceError(
            f"not a web address: {url!r} (give the council's committee site, e.g. https://democracy.<council>.gov.uk)"
        )
    site = text[: -len(SERVICE)].rstrip("/") if text.lower().endswith(SERVICE.lower()) else text
    return site, f"{site}/{SERVICE}"


class ModernGovClient:
    """One committee system. ``form`` is ``soap`` (POST envelopes) or ``get``."""

    def __init__(
        self,
        url: str,
        *,
        form: str = "soap",
        timeout: float = 30.0,
        retries: int = 3,
        backoff: float = 1.0,
        interval: float = 0.5,
        max_bytes: int = 50 * 1024 * 1024,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if form not in ("soap", "get"):
            raise SourceError(f"unknown request form {form!r}: use soap or get")
        self.site, self.endpoint = service_url(url)
        self.form, self.retries, self.backoff, self.interval = form, retries, backoff, interval
        self.max_bytes = max_bytes
        self._sleep = sleep
        self._last = 0.0
        self._http = httpx.Client(
            timeout=httpx.Timeout(timeout),
            follow_redirects=True,
            headers={"User-Agent": USER_AGENT},
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> ModernGovClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the operations -------------------------------------------------------------

    def committees(self) -> list[Committee]:
        result = self._call("GetCommittees", {})
        return [
            Committee(
                id=int(reply.text(c, "committeeid") or 0),
                title=reply.text(c, "committeetitle") or "",
                deleted=reply.flag(c, "committeedeleted"),
                expired=reply.flag(c, "committeeexpired"),
                category=reply.text(c, "committeecategory"),
            )
            for c in result.iter("committee")
            if reply.text(c, "committeeid")
        ]

    def meetings(
        self, committee_id: int, since: date | None, until: date | None
    ) -> list[MeetingSummary]:
        params = {
            "lCommitteeId": str(committee_id),
            "sFromDate": reply.uk_date(since),
            "sToDate": reply.uk_date(until),
        }
        result = self._call("GetMeetings", params)
        found = []
        for m in result.iter("meeting"):
            when = reply.parse_date(reply.text(m, "meetingdate"))
            if reply.text(m, "meetingid") and when:
                found.append(
                    MeetingSummary(
                        id=int(reply.text(m, "meetingid") or 0),
                        date=when,
                        time=reply.text(m, "meetingtime"),
                        status=reply.text(m, "meetingstatus"),
                        agenda_published=reply.flag(m, "agendapublished"),
                    )
                )
        return found

    def meeting(self, meeting_id: int, committee: Committee) -> Meeting:
        result = self._call("GetMeeting", {"lMeetingId": str(meeting_id)})
        node = result if result.tag == "meeting" else result.find(".//meeting")
        if node is None:
            raise SourceError(f"GetMeeting(lMeetingId={meeting_id}): the reply has no <meeting>")
        when = reply.parse_date(reply.text(node, "meetingdate"))
        if when is None:
            raise SourceError(
                f"GetMeeting(lMeetingId={meeting_id}): the meeting has no readable <meetingdate>"
            )
        return Meeting(
            id=meeting_id,
            committee=committee,
            date=when,
            time=reply.text(node, "meetingtime"),
            status=reply.text(node, "meetingstatus"),
            location=reply.text(node, "meetinglocation"),
            page_url=f"{self.site}/ieListDocuments.aspx?MId={meeting_id}",
            agenda=[reply.agenda_item(a, self.site) for a in node.iter("agendaitem")],
            attendees=[
                Attendee(
                    name=a.get("name", "").strip(),
                    role=a.get("roledescription"),
                    attendance=a.get("attendance"),
                    party=a.get("politicalparty"),
                )
                for a in node.iter("attendee")
                if a.get("name", "").strip()
            ],
        )

    def attachment(self, attachment_id: int) -> Attachment:
        result = self._call("GetAttachment", {"lAttachmentId": str(attachment_id)})
        details = result.find(".//attachmentdetails")
        if details is None:
            raise SourceError(
                f"GetAttachment(lAttachmentId={attachment_id}): the reply has no <attachmentdetails>"
            )
        return reply.attachment(details, self.site, attachment_id)

    def head_size(self, url: str) -> int | None:
        """The paper's size as the server states it, or None when it does not say."""
        if not reply.same_site(url, self.site):
            return None
        self._wait()
        try:
            response = self._http.head(url)
        except httpx.HTTPError:
            return None
        length = response.headers.get("content-length")
        return int(length) if response.status_code == 200 and length and length.isdigit() else None

    def download(self, url: str, target: Path) -> Download:
        """Stream one paper into ``target`` (a temporary name), checked and fsynced.

        Only addresses on the committee site itself are fetched: a reply naming another
        host (or a non-web scheme) is not followed, so a compromised or misconfigured
        service cannot make the sync fetch from the council's internal network.
        """
        if not reply.same_site(url, self.site):
            raise PaperProblem(f"its address {url[:120]} is not on the committee site {self.site}")
        for attempt in range(self.retries + 1):
            self._wait()
            try:
                return self._download_once(url, target)
            except (httpx.TimeoutException, _ServerBusy) as err:
                if attempt == self.retries:
                    raise SourceError(
                        f"download of {url} failed: {reply.why(err)} (after {attempt + 1} tries)"
                    ) from err
                self._sleep(self.backoff * 2**attempt)
            except httpx.HTTPError as err:
                raise SourceError(f"download of {url} failed: {reply.why(err)}") from err
        raise AssertionError("unreachable")

    # -- plumbing -------------------------------------------------------------------

    def _download_once(self, url: str, target: Path) -> Download:
        digest, size = hashlib.sha256(), 0
        with self._http.stream("GET", url) as response:
            if not reply.same_site(str(response.url), self.site):
                raise PaperProblem(
                    f"it redirects off the committee site, to {str(response.url)[:120]}"
                )
            if response.status_code >= 500:
                raise _ServerBusy(f"server error {response.status_code}")
            if response.status_code >= 400:
                raise PaperProblem(f"the server refused it ({response.status_code})")
            kind = (response.headers.get("content-type") or "").lower()
            if kind and not any(t in kind for t in _DOCUMENT_TYPES):
                raise PaperProblem(f"the server sent {kind.split(';')[0]}, not a document")
            stated = response.headers.get("content-length")
            if stated and stated.isdigit() and int(stated) > self.max_bytes:
                raise PaperProblem(
                    f"it is {int(stated):,} bytes, over the {self.max_bytes:,}-byte limit"
                )
            with open(target, "wb") as handle:
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise PaperProblem(f"it is over the {self.max_bytes:,}-byte limit")
                    digest.update(chunk)
                    handle.write(chunk)
                handle.flush()
                os.fsync(handle.fileno())
            if stated and stated.isdigit() and size != int(stated):
                raise SourceError(
                    f"download of {url} was cut short ({size:,} of {int(stated):,} bytes)"
                )
        return Download(size=size, sha256=digest.hexdigest(), content_type=kind or None)

    def _call(self, operation: str, params: dict[str, str]) -> Element:
        label = f"{operation}({', '.join(f'{k}={v}' for k, v in params.items() if v)})"
        for attempt in range(self.retries + 1):
            self._wait()
            try:
                response = self._request(operation, params)
            except httpx.TimeoutException as err:
                if attempt == self.retries:
                    raise SourceError(
                        f"{label}: the server did not answer in time (after {attempt + 1} tries)"
                    ) from err
            except httpx.HTTPError as err:
                raise SourceError(
                    f"{label}: cannot reach {self.endpoint} ({reply.why(err)})"
                ) from err
            else:
                self._follow(response)
                if response.status_code < 500 or attempt == self.retries:
                    return reply.result_of(label, operation, response)
            self._sleep(self.backoff * 2**attempt)
        raise AssertionError("unreachable")

    def _request(self, operation: str, params: dict[str, str]) -> httpx.Response:
        present = {k: v for k, v in params.items() if v}
        if self.form == "get":
            return self._http.get(f"{self.endpoint}/{operation}", params=present)
        body = "".join(f"<{k}>{escape(v)}</{k}>" for k, v in present.items())
        envelope = (
            '<?xml version="1.0" encoding="utf-8"?>'
            '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">'
            f'<soap:Body><{operation} xmlns="{NAMESPACE}">{body}</{operation}></soap:Body></soap:Envelope>'
        )
        return self._http.post(
            self.endpoint,
            content=envelope.encode("utf-8"),
            headers={
                "Content-Type": "text/xml; charset=utf-8",
                "SOAPAction": f"{NAMESPACE}/{operation}",
            },
        )

    def _follow(self, response: httpx.Response) -> None:
        """A site that redirects its web service (to the host that runs it for the council)
        is that host from then on: its papers are served from there."""
        final = str(response.url)
        if response.history and not reply.same_site(final, self.site):
            parts = urlsplit(final)
            self.site = f"{parts.scheme}://{parts.netloc}"

    def _wait(self) -> None:
        """Keep at least ``interval`` seconds between requests: council servers are small."""
        pause = self._last + self.interval - time.monotonic()
        if pause > 0:
            self._sleep(pause)
        self._last = time.monotonic()
