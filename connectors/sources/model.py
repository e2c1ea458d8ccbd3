"""What a committee system lists: committees, meetings, agenda items and their papers.

These are the boundary models between the web service client (``moderngov.py``) and
the sync (``sync.py``); the client fills them from XML, the sync never sees XML.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field


class Committee(BaseModel):
    id: int
    title: str
    deleted: bool = False
    expired: bool = False
    category: str | None = None


class MeetingSummary(BaseModel):
    """One row of a committee's meeting list (``GetMeetings``)."""

    id: int
    date: date
    time: str | None = None
    status: str | None = None
    agenda_published: bool = False


class Attachment(BaseModel):
    """A paper linked to an agenda item (``linkeddoc``), or ``GetAttachment``'s details."""

    id: int
    title: str
    url: str | None = None
    restricted: bool = False
    publication_date: str | None = Field(default=None, description="As the service wrote it")


class AgendaItem(BaseModel):
    id: int
    number: str | None = None
    title: str
    is_decision: bool = False
    decision_html: str | None = None
    minutes_html: str | None = None
    attachments: list[Attachment] = Field(default_factory=list)


class Attendee(BaseModel):
    name: str
    role: str | None = None
    attendance: str | None = None
    party: str | None = None


class Meeting(BaseModel):
    """A meeting as ``GetMeeting`` returns it, with the committee it belongs to."""

    id: int
    committee: Committee
    date: date
    time: str | None = None
    status: str | None = None
    location: str | None = None
    page_url: str | None = Field(default=None, description="The meeting's public page")
    agenda: list[AgendaItem] = Field(default_factory=list)
    attendees: list[Attendee] = Field(default_factory=list)

    def attachments(self) -> list[tuple[AgendaItem, Attachment]]:
        """Every paper of the meeting once, with the first agenda item that links it."""
        seen: set[int] = set()
        found: list[tuple[AgendaItem, Attachment]] = []
        for item in self.agenda:
            for attachment in item.attachments:
                if attachment.id not in seen:
                    seen.add(attachment.id)
                    found.append((item, attachment))
        return found
