"""Pages of nominations: the year's list with status and verdict, the nomination with each condition and the
record that proves it, the dossier and the actions the viewer may take, the focal point's check queue. Thin:
reads in selectors, writes in services."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from apps.accounts.policy import headed_unit_ids
from apps.core.files import file_response
from apps.core.forms import add_service_errors
from apps.core.ids import parse_id
from apps.organizations.models import Agency

from .. import services
from ..choices import NominationStatus
from ..facts import evidence_links, ref_url
from ..forms.nominations import DocumentForm, NominationForm, ReasonForm
from ..models import Nomination
from ..selectors.common import agency_for_user
from ..selectors.nominations import (
    check_queue_for_user,
    document_get_for_user,
    initiative_for_user,
    nomination_get_for_user,
    nomination_list_for_user,
    nominee_named,
)
from ..services import nominations as nomination_services


def _agency(request: HttpRequest) -> Agency:
    return agency_for_user(
        user=request.user, pk=parse_id(request.GET.get("agency")), fallback=getattr(request, "agency", None)
    )


def _year(request: HttpRequest) -> int:
    raw = parse_id(request.GET.get("year"))
    return raw if raw is not None and 2000 <= raw <= 2100 else timezone.localdate().year


def _nominator_units(user: Any, agency: Agency) -> set[int] | None:
    """None: the office proposes anyone; else the units the user heads (empty: may not propose)."""
    if nomination_services.may_nominate_anyone(user, agency):
        return None
    if not user.has_perm(services.NOMINATE, agency):
        return set()
    return headed_unit_ids(user, agency.pk)


@login_required
@require_GET
def nomination_list(request: HttpRequest) -> HttpResponse:
    """Đề nghị khen thưởng of the year: status and verdict badge of each."""
    agency, year = _agency(request), _year(request)
    context = {
        "agency": agency,
        "year": year,
        "years": range(year - 2, year + 2),
        "nominations": nomination_list_for_user(user=request.user, agency=agency, year=year),
        "can_nominate": _nominator_units(request.user, agency) != set(),
        "can_check": request.user.has_perm(services.CHECK, agency),
    }
    return render(request, "rewards/nomination_list.html", context)


@login_required
@require_GET
def nomination_queue(request: HttpRequest) -> HttpResponse:
    """The focal point's queue: nominations sent and waiting for the check."""
    agency = _agency(request)
    if not request.user.has_perm(services.CHECK, agency):
        raise PermissionDenied("Chỉ đầu mối thi đua, khen thưởng của cơ quan được kiểm tra đề nghị.")
    context = {"agency": agency, "nominations": check_queue_for_user(user=request.user, agency=agency)}
    return render(request, "rewards/nomination_queue.html", context)


def _nominee(agency: Agency, kind: str, pk: int) -> dict[str, Any]:
    """The nominee the form names; a record of another agency is passed on for the service to refuse."""
    return nominee_named(kind=kind, pk=pk)


@login_required
def nomination_create(request: HttpRequest) -> HttpResponse:
    agency = _agency(request)
    unit_ids = _nominator_units(request.user, agency)
    if unit_ids == set():
        raise PermissionDenied("Chỉ trưởng đơn vị hoặc Văn phòng của cơ quan được đề nghị khen thưởng.")
    if request.method == "POST":
        form = NominationForm(request.POST, agency=agency, unit_ids=unit_ids)
        if form.is_valid():
            kind, pk = form.nominee_parts()
            data = form.cleaned_data
            try:
                nomination = nomination_services.nomination_create(
                    user=request.user,
                    agency=agency,
                    year=data["year"],
                    form=data["form"],
                    achievement=data["achievement"],
                    declarations={key: {"met": True, "note": ""} for key in data["declarations"]},
                    **_nominee(agency, kind, pk),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, "Đã lập đề nghị khen thưởng. Hãy bổ sung hồ sơ rồi gửi đầu mối.")
                return redirect("rewards:nomination", pk=nomination.pk)
        status = 400
    else:
        form = NominationForm(agency=agency, unit_ids=unit_ids, initial={"year": timezone.localdate().year})
        status = 200
    return render(request, "rewards/nomination_form.html", {"agency": agency, "form": form}, status=status)


