"""Kinds of notifications; each kind is a line in a person's preferences."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from domain.reminders import DAILY, ESCALATION, WEEKLY


class NotificationKind(models.TextChoices):
    DAILY = DAILY, _("Nhắc việc hằng ngày (quá hạn, sắp đến hạn)")
    WEEKLY = WEEKLY, _("Tổng hợp tiến độ hằng tuần (trưởng đơn vị, đầu mối CCHC)")
    ESCALATION = ESCALATION, _("Cảnh báo nhiệm vụ quá hạn chuyển lên (trưởng đơn vị, lãnh đạo)")
    PAR = "par", _("Đánh giá Chỉ số CCHC: mở đợt, hạn nộp, kết quả thẩm định")
    REPORT = "report", _("Báo cáo định kỳ chờ lãnh đạo duyệt")
