"""Each seed plan imported into its agency, field by field, through the same service the pages use."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from apps.plans.models import Plan, PlanReference
from apps.tasks.models import Task
from apps.tasks.services import schedule_of
from domain.schedule import occurrence_dates

from .conftest import seed_path


def test_seed_001_header_basis_objectives_and_tasks(import_seed):
    plan = import_seed("001")
    assert (plan.number, plan.symbol, plan.issued_on, plan.place) == ("", "KH-SXD", None, "Đắk Lắk")
    assert plan.plan_type == "par_sipas"
    assert (plan.period_start, plan.period_end) == (date(2026, 1, 1), date(2026, 12, 31))
    assert (plan.signer, plan.signer_title) == ("Lê Công Du", "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC")
    assert plan.recipients[0] == "Sở Nội vụ"
    basis = plan.references.get(relation="basis")
    assert (basis.number, basis.symbol, basis.issued_on) == ("266", "KH-UBND", date(2026, 6, 23))
    assert plan.objectives.count() == 9
    on_time = plan.objectives.get(text__startswith="Tỷ lệ hồ sơ giải quyết đúng")
    assert (on_time.target.comparator, on_time.target.value, on_time.target.unit) == (
        ">=",
        Decimal("98"),
        "%",
    )
    assert plan.objectives.get(text__startswith="Không để xảy ra").target.comparator == "none"
    assert plan.tasks.count() == 35


def test_seed_001_named_rows(import_seed):
    plan = import_seed("001")
    task10 = plan.tasks.get(ref="10")
    assert task10.recurrence == "monthly"
    assert "≥ 98%" in task10.deliverable
    task26 = plan.tasks.get(ref="26")
    assert [u.name for u in task26.lead_units.all()] == ["Phòng Kế hoạch – Tài chính"]
    task31 = plan.tasks.get(ref="31")
    assert task31.title == "Triển khai xây dựng, cập nhật CSDL ngành Xây dựng"
    assert task31.deliverable == "CSDL được cập nhật"
    assert task31.cooperating_text == "Các phòng chuyên môn"
    task3 = plan.tasks.get(ref="3")
    assert (task3.start_on, task3.due_on) == (date(2026, 7, 1), date(2026, 12, 31))
    office = plan.tasks.get(ref="1").lead_units.get()
    assert office.name == "Văn phòng Sở"


def test_group_phrases_resolve_to_the_units_they_mean(import_seed, demo_org):
    plan = import_seed("001")
    task6 = plan.tasks.get(ref="6")  # Phối hợp: "Các phòng chuyên môn"
    names = set(task6.cooperating_units.values_list("name", flat=True))
    assert "Phòng Kế hoạch – Tài chính" in names
    assert "Văn phòng Sở" not in names
    assert "Trung tâm Kiểm định chất lượng xây dựng" not in names
    task18 = plan.tasks.get(ref="18")  # Chủ trì: "Các phòng chuyên môn" — a group, so "rõ người" fails
    assert task18.lead_is_group
    assert task18.six_clear["person"] is False


def test_seed_002_supersedes_and_dated_duty(import_seed):
    plan = import_seed("002")
    supersedes = plan.references.get(relation="supersedes")
    assert (supersedes.number, supersedes.symbol, supersedes.issued_on) == ("26", "KH-SXD", date(2026, 1, 13))
    basis = plan.references.get(relation="basis")
    assert (basis.number, basis.symbol, basis.issued_on) == ("1319", "QĐ-UBND", date(2026, 4, 29))
    assert plan.tasks.filter(due_on=date(2026, 5, 15)).exists()
    assert plan.tasks.filter(recurrence="monthly").exists()
    assert plan.plan_type == "communication"


def test_superseded_plan_is_marked_when_both_are_in_the_system(demo_org, import_seed):
    from apps.plans.services import plan_update

    older = Plan.objects.create(
        agency=demo_org["DLK-SXD"],
        number="26",
        symbol="KH-SXD",
        issued_on=date(2026, 1, 13),
        title="Thông tin, tuyên truyền CCHC năm 2026",
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
    )
    newer = import_seed("002")
    older.refresh_from_db()
    assert older.status == "superseded"
    assert newer.supersedes == older
    plan_update(plan=older, title=older.title)  # saving again keeps the link
    assert Plan.objects.get(pk=older.pk).status == "superseded"


def test_superseded_plan_imported_later_is_linked_then(demo_org, import_seed):
    from apps.plans.services import plan_update

    newer = import_seed("002")
    older = Plan.objects.create(
        agency=demo_org["DLK-SXD"],
        title="Kế hoạch cũ",
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
    )
    plan_update(plan=older, number="26", symbol="KH-SXD", issued_on=date(2026, 1, 13))
    older.refresh_from_db()
    assert older.status == "superseded"
    assert PlanReference.objects.get(plan=newer, relation="supersedes").target == older


def test_province_plan_cascades_into_the_department_plan(demo_org, import_seed):
    province = Plan.objects.create(
        agency=demo_org["DLK"],
        number="266",
        symbol="KH-UBND",
        issued_on=date(2026, 6, 23),
        title="Cải thiện PAR INDEX, SIPAS tỉnh 2026",
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
    )
    department = import_seed("001")
    assert PlanReference.objects.get(plan=department, relation="basis").target == province
    assert list(Plan.objects.filter(references__target=province)) == [department]


def test_seed_003_tree_counts(import_seed):
    plan = import_seed("003")
    assert plan.plan_type == "annual_reform"
    assert (plan.signer, plan.signer_title) == ("Bùi Quang Vinh", "GIÁM ĐỐC")
    assert plan.tasks.filter(kind="activity").count() == 24
    assert set(plan.references.filter(relation="basis").values_list("number", "symbol")) >= {
        ("76", "NQ-CP"),
        ("2943", "KH-UBND"),
        ("1560", "KH-SXD"),
    }
    by_area = {
        code: plan.tasks.filter(kind="activity", area__code=code).count()
        for code in (
            "direction",
            "institutions",
            "procedures",
            "organization",
            "civil_service",
            "public_finance",
            "digital_government",
        )
    }
    assert by_area == {
        "direction": 7,
        "institutions": 3,
        "procedures": 6,
        "organization": 2,
        "civil_service": 2,
        "public_finance": 3,
        "digital_government": 1,
    }
    desk = plan.tasks.filter(lead_units__name="Bộ phận một cửa")
    assert desk.exists()
    assert all(t.parent is not None for t in plan.tasks.filter(kind="activity"))


def test_seed_004_yearly_duty_over_the_period(import_seed):
    plan = import_seed("004")
    assert plan.issuer.startswith("UBND xã Đại Sơn") or plan.agency.name == "UBND xã Đại Sơn"
    assert (plan.period_start, plan.period_end) == (date(2026, 1, 1), date(2030, 12, 31))
    assert plan.plan_type == "emulation"
    assert (plan.signer, plan.signer_title) == ("Đào Văn Soái", "CHỦ TỊCH")
    duty = plan.tasks.get(recurrence="yearly", recurrence_day=20, recurrence_month=11)
    occurrences = occurrence_dates(schedule_of(duty), plan.period_start, plan.period_end)
    assert [due for _, due in occurrences] == [date(year, 11, 20) for year in range(2026, 2031)]


def test_seed_000_basis(import_seed):
    plan = import_seed("000")
    refs = set(plan.references.filter(relation="basis").values_list("number", "symbol", "issued_on"))
    assert ("0156", "KH-UBND", date(2025, 12, 26)) in refs
    assert ("13", "KH-SXD", date(2026, 1, 8)) in refs
    assert ("12", "KH-SXD", date(2026, 1, 8)) in refs
    assert (plan.signer, plan.signer_title) == ("Cao Đình Huy", "GIÁM ĐỐC")


def test_reimport_creates_a_version_and_changes_no_count(demo_org, import_seed):
    from apps.plans.importer import parse_document
    from apps.plans.services import plan_save_from_parse

    plan = import_seed("001")
    data = (
        seed_path("001").read_bytes().replace("Báo cáo rà soát".encode(), "Báo cáo kết quả rà soát".encode())
    )
    result = parse_document(data=data, filename="001.txt")
    again = plan_save_from_parse(
        agency=demo_org["DLK-SXD"], result=result, replaces=plan, original=data, original_name="001.txt"
    )
    assert again.pk == plan.pk and again.revision == 2
    assert Task.objects.filter(plan=plan).count() == 35
    changes = again.versions.get(number=2).changes
    assert {
        "what": "task.6.deliverable",
        "before": "Báo cáo rà soát",
        "after": "Báo cáo kết quả rà soát",
    } in changes


def test_cli_dry_run_json_saves_nothing(demo_org):
    out = StringIO()
    call_command(
        "import-plan", str(seed_path("001")), "--agency", "DLK-SXD", "--dry-run", "--json", stdout=out
    )
    payload = json.loads(out.getvalue())
    assert set(payload) == {"kind", "plan", "basis", "objectives", "tasks", "rubrics", "warnings"}
    assert payload["plan"]["symbol"] == "KH-SXD"
    assert payload["basis"][0] == {
        "number": "266",
        "symbol": "KH-UBND",
        "issued_on": "2026-06-23",
        "issuer": payload["basis"][0]["issuer"],
        "title": payload["basis"][0]["title"],
    }
    assert len(payload["tasks"]) == 35
    task3 = next(t for t in payload["tasks"] if t["ref"] == "3")
    assert (task3["timeline"]["start"], task3["timeline"]["due"]) == ("2026-07-01", "2026-12-31")
    assert set(task3["six_clear"]) == {"person", "task", "time", "responsibility", "deliverable", "authority"}
    assert Plan.objects.count() == 0


def test_cli_saves_into_the_agency(demo_org):
    call_command("import-plan", str(seed_path("003")), "--agency", "LCU-SXD", stdout=StringIO())
    assert Plan.objects.get().agency.code == "LCU-SXD"


def test_cli_refuses_an_unknown_agency(demo_org):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Không có cơ quan"):
        call_command("import-plan", str(seed_path("001")), "--agency", "KHONG", stdout=StringIO())


def test_the_importer_proposes_indicators_and_a_reimport_keeps_confirmed_links(demo_org, import_seed):
    from apps.indicators.models import TargetLink
    from apps.indicators.services import target_link_decide
    from apps.plans.importer import parse_document
    from apps.plans.services import plan_save_from_parse

    plan = import_seed("001")
    on_time = plan.objectives.get(text__startswith="Tỷ lệ hồ sơ giải quyết đúng").target
    proposal = TargetLink.objects.get(target=on_time)
    assert proposal.status == "proposed" and proposal.indicator.code == "dossier_on_time_rate"
    target_link_decide(target=on_time, indicator=proposal.indicator)

    data = seed_path("001").read_bytes()
    result = parse_document(data=data, filename="001.txt")
    plan_save_from_parse(
        agency=demo_org["DLK-SXD"], result=result, replaces=plan, original=data, original_name="001.txt"
    )
    link = TargetLink.objects.get(target__objective__plan=plan, target__text=on_time.text)
    assert link.status == "confirmed" and link.indicator.code == "dossier_on_time_rate"
