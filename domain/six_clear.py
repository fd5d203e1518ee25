"""The "06 rõ" check on a task: rõ người, rõ việc, rõ thời gian, rõ trách nhiệm, rõ sản phẩm, rõ thẩm quyền.

The plans require it by name (Kế hoạch cải thiện PAR INDEX, SIPAS năm 2026 của Sở Xây dựng Đắk Lắk, mục
II.2; Kế hoạch thông tin, tuyên truyền CCHC năm 2026, mục I.2) and add "một việc chỉ do một tổ chức chủ
trì và chịu trách nhiệm chính" (Kế hoạch CCHC năm 2026 của Sở Xây dựng Lai Châu, mục III.1.5).

A deliverable is clear when someone can check that it exists or measure it:
* a document or product is named ("Kế hoạch", "Báo cáo rà soát", "Biên bản", "CSDL được cập nhật",
  "Tin, bài") — a bare "Báo cáo" is clear: it exists or it does not;
* or a measure is stated ("100% đúng hạn", "Tỷ lệ ≥ 98%", "Tỷ lệ … đạt tối thiểu mục tiêu Chính phủ giao").
It is vague when it only restates the task or an outcome nobody can check: "Hoàn thành nhiệm vụ", "Chỉ số
được cải thiện", "Đạt chỉ tiêu tỉnh giao", "Đạt tỷ lệ giải ngân" (no figure), and any statement that only
something will not happen ("Không có phản ánh", "Không có sai phạm", "Không để xảy ra sự cố"): an absence
is a target, not a product, and needs a report or record to be verified.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from domain.schedule import Schedule
from domain.targets import parse_target
from domain.vntext import fold, normalize_space

__all__ = [
    "RULES",
    "SixClearInput",
    "SixClearResult",
    "check_six_clear",
    "deliverable_is_verifiable",
    "plan_clear_share",
]

RULES = ("person", "task", "time", "responsibility", "deliverable", "authority")


@dataclass(frozen=True)
class SixClearInput:
    """What the check needs to know about one task."""

    title: str
    lead: tuple[str, ...]
    lead_is_group: bool
    schedule: Schedule
    deliverable: str
    accountable: str | None
    authority: str | None


@dataclass(frozen=True)
class SixClearResult:
    """One flag per rule (True = clear) and, for each rule not clear, the reason in Vietnamese."""

    flags: dict[str, bool]
    reasons: dict[str, str]

    @property
    def all_clear(self) -> bool:
        return all(self.flags.get(rule, False) for rule in RULES)


# Words that only say "do the work" — a title made of nothing else names no task.
_FILLER_WORDS = (
    "thuc hien trien khai to chuc cac nhiem vu cong viec khac duoc giao theo quy dinh hoan thanh tot "
    "cong tac hoat dong noi dung va mot so lien quan phat sinh dot xuat"
)
_FILLER = frozenset(_FILLER_WORDS.split())
_MIN_TITLE_SYLLABLES = 3

_PRODUCT = re.compile(
    r"\b(?:ke hoach|bao cao|bien ban|quyet dinh|to trinh|cong van|van ban|de an|phuong an|du thao|"
    r"quy trinh|quy che|thong bao|huong dan|chuong trinh|danh sach|danh muc|so lieu|thong ke|"
    r"co so du lieu|csdl|du lieu|phan mem|he thong|chuyen muc|tin bai|tin va bai|bai viet|infographic|"
    r"video|to gap|ma qr|giay khen|bang khen|ket qua (?:danh gia|khao sat|kiem tra|ra soat|tu cham diem)|"
    r"phieu khao sat|nghi quyet|ket luan|thu xin loi)\b"
)
_ABSENCE = re.compile(r"^(?:khong de xay ra|khong xay ra|khong de|khong co|khong con|khong phat sinh)\b")
_MEASURED_QUANTITY = re.compile(r"\b(?:ty le|muc do|so luong|diem)\b")


def _words(text: str) -> list[str]:
    return re.sub(r"[^\w]+", " ", fold(text)).split()


def _check_person(item: SixClearInput) -> str | None:
    leads = [normalize_space(lead) for lead in item.lead if normalize_space(lead)]
    if not leads:
        return "Chưa giao đơn vị chủ trì."
    if item.lead_is_group:
        return f"Đơn vị chủ trì “{', '.join(leads)}” là một nhóm, chưa rõ đơn vị chịu trách nhiệm chính."
    if len(leads) > 1:
        return (
            f"Có {len(leads)} đơn vị cùng chủ trì ({', '.join(leads)}); "
            "mỗi việc chỉ giao một đơn vị chủ trì và chịu trách nhiệm chính."
        )
    return None


def _check_task(item: SixClearInput) -> str | None:
    words = _words(item.title)
    if not words:
        return "Chưa ghi tên nhiệm vụ."
    if len(words) < _MIN_TITLE_SYLLABLES:
        return f"Tên nhiệm vụ “{normalize_space(item.title)}” quá ngắn, chưa rõ phải làm việc gì."
    if all(word in _FILLER for word in words):
        return f"Tên nhiệm vụ “{normalize_space(item.title)}” quá chung chung, chưa nêu việc cụ thể."
    return None


def _check_time(item: SixClearInput) -> str | None:
    if item.schedule.datable:
        return None
    if item.schedule.reason:
        return f"Thời gian chưa rõ: {item.schedule.reason}"
    return "Thời gian thực hiện chưa xác định được ngày cụ thể."


def deliverable_is_verifiable(deliverable: str) -> bool:
    """Whether a deliverable names a product or a measure someone can check (see the module docstring)."""
    comparable = " ".join(_words(deliverable))
    if not comparable:
        return False
    if _ABSENCE.search(comparable):
        return False
    if _PRODUCT.search(comparable):
        return True
    target = parse_target(deliverable)
    if target is None:
        return False
    # "Đạt chỉ tiêu tỉnh giao" refers to a figure but names nothing to measure; "Tỷ lệ … đạt tối thiểu
    # mục tiêu Chính phủ giao" names the rate.
    return target.value is not None or _MEASURED_QUANTITY.search(comparable) is not None


def _check_deliverable(item: SixClearInput) -> str | None:
    written = normalize_space(item.deliverable)
    if not written:
        return "Chưa ghi sản phẩm, kết quả."
    if deliverable_is_verifiable(written):
        return None
    if _ABSENCE.search(" ".join(_words(written))):
        return (
            f"Sản phẩm “{written}” chỉ nêu điều không xảy ra; cần sản phẩm kiểm chứng được "
            "(báo cáo, biên bản, số liệu)."
        )
    return (
        f"Sản phẩm “{written}” chưa kiểm chứng được; cần nêu văn bản, sản phẩm cụ thể hoặc chỉ tiêu đo được."
    )


def _check_responsibility(item: SixClearInput) -> str | None:
    if item.accountable and normalize_space(item.accountable):
        return None
    return "Chưa xác định người chịu trách nhiệm."


def _check_authority(item: SixClearInput) -> str | None:
    if item.authority and normalize_space(item.authority):
        return None
    return "Chưa xác định cấp có thẩm quyền nghiệm thu, đánh giá kết quả."


_CHECKS = {
    "person": _check_person,
    "task": _check_task,
    "time": _check_time,
    "responsibility": _check_responsibility,
    "deliverable": _check_deliverable,
    "authority": _check_authority,
}


def check_six_clear(item: SixClearInput) -> SixClearResult:
    """Check one task against the six rules; every rule not clear gets a Vietnamese reason."""
    flags: dict[str, bool] = {}
    reasons: dict[str, str] = {}
    for rule in RULES:
        reason = _CHECKS[rule](item)
        flags[rule] = reason is None
        if reason is not None:
            reasons[rule] = reason
    return SixClearResult(flags=flags, reasons=reasons)


def plan_clear_share(results: Sequence[SixClearResult]) -> Decimal | None:
    """Share of tasks clear on all six rules, in percent, one decimal (half up); ``None`` without tasks."""
    if not results:
        return None
    clear = sum(1 for result in results if result.all_clear)
    return (Decimal(clear) * 100 / Decimal(len(results))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
