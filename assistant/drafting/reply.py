"""A drafted reply and how it is put together: its model, the greeting, the sections.

The parts composed per question (``draft._Composer``) become the reply's sections in the order
``prompts/draft_reply.md`` gives them; the claim check an LLM's text must pass is run over
the draft's own fact lines, so a line the sources do not support is recorded, not hidden.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field, computed_field

from assistant.drafting.sections import Reference
from assistant.llm import claim_check
from assistant.llm.sources import source_text
from assistant.models import Answer, Citation
from assistant.prompts import Phrases, render
from assistant.text import quote

if TYPE_CHECKING:
    from assistant.drafting.draft import _Composer

_TITLES = re.compile(
    r"^(?:cllr|councillor|mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|lord|lady)\b\.?", re.I
)


class DraftQuestion(BaseModel):
    """One question of the member's query and the answer it got."""

    question: str = Field(description="The member's words for this part")
    asked: str = Field(description="What was asked of the answerer (with the subject it leans on)")
    answer: Answer
    covered: bool


class Draft(BaseModel):
    """A drafted reply: its text, the answers it rests on, its numbered sources, and the gaps."""

    query: str
    to: str | None = None
    sender: str | None = None
    text: str
    questions: list[DraftQuestion]
    references: list[Reference] = Field(description="[n] in the text is references[n-1]")
    uncovered: list[str] = Field(
        default_factory=list, description="Parts of the query the documents don't answer"
    )
    fact_lines: list[str] = Field(
        default_factory=list, description="The lines of the text that state facts"
    )
    metadata: dict[str, object] = Field(default_factory=dict)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def citations(self) -> list[Citation]:
        return [r.citation for r in self.references]

    @property
    def answers(self) -> list[Answer]:
        return [q.answer for q in self.questions]

    def check_sources(self, prompts_dir: Path) -> list[claim_check.CheckSource]:
        """The references as the claim check reads them (the same layout a model is shown)."""
        return [
            claim_check.CheckSource(
                n=r.n,
                text=source_text(r.n, r.citation, r.item, prompts_dir, limit=None),
                ratings=[r.item.rating] if r.item and r.item.rating else [],
            )
            for r in self.references
        ]


def greeting(phrases: Phrases, to: str | None) -> str:
    """``Dear Cllr Long,`` — a bare name gets "Cllr"; no name, ``Dear Councillor,``."""
    name = " ".join((to or "").split())
    if not name:
        return phrases("greeting_default")
    if not _TITLES.match(name):
        name = f"Cllr {name}"
    return phrases("greeting_named", name=name)


def assemble(
    phrases: Phrases,
    prompts_dir: Path,
    query: str,
    to: str | None,
    sender: str | None,
    parts: _Composer,
) -> Draft:
    """The reply from the composed parts, rendered through ``draft_reply.md``, with the claim
    check run over its fact lines (recorded in ``metadata``)."""
    covered = any(q.covered for q in parts.questions)
    summary_text = "\n".join(parts.summary)
    if sum(q.covered for q in parts.questions) > 1:
        summary_text = phrases("summary_heading") + "\n" + summary_text
    uncovered_lines = _uncovered_lines(phrases, parts.uncovered)
    references = parts.refs.items
    sections = {
        "greeting": greeting(phrases, to),
        "opening": phrases("opening" if covered else "opening_nothing_covered"),
        "summary": summary_text,
        "positions": _section(
            phrases("positions_heading"), ["\n".join(p) for p in parts.positions], blank=True
        ),
        "history": _section(phrases("history_heading"), parts.history),
        "uncovered": _section(
            phrases("uncovered_heading"),
            [*uncovered_lines, phrases("uncovered_offer")] if uncovered_lines else [],
        ),
        "references": _section(
            phrases("references_heading"),
            [phrases("reference_line", n=r.n, where=r.where()) for r in references],
        ),
        "closing": phrases("closing"),
        "sender": " ".join((sender or "").split()),
    }
    text = (
        re.sub(r"\n{3,}", "\n\n", render(prompts_dir, "draft_reply.md", **sections)).strip() + "\n"
    )
    fact_lines = [
        *parts.summary,
        *(line for p in parts.positions for line in p),
        *parts.history,
        *uncovered_lines,
    ]
    result = Draft(
        query=query,
        to=to,
        sender=sender,
        text=text,
        questions=parts.questions,
        references=references,
        uncovered=parts.uncovered,
        fact_lines=fact_lines,
    )
    check = claim_check.check(
        "\n".join(fact_lines), result.check_sources(prompts_dir), question=query
    )
    result.metadata = {
        "questions": len(parts.questions),
        "covered": sum(q.covered for q in parts.questions),
        "generated": any(g.get("generated") for g in parts.generation),
        "generation": parts.generation,
        "unsupported_lines": [v.model_dump() for v in check.dropped],
    }
    return result


def _uncovered_lines(phrases: Phrases, questions: list[str]) -> list[str]:
    """One sentence naming every part the documents don't answer (not the same sentence per part)."""
    if not questions:
        return []
    if len(questions) == 1:
        return [phrases("uncovered_line", question=questions[0])]
    quoted = [quote(q) for q in questions]  # the member's words, kept to one neutral line
    return [phrases("uncovered_lines", questions=", ".join(quoted[:-1]) + " and " + quoted[-1])]


def _section(heading: str, blocks: list[str], *, blank: bool = False) -> str:
    if not blocks:
        return ""
    return heading + "\n" + ("\n\n" if blank else "\n").join(blocks)
