"""The dossier (hồ sơ TTHC) indicators, each defined once, from the facts of the dossiers of one agency.

Sources: Quyết định 766/QĐ-TTg (2022) — Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người
dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực trên môi trường điện tử
(groups "tiến độ, kết quả giải quyết", "cung cấp dịch vụ trực tuyến", "số hóa hồ sơ"), detailed by Thông tư
01/2023/TT-VPCP; the apology rule of the one-stop decrees (`one_stop_rules`).

For an agency and a period P (first day … last day, see `domain.periods`):

- `dossier_on_time_rate`: dossiers whose result date (`ngay_co_ket_qua`) falls in P with result date ≤ due
  date (`ngay_hen_tra`), ÷ all dossiers with a result date in P, × 100 ("đúng hạn và trước hạn");
- `dossier_early_rate`: the same with result date < due date;
- `dossier_overdue_count`: dossiers with no result at the end of P whose due date is not after the end of P;
- `dossier_apology_rate`: among the dossiers resolved late in P plus those overdue at the end of P, the share
  with a timely apology (`ngay_xin_loi` no later than the rule's days before the due date, and no more new
  dates than the rule allows), × 100;
- `dossier_online_rate`: received in P through `truc_tuyen` ÷ received in P, × 100;
- `dossier_online_payment_rate`: received in P with a fee and paid online ÷ received in P with a fee, × 100;
- `dossier_digitised_rate`: received in P and digitised ÷ received in P, × 100;
- `dossier_e_result_rate`: resolved in P with an electronic result ÷ resolved in P, × 100;
- `dossier_average_resolution_days`: working days from receipt to result, averaged over the dossiers resolved
  in P.

Dates compare by calendar day: a result at 23:59 on the due day is on time, a result the day after a due date
that fell on a day off is late (the one-stop systems appoint working days; the comparison does not move
them). A rate whose denominator is empty has no value — `None`, never 0 or 100.

The monthly roll-up (`MonthlyCounts`) carries flows per month (received, resolved …) and the entries to and
exits from the overdue backlog, so that any period made of whole months is a sum of months, and the backlog
at the end of a month is the running sum of entries minus exits up to that month.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from domain.indicators.one_stop_rules import APOLOGY_RULES, ApologyRule, apology_rule_for
from domain.periods import month_key
from domain.workdays import DEFAULT_CALENDAR, HolidayCalendar

__all__ = [
    "CHANNELS",
    "DOSSIER_INDICATORS",
    "LEVELS",
    "DossierCounts",
    "DossierFacts",
    "MonthlyCounts",
    "WorkdayCounter",
    "apology_compliant",
    "counts_for_period",
    "counts_from_monthly",
    "dossier_values",
    "is_early",
    "is_late",
    "is_on_time",
    "is_overdue_at",
    "month_contributions",
    "rate",
    "rounded",
]

IN_PERSON, ONLINE, POST = "truc_tiep", "truc_tuyen", "buu_chinh"
CHANNELS: dict[str, str] = {IN_PERSON: "Trực tiếp", ONLINE: "Trực tuyến", POST: "Bưu chính"}
FULL, PARTIAL, OTHER = "toan_trinh", "mot_phan", "khac"
LEVELS: dict[str, str] = {FULL: "Toàn trình", PARTIAL: "Một phần", OTHER: "Khác"}

ON_TIME_RATE = "dossier_on_time_rate"
EARLY_RATE = "dossier_early_rate"
OVERDUE_COUNT = "dossier_overdue_count"
APOLOGY_RATE = "dossier_apology_rate"
ONLINE_RATE = "dossier_online_rate"
ONLINE_PAYMENT_RATE = "dossier_online_payment_rate"
DIGITISED_RATE = "dossier_digitised_rate"
E_RESULT_RATE = "dossier_e_result_rate"
AVERAGE_DAYS = "dossier_average_resolution_days"
DOSSIER_INDICATORS = (
    ON_TIME_RATE,
    EARLY_RATE,
    OVERDUE_COUNT,
    APOLOGY_RATE,
    ONLINE_RATE,
    ONLINE_PAYMENT_RATE,
    DIGITISED_RATE,
    E_RESULT_RATE,
    AVERAGE_DAYS,
)

_HUNDRED = Decimal(100)
_CENT = Decimal("0.01")


@dataclass(frozen=True)
class DossierFacts:
    """One dossier as the formulas see it (calendar days; the times of day do not matter)."""

    received_on: date
    due_on: date
    resolved_on: date | None = None
    channel: str = IN_PERSON
    fee: int = 0
    paid_online: bool = False
    digitised: bool = False
    e_result: bool = False
    apology_on: date | None = None
    reappointments: int = 0


def is_on_time(resolved_on: date, due_on: date) -> bool:
    """Resolved on or before the due day ("đúng hạn", early included)."""
    return resolved_on <= due_on


def is_early(resolved_on: date, due_on: date) -> bool:
    return resolved_on < due_on


def is_late(resolved_on: date, due_on: date) -> bool:
    return resolved_on > due_on


def is_overdue_at(end: date, due_on: date, resolved_on: date | None) -> bool:
    """Without a result at the end of day `end` although it was due on or before that day."""
    return due_on <= end and (resolved_on is None or resolved_on > end)


def apology_compliant(
    apology_on: date | None,
    due_on: date,
    reappointments: int,
    rules: tuple[ApologyRule, ...] = APOLOGY_RULES,
) -> bool:
    """A timely apology under the rule in force on the due date, with no more new dates than it allows."""
    if apology_on is None:
        return False
    rule = apology_rule_for(due_on, rules)
    return (due_on - apology_on).days >= rule.days_before_due and reappointments <= rule.max_reappointments


class WorkdayCounter:
    """Working days between two dates in constant time, from per-year running counts of a calendar."""

    _ANCHOR = 2000

    def __init__(self, calendar: HolidayCalendar = DEFAULT_CALENDAR) -> None:
        self._calendar = calendar
        self._running: dict[int, list[int]] = {}
        self._base: dict[int, int] = {}
        self._by_number: dict[int, int] = {}

    def _year(self, year: int) -> list[int]:
        running = self._running.get(year)
        if running is None:
            day, count, running = date(year, 1, 1), 0, []
            while day.year == year:
                count += self._calendar.is_working_day(day)
                running.append(count)
                day = date.fromordinal(day.toordinal() + 1)
            self._running[year] = running
        return running

    def _year_base(self, year: int) -> int:
        base = self._base.get(year)
        if base is None:
            if year >= self._ANCHOR:
                base = sum(self._year(y)[-1] for y in range(self._ANCHOR, year))
            else:
                base = -sum(self._year(y)[-1] for y in range(year, self._ANCHOR))
            self._base[year] = base
        return base

    def ordinal(self, day: date) -> int:
        """Working days from the anchor up to and including `day`."""
        return self._year_base(day.year) + self._year(day.year)[day.timetuple().tm_yday - 1]

    def between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end`; 0 when `end` is not after `start`."""
        return max(0, self.ordinal(end) - self.ordinal(start))

    def between_day_numbers(self, start: int, end: int) -> int:
        """`between` for proleptic ordinals (`date.toordinal()`), cached per day: the importer's fast path."""
        cache = self._by_number
        first = cache.get(start)
        if first is None:
            first = cache[start] = self.ordinal(date.fromordinal(start))
        last = cache.get(end)
        if last is None:
            last = cache[end] = self.ordinal(date.fromordinal(end))
        return last - first if last > first else 0


