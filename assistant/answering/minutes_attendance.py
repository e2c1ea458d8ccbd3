"""Who was present and who attended, read from the attendance lists at the head of printed
minutes, for papers that are not synced meeting records.

Minutes open with labelled lists: "PRESENT:" or "MEMBERS PRESENT:", "PRESENT IN THE
CHAIR:", "IN ATTENDANCE:", "OFFICIALS IN ATTENDANCE:", "IN ATTENDANCE VIRTUALLY:", "Also
in Attendance:". A list runs from its label to the next label, an item heading or the
minutes' first section. Asked which officers or officials attended a meeting, the
attendance lists answer (only the remote one when asked who joined virtually); asked who
or which members were present, the members' list does. The minutes asked about are those
whose title and opening (the meeting's body, place and date) share most of the
question's words; without one that shares its date or body, the question is left to the
rest of the answering.
"""

from __future__ import annotations

import re

from assistant.answering.citations import quoted_passage_citation
from assistant.answering.compose import one_source_answer
from assistant.answering.meetings_cues import CHAIR, VICE
from assistant.answering.responders import held_on_asked_day
from assistant.answering.scope import Scope
from assistant.answering.understand import Query
from assistant.models import Answer, Passage, PlanDocument
from indexing.model import DocumentKind
from indexing.terms import content_stems

