"""Choice lists of the civil-servant rating cycle (Nghị định 335/2025)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RatingStatus(models.TextChoices):
    """Where one person's rating of a period stands: self-assessment → the unit head → the agency's head."""

    DRAFT = "draft", _("Chưa tự đánh giá")
    SELF_ASSESSED = "self_assessed", _("Đã tự đánh giá, chờ trưởng đơn vị")
    SCORED = "scored", _("Trưởng đơn vị đã chấm, chờ thủ trưởng quyết định")
    DECIDED = "decided", _("Đã quyết định xếp loại")


class TaskGroup(models.TextChoices):
    """The groups within which the 20% cap on "xuất sắc" is counted (same agency, same task group)."""

    STAFF = "staff", _("Công chức không giữ chức vụ lãnh đạo, quản lý")
    LEADER = "leader", _("Công chức lãnh đạo, quản lý")


class Violation(models.TextChoices):
    """The facts that force "không hoàn thành nhiệm vụ" whatever the points (domain.scoring.grading.ND335_RATING)."""

    DISCIPLINED = "disciplined", _("Bị kỷ luật từ khiển trách trở lên trong năm")
    DEGRADED = "degraded", _("Bị kết luận suy thoái, “tự diễn biến”, “tự chuyển hóa”")
    UNIT_CORRUPTION = "unit_corruption", _("Người đứng đầu nơi xảy ra tham nhũng, lãng phí bị xử lý")


class AggregationChoice(models.TextChoices):
    """domain.ratings.rules.Aggregation, named for the agency's choice."""

    CUMULATIVE = "cumulative", _("Cộng dồn sản phẩm của các tháng")
    MEAN_OF_MONTHS = "mean_of_months", _("Trung bình điểm các tháng")


class RoundingChoice(models.TextChoices):
    """domain.ratings.rules.QuotaRounding, named for the agency's choice."""

    DOWN = "down", _("Làm tròn xuống")
    UP = "up", _("Làm tròn lên")
    NEAREST = "nearest", _("Làm tròn đến số gần nhất")