_DEFAULT_COUNTER = WorkdayCounter()


@dataclass(frozen=True)
class MonthlyCounts:
    """One month of one agency × unit × procedure: the columns of the roll-up table."""

    received: int = 0
    received_online: int = 0
    received_with_fee: int = 0
    paid_online: int = 0
    digitised: int = 0
    resolved: int = 0
    early: int = 0
    on_time: int = 0
    late: int = 0
    late_apologised: int = 0
    e_result: int = 0
    resolution_days: int = 0
    backlog_in: int = 0
    backlog_in_apologised: int = 0
    backlog_out: int = 0
    backlog_out_apologised: int = 0

    def __add__(self, other: MonthlyCounts) -> MonthlyCounts:
        return MonthlyCounts(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})


MONTHLY_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(MonthlyCounts))


def _month(day: date) -> int:
    return month_key(day.year, day.month)


def month_contributions(
    dossier: DossierFacts,
    *,
    counter: WorkdayCounter = _DEFAULT_COUNTER,
    rules: tuple[ApologyRule, ...] = APOLOGY_RULES,
) -> dict[int, MonthlyCounts]:
    """What one dossier adds to the roll-up, by month: its receipt month, its result month, and the months
    it enters and leaves the overdue backlog (due month when still unresolved at its end; result month
    when resolved after its due month)."""
    out: dict[int, dict[str, int]] = {}

    def add(month: int, **increments: int) -> None:
        row = out.setdefault(month, {})
        for key, value in increments.items():
            row[key] = row.get(key, 0) + value

    apologised = int(apology_compliant(dossier.apology_on, dossier.due_on, dossier.reappointments, rules))
    with_fee = dossier.fee > 0
    add(
        _month(dossier.received_on),
        received=1,
        received_online=int(dossier.channel == ONLINE),
        received_with_fee=int(with_fee),
        paid_online=int(with_fee and dossier.paid_online),
        digitised=int(dossier.digitised),
    )
    due_month = _month(dossier.due_on)
    resolved = dossier.resolved_on
    if resolved is not None:
        late = is_late(resolved, dossier.due_on)
        add(
            _month(resolved),
            resolved=1,
            early=int(is_early(resolved, dossier.due_on)),
            on_time=int(not late),
            late=int(late),
            late_apologised=int(late) * apologised,
            e_result=int(dossier.e_result),
            resolution_days=counter.between(dossier.received_on, resolved),
        )
    resolved_month = _month(resolved) if resolved is not None else None
    if resolved_month is None or resolved_month > due_month:
        add(due_month, backlog_in=1, backlog_in_apologised=apologised)
        if resolved_month is not None:
            add(resolved_month, backlog_out=1, backlog_out_apologised=apologised)
    return {month: MonthlyCounts(**row) for month, row in out.items()}


