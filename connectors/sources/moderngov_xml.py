"""Reading a ModernGov web service's replies: XML parsed safely, and its fields as values.

Replies are parsed with defusedxml with DOCTYPEs and entities refused (a reply cannot expand
entities or reach outside), namespaces are dropped from tag names, and the service's own
forms of dates (``30/01/2025``), flags (``True``) and relative paper addresses are read here.
"""

from __future__ import annotations

from datetime import date, datetime
from urllib.parse import urljoin, urlsplit
from xml.etree.ElementTree import Element, ParseError

import httpx
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from connectors.sources.model import AgendaItem, Attachment


class SourceError(RuntimeError):
    """The committee system could not be read; nothing was changed. One line, for users."""


def result_of(label: str, operation: str, response: httpx.Response) -> Element:
    """The ``<OperationResult>`` of a reply; a fault, an error status or an empty reply raises."""
    if response.status_code >= 400:
        try:
            fault = parse(label, response.content).find(".//faultstring")
        except SourceError:
            fault = None
        detail = f": {(fault.text or '').strip()[:200]}" if fault is not None else ""
        raise SourceError(
            f"{label}: the server answered {response.status_code} {response.reason_phrase}{detail}"
        )
    if not response.content.strip():
        raise SourceError(f"{label}: the server sent an empty reply")
    root = parse(label, response.content)
    fault = root.find(".//faultstring")
    if fault is not None:
        raise SourceError(
            f"{label}: the server reported a fault: {(fault.text or '').strip()[:200]}"
        )
    result = root.find(f".//{operation}Result")
    result = root if result is None else result
    inner = result.text or ""
    if len(result) == 0 and inner.lstrip().startswith("<"):
        result = parse(label, inner.encode("utf-8"))  # XML returned as an escaped string
    return result


def agenda_item(node: Element, site: str) -> AgendaItem:
    """One ``<agendaitem>`` with its linked papers."""
    return AgendaItem(
        id=int(text(node, "agendaitemid") or 0),
        number=text(node, "agendaitemnumber"),
        title=text(node, "agendaitemtitle") or "",
        is_decision=flag(node, "isdecision"),
        decision_html=text(node, "decisionnonemptyhtmlbody"),
        minutes_html=text(node, "minutesnonemptyhtmlbody"),
        attachments=[
            attachment(d, site) for d in node.iter("linkeddoc") if text(d, "attachmentid")
        ],
    )


def attachment(node: Element, site: str, default_id: int = 0) -> Attachment:
    """One paper's ``<linkeddoc>`` or ``<attachmentdetails>``; its address made absolute."""
    url = text(node, "url")
    return Attachment(
        id=int(text(node, "attachmentid") or default_id),
        title=text(node, "title") or "",
        url=urljoin(site + "/", url) if url else None,
        restricted=flag(node, "isrestricted"),
        publication_date=text(node, "publicationdate"),
    )


def parse(label: str, raw: bytes) -> Element:
    try:
        root = fromstring(raw, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as err:
        raise SourceError(
            f"{label}: refused the reply: it declares a DOCTYPE or entities ({type(err).__name__})"
        ) from err
    except ParseError as err:
        raise SourceError(f"{label}: the reply is not well-formed XML ({err})") from err
    for node in root.iter():
        if isinstance(node.tag, str) and "}" in node.tag:
            node.tag = node.tag.rsplit("}", 1)[1]
    return root


def text(node: Element, name: str) -> str | None:
    value = node.findtext(name)
    return value.strip() or None if value is not None else None


def flag(node: Element, name: str) -> bool:
    return (text(node, name) or "").lower() in ("true", "1", "yes")


def uk_date(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def parse_date(text: str | None) -> date | None:
    """``30/01/2025``, ``30/01/2025 10:00:00`` or ISO ``2025-01-30[T10:00:00]``."""
    if not text:
        return None
    head = text.strip().split()[0].split("T")[0]
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(head, pattern).date()
        except ValueError:
            continue
    return None


def same_site(url: str, site: str) -> bool:
    target, home = urlsplit(url), urlsplit(site)
    return target.scheme in ("http", "https") and target.netloc.lower() == home.netloc.lower()


def why(err: BaseException) -> str:
    if isinstance(err, httpx.TimeoutException):
        return "no answer in time"
    if isinstance(err, httpx.RemoteProtocolError):
        return "cut short: the connection closed before the whole file arrived"
    return str(err) or type(err).__name__
