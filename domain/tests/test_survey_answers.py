"""Checking a submission against its questions: required, scale, choices, length, markup."""

from __future__ import annotations

import pytest

from domain.spreadsheet_text import safe_cell
from domain.survey_answers import CHOICE, SCALE5, TEXT, YES_NO, QuestionSpec, check_answers

QUESTIONS = (
    QuestionSpec("Q1", SCALE5, required=True),
    QuestionSpec("Q2", SCALE5, required=True, allow_no_opinion=False),
    QuestionSpec("Y", YES_NO),
    QuestionSpec("C", CHOICE, options=(("a", "A"), ("b", "B"))),
    QuestionSpec("T", TEXT, max_length=10),
)


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        ({"Q1": "5", "Q2": "1"}, {}),
        ({"Q1": "0", "Q2": "3", "Y": "yes", "C": "b", "T": "tốt"}, {}),
        ({"Q2": "3"}, {"Q1": "Xin Ông/Bà chọn một mức trả lời (hoặc “Không ý kiến”)."}),
        ({"Q1": "5"}, {"Q2": "Xin Ông/Bà chọn một câu trả lời."}),
        ({"Q1": "5", "Q2": "0"}, {"Q2": "Câu trả lời không nằm trong các lựa chọn của câu hỏi."}),
        ({"Q1": "6", "Q2": "1"}, {"Q1": "Câu trả lời không nằm trong các lựa chọn của câu hỏi."}),
        ({"Q1": "5", "Q2": "1", "Y": "có"}, {"Y": "Câu trả lời không nằm trong các lựa chọn của câu hỏi."}),
        ({"Q1": "5", "Q2": "1", "C": "z"}, {"C": "Câu trả lời không nằm trong các lựa chọn của câu hỏi."}),
        (
            {"Q1": "5", "Q2": "1", "T": "x" * 1_048_576},
            {"T": "Câu trả lời dài 1.048.576 ký tự, vượt quá 10 ký tự cho phép: xin viết ngắn lại."},
        ),
    ],
)
def test_check_answers(data, errors):
    assert check_answers(QUESTIONS, data).errors == errors


def test_blanks_allowed_when_keying_in_paper_forms():
    checked = check_answers(QUESTIONS, {"Q1": "4"}, enforce_required=False)
    assert checked.ok and checked.values == {"Q1": "4"}


@pytest.mark.parametrize(
    ("text", "markup"),
    [
        ("<script>alert(1)</script>", True),
        ("<img src=x onerror=alert(1)>", True),
        ("a < b và c > d", False),
        ("tốt", False),
    ],
)
def test_markup_is_flagged_and_kept_as_text(text, markup):
    checked = check_answers((QuestionSpec("T", TEXT),), {"T": text})
    assert checked.markup is markup
    assert checked.texts["T"] == text


def test_control_characters_are_dropped():
    assert check_answers((QuestionSpec("T", TEXT),), {"T": "a\x00b\x1b"}).texts == {"T": "ab"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+84", "'+84"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        (" =X", "' =X"),
        ("tốt", "tốt"),
        (5, 5),
    ],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected
