"""Pages of the civil-servant ratings: "Đánh giá của tôi" (a person's period with every product behind each
point), the team view of a unit head, the agency view (distribution, the cap, units compared and rated, the
decision), and the forms that post to the services. Thin: reads in sheets/selectors, writes in services."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from apps.core.forms import add_service_errors, points_as_text
from apps.organizations.models import Agency, Person
from domain.periods import Period

from . import selectors, services
from .choices import RatingStatus, TaskGroup
from .forms import (
    AmendForm,
    DecideForm,
    ExtraForm,
    PolicyForm,
    ProductForm,
    ScoreForm,
    SelfAssessForm,
    UnitScoreForm,
)
from .sheets import person_sheet, rating_period


def _period(request: HttpRequest) -> Period:
    code = request.GET.get("ky") or request.POST.get("ky")
    if not code:
        return selectors.default_period()
    try:
        return rating_period(code)
    except ValidationError as error:
        raise Http404(error.messages[0]) from error


def _agency(request: HttpRequest) -> Agency:
    agency = request.agency  # type: ignore[attr-defined]
    if not agency:
        raise PermissionDenied("Bạn chưa thuộc cơ quan nào.")
    return agency  # type: ignore[no-any-return]


def _person(user: Any, pk: int) -> Person:
    """A person the user may see the rating of; another agency's is 'not found', never 'forbidden'."""
    person = selectors.person_by_pk(pk)
    if person is None or not user.has_perm("ratings.view_person", person):
        raise Http404("Không tìm thấy cán bộ.")
    return person


def _back(person: Person, period: Period) -> str:
    return f"{reverse('ratings:person', args=[person.pk])}?ky={period.code}"


def _nav(request: HttpRequest, agency: Agency | None) -> dict[str, Any]:
    user = request.user
    return {
        "can_team": agency is not None and user.has_perm("ratings.view_team", agency),
        "can_agency": agency is not None and user.has_perm("ratings.view_agency", agency),
        "periods": selectors.period_choices(),
    }


