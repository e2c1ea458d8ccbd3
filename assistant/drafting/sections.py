"""The sections of a drafted reply, written from parsed rows and quotes with phrases from ``prompts/``.

Each function returns lines; each line that states a fact ends with the ``[n]`` of the
reference it rests on. Nothing here decides *what* to say — ``assistant.drafting.draft`` does —
only how a row, a quote or a list reads in a reply: plain words, the rating in words,
people by name and role, quotes in “…” exactly as the document has them.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from assistant.answering.evidence import sentences
from assistant.markers import marker
from assistant.models import Citation, Person, PlanDocument, PlanItem
from assistant.prompts import Phrases
from assistant.text import one_line
from assistant.text import quote as as_quote
from indexing.text import first_sentence, tokens

UPDATE_CHARS = 700
QUOTE_CHARS = 450
TITLE_CHARS = 90
FIRST_CHARS = 160


class Reference(BaseModel):
    """Source ``[n]`` of a draft: the citation and, for a plan row, the row itself."""

    n: int
    citation: Citation
    item: PlanItem | None = None

    def where(self) -> str:
        """``document · period · ref · file location`` (and the web address when known)."""
        c = self.citation
        parts = [c.document, c.date, f"ref {c.ref}" if c.ref else None, c.source, c.url]
        return " · ".join(p for p in parts if p)


class References:
    """Numbers sources across all the answers a draft uses: the same row is one number."""

    def __init__(self) -> None:
        self.items: list[Reference] = []
        self._by_key: dict[tuple[str | None, str], int] = {}

    def add(self, citation: Citation, item: PlanItem | None) -> int:
        key = (citation.document_id, citation.source)
        if key in self._by_key:
            ref = self.items[self._by_key[key] - 1]
            ref.citation = ref.citation.model_copy(
                update={"quote": _union(ref.citation.quote, citation.quote)}
            )
            ref.item = ref.item or item
            return ref.n
        n = len(self.items) + 1
        quote = citation.quote
        if item is not None:  # a position quotes the whole row, so the reference holds it all
            quote = _union("\n".join(filter(None, [item.commitment, item.update])), quote)
        self.items.append(
            Reference(n=n, citation=citation.model_copy(update={"quote": quote}), item=item)
        )
        self._by_key[key] = n
        return n


def _union(first: str, second: str) -> str:
    if second in first:
        return first
    if first in second:
        return second
    return f"{first}\n…\n{second}"


def _bullets_joined(text: str) -> str:
    """A list's bullets as one run of text, joined with '; '."""
    text = re.sub(r"\s*\n\s*•\s*", "; ", text.strip()).replace(":; ", ": ").replace(".; ", ". ")
    return re.sub(r"^•\s*", "", text)


def flat(text: str, limit: int) -> str:
    """One line: bullets joined with '; ', then ``assistant.text.one_line`` (curly quotes made single so
    ours stay balanced, ``[n]`` markers and control characters neutralised), cut at a word."""
    return one_line(_bullets_joined(text), limit)  # no document line can start one of ours


