"""Generated text as sentences: where each stood (line, bullet) and which sources it cites.

The claim check judges sentence by sentence and then puts the kept ones back, lines as they
were; the sentence grammar itself is ``indexing.text``'s, so a quoted update stays one sentence.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from assistant.markers import MARKER_RUN, parse_markers
from indexing.text import line_sentences

_BULLET = re.compile(r"^\s*(?:[-*•▪]|\d{1,2}[.)])\s+")


class Sentence(BaseModel):
    """One sentence of generated text, where it stood, and what it cites."""

    text: str
    line: int
    prefix: str = ""
    cited: list[int] = Field(default_factory=list)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences by line, not splitting inside “quotes”; a bare ``[n]`` joins the sentence before."""
    out: list[Sentence] = []
    for line_no, line in enumerate(text.splitlines()):
        if not line.strip():
            continue
        bullet = _BULLET.match(line)
        prefix = bullet.group(0).strip() + " " if bullet else ""
        body = line[bullet.end() :] if bullet else line.strip()
        first = True
        for piece in line_sentences(body):
            lead = MARKER_RUN.match(piece)
            if (
                lead and out and out[-1].line == line_no
            ):  # "… 2017. [1] Next" — [1] closes the sentence before
                out[-1].text += " " + lead.group(0).strip()
                out[-1].cited = parse_markers(out[-1].text)
                piece = piece[lead.end() :].strip()
            if not piece:
                continue
            out.append(
                Sentence(
                    text=piece,
                    line=line_no,
                    prefix=prefix if first else "",
                    cited=parse_markers(piece),
                )
            )
            first = False
    return out


def join_sentences(sentences: list[Sentence]) -> str:
    """Kept sentences back into text, lines as they were."""
    lines: dict[int, list[str]] = {}
    for s in sentences:
        lines.setdefault(s.line, []).append(s.prefix + s.text if s.prefix else s.text)
    return "\n".join(" ".join(parts) for _, parts in sorted(lines.items()))
