"""Motions and amendments of printed minutes read as records: who proposed and seconded
each, what it proposed, and how its recorded vote went (the counts for, against and
abstaining, who voted each way, and the outcome).

Minutes print a motion in pieces: "Mr A proposed, and Mr B seconded the following
amendment:" (or "Proposed by Councillor A; Seconded by Councillor B;", "The Motion was
proposed by Councillor A and seconded by Councillor B", a budget amendment form's
"Proposer: … Seconder: …", "on the proposal of Councillor A, seconded by Councillor B,
Standing Order No. 4 was suspended"), then its text, then, often pages later and after other
amendments, "the Chairman put to the vote the amendment set out in paragraph 7 … For
(12) <names> Against (42) <names> Abstain (7) <names> Amendment lost." A vote is given
to the proposal whose paragraph it names, else to the latest proposal of its kind
(motion or amendment) still without a vote, so the substantive motion's vote after a run
of amendments is not read as the last amendment's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.models import Passage, PlanDocument

_TITLE = r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Cllr|Councillor|Mayor)\.?"
NAME = rf"{_TITLE}\s+(?:[A-Z][\w'’.-]*\s+){{0,3}}[A-Z][\w'’-]+(?:\s*\([A-Z]{{1,2}}\))?"
"""A member as minutes name one: "Mr Oakford", "Councillor Collins (M)", "Mr B Lewis"."""
_PROPOSALS = (
    re.compile(
        rf"(?P<mover>{NAME})\s+(?:proposed|moved),?\s+and\s+(?P<seconder>{NAME})\s+"
        r"(?i:seconded)\b(?P<what>[^\n]{0,80})"
    ),
    re.compile(
        rf"(?i:proposed by)\s+(?P<mover>{NAME})\s*;?\s*(?i:seconded by)\s+(?P<seconder>{NAME})"
    ),
    re.compile(
        rf"(?P<what>(?i:motion|amendment))\s+was\s+(?:proposed|moved)\s+by\s+(?P<mover>{NAME})"
        rf"\s+and\s+seconded\s+by\s+(?P<seconder>{NAME})"
    ),
    re.compile(
        rf"(?i:proposer):\s*(?P<mover>{NAME}).{{0,40}}?(?i:seconder):\s*(?P<seconder>{NAME})"
    ),
    re.compile(
        rf"(?i:on\s+the\s+proposal\s+of)\s+(?P<mover>{NAME}),?\s+(?i:seconded\s+by)\s+"
        rf"(?P<seconder>{NAME}),?(?P<what>[^\n]{{0,80}})"
    ),
)
_WORDS_AFTER = (_PROPOSALS[0], _PROPOSALS[3], _PROPOSALS[4])
"""Where the motion's words follow its mover's line ("… seconded the following amendment:",
a form's "Proposer:"); in the others ("Proposed by …; Seconded by …", "The Motion was
proposed by …") they come before it."""
_RESOLUTION = re.compile(r"[^“\"]{0,80}[“\"][^”\"]*[”\"]?", re.S)
"""After "Proposed by …; Seconded by …", the resolution it quotes ("And Resolved: “That …”")."""
_AMOUNT = re.compile(r"\bProposed\s+Amount\s*:\s*([“\"][^”\"]{1,300}[”\"]?)", re.I)
"""A budget amendment's amount, printed under its label after the amendment's purpose."""
_COUNT = re.compile(r"^\s*(For|Against|Abstain\w*)\s*\(\s*(\d+)\s*\)\s*$", re.I | re.M)
_OUTCOME = re.compile(
    r"(?:^|(?<=\s))(?:[Tt]he\s+)?(?:[Ss]ubstantive\s+)?(?:Motion|Amendment|Recommendations?)\s+"
    r"(?i:(carried|lost|agreed|fell|defeated))\b",
    re.M,
)
_PARAGRAPH = re.compile(r"\bparagraph\s+(\d+)", re.I)
_NUMBERED = re.compile(r"\(?(\d+)\)\s*$")
_HONOUR = re.compile(r"^(?:[A-Z]{2,4})$")


@dataclass
class Proposal:
    """One motion or amendment as the minutes record it."""

    document: PlanDocument
    passage: Passage
    sentence: str
    mover: str
    seconder: str
    kind: str  # "motion" or "amendment"
    context: str  # the words around it: its heading, its text
    near: str = ""  # the words closest to its mover's line
    words: str = ""  # what it proposed, as quoted in the minutes
    words_passage: Passage | None = None  # the passage its words start in
    amount: str = ""  # a budget amendment's "Proposed Amount:", as quoted
    amount_passage: Passage | None = None
    paragraph: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    voters: dict[str, list[str]] = field(default_factory=dict)
    outcome: str | None = None
    outcome_printed: str = ""  # the outcome as the minutes print it ("Substantive Motion carried")
    vote_passage: Passage | None = None
    side_passages: dict[str, Passage] = field(default_factory=dict)  # where each count is
    vote_text: str = ""
    vote_put: str = ""  # the sentence putting it to the vote


_READ: dict[tuple[str, str], list[Proposal]] = {}
"""Proposals read per document (id and content hash): a question reads every document."""


def proposals(document: PlanDocument) -> list[Proposal]:
    """The motions and amendments of a document's minutes, with their votes (read once
    per version of the document)."""
    key = (document.id, document.sha256)
    if key not in _READ:
        if len(_READ) > 512:
            _READ.clear()
        _READ[key] = _read(document)
    return _READ[key]


def _read(document: PlanDocument) -> list[Proposal]:
    text, starts = _joined(document)
    if not any(p.search(text) for p in _PROPOSALS):
        return []
    found: list[tuple[int, int, re.Match[str], bool]] = []
    for pattern in _PROPOSALS:
        after_style = pattern in _WORDS_AFTER
        found += [(m.start(), m.end(), m, after_style) for m in pattern.finditer(text)]
    found.sort(key=lambda f: f[0])
    out: list[Proposal] = []
    for n, (start, end, match, after_style) in enumerate(found):
        after = found[n + 1][0] if n + 1 < len(found) else len(text)
        before = found[n - 1][1] if n else 0
        what = (match.groupdict().get("what") or "") + text[end : end + 200]
        kind = "amendment" if re.search(r"\bamendment\b", what[:120], re.I) else "motion"
        line_start = text.rfind("\n", 0, start) + 1
        numbered = _NUMBERED.search(text[max(line_start, start - 6) : start])
        amount = _AMOUNT.search(text, end, min(after, end + 2500)) if after_style else None
        if after_style:
            until, close = min(after, end + 1500), min(after, end + 300)
        else:  # its words are before it; after it only the resolution it quotes
            resolved = _RESOLUTION.match(text, end)
            until = close = min(after, resolved.end() if resolved else end)
        out.append(
            Proposal(
                document=document,
                passage=_passage_at(document, starts, start),
                sentence=" ".join(text[line_start : _sentence_end(text, end)].split()),
                mover=" ".join(match.group("mover").split()),
                seconder=" ".join(match.group("seconder").split()),
                kind=kind,
                context=text[line_start if after_style else max(before, start - 900) : until],
                near=text[line_start if after_style else max(before, start - 300) : close],
                words=_quoted(text[end : min(after, end + 800)]),
                words_passage=_passage_at(document, starts, _quote_start(text, end, after)),
                amount=" ".join(amount.group(1).strip('“”"').split()) if amount else "",
                amount_passage=_passage_at(document, starts, amount.start(1)) if amount else None,
                paragraph=numbered.group(1) if numbered else None,
            )
        )
    _votes(document, text, starts, out)
    return out


def _votes(document: PlanDocument, text: str, starts: list[int], found: list[Proposal]) -> None:
    """Each block of counts given to the proposal it decides (see the module)."""
    blocks: list[list[re.Match[str]]] = []
    for match in _COUNT.finditer(text):
        gap = text[blocks[-1][-1].end() : match.start()] if blocks else ""
        if blocks and match.group(1).lower() != "for" and not _OUTCOME.search(gap):
            blocks[-1].append(match)
        else:
            blocks.append([match])
    positions = {id(p): text.find(p.sentence) for p in found}
    for block in blocks:
        start = block[0].start()
        intro = " ".join(text[max(0, start - 400) : start].split())
        said = [x for x in re.split(r"(?<=[.:])\s+", intro) if re.search(r"\bvot", x, re.I)]
        put = said[-1] if said else ""  # the sentence putting it to the vote
        kind = "amendment" if re.search(r"\bamendment\b", put, re.I) else "motion"
        paragraph = _PARAGRAPH.search(put)
        earlier = [p for p in found if 0 <= positions[id(p)] < start and not p.counts]
        chosen = next(
            (p for p in reversed(earlier) if paragraph and p.paragraph == paragraph.group(1)),
            None,
        ) or next((p for p in reversed(earlier) if p.kind == kind), None)
        if chosen is None:
            continue
        end = block[-1].end()
        outcome = _OUTCOME.search(text, end, min(len(text), end + 2000))
        stop = outcome.end() if outcome else min(len(text), end + 800)
        for n, match in enumerate(block):
            label = match.group(1).title()
            label = "Abstain" if label.startswith("Abstain") else label
            chosen.counts[label] = int(match.group(2))
            chosen.side_passages[label] = _passage_at(document, starts, match.start())
            upto = (
                block[n + 1].start()
                if n + 1 < len(block)
                else (outcome.start() if outcome else stop)
            )
            chosen.voters[label] = _names(text[match.end() : upto])
        chosen.outcome = outcome.group(1).lower() if outcome else None
        chosen.outcome_printed = " ".join(outcome.group(0).split()) if outcome else ""
        chosen.vote_passage = _passage_at(document, starts, start)
        chosen.vote_text = " ".join(text[start:stop].split())
        chosen.vote_put = re.sub(r"^(?:[•·\-]\s*)?\(?\d+\)\s*", "", put)


def _sentence_end(text: str, end: int) -> int:
    """Where the mover's sentence ends: its full stop or colon, else its line's end."""
    stop = re.compile(r"[.:](?=\s|$)|\n").search(text, end - 1, end + 300)
    return stop.end() if stop else end


def _quote_start(text: str, end: int, after: int) -> int:
    """Where the first quotation after a mover's line opens (or the line's end)."""
    match = re.compile(r"[“\"]").search(text, end, min(after, end + 800))
    return match.start() if match else end


def _quoted(text: str) -> str:
    """The first words the minutes quote after a mover's line: what was moved."""
    match = re.search(r"[“\"]([^”\"]{10,})[”\"]?", text)
    if match is None:
        return ""
    words = " ".join(match.group(1).split())
    return words if len(words) <= 600 else words[:600].rsplit(" ", 1)[0] + " …"


def _names(text: str) -> list[str]:
    """The members listed under a count, an honour kept with the name before it."""
    names: list[str] = []
    for piece in (p.strip() for p in re.split(r",|\n", text)):
        if not piece:
            continue
        if names and _HONOUR.match(piece):
            names[-1] += f", {piece}"
        else:
            names.append(piece)
    return names


def _joined(document: PlanDocument) -> tuple[str, list[int]]:
    """The document's passages as one text, and where each passage starts in it."""
    starts, parts, at = [], [], 0
    for passage in document.passages:
        starts.append(at)
        parts.append(passage.text)
        at += len(passage.text) + 1
    return "\n".join(parts), starts


def _passage_at(document: PlanDocument, starts: list[int], offset: int) -> Passage:
    index = max(i for i, s in enumerate(starts) if s <= offset) if starts else 0
    return document.passages[index]
