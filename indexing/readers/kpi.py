"""KPI reports: each indicator's card joined with its row in the report's summary table.

A performance report names each indicator twice: once in a summary table with its
rating this period and last (the ratings its executive summary counts), and once on a
card with its values — latest, target, floor, previous — usually on a later page, often
with a slightly different wording of the name ("% of …" / "Percentage of …", a phrase
added or dropped). ``read_kpi_cards`` joins the two by the indicator's NAME (normalised,
fuzzy, one card to one row, best pairs first; never by position), so one KPI item holds
the row's ratings and the card's values, page and section.

Rows of summary tables the table reader left as figures become KPI items here when the
report treats them as indicators: their table's header says so (KPIs, indicators,
measures) or most of the table's rows have cards. A card with no summary row becomes a
KPI item of its own. Items that are the cards themselves read as table rows are dropped,
so an indicator is counted once.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from indexing.blocks import Block
from indexing.model import ItemKind, Location, PlanItem
from indexing.ratings import parse_rating, rating_change
from indexing.readers.kpi_cards import (
    _PAIR,
    Card,
    RatingStatement,
    rating_statements,
    read_cards,
    units,
)
from indexing.readers.kpi_service import service_heading
from indexing.readers.kpi_summary import SummaryRow, summary_rows
from indexing.readers.section_people import assign_section_people

MATCH = 82.0
"""Least name score (0–100) at which a card and a row are the same indicator."""
LEFTOVER = 65.0
"""Least score for a card and a row that are each other's best among those left unjoined."""

_WORDS = {"%": " percentage ", "&": " and ", "no.": " number ", "nos": " number "}
_DROP = re.compile(r"[’'`]s\b|[^\w\s]")
_STOP = {
    "of",
    "the",
    "a",
    "an",
    "to",
    "in",
    "by",
    "for",
    "and",
    "or",
    "which",
    "that",
    "who",
    "with",
}


def normalise_name(text: str) -> str:
    """An indicator's name reduced to its words: ``"% of FoI requests"`` and
    ``"Percentage of FOI requests"`` become the same."""
    lowered = text.lower()
    for symbol, word in _WORDS.items():
        lowered = lowered.replace(symbol, word)
    lowered = lowered.replace("proportion", "percentage")
    words = _DROP.sub(" ", lowered).split()
    return " ".join(w for w in words if w not in _STOP)


def name_score(a: str, b: str) -> float:
    """How surely two names are one indicator: the mean of a word-set and a word-order
    ratio, so a name contained in a longer one scores high only when little is added."""
    x, y = normalise_name(a), normalise_name(b)
    if not x or not y:
        return 0.0
    return (fuzz.token_set_ratio(x, y) + fuzz.token_sort_ratio(x, y)) / 2


def _pairs(
    left: list[str], right: list[str], least: float = MATCH, leftover: float | None = LEFTOVER
) -> list[tuple[int, int]]:
    """One-to-one pairs of names: best-scoring pairs first down to ``least``; then,
    among the names left on both sides, pairs that are each other's best down to
    ``LEFTOVER`` (a card reworded more than usual, its row the only one left for it)."""
    scores = {(i, j): name_score(a, b) for i, a in enumerate(left) for j, b in enumerate(right)}
    used_left: set[int] = set()
    used_right: set[int] = set()
    pairs = []
    for (i, j), score in sorted(scores.items(), key=lambda kv: kv[1], reverse=True):
        if score < least:
            break
        if i not in used_left and j not in used_right:
            used_left.add(i)
            used_right.add(j)
            pairs.append((i, j))
    if leftover is None:
        return pairs
    rest_left = [i for i in range(len(left)) if i not in used_left]
    rest_right = [j for j in range(len(right)) if j not in used_right]
    for i in rest_left:
        if not rest_right:
            break
        j = max(rest_right, key=lambda j: scores[i, j])
        mutual = max(rest_left, key=lambda k: scores[k, j]) == i
        if mutual and scores[i, j] >= leftover:
            pairs.append((i, j))
            rest_right.remove(j)
    return pairs


