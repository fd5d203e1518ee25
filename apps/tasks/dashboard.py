"""The leader's dashboard and the overseer's province ranking: a few grouped reads, then plain Python.

Completion counts occurrences that have fallen due and apply: done on time (completed by its due date and
accepted), done late, still open. Charts are SVG drawn on the server by pygal: no script, no network.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import pygal
from django.db.models import Count, Q
from pygal.style import Style

from apps.organizations.models import Agency

from .models import Occurrence, Task
from .selectors import today

CHART_STYLE = Style(
    background="white",
    plot_background="white",
    foreground="#1d2330",
    foreground_strong="#1d2330",
    foreground_subtle="#d9dee7",
    colors=("#1d7a3a", "#9a6200", "#b3261e", "#0b5cad"),
    font_family="DejaVu Sans, Arial, sans-serif",
    label_font_size=11,
    major_label_font_size=11,
    legend_font_size=11,
    title_font_size=13,
)


@dataclass
class Completion:
    name: str
    key: int | None = None
    due: int = 0
    on_time: int = 0
    late: int = 0
    open: int = 0

    @property
    def rate(self) -> float | None:
        return round(100 * self.on_time / self.due, 1) if self.due else None


@dataclass
class Dashboard:
    agency: Agency
    on: date
    totals: Completion
    by_area: list[Completion]
    by_unit: list[Completion]
    overdue: list[dict[str, Any]]
    due_soon: list[dict[str, Any]]
    trend: list[tuple[str, float | None]]
    six_clear_share: float | None
    six_clear_by_rule: dict[str, int] = field(default_factory=dict)
    task_count: int = 0
    area_chart: str = ""
    trend_chart: str = ""


def _count(bucket: Completion, row: Mapping[str, Any], on: date) -> None:
    """Count what has fallen due, and what was finished early (done before its due date counts too)."""
    if row["not_applicable"] or (row["due_on"] > on and row["accepted_on"] is None):
        return
    bucket.due += 1
    if row["accepted_on"] is None:
        bucket.open += 1
    elif (row["completed_on"] or row["accepted_on"]) <= row["due_on"]:
        bucket.on_time += 1
    else:
        bucket.late += 1


def _svg(chart: Any) -> str:
    return str(chart.render(is_unicode=True))


def agency_dashboard(*, agency: Agency, on: date | None = None) -> Dashboard:
    day = on or today()
    rows: list[dict[str, Any]] = [
        dict(row)
        for row in Occurrence.objects.filter(task__agency=agency).values(
            "id",
            "task_id",
            "label",
            "due_on",
            "completed_on",
            "accepted_on",
            "submitted_at",
            "not_applicable",
            "task__ref",
            "task__title",
            "task__area__name",
            "task__plan_id",
            "task__lead_text",
        )
    ]
    leads: dict[int, list[str]] = defaultdict(list)
    for task_id, name in Task.lead_units.through.objects.filter(task__agency=agency).values_list(
        "task_id", "unit__name"
    ):
        leads[task_id].append(name)
    totals = Completion("Tất cả")
    areas: dict[str, Completion] = {}
    units: dict[str, Completion] = {}
    months: dict[tuple[int, int], Completion] = {}
    overdue: list[dict[str, Any]] = []
    due_soon: list[dict[str, Any]] = []
    horizon = day + timedelta(days=30)
    for row in rows:
        _count(totals, row, day)
        area = row["task__area__name"] or "Chưa phân lĩnh vực"
        _count(areas.setdefault(area, Completion(area)), row, day)
        for unit in leads.get(row["task_id"], ["Chưa rõ đơn vị chủ trì"]):
            _count(units.setdefault(unit, Completion(unit)), row, day)
        if row["due_on"].year == day.year:
            key = (row["due_on"].year, row["due_on"].month)
            _count(months.setdefault(key, Completion(f"{key[1]:02d}/{key[0]}")), row, day)
        if row["not_applicable"] or row["accepted_on"] is not None:
            continue
        holder = ", ".join(leads.get(row["task_id"], [])) or row["task__lead_text"]
        item = {**row, "holder": holder, "days_late": (day - row["due_on"]).days}
        if row["due_on"] < day:
            overdue.append(item)
        elif row["due_on"] <= horizon:
            due_soon.append(item)
    overdue.sort(key=lambda item: item["due_on"])
    due_soon.sort(key=lambda item: item["due_on"])
    trend = [(months[key].name, months[key].rate) for key in sorted(months) if key[1] <= day.month]
    # One query with conditional aggregation for the "06 rõ" health (it was seven counts).
    rules = ("person", "task", "time", "responsibility", "deliverable", "authority")
    counts = Task.objects.filter(agency=agency).aggregate(
        total=Count("pk"),
        clear=Count("pk", filter=Q(is_six_clear=True)),
        **{f"rule_{rule}": Count("pk", filter=Q(**{f"six_clear__{rule}": True})) for rule in rules},
    )
    task_count, clear = counts["total"], counts["clear"]
    by_rule = {rule: counts[f"rule_{rule}"] for rule in rules}
    dashboard = Dashboard(
        agency=agency,
        on=day,
        totals=totals,
        by_area=sorted(areas.values(), key=lambda c: c.name),
        by_unit=sorted(units.values(), key=lambda c: (-(c.rate or 0), c.name)),
        overdue=overdue,
        due_soon=due_soon,
        trend=trend,
        six_clear_share=round(100 * clear / task_count, 1) if task_count else None,
        six_clear_by_rule=by_rule,
        task_count=task_count,
    )
    dashboard.area_chart = area_chart(dashboard.by_area)
    dashboard.trend_chart = trend_chart(trend)
    return dashboard


def area_chart(by_area: list[Completion]) -> str:
    chart = pygal.HorizontalStackedBar(
        style=CHART_STYLE,
        js=[],
        width=720,
        height=60 + 34 * max(len(by_area), 1),
        legend_at_bottom=True,
        print_values=False,
        show_y_guides=False,
        title="Kỳ đã đến hạn theo lĩnh vực",
        no_data_text="Chưa có kỳ nhiệm vụ nào đến hạn",
        disable_xml_declaration=True,
    )
    chart.x_labels = [c.name for c in by_area]
    chart.add("Hoàn thành đúng hạn", [c.on_time for c in by_area])
    chart.add("Hoàn thành trễ hạn", [c.late for c in by_area])
    chart.add("Chưa hoàn thành", [c.open for c in by_area])
    return _svg(chart)


def trend_chart(trend: list[tuple[str, float | None]]) -> str:
    chart = pygal.Line(
        style=CHART_STYLE,
        js=[],
        width=720,
        height=300,
        range=(0, 100),
        show_legend=False,
        title="Tỷ lệ hoàn thành đúng hạn theo tháng (%)",
        no_data_text="Chưa có kỳ nhiệm vụ nào đến hạn",
        disable_xml_declaration=True,
        value_formatter=lambda v: f"{v:.1f}%".replace(".", ","),
    )
    chart.x_labels = [label for label, _ in trend]
    chart.add("Đúng hạn", [value for _, value in trend])
    return _svg(chart)


def province_ranking(*, agencies: Any, on: date | None = None) -> list[Completion]:
    """Agencies ranked by on-time completion of what has fallen due."""
    day = on or today()
    buckets: dict[int, Completion] = {
        agency.pk: Completion(agency.name, key=agency.pk) for agency in agencies
    }
    rows = Occurrence.objects.filter(task__agency_id__in=list(buckets), not_applicable=False).filter(
        Q(due_on__lte=day) | Q(accepted_on__isnull=False)
    )
    for row in rows.values("task__agency_id", "due_on", "completed_on", "accepted_on", "not_applicable"):
        _count(buckets[row["task__agency_id"]], dict(row), day)
    ranking = [bucket for bucket in buckets.values() if bucket.due]
    ranking.sort(key=lambda c: (-(c.rate or 0), -c.due, c.name))
    return ranking
