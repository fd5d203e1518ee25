"""Choice lists of surveys."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class QuestionnaireStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    PUBLISHED = "published", _("Đã ban hành")


class AggregationMethod(models.TextChoices):
    MEAN = "mean", _("Trung bình các thành phần")
    POOLED = "pooled", _("Gộp mọi câu trả lời hợp lệ")


class QuestionKind(models.TextChoices):
    SCALE5 = "scale5", _("Thang 5 mức hài lòng")
    YES_NO = "yes_no", _("Có / Không")
    CHOICE = "choice", _("Chọn một")
    TEXT = "text", _("Trả lời tự do")


class QuestionRole(models.TextChoices):
    SATISFACTION = "satisfaction", _("Câu hỏi đánh giá")
    RESPONDENT = "respondent", _("Thông tin người trả lời")
    SUGGESTION = "suggestion", _("Góp ý")
    OTHER = "other", _("Khác")


class RespondentField(models.TextChoices):
    NONE = "", _("—")
    AGE_GROUP = "age_group", _("Nhóm tuổi")
    SEX = "sex", _("Giới tính")
    OCCUPATION = "occupation", _("Nghề nghiệp")
    PROCEDURE = "procedure", _("Thủ tục hành chính đã thực hiện")


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", _("Chuẩn bị")
    OPEN = "open", _("Đang khảo sát")
    CLOSED = "closed", _("Đã kết thúc")


class Channel(models.TextChoices):
    COUNTER_QR = "counter_qr", _("Mã QR tại quầy")
    RESULT_SLIP = "result_slip", _("Đường dẫn trên phiếu trả kết quả")
    PAPER = "paper", _("Phiếu giấy (cán bộ nhập lại)")
    PHONE = "phone", _("Khảo sát qua điện thoại")
    API = "api", _("Ứng dụng khác qua API")


class AbuseKind(models.TextChoices):
    FORGED_LINK = "forged_link", _("Đường dẫn giả mạo")
    EXPIRED_LINK = "expired_link", _("Đường dẫn hết hạn hoặc khảo sát đã đóng")
    FORGED_KEY = "forged_key", _("Mã phiếu không hợp lệ hoặc hết hạn")
    INVALID = "invalid", _("Phiếu không hợp lệ (thiếu câu trả lời, ngoài thang đo)")
    TOO_LONG = "too_long", _("Câu trả lời quá dài")
    DUPLICATE_DOSSIER = "duplicate_dossier", _("Hồ sơ đã được đánh giá")
    RATE_LIMITED = "rate_limited", _("Gửi quá nhiều lần từ một địa chỉ")
    DEVICE_REPEAT = "device_repeat", _("Thiết bị đã gửi phiếu")
    HONEYPOT = "honeypot", _("Máy tự động điền ô ẩn")
    MARKUP = "markup", _("Mã HTML, script trong câu trả lời (đã vô hiệu hóa)")