def _person_page(
    request: HttpRequest,
    person: Person,
    period: Period,
    forms: dict[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    sheet = person_sheet(person, period)
    rating = sheet.rating
    is_self = getattr(user, "person_id", None) == person.pk
    can_score = user.has_perm("ratings.score_person", person)
    can_decide = user.has_perm("ratings.decide", person.agency)
    ended = period.end < services._today()
    decided = rating is not None and rating.is_decided
    forms = forms or {}
    version = rating.version if rating else 0
    if is_self and ended and not decided and (rating is None or rating.status != RatingStatus.SCORED):
        forms.setdefault(
            "self_form",
            SelfAssessForm(
                initial={
                    "version": version,
                    "general": points_as_text(rating.self_general) if rating else "",
                    "comment": rating.self_comment if rating else "",
                }
            ),
        )
    if can_score and ended and not decided:
        forms.setdefault(
            "score_form",
            ScoreForm(
                initial={
                    "version": version,
                    "general": points_as_text(
                        rating.general_points
                        if rating and rating.general_points is not None
                        else (rating.self_general if rating else None)
                    ),
                    "reason": rating.general_reason if rating else "",
                    "task_group": rating.task_group if rating else services._task_group_of(person),
                    "leader_d": points_as_text(rating.leader_d) if rating else "",
                    "leader_dd": points_as_text(rating.leader_dd) if rating else "",
                    "leader_e": points_as_text(rating.leader_e) if rating else "",
                    "violations": rating.violations if rating else [],
                    "violation_note": rating.violation_note if rating else "",
                }
            ),
        )
        forms.setdefault("extra_form", ExtraForm(initial={"version": 0, "units": "1", "major_faults": 0}))
    if can_decide and rating is not None and rating.is_decided:
        forms.setdefault(
            "amend_form",
            AmendForm(
                initial={
                    "version": version,
                    "general": points_as_text(rating.general_points),
                    "violations": rating.violations,
                }
            ),
        )
    agency = request.agency  # type: ignore[attr-defined]
    context = {
        "person": person,
        "period": period,
        "sheet": sheet,
        "rows": list(zip(sheet.products, sheet.scores, strict=True)),
        "is_self": is_self,
        "can_score": can_score and not decided,
        "can_edit_products": can_score and not decided,
        "ended": ended,
        "changes": rating.changes.select_related("changed_by") if rating else [],
        **forms,
        "tab": "mine" if is_self else "",
        **_nav(request, agency or None),
    }
    return render(request, "ratings/person.html", context, status=status)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Đánh giá của tôi: the signed-in person's period; without a staff record, the team or agency view."""
    period = _period(request)
    person = getattr(request.user, "person", None)
    if person is None:
        agency = request.agency  # type: ignore[attr-defined]
        if agency and request.user.has_perm("ratings.view_agency", agency):
            return redirect(f"{reverse('ratings:agency')}?ky={period.code}")
        if agency and request.user.has_perm("ratings.view_team", agency):
            return redirect(f"{reverse('ratings:team')}?ky={period.code}")
        return render(request, "ratings/no_person.html", _nav(request, agency or None))
    return _person_page(request, person, period)


@login_required
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _person_page(request, _person(request.user, pk), _period(request))


def _posted(
    request: HttpRequest, person: Person, period: Period, form_name: str, form: Any, action: Any
) -> HttpResponse:
    if form.is_valid():
        try:
            action(form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect(_back(person, period))
    return _person_page(request, person, period, {form_name: form}, status=422)


@login_required
@require_POST
def self_assess(request: HttpRequest, pk: int) -> HttpResponse:
    person, period = _person(request.user, pk), _period(request)
    form = SelfAssessForm(request.POST)

    def act(data: dict[str, Any]) -> None:
        services.rating_self_assess(
            user=request.user,
            person=person,
            period_code=period.code,
            general=data["general"],
            comment=data["comment"],
            expected_version=data["version"],
        )
        messages.success(request, f"Đã gửi bản tự đánh giá {period.label}.")

    return _posted(request, person, period, "self_form", form, act)


@login_required
@require_POST
def score(request: HttpRequest, pk: int) -> HttpResponse:
    person, period = _person(request.user, pk), _period(request)
    form = ScoreForm(request.POST)

    def act(data: dict[str, Any]) -> None:
        services.rating_score(
            user=request.user,
            person=person,
            period_code=period.code,
            general=data["general"],
            reason=data["reason"],
            task_group=data["task_group"],
            leader_d=data["leader_d"],
            leader_dd=data["leader_dd"],
            leader_e=data["leader_e"],
            violations=data["violations"],
            violation_note=data["violation_note"],
            expected_version=data["version"],
        )
        messages.success(request, f"Đã chấm {person.full_name}, {period.label}.")

    return _posted(request, person, period, "score_form", form, act)


@login_required
@require_POST
def product(request: HttpRequest, pk: int, occurrence_pk: int) -> HttpResponse:
    person, period = _person(request.user, pk), _period(request)
    occurrence = selectors.occurrence_by_pk(occurrence_pk)
    if occurrence is None:
        raise Http404("Không tìm thấy sản phẩm.")
    form = ProductForm(request.POST)
    if form.is_valid():
        try:
            services.product_set(
                user=request.user,
                occurrence=occurrence,
                person=person,
                units=form.cleaned_data["units"],
                exempt=form.cleaned_data["exempt"],
                exempt_reason=form.cleaned_data["exempt_reason"],
                confirmed=form.cleaned_data["confirmed"],
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
            return redirect(_back(person, period))
        messages.success(request, "Đã lưu quy đổi, miễn trừ của sản phẩm.")
    else:
        messages.error(request, "Quy đổi phải là một số lớn hơn 0.")
    return redirect(_back(person, period))


@login_required
@require_POST
def extra_add(request: HttpRequest, pk: int) -> HttpResponse:
    person, period = _person(request.user, pk), _period(request)
    form = ExtraForm(request.POST)

    def act(data: dict[str, Any]) -> None:
        fields = {k: v for k, v in data.items() if k != "version"}
        services.extra_save(user=request.user, person=person, **fields)
        messages.success(request, "Đã thêm việc phát sinh.")

    return _posted(request, person, period, "extra_form", form, act)


@login_required
def extra_detail(request: HttpRequest, pk: int) -> HttpResponse:
    extra = selectors.extra_by_pk(pk)
    if extra is None:
        raise Http404("Không tìm thấy việc phát sinh.")
    person = _person(request.user, extra.person_id)
    can_edit = request.user.has_perm("ratings.score_person", person)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied("Chỉ trưởng đơn vị của người này được sửa việc phát sinh.")
        form = ExtraForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.extra_save(
                    user=request.user,
                    person=person,
                    extra=extra,
                    expected_version=data["version"],
                    **{k: v for k, v in data.items() if k != "version"},
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, "Đã lưu việc phát sinh.")
                return redirect("ratings:extra", pk=extra.pk)
    else:
        form = ExtraForm(
            initial={
                "version": extra.version,
                "title": extra.title,
                "assigned_on": extra.assigned_on,
                "due_on": extra.due_on,
                "completed_on": extra.completed_on,
                "to_standard": extra.to_standard,
                "major_faults": extra.major_faults,
                "units": points_as_text(extra.units),
                "exempt": extra.exempt,
                "exempt_reason": extra.exempt_reason,
                "note": extra.note,
            }
        )
    period = rating_period(f"{extra.due_on:%Y-%m}")
    return render(
        request,
        "ratings/extra.html",
        {"extra": extra, "person": person, "form": form if can_edit else None, "period": period},
        status=422 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def amend(request: HttpRequest, pk: int) -> HttpResponse:
    rating = selectors.rating_by_pk(pk)
    if rating is None:
        raise Http404("Không tìm thấy phiếu đánh giá.")
    person = _person(request.user, rating.person_id)
    period = rating_period(rating.period)
    form = AmendForm(request.POST)

    def act(data: dict[str, Any]) -> None:
        services.rating_amend(
            user=request.user,
            rating=rating,
            general=data["general"],
            reason=data["reason"],
            violations=data["violations"],
            violation_note=data["violation_note"],
            expected_version=data["version"],
        )
        messages.success(request, "Đã điều chỉnh kết quả và ghi lý do.")

    return _posted(request, person, period, "amend_form", form, act)


@login_required
def team(request: HttpRequest) -> HttpResponse:
    agency = _agency(request)
    if not request.user.has_perm("ratings.view_team", agency):
        raise PermissionDenied("Chỉ trưởng đơn vị, đầu mối và lãnh đạo cơ quan xem được kết quả của đơn vị.")
    period = _period(request)
    sheets = selectors.team_sheets(request.user, agency, period)
    context = {
        "agency": agency,
        "period": period,
        "sheets": sheets,
        "missing": selectors.not_self_assessed(sheets),
        "ended": period.end < services._today(),
        "tab": "team",
        **_nav(request, agency),
    }
    return render(request, "ratings/team.html", context)


def _agency_page(
    request: HttpRequest,
    agency: Agency,
    period: Period,
    forms: dict[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    sheets = selectors.agency_sheets(agency, period)
    policy = selectors.policy_of(agency)
    can_decide = request.user.has_perm("ratings.decide", agency)
    forms = forms or {}
    if can_decide:
        forms.setdefault("decide_form", DecideForm())
        forms.setdefault(
            "policy_form",
            PolicyForm(
                initial={
                    "version": policy.version if policy else 0,
                    "aggregation": policy.aggregation if policy else "cumulative",
                    "quota_rounding": policy.quota_rounding if policy else "down",
                    "exception_quota_percent": points_as_text(policy.exception_quota_percent)
                    if policy
                    else "25",
                }
            ),
        )
    context = {
        "agency": agency,
        "period": period,
        "sheets": sheets,
        "distribution": selectors.distribution(sheets),
        "caps": selectors.caps(agency, sheets),
        "units": selectors.unit_lines(agency, period, sheets),
        "missing": selectors.not_self_assessed(sheets),
        "unrated": sum(1 for s in sheets if not s.final_grade),
        "waiting": [s for s in sheets if s.rating and s.rating.status == RatingStatus.SCORED],
        "decided": [s for s in sheets if s.rating and s.rating.is_decided],
        "can_decide": can_decide,
        "ended": period.end < services._today(),
        "rules": selectors.rules_for(agency),
        "policy": policy,
        "task_groups": TaskGroup,
        "tab": "agency",
        **forms,
        **_nav(request, agency),
    }
    return render(request, "ratings/agency.html", context, status=status)


@login_required
def agency_view(request: HttpRequest) -> HttpResponse:
    agency = _agency(request)
    if not request.user.has_perm("ratings.view_agency", agency):
        raise PermissionDenied("Chỉ thủ trưởng và đầu mối của cơ quan xem được kết quả toàn cơ quan.")
    return _agency_page(request, agency, _period(request))


def _agency_back(period: Period) -> HttpResponse:
    return redirect(f"{reverse('ratings:agency')}?ky={period.code}")


@login_required
@require_POST
def decide(request: HttpRequest) -> HttpResponse:
    agency, period = _agency(request), _period(request)
    form = DecideForm(request.POST)
    if form.is_valid():
        try:
            decided = services.agency_decide(
                user=request.user,
                agency=agency,
                period_code=period.code,
                exception=form.cleaned_data["exception"],
                exception_reason=form.cleaned_data["exception_reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, f"Đã quyết định xếp loại {len(decided)} người, {period.label}; kết quả đã khóa."
            )
            return _agency_back(period)
    return _agency_page(request, agency, period, {"decide_form": form}, status=422)


@login_required
@require_POST
def unit_score(request: HttpRequest) -> HttpResponse:
    agency, period = _agency(request), _period(request)
    form = UnitScoreForm(request.POST)
    if form.is_valid():
        unit = None
        if form.cleaned_data["unit"]:
            unit = selectors.unit_of(agency, form.cleaned_data["unit"])
            if unit is None:
                raise Http404("Không tìm thấy đơn vị.")
        try:
            services.unit_rating_score(
                user=request.user,
                agency=agency,
                unit=unit,
                period_code=period.code,
                general=form.cleaned_data["general"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
        else:
            messages.success(request, "Đã chấm tiêu chí chung của đơn vị.")
    else:
        messages.error(request, "Hãy nhập điểm tiêu chí chung và lý do.")
    return _agency_back(period)


@login_required
@require_POST
def policy(request: HttpRequest) -> HttpResponse:
    agency, period = _agency(request), _period(request)
    form = PolicyForm(request.POST)
    if form.is_valid():
        try:
            services.policy_set(
                user=request.user,
                agency=agency,
                **{k: v for k, v in form.cleaned_data.items() if k != "version"},
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Đã lưu tham số xếp loại của cơ quan.")
            return _agency_back(period)
    return _agency_page(request, agency, period, {"policy_form": form}, status=422)
