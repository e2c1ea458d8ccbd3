"""The meetings a scope holds, read back from their synced meeting records.

``planbot sync`` writes each meeting as one Markdown record (a document whose manifest
entry gives ``committee``, ``meeting`` and ``meeting_date`` but no ``agenda_item``) with
one statement a line: when and where it met, the agenda, who chaired, attended and sent
apologies, and per agenda item its decision, minutes and papers. Each statement names the
committee, the date and the item, so it can be quoted on its own. This module sorts those
statements by what they state, and pairs each record with the papers of its meeting
(documents of the same committee and meeting that name an agenda item), so a question
about a meeting is answered from the statement that answers it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from assistant.answering.scope import Scope
from assistant.models import Citation, Passage, PlanDocument

_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("when", re.compile(r"^Meeting of .+? on .+\d{4}")),
    ("agenda", re.compile(r"^Agenda of the ")),
    ("decided", re.compile(r"^(?:Decisions were published|No decisions of) ")),
    ("chair", re.compile(r" chaired the ")),
    ("present", re.compile(r"^Present at the ")),
    ("apologies", re.compile(r"^Apologies (?:at|for) the ")),
    ("role", re.compile(r"^.+? was [A-Z][\w -]+ at the ")),
    ("decision", re.compile(r"^Decision of ")),
    ("no_decision", re.compile(r"^No decision of ")),
    ("minutes", re.compile(r"^Minutes of .+? on item ")),
    ("papers", re.compile(r"^Papers for ")),
    ("paper", re.compile(r"^[•\-*]\s+.+https?://")),
    ("item", re.compile(r"^Item \S+ \(.+\) on the agenda")),
)
_ITEM_SECTION = re.compile(r"^Item\s+(\S+?)\.?\s+(.+)$")
_TIME = re.compile(r"\bat (\d{1,2}[:.]\d{2})\b")


@dataclass
class Statement:
    """One line of a meeting record, what it states, and the agenda item it is under."""

    text: str
    kind: str
    passage: Passage
    item_number: str | None = None
    item_title: str | None = None


@dataclass
class MeetingRecord:
    """One meeting: its committee, its date, its record's statements and its papers."""

    document: PlanDocument
    committee: str
    day: date
    statements: list[Statement]
    papers: list[PlanDocument] = field(default_factory=list)

    def of_kind(self, *kinds: str) -> list[Statement]:
        return [s for s in self.statements if s.kind in kinds]

    def first(self, kind: str) -> Statement | None:
        return next(iter(self.of_kind(kind)), None)

    @property
    def label(self) -> str:
        """``Cabinet, 30 January 2025``."""
        return f"{self.committee}, {long_date(self.day)}"

    @property
    def time(self) -> str | None:
        when = self.first("when")
        found = _TIME.search(when.text) if when else None
        return found.group(1) if found else None

    def citation(self, statement: Statement) -> Citation:
        """The statement quoted from the record, with the meeting and its public page."""
        meta = self.document.meta
        return Citation(
            document=meta.title,
            document_id=self.document.id,
            date=meta.meeting_date or meta.date,
            section=statement.passage.section,
            quote=statement.text,
            source=str(statement.passage.location),
            url=meta.url,
        )


def long_date(day: date) -> str:
    """``30 January 2025``."""
    return f"{day.day} {day:%B %Y}"


def _statements(document: PlanDocument) -> list[Statement]:
    out: list[Statement] = []
    for passage in document.passages:
        item = _ITEM_SECTION.match(passage.section or "")
        number, title = (item.group(1), item.group(2)) if item else (None, None)
        for line in passage.text.splitlines():
            line = " ".join(line.split())
            if not line:
                continue
            kind = next((k for k, pattern in _KINDS if pattern.search(line)), "other")
            out.append(Statement(line, kind, passage, number, title))
    return out


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat((text or "")[:10])
    except ValueError:
        return None


def meetings(scope: Scope) -> list[MeetingRecord]:
    """Every meeting record the asker may see, oldest first (worked out once per scope)."""
    key = ("meetings", tuple(scope.ids))
    derived = scope.store.derived
    if key not in derived:
        records: list[MeetingRecord] = []
        for document in scope.documents:
            meta = document.meta
            day = _day(meta.meeting_date)
            if not (meta.committee and meta.meeting and day) or meta.agenda_item:
                continue
            papers = [
                d
                for d in scope.documents
                if d.meta.agenda_item
                and d.meta.committee == meta.committee
                and d.meta.meeting == meta.meeting
            ]
            records.append(
                MeetingRecord(document, meta.committee, day, _statements(document), papers)
            )
        derived[key] = sorted(records, key=lambda m: (m.day, m.committee))
    return derived[key]


def committees(records: list[MeetingRecord]) -> list[str]:
    """The committees that have meetings in the corpus, as their records name them."""
    return sorted({m.committee for m in records})
