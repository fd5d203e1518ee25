"""Kinds and states of background jobs."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JobKind(models.TextChoices):
    DAILY_REMINDERS = "daily_reminders", _("Nhắc việc hằng ngày và cảnh báo quá hạn")
    WEEKLY_DIGEST = "weekly_digest", _("Tổng hợp tiến độ hằng tuần")
    PLAN_IMPORT = "plan_import", _("Nhập kế hoạch")
    REPORT = "report", _("Lập báo cáo")
    PAR_PREFILL = "par_prefill", _("Lấy số liệu cho đợt đánh giá Chỉ số CCHC")
    DOSSIER_EXPORT = "dossier_export", _("Xuất Excel danh sách hồ sơ")


class JobStatus(models.TextChoices):
    PENDING = "pending", _("Đang chờ")
    RUNNING = "running", _("Đang chạy")
    SUCCEEDED = "succeeded", _("Hoàn thành")
    FAILED = "failed", _("Lỗi")


ACTIVE_STATUSES = (JobStatus.PENDING, JobStatus.RUNNING)
