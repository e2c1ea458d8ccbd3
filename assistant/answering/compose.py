"""Grounded answer texts: what the rows and sentences say, each statement cited.

No LLM is involved: every figure, rating, name and date in an answer is copied from a
parsed row or a quoted sentence, and every statement ends with the number of the
citation it rests on (``[1]``). A rating the row does not give is said to be missing,
never filled in.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.answering.citations import document_label, source_place
from assistant.models import Answer, Citation, ItemKind, PlanItem, TableRow
from assistant.text import one_line, quote
from indexing.model import is_unheaded_column
from indexing.ratings import rating_words
from indexing.readers.vocabulary import column_role
from indexing.store import StoredNode
from indexing.terms import content_stems
from indexing.text import sentences as split_sentences
from indexing.text import shorten

if TYPE_CHECKING:
    from assistant.answering.understand import Query

UPDATE_CHARS = 1200


def _people_line(item: PlanItem) -> str | None:
    parts = []
    for label, role in (
        ("Owner", "owner"),
        ("Director", "director"),
        ("Cabinet member", "cabinet_member"),
    ):
        people = getattr(item, role)
        if people:
            parts.append(f"{label}: {'; '.join(p.display() for p in people)}")
    return ". ".join(parts) + "." if parts else None


def rating_sentence(item: PlanItem) -> str:
    if item.rating:
        own = (
            item.rating_label
            if item.rating_label and item.rating_label.lower() != (item.rating_words or "").lower()
            else item.rating
        )
        text = f"Rating: {item.rating_words} ({own})"
    else:
        text = "No RAG rating is given for this item in the source"
    if item.previous_rating:
        text += f"; previous rating: {rating_words(item.previous_rating)}"
    if item.direction:
        text += f"; direction of travel: {item.direction_words} ({item.direction})"
    return text + "."


_VALUE_LABELS = (
    ("latest", "Latest"),
    ("target", "Target"),
    ("floor", "Floor"),
    ("previous", "Previous"),
    ("likelihood", "Likelihood"),
    ("impact", "Impact"),
    ("score", "Score"),
    ("target_score", "Target score"),
    ("due", "Due"),
)
"""Values by role that an answer states, in this order, with these labels."""


def values_sentence(item: PlanItem) -> str | None:
    """``Latest: 94%; Target: 90%; Floor: 80%; Previous: 97% (Dec 24).`` — as the row gives them."""
    parts = [
        f"{label}: {one_line(item.fields[role])}"
        for role, label in _VALUE_LABELS
        if item.fields.get(role)
    ]
    # Columns the reader kept by their own header ("Estimated Annual Financial Exposure
    # £m") that hold a figure are values too.
    parts += [
        f"{one_line(header)}: {one_line(str(value))}"
        for header, value in item.other_fields.items()
        if value and len(str(value)) <= 20 and re.search(r"\d", str(value))
    ]
    if not parts:
        return None
    period = f" ({item.period})" if item.period else ""
    return "; ".join(parts) + period + "."


_NOT_DETAILS = {role for role, _ in _VALUE_LABELS} | {"card", "asker", "to"}


def detail_lines(item: PlanItem, question: str = "") -> list[str]:
    """The text cells of a row that has no update of its own, under their headers
    ("Notes: …", "Source: …", "Action: …"): what a KPI line, a risk or an indicator row
    says beside its values. Figures already stated as values are not repeated; a long
    cell keeps the sentence holding what the question asks (``clip_to_asked``)."""
    lines = []
    for header, value in [*item.fields.items(), *item.other_fields.items()]:
        text = one_line(str(value or ""))
        if (
            not text
            or header in _NOT_DETAILS
            or header.startswith("summary_")
            or text == item.commitment
        ):
            continue
        if len(text) <= 20 and re.search(r"\d", text) and header in item.other_fields:
            continue  # a figure under its own header: given with the values
        label = header.replace("_", " ")
        if is_unheaded_column(label.lower()):
            label = "also"  # a column the paper gave no header: its number is the reader's
        if label.lower() == "source":
            label = "source of the data"  # "Source:" is the answer's own line for its citation
        lines.append(f"{label[:1].upper()}{label[1:]}: {quote(clip_to_asked(text, 400, question))}")
    return lines


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters: at the last sentence end past half way, else a word."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    end = max(cut.rfind(". "), cut.rfind("\n"))
    return cut[: end + 1] + " …" if end > limit // 2 else shorten(text, limit)


_ASKS_FIGURE = re.compile(
    r"%|\bhow\s+(?:many|much)\b|\b(?:percentage|proportion|share|number|amount|figure)\b", re.I
)
"""A question for a figure: of two sentences holding as many of its words, the one with a
figure answers it."""


def clip_to_asked(text: str, limit: int, question: str) -> str:
    """``text`` cut as ``clip`` does, then the sentence of the part cut off that holds most
    of the question's words the kept part lacks ("Considering proposals for new train
    stations …", deep in a long reply about a sub-group), one with a figure when a figure is
    asked and two hold as many: the opening alone would not answer what was asked."""
    clipped = clip(text, limit)
    if clipped == text or not question:
        return clipped
    kept = clipped.removesuffix(" …")
    lacking = content_stems(question) - content_stems(kept)
    rest = [s for s in split_sentences(text[len(kept) :]) if len(s) > 3]
    share = re.search(r"%|\bper\s?cent|\bpercentage\b|\bproportion\b", question, re.I)
    figure = re.compile(r"\d\s?%" if share else r"\d") if _ASKS_FIGURE.search(question) else None
    asked = content_stems(question)
    scored = [
        (
            len(content_stems(s) & lacking),
            bool(figure and figure.search(s)),
            len(content_stems(s) & asked),
            n,
            s,
        )
        for n, s in enumerate(rest)
    ]
    overlap, _, _, at, sentence = max(scored, default=(0, False, 0, 0, ""), key=lambda x: x[:3])
    if overlap == 0:
        return clipped
    tail = " …" if at < len(rest) - 1 else ""
    part = clip_around(sentence, limit // 2, lacking)
    return f"{kept} {part if part.startswith('… ') else '… ' + part}{tail}"


_WORD_AT = re.compile(r"[\w£'’-]+")


def clip_around(sentence: str, limit: int, wanted: set[str]) -> str:
    """``sentence`` cut to ``limit`` characters where it holds most of the ``wanted``
    stems: a long sentence whose asked words come late ("… new levies (Emissions Trading
    Scheme (ETS) - Jan 28) will further add to the cost …") keeps them, not its opening."""
    if len(sentence) <= limit:
        return sentence
    words = list(_WORD_AT.finditer(sentence))
    hits = [m.start() for m in words if content_stems(m.group(0)) & wanted]
    starts = [m.start() for m in words]
    held = [sum(at <= h < at + limit * 7 // 8 for h in hits) for at in starts]
    best = max(range(len(starts)), key=lambda n: (held[n], -n))
    if not hits or held[best] <= sum(h < limit * 3 // 4 for h in hits):
        return clip(sentence, limit)  # its opening holds as many asked words: cut as usual
    first = min(h for h in hits if h >= starts[best])  # the window opens a little before it
    lead = max((at for at in starts if at <= first - limit // 8), default=0)
    window = sentence[lead:]
    return ("… " if lead else "") + (window if len(window) <= limit else shorten(window, limit))


def status_text(
    node: StoredNode,
    item: PlanItem,
    marker: int,
    *,
    has_ratings: bool,
    asks_rating: bool = False,
    question: str = "",
) -> str:
    """The position of one item: commitment, rating, people, latest update, source."""
    # Document text goes in one line each (``assistant.text``): a line of the
    # document can never start a line of the answer, such as its "Source:" line.
    head = (
        f"**{item.ref} — {one_line(item.commitment)}**"
        if item.ref
        else f"**{one_line(item.commitment)}**"
    )
    lines = [f"{head} [{marker}]"]
    values = values_sentence(item)
    if values:
        lines.append(f"{values} [{marker}]")
    if has_ratings or item.rating or asks_rating:
        lines.append(rating_sentence(item))
    people = _people_line(item)
    if people:
        lines.append(people)
    if not item.update:
        lines += [f"{line} [{marker}]" for line in detail_lines(item, question)]
    if item.update:
        period = node.metadata.get("document_period")
        label = _UPDATE_LABELS.get(item.kind) or (
            f"Latest update ({period})" if period else "Update"
        )
        update = clip_to_asked(item.update, UPDATE_CHARS, question)
        lines.append(f"{label}: {quote(update)} [{marker}]")
    asker = item.fields.get("asker")
    if item.kind is ItemKind.question and asker:
        to = item.fields.get("to")
        lines.append(
            f"Asked by {one_line(asker)}" + (f" to {one_line(to)}" if to else "") + f". [{marker}]"
        )
    if item.dates_due and not item.update:
        lines.append(f"Due: {', '.join(item.dates_due)}.")
    page = f", {item.location.pages()}" if item.location.page else ""
    lines.append(
        f"Source: {document_label(node.metadata)}"
        + (f", ref {item.ref}" if item.ref else "")
        + f"{page} [{marker}]"
    )
    return "\n".join(lines)


_UPDATE_LABELS = {
    ItemKind.question: "Answer",
    ItemKind.recommendation: "Response",
    ItemKind.risk: "Mitigation",
}


_ROLE_LABELS = {"owner": "owner", "director": "director", "cabinet_member": "cabinet member"}


def list_line(item: PlanItem, marker: int, role: str | None = None) -> str:
    """One row of a list answer; ``role`` shows the person the question asks about
    ("which director is over…") instead of the owner."""
    role = role if role in _ROLE_LABELS else "owner"
    people = getattr(item, role) or []
    named = "; ".join(p.display() for p in people) if people else None
    rating = f" — {item.rating_words}" if item.rating else ""
    if item.previous_rating and item.previous_rating != item.rating:
        rating += f" (was {rating_words(item.previous_rating)})"
    latest = item.fields.get("latest") or item.fields.get("score")
    value = f" — {'latest' if item.fields.get('latest') else 'score'} {latest}" if latest else ""
    target = f", target {item.fields['target']}" if latest and item.fields.get("target") else ""
    who = f" — {_ROLE_LABELS[role]} {named}" if named else ""
    ref = f"{item.ref} " if item.ref else ""
    return f"• {ref}{one_line(item.title(110))}{rating}{value}{target}{who} [{marker}]"


def history_line(node: StoredNode, item: PlanItem, marker: int) -> str:
    rating = f", rated {item.rating_words}" if item.rating else ""
    ref = f"ref {item.ref}: " if item.ref else ""
    update = f" — {quote(clip(item.update, 300))}" if item.update else ""
    return f"• {document_label(node.metadata)} ({ref}{one_line(item.title(100))}{rating}){update} [{marker}]"


PEOPLE_ROLES = frozenset({"owner", "director", "cabinet_member"})


def row_name(row: TableRow) -> str:
    """What a row is about: its first non-numeric cell ("Adult Social Care"), or, when
    that cell is a person under a people column ("Cabinet Member: Dan Watkins") or opens
    with a figure ("0 places"), the table's own name (a directorate's heading): the person
    or the figure is a value of the row."""
    label = row.label()
    if _FIGURE_LED.match(label) and (row.table or row.section):
        return (row.table or row.section or label).rstrip(" :")  # "0 places": a value
    header = next((h for h, v in row.cells.items() if v == label), "")
    found = column_role(header) if header else None
    if found is not None and found.role in PEOPLE_ROLES and (row.table or row.section):
        return row.table or row.section or label
    return label


_FIGURE_LED = re.compile(r"^\s*[£€$]?\s*(?!(?:19|20)\d\d\b)\d")
"""A cell that opens with a figure ("0 places", "0.3FE 85 Year R temp places") is one of
the row's values, not its name; a year that opens a name ("2025-26 allocation") is not."""


def _said(header: str, said: set[str]) -> bool:
    """The question names the column by its head word ("cabinet member" for "Cabinet
    Members", "director" for "Corporate Director"), plural or not: words too common to
    rank a source by are still the name of a column."""
    words = re.findall(r"[a-z]{2,}", header.lower())  # not the "s" of "£000s" or "what's"
    return bool(words) and (words[-1] in said or words[-1].rstrip("s") in said)


def row_values(row: TableRow, question: str) -> str:
    """The cells of a table row that a question asks for, under their headers:
    "Adult Social Care — 2025-26 Net Budget: £601.2m". Columns whose header shares a
    word or a year with the question are given; when none does, every cell is."""
    from assistant.answering.short_forms import capital_words, spelt_out
    from assistant.answering.year_words import financial_years

    question = financial_years(question)  # "2025/26" asks for the "2025-26" column
    asked = content_stems(question) | capital_words(question, asked=True)  # "GET"
    years = set(re.findall(r"(?:19|20)\d{2}(?:[-/]\d{2,4})?", question))
    label = row_name(row)
    cells = [(header, value) for header, value in row.cells.items() if value and value != label]
    said = set(re.findall(r"[a-z]+", question.lower()))
    # A word every column's header holds ("£000s") tells none of them apart.
    heads = [content_stems(financial_years(h)) | capital_words(h) for h, _ in cells]
    shared = set.intersection(*heads) if len(heads) > 1 else set()
    wanted = [
        (header, value)
        for (header, value), head in zip(cells, heads, strict=True)
        if head & (asked - shared)
        or any(year in financial_years(header) for year in years)
        or _said(header, said)
        or spelt_out(header, question)  # "ASCH Core £000s" for "adult social care and health"
    ]
    # "2025-26 net budget": of the budget columns, the year's.
    of_the_year = [
        (header, value)
        for header, value in wanted
        if any(year in financial_years(header) for year in years)
    ]
    shown = of_the_year or wanted or cells
    # Cells are the document's text: one line each (``assistant.text``), so no cell starts a line of ours.
    return f"{one_line(label)} — " + "; ".join(
        under_header(one_line(header), one_line(value)) for header, value in shown
    )


def under_header(header: str, value: str) -> str:
    """A cell under its header ("Target: 90%"); a column the paper gave no header is
    only its value, since its number ("column 3") is the reader's, not the paper's."""
    return value if is_unheaded_column(header) else f"{header}: {value}"


def one_source_answer(
    query: Query,
    stated: str,
    citation: Citation,
    items: list[PlanItem] | None = None,
    *,
    place: str | None = None,
    metadata: dict[str, object] | None = None,
) -> Answer:
    """An answer resting on one source: the statement with its marker ``[1]``, then the
    "Source:" line naming where it is printed (``place``, else the citation's
    ``source_place``)."""
    return Answer(
        question=query.text,
        answer=f"{stated} [1]\nSource: {place or source_place(citation)} [1]",
        answered=True,
        intent=query.intent.value,
        citations=[citation],
        items=items or [],
        metadata=metadata or {},
    )
