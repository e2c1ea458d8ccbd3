"""The product code holds no literal of any council's documents.

Readers must learn what a document calls things from the document or its manifest; a
name, abbreviation or title of a shipped paper in the code would make Plan Assistant
work on that council's papers and quietly worse on everyone else's. The literals are
taken from the corpora themselves (publishers, their initials, the titles the
manifests give), plus the phrases the shipped files repeat in their layout.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PRODUCT = ["indexing", "assistant", "connectors", "prompts"]
MANIFESTS = [ROOT / "corpus" / "manifest.yaml", ROOT / "evals" / "corpus-real" / "manifest.yaml"]
LAYOUT_PHRASES = [
    "WE WILL",
    "RegenerationMK",
    "MK",
    "CMK",
    "MKC",
    "KCC",
    "cd/director",
    "milton",
    "keynes",
    "keyn",
]
"""What the shipped files' layout and text repeat: literals the old parser and
understanding code held."""
_GENERIC = {
    "council",
    "county",
    "city",
    "district",
    "borough",
    "community",
    "and",
    "the",
    "of",
    "uk",
    "government",
}


def _publisher_literals() -> set[str]:
    literals: set[str] = set()
    for manifest in MANIFESTS:
        entries = (yaml.safe_load(manifest.read_text(encoding="utf-8")) or {}).get("documents", {})
        for entry in entries.values():
            publisher = (entry or {}).get("publisher") or ""
            words = re.findall(r"[A-Za-z]+", publisher)
            literals |= {w for w in words if w.lower() not in _GENERIC}
            initials = "".join(w[0] for w in words if w[0].isupper())
            if len(initials) >= 2:
                literals.add(initials)
    return literals


def _title_literals() -> set[str]:
    titles: set[str] = set()
    for manifest in MANIFESTS:
        entries = (yaml.safe_load(manifest.read_text(encoding="utf-8")) or {}).get("documents", {})
        titles |= {entry["title"] for entry in entries.values() if entry and entry.get("title")}
    return titles


def _code_files() -> list[Path]:
    return [
        p
        for folder in PRODUCT
        for p in (ROOT / folder).rglob("*")
        if p.suffix in {".py", ".md", ".yaml"}
    ]


def test_the_literal_lists_are_not_empty() -> None:
    # Without this, an unreadable manifest would make the check below pass on nothing.
    assert {"Milton", "Keynes", "Kent", "MKC", "KCC"} <= _publisher_literals() | set(LAYOUT_PHRASES)
    assert len(_title_literals()) >= 5
    assert len(_code_files()) > 30


def _pattern() -> re.Pattern[str]:
    """Any literal as a whole token, in any case ("mk" in a stop-word list counts too);
    letters, digits and underscores around it make it part of another name (``_tc``)."""
    words = sorted(_publisher_literals() | set(LAYOUT_PHRASES), key=len, reverse=True)
    return re.compile(
        r"(?<![A-Za-z0-9_])(" + "|".join(re.escape(w) for w in words) + r")(?![A-Za-z0-9_])", re.I
    )


def test_product_code_names_no_council_and_no_shipped_title() -> None:
    pattern = _pattern()
    titles = _title_literals()
    found: list[str] = []
    for path in _code_files():
        text = path.read_text(encoding="utf-8")
        for n, line in enumerate(text.splitlines(), start=1):
            found += [
                f"{path.relative_to(ROOT)}:{n}: {m.group(1)!r} in {line.strip()[:100]}"
                for m in pattern.finditer(line)
            ]
            found += [f"{path.relative_to(ROOT)}:{n}: title {t!r}" for t in titles if t in line]
    assert not found, "council literals in product code:\n" + "\n".join(found)


def test_the_check_finds_a_planted_literal() -> None:
    pattern = _pattern()
    assert pattern.search('if "WE WILL" in cell:')
    assert pattern.search("council = 'Kent County Council'")
    assert pattern.search('STOP = "us mk council"')
    assert not pattern.search("the kentish weald") and not pattern.search("a milestone")
    assert not pattern.search("cell._tc is not other._tc")
