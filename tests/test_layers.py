"""The layers point down: every import of every product module is checked against the order.

``indexing`` knows nothing above it; ``assistant`` answers from ``indexing`` and never imports a
front; the two fronts (``connectors``, ``evals``) use ``assistant`` and never each other. Inside
``assistant`` the parts are ordered too (docs/architecture.md, "Layers"):

    shared (config, models, text, markers, prompts) < llm < answering < drafting < the package facade

A module may import its own part or any part below it. Imports are read from the source (``ast``),
including those inside functions and ``importlib.import_module("…")`` calls with a literal name,
so a lazy import cannot hide a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("indexing", "assistant", "connectors", "evals")

# Which top-level packages each package may import (itself included).
ALLOWED = {
    "indexing": {"indexing"},
    "assistant": {"indexing", "assistant"},
    "connectors": {"indexing", "assistant", "connectors"},
    "evals": {"indexing", "assistant", "evals"},
}

# Parts of ``assistant`` by rank; a module may import a part of equal or lower rank.
ASSISTANT_RANK = {
    "assistant.config": 0,
    "assistant.models": 0,
    "assistant.text": 0,
    "assistant.markers": 0,
    "assistant.prompts": 0,
    "assistant.llm": 1,
    "assistant.answering": 2,
    "assistant.conversation": 2,  # follow-up context: uses lookup/understand, used by the router
    "assistant.drafting": 3,
    "assistant": 4,  # the package's own __init__: the facade (``from assistant import Assistant``)
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(source: str, module: str, is_package: bool) -> list[tuple[int, str]]:
    """(line, imported module) for every import in ``source``, relative ones resolved."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".") if is_package else module.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            found.append((node.lineno, name))
            # ``from assistant import llm`` imports the submodule assistant.llm
            found += [
                (node.lineno, f"{name}.{alias.name}")
                for alias in node.names
                if _is_real_module(f"{name}.{alias.name}")
            ]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, (ast.Attribute, ast.Name))
            and (getattr(node.func, "attr", None) or getattr(node.func, "id", None))
            in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.lineno, node.args[0].value))
    return found


def assistant_rank(name: str) -> int:
    """The rank of the assistant part ``name`` belongs to (longest matching prefix)."""
    parts = name.split(".")
    for n in range(len(parts), 1, -1):
        rank = ASSISTANT_RANK.get(".".join(parts[:n]))
        if rank is not None:
            return rank
    if name == "assistant":
        return ASSISTANT_RANK["assistant"]
    raise AssertionError(f"{name} has no place in the assistant's order: add it to ASSISTANT_RANK")


def _is_real_module(name: str) -> bool:
    """Whether ``name`` is a module or package of the repo (not a name imported from one)."""
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def violations(source: str, module: str, is_package: bool = False) -> list[str]:
    """Every import in ``source`` (of ``module``) that points up a layer or across fronts."""
    top = module.split(".")[0]
    bad: list[str] = []
    for line, name in imports_of(source, module, is_package):
        target_top = name.split(".")[0]
        if target_top not in PACKAGES:
            continue
        if target_top not in ALLOWED[top]:
            bad.append(f"{module}:{line} imports {name} ({top} never imports {target_top})")
            continue
        if top == "assistant" and target_top == "assistant":
            if assistant_rank(name) > assistant_rank(module):
                bad.append(f"{module}:{line} imports {name} (a part above it in assistant)")
    return bad


def product_modules() -> list[Path]:
    return sorted(p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py"))


def test_every_import_points_down() -> None:
    bad: list[str] = []
    for path in product_modules():
        bad += violations(path.read_text(), module_name(path), path.name == "__init__.py")
    assert not bad, "imports that point up or across:\n" + "\n".join(bad)


def test_every_package_is_covered() -> None:
    """A new top-level package of product code must be given its place in the order."""
    tops = {
        p.parent.name
        for p in ROOT.glob("*/__init__.py")
        if p.parent.name not in ("tests", "benchmarks", "prompts", "corpus")
    }
    assert tops <= set(PACKAGES), f"packages without a layer: {sorted(tops - set(PACKAGES))}"


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("indexing.store", "def f():\n    from assistant.config import Settings\n"),
        ("indexing.store", "import importlib\nimportlib.import_module('assistant.models')\n"),
        ("assistant.answering.compose", "from connectors import terminal\n"),
        ("connectors.cli", "from evals.cli_command import eval_command\n"),
        ("evals.runner", "import connectors.terminal\n"),
        ("assistant.llm.claim_check", "from assistant.answering.evidence import sentences\n"),
        ("assistant.llm.generate", "from ..drafting import draft\n"),
        ("assistant.text", "from assistant.llm import backends\n"),
        ("assistant.answering.router", "from assistant import Assistant\n"),
    ],
)
def test_an_import_up_or_across_is_caught(module: str, source: str) -> None:
    assert violations(source, module)


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("assistant.answering.router", "from assistant.llm.generate import rephrase\n"),
        ("assistant.drafting.draft", "from ..answering import router\n"),
        ("connectors.cli", "from assistant import Assistant\nimport indexing.store\n"),
        ("evals.runner", "from assistant.answering.router import Assistant\n"),
        ("assistant.llm.claim_check", "from assistant.text import sentences\n"),
    ],
)
def test_an_import_down_is_allowed(module: str, source: str) -> None:
    assert not violations(source, module)
