"""The known-answer set format (``evals/sets/*.yaml``), validated with pydantic.

A set is written by hand by people who read the documents, so a mistake in it must be
easy to find: every validation error is turned into one line naming the file, the
question id (or its position when the id itself is missing) and the field, e.g.
``evals/sets/handwritten.yaml: question 'q2-flood' (#3): expect.facts.0: ...``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import ErrorDetails

KNOWN_TAGS = (
    "status",
    "list",
    "figure",
    "date",
    "person",
    "colloquial",
    "unanswerable",
    "cross-document",
    "near-miss",
)
"""Tags the README documents; others (``feedback``, ``generated``…) are allowed too."""

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")
_TAG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")

Fact = str | list[str]
"""One fact: a string, or a list of accepted alternatives (any one is enough)."""


class SetError(ValueError):
    """A set file that cannot be used; the message names the file, the question and the field."""


class Place(BaseModel):
    """Another place the expected fact is printed: a document, and its page (none = the
    expectation's own page)."""

    model_config = ConfigDict(extra="forbid")

    document: str = Field(min_length=1)
    page: int | None = Field(default=None, ge=1)


class Expect(BaseModel):
    """What a right answer contains. Every field but ``answered`` is optional."""

    model_config = ConfigDict(extra="forbid")

    answered: bool = Field(description="False for questions the documents don't cover.")
    refs: list[str] = Field(
        default_factory=list, description="Refs of the items that hold the answer."
    )
    document: str | None = Field(
        default=None, description="Id of the document the answer comes from."
    )
    facts: list[Fact] = Field(
        default_factory=list,
        description="Each must appear in the answer text (after normalisation).",
    )
    evidence: str | None = Field(
        default=None, description="Text a citation's quote should contain."
    )
    count: int | None = Field(
        default=None, ge=0, description="List questions: the count the answer must state."
    )
    not_covered: list[str] = Field(
        default_factory=list,
        description="Drafts: words of each part of the query the reply must say is not covered.",
    )
    first_item: bool = Field(
        default=False,
        description="Exact field match: the answer's first item must carry refs[0] (and document).",
    )
    page: int | None = Field(
        default=None,
        ge=1,
        description="PDF page (from 1) the fact is on: a citation then counts only from that page of the document.",
    )
    also: list[Place] = Field(
        default_factory=list,
        description="Other places giving the same fact (a paper repeated in a later pack, a figure printed "
        "in two papers); a citation of one of them counts too.",
    )

    @field_validator("refs", mode="before")
    @classmethod
    def _refs_as_text(cls, value: Any) -> Any:
        """YAML reads ``refs: [3.2, 25]`` as numbers; a ref is text ("3.10" is not "3.1")."""
        if isinstance(value, list):
            return [
                str(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v
                for v in value
            ]
        return value

    @field_validator("facts", mode="before")
    @classmethod
    def _facts_as_text(cls, value: Any) -> Any:
        """``facts: [5252]`` is meant as the text "5252", not rejected as an int."""

        def text(v: Any) -> Any:
            return str(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v

        if isinstance(value, list):
            return [[text(a) for a in v] if isinstance(v, list) else text(v) for v in value]
        return value

    @field_validator("facts")
    @classmethod
    def _facts_not_empty(cls, facts: list[Fact]) -> list[Fact]:
        for fact in facts:
            alternatives = fact if isinstance(fact, list) else [fact]
            if not alternatives or any(not a.strip() for a in alternatives):
                raise ValueError("a fact (or an alternative) is empty")
        return facts

    @model_validator(mode="after")
    def _consistent(self) -> Expect:
        if not self.answered and (self.facts or self.count is not None or self.evidence):
            raise ValueError(
                "answered: false cannot have facts, count or evidence (nothing should be answered)"
            )
        if self.first_item and not self.refs:
            raise ValueError(
                "first_item: true needs refs (the first is the ref the first item must carry)"
            )
        if (self.page is not None or self.also) and self.document is None:
            raise ValueError("page and also need document (the page of which document?)")
        if not self.answered and self.page is not None:
            raise ValueError("answered: false cannot have a page (nothing should be cited)")
        return self

    def documents(self) -> set[str]:
        """The expected document and the others giving the same fact (empty: any document)."""
        return {self.document, *(a.document for a in self.also)} if self.document else set()

    def places(self) -> list[tuple[str, int | None]]:
        """(document, page) of every place the fact is printed; page None = any page."""
        if self.document is None:
            return []
        return [(self.document, self.page), *((a.document, a.page or self.page) for a in self.also)]


class Question(BaseModel):
    """One known-answer question."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Unique in its set; letters, digits and . _ : -")
    question: str = Field(min_length=1)
    tags: list[str] = Field(default_factory=list)
    expect: Expect

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError("ids use letters, digits and . _ : - (no spaces)")
        return value

    @field_validator("tags")
    @classmethod
    def _tag_shape(cls, tags: list[str]) -> list[str]:
        for tag in tags:
            if not _TAG.match(tag):
                raise ValueError(f"tag {tag!r}: tags are lower-case words joined by - or _")
        return tags

    @property
    def answerable(self) -> bool:
        return self.expect.answered


class EvalSet(BaseModel):
    """A named set of questions. ``kind`` keeps hand-written and generated sets apart."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    description: str = ""
    kind: Literal["handwritten", "generated"] = "handwritten"
    corpus: str | None = Field(
        default=None,
        description="The corpus folder the questions are asked of (relative to the project or the working "
        "directory); none = the configured corpus.",
    )
    questions: list[Question] = Field(min_length=1)
    source: str | None = Field(
        default=None, description="The file it was read from (set by the loader)."
    )

    @model_validator(mode="after")
    def _unique_ids(self) -> EvalSet:
        seen: set[str] = set()
        for question in self.questions:
            if question.id in seen:
                raise ValueError(f"duplicate question id {question.id!r}")
            seen.add(question.id)
        return self


def parse_set(raw: Any, source: str) -> EvalSet:
    """Validate a set read from ``source``; errors name the file, question and field."""
    if not isinstance(raw, dict):
        raise SetError(f"{source}: the file must be a mapping with name, description and questions")
    try:
        evalset = EvalSet.model_validate(raw)
    except ValidationError as err:
        raise SetError("\n".join(_describe(source, raw, e) for e in err.errors())) from err
    evalset.source = source
    return evalset


def _describe(source: str, raw: dict[str, Any], error: ErrorDetails) -> str:
    """``file: question 'id' (#n): field.path: message`` for one pydantic error."""
    loc = list(error["loc"])
    message = error["msg"]
    if error.get("type") == "missing":
        message = "is required"
    if len(loc) >= 2 and loc[0] == "questions" and isinstance(loc[1], int):
        index = loc[1]
        questions = raw.get("questions") or []
        entry = questions[index] if index < len(questions) else None
        qid = entry.get("id") if isinstance(entry, dict) else None
        who = f"question {qid!r} (#{index + 1})" if qid else f"question #{index + 1} (no id)"
        field = ".".join(str(p) for p in loc[2:]) or "(the question itself)"
        return f"{source}: {who}: {field}: {message}"
    field = ".".join(str(p) for p in loc) or "(top level)"
    return f"{source}: {field}: {message}"


def display_path(path: Path) -> str:
    """A path relative to the working directory when possible, for shorter messages."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
