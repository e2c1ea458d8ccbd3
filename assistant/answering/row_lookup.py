"""The row of a table of figures that a question names by its label and column.

"What is the 2025-26 net budget for ASCH?" names a row ("NET BUDGET") and a column
("ASCH") of a budget table. Such a row is hard to find by meaning or by keywords: it
shares its column headers with every other row of the table, and its text is mostly
figures. A row whose every label word the question uses, with a column of figures whose
header holds another of the question's words, is that row; it is put first among the
candidates, and the answer gives the column asked for (``compose.row_values``). So is
a form's record (a one-row table: "Proposed Amount | Proposed Funding Source") when the
question names its paper by title and asks for its fields.

A financial year is one word however it is written: "2025/26", "2025–26", "25-26" and
"2025-2026" in a question or a header are all "2025-26", so "net budget 2025/26" finds
the "2025-26" column. A column headed by a short form ("ASCH") is named by the words
its initials spell ("adult social care and health"); a short form in capitals that is
also a common word ("GET", "IT") is a word of its own in a header and in a question
not typed in capitals. The words of the paper's title and the month of its meeting
count as named too ("net budget for 2027-28 in the 3 year revenue plan", "the march
budget update"); a count and a compound are written one way ("the three-year plan" is the
"3 Year Plan"), a count the row's paper does not give is not asked of it, and the verb of
"what does the plan show" names nothing. A row answers for a year only when its column
or its table names that year: a table of other years (a 2025-26 budget asked for
2026-27) has no row for it.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from functools import lru_cache

from assistant.answering.retrieve import Candidate, Search, named_first
from assistant.answering.scope import SHORT_FORM, Scope
from assistant.answering.short_forms import capital_words, spelt_out
from assistant.answering.understand import Query
from assistant.answering.word_forms import joined_words, with_joined
from assistant.answering.year_words import COUNT_WORDS, financial_years, one_way
from indexing.model import DocumentMeta, TableRow, is_unheaded_column
from indexing.terms import content_stems

MIN_SHARE = 0.75
"""Share (by idf weight) of the question's words the row's label, the named column's
header and the table's title must hold together."""
_FRAMING = frozenset({"after", "before", "all", "each", "everi"})
"""Stems of words that frame a question ("after the march update", "all directorates")
rather than name a row or a column of it."""
_FIELD_WORDS = 5
"""Words a form's field label has at most ("Proposed Funding Source"); a longer header
is a line of prose set over a column ("The net impact on our reserves balances is")."""
MAX_ROWS = 2
TIE = 0.02
"""Rows this close to the best are kept with it (the same line in two papers)."""


_ASIDES = frozenset(
    content_stems(
        "vs versus compared against this next last current year expected planned pencilled "
        "forecast projected extra additional according table line row figure bring raise want"
    )
)
"""Stems of words a question for a figure frames it with ("extra income GET is expected
to bring in next year according to the table", "pencilled in", "this year vs 2025-26"):
not asked of a row when neither the row, its headers, its table nor its paper use them."""
_YEAR = re.compile(r"\b(?:19|20)\d\d-\d\d\b")
_DAY = re.compile(r"\b\d{4}-\d\d-\d\d\b")
_COUNTS = frozenset(content_stems(" ".join(COUNT_WORDS)))
"""A count the question gives ("the 3 year plan") names a row's paper only where its title
or headers give it too: a title may give the years instead ("2025-28 Plan")."""
_SAYS = re.compile(
    r"\b(?:do|does|did)\b[^?.;]*\b(?:show|shows|say|says|give|gives|report|reports)\b",
    re.IGNORECASE,
)
"""The verb of "what does the plan show / say / give / report": it frames the question,
naming no row or column."""


def _stems(text: str, *, asked: bool = False) -> set[str]:
    """The content stems of ``text``, its financial years written one way, with its
    short forms in capitals that are common words ("GET" of a directorate). A question
    typed in capitals (``asked``) has none: its every word would be one."""
    return content_stems(one_way(text)) | capital_words(text, asked=asked)


def _asked(question: str) -> set[str]:
    """The question's words that may name a row, its column or its paper: less the words
    that frame it ("after", "all"; the verb of "what does the plan show")."""
    framing = _FRAMING | {
        s for found in _SAYS.finditer(question) for s in content_stems(found.group(0).split()[-1])
    }
    return _stems(question, asked=True) - framing


def _paper_words(meta: DocumentMeta) -> str:
    """The words naming a paper: its title, and the month of its meeting or date ("the
    march budget update")."""
    day = meta.meeting_date or meta.date or ""
    found = re.match(r"\d{4}-(\d\d)", day)
    month = (
        calendar.month_name[int(found.group(1))] if found and 1 <= int(found.group(1)) <= 12 else ""
    )
    # The file's name is how a paper is often known ("the budget update", "3 Year Revenue
    # Plan"); its meeting's day is not a financial year.
    file = re.sub(r"[_\W]+", " ", _DAY.sub(" ", meta.file.rsplit("/", 1)[-1].rsplit(".", 1)[0]))
    return f"{meta.title} {month} {file}".strip()


def _years(text: str) -> set[str]:
    """The financial years ``text`` names, written one way ("2025-26")."""
    return set(_YEAR.findall(financial_years(text)))


@lru_cache(maxsize=4096)
def _header_stems(header: str, question: str) -> frozenset[str]:
    """The words of a column header, with the question's words its short form stands
    for: "ASCH Core £000s" holds "adult social care and health"."""
    return frozenset(_stems(header) | spelt_out(header, question))