@dataclass(frozen=True)
class DossierCounts:
    """The counts of one agency (or unit, or procedure) for one period, behind every dossier indicator."""

    received: int = 0
    received_online: int = 0
    received_with_fee: int = 0
    paid_online: int = 0
    digitised: int = 0
    resolved: int = 0
    early: int = 0
    on_time: int = 0
    late: int = 0
    late_apologised: int = 0
    e_result: int = 0
    resolution_days: int = 0
    overdue: int = 0
    overdue_apologised: int = 0

    @property
    def apology_due(self) -> int:
        """Dossiers that owed an apology: resolved late in P, or overdue at its end."""
        return self.late + self.overdue

    @property
    def apologised(self) -> int:
        return self.late_apologised + self.overdue_apologised

    @property
    def apology_missing(self) -> int:
        return self.apology_due - self.apologised

    @property
    def is_empty(self) -> bool:
        return self.received == 0 and self.resolved == 0 and self.overdue == 0

    def as_dict(self) -> dict[str, int]:
        data = asdict(self)
        data.update(
            apology_due=self.apology_due, apologised=self.apologised, apology_missing=self.apology_missing
        )
        return data


def counts_for_period(
    dossiers: Iterable[DossierFacts],
    start: date,
    end: date,
    *,
    counter: WorkdayCounter = _DEFAULT_COUNTER,
    rules: tuple[ApologyRule, ...] = APOLOGY_RULES,
) -> DossierCounts:
    """The definitions above, applied straight to the dossiers (the reference the roll-up must match)."""
    counts: dict[str, int] = {f.name: 0 for f in fields(DossierCounts)}
    for dossier in dossiers:
        apologised = apology_compliant(dossier.apology_on, dossier.due_on, dossier.reappointments, rules)
        if start <= dossier.received_on <= end:
            with_fee = dossier.fee > 0
            counts["received"] += 1
            counts["received_online"] += dossier.channel == ONLINE
            counts["received_with_fee"] += with_fee
            counts["paid_online"] += with_fee and dossier.paid_online
            counts["digitised"] += dossier.digitised
        resolved = dossier.resolved_on
        if resolved is not None and start <= resolved <= end:
            late = is_late(resolved, dossier.due_on)
            counts["resolved"] += 1
            counts["early"] += is_early(resolved, dossier.due_on)
            counts["on_time"] += not late
            counts["late"] += late
            counts["late_apologised"] += late and apologised
            counts["e_result"] += dossier.e_result
            counts["resolution_days"] += counter.between(dossier.received_on, resolved)
        if is_overdue_at(end, dossier.due_on, resolved):
            counts["overdue"] += 1
            counts["overdue_apologised"] += apologised
    return DossierCounts(**counts)


