"""Choice lists of tasks."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TaskKind(models.TextChoices):
    TASK = "task", _("Nhiệm vụ")
    ACTIVITY = "activity", _("Hoạt động")


class ScheduleKind(models.TextChoices):
    WINDOW = "window", _("Có thời hạn")
    RECURRENCE = "recurrence", _("Định kỳ")
    TRIGGER = "trigger", _("Khi có sự kiện")
    CONTINUOUS = "continuous", _("Thường xuyên")
    UNKNOWN = "unknown", _("Chưa xác định")


class Recurrence(models.TextChoices):
    MONTHLY = "monthly", _("Hằng tháng")
    QUARTERLY = "quarterly", _("Hằng quý")
    HALF_YEARLY = "half_yearly", _("6 tháng")
    YEARLY = "yearly", _("Hằng năm")
    PERIODIC = "periodic", _("Định kỳ")


SIX_CLEAR_LABELS = {
    "person": _("Rõ người"),
    "task": _("Rõ việc"),
    "time": _("Rõ thời gian"),
    "responsibility": _("Rõ trách nhiệm"),
    "deliverable": _("Rõ sản phẩm"),
    "authority": _("Rõ thẩm quyền"),
}
