"""Reminders and escalation of task occurrences: who is told what, and when — pure rules, no Django.

- Daily reminder: each person receives ONE message a day listing the occurrences they hold that are overdue or
  due within N days (N configurable), not one message per task.
- Weekly digest (Mondays): unit heads get their unit's list, the agency's focal point gets every unit's.
- Escalation: an occurrence overdue for N working days goes to the head of its lead unit, at 2N working days to
  the agency's leader. Working days come from `domain.workdays` (weekends, public holidays and Tết do not count).
- A schedule slot (one per calendar day, one per ISO week) names each run, so a run is done once per slot.

Every message carries a dedupe key; sending the same key twice is refused by the database, so running a job
twice sends nothing twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from domain.task_status import DUE_SOON, OVERDUE
from domain.workdays import HolidayCalendar

DAILY = "daily"
WEEKLY = "weekly"
ESCALATION = "escalation"

UNIT_HEAD_LEVEL = 1
LEADER_LEVEL = 2
LEVEL_LABELS = {UNIT_HEAD_LEVEL: "trưởng đơn vị chủ trì", LEADER_LEVEL: "lãnh đạo cơ quan"}


@dataclass(frozen=True)
class Item:
    """One occurrence a person holds, as the message shows it."""

    occurrence_id: int
    ref: str
    title: str
    label: str
    due_on: date
    status: str
    holder: str = ""


@dataclass(frozen=True)
class Message:
    title: str
    body: str


def _d(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _line(item: Item, today: date) -> str:
    period = f" ({item.label})" if item.label else ""
    holder = f" — {item.holder}" if item.holder else ""
    if item.due_on < today:
        when = f"hạn {_d(item.due_on)}, trễ {(today - item.due_on).days} ngày"
    elif item.due_on == today:
        when = f"hạn hôm nay {_d(item.due_on)}"
    else:
        when = f"hạn {_d(item.due_on)}, còn {(item.due_on - today).days} ngày"
    ref = f"[{item.ref}] " if item.ref else ""
    return f"- {ref}{_short(item.title).rstrip('.;:')}{period}: {when}{holder}"


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _split(items: Sequence[Item]) -> tuple[list[Item], list[Item]]:
    def order(item: Item) -> tuple[date, str]:
        return (item.due_on, item.ref)

    overdue = sorted((i for i in items if i.status == OVERDUE), key=order)
    soon = sorted((i for i in items if i.status == DUE_SOON), key=order)
    return overdue, soon


def daily_message(items: Sequence[Item], *, today: date, soon_days: int) -> Message | None:
    """The one daily message of a person: what is overdue, then what falls due within `soon_days` days."""
    overdue, soon = _split(items)
    if not overdue and not soon:
        return None
    counts = []
    if overdue:
        counts.append(f"{len(overdue)} kỳ quá hạn")
    if soon:
        counts.append(f"{len(soon)} kỳ sắp đến hạn")
    lines = [f"Các kỳ nhiệm vụ bạn đang chủ trì hoặc chịu trách nhiệm, tính đến ngày {_d(today)}."]
    if overdue:
        lines += ["", f"Quá hạn ({len(overdue)}):", *(_line(i, today) for i in overdue)]
    if soon:
        lines += ["", f"Sắp đến hạn trong {soon_days} ngày ({len(soon)}):", *(_line(i, today) for i in soon)]
    return Message(f"Nhắc việc ngày {_d(today)}: {', '.join(counts)}", "\n".join(lines))


@dataclass(frozen=True)
class Section:
    """A part of the weekly digest: one unit, or one agency seen by its focal point."""

    title: str
    items: Sequence[Item]
    awaiting: int = 0


def weekly_message(sections: Sequence[Section], *, today: date, soon_days: int) -> Message | None:
    """The Monday digest: per section, what is overdue, what falls due this week, what awaits acceptance."""
    parts: list[str] = []
    total_overdue = total_soon = 0
    for section in sections:
        overdue, soon = _split(section.items)
        if not overdue and not soon and not section.awaiting:
            continue
        total_overdue += len(overdue)
        total_soon += len(soon)
        parts += [
            "",
            f"{section.title}: {len(overdue)} kỳ quá hạn, {len(soon)} kỳ sắp đến hạn, "
            f"{section.awaiting} kỳ chờ nghiệm thu.",
        ]
        if overdue:
            parts += ["Quá hạn:", *(_line(i, today) for i in overdue)]
        if soon:
            parts += [f"Đến hạn trong {soon_days} ngày:", *(_line(i, today) for i in soon)]
    if not parts:
        return None
    year, week, _ = today.isocalendar()
    head = f"Tổng hợp tiến độ tuần {week}/{year} (đến ngày {_d(today)})."
    title = f"Tổng hợp tuần {week}/{year}: {total_overdue} kỳ quá hạn, {total_soon} kỳ sắp đến hạn"
    return Message(title, "\n".join([head, *parts]))


def working_days_overdue(*, due_on: date, today: date, calendar: HolidayCalendar) -> int:
    """Working days after the due date up to today: weekends, holidays and Tết do not count."""
    return calendar.working_days_between(due_on, today)


def escalation_levels(
    *, due_on: date, today: date, threshold: int, calendar: HolidayCalendar
) -> tuple[int, ...]:
    """Levels reached: (1,) at `threshold` working days overdue (unit head), (1, 2) at twice that (leader)."""
    if threshold <= 0:
        return ()
    days = working_days_overdue(due_on=due_on, today=today, calendar=calendar)
    if days >= 2 * threshold:
        return (UNIT_HEAD_LEVEL, LEADER_LEVEL)
    if days >= threshold:
        return (UNIT_HEAD_LEVEL,)
    return ()


@dataclass(frozen=True)
class Escalated:
    item: Item
    level: int
    working_days: int


def escalation_message(escalated: Sequence[Escalated], *, today: date) -> Message | None:
    """One message per recipient and run, listing the occurrences newly escalated to them."""
    if not escalated:
        return None
    ordered = sorted(escalated, key=lambda e: (-e.level, e.item.due_on, e.item.ref))
    lines = [
        "Các kỳ nhiệm vụ dưới đây đã quá hạn và được chuyển đến bạn để đôn đốc "
        f"(tính đến ngày {_d(today)}, không kể ngày nghỉ, lễ, Tết):",
        "",
    ]
    for entry in ordered:
        lines.append(
            f"{_line(entry.item, today)}; quá hạn {entry.working_days} ngày làm việc "
            f"(báo {LEVEL_LABELS.get(entry.level, '')})"
        )
    return Message(f"Cảnh báo quá hạn: {len(ordered)} kỳ nhiệm vụ cần đôn đốc", "\n".join(lines))


def daily_key(user_id: int, day: date) -> str:
    return f"daily:{user_id}:{day.isoformat()}"


def week_slot(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def weekly_key(user_id: int, day: date) -> str:
    return f"weekly:{user_id}:{week_slot(day)}"


def escalation_key(user_id: int, day: date, first_escalation_id: int) -> str:
    """Escalations themselves are recorded once per (occurrence, level); the key names this batch."""
    return f"escalate:{user_id}:{day.isoformat()}:{first_escalation_id}"


def schedule_slots(now: datetime, *, hour: int) -> list[tuple[str, str]]:
    """The schedule slots open at local time `now`: today's daily run after `hour`, Mondays the weekly one."""
    if now.hour < hour:
        return []
    day = now.date()
    slots = [(DAILY, day.isoformat())]
    if day.weekday() == 0:
        slots.append((WEEKLY, week_slot(day)))
    return slots
