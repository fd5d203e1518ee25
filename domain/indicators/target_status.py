"""Status of a target (chỉ tiêu) against a measured value: đạt, chưa đạt, có nguy cơ.

A target is `comparator value` (`>= 98 %`, `none` for "không để xảy ra"), optionally against a baseline
(`domain.targets.BASELINE_KINDS`): "cao hơn năm 2025" compares with the same indicator's value of 2025;
"tăng tối thiểu 20% so với năm 2025" with that value grown by 20%; "theo mục tiêu Chính phủ giao" or
"chỉ tiêu tỉnh giao" with the figure assigned for the year, which the focal point enters.

While the period runs, a value that misses the target is "có nguy cơ" (it can still be recovered); once the
period is over it is "chưa đạt". "Không để xảy ra" is "chưa đạt" as soon as one case happened.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

__all__ = [
    "ACHIEVED",
    "AT_RISK",
    "NOT_ACHIEVED",
    "NO_DATA",
    "NO_THRESHOLD",
    "STATUS_LABELS",
    "StatusResult",
    "TargetSpec",
    "evaluate_target",
    "target_threshold",
]

ACHIEVED, NOT_ACHIEVED, AT_RISK = "achieved", "not_achieved", "at_risk"
NO_DATA, NO_THRESHOLD = "no_data", "no_threshold"
STATUS_LABELS = {
    ACHIEVED: "Đạt",
    NOT_ACHIEVED: "Chưa đạt",
    AT_RISK: "Có nguy cơ",
    NO_DATA: "Chưa có số liệu",
    NO_THRESHOLD: "Chưa có mức so sánh",
}
_ONE, _HUNDRED = Decimal(1), Decimal(100)


@dataclass(frozen=True)
class TargetSpec:
    """The parts of a plan's target that decide its status."""

    comparator: str  # ">=", ">", "<=", "<", "=", "none"
    value: Decimal | None
    unit: str = ""
    baseline_kind: str | None = None
    baseline_year: int | None = None


@dataclass(frozen=True)
class StatusResult:
    status: str
    threshold: Decimal | None
    comparator: str
    reason: str

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]


def target_threshold(
    spec: TargetSpec, *, baseline_value: Decimal | None = None, assigned_value: Decimal | None = None
) -> tuple[str, Decimal | None, str]:
    """The comparator and the figure the value is held to, and a reason when the figure is unknown."""
    kind = spec.baseline_kind
    if kind in ("government_target", "assigned_target"):
        if assigned_value is None:
            return spec.comparator, None, "Chưa nhập mức chỉ tiêu được giao của năm."
        return spec.comparator, assigned_value, ""
    if kind in ("previous_year", "relative_increase", "relative_decrease"):
        if baseline_value is None:
            year = f" năm {spec.baseline_year}" if spec.baseline_year else ""
            return spec.comparator, None, f"Chưa có số liệu{year} để so sánh."
        if kind == "previous_year" or spec.value is None:
            return spec.comparator, baseline_value, ""
        if spec.unit == "%":
            factor = (
                _ONE + spec.value / _HUNDRED if kind == "relative_increase" else _ONE - spec.value / _HUNDRED
            )
            return spec.comparator, baseline_value * factor, ""
        step = spec.value if kind == "relative_increase" else -spec.value
        return spec.comparator, baseline_value + step, ""
    if spec.comparator == "none":
        return "none", Decimal(0), ""
    if spec.value is None:
        return spec.comparator, None, "Chỉ tiêu không có giá trị số."
    return spec.comparator, spec.value, ""


def _meets(value: Decimal, comparator: str, threshold: Decimal) -> bool:
    if comparator == ">=":
        return value >= threshold
    if comparator == ">":
        return value > threshold
    if comparator == "<=":
        return value <= threshold
    if comparator == "<":
        return value < threshold
    if comparator == "none":
        return value == 0
    return value == threshold


def evaluate_target(
    spec: TargetSpec,
    value: Decimal | None,
    *,
    period_over: bool,
    baseline_value: Decimal | None = None,
    assigned_value: Decimal | None = None,
) -> StatusResult:
    """Đạt / chưa đạt / có nguy cơ for `value` measured over a period that is over or still running."""
    comparator, threshold, reason = target_threshold(
        spec, baseline_value=baseline_value, assigned_value=assigned_value
    )
    if value is None:
        return StatusResult(NO_DATA, threshold, comparator, "Kỳ này chưa có số liệu.")
    if threshold is None:
        return StatusResult(NO_THRESHOLD, None, comparator, reason)
    if _meets(value, comparator, threshold):
        return StatusResult(ACHIEVED, threshold, comparator, "" if period_over else "Tạm tính đến nay.")
    if period_over or comparator == "none":
        return StatusResult(NOT_ACHIEVED, threshold, comparator, "")
    return StatusResult(
        AT_RISK, threshold, comparator, "Kỳ chưa kết thúc nhưng số liệu đang thấp hơn chỉ tiêu."
    )
