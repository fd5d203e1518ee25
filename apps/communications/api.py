"""JSON endpoints of the communication register: articles (list, one, create), events, the monthly check of a
year (each month and channel with its count, target and status) and the communication indicators of a period.
The same selectors, services and rules as the pages: another agency is a 404, a write that is not the caller's
a 403, a refused value (not a link, a date to come, a link already registered) a 422 with the Vietnamese reason."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from pydantic import Field

from apps.core.ids import Id
from domain.periods import PeriodError, parse_period

from . import selectors, services
from .choices import Channel
from .models import Article, Event

router = Router(tags=["Thông tin, tuyên truyền CCHC"])

ChannelCode = Literal["internal", "website", "zalo_oa", "fanpage", "press", "qr_poster"]
Year = Annotated[int, Field(ge=2000, le=2100)]


class ArticleOut(Schema):
    id: int
    agency_id: int
    plan_id: int | None
    title: str
    channel: str
    channel_label: str
    area: str | None
    published_on: date
    link: str
    author_unit: str | None
    place: str
    has_evidence: bool


class ArticleIn(Schema):
    title: Annotated[str, Field(min_length=1, max_length=500)]
    channel: ChannelCode
    published_on: date
    link: Annotated[str, Field(max_length=1000)] = ""
    area: Annotated[str, Field(max_length=255)] = ""
    place: Annotated[str, Field(max_length=255)] = ""


class EventOut(Schema):
    id: int
    agency_id: int
    kind: str
    title: str
    held_on: date
    place: str
    attendance: int
    area: str | None


class CellOut(Schema):
    month: int
    channel: str
    channel_label: str
    count: int
    target: int
    status: str
    status_label: str
    days_left: int | None


class CheckOut(Schema):
    agency_id: int
    agency_code: str
    plan_id: int | None
    year: int
    articles: int
    months_checked: int
    months_met: int
    areas_covered: int
    areas_total: int
    cells: list[CellOut]


class IndicatorOut(Schema):
    code: str
    value: Decimal | None
    numerator: int | None
    denominator: int | None
    provenance: str


def _article(article: Article) -> dict[str, Any]:
    return {
        "id": article.pk,
        "agency_id": article.agency_id,
        "plan_id": article.plan_id,
        "title": article.title,
        "channel": article.channel,
        "channel_label": str(Channel(article.channel).label),
        "area": article.area.name if article.area else None,
        "published_on": article.published_on,
        "link": article.link,
        "author_unit": article.author_unit.name if article.author_unit else None,
        "place": article.place,
        "has_evidence": bool(article.evidence),
    }


def _event(event: Event) -> dict[str, Any]:
    return {
        "id": event.pk,
        "agency_id": event.agency_id,
        "kind": event.kind,
        "title": event.title,
        "held_on": event.held_on,
        "place": event.place,
        "attendance": event.attendance,
        "area": event.area.name if event.area else None,
    }


def check_payload(*, agency: Any, year: int, today: date) -> dict[str, Any]:
    """The monthly check as the API and the command line print it."""
    plan = selectors.current_plan(agency=agency)
    grid = selectors.month_grid(agency=agency, plan=plan, year=year, today=today)
    labels = dict(Channel.choices)
    return {
        "agency_id": agency.pk,
        "agency_code": agency.code,
        "plan_id": plan.pk if plan else None,
        "year": year,
        "articles": grid.articles,
        "months_checked": grid.summary.checked,
        "months_met": grid.summary.met,
        "areas_covered": grid.areas_covered,
        "areas_total": grid.areas_total,
        "cells": [
            {
                "month": cell.month,
                "channel": cell.channel,
                "channel_label": str(labels[cell.channel]),
                "count": cell.count,
                "target": cell.target,
                "status": cell.status,
                "status_label": cell.label,
                "days_left": cell.days_left,
            }
            for row in grid.rows
            for cell in row.cells
        ],
    }


@router.get(
    "/communications/articles",
    response=list[ArticleOut],
    summary="Sổ tin, bài tuyên truyền của một cơ quan trong một năm",
)
def article_list(
    request: HttpRequest,
    agency: Id,
    year: Year | None = None,
    month: Annotated[int | None, Field(ge=1, le=12)] = None,
    channel: ChannelCode | None = None,
) -> Any:
    found = selectors.agency_for_user(user=request.user, pk=agency, fallback=None)
    articles = selectors.article_list_for_user(user=request.user, agency=found).filter(
        published_on__year=year or timezone.localdate().year
    )
    if month:
        articles = articles.filter(published_on__month=month)
    if channel:
        articles = articles.filter(channel=channel)
    return [_article(article) for article in articles[:2000]]


@router.post(
    "/communications/articles",
    response={201: ArticleOut},
    summary="Ghi sổ một tin, bài (người làm việc tại cơ quan)",
    description="`link` bắt buộc với Trang thông tin điện tử, Zalo OA, Fanpage; một đường dẫn chỉ ghi sổ một lần; "
    "`published_on` không sau hôm nay; `area` là một nội dung tuyên truyền của kế hoạch.",
)
def article_post(request: HttpRequest, agency: Id, payload: ArticleIn) -> Any:
    found = selectors.agency_for_user(user=request.user, pk=agency, fallback=None)
    article = services.article_create(
        user=request.user,
        agency=found,
        item=services.ArticleInput(
            title=payload.title,
            channel=payload.channel,
            published_on=payload.published_on,
            link=payload.link,
            area=payload.area,
            place=payload.place,
        ),
    )
    return Status(201, _article(article))


@router.get("/communications/articles/{article_id}", response=ArticleOut, summary="Một tin, bài")
def article_get(request: HttpRequest, article_id: Id) -> Any:
    return _article(selectors.article_get_for_user(user=request.user, pk=article_id))


@router.get(
    "/communications/events",
    response=list[EventOut],
    summary="Hội nghị, tập huấn tuyên truyền của một cơ quan trong một năm",
)
def event_list(request: HttpRequest, agency: Id, year: Year | None = None) -> Any:
    found = selectors.agency_for_user(user=request.user, pk=agency, fallback=None)
    events = selectors.event_list_for_user(user=request.user, agency=found).filter(
        held_on__year=year or timezone.localdate().year
    )
    return [_event(event) for event in events]


@router.get(
    "/communications/check",
    response=CheckOut,
    summary="Kiểm tra chỉ tiêu theo tháng: mỗi tháng, mỗi kênh có chỉ tiêu với số tin, bài, chỉ tiêu, trạng thái",
    description="Trạng thái: `met` đạt; `missed` chưa đạt (tháng đã qua); `open` tháng đang diễn ra chưa đạt "
    "(`days_left` ngày còn lại); `upcoming` chưa đến kỳ; `outside` ngoài thời gian của kế hoạch.",
)
def check(request: HttpRequest, agency: Id, year: Year | None = None) -> Any:
    found = selectors.agency_for_user(user=request.user, pk=agency, fallback=None)
    today = timezone.localdate()
    return check_payload(agency=found, year=year or today.year, today=today)


class PeriodQuery(Schema):
    period: Annotated[str, Field(max_length=16)] = ""


@router.get(
    "/communications/indicators",
    response=list[IndicatorOut],
    summary="Chỉ số tuyên truyền của một kỳ: số tin, bài; tỷ lệ tháng đạt chỉ tiêu; tỷ lệ nội dung có tin, bài",
    description="`period`: 2026, 2026-H1, 2026-Q3 hoặc 2026-03 (mặc định năm nay).",
)
def indicators(request: HttpRequest, agency: Id, query: Query[PeriodQuery]) -> Any:
    found = selectors.agency_for_user(user=request.user, pk=agency, fallback=None)
    today = timezone.localdate()
    try:
        period = parse_period(query.period or str(today.year))
    except PeriodError as error:
        raise ValidationError({"period": str(error)}) from error
    figures = selectors.indicator_figures(agency=found, start=period.start, end=period.end, today=today)
    return [
        {
            "code": code,
            "value": figure.value,
            "numerator": figure.numerator,
            "denominator": figure.denominator,
            "provenance": figure.provenance,
        }
        for code, figure in figures.items()
    ]
