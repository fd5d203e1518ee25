"""`cchc ratings compute --agency CODE --period P [--json]` on a small office built with the test builders: the
figures of every person as JSON numbers and the grade's label after the cap, a readable table without --json,
and a Vietnamese refusal with exit code 2 for an unknown agency or a period that is not rated."""

from __future__ import annotations

import json
from datetime import date
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command

from apps.ratings import services
from apps.ratings.management.commands.ratings import Command

from .builders import office, product

TODAY = date(2026, 4, 10)
MARCH = "2026-03"


@pytest.fixture
def clock():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def own(tree, clock):
    """cv1: on time and accepted (70) + 28 = 98, "xuất sắc" by points, "tốt" after the cap; cv2: one product late
    and accepted, one not done: a = b = 50%, c = 37,5% → 32,08, self-scored 25 → 57,08 "hoàn thành"."""
    built = office(tree.own)
    agency = built.agency
    cv1, cv2 = built.person(f"cv1_{agency.pk}"), built.person(f"cv2_{agency.pk}")
    product(built, cv1, date(2026, 3, 10), completed=date(2026, 3, 9), accepted=date(2026, 3, 11))
    product(built, cv2, date(2026, 3, 12), completed=date(2026, 3, 16), accepted=date(2026, 3, 17))
    product(built, cv2, date(2026, 3, 20))
    services.rating_score(user=built.head, person=cv1, period_code=MARCH, general="28", reason="Tốt")
    services.rating_self_assess(
        user=built.staff[f"cv2_{agency.pk}"], person=cv2, period_code=MARCH, general="25", comment="Cố gắng"
    )
    return built


def _json(*args: str) -> dict:
    out = StringIO()
    call_command("ratings", "compute", *args, "--json", stdout=out)
    return json.loads(out.getvalue())


def test_json_prints_every_person_with_numbers_and_the_final_grade(own):
    data = _json("--agency", own.agency.code, "--period", MARCH)
    assert set(data) == {"agency", "period", "people"}
    assert data["agency"] == own.agency.code and data["period"] == MARCH
    people = {p["person"]: p for p in data["people"]}
    assert set(people) == {
        "Nguyễn Chuyên Viên 1",
        "Nguyễn Chuyên Viên 2",
        "Trần Trưởng Phòng",
        "Lê Giám Đốc",
        "Phạm Đầu Mối",
    }
    assert people["Nguyễn Chuyên Viên 1"] == {
        "person": "Nguyễn Chuyên Viên 1",
        "quantity": 100.0,
        "quality": 100.0,
        "timeliness": 100.0,
        "task_points": 70.0,
        "general_points": 28.0,
        "total": 98.0,
        "rating": "Hoàn thành tốt nhiệm vụ",
    }
    second = people["Nguyễn Chuyên Viên 2"]
    assert (second["quantity"], second["quality"], second["timeliness"]) == (50.0, 50.0, 37.5)
    assert (second["task_points"], second["general_points"], second["total"]) == (32.08, 25.0, 57.08)
    assert second["rating"] == "Hoàn thành nhiệm vụ"
    nothing = people["Lê Giám Đốc"]
    assert all(nothing[key] is None for key in nothing if key != "person")
    assert all(isinstance(p["total"], float | type(None)) for p in data["people"])


def test_a_quarter_and_a_year_and_a_lower_case_code(own):
    quarter = _json("--agency", own.agency.code.lower(), "--period", "2026-Q1")
    assert quarter["period"] == "2026-Q1"
    first = next(p for p in quarter["people"] if p["person"] == "Nguyễn Chuyên Viên 1")
    # the quarter's own rating is not scored: task points only, no total
    assert first["task_points"] == 70.0 and first["general_points"] is None and first["rating"] is None
    assert _json("--agency", own.agency.code, "--period", "2026")["period"] == "2026"


def test_without_json_a_readable_table(own):
    out = StringIO()
    call_command("ratings", "compute", "--agency", own.agency.code, "--period", MARCH, stdout=out)
    text = out.getvalue()
    assert "Tháng 03/2026" in text and "Họ và tên" in text and "Xếp loại" in text
    line = next(row for row in text.splitlines() if row.startswith("Nguyễn Chuyên Viên 2"))
    assert "32,08" in line and "25*" in line and "57,08" in line and "Hoàn thành nhiệm vụ" in line
    assert "Hoàn thành tốt nhiệm vụ: 1" in text and "chưa xếp loại: 3" in text


@pytest.mark.parametrize(
    ("agency", "period", "message"),
    [
        ("KHONG-CO", MARCH, "Không có cơ quan mã “KHONG-CO”"),
        (None, "2026-H1", "Kỳ đánh giá là một tháng"),
        (None, "03/2026", "2026"),
    ],
)
def test_an_unknown_agency_or_a_bad_period_is_exit_code_2_in_vietnamese(
    own, agency, period, message, capsys, monkeypatch
):
    # run_from_argv closes every connection at the end, as a process would; the test's transaction stays open
    monkeypatch.setattr("django.core.management.base.connections.close_all", lambda: None)
    code = agency or own.agency.code
    with pytest.raises(CommandError) as refused:
        call_command("ratings", "compute", "--agency", code, "--period", period, "--json")
    assert refused.value.returncode == 2 and message in str(refused.value)
    with pytest.raises(SystemExit) as exited:
        Command().run_from_argv(
            ["cchc", "ratings", "compute", "--agency", code, "--period", period, "--json"]
        )
    assert exited.value.code == 2
    captured = capsys.readouterr()
    assert message in captured.err and captured.out == ""


def test_cchc_lists_the_command():
    from cchc.__main__ import COMMANDS

    assert COMMANDS["ratings"][0] == "ratings" and "ratings compute" in COMMANDS["ratings"][1]