class Writer:
    """Writes the lines of a draft from rows and citations, in the phrases of ``draft_phrases.yaml``."""

    def __init__(self, phrases: Phrases, documents: list[PlanDocument]) -> None:
        self.say = phrases
        self.documents = {d.id: d for d in documents}

    # --- naming -----------------------------------------------------------------------
    def title(self, citation: Citation) -> str:
        """The title, with the period when the title does not already carry its year."""
        title, period = citation.document, citation.date
        years = re.findall(r"(?:19|20)\d{2}", period or "")
        if period and not any(y in title for y in years):
            return f"{title} ({period})"
        return title

    def document(self, citation: Citation) -> str:
        """``the Council Plan …`` — or ``the document ‘What makes us …’`` when the title reads as a sentence."""
        title = self.title(citation)
        if re.match(r"(?:the|what|how|why|who|our|we)\b", title, re.I):
            return self.say("document_titled", title=title)
        return self.say("document_named", title=title)

    def _documents(self, citation: Citation) -> dict[str, str]:
        document = self.document(citation)
        return {"document": document, "Document": document[:1].upper() + document[1:]}

    def _kind(self, item: PlanItem) -> str:
        doc = self.documents.get(item.document_id)
        return doc.meta.kind.value if doc else "other"

    def subject(self, item: PlanItem) -> str:
        kind = self.say(f"kind_{self._kind(item)}")
        title = flat(item.commitment, TITLE_CHARS)
        if item.ref:
            return self.say("subject_ref", kind=kind, ref=item.ref, title=title)
        return self.say("subject_noref", kind_lower=kind.lower(), title=title)

    def name(self, item: PlanItem) -> str:
        """``Commitment 3.2`` or ``Objective``: how a position is headed (its words are in "promised")."""
        kind = self.say(f"kind_{self._kind(item)}")
        return f"{kind} {item.ref}" if item.ref else kind

    def _rates(self, item: PlanItem) -> bool:
        doc = self.documents.get(item.document_id)
        return bool(item.rating) or bool(doc and any(i.rating for i in doc.items))

    def people(self, item: PlanItem) -> str:
        groups = []
        for role in ("owner", "director", "cabinet_member"):
            people: list[Person] = getattr(item, role)
            if people:
                names = ", ".join(_person(p) for p in people)
                groups.append(f"{self.say(f'role_{role}')} {names}")
        return "; ".join(groups)

    # --- the short direct answer ------------------------------------------------------------
    def status_summary(
        self, item: PlanItem, citation: Citation, n: int, *, short: bool = False
    ) -> str:
        subject = self.name(item) if short and item.ref else self.subject(item)
        values = {"subject": subject, **self._documents(citation), "marker": marker([n])}
        if item.rating:
            return self.say("status_rated", rating=item.rating_words, **values)
        if item.update:
            first = first_sentence(item.update)
            label = self.say(f"summary_update_{self._kind(item)}")
            return self.say(
                "status_unrated",
                label=label,
                subject_lower=_lower_first(subject),
                first=flat(first, FIRST_CHARS),
                **values,
            )
        return self.say("status_no_note", **values)

    def people_summary(self, item: PlanItem, n: int, *, short: bool = False) -> str:
        subject = self.name(item) if short and item.ref else self.subject(item)
        return self.say(
            "status_people",
            subject=_lower_first(subject),
            people=self.people(item),
            marker=marker([n]),
        )

    def fact_summary(self, citation: Citation, quote: str, n: int, *, whole: str) -> str:
        """The document's sentences that answer, quoted; sentences apart in the text are quoted apart."""
        if tokens(quote) in tokens(whole):
            quoted = as_quote(_bullets_joined(quote), QUOTE_CHARS)
        else:
            quoted = " … ".join(as_quote(_bullets_joined(s), QUOTE_CHARS) for s in sentences(quote))
        return self.say("fact", **self._documents(citation), quote=quoted, marker=marker([n]))

    def list_summary(
        self, citations: list[Citation], numbers: list[int], label: str | None
    ) -> list[str]:
        documents = list(dict.fromkeys(self.document(c) for c in citations))
        document = " and ".join(documents)
        if label:
            return [self.say("list", document=document, label=label, marker=marker(numbers))]
        return [self.say("list_any", document=document, marker=marker(numbers))]

    def list_line(self, item: PlanItem, n: int) -> str:
        title = (f"{item.ref} " if item.ref else "") + flat(item.commitment, TITLE_CHARS)
        rating = self.say("list_rating", rating=item.rating_words) if item.rating else ""
        owner = (
            self.say("list_owner", owner=", ".join(_person(p) for p in item.owner))
            if item.owner
            else ""
        )
        return self.say("list_line", title=title, rating=rating, owner=owner, marker=marker([n]))

    # --- the position of one item ------------------------------------------------------------
    def position(self, item: PlanItem, citation: Citation, n: int) -> list[str]:
        m = marker([n])
        kind = self._kind(item)
        lines = [
            self.say(
                "position_heading", name=self.name(item), title=self.title(citation), marker=m
            ),
            self.say(
                "promised",
                label=self.say(f"promised_{kind}"),
                text=flat(item.commitment, UPDATE_CHARS),
                marker=m,
            ),
        ]
        label = self.say(f"update_{kind}")
        if item.update:
            text = flat(item.update, UPDATE_CHARS)
            if citation.date:
                lines.append(
                    self.say("update", label=label, period=citation.date, text=text, marker=m)
                )
            else:
                lines.append(self.say("update_undated", label=label, text=text, marker=m))
        else:
            lines.append(self.say("no_update", label=label, marker=m))
        if item.rating:
            direction = (
                self.say("direction", direction=item.direction_words)
                if item.direction_words
                else ""
            )
            lines.append(
                self.say(
                    "rating",
                    rating=f"{item.rating_words} ({item.rating})",
                    direction=direction,
                    marker=m,
                )
            )
        elif self._rates(item):
            lines.append(self.say("rating_none", marker=m))
        people = self.people(item)
        lines.append(
            self.say("responsible", people=people, marker=m)
            if people
            else self.say("responsible_none", marker=m)
        )
        if item.dates_due:
            lines.append(self.say("due", dates=", ".join(item.dates_due), marker=m))
        return lines

    def history_line(self, item: PlanItem, citation: Citation, n: int) -> str:
        rating = self.say("history_rating", rating=item.rating_words) if item.rating else ""
        return self.say(
            "history_line",
            **self._documents(citation),
            subject_lower=_lower_first(self.subject(item)),
            rating=rating,
            marker=marker([n]),
        )


def _lower_first(text: str) -> str:
    """``Commitment 3.2 (…)`` → ``commitment 3.2 (…)``, for the middle of a sentence."""
    return text[:1].lower() + text[1:]


def _person(person: Person) -> str:
    if not person.name:
        return f"{person.initials} (initials as printed; not in the document's key)"
    return f"{person.name} ({person.role})" if person.role else person.name
