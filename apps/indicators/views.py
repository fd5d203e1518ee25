"""Indicator pages: the agency scorecard with drill-down, the province ranking, plan targets against their
indicators, the catalogue, entered measurements and the published 766 points."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from apps.core.charts import Chart, Empty, Series
from apps.core.files import file_response
from apps.core.ids import parse_id
from apps.organizations.selectors import agency_get_for_user, agency_list_for_user
from apps.plans.selectors import plan_list_for_user
from domain.indicators.target_status import STATUS_LABELS
from domain.periods import Period, PeriodError, parse_period

from . import selectors, services
from .choices import Method
from .forms import MeasurementForm, ScoreImportForm, ServiceScoreForm, TargetLinkForm
from .scorecard import agency_scorecard, agency_values, default_period, province_ranking, target_rows


def _period_from(request: HttpRequest) -> Period:
    text = request.GET.get("period", "").strip()
    if not text:
        return default_period()
    try:
        return parse_period(text)
    except PeriodError as error:
        messages.error(request, str(error))
        return default_period()


def _agency_from(request: HttpRequest) -> Any:
    agency_id = parse_id(request.GET.get("agency"))
    if agency_id is not None:
        return agency_get_for_user(user=request.user, pk=agency_id)
    current = getattr(request, "agency", None)
    if current:
        return current
    return agency_list_for_user(user=request.user).first()


def _writable(request: HttpRequest, perm: str) -> Any:
    agencies = agency_list_for_user(user=request.user)
    return agencies.filter(pk__in=[agency.pk for agency in agencies if request.user.has_perm(perm, agency)])


@login_required
def scorecard(request: HttpRequest) -> HttpResponse:
    agency = _agency_from(request)
    period = _period_from(request)
    if agency is None:
        return render(request, "indicators/scorecard.html", {"card": None, "period": period})
    card = agency_scorecard(agency=agency, period=period)
    if request.GET.get("format") == "json":
        return JsonResponse(card.values.as_json(), json_dumps_params={"ensure_ascii": False})
    context = {
        "card": card,
        "period": period,
        "agencies": agency_list_for_user(user=request.user),
        "previous": period.previous(),
        "next": period.next(),
        "can_snapshot": request.user.has_perm("indicators.record_measurement", agency),
        "chart": _chart(card.trend),
    }
    return render(request, "indicators/scorecard.html", context)


def _chart(trend: list[Any]) -> Chart:
    """The 12-month trend of the three dossier rates, drawn like every other chart (0–100 %)."""

    def series(name: str, attribute: str, tone: str) -> Series:
        values = tuple(None if getattr(p, attribute) is None else float(getattr(p, attribute)) for p in trend)
        return Series(name, values, tone)

    return Chart(
        kind="line",
        unit="%",
        max_value=100,
        title="Tỷ lệ hồ sơ đúng hạn, trực tuyến, số hóa theo tháng",
        axis="Tháng",
        ident="trend-chart",
        labels=tuple(f"{p.period.start.month}/{p.period.start.year}" for p in trend),
        series=(
            series("Đúng hạn", "on_time", "good"),
            series("Trực tuyến", "online", "info"),
            series("Số hóa", "digitised", "warn"),
        ),
        empty=Empty(
            "Chưa có hồ sơ thủ tục hành chính nào trong 12 tháng này, nên chưa tính được các tỷ lệ. "
            "Số liệu có sau khi nhập dữ liệu hồ sơ từ hệ thống một cửa.",
            "Nhập dữ liệu hồ sơ",
            reverse("dossiers:dossier_import"),
        ),
    )


@login_required
@require_POST
def snapshot(request: HttpRequest) -> HttpResponse:
    agency = agency_get_for_user(user=request.user, pk=parse_id(request.POST.get("agency")) or 0)
    if not request.user.has_perm("indicators.record_measurement", agency):
        raise PermissionDenied("Bạn không có quyền chốt số liệu của cơ quan này.")
    try:
        saved = services.measurement_snapshot(
            agency=agency, period=request.POST.get("period", ""), user=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Đã chốt {len(saved)} số liệu tính tự động của kỳ.")
    return redirect(f"{request.POST.get('next') or '/chi-so/'}")


@login_required
def province(request: HttpRequest) -> HttpResponse:
    period = _period_from(request)
    agencies = agency_list_for_user(user=request.user).order_by("name")
    rows = province_ranking(agencies=agencies, period=period)
    chart = Chart(
        title=f"Điểm ước tính theo Quyết định 766 — {period.label}",
        caption="(thang điểm 100)",
        axis="Cơ quan",
        ident="ranking-chart",
        max_value=100,
        labels=tuple(row.agency.name for row in rows),
        links=tuple(
            f"{reverse('indicators:scorecard')}?agency={row.agency.pk}&period={period.code}" for row in rows
        ),
        series=(
            Series(
                "Điểm ước tính",
                tuple(None if row.estimated_total is None else float(row.estimated_total) for row in rows),
                "info",
            ),
        ),
        empty=Empty(
            f"Chưa cơ quan nào có số liệu hồ sơ, phản ánh kiến nghị trong {period.label.lower()}. "
            "Số liệu có sau khi các cơ quan nhập dữ liệu hồ sơ từ hệ thống một cửa.",
            "Nhập dữ liệu hồ sơ",
            reverse("dossiers:dossier_import"),
        ),
    )
    context = {
        "rows": rows,
        "chart": chart,
        "period": period,
        "previous": period.previous(),
        "next": period.next(),
    }
    return render(request, "indicators/province.html", context)


@login_required
def targets(request: HttpRequest) -> HttpResponse:
    agency = _agency_from(request)
    found = selectors.target_list_for_user(user=request.user, agency_id=agency.pk if agency else None)
    rows = target_rows(targets=found)
    catalogue = selectors.indicators_in_force(on=timezone.localdate())
    can_link = bool(agency) and request.user.has_perm("indicators.link_target", agency)
    for row in rows:
        initial = {
            "version": row.link.version if row.link else 0,
            "indicator": row.indicator.pk if row.indicator else None,
            "assigned_value": row.link.assigned_value if row.link else None,
            "baseline_value": row.link.baseline_value if row.link else None,
        }
        row.form = TargetLinkForm(indicators=catalogue, initial=initial, prefix=f"t{row.target.pk}")
    context = {
        "agency": agency,
        "rows": rows,
        "agencies": agency_list_for_user(user=request.user),
        "can_link": can_link,
        "labels": STATUS_LABELS,
        "plans": plan_list_for_user(user=request.user).filter(agency=agency) if agency else [],
    }
    return render(request, "indicators/targets.html", context)


@login_required
@require_POST
def target_link(request: HttpRequest, pk: int) -> HttpResponse:
    target = selectors.target_get_for_user(user=request.user, pk=pk)
    agency = target.objective.plan.agency
    if not request.user.has_perm("indicators.link_target", agency):
        raise PermissionDenied("Bạn không có quyền xác nhận chỉ tiêu của cơ quan này.")
    form = TargetLinkForm(
        request.POST, indicators=selectors.indicators_in_force(on=timezone.localdate()), prefix=f"t{pk}"
    )
    if form.is_valid():
        try:
            services.target_link_decide(
                target=target,
                indicator=form.cleaned_data["indicator"],
                user=request.user,
                assigned_value=form.cleaned_data["assigned_value"],
                baseline_value=form.cleaned_data["baseline_value"],
                expected_version=form.expected_version,
            )
        except ValidationError as error:
            messages.error(request, "Không lưu được: " + " ".join(error.messages))
        else:
            messages.success(request, "Đã xác nhận chỉ số của chỉ tiêu.")
    else:
        messages.error(
            request, "Không lưu được: " + "; ".join(str(e) for errors in form.errors.values() for e in errors)
        )
    return redirect(f"/chi-so/chi-tieu/?agency={agency.pk}#t{pk}")


@login_required
@require_POST
def targets_propose(request: HttpRequest) -> HttpResponse:
    plan_id = parse_id(request.POST.get("plan"))
    plan = plan_list_for_user(user=request.user).filter(pk=plan_id).first() if plan_id else None
    if plan is None:
        messages.error(request, "Không tìm thấy kế hoạch.")
        return redirect("indicators:targets")
    if not request.user.has_perm("indicators.link_target", plan.agency):
        raise PermissionDenied("Bạn không có quyền xác nhận chỉ tiêu của cơ quan này.")
    created = services.target_links_propose(plan=plan)
    messages.success(request, f"Đã đề xuất chỉ số cho {len(created)} chỉ tiêu; hãy kiểm tra và xác nhận.")
    return redirect(f"/chi-so/chi-tieu/?agency={plan.agency_id}")


@login_required
def catalogue(request: HttpRequest) -> HttpResponse:
    indicators = selectors.indicators_in_force(on=timezone.localdate())
    groups = selectors.groups_in_force(on=timezone.localdate()).order_by("order")
    return render(request, "indicators/catalogue.html", {"indicators": indicators, "groups": groups})


@login_required
def measurements(request: HttpRequest) -> HttpResponse:
    agencies = _writable(request, "indicators.record_measurement")
    indicators = selectors.indicators_in_force(on=timezone.localdate()).exclude(
        method__in=[Method.DOSSIERS, Method.FEEDBACK]
    )
    current = getattr(request, "agency", None)
    initial = {"agency": current.pk} if current and agencies.filter(pk=current.pk).exists() else {}
    initial["period"] = request.GET.get("period") or default_period().code
    form = MeasurementForm(
        request.POST or None, request.FILES or None, indicators=indicators, agencies=agencies, initial=initial
    )
    if request.method == "POST":
        if not agencies.exists():
            raise PermissionDenied("Bạn không có quyền nhập số liệu chỉ số.")
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.measurement_record(
                    indicator=data["indicator"],
                    agency=data["agency"],
                    unit=data["unit"],
                    period=data["period"],
                    value=data["value"],
                    numerator=data["numerator"],
                    denominator=data["denominator"],
                    evidence=data["evidence"],
                    note=data["note"],
                    user=request.user,
                )
            except ValidationError as error:
                for name, errors in error.message_dict.items():
                    form.add_error(name if name in form.fields else None, errors)
            else:
                messages.success(request, "Đã lưu số liệu.")
                return redirect("indicators:measurements")
    recent = selectors.measurement_list_for_user(user=request.user)[:50]
    return render(
        request,
        "indicators/measurements.html",
        {"form": form, "recent": recent, "can_enter": agencies.exists()},
    )


@login_required
def evidence_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The evidence of a measurement, for whoever may read the measurement (another agency's id is a 404)."""
    measurement = selectors.measurement_get_for_user(user=request.user, pk=pk)
    if not measurement.evidence:
        raise Http404("Số liệu này không có tệp minh chứng.")
    return file_response(measurement.evidence, filename=measurement.evidence_name or "minh-chung")


