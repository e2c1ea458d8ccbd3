"""Realistic synthetic plan documents, for 10k- and 100k-item indexes.

The rows are variants of the real rows of ``corpus/council-plan-delivery-update-q2-2017.txt``
(quarterly updates: ref, commitment, milestones, owner, director, cabinet member, RAG
rating, direction of travel, then a "Key to initials") and
``corpus/council-plan-commitments-2020.txt`` (a plan: whole-number refs and one
``<p>commitment</p> <p>milestones</p>`` cell). Other councils, quarters and years; refs
renumbered per document; owners drawn from a generated key per council; ratings drawn
with the real documents' proportions; milestone text recombined from real sentences with
the council's name and the years shifted. They are written in the same TAB-separated
format with a ``manifest.yaml``, so they go through the real loader, parser and ingest.

    python -m benchmarks.synthetic /tmp/synth-10k --items 10000
    python -m benchmarks.synthetic /tmp/synth-100k --items 100000

Deterministic for a given ``--seed``; about 250 items per update and 70 per plan.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.config import REPO_ROOT

CORPUS = REPO_ROOT / "corpus"
UPDATE_SOURCE = CORPUS / "council-plan-delivery-update-q2-2017.txt"
PLAN_SOURCE = CORPUS / "council-plan-commitments-2020.txt"

COUNCILS = [
    ("Milton Keynes", "MKC"),
    ("Bedford", "BBC"),
    ("Luton", "LBC"),
    ("Northampton", "NBC"),
    ("Oxford", "OCC"),
    ("Reading", "RBC"),
    ("Swindon", "SBC"),
    ("Peterborough", "PCC"),
    ("Cambridge", "CCC"),
    ("Norwich", "NCC"),
    ("Ipswich", "IBC"),
    ("Colchester", "CBC"),
    ("Southend-on-Sea", "SoSC"),
    ("Slough", "SLBC"),
    ("Wokingham", "WBC"),
    ("Basingstoke", "BDBC"),
    ("Stevenage", "STBC"),
    ("Watford", "WatBC"),
    ("Harlow", "HDC"),
    ("Crawley", "CrBC"),
    ("Gloucester", "GCC"),
    ("Cheltenham", "ChBC"),
    ("Exeter", "ECC"),
    ("Plymouth", "PlCC"),
    ("Bristol", "BCC"),
    ("Bath and North East Somerset", "B&NES"),
    ("Leicester", "LCC"),
    ("Derby", "DCC"),
    ("Nottingham", "NoCC"),
    ("Coventry", "CovCC"),
    ("Wolverhampton", "WCC"),
    ("Stoke-on-Trent", "SoTCC"),
    ("Telford and Wrekin", "T&W"),
    ("Warrington", "WarBC"),
    ("Wigan", "WiC"),
    ("Bolton", "BoC"),
    ("Rochdale", "RoC"),
    ("Oldham", "OlC"),
    ("Kirklees", "KC"),
    ("Calderdale", "CalC"),
    ("Sunderland", "SCC"),
    ("Gateshead", "GaC"),
]
FIRST = [
    "Amanda",
    "Ben",
    "Carol",
    "David",
    "Emma",
    "Fiona",
    "Gareth",
    "Helen",
    "Ian",
    "Julia",
    "Kevin",
    "Laura",
    "Martin",
    "Nadia",
    "Owen",
    "Priya",
    "Rachel",
    "Simon",
    "Tariq",
    "Una",
    "Victoria",
    "William",
    "Yasmin",
    "Zoe",
    "Graham",
    "Hannah",
    "Imran",
    "Joanne",
    "Keith",
    "Lucy",
]
LAST = [
    "Abbott",
    "Baker",
    "Chowdhury",
    "Dawson",
    "Ellis",
    "Fletcher",
    "Gowans",
    "Hussain",
    "Irving",
    "Jones",
    "Kaur",
    "Lennon",
    "McLean",
    "Nolan",
    "O'Neill",
    "Patel",
    "Quinn",
    "Rahman",
    "Singh",
    "Thompson",
    "Underwood",
    "Varma",
    "Walsh",
    "Young",
    "Zaman",
    "Marland",
    "Middleton",
    "Legg",
]
OFFICER_ROLES = [
    "Chief Executive Officer",
    "Corporate Director, Place",
    "Corporate Director, People",
    "Corporate Director, Resources",
    "Service Director Housing and Community",
    "Service Director Children and Families",
    "Director of Public Health",
    "Head of Communications",
    "Head of HR and Strategy",
    "Head of Transport Innovation",
    "Capital Programme Director",
    "Head of Safeguarding",
    "Joint Commissioner",
    "Head of Development Management",
    "Director of Strategy & Futures",
    "Head of Youth and Community",
    "Service Director- Public Realm",
]
CABINET_ROLES = [
    "Leader of the Council",
    "Deputy Leader and Cabinet member for Health, Wellbeing & Adults",
    "Cabinet member for Place",
    "Cabinet member for Public Realm",
    "Cabinet member for Housing and Regeneration",
    "Cabinet member for Resources and Innovation",
    "Cabinet member for Customer Services",
    "Cabinet member for Children and Families",
]
# Proportions in the real Q2 2017 update: 34 G, 15 C, 8 A, 6 G/A, 6 none (+ a few R elsewhere).
RATINGS = ["G"] * 34 + ["C"] * 15 + ["A"] * 8 + ["G/A"] * 6 + [""] * 6 + ["R"] * 3 + ["A/R"] * 1
ARROWS = ["↔"] * 6 + ["↑"] * 3 + ["↓"] + ["↕"]
MONTHS = ["March", "June", "September", "December"]
_YEAR = re.compile(r"\b(20[0-3]\d)\b")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


@dataclass
class SourceRow:
    section: str
    commitment: str
    update_sentences: list[str]


def _clean(text: str) -> str:
    from indexing.cell_text import clean_cell

    return " ".join(clean_cell(text).split())


def source_rows() -> tuple[list[SourceRow], list[str]]:
    """The real rows (commitment, milestone sentences, section) of the two source files."""
    from assistant.models import DocumentKind, DocumentMeta
    from indexing.loaders import load_file
    from indexing.readers import read_document

    rows: list[SourceRow] = []
    sections: list[str] = []
    for path, kind in ((UPDATE_SOURCE, DocumentKind.update), (PLAN_SOURCE, DocumentKind.plan)):
        meta = DocumentMeta(file=path.name, title=path.stem, kind=kind)
        doc = read_document(
            load_file(path).blocks, meta, doc_id=path.stem, source=path.name, sha256=""
        )
        for item in doc.items:
            if not item.commitment or item.commitment.startswith("("):
                continue
            sentences = [
                s.strip(" •")
                for line in (item.update or "").split("\n")
                for s in _SENTENCE.split(line)
            ]
            rows.append(
                SourceRow(
                    item.section or "GENERAL",
                    " ".join(item.commitment.split()),
                    [s for s in sentences if len(s) > 20],
                )
            )
        sections += [s for s in doc.sections if s not in sections and len(s) < 60]
    return rows, sections


class _Council:
    def __init__(self, name: str, abbr: str, rng: random.Random) -> None:
        self.name, self.abbr = name, abbr
        self.slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        taken: set[str] = set()
        self.officers = [self._person(rng, taken, role, cllr=False) for role in OFFICER_ROLES]
        self.cabinet = [self._person(rng, taken, role, cllr=True) for role in CABINET_ROLES]

    @staticmethod
    def _person(
        rng: random.Random, taken: set[str], role: str, *, cllr: bool
    ) -> tuple[str, str, str, str]:
        while True:
            first, last = rng.choice(FIRST), rng.choice(LAST)
            initials = (
                first[0]
                + last.replace("'", "")[0]
                + ("c" + last[2] if last.startswith("Mc") else "")
            )
            if initials in taken:
                initials = initials + last[1].lower()
            if initials not in taken:
                taken.add(initials)
                return initials, ("Cllr " + first) if cllr else first, last, role


def _vary(text: str, council: _Council, year_shift: int) -> str:
    text = text.replace("Milton Keynes", council.name).replace("MKC", council.abbr)
    text = re.sub(r"\bMK\b", council.abbr, text)
    return _YEAR.sub(lambda m: str(int(m.group(1)) + year_shift), text)


def _update_document(
    council: _Council,
    quarter: int,
    year: int,
    n_items: int,
    rows: list[SourceRow],
    sections: list[str],
    rng: random.Random,
) -> str:
    shift = year - 2017
    lines = [
        f"{council.name} Council Plan Delivery Plan Update – Quarter {quarter}",
        "",
        "Key: R = Red",
        "A = Amber",
        "G = Green",
        "",
        "C = Action complete",
        "",
    ]
    n_sections = max(1, min(len(sections), round(n_items / 12)))
    chosen = rng.sample(sections * (1 + n_sections // len(sections)), n_sections)
    per = [
        n_items // n_sections + (1 if i < n_items % n_sections else 0) for i in range(n_sections)
    ]
    pool = [s for r in rows for s in r.update_sentences]
    for number, (section, count) in enumerate(zip(chosen, per, strict=False), start=1):
        lines.append(section.upper() + "\t" * 7)
        aim = _vary(rng.choice(rows).commitment, council, shift)
        lines.append(
            f"{number}\t{aim}\tKey Milestones\tOwner\tCD/Director\tCabinet Member\tRAG Rating\tDirection of Travel"
        )
        lines.append(f"OUR {section.upper()} COMMITMENTS – WE WILL:")
        for sub in range(1, count + 1):
            row = rng.choice(rows)
            commitment = _vary(row.commitment, council, shift)
            if rng.random() < 0.3:
                commitment = (
                    re.sub(r"\.$", "", commitment)
                    + f" by {rng.choice(MONTHS)} {year + rng.randint(0, 2)}."
                )
            picked = (
                row.update_sentences[: rng.randint(1, 3)] if row.update_sentences else []
            ) + rng.sample(pool, rng.randint(1, 3))
            update = " ".join(_vary(s, council, shift) for s in picked)
            if rng.random() < 0.5:
                update = "<p>" + update.replace(". ", ".</p> <p>", 1) + "</p>"
            owner, director = rng.choice(council.officers)[0], rng.choice(council.officers)[0]
            cabinet = rng.choice(council.cabinet)[0]
            rating = rng.choice(RATINGS)
            cells = [f"{number}.{sub}", commitment, update, owner, director, cabinet]
            cells += ([rating] if rating else []) + [rng.choice(ARROWS)]
            lines.append("\t".join(cells))
        lines.append("")
    lines.append("Key to initials")
    people = council.officers + council.cabinet
    lines += [f"{i}\t{first}\t{last}" for i, first, last, _ in people]
    lines += [f"\t\t{role}" for *_, role in people]
    return "\n".join(lines) + "\n"


def _plan_document(
    council: _Council,
    year: int,
    n_items: int,
    rows: list[SourceRow],
    sections: list[str],
    rng: random.Random,
) -> str:
    shift = year - 2020
    lines: list[str] = []
    ref = 0
    n_sections = max(1, round(n_items / 9))
    per = [
        n_items // n_sections + (1 if i < n_items % n_sections else 0) for i in range(n_sections)
    ]
    for section, count in zip(
        rng.sample(sections * (1 + n_sections // len(sections)), n_sections), per, strict=False
    ):
        lines += ["", section.upper() + "\t", f"OUR {section.upper()} COMMITMENTS – WE WILL:\t"]
        for _ in range(count):
            ref += 1
            row = rng.choice(rows)
            milestones = rng.sample(row.update_sentences, min(len(row.update_sentences), 2)) or [
                f"Progress report to Cabinet by {rng.choice(MONTHS)} {year + 1}"
            ]
            cell = f"<p>{_vary(row.commitment, council, shift)}</p> " + " ".join(
                f"<p>{_vary(m, council, shift)}</p>" for m in milestones
            )
            lines.append(f"{ref}\t{cell}")
    return "\n".join(lines) + "\n"


def generate(out: Path, items: int, seed: int = 7) -> dict[str, int]:
    """Write documents totalling about ``items`` plan items, and their manifest, to ``out``."""
    import yaml

    rng = random.Random(seed)
    rows, sections = source_rows()
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    councils = [_Council(name, abbr, rng) for name, abbr in COUNCILS]
    slots = [(c, y, q) for y in range(2015, 2026) for q in (1, 2, 3, 4) for c in councils]
    rng.shuffle(slots)
    manifest: dict[str, dict] = {}
    made = documents = 0
    for council, year, quarter in slots:
        if made >= items:
            break
        if quarter == 1 and rng.random() < 0.25:  # an annual plan refresh
            n = min(items - made, rng.randint(50, 90))
            name = f"{council.slug}-council-plan-commitments-{year}.txt"
            text = _plan_document(council, year, n, rows, sections, rng)
            manifest[name] = {
                "title": f"{council.name} Council Plan commitments ({year} refresh)",
                "kind": "plan",
                "period": f"{year}/{(year + 1) % 100:02d}",
                "date": f"{year}-04",
                "publisher": f"{council.name} Council",
            }
        else:
            n = min(items - made, rng.randint(200, 300))
            name = f"{council.slug}-delivery-update-q{quarter}-{year}.txt"
            text = _update_document(council, quarter, year, n, rows, sections, rng)
            month = {1: 8, 2: 11, 3: 2, 4: 5}[quarter]
            manifest[name] = {
                "title": f"{council.name} Council Plan Delivery Plan Update – Quarter {quarter} {year}/{(year + 1) % 100:02d}",
                "kind": "update",
                "period": f"Q{quarter} {year}/{(year + 1) % 100:02d}",
                "date": f"{year + (quarter >= 3)}-{month:02d}",
                "publisher": f"{council.name} Council",
            }
        (out / name).write_text(text, encoding="utf-8")
        made += n
        documents += 1
    (out / "manifest.yaml").write_text(
        "# Synthetic plan documents from benchmarks/synthetic.py (variants of the real rows).\n"
        + yaml.safe_dump(
            {"ignore": ["manifest.yaml"], "documents": manifest},
            sort_keys=False,
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    return {"documents": documents, "items": made}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    print(generate(args.out, args.items, args.seed))


if __name__ == "__main__":
    main()
