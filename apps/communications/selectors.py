"""Reads of the communication register, each scoped by the permission policy: an agency's articles, events,
plans, targets and month grid for whoever may read that agency; another agency's record is a 404."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from apps.accounts.policy import scope_for
from apps.organizations.models import Agency, Unit
from apps.organizations.selectors import agency_get_for_user
from apps.plans.choices import PlanType
from apps.plans.models import Plan, PlanVersion, Target
from domain.communications.monthly import Cell, Summary, area_coverage, monthly_check, summarise
from domain.communications.plan_text import channel_targets, content_areas
from domain.plan_import import DocumentError
from domain.plan_import.document import read_document
from domain.plan_import.model import Paragraph, Table

from .choices import Channel
from .models import Article, ChannelTarget, ContentArea, Event

logger = logging.getLogger(__name__)


def _readable(queryset: QuerySet[Any], user: Any) -> QuerySet[Any]:
    if not getattr(user, "is_authenticated", False):
        return queryset.none()
    ids = scope_for(user).readable_ids
    return queryset if ids is None else queryset.filter(agency_id__in=ids)


def agency_for_user(*, user: Any, pk: int | None, fallback: Agency | None) -> Agency:
    """The agency a page is about: the one asked for (404 when the user may not read it), else the current one."""
    if pk:
        return agency_get_for_user(user=user, pk=pk)
    if fallback is None:
        raise Http404("Chưa chọn cơ quan.")
    return agency_get_for_user(user=user, pk=fallback.pk)


def article_list_for_user(*, user: Any, agency: Agency | None = None) -> QuerySet[Article]:
    queryset = _readable(Article.objects.select_related("agency", "area", "author_unit", "plan"), user)
    return queryset if agency is None else queryset.filter(agency=agency)


def article_get_for_user(*, user: Any, pk: int) -> Article:
    found = article_list_for_user(user=user).filter(pk=pk).first()
    if found is None:
        raise Http404("Không tìm thấy tin, bài.")
    return found


def event_list_for_user(*, user: Any, agency: Agency | None = None) -> QuerySet[Event]:
    queryset = _readable(Event.objects.select_related("agency", "area"), user)
    return queryset if agency is None else queryset.filter(agency=agency)


def communication_plans(*, agency: Agency) -> QuerySet[Plan]:
    """The agency's communication plans, newest first (callers have read the agency through the policy)."""
    return Plan.objects.filter(agency=agency, plan_type=PlanType.COMMUNICATION).order_by("-issued_on", "-pk")


def plan_for_user(*, user: Any, pk: int) -> Plan:
    plan = _readable(Plan.objects.select_related("agency"), user).filter(pk=pk).first()
    if plan is None:
        raise Http404("Không tìm thấy kế hoạch.")
    return plan


def current_plan(*, agency: Agency, pk: int | None = None) -> Plan | None:
    plans = communication_plans(agency=agency)
    if pk:
        found = plans.filter(pk=pk).first()
        if found is None:
            raise Http404("Không tìm thấy kế hoạch tuyên truyền.")
        return found
    return plans.first()


def agency_units(*, agency: Agency) -> QuerySet[Unit]:
    return Unit.objects.filter(agency=agency).order_by("name")


# --- what the plan's text says ---------------------------------------------------------------------------------


def plan_text_lines(plan: Plan) -> list[str]:
    """The lines of the plan's original file, plus its targets' and tasks' sentences; [] when unreadable."""
    lines: list[str] = []
    version = PlanVersion.objects.filter(plan=plan).exclude(original_file="").order_by("-number").first()
    if version is not None:
        try:
            with version.original_file.open("rb") as handle:
                document = read_document(handle.read(), version.original_name or "kehoach.txt")
        except (OSError, DocumentError, ValueError) as error:
            logger.info(
                "Plan %s: original file unreadable for the communication register: %s", plan.pk, error
            )
        else:
            for block in document.blocks:
                if isinstance(block, Paragraph):
                    lines.extend(block.text.splitlines())
                elif isinstance(block, Table):
                    lines.extend(cell for row in block.rows for cell in row if cell)
    lines.extend(Target.objects.filter(objective__plan=plan).exclude(text="").values_list("text", flat=True))
    lines.extend(plan.tasks.values_list("title", flat=True))
    return lines


def area_names(plan: Plan | None) -> list[str]:
    """The plan's content areas as saved, else as its text lists them."""
    if plan is None:
        return []
    saved = list(ContentArea.objects.filter(plan=plan).values_list("name", flat=True))
    return saved or content_areas(plan_text_lines(plan))


def plan_targets(plan: Plan | None) -> dict[str, int]:
    """Channel → articles per month: as the focal point set them, else as the plan's text sets them."""
    if plan is None:
        return {}
    saved = dict(ChannelTarget.objects.filter(plan=plan).values_list("channel", "per_month"))
    if saved:
        return {channel: saved[channel] for channel in Channel.values if channel in saved}
    return suggested_targets(plan)


def suggested_targets(plan: Plan) -> dict[str, int]:
    return channel_targets(plan_text_lines(plan))


