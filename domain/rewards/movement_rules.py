"""A movement's own rules (quy định riêng của phong trào thi đua), checked in addition to the law.

Seed 004 (Kế hoạch phát động phong trào thi đua "Đẩy mạnh cải cách hành chính trên địa bàn xã Đại Sơn giai đoạn
2026 – 2030", mục III.2.2): for the end-of-period reward a collective has "từ 02 sáng kiến, mô hình, giải pháp …"
and "thành tích nổi bật, liên tục trong ít nhất 03 năm"; mục III.1.2: "Không khen thưởng nhiều lần, nhiều hình
thức cho một thành tích đạt được". The seed introduces its collective criteria with "Đạt một trong các tiêu chuẩn
sau": ``require_all=False`` reads it so (either count suffices); the default ``True`` requires both.
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.rewards.forms import Subject

__all__ = ["MovementRules"]


@dataclass(frozen=True)
class MovementRules:
    period_start_year: int
    period_end_year: int
    min_initiatives: int | None = None
    min_outstanding_years: int | None = None
    applies_to: Subject | None = None
    no_double_reward: bool = True
    source: str = ""
    name: str = ""
    require_all: bool = True

    @property
    def period_text(self) -> str:
        if self.period_start_year == self.period_end_year:
            return f"năm {self.period_start_year}"
        return f"giai đoạn {self.period_start_year} – {self.period_end_year}"

    def applies(self, subject: Subject) -> bool:
        return self.applies_to is None or self.applies_to == subject

    def problems(self) -> list[str]:
        """What makes these rules unusable, in Vietnamese, for the person editing them."""
        found = []
        if self.period_end_year < self.period_start_year:
            found.append("Năm kết thúc giai đoạn phải từ năm bắt đầu trở đi.")
        for label, value in (
            ("Số sáng kiến tối thiểu", self.min_initiatives),
            ("Số năm có thành tích nổi bật tối thiểu", self.min_outstanding_years),
        ):
            if value is not None and value < 0:
                found.append(f"{label} không được âm.")
        years = self.period_end_year - self.period_start_year + 1
        if self.min_outstanding_years is not None and self.min_outstanding_years > years:
            found.append(f"Số năm có thành tích nổi bật tối thiểu vượt quá số năm của {self.period_text}.")
        return found
