"""Reminder rules: one daily message per person, escalation by working days across Tết, schedule slots."""

from datetime import date, datetime

import pytest

from domain.reminders import (
    DAILY,
    WEEKLY,
    Escalated,
    Item,
    Section,
    daily_key,
    daily_message,
    escalation_levels,
    escalation_message,
    schedule_slots,
    weekly_key,
    weekly_message,
    working_days_overdue,
)
from domain.task_status import DUE_SOON, OVERDUE
from domain.workdays import DEFAULT_CALENDAR, calendar_for

TODAY = date(2026, 11, 23)


def item(ref: str, due: date, status: str, label: str = "", holder: str = "") -> Item:
    return Item(int(ref), ref, f"Nhiệm vụ {ref}", label, due, status, holder)


def test_one_daily_message_lists_overdue_first_then_due_soon_sorted_by_date():
    message = daily_message(
        [
            item("3", date(2026, 11, 27), DUE_SOON),
            item("1", date(2026, 11, 20), OVERDUE, "Quý IV/2026"),
            item("2", date(2026, 11, 24), DUE_SOON),
        ],
        today=TODAY,
        soon_days=7,
    )
    assert message is not None
    assert message.title == "Nhắc việc ngày 23/11/2026: 1 kỳ quá hạn, 2 kỳ sắp đến hạn"
    body = message.body
    assert body.index("[1] Nhiệm vụ 1 (Quý IV/2026): hạn 20/11/2026, trễ 3 ngày") < body.index("[2]")
    assert body.index("[2] Nhiệm vụ 2: hạn 24/11/2026, còn 1 ngày") < body.index("[3]")
    assert "Sắp đến hạn trong 7 ngày (2):" in body


@pytest.mark.parametrize(
    ("items", "expected_title"),
    [
        ([], None),
        ([item("1", date(2026, 12, 30), "in_progress")], None),
        ([item("1", TODAY, DUE_SOON)], "Nhắc việc ngày 23/11/2026: 1 kỳ sắp đến hạn"),
        ([item("1", date(2026, 1, 1), OVERDUE)], "Nhắc việc ngày 23/11/2026: 1 kỳ quá hạn"),
    ],
)
def test_daily_message_only_when_something_is_due(items, expected_title):
    message = daily_message(items, today=TODAY, soon_days=7)
    assert (message.title if message else None) == expected_title


@pytest.mark.parametrize(
    ("due", "today", "days", "levels"),
    [
        # Due Friday 13/02/2026; Tết 16–20/02 and the weekends are not counted.
        (date(2026, 2, 13), date(2026, 2, 20), 0, ()),
        (date(2026, 2, 13), date(2026, 2, 26), 4, ()),
        (date(2026, 2, 13), date(2026, 2, 27), 5, (1,)),
        (date(2026, 2, 13), date(2026, 3, 1), 5, (1,)),  # Sunday
        (date(2026, 2, 13), date(2026, 3, 5), 9, (1,)),
        (date(2026, 2, 13), date(2026, 3, 6), 10, (1, 2)),
        # Without Tết the same five working days pass a week after the due date.
        (date(2026, 11, 13), date(2026, 11, 20), 5, (1,)),
        (date(2026, 11, 13), date(2026, 11, 13), 0, ()),
        (date(2026, 11, 13), date(2026, 11, 10), 0, ()),  # not yet due
    ],
)
def test_escalation_counts_working_days_across_tet(due, today, days, levels):
    assert working_days_overdue(due_on=due, today=today, calendar=DEFAULT_CALENDAR) == days
    assert escalation_levels(due_on=due, today=today, threshold=5, calendar=DEFAULT_CALENDAR) == levels


def test_escalation_honours_a_make_up_saturday_and_a_zero_threshold():
    calendar = calendar_for([2026], working_days=[date(2026, 11, 14)])
    assert escalation_levels(
        due_on=date(2026, 11, 13), today=date(2026, 11, 19), threshold=5, calendar=calendar
    ) == (1,)
    assert escalation_levels(due_on=date(2026, 1, 1), today=TODAY, threshold=0, calendar=calendar) == ()


def test_escalation_message_lists_leader_level_first():
    message = escalation_message(
        [
            Escalated(item("1", date(2026, 11, 10), OVERDUE, holder="Văn phòng Sở"), 1, 5),
            Escalated(item("2", date(2026, 11, 2), OVERDUE), 2, 10),
        ],
        today=TODAY,
    )
    assert message is not None
    assert message.title == "Cảnh báo quá hạn: 2 kỳ nhiệm vụ cần đôn đốc"
    assert message.body.index("[2]") < message.body.index("[1]")
    assert "quá hạn 10 ngày làm việc (báo lãnh đạo cơ quan)" in message.body
    assert "— Văn phòng Sở; quá hạn 5 ngày làm việc (báo trưởng đơn vị chủ trì)" in message.body
    assert escalation_message([], today=TODAY) is None


def test_weekly_digest_skips_empty_sections():
    message = weekly_message(
        [
            Section("Phòng Kế hoạch – Tài chính", [item("1", date(2026, 11, 20), OVERDUE)], awaiting=2),
            Section("Phòng Quản lý xây dựng", []),
        ],
        today=TODAY,
        soon_days=7,
    )
    assert message is not None
    assert message.title == "Tổng hợp tuần 48/2026: 1 kỳ quá hạn, 0 kỳ sắp đến hạn"
    assert "Phòng Kế hoạch – Tài chính: 1 kỳ quá hạn, 0 kỳ sắp đến hạn, 2 kỳ chờ nghiệm thu." in message.body
    assert "Phòng Quản lý xây dựng" not in message.body
    assert weekly_message([Section("Trống", [])], today=TODAY, soon_days=7) is None


@pytest.mark.parametrize(
    ("now", "slots"),
    [
        (datetime(2026, 11, 23, 6, 59), []),
        (datetime(2026, 11, 23, 7, 0), [(DAILY, "2026-11-23"), (WEEKLY, "2026-W48")]),  # a Monday
        (datetime(2026, 11, 24, 23, 0), [(DAILY, "2026-11-24")]),
        (datetime(2027, 1, 4, 8, 0), [(DAILY, "2027-01-04"), (WEEKLY, "2027-W01")]),
    ],
)
def test_schedule_slots(now, slots):
    assert schedule_slots(now, hour=7) == slots


def test_dedupe_keys_name_the_person_and_the_period():
    assert daily_key(7, TODAY) == "daily:7:2026-11-23"
    assert weekly_key(7, date(2026, 11, 26)) == weekly_key(7, TODAY) == "weekly:7:2026-W48"
