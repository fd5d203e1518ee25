"""Choice lists of dossiers and their imports."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    IN_PERSON = "truc_tiep", _("Trực tiếp")
    ONLINE = "truc_tuyen", _("Trực tuyến")
    POST = "buu_chinh", _("Bưu chính")


class ServiceLevel(models.TextChoices):
    FULL = "toan_trinh", _("Toàn trình")
    PARTIAL = "mot_phan", _("Một phần")
    OTHER = "khac", _("Khác")


class ImportStatus(models.TextChoices):
    RUNNING = "running", _("Đang nhập")
    DONE = "done", _("Đã nhập")
    PARTIAL = "partial", _("Đã nhập các dòng hợp lệ")
    REJECTED = "rejected", _("Không nhập (tệp có dòng lỗi)")
    FAILED = "failed", _("Không đọc được tệp")
    INTERRUPTED = "interrupted", _("Bị gián đoạn")


class Metric(models.TextChoices):
    """The figures of a scorecard a dossier list can be drilled down to."""

    RECEIVED = "received", _("Tiếp nhận trong kỳ")
    ONLINE = "online", _("Nộp trực tuyến")
    WITH_FEE = "with_fee", _("Có phí, lệ phí")
    PAID_ONLINE = "paid_online", _("Thanh toán trực tuyến")
    NOT_PAID_ONLINE = "not_paid_online", _("Có phí nhưng không thanh toán trực tuyến")
    DIGITISED = "digitised", _("Đã số hóa")
    NOT_DIGITISED = "not_digitised", _("Chưa số hóa")
    RESOLVED = "resolved", _("Có kết quả trong kỳ")
    ON_TIME = "on_time", _("Đúng hạn và trước hạn")
    EARLY = "early", _("Trước hạn")
    LATE = "late", _("Trễ hạn")
    E_RESULT = "e_result", _("Có kết quả điện tử")
    OVERDUE = "overdue", _("Quá hạn chưa có kết quả (cuối kỳ)")
    APOLOGY_DUE = "apology_due", _("Phải xin lỗi (trễ hạn hoặc quá hạn)")
    APOLOGY_MISSING = "apology_missing", _("Chưa xin lỗi đúng quy định")
