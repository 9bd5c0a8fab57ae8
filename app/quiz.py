"""Quizzes: parsed from a package's JSON (``docs/package-format.md``) and scored."""

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.errors import PackageError

KINDS = ("single", "multiple", "true_false")


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    prompt: Mapping[str, str]
    choices: tuple[Mapping[str, str], ...]
    answer: frozenset[int | bool]
    explanation: Mapping[str, str]

    def is_correct(self, chosen: Sequence[int | bool]) -> bool:
        """Right when exactly the right choices were chosen (for true/false: the one value)."""
        return frozenset(chosen) == self.answer


@dataclass(frozen=True)
class Quiz:
    questions: tuple[Question, ...]
    pass_mark: float

    def score(self, answers: Mapping[str, Sequence[int | bool]]) -> float:
        """The fraction of questions answered right (unanswered count as wrong)."""
        if not self.questions:
            return 0.0
        right = sum(q.is_correct(answers.get(q.id, ())) for q in self.questions)
        return right / len(self.questions)

    def passed(self, score: float) -> bool:
        return score >= self.pass_mark


def response_text(question: Question, chosen: Sequence[int | bool]) -> str:
    """The xAPI response: ``true``/``false``, or choice indexes joined by ``[,]``."""
    if question.kind == "true_false":
        return "true" if chosen and chosen[0] is True else "false"
    return "[,]".join(str(index) for index in sorted(int(c) for c in chosen))


def parse_response(question: Question, response: str) -> list[int | bool] | None:
    """The choices behind an xAPI response (see :func:`response_text`), or None if it
    does not fit ``question`` (the course was updated since)."""
    if question.kind == "true_false":
        answers: dict[str, list[int | bool]] = {"true": [True], "false": [False]}
        return answers.get(response)
    try:
        chosen: list[int | bool] = [int(part) for part in response.split("[,]")]
    except ValueError:
        return None
    fits = chosen and all(0 <= index < len(question.choices) for index in chosen)
    return chosen if fits else None


def parse(data: Mapping[str, Any]) -> Quiz:
    """A :class:`Quiz` from its JSON object; :class:`PackageError` naming what is wrong."""
    try:
        pass_mark = float(data["pass_mark"])
        questions = tuple(_question(q) for q in data["questions"])
    except (KeyError, TypeError, ValueError) as error:
        raise PackageError(f"The quiz is not valid: {error}") from None
    if not 0 <= pass_mark <= 1 or not questions:
        raise PackageError("The quiz is not valid: no questions or a pass mark outside 0–1.")
    return Quiz(questions, pass_mark)


def _question(data: Mapping[str, Any]) -> Question:
    kind = data["kind"]
    if kind not in KINDS:
        raise ValueError(f"unknown question kind {kind!r}")
    choices = tuple(data.get("choices", ()))
    answer = list(data["answer"])
    if kind == "true_false":
        valid = len(answer) == 1 and isinstance(answer[0], bool)
    else:
        in_range = all(
            isinstance(a, int) and not isinstance(a, bool) and 0 <= a < len(choices)
            for a in answer
        )
        valid = in_range and len(set(answer)) == len(answer) and len(answer) >= 1
        valid = valid and (kind == "multiple" or len(answer) == 1)
    if not valid:
        raise ValueError(f"question {data.get('id')!r} has an invalid answer")
    return Question(
        str(data["id"]), kind, dict(data["prompt"]), choices, frozenset(answer),
        dict(data.get("explanation") or {}),
    )


def load(path: Path) -> Quiz:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise PackageError(f"The quiz file cannot be read: {error}") from None
    if not isinstance(data, dict):
        raise PackageError("The quiz file is not a JSON object.")
    return parse(data)