def _score(
    scope: Scope, asked: set[str], row: TableRow, question: str = "", title: str = ""
) -> float:
    """How fully the row's label and one of its columns of figures name the question,
    with the table's caption and the paper's ``title``; 0 when the label has a word the
    question lacks, no column header is named (unless the question's other words name
    the paper: "total savings for delivery in 2025-26, all directorates" of a budget by
    directorate, answered with every column), or the question's year is not the year
    of the row, column or table while the row's headers name other years."""
    label = row.label()
    named = _stems(label)
    if not named or not named <= asked:
        return 0.0
    held = named | _stems(" ".join([*row.cells, row.table, title]))
    asked = asked - (_COUNTS - held)  # "the 3 year plan" of one titled "2025-28 Plan"
    asked = asked - (_ASIDES - held)  # "pencilled in", "this year vs 2025-26"
    rest = asked - named
    columns = [
        (set(_header_stems(header, question)) & rest, header)
        for header, value in row.cells.items()
        if value and value != label and re.search(r"\d", value)
    ]
    best, header = max(
        columns, key=lambda found: scope.terms.coverage(rest, found[0]), default=(set(), "")
    )
    context = _stems(row.table) | _stems(title) | _stems(_label_header(row, label))
    if not best and not (columns and rest and scope.terms.coverage(rest, context) >= MIN_SHARE):
        return 0.0  # no column named, nor the paper by the question's other words
    wanted = _years(question)
    held = _years(" ".join([*row.cells, row.table, title]))
    if wanted and held and not wanted & _years(f"{label} {header} {row.table} {title}"):
        return 0.0  # "2026-27" of a 2025-26 table, or of a row of other years' columns
    return scope.terms.coverage(asked, named | best | context)


def _label_header(row: TableRow, label: str) -> str:
    """The header over the row's label: what its rows are ("Public Health Grant
    allocations" over "2024-25 allocation"), or nothing when it is a placeholder."""
    header = next((h for h, value in row.cells.items() if value == label), "")
    return "" if is_unheaded_column(header) else header


def _record_score(scope: Scope, asked: set[str], title: str, row: TableRow) -> float:
    """How fully a form's record (a one-row table of its own: "Proposed Amount | Proposed
    Funding Source") and its paper's title name the question: the title must share two
    of its words, and the fields the question asks for ("amount", "funding source") must
    be the record's headers."""
    named = _stems(title) & asked
    if len(named) < 2:
        return 0.0
    rest = asked - named
    fields = set().union(
        *(_stems(h) for h, value in row.cells.items() if value and len(h.split()) <= _FIELD_WORDS)
    )
    found = fields & rest
    if not found or scope.terms.coverage(rest, found) < MIN_SHARE:
        return 0.0
    return scope.terms.coverage(asked, named | found)


def named_rows(scope: Scope, query: Query) -> list[TableRow]:
    """The rows of tables of figures the question names by label and column, or the
    records of a form whose paper and fields it names, best first."""
    asked = _asked(query.text)
    if len(asked) < 2:
        return []
    scored = []
    for doc in scope.documents:
        shapes = Counter(tuple(row.cells) for row in doc.tables)
        for row in doc.tables:
            score = _score(scope, asked, row, query.text, _paper_words(doc.meta))
            if shapes[tuple(row.cells)] == 1:
                score = max(score, _record_score(scope, asked, doc.meta.title, row))
            if score >= MIN_SHARE:
                scored.append((score, row))
    if not scored:
        return []
    top = max(score for score, _ in scored)
    return [row for score, row in sorted(scored, key=lambda s: -s[0]) if score >= top - TIE][
        :MAX_ROWS
    ]


def with_named_rows(
    scope: Scope, query: Query, search: Search, candidates: list[Candidate]
) -> list[Candidate]:
    """``candidates`` with the rows the question names first, each with its cosine."""
    return named_first(search, [row.id for row in named_rows(scope, query)], candidates)


def row_fits(scope: Scope, question: str, row: TableRow) -> bool:
    """Can a row found by search (not named by label and column) answer the question?
    Its label must hold one of the question's words that its table, headers and paper do
    not ("parking" is not the "Driver improvement" row of a table of calls by service),
    and a short form the question types in capitals that heads a column somewhere ("GET")
    must be the row's, its headers' or its paper's (a plan's totals are not GET's). Only a
    row of figures is judged so: a record of people or a form's answers in words is judged
    by its words elsewhere."""
    label = row.label()
    values = [v for v in row.cells.values() if v and v != label]
    figures = [v for v in values if re.search(r"\d", v) and len(v.split()) <= _FIELD_WORDS]
    if len(figures) * 2 < len(values) or any(len(v.split()) > _FIELD_WORDS for v in values):
        return True  # a record of people or a form's answers in words, not a row of figures
    doc = scope.document(row.document_id)
    paper = _paper_words(doc.meta) if doc is not None else ""
    around = " ".join([*row.cells, row.table, row.section or "", paper])
    own = _asked(question) - _ASIDES - _COUNTS - _stems(around)
    named = with_joined(joined_words(question), _stems(label))  # "Drawdowns": "drawn down"
    if not own & named and {s for s in own if not re.fullmatch(r"[\d-]+", s)}:
        return False  # a word of the question that no part of this row holds
    if not capital_words(question, asked=True) and question.upper() == question:
        return True  # typed in capitals: no word is a short form
    shorts = {w.lower() for w in SHORT_FORM.findall(question)} & scope.column_short_forms
    held = {w.lower() for w in re.findall(r"[A-Za-z]+", f"{around} {label}")}
    return shorts <= held