@login_required
def service_scores(request: HttpRequest) -> HttpResponse:
    agencies = _writable(request, "indicators.record_service_score")
    month = request.POST.get("month") or default_period().code
    try:
        groups = services.groups_for_form(month=month)
    except ValidationError:
        groups = services.groups_for_form(month=default_period().code)
    current = getattr(request, "agency", None)
    initial = {"agency": current.pk if current else None, "month": default_period().code}
    form = ServiceScoreForm(
        request.POST if request.POST.get("action") == "enter" else None,
        agencies=agencies,
        groups=groups,
        initial=initial,
    )
    upload = ScoreImportForm(
        request.POST if request.POST.get("action") == "import" else None,
        request.FILES if request.POST.get("action") == "import" else None,
    )
    result = None
    if request.method == "POST":
        if not agencies.exists():
            raise PermissionDenied("Bạn không có quyền nhập điểm QĐ 766.")
        if request.POST.get("action") == "enter" and form.is_valid():
            try:
                services.service_scores_record(
                    agency=form.cleaned_data["agency"],
                    month=form.cleaned_data["month"],
                    points=form.points(),
                    user=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, "Đã lưu điểm công bố.")
                return redirect("indicators:service_scores")
        elif request.POST.get("action") == "import" and upload.is_valid():
            result = services.service_scores_import(
                stream=upload.cleaned_data["file"].file,
                filename=upload.cleaned_data["file"].name,
                allowed_agency_ids={agency.pk for agency in agencies},
                user=request.user,
            )
            (messages.success if result.saved else messages.warning)(request, result.message)
    scores = selectors.service_score_list_for_user(user=request.user)[:100]
    context = {
        "form": form,
        "upload": upload,
        "result": result,
        "scores": scores,
        "can_enter": agencies.exists(),
    }
    return render(request, "indicators/service_scores.html", context)


@login_required
def values_json(request: HttpRequest) -> HttpResponse:
    """The same JSON as `cchc indicators show --json`, for one agency and period."""
    agency = _agency_from(request)
    if agency is None:
        return JsonResponse({"detail": "Không tìm thấy cơ quan."}, status=404)
    try:
        period = parse_period(request.GET.get("period", ""))
    except PeriodError as error:
        return JsonResponse({"detail": str(error)}, status=422)
    values = agency_values(agency=agency, period=period)
    return JsonResponse(values.as_json(), json_dumps_params={"ensure_ascii": False})