def counts_from_monthly(
    months: Iterable[tuple[int, Mapping[str, int] | MonthlyCounts]], first_month: int, last_month: int
) -> DossierCounts:
    """A period of whole months from roll-up rows: flows summed over its months, the overdue backlog as
    entries minus exits over every month up to its last (rows before `first_month` are needed for that)."""
    flows = dict.fromkeys(MONTHLY_FIELDS, 0)
    backlog = backlog_apologised = 0
    for month, row in months:
        values = asdict(row) if isinstance(row, MonthlyCounts) else row
        if month > last_month:
            continue
        backlog += values.get("backlog_in", 0) - values.get("backlog_out", 0)
        backlog_apologised += values.get("backlog_in_apologised", 0) - values.get("backlog_out_apologised", 0)
        if month >= first_month:
            for key in MONTHLY_FIELDS:
                flows[key] += values.get(key, 0) or 0
    return DossierCounts(
        received=flows["received"],
        received_online=flows["received_online"],
        received_with_fee=flows["received_with_fee"],
        paid_online=flows["paid_online"],
        digitised=flows["digitised"],
        resolved=flows["resolved"],
        early=flows["early"],
        on_time=flows["on_time"],
        late=flows["late"],
        late_apologised=flows["late_apologised"],
        e_result=flows["e_result"],
        resolution_days=flows["resolution_days"],
        overdue=backlog,
        overdue_apologised=backlog_apologised,
    )


def rate(numerator: int, denominator: int) -> Decimal | None:
    """numerator ÷ denominator × 100, or None when there is nothing to divide by."""
    if denominator <= 0:
        return None
    return Decimal(numerator) * _HUNDRED / Decimal(denominator)


def rounded(value: Decimal | None) -> Decimal | None:
    """Two decimals, half up (98.125 → 98.13), as the reports print them."""
    return None if value is None else value.quantize(_CENT, rounding=ROUND_HALF_UP)


def dossier_values(counts: DossierCounts) -> dict[str, Decimal | None]:
    """Every dossier indicator of one period; a period without dossiers has no values at all."""
    if counts.is_empty:
        return dict.fromkeys(DOSSIER_INDICATORS)
    average = Decimal(counts.resolution_days) / Decimal(counts.resolved) if counts.resolved else None
    return {
        ON_TIME_RATE: rate(counts.on_time, counts.resolved),
        EARLY_RATE: rate(counts.early, counts.resolved),
        OVERDUE_COUNT: Decimal(counts.overdue),
        APOLOGY_RATE: rate(counts.apologised, counts.apology_due),
        ONLINE_RATE: rate(counts.received_online, counts.received),
        ONLINE_PAYMENT_RATE: rate(counts.paid_online, counts.received_with_fee),
        DIGITISED_RATE: rate(counts.digitised, counts.received),
        E_RESULT_RATE: rate(counts.e_result, counts.resolved),
        AVERAGE_DAYS: average,
    }


EARLY, ON_TIME, LATE, OVERDUE, IN_PROGRESS = "early", "on_time", "late", "overdue", "in_progress"
STATUS_LABELS: dict[str, str] = {
    EARLY: "Trước hạn",
    ON_TIME: "Đúng hạn",
    LATE: "Trễ hạn",
    OVERDUE: "Quá hạn",
    IN_PROGRESS: "Đang giải quyết",
}


def dossier_status(due_on: date, resolved_on: date | None, today: date) -> str:
    """Where one dossier stands: resolved early, on time or late; or still open, within its date or overdue."""
    if resolved_on is not None:
        return EARLY if resolved_on < due_on else ON_TIME if resolved_on == due_on else LATE
    return OVERDUE if today > due_on else IN_PROGRESS
