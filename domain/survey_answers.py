"""Checking one survey submission against its questionnaire: required answers, the scale, length, markup.

Pure: takes the questions as plain specs and the submitted values as strings; returns the clean answers or the
reason for each refusal, in Vietnamese, for the page to show beside the question.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from domain.survey_index import LEVELS, NO_OPINION, NO_OPINION_LABEL

SCALE5 = "scale5"
YES_NO = "yes_no"
CHOICE = "choice"
TEXT = "text"
YES_NO_DEFAULT: tuple[tuple[str, str], ...] = (("yes", "Có"), ("no", "Không"))
MARKUP = re.compile(r"</?[a-zA-Z!?]|javascript\s*:", re.IGNORECASE)
# Characters that have no place in an answer (control characters other than line breaks and tabs).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _number(value: int) -> str:
    """1.048.576: Vietnamese thousands separator."""
    return f"{value:,}".replace(",", ".")


@dataclass(frozen=True)
class QuestionSpec:
    """What the checker needs to know about one question."""

    code: str
    kind: str
    required: bool = False
    allow_no_opinion: bool = True
    options: tuple[tuple[str, str], ...] = ()
    max_length: int = 2000

    def allowed_values(self) -> tuple[str, ...]:
        if self.kind == SCALE5:
            values = tuple(value for value, _ in LEVELS)
            return (*values, NO_OPINION) if self.allow_no_opinion else values
        if self.kind == YES_NO:
            return tuple(value for value, _ in (self.options or YES_NO_DEFAULT))
        if self.kind == CHOICE:
            return tuple(value for value, _ in self.options)
        return ()

    def label_of(self, value: str) -> str:
        if self.kind == SCALE5:
            return dict(LEVELS).get(value, NO_OPINION_LABEL if value == NO_OPINION else value)
        return dict(self.options or (YES_NO_DEFAULT if self.kind == YES_NO else ())).get(value, value)


@dataclass
class Checked:
    """The outcome: clean values (choice) and texts (free text) by question code, or errors by code."""

    values: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    too_long: bool = False
    markup: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


def check_answers(
    questions: Sequence[QuestionSpec], data: Mapping[str, str], *, enforce_required: bool = True
) -> Checked:
    """Check every question's submitted value; unknown fields are ignored."""
    out = Checked()
    for question in questions:
        raw = data.get(question.code)
        value = "" if raw is None else str(raw)
        if question.kind == TEXT:
            if len(value) > question.max_length:
                out.too_long = True
                out.errors[question.code] = (
                    f"Câu trả lời dài {_number(len(value))} ký tự, vượt quá {_number(question.max_length)} "
                    "ký tự cho phép: xin viết ngắn lại."
                )
                continue
            text = CONTROL.sub("", value).strip()
            if text:
                out.texts[question.code] = text
                out.markup = out.markup or bool(MARKUP.search(text))
            elif question.required and enforce_required:
                out.errors[question.code] = "Xin Ông/Bà trả lời câu hỏi này."
            continue
        value = value.strip()
        if not value:
            if question.required and enforce_required:
                out.errors[question.code] = (
                    "Xin Ông/Bà chọn một mức trả lời (hoặc “Không ý kiến”)."
                    if question.kind == SCALE5 and question.allow_no_opinion
                    else "Xin Ông/Bà chọn một câu trả lời."
                )
            continue
        if value not in question.allowed_values():
            out.errors[question.code] = "Câu trả lời không nằm trong các lựa chọn của câu hỏi."
            continue
        out.values[question.code] = value
    return out
