"""Pages of the communication register: the month × channel grid (home), the register with its filters and
Excel export, the entry forms (one article, pasted links confirmed as draft rows, a spreadsheet, an event), an
article with its evidence, and a plan's targets. Thin: reads in selectors, writes in services."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from apps.core.files import file_response
from apps.core.forms import add_service_errors
from apps.core.ids import parse_id, parse_int
from apps.organizations.models import Agency

from . import selectors, services
from .exports import import_template_xlsx, register_to_xlsx
from .fetch import fetch_many
from .forms import ArticleForm, DraftFormSet, EventForm, ImportForm, PasteForm, RegisterFilter, TargetsForm

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _int(value: Any) -> int | None:
    """An id from the query string; anything else (text, huge, negative) is no id."""
    return parse_id(value)


def _year(request: HttpRequest) -> int:
    year = parse_int(request.GET.get("year"), lowest=2000, highest=2100)
    return year or timezone.localdate().year


def _viewed_agency(request: HttpRequest) -> Agency:
    return selectors.agency_for_user(
        user=request.user, pk=_int(request.GET.get("agency")), fallback=getattr(request, "agency", None)
    )


def _entry_agency(request: HttpRequest) -> Agency:
    """The agency the user works in now, where they may enter articles; refused otherwise."""
    agency = getattr(request, "agency", None)
    if agency is None or not request.user.has_perm(services.RECORD, agency):
        raise PermissionDenied("Bạn không có quyền ghi sổ tin, bài tuyên truyền của cơ quan đang chọn.")
    return agency


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The month × channel grid of a year, coloured by status, with the plan's targets and coverage."""
    agency = _viewed_agency(request)
    plan = selectors.current_plan(agency=agency, pk=_int(request.GET.get("plan")))
    today = timezone.localdate()
    grid = selectors.month_grid(agency=agency, plan=plan, year=_year(request), today=today)
    context = {
        "agency": agency,
        "grid": grid,
        "plans": selectors.communication_plans(agency=agency),
        "targets_saved": selectors.targets_saved(plan),
        "can_record": request.user.has_perm(services.RECORD, agency)
        and getattr(request, "agency", None) == agency,
        "can_set_targets": plan is not None and request.user.has_perm(services.TARGETS, agency),
        "years": range(today.year - 2, today.year + 1),
        "today": today,
    }
    return render(request, "communications/home.html", context)


def _register(request: HttpRequest) -> tuple[Agency, RegisterFilter, Any, int]:
    agency = _viewed_agency(request)
    year = _year(request)
    form = RegisterFilter(request.GET or None)
    articles = selectors.article_list_for_user(user=request.user, agency=agency).filter(
        published_on__year=year
    )
    if form.is_valid():
        data = form.cleaned_data
        if data.get("month"):
            articles = articles.filter(published_on__month=data["month"])
        if data.get("channel"):
            articles = articles.filter(channel=data["channel"])
        if data.get("area"):
            articles = articles.filter(area__name=data["area"])
        if data.get("q"):
            articles = articles.filter(title__icontains=data["q"])
    return agency, form, articles, year


@login_required
def register(request: HttpRequest) -> HttpResponse:
    agency, form, articles, year = _register(request)
    plan = selectors.current_plan(agency=agency)
    query = request.GET.copy()
    query["agency"] = str(agency.pk)
    context = {
        "agency": agency,
        "form": form,
        "articles": articles[:500],
        "count": articles.count(),
        "year": year,
        "areas": selectors.area_names(plan),
        "events": selectors.event_list_for_user(user=request.user, agency=agency).filter(held_on__year=year),
        "export_query": query.urlencode(),
        "can_record": request.user.has_perm(services.RECORD, agency)
        and getattr(request, "agency", None) == agency,
    }
    return render(request, "communications/register.html", context)


@login_required
def register_export(request: HttpRequest) -> HttpResponse:
    agency, _form, articles, year = _register(request)
    title = f"Sổ tin, bài tuyên truyền CCHC năm {year} — {agency.name}"
    return _xlsx(register_to_xlsx(articles, title=title), f"tin-bai-tuyen-truyen-{year}-{agency.code}.xlsx")


@login_required
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = selectors.article_get_for_user(user=request.user, pk=pk)
    return render(request, "communications/article.html", {"article": article})


@login_required
def evidence_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    article = selectors.article_get_for_user(user=request.user, pk=pk)
    return file_response(article.evidence, filename=article.evidence_name or "minh-chung")


def _month_url(agency: Agency, day: date) -> str:
    return f"{reverse('communications:home')}?agency={agency.pk}&year={day.year}#thang-{day.month}"


