"""The five groups of the service index of Quyết định 766/QĐ-TTg (23/06/2022), and an estimate of their points.

Groups and points (100 in all): công khai, minh bạch 18; tiến độ, kết quả giải quyết 20; cung cấp dịch vụ
trực tuyến 22; số hóa hồ sơ 22; mức độ hài lòng 18. Thông tư 01/2023/TT-VPCP details the indicators; the points
of each indicator inside groups 1–4 were not found, so the estimate here gives every rate of a group the same
weight (editable: `weight`) and scales the group's points by the weighted mean rate. The national portal's
published scores are entered beside the estimate, never replaced by it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from domain.indicators import dossier_rates as dossier
from domain.indicators import feedback_rates as feedback

__all__ = ["GROUP_SETS", "ServiceGroup", "ServiceGroupItem", "estimate_points", "groups_in_force"]

_HUNDRED = Decimal(100)


@dataclass(frozen=True)
class ServiceGroupItem:
    """An indicator shown in a group; `weight` 0 shows it beside the rates without scoring it."""

    indicator: str
    weight: Decimal = Decimal(1)


@dataclass(frozen=True)
class ServiceGroup:
    code: str
    name: str
    points: Decimal
    items: tuple[ServiceGroupItem, ...]


QD_766: tuple[ServiceGroup, ...] = (
    ServiceGroup(
        "public",
        "Công khai, minh bạch",
        Decimal(18),
        (
            ServiceGroupItem("procedure_publication_rate"),
            ServiceGroupItem("dossier_sync_rate"),
            ServiceGroupItem("dossier_status_update_rate"),
        ),
    ),
    ServiceGroup(
        "progress",
        "Tiến độ, kết quả giải quyết",
        Decimal(20),
        (
            ServiceGroupItem(dossier.ON_TIME_RATE),
            ServiceGroupItem(dossier.EARLY_RATE, Decimal(0)),
            ServiceGroupItem(dossier.OVERDUE_COUNT, Decimal(0)),
            ServiceGroupItem(dossier.APOLOGY_RATE, Decimal(0)),
            ServiceGroupItem(dossier.AVERAGE_DAYS, Decimal(0)),
        ),
    ),
    ServiceGroup(
        "online",
        "Cung cấp dịch vụ trực tuyến",
        Decimal(22),
        (
            ServiceGroupItem("online_procedure_rate"),
            ServiceGroupItem(dossier.ONLINE_RATE),
            ServiceGroupItem(dossier.ONLINE_PAYMENT_RATE),
        ),
    ),
    ServiceGroup(
        "digitised",
        "Số hóa hồ sơ",
        Decimal(22),
        (ServiceGroupItem(dossier.DIGITISED_RATE), ServiceGroupItem(dossier.E_RESULT_RATE)),
    ),
    ServiceGroup(
        "satisfaction",
        "Mức độ hài lòng",
        Decimal(18),
        (
            ServiceGroupItem(feedback.ON_TIME_RATE),
            ServiceGroupItem(feedback.SATISFACTION_RATE),
            ServiceGroupItem("satisfaction_rate"),
        ),
    ),
)

# (valid from, valid to, groups): a later decision adds a row instead of editing this one.
GROUP_SETS: tuple[tuple[date, date | None, tuple[ServiceGroup, ...]], ...] = (
    (date(2022, 6, 23), None, QD_766),
)


def groups_in_force(day: date) -> tuple[ServiceGroup, ...]:
    for valid_from, valid_to, groups in reversed(GROUP_SETS):
        if valid_from <= day and (valid_to is None or day <= valid_to):
            return groups
    return GROUP_SETS[0][2]


def estimate_points(group: ServiceGroup, values: Mapping[str, Decimal | None]) -> Decimal | None:
    """The group's points × the weighted mean of its rates that have a value; None when none has."""
    total = weights = Decimal(0)
    for item in group.items:
        value = values.get(item.indicator)
        if item.weight and value is not None:
            total += item.weight * min(max(value, Decimal(0)), _HUNDRED)
            weights += item.weight
    if not weights:
        return None
    return group.points * total / weights / _HUNDRED
