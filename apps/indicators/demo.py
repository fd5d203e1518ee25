"""Demo data of the indicators: a year of synthetic dossiers for the seed agencies, a feedback register,
published 766 points, a few entered measurements, and the seed plans' targets linked to their indicators.

Built by `cchc demo`, never by migrations. Everything is drawn from a seeded random generator, so a second
run produces the same rows and the dossier import changes no count. The dossiers go through the same import
as a real file (an in-memory CSV), so the demo also leaves an import batch to look at.
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from apps.dossiers.services import dossier_import
from apps.feedback.services import feedback_import
from apps.organizations.models import Agency
from apps.plans.models import Plan
from domain.spreadsheet_text import safe_row
from domain.workdays import DEFAULT_CALENDAR

from .models import Indicator
from .services import measurement_record, service_scores_record, target_links_propose

SEED = 2026


@dataclass(frozen=True)
class ProcedureSpec:
    code: str
    name: str
    working_days: int
    fee: int
    weight: int


BUILDING = (
    ProcedureSpec("1.009972", "Cấp giấy phép xây dựng mới đối với công trình cấp III, IV", 20, 150000, 30),
    ProcedureSpec("1.009974", "Cấp điều chỉnh giấy phép xây dựng", 15, 100000, 10),
    ProcedureSpec("1.009975", "Gia hạn giấy phép xây dựng", 5, 50000, 6),
    ProcedureSpec("1.009982", "Thẩm định báo cáo nghiên cứu khả thi đầu tư xây dựng", 20, 0, 8),
    ProcedureSpec("1.009989", "Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III", 20, 300000, 18),
    ProcedureSpec("1.010002", "Cấp chứng chỉ năng lực hoạt động xây dựng hạng II, hạng III", 20, 1000000, 9),
    ProcedureSpec("1.007752", "Thông báo nhà ở hình thành trong tương lai đủ điều kiện được bán", 15, 0, 5),
)
TRANSPORT = (
    ProcedureSpec("1.002809", "Đổi giấy phép lái xe do ngành Giao thông vận tải cấp", 5, 135000, 40),
    ProcedureSpec("1.002861", "Cấp phù hiệu xe kinh doanh vận tải", 2, 0, 15),
    ProcedureSpec("1.001765", "Cấp giấy phép kinh doanh vận tải bằng xe ô tô", 5, 0, 6),
)
COMMUNE = (
    ProcedureSpec("1.001193", "Đăng ký khai sinh", 1, 0, 30),
    ProcedureSpec("1.000894", "Đăng ký kết hôn", 3, 0, 8),
    ProcedureSpec("1.000656", "Đăng ký khai tử", 1, 0, 6),
    ProcedureSpec("2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản", 1, 2000, 45),
    ProcedureSpec("2.000884", "Chứng thực chữ ký trong các giấy tờ, văn bản", 1, 10000, 12),
    ProcedureSpec("1.004222", "Cấp Giấy xác nhận tình trạng hôn nhân", 3, 0, 10),
    ProcedureSpec("1.003596", "Đăng ký biến động quyền sử dụng đất", 10, 0, 7),
)
INTERIOR = (
    ProcedureSpec("1.009323", "Thẩm định thành lập tổ chức hành chính", 15, 0, 3),
    ProcedureSpec("2.001688", "Công nhận ban vận động thành lập hội", 15, 0, 2),
    ProcedureSpec("1.003911", "Xét tặng danh hiệu Lao động tiên tiến, Chiến sĩ thi đua", 20, 0, 4),
)


@dataclass(frozen=True)
class AgencyPlan:
    """How many dossiers an agency receives per working day, through which units and procedures."""

    code: str
    per_day: float
    units: tuple[str, ...]
    procedures: tuple[ProcedureSpec, ...]
    late_share: float  # share of dossiers resolved after their due date
    slow_unit: str  # the unit whose dossiers are late more often


AGENCY_PLANS = (
    AgencyPlan("DLK-SXD", 55, ("VP", "QLXD", "QHKT", "HTKT", "NHA"), BUILDING, 0.035, "QLXD"),
    AgencyPlan("LCU-SXD", 70, ("MC", "QLVT", "QLXD", "QHKT"), TRANSPORT + BUILDING, 0.05, "QLVT"),
    AgencyPlan("TP-DAISON", 110, ("PVHCC",), COMMUNE, 0.02, "PVHCC"),
    AgencyPlan("DLK-SNV", 6, ("VP", "TCCC"), INTERIOR, 0.04, "TCCC"),
    AgencyPlan("LCU-SNV", 5, ("VP",), INTERIOR, 0.06, "VP"),
)
HEADER = (
    "ma_ho_so", "ma_co_quan", "ma_don_vi", "ma_thu_tuc", "ten_thu_tuc", "muc_do", "kenh_nop", "ngay_tiep_nhan",
    "ngay_hen_tra", "ngay_co_ket_qua", "ngay_tra_ket_qua", "le_phi", "thanh_toan_truc_tuyen", "so_hoa",
    "ket_qua_dien_tu", "ngay_xin_loi", "so_lan_hen_lai",
)  # fmt: skip


def _working_days(start: date, end: date) -> list[date]:
    days, day = [], start
    while day <= end:
        if DEFAULT_CALENDAR.is_working_day(day):
            days.append(day)
        day += timedelta(days=1)
    return days


def _rows(today: date) -> list[list[str]]:
    """A year (1 January to yesterday) of dossiers of the seed agencies, late ones included."""
    rnd = random.Random(SEED)
    start = date(today.year, 1, 1)
    days = _working_days(start, today - timedelta(days=1))
    rows: list[list[str]] = []
    for plan in AGENCY_PLANS:
        weights = [spec.weight for spec in plan.procedures]
        for day_index, day in enumerate(days):
            progress = day_index / max(1, len(days) - 1)  # online and digital shares grow through the year
            count = max(0, int(rnd.gauss(plan.per_day, plan.per_day * 0.2)))
            for number in range(count):
                spec = rnd.choices(plan.procedures, weights)[0]
                unit = rnd.choice(plan.units)
                received = datetime.combine(day, time(7, 30)) + timedelta(minutes=rnd.randrange(9 * 60))
                due = DEFAULT_CALENDAR.add_working_days(day, spec.working_days)
                late_share = (
                    plan.late_share * (2.5 if unit == plan.slow_unit else 1) * (2 if day.month == 2 else 1)
                )
                roll = rnd.random()
                if roll < late_share:
                    resolved_day: date | None = DEFAULT_CALENDAR.add_working_days(due, rnd.randint(1, 6))
                else:
                    resolved_day = DEFAULT_CALENDAR.add_working_days(day, rnd.randint(0, spec.working_days))
                if resolved_day is not None and resolved_day >= today:
                    resolved_day = None  # still being handled
                late = (resolved_day is None and due < today) or (
                    resolved_day is not None and resolved_day > due
                )
                apology = ""
                reappointed = 0
                if late:
                    kind = rnd.random()
                    if kind < 0.6 and due > day:
                        apology = max(day, due - timedelta(days=rnd.randint(1, 3))).strftime("%d/%m/%Y")
                        reappointed = 1
                    elif kind < 0.75:
                        apology = min(due + timedelta(days=rnd.randint(0, 2)), today).strftime("%d/%m/%Y")
                        reappointed = 1 if rnd.random() < 0.7 else 2
                online = rnd.random() < 0.35 + 0.3 * progress
                paid_online = spec.fee > 0 and online and rnd.random() < 0.5 + 0.3 * progress
                resolved_text = ""
                if resolved_day is not None:
                    resolved_at = datetime.combine(resolved_day, time(8, 0)) + timedelta(
                        minutes=rnd.randrange(9 * 60)
                    )
                    resolved_text = resolved_at.strftime("%d/%m/%Y %H:%M")
                rows.append(
                    [
                        f"{plan.code}-{day:%y%m%d}-{number:04d}",
                        plan.code,
                        unit,
                        spec.code,
                        spec.name,
                        "toan_trinh" if online and spec.fee == 0 else "mot_phan",
                        "truc_tuyen" if online else ("buu_chinh" if rnd.random() < 0.08 else "truc_tiep"),
                        received.strftime("%d/%m/%Y %H:%M"),
                        due.strftime("%d/%m/%Y"),
                        resolved_text,
                        resolved_day.strftime("%d/%m/%Y") if resolved_day else "",
                        str(spec.fee),
                        "1" if paid_online else "0",
                        "1" if rnd.random() < 0.85 + 0.13 * progress else "0",
                        "1" if resolved_day and rnd.random() < 0.55 + 0.35 * progress else "0",
                        apology,
                        str(reappointed),
                    ]
                )
    return rows


def _csv(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(safe_row(HEADER))
    writer.writerows(safe_row(row) for row in rows)
    return buffer.getvalue().encode("utf-8")


FEEDBACK_SUBJECTS = (
    "Đề nghị hướng dẫn rõ thành phần hồ sơ cấp giấy phép xây dựng",
    "Phản ánh thời gian trả kết quả chậm so với giấy hẹn",
    "Kiến nghị bổ sung thanh toán trực tuyến lệ phí",
    "Phản ánh thái độ phục vụ tại Bộ phận một cửa",
    "Đề nghị giải thích quy định về chứng chỉ hành nghề",
    "Phản ánh Cổng dịch vụ công không nộp được hồ sơ",
    "Kiến nghị về quy hoạch chi tiết khu dân cư (thuộc thẩm quyền UBND tỉnh)",
)


def _feedback_csv(today: date) -> bytes:
    rnd = random.Random(SEED + 1)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(safe_row(["ma_phan_anh", "ma_co_quan", "ngay_tiep_nhan", "kenh", "noi_dung", "nguoi_gui", "tham_quyen",
                     "noi_chuyen_den", "ngay_chuyen", "han_xu_ly", "ngay_tra_loi", "hai_long", "phan_nan_cham"]))  # fmt: skip
    for code in ("DLK-SXD", "LCU-SXD", "TP-DAISON"):
        for number in range(1, 46):
            received = date(today.year, 1, 2) + timedelta(
                days=rnd.randrange(max(1, (today - date(today.year, 1, 2)).days))
            )
            subject = rnd.choice(FEEDBACK_SUBJECTS)
            forwarded = "thẩm quyền UBND tỉnh" in subject
            due = DEFAULT_CALENDAR.add_working_days(received, 7)
            replied = forwarded_on = None
            if forwarded:
                forwarded_on = DEFAULT_CALENDAR.add_working_days(received, rnd.choice((2, 4, 5, 7)))
                if forwarded_on >= today:
                    forwarded_on = None
            elif rnd.random() < 0.92:
                replied = DEFAULT_CALENDAR.add_working_days(received, rnd.choice((2, 3, 5, 6, 7, 7, 9)))
                if replied >= today:
                    replied = None
            satisfied = "" if replied is None else ("1" if rnd.random() < 0.82 else "0")
            complaint = "1" if replied and replied > due and rnd.random() < 0.5 else "0"
            writer.writerow(
                safe_row(
                    [
                        f"PAKN-{today.year}-{number:04d}",
                        code,
                        received.strftime("%d/%m/%Y"),
                        rnd.choice(("Trực tiếp", "Cổng Dịch vụ công", "Đường dây nóng", "Zalo")),
                        subject,
                        rnd.choice(
                            (
                                "Nguyễn Văn An",
                                "Trần Thị Bình",
                                "Công ty TNHH Xây dựng Hòa Phát",
                                "Lê Minh Cường",
                            )
                        ),
                        "chuyển" if forwarded else "thuộc",
                        "UBND tỉnh" if forwarded else "",
                        forwarded_on.strftime("%d/%m/%Y") if forwarded_on else "",
                        "" if forwarded else due.strftime("%d/%m/%Y"),
                        replied.strftime("%d/%m/%Y") if replied else "",
                        satisfied,
                        complaint,
                    ]
                )
            )
    return buffer.getvalue().encode("utf-8")


def _scores(today: date) -> int:
    """Published 766 points for the months before this one, close to what the data would give."""
    rnd = random.Random(SEED + 2)
    saved = 0
    for code in ("DLK-SXD", "LCU-SXD", "TP-DAISON"):
        agency = Agency.objects.get(code=code)
        for month in range(1, today.month):
            points: dict[str, Decimal | None] = {
                "public": Decimal(rnd.randint(150, 180)) / 10,
                "progress": Decimal(rnd.randint(170, 200)) / 10,
                "online": Decimal(rnd.randint(120, 200)) / 10,
                "digitised": Decimal(rnd.randint(160, 215)) / 10,
                "satisfaction": Decimal(rnd.randint(140, 180)) / 10,
            }
            saved += len(
                service_scores_record(agency=agency, month=f"{today.year}-{month:02d}", points=points)
            )
    return saved


def _measurements(today: date) -> int:
    entered = {
        "procedure_publication_rate": Decimal(100),
        "dossier_sync_rate": Decimal("97.8"),
        "dossier_status_update_rate": Decimal("99.2"),
        "online_procedure_rate": Decimal("76.5"),
        "article_count": Decimal(14),
        "inspection_unit_rate": Decimal(25),
    }
    monthly = (
        "procedure_publication_rate",
        "dossier_sync_rate",
        "dossier_status_update_rate",
        "online_procedure_rate",
    )
    rnd = random.Random(SEED + 3)
    saved = 0
    indicators = {indicator.code: indicator for indicator in Indicator.objects.filter(code__in=entered)}
    for code in ("DLK-SXD", "LCU-SXD", "TP-DAISON"):
        agency = Agency.objects.get(code=code)
        periods = [str(today.year)] + [f"{today.year}-{month:02d}" for month in range(1, today.month)]
        for indicator_code, value in entered.items():
            for period in periods if indicator_code in monthly else periods[:1]:
                shown = (
                    value if len(period) == 4 else min(Decimal(100), value - Decimal(rnd.randint(0, 40)) / 10)
                )
                measurement_record(
                    indicator=indicators[indicator_code],
                    agency=agency,
                    period=period,
                    value=shown,
                    note="Số liệu mẫu",
                    provenance="Nhập tay (dữ liệu mẫu)",
                )
                saved += 1
        measurement_record(
            indicator=Indicator.objects.get(code="par_index_score", valid_to__isnull=True),
            agency=agency,
            period=str(today.year - 1),
            value=Decimal("86.35"),
            provenance="Quyết định công bố PAR INDEX năm trước (dữ liệu mẫu)",
        )
    return saved


def build_indicator_demo(*, today: date | None = None) -> list[str]:
    """Load the demo dossiers, feedback and scores; safe to run again (nothing changes the second time)."""
    day = today or timezone.localdate()
    lines = []
    data = _csv(_rows(day))
    batch = dossier_import(stream=io.BytesIO(data), filename=f"ho-so-mau-{day.year}.csv", file_size=len(data))
    lines.append(
        f"Hồ sơ TTHC mẫu: {batch.rows_good} dòng ({batch.inserted} mới, {batch.unchanged} không đổi)."
    )
    result = feedback_import(
        stream=io.BytesIO(_feedback_csv(day)), filename="phan-anh-mau.csv", allowed_agency_ids=None
    )
    lines.append(f"Phản ánh, kiến nghị mẫu: {result.message}")
    with transaction.atomic():
        scores = _scores(day)
        measurements = _measurements(day)
    lines.append(f"Điểm QĐ 766 công bố mẫu: {scores} điểm nhóm; số liệu nhập tay mẫu: {measurements}.")
    proposed = sum(len(target_links_propose(plan=plan)) for plan in Plan.objects.all())
    if proposed:
        lines.append(
            f"Đã đề xuất chỉ số cho {proposed} chỉ tiêu của các kế hoạch mẫu (chờ đầu mối xác nhận)."
        )
    return lines
