"""The known-answer set format: good sets load, bad ones say where they are wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from evals.cli_command import eval_command
from evals.schema import SetError
from evals.sets import SETS_DIR, load_set, load_sets, resolve

GOOD_QUESTION = {
    "id": "q2-onestopshop-status",
    "question": "what's the latest on the one stop shop for homeless people?",
    "tags": ["status", "colloquial"],
    "expect": {
        "answered": True,
        "refs": ["3.2"],
        "document": "council-plan-delivery-update-q2-2017",
        "facts": [["Green/Amber", "G/A"], "Michael Kelleher"],
        "evidence": "One-Stop Shop style service",
    },
}


def _write(tmp_path: Path, questions: list[dict], name: str = "mine") -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(
        yaml.safe_dump({"name": name, "description": "test", "questions": questions}),
        encoding="utf-8",
    )
    return path


def _error(path: Path) -> str:
    with pytest.raises(SetError) as caught:
        load_set(path)
    return str(caught.value)


def test_a_good_set_loads_with_refs_as_text(tmp_path: Path) -> None:
    numeric = {
        **GOOD_QUESTION,
        "id": "n",
        "expect": {"answered": True, "refs": [3.2, 25], "facts": [5252]},
    }
    evalset = load_set(_write(tmp_path, [GOOD_QUESTION, numeric]))
    assert evalset.name == "mine" and evalset.kind == "handwritten"
    assert evalset.questions[0].expect.facts[0] == ["Green/Amber", "G/A"]
    assert evalset.questions[1].expect.refs == ["3.2", "25"] and evalset.questions[
        1
    ].expect.facts == ["5252"]


def test_a_wrong_field_type_names_file_question_and_field(tmp_path: Path) -> None:
    bad = {**GOOD_QUESTION, "id": "q-bad-facts", "expect": {"answered": True, "facts": [{"x": 1}]}}
    message = _error(_write(tmp_path, [GOOD_QUESTION, bad]))
    assert (
        "mine.yaml" in message
        and "question 'q-bad-facts' (#2)" in message
        and "expect.facts.0" in message
    )


def test_a_missing_id_names_the_position(tmp_path: Path) -> None:
    nameless = {k: v for k, v in GOOD_QUESTION.items() if k != "id"}
    message = _error(_write(tmp_path, [GOOD_QUESTION, nameless]))
    assert "question #2 (no id)" in message and ": id: is required" in message


def test_a_misspelt_field_is_rejected_not_ignored(tmp_path: Path) -> None:
    typo = {**GOOD_QUESTION, "expect": {"answered": True, "fact": ["x"]}}
    message = _error(_write(tmp_path, [typo]))
    assert "question 'q2-onestopshop-status' (#1): expect.fact:" in message


def test_unanswerable_with_facts_is_a_contradiction(tmp_path: Path) -> None:
    contradiction = {
        "id": "u-x",
        "question": "budget 2025?",
        "tags": ["unanswerable"],
        "expect": {"answered": False, "facts": ["£1m"]},
    }
    message = _error(_write(tmp_path, [contradiction]))
    assert "question 'u-x' (#1): expect:" in message and "answered: false" in message


def test_duplicate_ids_and_bad_tags_are_errors(tmp_path: Path) -> None:
    assert "duplicate question id 'q2-onestopshop-status'" in _error(
        _write(tmp_path, [GOOD_QUESTION, GOOD_QUESTION])
    )
    tagged = {**GOOD_QUESTION, "tags": ["Has Space"]}
    assert "tags" in _error(_write(tmp_path, [tagged]))


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(
        "name: broken\nquestions:\n  - id: a\n    question: [unclosed\n", encoding="utf-8"
    )
    message = _error(path)
    assert "broken.yaml" in message and "not valid YAML at line" in message


def test_sets_resolve_by_name_or_path_and_unknown_names_list_the_known(tmp_path: Path) -> None:
    assert resolve("handwritten") == SETS_DIR / "handwritten.yaml"
    path = _write(tmp_path, [GOOD_QUESTION])
    assert resolve(str(path)) == path
    with pytest.raises(SetError, match="known: .*handwritten"):
        resolve("no-such-set")


def test_every_shipped_set_is_valid_and_the_handwritten_set_is_large() -> None:
    sets = {s.name: s for s in load_sets()}
    assert "handwritten" in sets
    handwritten = sets["handwritten"].questions
    assert len(handwritten) >= 150
    assert sum(not q.expect.answered for q in handwritten) >= 25


def test_the_command_reports_a_bad_set_as_one_line_and_exit_1(tmp_path: Path) -> None:
    bad = {**GOOD_QUESTION, "expect": {"answered": "perhaps"}}
    result = CliRunner().invoke(eval_command, [str(_write(tmp_path, [bad]))])
    assert result.exit_code == 1
    assert "question 'q2-onestopshop-status' (#1): expect.answered" in result.output
    assert "Traceback" not in result.output
