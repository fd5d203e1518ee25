"""Choice lists of the PAR INDEX assessment year."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AssessmentStatus(models.TextChoices):
    """Where one agency's assessment stands; each step is taken by its own role (see services)."""

    DRAFT = "draft", _("Đang tự đánh giá")
    SUBMITTED = "submitted", _("Đã nộp, chờ thẩm định")
    APPRAISED = "appraised", _("Đã thẩm định, chờ giải trình")
    EXPLAINED = "explained", _("Đã giải trình, chờ thẩm định lại")
    FINAL = "final", _("Đã chốt kết quả")


class Verdict(models.TextChoices):
    ACCEPTED = "accepted", _("Đồng ý")
    ADJUSTED = "adjusted", _("Điều chỉnh")
