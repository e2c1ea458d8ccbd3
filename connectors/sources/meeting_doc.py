"""A meeting's own record — agenda, decisions, minutes, attendees — as one Markdown file.

The web service states these as data rather than as a paper, so the sync writes them
as a document the normal ingest reads: a title "<Committee> — <date>", a heading per
agenda item with its decision and minutes as paragraphs, the public papers it links
(with their addresses), and who attended. Restricted papers are counted, not named.
"""

from __future__ import annotations

import re
from datetime import date

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from connectors.sources.model import AgendaItem, Meeting

_BLOCK_END = re.compile(r"(?i)<\s*(br\s*/?|/p|/div|/li|/tr|/h[1-6]|/ul|/ol|/table)\s*>")
_ITEM_START = re.compile(r"(?i)<\s*li\b[^>]*>")


def long_date(day: date) -> str:
    """``30 January 2025``."""
    return f"{day.day} {day:%B %Y}"


def meeting_title(meeting: Meeting) -> str:
    return f"{meeting.committee.title} — {long_date(meeting.date)}"


def meeting_kind(meeting: Meeting) -> str:
    """``decision`` once decisions are published, ``minutes`` with minutes only, else ``agenda``."""
    if any(item.decision_html and html_text(item.decision_html) for item in meeting.agenda):
        return "decision"
    if any(item.minutes_html and html_text(item.minutes_html) for item in meeting.agenda):
        return "minutes"
    return "agenda"


def html_text(html: str) -> str:
    """The text of an HTML fragment, one paragraph or list entry a line."""
    marked = _ITEM_START.sub("\n- ", _BLOCK_END.sub("\n", html))
    text = HTMLParser(f"<div>{marked}</div>").text(separator="")
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n\n".join(line for line in lines if line and line != "-")


def item_label(item: AgendaItem) -> str:
    """``5. Quarterly Performance Report`` — how the agenda numbers it."""
    number = (item.number or "").strip().rstrip(".")
    return f"{number}. {item.title}" if number else item.title


def render(meeting: Meeting, files: dict[int, str]) -> str:
    """The Markdown record of ``meeting``; ``files`` maps attachment ids to local file names."""
    when = long_date(meeting.date)
    facts = [f"Meeting of {meeting.committee.title} on {meeting.date:%A} {when}"]
    if meeting.time:
        facts.append(f"at {meeting.time}")
    if meeting.location:
        facts.append(f"in {meeting.location}")
    lines = [f"# {meeting_title(meeting)}", "", " ".join(facts) + "."]
    if meeting.status:
        lines += ["", f"Status: {meeting.status}."]
    if meeting.page_url:
        lines += ["", f"Meeting page: {meeting.page_url}"]
    for item in meeting.agenda:
        lines += ["", f"## Item {item_label(item)}", ""]
        lines.append(f"Agenda item {item_label(item)} at the {meeting.committee.title} meeting of {when}.")
        decision = html_text(item.decision_html) if item.decision_html else ""
        minutes = html_text(item.minutes_html) if item.minutes_html else ""
        if decision:
            lines += ["", f"### Decision on {item.title}", "", decision]
        elif item.is_decision:
            lines += ["", "A decision is due on this item; none has been published yet."]
        if minutes:
            lines += ["", f"### Minutes of {item.title}", "", minutes]
        public = [a for a in item.attachments if not a.restricted]
        hidden = len(item.attachments) - len(public)
        if public:
            lines += ["", f"### Papers for {item.title}", ""]
            for paper in public:
                where = f" ({files[paper.id]})" if paper.id in files else ""
                link = f" — {paper.url}" if paper.url else ""
                lines.append(f"- {paper.title}{where}{link}")
        if hidden:
            lines += ["", f"{hidden} restricted paper{'s' if hidden > 1 else ''} not listed here."]
    if meeting.attendees:
        lines += ["", "## Attendees", ""]
        for person in meeting.attendees:
            extra = ", ".join(p for p in (person.role, person.party, person.attendance) if p)
            lines.append(f"- {person.name}" + (f" ({extra})" if extra else ""))
    return "\n".join(lines) + "\n"