def _nomination_page(request: HttpRequest, nomination: Nomination, **forms: Any) -> HttpResponse:
    user = request.user
    editable = nomination.status in nomination_services.EDITABLE
    try:
        nomination_services.require_proposer(user, nomination)
        is_proposer = True
    except PermissionDenied:
        is_proposer = False
    can_check = user.has_perm(services.CHECK, nomination.agency)
    checkable = nomination.status in (NominationStatus.SUBMITTED, NominationStatus.CHECKED)
    can_override = (
        nomination.status == NominationStatus.CHECKED
        and nomination.eligible is False
        and nomination.override_at is None
        and nomination_services.may_override(user, nomination)
    )
    if is_proposer and editable:
        forms.setdefault("document_form", DocumentForm(nomination=nomination))
    if can_check and checkable:
        forms.setdefault("return_form", ReasonForm())
    if can_override:
        forms.setdefault("override_form", ReasonForm())
    verdict = nomination.verdict or {}
    documents = [(d, ref_url(f"document:{d.pk}")) for d in nomination.documents.order_by("kind", "pk")]
    context = {
        "nomination": nomination,
        "verdict": verdict,
        "conditions": evidence_links(verdict.get("conditions", [])),
        "documents": documents,
        "missing": nomination_services.missing_documents(nomination, verdict),
        "can_submit": is_proposer and editable,
        "can_check": can_check and checkable,
        "can_override": can_override,
        "votable": nomination_services.votable(nomination),
        "votes": nomination.votes.select_related("session").order_by("pk"),
        **forms,
    }
    status = 400 if forms.get("invalid") else 200
    return render(request, "rewards/nomination_detail.html", context, status=status)


@login_required
@require_GET
def nomination_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _nomination_page(request, nomination_get_for_user(user=request.user, pk=pk))


@login_required
@require_POST
def nomination_document_add(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = nomination_get_for_user(user=request.user, pk=pk)
    nomination_services.require_proposer(request.user, nomination)
    form = DocumentForm(request.POST, request.FILES, nomination=nomination)
    if form.is_valid():
        data = form.cleaned_data
        initiative_id = data.get("initiative")
        initiative = None
        if initiative_id:
            initiative = initiative_for_user(user=request.user, pk=initiative_id)
        try:
            nomination_services.nomination_document_add(
                user=request.user,
                nomination=nomination,
                kind=data["kind"],
                file=data["file"],
                note=data["note"],
                initiative=initiative,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Đã thêm tài liệu vào hồ sơ.")
            return redirect("rewards:nomination", pk=nomination.pk)
    return _nomination_page(request, nomination, document_form=form, invalid=True)


@login_required
@require_GET
def nomination_document(request: HttpRequest, pk: int) -> Any:
    document = document_get_for_user(user=request.user, pk=pk)
    return file_response(document.file, filename=document.note or document.get_kind_display())


def _act(request: HttpRequest, pk: int, action: Any, done: str, *, reason: bool = False) -> HttpResponse:
    """Run one step of the path; the service checks the permission (403) before anything else."""
    nomination = nomination_get_for_user(user=request.user, pk=pk)
    extra = {"reason": request.POST.get("reason", "")} if reason else {}
    try:
        action(user=request.user, nomination=nomination, **extra)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect("rewards:nomination", pk=nomination.pk)


@login_required
@require_POST
def nomination_submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request, pk, nomination_services.nomination_submit, "Đã gửi hồ sơ đề nghị cho đầu mối kiểm tra."
    )


@login_required
@require_POST
def nomination_check(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request, pk, nomination_services.nomination_check, "Đã kiểm tra hồ sơ và điều kiện khen thưởng."
    )


@login_required
@require_POST
def nomination_return(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request, pk, nomination_services.nomination_return, "Đã trả lại đề nghị cho đơn vị.", reason=True
    )


@login_required
@require_POST
def nomination_override(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        nomination_services.nomination_override,
        "Đã ghi ý kiến của Chủ tịch Hội đồng cho đưa đề nghị ra xét.",
        reason=True,
    )
