"""`cchc demo` builds the seeds' agencies; the command line lists them."""

from __future__ import annotations

import json
from io import StringIO

from django.core.management import call_command

from apps.accounts.models import User
from apps.core.demo import ACCOUNTS, DEMO_PASSWORD, build_demo
from apps.organizations.models import Agency, Unit


def test_demo_creates_the_agencies_and_units_the_seeds_name(db):
    build_demo()
    sxd = Agency.objects.get(name="Sở Xây dựng tỉnh Đắk Lắk")
    assert sxd.parent.name == "UBND tỉnh Đắk Lắk"
    assert Agency.objects.get(name="Sở Nội vụ tỉnh Đắk Lắk").parent == sxd.parent
    names = set(Unit.objects.filter(agency=sxd).values_list("name", flat=True))
    assert {"Văn phòng Sở", "Phòng Kế hoạch – Tài chính"} <= names
    assert Unit.objects.get(agency=sxd, is_focal=True).name == "Văn phòng Sở"
    laichau = Agency.objects.get(name="Sở Xây dựng tỉnh Lai Châu")
    assert {"Văn phòng Sở", "Phòng Quản lý vận tải", "Bộ phận một cửa", "Văn thư"} <= set(
        Unit.objects.filter(agency=laichau).values_list("name", flat=True)
    )
    daison = Agency.objects.get(name="UBND xã Đại Sơn")
    assert {
        "Văn phòng HĐND và UBND",
        "Phòng Văn hóa – Xã hội",
        "Phòng Kinh tế",
        "Trung tâm Phục vụ hành chính công",
        "Trung tâm Dịch vụ sự nghiệp công",
    } <= set(Unit.objects.filter(agency=daison).values_list("name", flat=True))


def test_demo_has_one_account_per_role_that_can_sign_in(db):
    build_demo()
    roles = {a.role for a in ACCOUNTS}
    assert roles == {"administrator", "overseer", "leader", "focal_point", "unit_head", "staff", "viewer"}
    for account in ACCOUNTS:
        assert User.objects.get(username=account.username).check_password(DEMO_PASSWORD)


def test_demo_can_run_twice_without_duplicates(db):
    build_demo()
    counts = (Agency.objects.count(), Unit.objects.count(), User.objects.count())
    build_demo()
    assert (Agency.objects.count(), Unit.objects.count(), User.objects.count()) == counts


def test_agencies_command_prints_json_with_parent_codes(db):
    build_demo()
    out = StringIO()
    call_command("agencies", "--json", stdout=out)
    rows = {row["code"]: row for row in json.loads(out.getvalue())}
    assert rows["DLK-SXD"] == {
        "code": "DLK-SXD",
        "name": "Sở Xây dựng tỉnh Đắk Lắk",
        "level": "department",
        "parent_code": "DLK",
    }
    assert rows["DLK"]["parent_code"] is None


def test_cchc_help_lists_every_command_in_vietnamese(capsys):
    from cchc.__main__ import COMMANDS, main

    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for name in COMMANDS:
        assert name in out
    assert "Tạo cơ sở dữ liệu mẫu" in out


def test_cchc_rejects_an_unknown_command(capsys):
    from cchc.__main__ import main

    assert main(["khong-co"]) == 2
    assert "Lệnh không tồn tại" in capsys.readouterr().err
