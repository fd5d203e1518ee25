"""Periodic reports (báo cáo định kỳ): which periods a report kind covers, its data window and its deadline.

Data cut-off (thời gian chốt số liệu), Nghị định 09/2019/NĐ-CP, Điều 12 khoản 1: a monthly report counts from the
15th of the previous month to the 14th of the month; a quarterly one from the 15th of the month before the quarter
to the 14th of its last month; a 6-month one from 15/12 of the previous year to 14/6; an annual one from 15/12 of
the previous year to 14/12. Provinces set their own days, so the cut-off day is a parameter of the rule
(``cutoff_day=0`` counts the calendar period itself).

Submission deadlines are set by the body that asks for the report, not by the decree: the defaults here (the 20th
of the period's last month; the emulation report on 20/11, seed 004) are unverified and configurable per agency
and year. The data window never runs past the deadline's own cut-off: an emulation report due on 20/11 counts to
14/11.

CCHC reports usually come for quý I, 6 tháng, quý III and the year (so the quarterly rule covers quarters I and
III only); monthly reports where a plan asks for them (seed 002), in the months no other report falls.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta

from domain.periods import HALF, MONTH, QUARTER, YEAR, Period, PeriodError, month_period, parse_period

__all__ = [
    "ANNUAL",
    "COMMUNICATION",
    "DEFAULT_RULES",
    "EMULATION",
    "HALF_YEAR",
    "INSPECTION",
    "KIND_ALIASES",
    "KIND_LABELS",
    "MONTHLY",
    "QUARTERLY",
    "REPORT_KINDS",
    "ReportPeriod",
    "ReportRule",
    "data_window",
    "default_rule",
    "is_scheduled",
    "kind_from_text",
    "period_of_rule",
    "period_phrase",
    "report_deadline",
    "report_periods",
    "report_subject",
    "report_title",
    "schedule_of_year",
]

MONTHLY, QUARTERLY, HALF_YEAR, ANNUAL = "monthly", "quarterly", "half_year", "annual"
COMMUNICATION, EMULATION, INSPECTION = "communication", "emulation", "inspection"
REPORT_KINDS = (MONTHLY, QUARTERLY, HALF_YEAR, ANNUAL, COMMUNICATION, EMULATION, INSPECTION)
KIND_LABELS = {
    MONTHLY: "Báo cáo CCHC tháng",
    QUARTERLY: "Báo cáo CCHC quý",
    HALF_YEAR: "Báo cáo CCHC 6 tháng",
    ANNUAL: "Báo cáo CCHC năm",
    COMMUNICATION: "Báo cáo thông tin, tuyên truyền CCHC",
    EMULATION: "Báo cáo phong trào thi đua CCHC",
    INSPECTION: "Báo cáo kết quả kiểm tra CCHC",
}
# What the command line and the API accept besides the codes.
KIND_ALIASES = {
    "6-month": HALF_YEAR,
    "6-thang": HALF_YEAR,
    "half": HALF_YEAR,
    "year": ANNUAL,
    "month": MONTHLY,
}
_SUBJECTS = {
    COMMUNICATION: "Kết quả thực hiện công tác thông tin, tuyên truyền cải cách hành chính",
    EMULATION: "Kết quả thực hiện phong trào thi đua đẩy mạnh cải cách hành chính",
    INSPECTION: "Kết quả kiểm tra công tác cải cách hành chính",
}
_DEFAULT_SUBJECT = "Kết quả thực hiện công tác cải cách hành chính"
_ROMAN = ("I", "II", "III", "IV")
_PERIODS_PER_YEAR = {MONTH: 12, QUARTER: 4, HALF: 2, YEAR: 1}


@dataclass(frozen=True)
class ReportRule:
    """When one kind of report is due: its calendar periods, data cut-off and deadline.

    ``periods`` are the ordinals within the year (months 1–12, quarters 1–4, halves 1–2, the year 1).
    The deadline is day ``deadline_day`` of the period's last month moved by ``deadline_offset_months``
    (−1: the month before, 1: the month after); a day past the month's end means its last day.
    """

    kind: str
    period_kind: str
    periods: tuple[int, ...]
    cutoff_day: int = 15
    deadline_day: int = 20
    deadline_offset_months: int = 0
    enabled: bool = True


DEFAULT_RULES: dict[str, ReportRule] = {
    MONTHLY: ReportRule(MONTHLY, MONTH, (1, 2, 4, 5, 7, 8, 10, 11), enabled=False),
    QUARTERLY: ReportRule(QUARTERLY, QUARTER, (1, 3)),
    HALF_YEAR: ReportRule(HALF_YEAR, HALF, (1,)),
    ANNUAL: ReportRule(ANNUAL, YEAR, (1,)),
    COMMUNICATION: ReportRule(COMMUNICATION, YEAR, (1,)),
    EMULATION: ReportRule(EMULATION, YEAR, (1,), deadline_offset_months=-1),
    # The summary of the year's inspection plan; off until an agency's schedule turns it on.
    INSPECTION: ReportRule(INSPECTION, YEAR, (1,), enabled=False),
}


def default_rule(kind: str) -> ReportRule:
    """The shipped rule of a report kind; raises ``KeyError`` for an unknown kind."""
    return DEFAULT_RULES[kind]


def kind_from_text(text: str) -> str:
    """`monthly`, `quarterly`, `6-month` (or `half_year`), `annual`, `communication`, `emulation`, `inspection`."""
    written = (text or "").strip().lower()
    kind = KIND_ALIASES.get(written, written)
    if kind not in REPORT_KINDS:
        raise PeriodError(
            f"Loại báo cáo “{text}” không hợp lệ: dùng monthly, quarterly, 6-month, annual, "
            "communication, emulation hoặc inspection."
        )
    return kind


def _ordinal(period: Period) -> int:
    if period.kind == YEAR:
        return 1
    if period.kind == HALF:
        return 1 if period.start.month == 1 else 2
    if period.kind == QUARTER:
        return (period.start.month - 1) // 3 + 1
    return period.start.month


def _period(kind: str, year: int, ordinal: int) -> Period:
    if kind == YEAR:
        return parse_period(str(year))
    if kind == HALF:
        return parse_period(f"{year}-H{ordinal}")
    if kind == QUARTER:
        return parse_period(f"{year}-Q{ordinal}")
    return month_period(year, ordinal)


def _shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def _day_of(year: int, month: int, day: int) -> date:
    return date(year, month, max(1, min(day, monthrange(year, month)[1])))


def report_deadline(rule: ReportRule, period: Period) -> date:
    """The day the report of ``period`` must be sent by."""
    year, month = _shift_month(period.end.year, period.end.month, rule.deadline_offset_months)
    return _day_of(year, month, rule.deadline_day)


def data_window(rule: ReportRule, period: Period) -> tuple[date, date]:
    """First and last day of the data the report counts (Nghị định 09/2019/NĐ-CP, Điều 12 khoản 1).

    With a cut-off day D: from day D of the month before the period to day D − 1 of its last month, and never
    past day D − 1 of the deadline's month. ``cutoff_day`` 0 (or 1) counts the calendar period.
    """
    if rule.cutoff_day <= 1:
        return period.start, period.end
    before_year, before_month = _shift_month(period.start.year, period.start.month, -1)
    start = _day_of(before_year, before_month, rule.cutoff_day)
    end = _day_of(period.end.year, period.end.month, rule.cutoff_day - 1)
    deadline = report_deadline(rule, period)
    end = min(end, _day_of(deadline.year, deadline.month, rule.cutoff_day - 1))
    if end >= deadline:
        end = deadline - timedelta(days=1)
    return start, max(start, end)


@dataclass(frozen=True)
class ReportPeriod:
    """One report that falls due: its kind, calendar period, data window and deadline."""

    kind: str
    period: Period
    window_start: date
    window_end: date
    deadline: date

    @property
    def code(self) -> str:
        return self.period.code


def period_of_rule(rule: ReportRule, period: Period) -> ReportPeriod:
    start, end = data_window(rule, period)
    return ReportPeriod(rule.kind, period, start, end, report_deadline(rule, period))


def report_periods(rule: ReportRule, year: int) -> list[ReportPeriod]:
    """The reports ``rule`` asks for in ``year``, in order; none when the rule is switched off."""
    if not rule.enabled:
        return []
    count = _PERIODS_PER_YEAR[rule.period_kind]
    ordinals = sorted({n for n in rule.periods if 1 <= n <= count})
    return [period_of_rule(rule, _period(rule.period_kind, year, n)) for n in ordinals]


def schedule_of_year(rules: dict[str, ReportRule], year: int) -> list[ReportPeriod]:
    """Every report of the year under ``rules``, by deadline."""
    due = [item for rule in rules.values() for item in report_periods(rule, year)]
    return sorted(due, key=lambda item: (item.deadline, REPORT_KINDS.index(item.kind)))


def period_phrase(period: Period) -> str:
    """How a report's subject names its period: "năm 2026", "quý I năm 2026", "6 tháng đầu năm 2026",
    "tháng 01 năm 2026" (months 1 and 2 with a leading zero, as Nghị định 30 writes them in dates)."""
    if period.kind == YEAR:
        return f"năm {period.year}"
    if period.kind == HALF:
        return f"6 tháng {'đầu' if period.start.month == 1 else 'cuối'} năm {period.year}"
    if period.kind == QUARTER:
        return f"quý {_ROMAN[(period.start.month - 1) // 3]} năm {period.year}"
    month = f"{period.start.month:02d}" if period.start.month <= 2 else str(period.start.month)
    return f"tháng {month} năm {period.year}"


_TITLE_PREFIX = {
    COMMUNICATION: "Báo cáo thông tin, tuyên truyền CCHC",
    EMULATION: "Báo cáo phong trào thi đua CCHC",
    INSPECTION: "Báo cáo kết quả kiểm tra CCHC",
}


def report_title(kind: str, period: Period) -> str:
    """How pages name a report: "Báo cáo CCHC năm 2026", "Báo cáo CCHC quý I năm 2026"."""
    return f"{_TITLE_PREFIX.get(kind, 'Báo cáo CCHC')} {period_phrase(period)}"


def report_subject(kind: str, period: Period) -> str:
    """The subject line under "BÁO CÁO": "Kết quả thực hiện công tác cải cách hành chính năm 2026"."""
    return f"{_SUBJECTS.get(kind, _DEFAULT_SUBJECT)} {period_phrase(period)}"


def is_scheduled(rule: ReportRule, period: Period) -> bool:
    """Whether the rule asks for a report of ``period`` (a quarterly rule for quý I and III: not quý II)."""
    return rule.enabled and period.kind == rule.period_kind and _ordinal(period) in rule.periods
