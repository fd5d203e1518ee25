"""The dossier indicators, table by table: one dossier's class, the period edges, the rates, the roll-up."""

import random
from datetime import date, timedelta
from decimal import Decimal

import pytest

from domain.indicators.dossier_rates import (
    DossierCounts,
    DossierFacts,
    MonthlyCounts,
    WorkdayCounter,
    apology_compliant,
    counts_for_period,
    counts_from_monthly,
    dossier_values,
    is_early,
    is_late,
    is_on_time,
    is_overdue_at,
    month_contributions,
    rate,
    rounded,
)
from domain.indicators.one_stop_rules import apology_deadline, apology_rule_for
from domain.periods import parse_period

MARCH = parse_period("2026-03")
D = date


# received, due, resolved → (resolved in March?, early, on time, late, overdue at the end of March)
@pytest.mark.parametrize(
    ("received", "due", "resolved", "expected"),
    [
        # resolved at 23:59 on the last day of the period, due that day: on time, in the period
        (D(2026, 3, 20), D(2026, 3, 31), D(2026, 3, 31), (1, 0, 1, 0, 0)),
        # resolved on the last day, due the day before: late
        (D(2026, 3, 20), D(2026, 3, 30), D(2026, 3, 31), (1, 0, 0, 1, 0)),
        # resolved the day before the due day: early and on time
        (D(2026, 3, 20), D(2026, 3, 31), D(2026, 3, 30), (1, 1, 1, 0, 0)),
        # resolved the first day after the period, due on its last day: not resolved in March, overdue at its end
        (D(2026, 3, 20), D(2026, 3, 31), D(2026, 4, 1), (0, 0, 0, 0, 1)),
        # no result, due on the last day: overdue at the end of the period
        (D(2026, 3, 20), D(2026, 3, 31), None, (0, 0, 0, 0, 1)),
        # no result, due the day after the period: not overdue yet
        (D(2026, 3, 20), D(2026, 4, 1), None, (0, 0, 0, 0, 0)),
        # due on Sunday 15/03/2026 (a day off): a result on Monday is late, calendar days are compared
        (D(2026, 3, 2), D(2026, 3, 15), D(2026, 3, 16), (1, 0, 0, 1, 0)),
        # ... and a result on Saturday is early
        (D(2026, 3, 2), D(2026, 3, 15), D(2026, 3, 14), (1, 1, 1, 0, 0)),
        # received in February, resolved in March: counts among March's results
        (D(2026, 2, 20), D(2026, 3, 5), D(2026, 3, 4), (1, 1, 1, 0, 0)),
        # resolved on the first day of the period
        (D(2026, 2, 20), D(2026, 2, 27), D(2026, 3, 1), (1, 0, 0, 1, 0)),
        # resolved in February although due in March: not in March at all
        (D(2026, 2, 2), D(2026, 3, 5), D(2026, 2, 27), (0, 0, 0, 0, 0)),
    ],
)
def test_one_dossier_in_march(received, due, resolved, expected):
    counts = counts_for_period([DossierFacts(received, due, resolved)], MARCH.start, MARCH.end)
    assert (counts.resolved, counts.early, counts.on_time, counts.late, counts.overdue) == expected


@pytest.mark.parametrize(
    ("resolved", "due", "early", "on_time", "late"),
    [
        (D(2026, 3, 30), D(2026, 3, 31), True, True, False),
        (D(2026, 3, 31), D(2026, 3, 31), False, True, False),
        (D(2026, 4, 1), D(2026, 3, 31), False, False, True),
    ],
)
def test_classes_by_calendar_day(resolved, due, early, on_time, late):
    assert (is_early(resolved, due), is_on_time(resolved, due), is_late(resolved, due)) == (
        early,
        on_time,
        late,
    )


