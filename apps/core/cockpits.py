"""The home page of each role, answering "what needs me today": a few figures, each opening the list behind it,
and the first lines of those lists.

Every read goes through the apps' selectors (scoped by the user's agencies), so a cockpit never shows another
agency's work. The role shown is the highest the user holds in the current agency: administrator, Sở Nội vụ,
leader, focal point, unit head, staff (a viewer sees the leader's figures without the decisions).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from apps.accounts.choices import Role
from apps.accounts.policy import person_unit_ids, scope_for
from apps.organizations.models import Agency
from apps.organizations.selectors import agency_list_for_user, person_list_for_user, unit_list_for_user
from apps.tasks import selectors as task_selectors
from apps.tasks.dashboard import Dashboard, agency_dashboard, province_ranking, ranking_chart
from domain import task_status

from .charts import Chart, figure

ROLE_ORDER = (
    Role.ADMINISTRATOR,
    Role.OVERSEER,
    Role.LEADER,
    Role.FOCAL_POINT,
    Role.UNIT_HEAD,
    Role.STAFF,
    Role.VIEWER,
)
SHOWN = 8  # lines of each list on the cockpit; the whole list is one click away


@dataclass(frozen=True)
class Tile:
    """One figure and the list behind it."""

    label: str
    value: int | float | None
    url: str
    tone: str = "info"  # good | warn | bad | info | muted, as in apps.core.charts
    hint: str = ""
    unit: str = ""
    ident: str = ""

    @property
    def shown(self) -> str:
        return figure(self.value, self.unit)


@dataclass(frozen=True)
class Item:
    title: str
    url: str
    meta: str = ""
    status: str = ""
    tone: str = "info"


@dataclass
class Panel:
    title: str
    items: list[Item]
    empty: str
    more_url: str = ""
    more_label: str = ""
    ident: str = ""


@dataclass
class Cockpit:
    role: str
    role_label: str
    question: str
    on: date
    agency: Agency | None
    tiles: list[Tile] = field(default_factory=list)
    panels: list[Panel] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)


def primary_role(*, user: Any, agency: Agency | None) -> str | None:
    """The highest role the user holds over the current agency (a superuser counts as administrator)."""
    scope = scope_for(user)
    held = scope.roles_over(agency.pk) if agency is not None else frozenset()
    if not held:
        held = frozenset(role for coverage in scope.coverage.values() for role in coverage.direct)
    if scope.is_superuser:
        held = held | {Role.ADMINISTRATOR}
    return next((str(role) for role in ROLE_ORDER if role in held), None)


def cockpit_for(*, user: Any, agency: Agency | None, on: date | None = None) -> Cockpit:
    day = on or timezone.localdate()
    role = primary_role(user=user, agency=agency)
    if role is None:
        return Cockpit("", "", "Bạn chưa được giao vai trò ở cơ quan nào.", day, agency)
    label = str(Role(role).label)
    if role == Role.ADMINISTRATOR:
        return _administrator(user, agency, day, label)
    if role == Role.OVERSEER:
        return _overseer(user, agency, day, label)
    if agency is None:
        return Cockpit(role, label, "Chọn cơ quan ở đầu trang để xem việc của cơ quan.", day, agency)
    if role in (Role.LEADER, Role.VIEWER):
        return _leader(user, agency, day, label, decides=role == Role.LEADER)
    if role == Role.FOCAL_POINT:
        return _focal_point(user, agency, day, label)
    if role == Role.UNIT_HEAD:
        return _unit_head(user, agency, day, label)
    return _staff(user, agency, day, label)


# --- the pieces the cockpits share -------------------------------------------------------------------------------

STATUS_TONES = {
    task_status.OVERDUE: "bad",
    task_status.DUE_SOON: "warn",
    task_status.AWAITING_ACCEPTANCE: "info",
    task_status.IN_PROGRESS: "muted",
    task_status.NOT_STARTED: "muted",
    task_status.UNDATED: "muted",
}


def _task_url(task_id: int) -> str:
    return reverse("tasks:task_detail", args=[task_id])


def _my_work_tiles(rows: list[task_selectors.MyRow], *, whose: str) -> list[Tile]:
    counts = Counter(row.status for row in rows)
    url = reverse("tasks:my_work")
    return [
        Tile(
            f"{whose} quá hạn",
            counts[task_status.OVERDUE],
            url,
            "bad",
            "đã qua hạn, chưa nghiệm thu",
            ident="mine-overdue",
        ),
        Tile(
            f"{whose} sắp đến hạn",
            counts[task_status.DUE_SOON],
            url,
            "warn",
            "trong 7 ngày tới",
            ident="mine-due-soon",
        ),
        Tile(
            "Đã báo cáo, chờ nghiệm thu",
            counts[task_status.AWAITING_ACCEPTANCE],
            url,
            "info",
            ident="mine-awaiting",
        ),
        Tile(
            "Đang thực hiện",
            counts[task_status.IN_PROGRESS] + counts[task_status.NOT_STARTED] + counts[task_status.UNDATED],
            url,
            "muted",
            "còn thời gian",
            ident="mine-open",
        ),
    ]


def _my_work_panel(rows: list[task_selectors.MyRow], *, title: str) -> Panel:
    roles = {
        "accountable": "bạn chịu trách nhiệm",
        "lead": "đơn vị chủ trì",
        "cooperating": "đơn vị phối hợp",
    }
    items = [
        Item(
            f"{row.occurrence.task.ref} · {row.occurrence.task.title}",
            _task_url(row.occurrence.task_id),
            f"Hạn {row.occurrence.due_on:%d/%m/%Y} · {row.occurrence.label} · {roles.get(row.role, '')}"
            if row.occurrence.due_on
            else f"Chưa xác định thời hạn · {roles.get(row.role, '')}",
            row.label,
            STATUS_TONES.get(row.status, "muted"),
        )
        for row in rows[:SHOWN]
    ]
    return Panel(
        title,
        items,
        "Không có việc nào đang mở. Khi bạn hoặc đơn vị được giao nhiệm vụ, việc sẽ hiện ở đây.",
        reverse("tasks:my_work"),
        f"Xem tất cả {len(rows)} việc",
        "my-work",
    )


def _dashboard_url(agency: Agency, anchor: str = "") -> str:
    return f"{reverse('tasks:dashboard')}?agency={agency.pk}" + (f"#{anchor}" if anchor else "")


def _agency_tiles(d: Dashboard, agency: Agency) -> list[Tile]:
    return [
        Tile(
            "Tỷ lệ hoàn thành đúng hạn",
            d.totals.rate,
            _dashboard_url(agency, "by-area"),
            "good",
            f"{figure(d.totals.on_time)}/{figure(d.totals.due)} kỳ đã đến hạn",
            "%",
            "on-time-rate",
        ),
        Tile(
            "Kỳ quá hạn chưa xong", len(d.overdue), _dashboard_url(agency, "overdue"), "bad", ident="overdue"
        ),
        Tile(
            "Kỳ đến hạn trong 30 ngày",
            len(d.due_soon),
            _dashboard_url(agency, "due-soon"),
            "warn",
            ident="due-soon",
        ),
        Tile(
            "Nhiệm vụ đủ “06 rõ”",
            d.six_clear_share,
            f"{reverse('tasks:task_register')}?agency={agency.pk}&clear=no",
            "info",
            f"trên {figure(d.task_count)} nhiệm vụ; bấm để xem nhiệm vụ chưa rõ",
            "%",
            "six-clear",
        ),
    ]


def _holder(holder: str) -> str:
    """The units holding a late occurrence, the first two named: the full list is on the task."""
    names = [name for name in (holder or "").split(", ") if name]
    if not names:
        return "chưa rõ đơn vị chủ trì"
    return ", ".join(names[:2]) + (f" và {len(names) - 2} đơn vị khác" if len(names) > 2 else "")


def _overdue_panel(d: Dashboard, agency: Agency, *, title: str) -> Panel:
    items = [
        Item(
            f"{row['task__ref']} · {row['task__title']}",
            _task_url(row["task_id"]),
            f"Hạn {row['due_on']:%d/%m/%Y} · trễ {row['days_late']} ngày · {_holder(row['holder'])}",
            "Quá hạn",
            "bad",
        )
        for row in d.overdue[:SHOWN]
    ]
    return Panel(
        title,
        items,
        "Không có kỳ nhiệm vụ nào quá hạn.",
        _dashboard_url(agency, "overdue"),
        f"Xem tất cả {len(d.overdue)} kỳ quá hạn",
        "late",
    )


def _holders_panel(d: Dashboard, agency: Agency) -> Panel:
    # A task led by several units is late for each of them.
    holders = Counter(
        name.strip() for row in d.overdue for name in (row["holder"] or "Chưa rõ đơn vị chủ trì").split(", ")
    )
    items = [
        Item(name, _dashboard_url(agency, "by-unit"), f"{figure(count)} kỳ quá hạn", "Quá hạn", "bad")
        for name, count in holders.most_common(SHOWN)
    ]
    return Panel(
        "Đơn vị đang giữ việc quá hạn",
        items,
        "Không đơn vị nào giữ việc quá hạn.",
        _dashboard_url(agency, "by-unit"),
        "Xem tiến độ theo đơn vị",
        "holders",
    )


def _awaiting_acceptance(user: Any, agency: Agency) -> Any:
    return (
        task_selectors.occurrence_list_for_user(user=user)
        .filter(
            task__agency=agency, submitted_at__isnull=False, accepted_on__isnull=True, not_applicable=False
        )
        .order_by("submitted_at")
    )


def _awaiting_panel(user: Any, agency: Agency) -> tuple[int, Panel]:
    waiting = _awaiting_acceptance(user, agency)
    count = waiting.count()
    items = [
        Item(
            f"{occurrence.task.ref} · {occurrence.task.title}",
            _task_url(occurrence.task_id),
            f"{occurrence.label} · báo cáo ngày {timezone.localtime(occurrence.submitted_at):%d/%m/%Y}",
            "Chờ nghiệm thu",
            "info",
        )
        for occurrence in waiting[:SHOWN]
    ]
    more = f"Còn {count - SHOWN} kết quả khác: mở từng nhiệm vụ để nghiệm thu" if count > SHOWN else ""
    panel = Panel(
        "Kết quả chờ nghiệm thu",
        items,
        "Không có kết quả nào chờ nghiệm thu.",
        _dashboard_url(agency, "overdue") if more else "",
        more,
        "awaiting",
    )
    return count, panel


def _reports_panel(agency: Agency, day: date) -> tuple[int, Panel]:
    from apps.reports.selectors import reports_due_for

    due = reports_due_for(agency, day, within_days=30)
    url = f"{reverse('reports:calendar')}?year={day.year}"
    items = [
        Item(
            item.title,
            reverse("reports:report_detail", args=[item.report.pk]) if item.report else url,
            f"Hạn gửi {item.due.deadline:%d/%m/%Y}"
            + (f" · trễ {item.days_late} ngày" if item.days_late else f" · còn {item.days_left} ngày"),
            item.state_label,
            "bad" if item.days_late else "warn",
        )
        for item in due[:SHOWN]
    ]
    return len(due), Panel(
        "Báo cáo phải gửi",
        items,
        "Không có báo cáo nào quá hạn hay đến hạn trong 30 ngày tới.",
        url,
        "Xem lịch báo cáo cả năm",
        "reports",
    )


def _par_deadlines(user: Any, agency: Agency, day: date) -> list[Item]:
    """The agency's PAR INDEX steps still to do (self-assessment, then explanation after the appraisal) whose
    deadline has passed or falls within 30 days, like the reports beside them."""
    from apps.par.choices import AssessmentStatus
    from apps.par.selectors import my_assessments

    items = []
    steps: dict[str, tuple[str, str]] = {
        AssessmentStatus.DRAFT: ("self_deadline", "Hạn nộp tự đánh giá"),
        AssessmentStatus.APPRAISED: ("explanation_deadline", "Hạn gửi giải trình"),
    }
    for assessment in my_assessments(user=user).filter(agency=agency, status__in=list(steps)):
        field_name, what = steps[assessment.status]
        deadline = getattr(assessment.round, field_name)
        late = (day - deadline).days
        if late < -30:
            continue
        items.append(
            Item(
                f"Chỉ số CCHC năm {assessment.round.year}: {what.lower()}",
                reverse("par:assessment", args=[assessment.pk]),
                f"{what} {deadline:%d/%m/%Y}"
                + (f" · trễ {late} ngày" if late > 0 else f" · còn {-late} ngày"),
                str(AssessmentStatus(assessment.status).label),
                "bad" if late > 0 else "warn",
            )
        )
    return items


def _targets_at_risk(user: Any, agency: Agency, day: date) -> tuple[int, Panel]:
    """Targets of the agency's plans at risk; their values take a third of a second to compute, and change with
    the data imports rather than by the minute, so they are kept for a quarter of an hour."""
    key = f"cockpit:targets-at-risk:{agency.pk}:{day.isoformat()}"
    found = cache.get(key)
    if found is None:
        found = _targets_at_risk_now(user, agency, day)
        cache.set(key, found, 15 * 60)
    return found


def _targets_at_risk_now(user: Any, agency: Agency, day: date) -> tuple[int, Panel]:
    from apps.indicators.scorecard import target_rows
    from apps.indicators.selectors import target_list_for_user
    from domain.indicators.target_status import AT_RISK, NOT_ACHIEVED

    rows = [
        row
        for row in target_rows(targets=target_list_for_user(user=user, agency_id=agency.pk), today=day)
        if row.status is not None and row.status.status in (AT_RISK, NOT_ACHIEVED)
    ]
    url = f"{reverse('indicators:targets')}?agency={agency.pk}"
    items = [
        Item(
            row.target.text or row.target.objective.text,
            url,
            row.indicator.name if row.indicator else "",
            row.status.label,
            "bad" if row.status.status == NOT_ACHIEVED else "warn",
        )
        for row in rows[:SHOWN]
    ]
    return len(rows), Panel(
        "Chỉ tiêu có nguy cơ không đạt",
        items,
        "Không có chỉ tiêu nào có nguy cơ.",
        url,
        "Xem mọi chỉ tiêu",
        "targets",
    )


# --- one cockpit per role ---------------------------------------------------------------------------------------


def _staff(user: Any, agency: Agency, day: date, label: str) -> Cockpit:
    rows = task_selectors.my_work_for_user(user=user, on=day)
    cockpit = Cockpit(Role.STAFF, label, "Việc của tôi hôm nay", day, agency)
    cockpit.tiles = _my_work_tiles(rows, whose="Việc")
    cockpit.panels = [_my_work_panel(rows, title="Việc gấp nhất")]
    return cockpit


def _unit_head(user: Any, agency: Agency, day: date, label: str) -> Cockpit:
    rows = task_selectors.my_work_for_user(user=user, on=day)
    cockpit = Cockpit(Role.UNIT_HEAD, label, "Việc và người của đơn vị", day, agency)
    cockpit.tiles = _my_work_tiles(rows, whose="Việc của đơn vị")
    cockpit.panels = [_my_work_panel(rows, title="Việc của đơn vị, gấp nhất trước")]
    unit_ids = person_unit_ids(user)
    units = list(unit_list_for_user(user=user, agency=agency).filter(pk__in=unit_ids))
    people = list(person_list_for_user(user=user, agency=agency).filter(unit_id__in=unit_ids, is_active=True))
    open_rows = (
        task_selectors.occurrence_list_for_user(user=user)
        .filter(task__accountable__in=people, accepted_on__isnull=True, not_applicable=False)
        .values_list("task__accountable_id", "due_on")
    )
    open_count: Counter[int] = Counter()
    late_count: Counter[int] = Counter()
    for person_id, due_on in open_rows:
        open_count[person_id] += 1
        if due_on is not None and due_on < day:
            late_count[person_id] += 1
    unit_url = reverse("tasks:unit_page", args=[units[0].pk]) if units else reverse("tasks:my_work")
    people.sort(key=lambda p: (-late_count[p.pk], -open_count[p.pk], p.full_name))
    cockpit.panels.append(
        Panel(
            "Người trong đơn vị",
            [
                Item(
                    person.full_name,
                    f"{reverse('tasks:task_register')}?agency={agency.pk}&q={person.full_name}",
                    f"{person.position or 'Cán bộ'} · chịu trách nhiệm {figure(open_count[person.pk])} kỳ đang mở",
                    f"{figure(late_count[person.pk])} kỳ quá hạn"
                    if late_count[person.pk]
                    else "Không có việc quá hạn",
                    "bad" if late_count[person.pk] else "good",
                )
                for person in people[:12]
            ],
            "Đơn vị chưa có cán bộ nào trong danh sách. Thêm cán bộ ở trang Cơ quan, đơn vị.",
            unit_url,
            f"Trang của {units[0].name}" if units else "",
            "people",
        )
    )
    if units:
        cockpit.tiles.append(
            Tile("Cán bộ của đơn vị", len(people), unit_url, "muted", units[0].name, ident="people")
        )
    return cockpit


def _focal_point(user: Any, agency: Agency, day: date, label: str) -> Cockpit:
    d = agency_dashboard(agency=agency, on=day)
    cockpit = Cockpit(Role.FOCAL_POINT, label, "Việc cần đôn đốc hôm nay", day, agency)
    awaiting, awaiting_panel = _awaiting_panel(user, agency)
    reports, reports_panel = _reports_panel(agency, day)
    par_items = _par_deadlines(user, agency, day)
    reports_panel.items[:0] = par_items
    reports_panel.title = "Báo cáo, hạn Chỉ số CCHC phải nộp"
    reports += len(par_items)
    targets, targets_panel = _targets_at_risk(user, agency, day)
    tiles = _agency_tiles(d, agency)
    cockpit.tiles = [
        *tiles[1:3],
        Tile("Kết quả chờ nghiệm thu", awaiting, "#awaiting", "info", ident="awaiting"),
        Tile(
            "Báo cáo, Chỉ số CCHC phải nộp",
            reports,
            "#reports",
            "warn",
            "quá hạn hoặc đến hạn trong 30 ngày",
            ident="reports",
        ),
        Tile("Chỉ tiêu có nguy cơ", targets, "#targets", "warn", ident="targets"),
        *tiles[3:],
    ]
    cockpit.panels = [
        _overdue_panel(d, agency, title="Kỳ nhiệm vụ quá hạn"),
        _holders_panel(d, agency),
        awaiting_panel,
        reports_panel,
        targets_panel,
    ]
    return cockpit


def _leader(user: Any, agency: Agency, day: date, label: str, *, decides: bool) -> Cockpit:
    from apps.reports.choices import ReportStatus
    from apps.reports.selectors import report_list_for_user

    d = agency_dashboard(agency=agency, on=day)
    question = "Việc chờ anh/chị quyết định" if decides else "Tình hình cải cách hành chính của cơ quan"
    cockpit = Cockpit(Role.LEADER if decides else Role.VIEWER, label, question, day, agency)
    cockpit.tiles = _agency_tiles(d, agency)
    if decides:
        awaiting, awaiting_panel = _awaiting_panel(user, agency)
        to_approve = list(
            report_list_for_user(user=user)
            .filter(agency=agency, status=ReportStatus.COMPILED)
            .order_by("deadline")
        )
        cockpit.tiles[:0] = [
            Tile("Báo cáo chờ duyệt", len(to_approve), "#approve", "warn", ident="approve"),
            Tile("Kết quả chờ nghiệm thu", awaiting, "#awaiting", "info", ident="awaiting"),
        ]
        cockpit.panels.append(
            Panel(
                "Báo cáo chờ lãnh đạo duyệt",
                [
                    Item(
                        str(report),
                        reverse("reports:report_detail", args=[report.pk]),
                        f"Hạn gửi {report.deadline:%d/%m/%Y}" if report.deadline else "",
                        "Chờ duyệt",
                        "warn",
                    )
                    for report in to_approve[:SHOWN]
                ],
                "Không có báo cáo nào chờ duyệt.",
                reverse("reports:calendar"),
                "Xem lịch báo cáo",
                "approve",
            )
        )
        cockpit.panels.append(awaiting_panel)
        targets, targets_panel = _targets_at_risk(user, agency, day)
        cockpit.tiles.append(Tile("Chỉ tiêu có nguy cơ", targets, "#targets", "warn", ident="targets"))
    cockpit.panels += [
        _overdue_panel(d, agency, title="Việc trễ hạn và đơn vị đang giữ"),
        _holders_panel(d, agency),
    ]
    if decides:
        cockpit.panels.append(targets_panel)
    if d.trend_chart is not None:
        cockpit.charts.append(d.trend_chart)
    return cockpit


def _overseer(user: Any, agency: Agency | None, day: date, label: str) -> Cockpit:
    from apps.reports.choices import ReportType
    from apps.reports.selectors import province_overview_for_user
    from domain.periods import QUARTER, period_containing

    cockpit = Cockpit(Role.OVERSEER, label, "Tình hình toàn tỉnh", day, agency)
    agencies = agency_list_for_user(user=user)
    ranking = province_ranking(agencies=agencies, on=day)
    quarter = period_containing(day - timedelta(days=1), QUARTER).previous()
    overview = province_overview_for_user(
        user=user, report_type=ReportType.QUARTERLY, period_code=quarter.code, on=day
    )
    late_reports = [row for row in overview if row.item is not None and row.item.is_late]
    overview_url = f"{reverse('reports:overview')}?kind={ReportType.QUARTERLY}&period={quarter.code}"
    below = [c for c in ranking if c.rate is not None and c.rate < 80]
    overdue_total = sum(c.open for c in ranking)
    province_url = reverse("tasks:province_view")
    cockpit.tiles = [
        Tile("Cơ quan có kỳ nhiệm vụ đến hạn", len(ranking), province_url, "info", ident="ranked"),
        Tile("Cơ quan dưới 80% đúng hạn", len(below), province_url, "warn", ident="below"),
        Tile("Kỳ quá hạn ở các cơ quan", overdue_total, province_url, "bad", ident="overdue"),
        Tile(
            "Cơ quan trễ báo cáo quý",
            len(late_reports),
            overview_url,
            "bad",
            f"{quarter.label}: chưa gửi hoặc gửi sau hạn",
            ident="late-reports",
        ),
    ]
    late_dossiers, dossiers_panel, dossiers_url = _late_dossiers(agencies, day)
    cockpit.tiles.append(
        Tile(
            "Hồ sơ TTHC trễ, quá hạn tháng trước",
            late_dossiers,
            dossiers_url,
            "bad",
            "cộng các cơ quan",
            ident="late-dossiers",
        )
    )
    chart = ranking_chart(ranking)
    cockpit.charts.append(chart)
    cockpit.panels = [
        Panel(
            "Cơ quan có nhiều kỳ quá hạn nhất",
            [
                Item(
                    c.name,
                    f"{reverse('tasks:dashboard')}?agency={c.key}#overdue",
                    f"{figure(c.open)} kỳ quá hạn trên {figure(c.due)} kỳ đã đến hạn",
                    f"{'Dưới 80%: ' if (c.rate or 0) < 80 else ''}{figure(c.rate, '%')} đúng hạn",
                    "bad" if (c.rate or 0) < 80 else "good",
                )
                for c in sorted(ranking, key=lambda c: (-c.open, c.name))[:SHOWN]
                if c.open
            ],
            "Không cơ quan nào có kỳ nhiệm vụ quá hạn.",
            province_url,
            "Xem xếp hạng toàn tỉnh",
            "agencies-late",
        ),
        Panel(
            "Cơ quan trễ báo cáo quý",
            [
                Item(
                    row.agency.name,
                    overview_url,
                    f"Hạn gửi {row.item.due.deadline:%d/%m/%Y}",
                    row.item.state_label,
                    "bad",
                )
                for row in late_reports[:SHOWN]
                if row.item is not None
            ],
            "Chưa cơ quan nào trễ báo cáo quý.",
            overview_url,
            "Xem tình hình báo cáo của các cơ quan",
            "late-reports",
        ),
        dossiers_panel,
    ]
    return cockpit


def _late_dossiers(agencies: Any, day: date) -> tuple[int, Panel, str]:
    """Dossiers resolved late or still overdue last month, across the agencies: the figure most at risk."""
    from apps.dossiers.selectors import dossier_counts_by_agency
    from apps.indicators.scorecard import default_period

    period = default_period(today=day)
    names = {agency.pk: agency for agency in agencies}
    counts = dossier_counts_by_agency(agency_ids=list(names), period=period)
    url = f"{reverse('indicators:province')}?period={period.code}"
    worst = sorted(
        ((names[agency_id], c) for agency_id, c in counts.items() if c.late + c.overdue),
        key=lambda pair: (-(pair[1].late + pair[1].overdue), pair[0].name),
    )
    items = [
        Item(
            agency.name,
            f"{reverse('indicators:scorecard')}?agency={agency.pk}&period={period.code}",
            f"{figure(c.late)} hồ sơ giải quyết trễ, {figure(c.overdue)} hồ sơ quá hạn chưa xong",
            f"{figure(c.late + c.overdue)} hồ sơ",
            "bad",
        )
        for agency, c in worst[:SHOWN]
    ]
    panel = Panel(
        f"Hồ sơ TTHC trễ hạn — {period.label}",
        items,
        f"Không cơ quan nào có hồ sơ trễ hạn trong {period.label.lower()}, hoặc chưa cơ quan nào nhập dữ liệu hồ sơ.",
        url,
        "Xem xếp hạng chỉ số phục vụ",
        "dossiers",
    )
    return sum(c.late + c.overdue for c in counts.values()), panel, url


def _administrator(user: Any, agency: Agency | None, day: date, label: str) -> Cockpit:
    from axes.models import AccessAttempt
    from django.conf import settings
    from django.contrib.auth import get_user_model

    from apps.jobs.choices import JobStatus
    from apps.jobs.models import Job

    cockpit = Cockpit(Role.ADMINISTRATOR, label, "Tài khoản, tác vụ nền và tình trạng hệ thống", day, agency)
    users = get_user_model().objects.filter(is_active=True)
    without_role = users.filter(roles__isnull=True, is_superuser=False)
    locked = AccessAttempt.objects.filter(failures_since_start__gte=settings.AXES_FAILURE_LIMIT)
    since = timezone.now() - timedelta(days=7)
    failed = Job.objects.filter(status=JobStatus.FAILED, created_at__gte=since).order_by("-created_at")
    users_url = reverse("admin:accounts_user_changelist")
    cockpit.tiles = [
        Tile("Tài khoản đang hoạt động", users.count(), users_url, "info", ident="users"),
        Tile(
            "Tài khoản chưa có vai trò",
            without_role.distinct().count(),
            users_url,
            "warn",
            "đăng nhập được nhưng chưa thấy gì",
            ident="no-role",
        ),
        Tile(
            "Tài khoản bị khóa do đăng nhập sai",
            locked.count(),
            reverse("admin:axes_accessattempt_changelist"),
            "bad",
            ident="locked",
        ),
        Tile(
            "Tác vụ nền lỗi trong 7 ngày",
            failed.count(),
            reverse("jobs:job_list"),
            "bad",
            ident="failed-jobs",
        ),
        Tile(
            "Cơ quan trong hệ thống",
            agency_list_for_user(user=user).count(),
            reverse("organizations:agency_tree"),
            "muted",
            ident="agencies",
        ),
    ]
    cockpit.panels = [
        Panel(
            "Tác vụ nền lỗi gần đây",
            [
                Item(
                    str(job.get_kind_display()),
                    reverse("jobs:job_status", args=[job.pk]),
                    f"{timezone.localtime(job.created_at):%d/%m/%Y %H:%M} · {job.message}".rstrip(" ·"),
                    "Lỗi",
                    "bad",
                )
                for job in failed[:SHOWN]
            ],
            "Không có tác vụ nền nào lỗi trong 7 ngày qua.",
            reverse("jobs:job_list"),
            "Xem các tác vụ nền",
            "jobs",
        ),
        Panel(
            "Quản trị",
            [
                Item("Tài khoản và vai trò", users_url, "Tạo tài khoản, gán vai trò theo cơ quan, đơn vị"),
                Item("Cây cơ quan, đơn vị", reverse("organizations:agency_tree"), "Cơ quan, đơn vị, cán bộ"),
                Item(
                    "Trang quản trị", reverse("admin:index"), "Nhật ký thay đổi, lần đăng nhập sai, cấu hình"
                ),
                Item(
                    "Tình trạng hệ thống",
                    reverse("core:system_health"),
                    "Xuất PDF, nhập tệp lớn bằng dòng lệnh, tham số cần xác nhận theo văn bản gốc",
                ),
            ],
            "",
            "",
            "",
            "admin",
        ),
    ]
    return cockpit
