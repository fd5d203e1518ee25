"""Choice lists of periodic reports."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from domain import report_periods
from domain.periods import HALF, MONTH, QUARTER, YEAR


class ReportType(models.TextChoices):
    MONTHLY = report_periods.MONTHLY, _("Báo cáo CCHC tháng")
    QUARTERLY = report_periods.QUARTERLY, _("Báo cáo CCHC quý")
    HALF_YEAR = report_periods.HALF_YEAR, _("Báo cáo CCHC 6 tháng")
    ANNUAL = report_periods.ANNUAL, _("Báo cáo CCHC năm")
    COMMUNICATION = report_periods.COMMUNICATION, _("Báo cáo thông tin, tuyên truyền CCHC")
    EMULATION = report_periods.EMULATION, _("Báo cáo phong trào thi đua CCHC")
    INSPECTION = report_periods.INSPECTION, _("Báo cáo kết quả kiểm tra CCHC")


class PeriodKind(models.TextChoices):
    MONTH = MONTH, _("Tháng")
    QUARTER = QUARTER, _("Quý")
    HALF = HALF, _("6 tháng")
    YEAR = YEAR, _("Năm")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    CONTRIBUTING = "contributing", _("Đơn vị đang gửi nội dung")
    COMPILED = "compiled", _("Đã tổng hợp")
    APPROVED = "approved", _("Lãnh đạo đã duyệt")
    SENT = "sent", _("Đã gửi")


class ContributionStatus(models.TextChoices):
    PENDING = "pending", _("Chưa gửi")
    DRAFT = "draft", _("Đang soạn")
    SUBMITTED = "submitted", _("Đã gửi")


# The plans each report kind reads its tasks from: a communication report reads the communication plan only.
PLAN_TYPES_OF_KIND: dict[str, tuple[str, ...] | None] = {
    report_periods.COMMUNICATION: ("communication",),
    report_periods.EMULATION: ("emulation",),
    # The inspection summary reads the remediation plans (apps.inspections), whose tasks follow the findings.
    report_periods.INSPECTION: ("inspection",),
}

# Where a report may go next, and who moves it: the focal point, except approval, which is the leader's.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    ReportStatus.DRAFT: (ReportStatus.CONTRIBUTING, ReportStatus.COMPILED),
    ReportStatus.CONTRIBUTING: (ReportStatus.COMPILED, ReportStatus.DRAFT),
    ReportStatus.COMPILED: (ReportStatus.APPROVED, ReportStatus.CONTRIBUTING),
    ReportStatus.APPROVED: (ReportStatus.SENT, ReportStatus.COMPILED),
    ReportStatus.SENT: (),
}