@pytest.mark.parametrize(
    ("end", "due", "resolved", "overdue"),
    [
        (D(2026, 3, 31), D(2026, 3, 31), None, True),
        (D(2026, 3, 31), D(2026, 4, 1), None, False),
        (D(2026, 3, 31), D(2026, 3, 10), D(2026, 3, 31), False),
        (D(2026, 3, 31), D(2026, 3, 10), D(2026, 4, 2), True),
    ],
)
def test_overdue_at_the_end_of_a_period(end, due, resolved, overdue):
    assert is_overdue_at(end, due, resolved) is overdue


# apology date, due date, new dates given → timely under the rule in force on the due date
@pytest.mark.parametrize(
    ("apology", "due", "reappointments", "timely"),
    [
        (D(2026, 3, 30), D(2026, 3, 31), 1, True),  # one day before the due day
        (D(2026, 3, 20), D(2026, 3, 31), 1, True),
        (D(2026, 3, 31), D(2026, 3, 31), 1, False),  # on the due day: too late
        (D(2026, 4, 2), D(2026, 3, 31), 1, False),  # after it
        (None, D(2026, 3, 31), 0, False),
        (D(2026, 3, 29), D(2026, 3, 31), 2, False),  # a new date may be given only once
        (D(2025, 6, 29), D(2025, 6, 30), 1, True),  # Nghị định 61/2018
        (D(2025, 7, 1), D(2025, 7, 1), 1, False),  # Nghị định 118/2025
    ],
)
def test_apology_rule(apology, due, reappointments, timely):
    assert apology_compliant(apology, due, reappointments) is timely


def test_the_rule_follows_the_due_date():
    assert apology_rule_for(D(2025, 6, 30)).source.startswith("Nghị định 61/2018")
    assert apology_rule_for(D(2025, 7, 1)).source.startswith("Nghị định 118/2025")
    assert apology_deadline(D(2026, 3, 31)) == D(2026, 3, 30)


def test_apology_rate_counts_late_and_overdue_dossiers():
    dossiers = [
        DossierFacts(
            D(2026, 3, 1), D(2026, 3, 10), D(2026, 3, 12), apology_on=D(2026, 3, 9), reappointments=1
        ),
        DossierFacts(D(2026, 3, 1), D(2026, 3, 10), D(2026, 3, 12)),  # late, no apology
        DossierFacts(D(2026, 3, 1), D(2026, 3, 20), None, apology_on=D(2026, 3, 18), reappointments=1),
        DossierFacts(D(2026, 3, 1), D(2026, 3, 20), None, apology_on=D(2026, 3, 18), reappointments=2),
        DossierFacts(D(2026, 3, 1), D(2026, 3, 20), D(2026, 3, 20)),  # on time, owes nothing
    ]
    counts = counts_for_period(dossiers, MARCH.start, MARCH.end)
    assert (counts.late, counts.overdue, counts.apology_due, counts.apologised) == (2, 2, 4, 2)
    assert dossier_values(counts)["dossier_apology_rate"] == Decimal(50)


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [
        (98, 100, Decimal(98)),
        (0, 5, Decimal(0)),
        (5, 5, Decimal(100)),
        (0, 0, None),
        (1, 3, Decimal(100) / 3),
    ],
)
def test_rate(numerator, denominator, expected):
    assert rate(numerator, denominator) == expected


def test_rounding_is_half_up_to_two_decimals():
    assert rounded(Decimal("98.125")) == Decimal("98.13")
    assert rounded(Decimal(200) / 3) == Decimal("66.67")
    assert rounded(None) is None


def test_a_period_without_dossiers_has_no_values():
    values = dossier_values(DossierCounts())
    assert set(values.values()) == {None}


def test_values_of_a_period():
    counts = DossierCounts(
        received=10,
        received_online=6,
        received_with_fee=4,
        paid_online=1,
        digitised=8,
        resolved=8,
        early=5,
        on_time=7,
        late=1,
        e_result=2,
        resolution_days=40,
        overdue=1,
    )
    values = dossier_values(counts)
    assert values["dossier_on_time_rate"] == Decimal("87.5")
    assert values["dossier_early_rate"] == Decimal("62.5")
    assert values["dossier_overdue_count"] == 1
    assert values["dossier_apology_rate"] == Decimal(0)
    assert values["dossier_online_rate"] == Decimal(60)
    assert values["dossier_online_payment_rate"] == Decimal(25)
    assert values["dossier_digitised_rate"] == Decimal(80)
    assert values["dossier_e_result_rate"] == Decimal(25)
    assert values["dossier_average_resolution_days"] == Decimal(5)


