"""JSON endpoints for reports: the same selectors and services as the pages."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema, Status

from apps.core.ids import Id
from apps.organizations.selectors import agency_get_for_user

from . import export, selectors, services

router = Router(tags=["Báo cáo"])


class ReportOut(Schema):
    id: int
    agency_id: int
    agency_code: str
    report_type: str
    period_code: str
    status: str
    window_start: date
    window_end: date
    deadline: date
    number: str
    symbol: str
    issued_on: date | None
    subject: str
    sent_on: date | None
    version: int

    @staticmethod
    def resolve_agency_code(obj: object) -> str:
        return obj.agency.code  # type: ignore[attr-defined]


class ContributionOut(Schema):
    id: int
    unit_id: int
    unit_name: str
    status: str
    submitted_at: str | None
    version: int

    @staticmethod
    def resolve_unit_name(obj: object) -> str:
        return obj.unit.name  # type: ignore[attr-defined]

    @staticmethod
    def resolve_submitted_at(obj: object) -> str | None:
        value = obj.submitted_at  # type: ignore[attr-defined]
        return value.isoformat() if value else None


class ReportDetailOut(ReportOut):
    contributions: list[ContributionOut]

    @staticmethod
    def resolve_contributions(obj: object) -> list[object]:
        return list(selectors.contribution_list(report=obj))  # type: ignore[arg-type]


class ReportQuery(Schema):
    agency: Id | None = None
    kind: str | None = None
    period: str | None = None
    status: str | None = None


class DueOut(Schema):
    agency_id: int
    report_type: str
    period_code: str
    window_start: date
    window_end: date
    deadline: date
    state: str
    report_id: int | None


class DueQuery(Schema):
    agency: Id
    on: date | None = None
    within_days: int = Field(7, ge=0, le=366)


class ReportIn(Schema):
    agency: Id
    report_type: str
    period_code: str


@router.get("/reports", response=list[ReportOut], summary="Báo cáo định kỳ được xem")
def report_list(request: HttpRequest, filters: Query[ReportQuery]) -> object:
    queryset = selectors.report_list_for_user(user=request.user)
    if filters.agency:
        queryset = queryset.filter(agency_id=filters.agency)
    if filters.kind:
        queryset = queryset.filter(report_type=filters.kind)
    if filters.period:
        queryset = queryset.filter(period_code=filters.period.upper())
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    return queryset[:1000]


@router.get("/reports/due", response=list[DueOut], summary="Báo cáo sắp đến hạn hoặc quá hạn của một cơ quan")
def report_due(request: HttpRequest, filters: Query[DueQuery]) -> object:
    from django.utils import timezone

    agency = agency_get_for_user(user=request.user, pk=filters.agency)
    items = selectors.reports_due_for(
        agency, filters.on or timezone.localdate(), within_days=max(0, filters.within_days)
    )
    return [
        DueOut(
            agency_id=agency.pk,
            report_type=item.due.kind,
            period_code=item.due.code,
            window_start=item.due.window_start,
            window_end=item.due.window_end,
            deadline=item.due.deadline,
            state=item.state,
            report_id=item.report.pk if item.report else None,
        )
        for item in items
    ]


@router.get("/reports/{report_id}", response=ReportDetailOut, summary="Một báo cáo và nội dung các đơn vị")
def report_get(request: HttpRequest, report_id: Id) -> object:
    return selectors.report_get_for_user(user=request.user, pk=report_id)


@router.post("/reports", response={201: ReportOut}, summary="Lập dự thảo báo cáo của một kỳ")
def report_create(request: HttpRequest, payload: ReportIn) -> object:
    agency = agency_get_for_user(user=request.user, pk=payload.agency)
    return Status(
        201,
        services.report_create(
            agency=agency, report_type=payload.report_type, period_code=payload.period_code, user=request.user
        ),
    )


@router.get("/reports/{report_id}/docx", summary="Tệp Word của báo cáo")
def report_docx(request: HttpRequest, report_id: Id) -> HttpResponse:
    report = selectors.report_get_for_user(user=request.user, pk=report_id)
    response = HttpResponse(export.report_docx(report).data, content_type=export.DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{export.file_name(report, "docx")}"'
    return response


@router.get("/reports/{report_id}/xlsx", summary="Phụ lục Excel của báo cáo")
def report_xlsx(request: HttpRequest, report_id: Id) -> HttpResponse:
    report = selectors.report_get_for_user(user=request.user, pk=report_id)
    response = HttpResponse(export.report_xlsx(report), content_type=export.XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{export.file_name(report, "xlsx")}"'
    return response
