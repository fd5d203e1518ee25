"""Pages of the reward council: its members and sessions, and one session where the secretary records the
secret-ballot counts of every checked nomination in one form and reads the results. Thin: reads in selectors,
writes in services."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from apps.core.forms import add_service_errors
from apps.core.ids import parse_id

from .. import services
from ..forms.council import CouncilForm, MemberForm, SessionForm, VotesForm
from ..models import Council, CouncilSession
from ..selectors.common import agency_for_user
from ..selectors.council import (
    checked_nominations,
    council_for_agency,
    council_get_for_user,
    council_members,
    council_person,
    session_get_for_user,
    session_list,
    session_votes,
)
from ..services import council as council_services
from ..services.nominations import votable


def _council_page(request: HttpRequest, agency: Any, council: Council | None, **forms: Any) -> HttpResponse:
    can_manage = request.user.has_perm(services.MANAGE, agency)
    can_record = request.user.has_perm(services.RECORD_VOTE, agency)
    if council is None and can_manage:
        forms.setdefault("council_form", CouncilForm())
    if council is not None and can_manage:
        forms.setdefault("member_form", MemberForm(council=council))
    if council is not None and can_record:
        forms.setdefault("session_form", SessionForm())
    context = {
        "agency": agency,
        "council": council,
        "members": council_members(council=council) if council else [],
        "sessions": session_list(council=council) if council else [],
        "waiting": checked_nominations(agency=agency),
        **forms,
    }
    return render(
        request, "rewards/council_detail.html", context, status=400 if forms.get("invalid") else 200
    )


@login_required
@require_GET
def council_home(request: HttpRequest) -> HttpResponse:
    """The agency's council: members (chair, vice chair, secretary, members) and sessions."""
    agency = agency_for_user(
        user=request.user, pk=parse_id(request.GET.get("agency")), fallback=getattr(request, "agency", None)
    )
    return _council_page(request, agency, council_for_agency(user=request.user, agency=agency))


@login_required
@require_POST
def council_create(request: HttpRequest) -> HttpResponse:
    agency = agency_for_user(
        user=request.user, pk=parse_id(request.GET.get("agency")), fallback=getattr(request, "agency", None)
    )
    if not request.user.has_perm(services.MANAGE, agency):
        raise PermissionDenied("Chỉ Văn phòng, lãnh đạo hoặc quản trị của cơ quan được lập Hội đồng.")
    form = CouncilForm(request.POST)
    if form.is_valid():
        try:
            council_services.council_create(user=request.user, agency=agency, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Đã lập Hội đồng Thi đua – Khen thưởng.")
            return redirect(f"{reverse('rewards:council')}?agency={agency.pk}")
    return _council_page(
        request, agency, council_for_agency(user=request.user, agency=agency), council_form=form, invalid=True
    )


@login_required
@require_POST
def council_member_add(request: HttpRequest, pk: int) -> HttpResponse:
    council = council_get_for_user(user=request.user, pk=pk)
    if not request.user.has_perm(services.MANAGE, council.agency):
        raise PermissionDenied("Chỉ Văn phòng, lãnh đạo hoặc quản trị của cơ quan được thêm thành viên.")
    form = MemberForm(request.POST, council=council)
    if form.is_valid():
        person = council_person(council=council, pk=form.cleaned_data["person"])
        try:
            if person is None:
                raise ValidationError({"person": "Hãy chọn người của cơ quan."})
            council_services.council_member_add(
                user=request.user, council=council, person=person, role=form.cleaned_data["role"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Đã thêm {person.full_name} vào Hội đồng.")
            return redirect(f"{reverse('rewards:council')}?agency={council.agency_id}")
    return _council_page(request, council.agency, council, member_form=form, invalid=True)


@login_required
@require_POST
def session_create(request: HttpRequest, pk: int) -> HttpResponse:
    council = council_get_for_user(user=request.user, pk=pk)
    if not request.user.has_perm(services.RECORD_VOTE, council.agency):
        raise PermissionDenied("Chỉ Văn phòng, lãnh đạo hoặc quản trị của cơ quan được ghi phiên họp.")
    form = SessionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        held_at = data["held_at"]
        if timezone.is_naive(held_at):
            held_at = timezone.make_aware(held_at)
        try:
            session = council_services.session_create(
                user=request.user,
                council=council,
                held_at=held_at,
                members_present=data["members_present"],
                place=data["place"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Đã mở phiên họp. Hãy ghi số phiếu của từng đề nghị.")
            return redirect("rewards:session", pk=session.pk)
    return _council_page(request, council.agency, council, session_form=form, invalid=True)


def _session_page(
    request: HttpRequest, session: CouncilSession, form: VotesForm | None = None
) -> HttpResponse:
    agency = session.council.agency
    can_record = request.user.has_perm(services.RECORD_VOTE, agency) and not session.closed
    waiting = list(checked_nominations(agency=agency))
    if can_record and form is None:
        form = VotesForm(nominations=[n for n in waiting if votable(n)])
    context = {
        "session": session,
        "council": session.council,
        "agency": agency,
        "votes": session_votes(session=session),
        "form": form if can_record else None,
        "blocked": [n for n in waiting if not votable(n)],
    }
    status = 400 if form is not None and form.errors else 200
    return render(request, "rewards/council_session.html", context, status=status)


@login_required
@require_GET
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _session_page(request, session_get_for_user(user=request.user, pk=pk))


@login_required
@require_POST
def session_votes_record(request: HttpRequest, pk: int) -> HttpResponse:
    session = session_get_for_user(user=request.user, pk=pk)
    agency = session.council.agency
    if not request.user.has_perm(services.RECORD_VOTE, agency):
        raise PermissionDenied("Chỉ Văn phòng, lãnh đạo hoặc quản trị của cơ quan được ghi kết quả bỏ phiếu.")
    nominations = [n for n in checked_nominations(agency=agency) if votable(n)]
    form = VotesForm(request.POST, nominations=nominations)
    if form.is_valid():
        try:
            votes = council_services.votes_record(user=request.user, session=session, counts=form.counts())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            passed = sum(1 for v in votes if v.passed)
            messages.success(request, f"Đã ghi kết quả bỏ phiếu: {passed}/{len(votes)} đề nghị đạt.")
            return redirect("rewards:session", pk=session.pk)
    return _session_page(request, session, form)
