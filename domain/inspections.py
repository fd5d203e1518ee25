"""CCHC inspections: the share of units an inspection plan covers against its target, and a finding's state.

Seed 003 (Sở Xây dựng Lai Châu) sets "kiểm tra ít nhất 20% đơn vị" and 70% of the inspections done on the
digital systems. A finding is followed through its remediation tasks until each is accepted: it is open while a
task runs, overdue when one is past its due date without an accepted result, closed when all are accepted.
No Django here: callers pass counts and task statuses (`domain.task_status`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from math import ceil

from domain import task_status

PASS, FAIL, NOT_APPLICABLE = "pass", "fail", "na"
RESULT_LABELS = {PASS: "Đạt", FAIL: "Chưa đạt", NOT_APPLICABLE: "Không áp dụng"}

ON_SITE, DIGITAL = "on_site", "digital"
MODE_LABELS = {ON_SITE: "Trực tiếp tại đơn vị", DIGITAL: "Trên hệ thống số"}

OPEN, OVERDUE, CLOSED, NO_REMEDIATION = "open", "overdue", "closed", "no_remediation"
FINDING_LABELS = {
    OPEN: "Đang khắc phục",
    OVERDUE: "Quá hạn khắc phục",
    CLOSED: "Đã khắc phục",
    NO_REMEDIATION: "Chưa giao khắc phục",
}
DONE = frozenset({task_status.DONE_ON_TIME, task_status.DONE_LATE})

DEFAULT_UNIT_TARGET = Decimal(20)
DEFAULT_DIGITAL_TARGET = Decimal(70)
_TENTH = Decimal("0.1")


@dataclass(frozen=True)
class Share:
    """`part` of `whole` in percent against a target: 4 of 15 units is 26,7% against ≥ 20%, met."""

    part: int
    whole: int
    target: Decimal
    percent: Decimal | None  # None when there is nothing to count (whole is 0)
    met: bool | None
    needed: int  # how many more to reach the target (0 once met)


def share(part: int, whole: int, target: Decimal | int | None) -> Share:
    """The share in percent, rounded to one decimal, and whether it reaches `target` percent (≥)."""
    goal = Decimal(target if target is not None else 0)
    if part < 0 or whole < 0:
        raise ValueError("Số đếm không thể âm.")
    if whole == 0:
        return Share(part, whole, goal, None, None, 0)
    exact = Decimal(part) * 100 / Decimal(whole)
    percent = exact.quantize(_TENTH, rounding=ROUND_HALF_UP)
    required = ceil(goal * whole / 100)
    return Share(part, whole, goal, percent, exact >= goal, max(0, required - part))


def finding_state(statuses: Sequence[str]) -> str:
    """A finding's state from the statuses of its remediation tasks (one status per task)."""
    if not statuses:
        return NO_REMEDIATION
    if any(status == task_status.OVERDUE for status in statuses):
        return OVERDUE
    if all(status in DONE for status in statuses):
        return CLOSED
    return OPEN


@dataclass(frozen=True)
class RemediationTally:
    """Findings remediated on time: closed with every task done by its due date, over those due or closed."""

    on_time: int
    counted: int
    rate: Decimal | None


def remediated_on_time(findings: Sequence[Sequence[str]]) -> RemediationTally:
    """Each item is one finding's task statuses. A finding counts once it is closed or one of its tasks is
    overdue; it is on time when every task was done on time. Findings still running inside their deadlines
    and findings without remediation are not counted yet."""
    on_time = counted = 0
    for statuses in findings:
        state = finding_state(statuses)
        if state not in (CLOSED, OVERDUE):
            continue
        counted += 1
        if state == CLOSED and all(status == task_status.DONE_ON_TIME for status in statuses):
            on_time += 1
    rate = share(on_time, counted, 0).percent
    return RemediationTally(on_time, counted, rate)


def parse_team(text: str) -> list[tuple[str, str, str]]:
    """Team lines "Họ tên, chức vụ — vai trò" as (name, title, role); blank lines dropped."""
    members = []
    for raw in text.splitlines():
        line = raw.strip().lstrip("-•").strip()
        if not line:
            continue
        role = ""
        for dash in (" — ", " – ", " - "):
            if dash in line:
                line, role = (part.strip() for part in line.split(dash, 1))
                break
        name, _, title = (part.strip() for part in line.partition(","))
        members.append((name, title, role))
    return members


def report_sentence(*, held: int, digital: int, findings: int, closed: int, issuer: str) -> str:
    """The inspection line of a periodic CCHC report (part "Công tác chỉ đạo, điều hành"); "" without any."""
    if held <= 0:
        return ""
    text = f"Công tác kiểm tra CCHC: {issuer} đã kiểm tra {held} cơ quan, đơn vị"
    if digital:
        text += f" ({digital} cuộc kiểm tra trên hệ thống số)"
    if findings:
        text += f"; chỉ ra {findings} tồn tại, hạn chế, đã khắc phục xong {closed}"
        if findings > closed:
            text += f", còn {findings - closed} đang khắc phục"
    return text + "."
