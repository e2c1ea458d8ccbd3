"""Limits on HTML markup, checked in one linear pass over the tags before parsing.

HTML tree building scans the stack of open elements at many tags, so its cost grows with
the square of the nesting depth: 20,000 nested ``<div>``s take lexbor seconds, 100,000 a
minute or more, whatever the file size. The depth is measured here as an HTML parser
would build it: a self-closing ``<div/>`` still opens a ``div`` (only void elements and
SVG/MathML content close themselves), an end tag closes its element and everything
opened inside it, and a new ``p``, ``li``, ``dt``/``dd``, ``tr`` or cell closes the open
one it implies. The number of elements is capped too, bounding the tree's memory.
"""

from __future__ import annotations

import re
from pathlib import Path

from indexing.loaders._common import LoadError

MAX_DEPTH = 10_000
"""Deepest element nesting accepted; real pages nest a few dozen levels. Parsing a page
at this depth takes about two seconds."""
MAX_ELEMENTS = 1_000_000
"""Elements one page may hold (a 100,000-row table of four cells is half of this)."""
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*+)[^<>]*+>")
_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "param",
    "source",
    "track",
    "wbr",
    "keygen",
    "frame",
}
_ROOTS = {"html", "head", "body"}
_FOREIGN = {"svg", "math"}
_IMPLIED = {
    # a start tag of the key closes the nearest open element of these names, unless one of
    # the scope elements (value) lies between
    "p": ({"p"}, {"table", "button", "td", "th"}),
    "li": ({"li"}, {"ul", "ol", "table"}),
    "dt": ({"dt", "dd"}, {"dl", "table"}),
    "dd": ({"dt", "dd"}, {"dl", "table"}),
    "tr": ({"tr", "td", "th"}, {"table"}),
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
    "option": ({"option"}, {"select"}),
}


class _OpenElements:
    """The stack of open elements, with a count per name so that lookups are O(1)."""

    def __init__(self) -> None:
        self.stack: list[str] = []
        self.count: dict[str, int] = {}

    def push(self, name: str) -> None:
        self.stack.append(name)
        self.count[name] = self.count.get(name, 0) + 1

    def pop_to(self, index: int) -> None:
        while len(self.stack) > index:
            self.count[self.stack.pop()] -= 1

    def close(self, name: str) -> None:
        """An end tag: close ``name`` and everything opened inside it (a stray one, nothing)."""
        if self.count.get(name):
            index = len(self.stack) - 1
            while self.stack[index] != name:  # each element is passed over once: linear
                index -= 1
            self.pop_to(index)

    def close_implied(self, names: set[str], scope: set[str]) -> None:
        if not any(self.count.get(name) for name in names):
            return
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index] in scope:
                return
            if self.stack[index] in names:
                self.pop_to(index)
                return

    def inside(self, names: set[str]) -> bool:
        return any(self.count.get(name) for name in names)


def check_markup(text: str, path: Path) -> None:
    """Refuse a page nested deeper than ``MAX_DEPTH`` or with over ``MAX_ELEMENTS`` elements."""
    open_elements = _OpenElements()
    elements = 0
    for match in _TAG.finditer(text):
        name = match.group(2).lower()
        if name in _ROOTS:
            continue
        if match.group(1):
            open_elements.close(name)
            continue
        elements += 1
        if elements > MAX_ELEMENTS:
            raise LoadError(
                path,
                f"HTML has more than {MAX_ELEMENTS:,} elements (element limit) — refused; "
                "split the page into smaller documents",
            )
        if name in _VOID or (match.group(0).endswith("/>") and open_elements.inside(_FOREIGN)):
            continue
        if name in _IMPLIED:
            open_elements.close_implied(*_IMPLIED[name])
        open_elements.push(name)
        if len(open_elements.stack) > MAX_DEPTH:
            raise LoadError(
                path,
                f"HTML nested more than {MAX_DEPTH:,} elements deep (depth limit) — refused "
                "(a real page nests a few dozen); is it generated or damaged?",
            )
