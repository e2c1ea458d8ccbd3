"""Finding and loading known-answer sets, by name (``handwritten``) or by path.

With no names, every ``evals/sets/*.yaml`` shipped with the code is loaded, so a new
set is picked up by dropping a file in that folder — no registration step.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import yaml

from evals.schema import EvalSet, SetError, display_path, parse_set

SETS_DIR = Path(__file__).resolve().parent / "sets"


def available_sets(directory: Path = SETS_DIR) -> list[Path]:
    """The shipped set files, sorted so runs are repeatable."""
    return sorted(p for p in directory.glob("*.yaml") if p.is_file())


def resolve(name_or_path: str, directory: Path = SETS_DIR) -> Path:
    """``handwritten`` → ``evals/sets/handwritten.yaml``; a path is taken as it is."""
    candidate = Path(name_or_path)
    if candidate.suffix in (".yaml", ".yml") or candidate.exists():
        if not candidate.is_file():
            raise SetError(f"{name_or_path}: no such set file")
        return candidate
    named = directory / f"{name_or_path}.yaml"
    if named.is_file():
        return named
    known = ", ".join(p.stem for p in available_sets(directory)) or "none"
    raise SetError(
        f"no set named {name_or_path!r} (known: {known}; or give a path to a .yaml file)"
    )


def load_set(path: Path) -> EvalSet:
    """Read and validate one set file."""
    source = display_path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise SetError(f"{source}: cannot read ({err.strerror or err})") from err
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise SetError(
            f"{source}: not valid YAML{where} ({getattr(err, 'problem', None) or err})"
        ) from err
    return parse_set(raw, source)


def load_sets(names: Iterable[str] = (), directory: Path = SETS_DIR) -> list[EvalSet]:
    """The sets named (names or paths), or every shipped set when none are named.

    Two sets with the same ``name`` would make results ambiguous, so that is an error.
    """
    paths = [resolve(n, directory) for n in names] or available_sets(directory)
    if not paths:
        raise SetError(f"no set files in {display_path(directory)}")
    sets = [load_set(p) for p in paths]
    seen: dict[str, str] = {}
    for evalset in sets:
        if evalset.name in seen:
            raise SetError(
                f"{evalset.source}: set name {evalset.name!r} is already used by {seen[evalset.name]}"
            )
        seen[evalset.name] = evalset.source or evalset.name
    return sets
