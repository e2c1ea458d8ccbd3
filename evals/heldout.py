"""The held-out part of a hand-written set: a seeded draw, stratified by tag.

Readers and answerers get tuned against the questions they fail; a set used that way
stops measuring anything but itself. So about a third of a set is drawn once, before
any tuning, and tagged ``heldout``: tuning looks only at the rest (``planbot eval
--part tuning``), and the held-out figure is the honest one.

The draw is repeatable — the same ids, seed and share always pick the same questions —
and stratified by each question's first tag (its main kind: figure, list, risk,
unanswerable…), so the held-out part has the same mix as the whole. Run it once on a
new set::

    python -m evals.heldout evals/sets/real-papers.yaml --seed 12

It adds the tag in place, keeping the file's comments and layout, and refuses a file
that already has held-out questions (a second draw would leak tuned questions into it).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

from evals.schema import Question
from evals.sets import load_set

HELDOUT = "heldout"
"""The tag of a held-out question."""


def draw(questions: list[Question], seed: int, share: float = 1 / 3) -> set[str]:
    """The ids of the held-out questions: ``share`` of each stratum (first tag), rounded."""
    strata: dict[str, list[str]] = defaultdict(list)
    for question in questions:
        strata[question.tags[0] if question.tags else ""].append(question.id)
    rng = random.Random(seed)
    chosen: set[str] = set()
    for tag in sorted(strata):
        ids = sorted(strata[tag])
        rng.shuffle(ids)
        chosen.update(ids[: round(len(ids) * share)])
    return chosen


def tag_in_place(path: Path, ids: set[str]) -> int:
    """Add ``heldout`` to the ``tags: [...]`` line of each chosen question; returns how many."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    current: str | None = None
    done = 0
    for index, line in enumerate(lines):
        start = re.match(r"\s*- id:\s*(\S+)", line)
        if start:
            current = start.group(1).strip("\"'")
            continue
        tags = re.match(r"(\s*tags:\s*\[)(.*)(\]\s*)$", line)
        if tags and current in ids:
            lines[index] = f"{tags.group(1)}{tags.group(2)}, {HELDOUT}{tags.group(3)}"
            done += 1
            current = None
    path.write_text("".join(lines), encoding="utf-8")
    return done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set_file", type=Path)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--share", type=float, default=1 / 3)
    args = parser.parse_args(argv)
    evalset = load_set(args.set_file)
    if any(HELDOUT in q.tags for q in evalset.questions):
        print(
            f"{args.set_file}: already has held-out questions; not drawing again", file=sys.stderr
        )
        return 1
    ids = draw(evalset.questions, args.seed, args.share)
    done = tag_in_place(args.set_file, ids)
    if done != len(ids):
        print(
            f"{args.set_file}: tagged {done} of {len(ids)} (a question without a one-line tags list?)",
            file=sys.stderr,
        )
        return 1
    print(
        f"{args.set_file}: {done} of {len(evalset.questions)} questions tagged {HELDOUT} (seed {args.seed})"
    )
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
