"""The one-stop rules (cơ chế một cửa) the dossier indicators apply, versioned by effective date.

Nghị định 61/2018/NĐ-CP (from 21/08/2018): when a dossier will be late, no later than one day before the
deadline the handling body notifies the one-stop desk and sends the applicant a written apology with the
reason and a new date, on the form "Phiếu xin lỗi và hẹn lại ngày trả kết quả" (Mẫu số 04, Thông tư
01/2018/TT-VPCP); a new date may be given only once. Nghị định 118/2025/NĐ-CP (from 01/07/2025, amended by
367/2025) replaced it; its wording on apologies is carried over here unchanged and marked unverified until
it is checked against the text, so the only thing to edit when it is checked is this table.

A rule applies to a dossier by its due date: the apology is owed before the deadline, so the decree in force
on the deadline governs it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["APOLOGY_RULES", "ApologyRule", "apology_deadline", "apology_rule_for"]


@dataclass(frozen=True)
class ApologyRule:
    """When an apology for a late dossier counts as timely, under one decree."""

    source: str
    valid_from: date
    valid_to: date | None
    days_before_due: int  # the apology is dated no later than this many days before the due date
    max_reappointments: int  # how many new dates may be given
    verified: bool

    def applies_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


APOLOGY_RULES: tuple[ApologyRule, ...] = (
    ApologyRule(
        source="Nghị định 61/2018/NĐ-CP (Phiếu xin lỗi và hẹn lại ngày trả kết quả, Mẫu số 04 Thông tư 01/2018/TT-VPCP)",
        valid_from=date(2018, 8, 21),
        valid_to=date(2025, 6, 30),
        days_before_due=1,
        max_reappointments=1,
        verified=True,
    ),
    ApologyRule(
        source="Nghị định 118/2025/NĐ-CP (sửa đổi bởi Nghị định 367/2025/NĐ-CP) — giữ như Nghị định 61/2018, chưa đối chiếu văn bản",
        valid_from=date(2025, 7, 1),
        valid_to=None,
        days_before_due=1,
        max_reappointments=1,
        verified=False,
    ),
)


def apology_rule_for(due_on: date, rules: tuple[ApologyRule, ...] = APOLOGY_RULES) -> ApologyRule:
    """The rule in force on the due date; before the first rule, the first rule."""
    for rule in rules:
        if rule.applies_on(due_on):
            return rule
    return rules[0] if due_on < rules[0].valid_from else rules[-1]


def apology_deadline(due_on: date, rules: tuple[ApologyRule, ...] = APOLOGY_RULES) -> date:
    """The last day on which the apology for a dossier due on `due_on` is still timely."""
    return due_on - timedelta(days=apology_rule_for(due_on, rules).days_before_due)