_LABEL = re.compile(
    r"^\s*(?:\*\*)?(?P<label>(?:MEMBERS\s+|OFFICIALS\s+|OFFICERS\s+|ALSO\s+)?"
    r"(?:PRESENT(?:\s+IN\s+THE\s+CHAIR)?|IN\s+ATTENDANCE(?:\s+VIRTUALLY|\s+REMOTELY)?)"
    r"|Also\s+in\s+Attendance|Also\s+Present)\s*:(?:\*\*)?",
    re.M,
)
_END = re.compile(r"^\s*(?:[A-Z][A-Z ]{6,}$|\d+\.\s+\S|\(Item\s+\d+)", re.M)
"""Where a list ends: a heading set in capitals ("UNRESTRICTED ITEMS"), a numbered item."""
ASKS_OFFICERS = re.compile(
    r"\b(?:officials?|officers?|staff)\b.*\b(?:attend\w*|present|there)\b"
    r"|\bin\s+attendance\b|\b(?:joined|attended)\b.*\b(?:virtual(?:ly)?|remote(?:ly)?|online)\b",
    re.I,
)
ASKS_PRESENT = re.compile(
    r"\b(?:who|which\s+(?:members|councillors))\b.*\b(?:present|attended)\b", re.I
)
_AS_POST = re.compile(r"\b(?:attend\w*|present|there)\b.*\bas\s+(?:the\s+|an?\s+)?[a-z]", re.I)
_REMOTE = re.compile(r"\b(?:virtual(?:ly)?|remote(?:ly)?|online)\b", re.I)
_ASKS_WAS = re.compile(
    r"^\s*(?:did|was|were|is)\b(?!.*\b(?:vot\w*|motion|amendment|propos\w*|second\w*|carried|"
    r"said|say|spoke|introduc\w*|present(?:ed|s))\b)"
    r".*\b(?:attend\w*|present|there|at\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:meeting|cabinet|council|committee))\b",
    re.I,
)
"""Asks whether a member was at the meeting ("did Mr Hook attend …?", "was Mrs Bell at …?")."""
_MEMBER = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Cllr|Councillor)\.?\s+(?:[A-Z]\.?\s+)*([A-Za-z][\w'’-]+)", re.I
)
_ASKS_WHO = re.compile(r"\b(?:who|whom|which\s+(?:member|councillor|cllr)|name)\b", re.I)
_IN_THE_CHAIR = re.compile(r"\bchair", re.I)
_CHAIR_MARK = re.compile(r"\((?P<vice>vice[- ]?)?chair(?:man|woman|person)?\)", re.I)
"""A member's post beside their name in the list of those present: "(Chairman)",
"(Vice-Chairman)"."""
_APOLOGIES = re.compile(r"[^.\n]*\bapologies\b[^.]*\.", re.I)
_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")


def attendance_answer(scope: Scope, query: Query) -> Answer | None:
    """The attendance lists of the minutes the question names, quoted and cited; ``None``
    when it asks no attendance or names no minutes (see the module)."""
    text = query.text
    if (member := _ASKS_WAS.search(text) and _MEMBER.search(text)) is not None and member:
        return _member_answer(scope, query, member.group(1))
    if CHAIR.search(text) and _ASKS_WHO.search(text):
        return _chair_answer(scope, query, vice=bool(VICE.search(text)))
    officers = bool(ASKS_OFFICERS.search(text))
    if not (officers or ASKS_PRESENT.search(text)) or _AS_POST.search(text):
        return None  # "who attended as general counsel?" asks for one post
    minutes = _named_minutes(scope.documents, text)
    if minutes is None:
        return None
    remote = bool(_REMOTE.search(text))
    found = []
    for label, passage, listed in lists(minutes):
        upper = label.upper()
        attendance = "ATTENDANCE" in upper or upper.startswith("ALSO")
        if officers and (not attendance or remote != bool(_REMOTE.search(label))):
            continue
        if not officers and (attendance or "CHAIR" in upper):
            continue
        found.append((passage, f"{label}: {listed}"))
    quoted = [(q, c) for p, q in found if (c := quoted_passage_citation(scope.store, p, q))]
    if not quoted:
        return None
    lines = [f"“{q}” [{n}]" for n, (q, _) in enumerate(quoted, start=1)]
    marks = " ".join(f"[{n}]" for n in range(1, len(quoted) + 1))
    return Answer(
        question=text,
        answer="\n".join(lines) + f"\nSource: {minutes.meta.title} {marks}",
        answered=True,
        intent=query.intent.value,
        citations=[c for _, c in quoted],
        metadata={"route": "minutes attendance", "document": minutes.id},
    )


def lists(document: PlanDocument) -> list[tuple[str, Passage, str]]:
    """The labelled attendance lists at the head of the minutes: label, the passage the
    label is in, and the list as one line."""
    text, starts = "", []
    passages = document.passages[:12]
    for passage in passages:
        starts.append(len(text))
        text += passage.text + "\n"
    out = []
    labels = list(_LABEL.finditer(text))
    for n, match in enumerate(labels):
        index = max(i for i, s in enumerate(starts) if s <= match.start())
        # a list ends where the minutes' next section begins
        later = [starts[i] for i in range(index + 1, len(passages))]
        section = passages[index].section
        ends = [
            at for at, p in zip(later, passages[index + 1 :], strict=True) if p.section != section
        ]
        stop = labels[n + 1].start() if n + 1 < len(labels) else len(text)
        stop = min([stop, *ends])
        end = _END.search(text, match.end(), stop)
        body = text[match.end() : end.start() if end else stop]
        listed = " ".join(body.replace("**", "").split())
        if not listed:
            continue
        label = " ".join(match.group("label").split())
        out.append((label, document.passages[index], listed[:1500]))
    return out


def _named_minutes(documents: list[PlanDocument], text: str) -> PlanDocument | None:
    """The minutes whose title and opening share the question's day and most of its
    words; ``None`` when none shares its day or any word of its body."""
    asked = content_stems(text)
    days = set(_DAY.findall(text))
    best: tuple[float, PlanDocument] | None = None
    for document in documents:
        if document.meta.kind is not DocumentKind.minutes or not lists(document):
            continue
        if not held_on_asked_day(document, text):
            continue  # minutes of another day than the one asked
        opening = " ".join(p.text for p in document.passages[:2])[:600]
        words = content_stems(f"{document.meta.title} {opening}")
        shared = len(asked & words)
        dated = bool(days & set(_DAY.findall(opening)))
        if not shared:
            continue
        score = shared + (2.0 if dated else 0.0)
        if best is None or score > best[0]:
            best = (score, document)
    if best is None or best[0] < 3:
        return None
    return best[1]


def _chair_answer(scope: Scope, query: Query, *, vice: bool) -> Answer | None:
    """Who chaired the meeting of the minutes the question names (``chair_line``);
    ``None`` when no minutes are named or their lists mark no chair."""
    minutes = _named_minutes(scope.documents, query.text)
    found = chair_line(minutes, vice=vice) if minutes is not None else None
    if minutes is None or found is None:
        return None
    passage, said, lead = found
    return _quoted_answer(scope, query, minutes, passage, said, lead)


def chair_line(minutes: PlanDocument, *, vice: bool) -> tuple[Passage, str, str] | None:
    """The passage, the words of its list to quote, and who chaired: the member the list
    of those present marks "(Chairman)" (or "(Vice-Chairman)" when asked for the vice
    chair), or the person first named under a "PRESENT IN THE CHAIR:" label."""
    for label, passage, listed in lists(minutes):
        entries = [e.strip() for e in listed.split(",")]
        if not vice and _IN_THE_CHAIR.search(label):
            named = _MEMBER.search(listed)  # "Príomh Chomhairleoir, Councillor D. McSweeney"
            who = named.group(0) if named else entries[0]
            said = f"{label}: {listed[: named.end()] if named else entries[0]}"
            return passage, said, f"{who} was in the chair"
        for n, entry in enumerate(entries):
            mark = _CHAIR_MARK.search(entry)
            if mark is None or bool(mark.group("vice")) != vice:
                continue
            who = entry[: mark.start()].strip()
            post = "vice-chair" if vice else "in the chair"
            return passage, f"{label}: {', '.join(entries[: n + 1])}", f"{who} was {post}"
    return None


def _member_answer(scope: Scope, query: Query, surname: str) -> Answer | None:
    """Whether the member was there: the list that names them quoted (present, in the
    chair, in attendance), or the minutes' apologies naming them, or a decline saying
    the minutes' lists do not name them; ``None`` when no minutes are named."""
    minutes = _named_minutes(scope.documents, query.text)
    if minutes is None:
        return None
    named = re.compile(rf"\b{re.escape(surname)}\b", re.I)
    for label, passage, listed in lists(minutes):
        if named.search(listed):
            who = next((p.strip() for p in listed.split(",") if named.search(p)), surname)
            said = f"{label}: {listed}"
            lead = f"{who} is listed under {label}"
            return _quoted_answer(scope, query, minutes, passage, said, lead)
    for passage in minutes.passages[:20]:
        for sentence in _APOLOGIES.findall(passage.text):
            if named.search(sentence):
                said = " ".join(sentence.split())
                lead = f"{surname.title()} sent apologies"
                return _quoted_answer(scope, query, minutes, passage, said, lead)
    text = (
        f"The minutes ({minutes.meta.title}) do not name {surname.title()} among those "
        "present, in attendance or sending apologies."
    )
    return Answer(
        question=query.text,
        answer=text,
        answered=False,
        intent=query.intent.value,
        metadata={"route": "minutes attendance", "declined": "not listed"},
    )


def _quoted_answer(
    scope: Scope, query: Query, minutes: PlanDocument, passage: Passage, quote: str, lead: str
) -> Answer | None:
    citation = quoted_passage_citation(scope.store, passage, quote)
    if citation is None:
        return None
    return one_source_answer(
        query,
        f"{lead}: “{quote}”",
        citation,
        place=minutes.meta.title,
        metadata={"route": "minutes attendance", "document": minutes.id},
    )
