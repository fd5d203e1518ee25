"""The transparency portal: the publisher's settings page (signed in) and the public pages (no sign-in, no
script, cached). Thin: reads in selectors, writes in services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse

from apps.core.ids import parse_id
from apps.organizations.models import Agency
from apps.organizations.selectors import agency_get_for_user

from . import selectors, services
from .forms import SelectionForm


def _publisher_agency(request: HttpRequest) -> Agency:
    agency_id = parse_id(request.GET.get("agency"))
    if agency_id is not None:
        agency = agency_get_for_user(user=request.user, pk=agency_id)
    else:
        agency = request.agency  # type: ignore[attr-defined]
        if not agency:
            raise Http404("Bạn chưa có vai trò ở cơ quan nào.")
    if not request.user.has_perm(services.PUBLISH, agency):
        raise PermissionDenied("Chỉ đầu mối CCHC hoặc lãnh đạo của cơ quan được chọn số liệu công khai.")
    return agency


@login_required
def settings_page(request: HttpRequest) -> HttpResponse:
    agency = _publisher_agency(request)
    back = f"{reverse('transparency:settings')}?agency={agency.pk}"
    if request.method == "POST":
        withdraw = request.POST.get("withdraw", "").strip()
        if withdraw:
            if services.publication_withdraw(user=request.user, agency=agency, key=withdraw):
                messages.success(request, "Đã gỡ số liệu khỏi trang công khai.")
            else:
                messages.info(request, "Số liệu này không còn trên trang công khai.")
            return redirect(back)
        form = SelectionForm(request.POST)
        if form.is_valid():
            try:
                change = services.publication_set(
                    user=request.user, agency=agency, keys=form.cleaned_data["keys"]
                )
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
            else:
                if change.changed:
                    messages.success(
                        request,
                        f"Đã cập nhật trang công khai: thêm {len(change.added)}, gỡ {len(change.removed)} số liệu.",
                    )
                else:
                    messages.info(request, "Không có thay đổi.")
                return redirect(back)
        else:
            for errors in form.errors.values():
                for problem in errors:
                    messages.error(request, str(problem))
    live = list(selectors.live_publications(agency=agency))
    titles = selectors.spec_titles()
    context = {
        "agency": agency,
        "groups": selectors.spec_groups(),
        "live": {p.key for p in live},
        "live_rows": [(titles.get(p.key, p.key), p) for p in live],
        "history": [(titles.get(p.key, p.key), p) for p in selectors.withdrawn_publications(agency=agency)],
        "public_url": reverse("transparency:agency", args=[agency.code]),
    }
    return render(request, "transparency/settings.html", context)


def _not_published(request: HttpRequest, title: str, message: str) -> HttpResponse:
    return render(
        request, "transparency/public_message.html", {"title": title, "message": message}, status=404
    )


def public_index(request: HttpRequest) -> HttpResponse:
    return render(request, "transparency/public_index.html", {"provinces": selectors.public_index()})


def public_agency(request: HttpRequest, code: str) -> HttpResponse:
    agency = selectors.public_agency(code=code)
    if agency is None:
        return _not_published(request, "Không tìm thấy cơ quan", f"Không có cơ quan nào mang mã “{code}”.")
    key = selectors.agency_cache_key(agency.pk)
    html = selectors.cached_html(key)
    if html is None:
        page = selectors.agency_page(agency=agency)
        if not page.count:
            return _not_published(
                request,
                agency.name,
                f"{agency.name} chưa công khai số liệu nào trên cổng này. Vui lòng quay lại sau.",
            )
        context = {"page": page, "province": selectors.province_of(agency)}
        html = render_to_string("transparency/public_agency.html", context, request)
        selectors.keep_html(key, html)
    return HttpResponse(html)


def public_province(request: HttpRequest, code: str) -> HttpResponse:
    province = selectors.public_province(code=code)
    if province is None:
        return _not_published(
            request, "Không tìm thấy tỉnh", f"Không có tỉnh, thành phố nào mang mã “{code}”."
        )
    key = selectors.province_cache_key(province.pk)
    html = selectors.cached_html(key)
    if html is None:
        page = selectors.province_page(province=province)
        if not page.agencies:
            return _not_published(
                request,
                province.name,
                f"Chưa có cơ quan nào của {province.name} công khai số liệu trên cổng này.",
            )
        html = render_to_string("transparency/public_province.html", {"page": page}, request)
        selectors.keep_html(key, html)
    return HttpResponse(html)