def read_kpi_cards(
    blocks: list[Block], items: list[PlanItem], *, doc_id: str, source: str, period: str | None
) -> list[PlanItem]:
    """The items with every KPI card's values joined to its indicator (see the module
    docstring); returns the whole list, KPI items updated in place or added."""
    stream = units(blocks)
    cards = read_cards(stream)
    rows = summary_rows(blocks, skip={card.block for card in cards})
    kept = [item for item in items if not _is_card_item(item, cards)]
    card_of_row = {j: i for i, j in _pairs([c.name for c in cards], [r.name for r in rows])}
    carded = [rows[j].block for j in card_of_row]
    mostly_carded = {b for b in carded if carded.count(b) * 2 >= sum(r.block == b for r in rows)}
    kpi_rows = [
        j
        for j, row in enumerate(rows)
        if j in card_of_row or row.table_names_indicators or row.block in mostly_carded
    ]
    touched: list[PlanItem] = []
    carded_items: dict[int, int] = {}  # id(item) → its card's block
    for j in kpi_rows:
        item = _item_for_row(rows[j], kept, touched, doc_id, source)
        if j not in card_of_row and item.kind not in (ItemKind.kpi, ItemKind.commitment):
            continue  # the table reader knew the row as a risk, a question…: not an indicator
        _apply_row(item, rows[j])
        if j in card_of_row:
            _apply_card(item, cards[card_of_row[j]], source, period)
            carded_items[id(item)] = cards[card_of_row[j]].block
        touched.append(item)
    loose = [i for i in range(len(cards)) if i not in card_of_row.values()]
    # a card whose row the table reader gave as an item of its own still joins that item
    others = [item for item in kept if item not in touched]
    joined = _pairs([cards[i].name for i in loose], [o.commitment for o in others], leftover=None)
    for i, k in joined:
        _apply_card(others[k], cards[loose[i]], source, period)
        carded_items[id(others[k])] = cards[loose[i]].block
        touched.append(others[k])
    for n, i in enumerate(i for i in loose if i not in {loose[i] for i, _ in joined}):
        item = PlanItem(
            id=f"{doc_id}:card{n + 1}",
            document_id=doc_id,
            kind=ItemKind.kpi,
            commitment=cards[i].name,
            location=Location(path=source, page=cards[i].page),
        )
        _apply_card(item, cards[i], source, period)
        carded_items[id(item)] = cards[i].block
        touched.append(item)
    for item in touched:
        item.period = item.period or period
        if id(item) in carded_items and (
            service := service_heading(blocks, carded_items[id(item)])
        ):
            item.fields["service"] = (
                service  # "Key Performance Indicators" under "Adult Social Care"
            )
        if item not in kept:
            kept.append(item)
    _apply_statements(
        list(rating_statements(stream)), [t for t in touched if t.kind is ItemKind.kpi]
    )
    assign_section_people(blocks, touched)
    return kept


def _is_card_item(item: PlanItem, cards: list[Card]) -> bool:
    """Whether an item is a card itself read as a table row: on the card's page, named
    as the card or named by one of its values ("Target: 90%, Floor: 85%")."""
    return any(
        item.location.page == card.page
        and item.section in (None, card.section)
        and (name_score(item.commitment, card.name) >= 95 or _PAIR.match(item.commitment))
        for card in cards
    )


def _texts(item: PlanItem) -> list[str]:
    return [item.commitment, *item.fields.values(), *item.other_fields.values()]


def _row_score(item: PlanItem, row: SummaryRow) -> float:
    """How surely an item is the table reader's reading of a summary row: its name in
    any of the item's cells (a reader may have taken another column for the name)."""
    return max(name_score(text, row.name) for text in _texts(item) if text)


