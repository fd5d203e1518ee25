"""`cchc par import-criteria`: a province's table becomes a draft criteria set; a broken one changes nothing."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from apps.scoring.choices import SetStatus
from apps.scoring.models import CriteriaSet
from domain.uploads.tests import samples

HEADER = [
    "STT",
    "Lĩnh vực, tiêu chí, tiêu chí thành phần",
    "Điểm tối đa",
    "Hướng dẫn chấm điểm",
    "Tài liệu kiểm chứng",
]
ROWS = [
    ["1", "Công tác chỉ đạo, điều hành CCHC", "3", "", ""],
    [
        "1.1",
        "Ban hành kế hoạch CCHC năm",
        "1",
        "Ban hành kịp thời: 1 điểm; không kịp thời: 0,5 điểm; không ban hành: 0 điểm",
        "Kế hoạch CCHC năm",
    ],
    [
        "1.2",
        "Mức độ thực hiện kế hoạch CCHC",
        "2",
        "Trên 90% nhiệm vụ hoàn thành: 2 điểm; từ 70% đến 90%: 1 điểm; dưới 70%: 0 điểm",
        "Báo cáo kết quả",
    ],
    ["", "Tổng cộng", "3", "", ""],
]


def xlsx(path: Path, rows: list[list[str]]) -> Path:
    book = Workbook()
    for row in [HEADER, *rows]:
        book.active.append(row)
    book.save(path)
    return path


def run(*arguments: str) -> str:
    out = io.StringIO()
    call_command("par", "import-criteria", *arguments, stdout=out)
    return out.getvalue()


def test_a_dry_run_prints_the_tree_with_the_rules_it_recognised_and_saves_nothing(tmp_path, db):
    before = CriteriaSet.objects.count()
    printed = json.loads(
        run(str(xlsx(tmp_path / "bang.xlsx", ROWS)), "--level", "so", "--year", "2027", "--dry-run", "--json")
    )
    assert [(c["code"], c["parent"], c["max_points"]) for c in printed["criteria"]] == [
        ("1", None, "3"),
        ("1.1", "1", "1"),
        ("1.2", "1", "2"),
    ]
    assert printed["criteria"][1]["rule"]["kind"] == "timeliness"
    assert printed["criteria"][2]["rule"]["kind"] == "tiered"
    assert printed["total_points"] == "3" and printed["warnings"] == []
    assert CriteriaSet.objects.count() == before


def test_an_import_saves_a_draft_set_of_the_province(tmp_path, tree):
    out = run(
        str(xlsx(tmp_path / "bang.xlsx", ROWS)),
        "--level", "xa", "--year", "2027", "--province", tree.province.code, "--decision", "15/QĐ-UBND",
    )  # fmt: skip
    assert "Đã lưu bộ tiêu chí dự thảo" in out
    saved = CriteriaSet.objects.get(decision_number="15/QĐ-UBND")
    assert (saved.agency, saved.year, saved.level, saved.status, saved.is_sample) == (
        tree.province,
        2027,
        "xa",
        SetStatus.DRAFT,
        False,
    )
    criteria = {c.code: c for c in saved.criteria.all()}
    assert criteria["1.1"].parent == criteria["1"] and criteria["1.1"].max_points == Decimal(1)
    assert criteria["1.2"].rule["kind"] == "tiered"
    assert criteria["1.1"].evidence == "Kế hoạch CCHC năm"


def test_a_table_whose_points_do_not_add_up_is_refused_whole(tmp_path, db):
    broken = [row[:] for row in ROWS]
    broken[2][2] = "5"  # 1 + 5 is not the area's 3
    before = CriteriaSet.objects.count()
    with pytest.raises(CommandError, match="còn lỗi"):
        run(str(xlsx(tmp_path / "bang.xlsx", broken)), "--level", "so", "--year", "2027")
    assert CriteriaSet.objects.count() == before


def test_a_program_named_like_a_table_is_refused_by_the_upload_gate(tmp_path, db):
    fake = tmp_path / "bang.xlsx"
    fake.write_bytes(samples.MZ)
    with pytest.raises(CommandError, match="chương trình"):
        run(str(fake), "--level", "so", "--year", "2027")
