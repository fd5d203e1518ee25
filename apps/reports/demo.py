"""Demo reports (never in migrations): Sở Xây dựng Đắk Lắk's annual 2026 CCHC report, asked of its units, with
the parts of the units that lead tasks already sent but one — so the calendar, the report page, the preview and the
overseer's view show a report mid-way, and a unit that has not answered is visibly marked.

Built by `cchc demo`; a report already there is left alone, so running it again is safe.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from apps.accounts.models import User
from apps.organizations.models import Agency

from .choices import ContributionStatus
from .compilation import report_figures, unit_prefill
from .models import Contribution, Report
from .services import report_build

AGENCY = "DLK-SXD"
DIFFICULTIES = {
    "KHTC": "Nguồn kinh phí cho số hóa hồ sơ chưa được bố trí đủ.",
    "VP": "Một số phòng gửi báo cáo định kỳ chưa đúng hạn.",
}
PROPOSALS = {"VP": "Đề nghị Sở Nội vụ tổ chức tập huấn về chấm điểm Chỉ số CCHC năm 2026."}
# A unit that has not answered yet: the report marks its place for the focal point.
LATE_UNITS = ("QHXD",)


@transaction.atomic
def build_report_demo() -> list[str]:
    agency = Agency.objects.filter(code=AGENCY).first()
    if agency is None:
        return []
    if Report.objects.filter(agency=agency, report_type="annual", period_code="2026").exists():
        return ["Đã có báo cáo CCHC năm 2026 mẫu."]
    focal = User.objects.filter(username="daumoi").first()
    report = report_build(agency=agency, report_type="annual", period_code="2026")
    report.created_by = focal
    report.status = "contributing"
    report.save()
    figures = report_figures(report)
    now = timezone.now()
    parts = []
    for unit in figures.units:
        sections, data = unit_prefill(figures, unit)
        sent = bool(sections) and unit.code not in LATE_UNITS
        parts.append(
            Contribution(
                report=report,
                unit=unit,
                sections=sections,
                figures=data,
                difficulties=DIFFICULTIES.get(unit.code, "") if sent else "",
                proposals=PROPOSALS.get(unit.code, "") if sent else "",
                status=ContributionStatus.SUBMITTED if sent else ContributionStatus.PENDING,
                submitted_at=now if sent else None,
                submitted_by=focal if sent else None,
            )
        )
    Contribution.objects.bulk_create(parts)
    answered = sum(1 for part in parts if part.status == ContributionStatus.SUBMITTED)
    return [
        f"Đã tạo báo cáo CCHC năm 2026 mẫu của {agency.name}: {answered}/{len(parts)} đơn vị đã gửi nội dung."
    ]