def _item_for_row(
    row: SummaryRow, items: list[PlanItem], taken: list[PlanItem], doc_id: str, source: str
) -> PlanItem:
    """The item the table reader made of a summary row, else a new KPI item named by the
    row. An item the table reader made keeps its own title: it read the title column by
    its header, and the summary row's guess of a name column must not overwrite it."""
    same_page = [
        it
        for it in items
        if it.location.page == row.page and it.location.sheet == row.sheet and it not in taken
    ]
    best = max(same_page, key=lambda it: _row_score(it, row), default=None)
    if best is not None and _row_score(best, row) >= 95:
        return best
    return PlanItem(
        id=f"{doc_id}:kpi{len(taken) + 1}",
        document_id=doc_id,
        kind=ItemKind.kpi,
        commitment=row.name,
        location=Location(
            path=source,
            page=row.page,
            line_start=row.line,
            line_end=row.line,
            sheet=row.sheet,
            row=row.row,
        ),
    )


def _apply_row(item: PlanItem, row: SummaryRow) -> None:
    item.kind = ItemKind.kpi
    if row.rating_label and parse_rating(row.rating_label):
        printed = item.rating_label
        if printed and printed != row.rating_label and not parse_rating(printed):
            # The item's own rating cell held words, not a rating: they stay a field.
            item.other_fields.setdefault("rating as printed", printed)
        item.rating = parse_rating(row.rating_label)
        item.rating_label = row.rating_label
    if row.previous_label and parse_rating(row.previous_label):
        item.previous_rating = parse_rating(row.previous_label)
    item.direction = item.direction or row.direction
    if row.page is not None:
        item.fields.setdefault("summary_page", str(row.page))


def _apply_card(item: PlanItem, card: Card, source: str, period: str | None) -> None:
    """The card's values and name, ratings where the row gave none, its page and section
    (the summary row's wording and page are kept as ``summary_name``/``summary_page``)."""
    item.kind = ItemKind.kpi
    for role, value in card.values.items():
        item.fields[role] = value
    if item.rating is None and card.rating_label and parse_rating(card.rating_label):
        item.rating = parse_rating(card.rating_label)
        item.rating_label = card.rating_label
    if item.previous_rating is None and card.previous_label:
        item.previous_rating = parse_rating(card.previous_label)
    if card.previous_label:
        item.fields["previous_rating_label"] = card.previous_label
    if card.direction:
        item.direction = card.direction
    elif item.direction is None and rating_change(item.previous_rating, item.rating):
        item.direction = rating_change(item.previous_rating, item.rating)
        item.fields["direction_basis"] = "rating change"
    item.fields["card"] = card.text
    if card.name != item.commitment:
        # the card's own words name the item: they are on the page it cites
        item.fields.setdefault("summary_name", item.commitment)
        item.commitment = card.name
    item.period = card.period or item.period or period
    item.section = card.section or item.section
    item.location = Location(path=source, page=card.page, line_start=card.line, line_end=card.line)


def _apply_statements(statements: list[RatingStatement], kpis: list[PlanItem]) -> None:
    """A sentence such as "giving a Green RAG rating of 94%" fills the latest value and
    rating of the KPI it names — most of the name's words in the sentence and its heading,
    and no other KPI named as well — where no card gave them."""
    wanting = [k for k in kpis if "latest" not in k.fields or k.rating is None]
    for statement in statements:
        text = normalise_name(f"{statement.section or ''} {statement.sentence}")
        scored = sorted(
            (
                (fuzz.token_set_ratio(normalise_name(w.commitment), text), n)
                for n, w in enumerate(wanting)
            ),
            reverse=True,
        )
        if not scored or scored[0][0] < MATCH or (len(scored) > 1 and scored[1][0] >= MATCH):
            continue
        item = wanting[scored[0][1]]
        item.fields.setdefault("latest", statement.value)
        item.fields.setdefault("statement", statement.sentence)
        if item.rating is None:
            item.rating = parse_rating(statement.rating_label)
            item.rating_label = statement.rating_label
