"""A meeting's own record — agenda, decisions, minutes, attendees — as one Markdown file.

The web service states these as data rather than as a paper, so the sync writes them
as a document the normal ingest reads: a title "<Committee> — <date>", the agenda and
which items have published decisions, who chaired, attended and sent apologies, then a
heading per agenda item with its decision and minutes as paragraphs and the public
papers it links (with their addresses). Restricted papers are counted, not named.
"""

from __future__ import annotations

import re
from datetime import date

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from connectors.sources.model import AgendaItem, Meeting

_BLOCK_END = re.compile(r"(?i)<\s*(br\s*/?|/p|/div|/li|/tr|/h[1-6]|/ul|/ol|/table)\s*>")
_ITEM_START = re.compile(r"(?i)<\s*li\b[^>]*>")
_BLANK_RUNS = re.compile(r"\n{3,}")


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


def _one_sentence(html: str) -> str:
    """A decision as one sentence: its paragraphs and list entries joined by semicolons,
    so the sentence that states it also names the meeting and the item."""
    text = ""
    for line in html_text(html).split("\n\n"):
        part = line.removeprefix("- ").rstrip(" .;")
        if part:
            text += (" " if not text or text.endswith(":") else "; ") + part
    return text.strip() + "."


def _item_ref(item: AgendaItem) -> str:
    """``item 5 (Quarterly Performance Report)``: no "5." that would end a sentence."""
    number = (item.number or "").strip().rstrip(".")
    return f"item {number} ({item.title})" if number else f"the item {item.title}"


def render(meeting: Meeting, files: dict[int, str]) -> str:
    """The Markdown record of ``meeting``; ``files`` maps attachment ids to local file names.

    Every paragraph names the committee, the date and the agenda item it is about, so
    a passage found on its own still says which meeting it belongs to.
    """
    committee, when = meeting.committee.title, long_date(meeting.date)
    at = f"the {committee} meeting of {when}"
    facts = [f"Meeting of {committee} on {meeting.date:%A} {when}"]
    if meeting.time:
        facts.append(f"at {meeting.time}")
    if meeting.location:
        facts.append(f"in {meeting.location}")
    opening = " ".join(facts) + "."
    if meeting.status:
        opening += f" Status: {meeting.status}."
    lines = [f"# {meeting_title(meeting)}", "", opening]
    if meeting.page_url:
        lines += ["", f"Meeting page: {meeting.page_url}"]
    if meeting.agenda:
        lines += [
            "",
            "## Agenda",
            "",
            f"Agenda of {at}: " + "; ".join(_item_ref(i) for i in meeting.agenda) + ".",
        ]
        lines += ["", *_decisions_summary(meeting, at)]
    if meeting.attendees:
        lines += ["", "## Attendance", "", *_attendance(meeting, at)]
    for item in meeting.agenda:
        about = _item_ref(item)
        lines += ["", f"## Item {item_label(item)}", ""]
        decision = _one_sentence(item.decision_html) if item.decision_html else ""
        minutes = html_text(item.minutes_html) if item.minutes_html else ""
        if decision:
            lines.append(f"Decision of {committee} on {when} on {about}: {decision}")
        elif item.is_decision:
            lines.append(f"No decision of {committee} on {when} on {about} has been published yet.")
        if minutes:
            first, _, rest = minutes.partition("\n\n")
            lines += ["", f"Minutes of {committee} on {when} on {about}: {first}"] + (
                ["", rest] if rest else []
            )
        if not decision and not item.is_decision and not minutes:
            lines.append(f"{about[0].upper()}{about[1:]} on the agenda of {at}.")
        public = [a for a in item.attachments if not a.restricted]
        hidden = len(item.attachments) - len(public)
        if public:
            lines += ["", f"Papers for {about} of {at}:", ""]
            for paper in public:
                where = f" ({files[paper.id]})" if paper.id in files else ""
                link = f" — {paper.url}" if paper.url else ""
                lines.append(f"- {paper.title}{where}{link}")
        if hidden:
            lines += ["", f"{hidden} restricted paper{'s' if hidden > 1 else ''} not listed here."]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)) + "\n"


def _decisions_summary(meeting: Meeting, at: str) -> list[str]:
    decided = [i for i in meeting.agenda if i.decision_html and html_text(i.decision_html)]
    pending = [i for i in meeting.agenda if i.is_decision and i not in decided]
    lines = []
    if decided:
        lines.append(
            f"Decisions were published for these items of {at}: "
            + "; ".join(_item_ref(i) for i in decided)
            + "."
        )
    if pending:
        if lines:
            lines.append("")
        lines.append(
            f"No decisions of {at} have been published yet on these items for decision: "
            + "; ".join(_item_ref(i) for i in pending)
            + "."
        )
    return lines


def _attendance(meeting: Meeting, at: str) -> list[str]:
    """Who chaired, who was present, who sent apologies — grouped as the service records it."""
    lines = []
    for person in meeting.attendees:
        role = (person.role or "").casefold()
        if role in ("chair", "chairman", "chairwoman", "chairperson"):
            lines += [f"{person.name} chaired {at} ({person.role}).", ""]
        elif "chair" in role:
            lines += [f"{person.name} was {person.role} at {at}.", ""]
    groups: dict[str, list[str]] = {}
    for person in meeting.attendees:
        title = (
            person.role
            if person.role and person.role.casefold() not in ("member", "committee member")
            else None
        )
        extra = ", ".join(p for p in (title, person.party) if p)
        groups.setdefault(person.attendance or "Attending", []).append(
            person.name + (f" ({extra})" if extra else "")
        )
    for attendance, names in groups.items():
        lines += [f"{attendance} at {at}: {', '.join(names)}.", ""]
    return lines[:-1]