def test_no_fee_dossiers_give_no_online_payment_rate():
    counts = DossierCounts(received=3, resolved=3, on_time=3)
    assert dossier_values(counts)["dossier_online_payment_rate"] is None
    assert dossier_values(counts)["dossier_on_time_rate"] == Decimal(100)


@pytest.mark.parametrize(
    ("start", "end", "days"),
    [
        (D(2026, 3, 13), D(2026, 3, 16), 1),  # Friday → Monday
        (D(2026, 3, 13), D(2026, 3, 13), 0),
        (D(2026, 4, 24), D(2026, 5, 4), 4),  # Giỗ Tổ 26/4 is a Sunday here; 30/4 and 1/5 are holidays
        (D(2026, 2, 13), D(2026, 2, 23), 1),  # Tết 16–20/02/2026
        (D(2026, 3, 16), D(2026, 3, 13), 0),
    ],
)
def test_working_days_between(start, end, days):
    counter = WorkdayCounter()
    assert counter.between(start, end) == days
    assert counter.between_day_numbers(start.toordinal(), end.toordinal()) == days


def _random_dossiers(seed: int, count: int) -> list[DossierFacts]:
    rnd = random.Random(seed)
    out = []
    for _ in range(count):
        received = D(2025, 11, 1) + timedelta(days=rnd.randrange(400))
        due = received + timedelta(days=rnd.randrange(25))
        resolved = None if rnd.random() < 0.15 else received + timedelta(days=rnd.randrange(40))
        apology = due - timedelta(days=rnd.randrange(-3, 4)) if rnd.random() < 0.5 else None
        if apology is not None and apology < received:
            apology = received
        out.append(
            DossierFacts(
                received,
                due,
                resolved,
                channel=rnd.choice(["truc_tiep", "truc_tuyen", "buu_chinh"]),
                fee=rnd.choice([0, 50000]),
                paid_online=rnd.random() < 0.5,
                digitised=rnd.random() < 0.7,
                e_result=rnd.random() < 0.4,
                apology_on=apology,
                reappointments=rnd.randrange(3),
            )
        )
    return out


@pytest.mark.parametrize("period", ["2026-01", "2026-03", "2026-Q2", "2026-H2", "2026", "2025-12"])
def test_the_monthly_roll_up_gives_the_same_counts_as_the_definitions(period):
    dossiers = _random_dossiers(7, 3000)
    months: dict[int, MonthlyCounts] = {}
    for dossier in dossiers:
        for month, counts in month_contributions(dossier).items():
            months[month] = months.get(month, MonthlyCounts()) + counts
    target = parse_period(period)
    from_months = counts_from_monthly(sorted(months.items()), target.first_month, target.last_month)
    assert from_months == counts_for_period(dossiers, target.start, target.end)


@pytest.mark.parametrize(
    ("due", "resolved", "today", "status"),
    [
        (D(2026, 3, 10), D(2026, 3, 9), D(2026, 4, 1), "early"),
        (D(2026, 3, 10), D(2026, 3, 10), D(2026, 4, 1), "on_time"),
        (D(2026, 3, 10), D(2026, 3, 11), D(2026, 4, 1), "late"),
        (D(2026, 3, 10), None, D(2026, 3, 10), "in_progress"),
        (D(2026, 3, 10), None, D(2026, 3, 11), "overdue"),
    ],
)
def test_dossier_status(due, resolved, today, status):
    from domain.indicators.dossier_rates import STATUS_LABELS, dossier_status

    assert dossier_status(due, resolved, today) == status
    assert STATUS_LABELS[status]
