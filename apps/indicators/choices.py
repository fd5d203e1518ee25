"""Choice lists of the indicator catalogue and its measurements."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Method(models.TextChoices):
    """How an indicator gets its value."""

    DOSSIERS = "dossiers", _("Tính từ dữ liệu hồ sơ TTHC")
    FEEDBACK = "feedback", _("Tính từ sổ phản ánh, kiến nghị")
    SURVEYS = "surveys", _("Tính từ khảo sát mức độ hài lòng")
    TASKS = "tasks", _("Tính từ tiến độ nhiệm vụ")
    PLANS = "plans", _("Tính từ sổ kế hoạch")
    REPORTS = "reports", _("Tính từ lịch báo cáo và báo cáo đã gửi")
    COMMUNICATIONS = "communications", _("Tính từ sổ tin, bài tuyên truyền")
    INSPECTIONS = "inspections", _("Tính từ sổ kiểm tra CCHC")
    ENTERED = "entered", _("Nhập có minh chứng")


class Direction(models.TextChoices):
    HIGHER = "higher", _("Càng cao càng tốt")
    LOWER = "lower", _("Càng thấp càng tốt")


class Source(models.TextChoices):
    """Where the indicator comes from."""

    QD_766 = "qd766", _("Quyết định 766/QĐ-TTg")
    PLAN_TARGET = "plan_target", _("Chỉ tiêu kế hoạch CCHC")
    ONE_STOP = "one_stop", _("Quy định cơ chế một cửa")
    PLAN_TASKS = "plan_tasks", _("Thực hiện nhiệm vụ kế hoạch")
    COMMUNICATION = "communication", _("Tuyên truyền CCHC")
    INSPECTION = "inspection", _("Kiểm tra CCHC")
    PAR_INDEX = "par_index", _("Chỉ số CCHC (PAR INDEX)")


class Origin(models.TextChoices):
    """Where a measurement came from (its provenance)."""

    ENTERED = "entered", _("Nhập tay có minh chứng")
    IMPORTED = "imported", _("Nhập từ tệp")
    SNAPSHOT = "snapshot", _("Chốt từ số liệu tính tự động")


class LinkStatus(models.TextChoices):
    PROPOSED = "proposed", _("Đề xuất, chờ xác nhận")
    CONFIRMED = "confirmed", _("Đã xác nhận")
    REJECTED = "rejected", _("Không đo bằng chỉ số")