def targets_saved(plan: Plan | None) -> bool:
    return plan is not None and ChannelTarget.objects.filter(plan=plan).exists()


# --- the month × channel grid ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MonthRow:
    month: int
    cells: list[Cell]
    total: int


@dataclass(frozen=True)
class Grid:
    """A year of an agency under a plan: per month the cells of the channels with a target, and the totals."""

    agency: Agency
    plan: Plan | None
    year: int
    channels: list[tuple[str, str, int]]  # code, label, articles per month
    rows: list[MonthRow]
    summary: Summary
    areas_covered: int
    areas_total: int
    articles: int
    events: int

    def cell(self, month: int, channel: str) -> Cell | None:
        for row in self.rows:
            if row.month == month:
                return next((cell for cell in row.cells if cell.channel == channel), None)
        return None


def month_grid(*, agency: Agency, plan: Plan | None, year: int, today: date) -> Grid:
    targets = plan_targets(plan)
    articles = Article.objects.filter(agency=agency, published_on__year=year)
    dated = list(articles.values_list("published_on", "channel"))
    cells = monthly_check(
        year=year,
        targets=targets,
        articles=dated,
        today=today,
        plan_start=plan.period_start or plan.issued_on if plan else None,
        plan_end=plan.period_end if plan else None,
    )
    totals: dict[int, int] = {}
    for day, _channel in dated:
        totals[day.month] = totals.get(day.month, 0) + 1
    rows = [
        MonthRow(month, [cell for cell in cells if cell.month == month], totals.get(month, 0))
        for month in range(1, 13)
    ]
    names = area_names(plan)
    covered_names = articles.exclude(area=None).values_list("area__name", flat=True)
    covered, total = area_coverage(names, covered_names)
    labels = dict(Channel.choices)
    return Grid(
        agency=agency,
        plan=plan,
        year=year,
        channels=[(channel, str(labels[channel]), count) for channel, count in targets.items()],
        rows=rows,
        summary=summarise(cells),
        areas_covered=covered,
        areas_total=total,
        articles=len(dated),
        events=Event.objects.filter(agency=agency, held_on__year=year).count(),
    )


def counts_by_channel(*, agency: Agency, start: date, end: date) -> dict[str, int]:
    """Articles per channel published between two days (inclusive): the reports and indicators read it."""
    out: dict[str, int] = {}
    for channel in Article.objects.filter(agency=agency, published_on__range=(start, end)).values_list(
        "channel", flat=True
    ):
        out[channel] = out.get(channel, 0) + 1
    return out


# --- indicators -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorFigure:
    value: Decimal | None
    numerator: int | None
    denominator: int | None
    provenance: str


def indicator_figures(*, agency: Agency, start: date, end: date, today: date) -> dict[str, IndicatorFigure]:
    """The communication indicators of the catalogue for a period: article_count, communication_month_rate,
    communication_area_coverage (their definitions are in apps/indicators' migration 0007)."""
    articles = Article.objects.filter(agency=agency, published_on__range=(start, end))
    count = articles.count()
    out = {
        "article_count": IndicatorFigure(Decimal(count), count, None, "Tính từ sổ tin, bài tuyên truyền"),
    }
    plan = current_plan(agency=agency)
    if plan is None:
        none = IndicatorFigure(None, None, None, "Cơ quan chưa có kế hoạch thông tin, tuyên truyền CCHC")
        out["communication_month_rate"] = out["communication_area_coverage"] = none
        return out
    targets = plan_targets(plan)
    dated = list(
        Article.objects.filter(
            agency=agency, published_on__year__gte=start.year, published_on__year__lte=end.year
        ).values_list("published_on", "channel")
    )
    months_checked = months_met = 0
    for year in range(start.year, end.year + 1):
        cells = monthly_check(
            year=year,
            targets=targets,
            articles=dated,
            today=today,
            plan_start=plan.period_start or plan.issued_on,
            plan_end=plan.period_end,
        )
        for month in range(1, 13):
            if not start <= date(year, month, 1) <= end:
                continue
            own = [cell for cell in cells if cell.month == month]
            if own and all(cell.checked for cell in own):
                months_checked += 1
                months_met += all(cell.status == "met" for cell in own)
    rate = None if not months_checked else Decimal(100 * months_met) / Decimal(months_checked)
    out["communication_month_rate"] = IndicatorFigure(
        rate.quantize(Decimal("0.01")) if rate is not None else None,
        months_met,
        months_checked,
        "Tính từ sổ tin, bài và chỉ tiêu theo tháng của kế hoạch tuyên truyền"
        if targets
        else "Kế hoạch tuyên truyền chưa có chỉ tiêu theo kênh",
    )
    names = area_names(plan)
    covered, total = area_coverage(names, articles.exclude(area=None).values_list("area__name", flat=True))
    out["communication_area_coverage"] = IndicatorFigure(
        (Decimal(100 * covered) / Decimal(total)).quantize(Decimal("0.01")) if total else None,
        covered,
        total,
        "Tính từ sổ tin, bài theo nội dung của kế hoạch tuyên truyền",
    )
    return out
