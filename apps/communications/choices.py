"""Choice lists of the communication register."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from domain.communications import channels


class Channel(models.TextChoices):
    """Where an article or post appeared (seed 002, mục IV "Hình thức tuyên truyền")."""

    INTERNAL = channels.INTERNAL, _("Truyền thông nội bộ")
    WEBSITE = channels.WEBSITE, _("Trang thông tin điện tử")
    ZALO_OA = channels.ZALO_OA, _("Zalo OA")
    FANPAGE = channels.FANPAGE, _("Fanpage")
    PRESS = channels.PRESS, _("Báo chí, phát thanh, truyền hình")
    QR_POSTER = channels.QR_POSTER, _("Cổ động trực quan, mã QR")


class EventKind(models.TextChoices):
    CONFERENCE = "conference", _("Hội nghị")
    TRAINING = "training", _("Tập huấn")
    DIALOGUE = "dialogue", _("Đối thoại")
    OTHER = "other", _("Khác")
