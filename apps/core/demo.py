"""The demo database: the agencies, units and people that the five seed plans name, and one account per role.

Built by `cchc demo`, never by migrations. Running it again updates the same records (keyed by codes and
usernames), so it is safe to repeat.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from django.db import transaction

from apps.accounts.choices import Role
from apps.accounts.models import RoleAssignment, User
from apps.organizations.choices import AgencyLevel, UnitKind
from apps.organizations.models import Agency, Person, Unit

DEMO_PASSWORD = "cchc@2026"


@dataclass(frozen=True)
class AgencySpec:
    code: str
    name: str
    short_name: str
    level: str
    parent: str | None
    place_name: str
    document_symbol: str


AGENCIES: tuple[AgencySpec, ...] = (
    AgencySpec("DLK", "UBND tỉnh Đắk Lắk", "UBND tỉnh", AgencyLevel.PROVINCE, None, "Đắk Lắk", "UBND"),
    AgencySpec(
        "DLK-SNV", "Sở Nội vụ tỉnh Đắk Lắk", "Sở Nội vụ", AgencyLevel.DEPARTMENT, "DLK", "Đắk Lắk", "SNV"
    ),
    AgencySpec(
        "DLK-SXD", "Sở Xây dựng tỉnh Đắk Lắk", "Sở Xây dựng", AgencyLevel.DEPARTMENT, "DLK", "Đắk Lắk", "SXD"
    ),
    AgencySpec("LCU", "UBND tỉnh Lai Châu", "UBND tỉnh", AgencyLevel.PROVINCE, None, "Lai Châu", "UBND"),
    AgencySpec(
        "LCU-SNV", "Sở Nội vụ tỉnh Lai Châu", "Sở Nội vụ", AgencyLevel.DEPARTMENT, "LCU", "Lai Châu", "SNV"
    ),
    AgencySpec(
        "LCU-SXD",
        "Sở Xây dựng tỉnh Lai Châu",
        "Sở Xây dựng",
        AgencyLevel.DEPARTMENT,
        "LCU",
        "Lai Châu",
        "SXD",
    ),
    # Seed 004 names its superior only as "UBND Thành phố" and reports to "Sở Nội vụ".
    AgencySpec("TP", "UBND Thành phố", "UBND Thành phố", AgencyLevel.PROVINCE, None, "Thành phố", "UBND"),
    AgencySpec(
        "TP-SNV", "Sở Nội vụ Thành phố", "Sở Nội vụ", AgencyLevel.DEPARTMENT, "TP", "Thành phố", "SNV"
    ),
    AgencySpec("TP-DAISON", "UBND xã Đại Sơn", "UBND xã", AgencyLevel.COMMUNE, "TP", "Đại Sơn", "UBND"),
)

# (agency code, unit code, name, kind, focal, aliases)
UNITS: tuple[tuple[str, str, str, str, bool, str], ...] = (
    ("DLK", "VP", "Văn phòng UBND tỉnh", UnitKind.OFFICE, True, ""),
    ("DLK-SNV", "VP", "Văn phòng Sở", UnitKind.OFFICE, False, "Văn phòng"),
    ("DLK-SNV", "CCHC", "Phòng Cải cách hành chính", UnitKind.DIVISION, True, ""),
    ("DLK-SNV", "TCCC", "Phòng Tổ chức, công chức", UnitKind.DIVISION, False, ""),
    ("DLK-SXD", "VP", "Văn phòng Sở", UnitKind.OFFICE, True, "Văn phòng"),
    ("DLK-SXD", "KHTC", "Phòng Kế hoạch – Tài chính", UnitKind.DIVISION, False, "Phòng Kế hoạch - Tài chính"),
    ("DLK-SXD", "QLXD", "Phòng Quản lý xây dựng", UnitKind.DIVISION, False, ""),
    (
        "DLK-SXD",
        "QHKT",
        "Phòng Quy hoạch – Kiến trúc",
        UnitKind.DIVISION,
        False,
        "Phòng Quy hoạch - Kiến trúc",
    ),
    ("DLK-SXD", "HTKT", "Phòng Hạ tầng kỹ thuật", UnitKind.DIVISION, False, ""),
    ("DLK-SXD", "NHA", "Phòng Quản lý nhà và thị trường bất động sản", UnitKind.DIVISION, False, ""),
    ("DLK-SXD", "KDCL", "Trung tâm Kiểm định chất lượng xây dựng", UnitKind.AFFILIATE, False, ""),
    ("DLK-SXD", "QHXD", "Viện Quy hoạch xây dựng", UnitKind.AFFILIATE, False, ""),
    ("LCU-SNV", "VP", "Văn phòng Sở", UnitKind.OFFICE, False, "Văn phòng"),
    ("LCU-SNV", "CCHC", "Phòng Cải cách hành chính", UnitKind.DIVISION, True, ""),
    ("LCU-SXD", "VP", "Văn phòng Sở", UnitKind.OFFICE, True, "Văn phòng"),
    ("LCU-SXD", "QLVT", "Phòng Quản lý vận tải", UnitKind.DIVISION, False, ""),
    ("LCU-SXD", "QLXD", "Phòng Quản lý xây dựng", UnitKind.DIVISION, False, ""),
    (
        "LCU-SXD",
        "QHKT",
        "Phòng Quy hoạch – Kiến trúc",
        UnitKind.DIVISION,
        False,
        "Phòng Quy hoạch - Kiến trúc",
    ),
    ("LCU-SXD", "KCHT", "Phòng Kết cấu hạ tầng giao thông", UnitKind.DIVISION, False, ""),
    ("LCU-SXD", "MC", "Bộ phận một cửa", UnitKind.SECTION, False, "Bộ phận Một cửa"),
    ("LCU-SXD", "VT", "Văn thư", UnitKind.SECTION, False, "Bộ phận văn thư"),
    ("LCU-SXD", "KDCL", "Trung tâm Kiểm định chất lượng xây dựng", UnitKind.AFFILIATE, False, ""),
    ("LCU-SXD", "BTDB", "Ban Quản lý bảo trì đường bộ", UnitKind.AFFILIATE, False, ""),
    ("TP-SNV", "CCHC", "Phòng Cải cách hành chính", UnitKind.DIVISION, True, ""),
    ("TP-DAISON", "VP", "Văn phòng HĐND và UBND", UnitKind.OFFICE, False, "Văn phòng HĐND và UBND xã"),
    (
        "TP-DAISON",
        "VHXH",
        "Phòng Văn hóa – Xã hội",
        UnitKind.DIVISION,
        True,
        "Phòng Văn hóa - Xã hội\nPhòng Văn hoá – Xã hội\nPhòng Văn hóa - Xã hội xã",
    ),
    ("TP-DAISON", "KT", "Phòng Kinh tế", UnitKind.DIVISION, False, "Phòng Kinh tế xã"),
    (
        "TP-DAISON",
        "PVHCC",
        "Trung tâm Phục vụ hành chính công",
        UnitKind.CENTER,
        False,
        "Trung tâm Phục vụ hành chính công xã",
    ),
    (
        "TP-DAISON",
        "DVSNC",
        "Trung tâm Dịch vụ sự nghiệp công",
        UnitKind.CENTER,
        False,
        "Trung tâm Dịch vụ sự nghiệp công xã",
    ),
)

# (agency, unit code or "", full name, position, e-mail local part)
PEOPLE: tuple[tuple[str, str, str, str, str], ...] = (
    ("DLK-SXD", "", "Cao Đình Huy", "Giám đốc", "huy.cd"),
    ("DLK-SXD", "", "Lê Công Du", "Phó Giám đốc", "du.lc"),
    ("DLK-SXD", "VP", "Nguyễn Thị Thu Hà", "Chánh Văn phòng", "ha.ntt"),
    ("DLK-SXD", "VP", "Trần Minh Tuấn", "Chuyên viên Văn phòng", "tuan.tm"),
    ("DLK-SXD", "KHTC", "Phạm Văn Long", "Trưởng phòng Kế hoạch – Tài chính", "long.pv"),
    ("DLK-SXD", "KHTC", "Hoàng Thị Lan", "Chuyên viên", "lan.ht"),
    ("DLK-SXD", "QLXD", "Võ Đức Thắng", "Trưởng phòng Quản lý xây dựng", "thang.vd"),
    ("DLK-SXD", "QHKT", "Đặng Thị Mai", "Phó Trưởng phòng", "mai.dt"),
    ("DLK-SNV", "CCHC", "Lương Quốc Bảo", "Trưởng phòng Cải cách hành chính", "bao.lq"),
    ("LCU-SXD", "", "Bùi Quang Vinh", "Giám đốc", "vinh.bq"),
    ("LCU-SXD", "VP", "Lò Thị Hương", "Chánh Văn phòng", "huong.lt"),
    ("LCU-SXD", "QLVT", "Tòng Văn Sơn", "Trưởng phòng Quản lý vận tải", "son.tv"),
    ("LCU-SXD", "MC", "Giàng A Páo", "Công chức Bộ phận một cửa", "pao.ga"),
    ("TP-DAISON", "", "Đào Văn Soái", "Chủ tịch UBND xã", "soai.dv"),
    ("TP-DAISON", "VHXH", "Ngô Thị Hạnh", "Trưởng phòng Văn hóa – Xã hội", "hanh.nt"),
    ("TP-DAISON", "PVHCC", "Huỳnh Văn Phúc", "Công chức Trung tâm Phục vụ hành chính công", "phuc.hv"),
)


@dataclass(frozen=True)
class AccountSpec:
    username: str
    agency: str
    role: str
    person: str | None
    unit: str = ""
    extra: tuple[tuple[str, str], ...] = ()


ACCOUNTS: tuple[AccountSpec, ...] = (
    AccountSpec("quantri", "DLK", Role.ADMINISTRATOR, None),
    AccountSpec("noivu", "DLK-SNV", Role.OVERSEER, "Lương Quốc Bảo", "CCHC"),
    AccountSpec("lanhdao", "DLK-SXD", Role.LEADER, "Cao Đình Huy"),
    AccountSpec(
        "daumoi", "DLK-SXD", Role.FOCAL_POINT, "Nguyễn Thị Thu Hà", "VP", (("LCU-SXD", Role.VIEWER),)
    ),
    AccountSpec("truongphong", "DLK-SXD", Role.UNIT_HEAD, "Phạm Văn Long", "KHTC"),
    AccountSpec("chuyenvien", "DLK-SXD", Role.STAFF, "Hoàng Thị Lan", "KHTC"),
    AccountSpec("xem", "DLK-SXD", Role.VIEWER, None),
    AccountSpec("daumoi.laichau", "LCU-SXD", Role.FOCAL_POINT, "Lò Thị Hương", "VP"),
    AccountSpec("noivu.laichau", "LCU-SNV", Role.OVERSEER, None),
    AccountSpec("daumoi.daison", "TP-DAISON", Role.FOCAL_POINT, "Ngô Thị Hạnh", "VHXH"),
    AccountSpec("canbo.daison", "TP-DAISON", Role.STAFF, "Huỳnh Văn Phúc", "PVHCC"),
    AccountSpec("noivu.tp", "TP-SNV", Role.OVERSEER, None),
)


def _upsert(model: Any, lookup: dict[str, Any], values: dict[str, Any]) -> Any:
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values)
    changed = False
    for field, value in values.items():
        if getattr(obj, field) != value:
            setattr(obj, field, value)
            changed = True
    if changed:
        obj.save()
    return obj


@transaction.atomic
def build_demo() -> list[AccountSpec]:
    agencies: dict[str, Agency] = {}
    for spec in AGENCIES:
        agencies[spec.code] = _upsert(
            Agency,
            {"code": spec.code},
            {
                "name": spec.name,
                "short_name": spec.short_name,
                "level": spec.level,
                "parent": agencies.get(spec.parent) if spec.parent else None,
                "place_name": spec.place_name,
                "document_symbol": spec.document_symbol,
                "is_active": True,
            },
        )
    units: dict[tuple[str, str], Unit] = {}
    for agency_code, code, name, kind, focal, aliases in UNITS:
        units[(agency_code, code)] = _upsert(
            Unit,
            {"agency": agencies[agency_code], "code": code},
            {"name": name, "kind": kind, "is_focal": focal, "aliases": aliases, "is_active": True},
        )
    people: dict[str, Person] = {}
    for agency_code, unit_code, full_name, position, mail in PEOPLE:
        people[full_name] = _upsert(
            Person,
            {"agency": agencies[agency_code], "full_name": full_name},
            {
                "unit": units.get((agency_code, unit_code)),
                "position": position,
                "email": f"{mail}@{agency_code.lower()}.cchc.local",
                "is_active": True,
            },
        )
    for account in ACCOUNTS:
        person = people.get(account.person) if account.person else None
        user = User.objects.filter(username=account.username).first()
        if user is None:
            user = User(username=account.username)
        user.first_name = person.full_name if person else "Tài khoản " + account.username
        user.email = person.email if person else f"{account.username}@cchc.local"
        user.person = person
        user.is_staff = account.role == Role.ADMINISTRATOR
        user.is_superuser = account.role == Role.ADMINISTRATOR
        user.set_password(DEMO_PASSWORD)
        user.save()
        for agency_code, role in ((account.agency, account.role), *account.extra):
            unit = units.get((agency_code, account.unit)) if agency_code == account.agency else None
            RoleAssignment.objects.update_or_create(
                user=user, agency=agencies[agency_code], role=role, defaults={"unit": unit}
            )
    return list(ACCOUNTS)


# seed file → agency code and an issue date. The seeds leave the day blank ("ngày   tháng 6 năm 2026"), so
# the demo assumes one after the documents they cite; a real import leaves it for the focal point to fill.
SEED_PLANS: tuple[tuple[str, str, date], ...] = (
    ("003_60869de41967d346.txt", "LCU-SXD", date(2025, 12, 15)),
    ("000_02cd82ab64be2b97.txt", "DLK-SXD", date(2026, 1, 20)),
    ("001_1cb47749ca1e7ac4.txt", "DLK-SXD", date(2026, 6, 25)),
    ("002_ec602bd9966572ab.txt", "DLK-SXD", date(2026, 5, 6)),
    ("004_56ba75e3a28b807e.txt", "TP-DAISON", date(2026, 6, 15)),
)


def import_demo_plans(seeds_dir: Path) -> list[str]:
    """Import the seed plans into their agencies; a plan already there (same title) is left alone."""
    from apps.plans.importer import parse_document
    from apps.plans.models import Plan
    from apps.plans.services import plan_save_from_parse, plan_update
    from apps.tasks.services import occurrences_sync_for_plan

    lines = []
    for filename, agency_code, issued_on in SEED_PLANS:
        path = seeds_dir / filename
        if not path.is_file():
            lines.append(f"Bỏ qua {filename}: không tìm thấy tệp trong {seeds_dir}.")
            continue
        agency = Agency.objects.get(code=agency_code)
        data = path.read_bytes()
        result = parse_document(data=data, filename=filename)
        if Plan.objects.filter(agency=agency, title=result.plan.title or "").exists():
            lines.append(f"Đã có: {result.plan.title}")
            continue
        plan = plan_save_from_parse(agency=agency, result=result, original=data, original_name=filename)
        if plan.issued_on is None:
            plan = plan_update(plan=plan, issued_on=issued_on)
            occurrences_sync_for_plan(plan=plan)
        lines.append(f"Đã nhập {plan.tasks.count()} nhiệm vụ — {agency.name}: {plan.title[:90]}")
    return lines


def demo_progress(*, today: Any = None) -> int:
    """Give the demo a history: most past occurrences done on time, some late, some still open.

    Demo data only: dates are written directly so the dashboard shows a year, not just today.
    """
    import random
    from datetime import timedelta

    from django.utils import timezone

    from apps.tasks.models import Occurrence, ProgressUpdate

    day = today or timezone.localdate()
    rng = random.Random(2026)
    leader = User.objects.filter(username="lanhdao").first()
    changed = []
    updates = []
    for occurrence in Occurrence.objects.filter(
        not_applicable=False, due_on__lt=day, accepted_on__isnull=True
    ):
        roll = rng.random()
        if roll < 0.7:
            done = occurrence.due_on - timedelta(days=rng.randint(0, 10))
        elif roll < 0.85:
            done = occurrence.due_on + timedelta(days=rng.randint(1, 20))
            if done >= day:
                continue
        else:
            continue
        occurrence.percent = 100
        occurrence.completed_on = done
        occurrence.submitted_at = timezone.make_aware(datetime.combine(done, time(8, 0)))
        occurrence.accepted_on = min(done + timedelta(days=2), day)
        occurrence.accepted_by = leader
        changed.append(occurrence)
        updates.append(
            ProgressUpdate(
                occurrence=occurrence,
                author=leader,
                percent=100,
                is_completion=True,
                completed_on=done,
                note="Đã hoàn thành (dữ liệu mẫu).",
            )
        )
    Occurrence.objects.bulk_update(
        changed, ["percent", "completed_on", "submitted_at", "accepted_on", "accepted_by"], batch_size=500
    )
    ProgressUpdate.objects.bulk_create(updates, batch_size=500)
    return len(changed)