@login_required
def article_create(request: HttpRequest) -> HttpResponse:
    agency = _entry_agency(request)
    plan = selectors.current_plan(agency=agency)
    form = ArticleForm(
        request.POST or None,
        request.FILES or None,
        units=selectors.agency_units(agency=agency),
        areas=selectors.area_names(plan),
    )
    if request.method == "POST" and form.is_valid():
        try:
            article = services.article_create(
                user=request.user,
                agency=agency,
                item=form.item(),
                plan=plan,
                evidence=form.cleaned_data["evidence"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Đã ghi sổ “{article.title}”.")
            return redirect(_month_url(agency, article.published_on))
    status = 400 if request.method == "POST" else 200
    return render(
        request, "communications/article_form.html", {"form": form, "agency": agency}, status=status
    )


@login_required
def paste_links(request: HttpRequest) -> HttpResponse:
    """Step 1: paste links, one per line. Step 2: each link a draft row (title and date read from its page
    where the server reached it), corrected and confirmed; nothing is saved before the confirmation."""
    agency = _entry_agency(request)
    plan = selectors.current_plan(agency=agency)
    areas = selectors.area_names(plan)
    context: dict[str, Any] = {"agency": agency, "areas": areas}
    if request.method == "POST" and request.POST.get("step") == "confirm":
        formset = DraftFormSet(request.POST, areas=areas)  # type: ignore[call-arg]
        if formset.is_valid():
            items = [form.item() for form in formset.forms if form.cleaned_data.get("keep")]
            try:
                articles = services.articles_create_many(
                    user=request.user, agency=agency, items=items, plan=plan
                )
            except ValidationError as error:
                context["errors"] = error.messages
            else:
                messages.success(request, f"Đã ghi sổ {len(articles)} tin, bài.")
                return redirect(_month_url(agency, max(article.published_on for article in articles)))
        context["formset"] = formset
        return render(request, "communications/paste.html", context, status=400)
    form = PasteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        lines = form.cleaned_data["links"]
        facts = fetch_many([line.link for line in lines])
        initial = []
        for line in lines:
            found = facts.get(line.link)
            initial.append(
                {
                    "keep": True,
                    "link": line.link,
                    "title": found.title if found else "",
                    "published_on": found.published_on if found else None,
                    "channel": form.cleaned_data["channel"],
                }
            )
        context["formset"] = DraftFormSet(initial=initial, areas=areas)  # type: ignore[call-arg]
        context["fetched"] = len(facts)
        context["total"] = len(lines)
        return render(request, "communications/paste.html", context)
    context["form"] = form
    return render(
        request, "communications/paste.html", context, status=400 if request.method == "POST" else 200
    )


@login_required
def import_xlsx(request: HttpRequest) -> HttpResponse:
    agency = _entry_agency(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            count = services.article_import_xlsx(
                user=request.user, agency=agency, uploaded=form.cleaned_data["file"]
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                add_service_errors(form, error)
            else:
                errors = error.messages
        else:
            messages.success(request, f"Đã nhập {count} tin, bài từ tệp Excel.")
            return redirect(f"{reverse('communications:register')}?agency={agency.pk}")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "communications/import.html",
        {"form": form, "errors": errors, "agency": agency},
        status=status,
    )


@login_required
def import_template(request: HttpRequest) -> HttpResponse:
    return _xlsx(import_template_xlsx(), "mau-nhap-tin-bai-tuyen-truyen.xlsx")


@login_required
def event_create(request: HttpRequest) -> HttpResponse:
    agency = _entry_agency(request)
    plan = selectors.current_plan(agency=agency)
    form = EventForm(request.POST or None, areas=selectors.area_names(plan))
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_create(user=request.user, agency=agency, plan=plan, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Đã ghi sổ “{event.title}”.")
            return redirect(
                f"{reverse('communications:register')}?agency={agency.pk}&year={event.held_on.year}"
            )
    status = 400 if request.method == "POST" else 200
    return render(request, "communications/event_form.html", {"form": form, "agency": agency}, status=status)


@login_required
def targets(request: HttpRequest, pk: int) -> HttpResponse:
    """A plan's targets per channel and its content areas, prefilled from the plan's text until set."""
    plan = selectors.plan_for_user(user=request.user, pk=pk)
    can_set = request.user.has_perm(services.TARGETS, plan.agency)
    if request.method == "POST" and not can_set:
        raise PermissionDenied("Chỉ đầu mối, lãnh đạo của cơ quan được đặt chỉ tiêu tuyên truyền.")
    current = selectors.plan_targets(plan)
    initial: dict[str, Any] = {f"target_{channel}": count for channel, count in current.items()}
    initial["areas"] = "\n".join(selectors.area_names(plan))
    form = TargetsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.targets_save(
                user=request.user, plan=plan, per_month=form.per_month(), areas=form.area_lines()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Đã lưu chỉ tiêu và nội dung tuyên truyền của kế hoạch.")
            return redirect(f"{reverse('communications:home')}?agency={plan.agency_id}&plan={plan.pk}")
    context = {
        "plan": plan,
        "form": form,
        "can_set": can_set,
        "saved": selectors.targets_saved(plan),
        "suggested": selectors.suggested_targets(plan),
    }
    return render(request, "communications/targets.html", context, status=400 if form.errors else 200)
