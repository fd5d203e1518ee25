"""Pages of reward decisions: the agency's decisions with the draft form, one decision (its awards with amounts,
the total, the head's issue form, the documents to download), and the documents of a council session. Thin:
reads in selectors, writes in services."""

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
from domain.rewards import prizes

from .. import documents, services
from ..choices import DecisionStatus
from ..forms.decisions import DecisionCreateForm, DecisionIssueForm
from ..models import RewardDecision
from ..selectors import decisions as selectors
from ..selectors.common import agency_for_user
from ..services import decisions as decision_services

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _docx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _agency(request: HttpRequest) -> Any:
    return agency_for_user(
        user=request.user, pk=parse_id(request.GET.get("agency")), fallback=getattr(request, "agency", None)
    )


def _can_draft(user: Any, agency: Any) -> bool:
    return bool(user.has_perm(services.MANAGE, agency) or user.has_perm(services.DECIDE, agency))


def _list_page(
    request: HttpRequest, agency: Any, form: DecisionCreateForm | None, status: int = 200
) -> HttpResponse:
    if form is None and _can_draft(request.user, agency):
        form = DecisionCreateForm(
            sessions=selectors.session_choices(agency), initial={"signed_on": timezone.localdate()}
        )
    context = {
        "agency": agency,
        "decisions": selectors.decision_list_for_user(user=request.user, agency=agency),
        "form": form,
    }
    return render(request, "rewards/decision_list.html", context, status=status)


@login_required
@require_GET
def decision_list(request: HttpRequest) -> HttpResponse:
    """Quyết định khen thưởng of the agency, newest first; the office or the head drafts one from a session."""
    return _list_page(request, _agency(request), None)


@login_required
@require_POST
def decision_create(request: HttpRequest) -> HttpResponse:
    agency = _agency(request)
    if not _can_draft(request.user, agency):
        raise PermissionDenied(
            "Chỉ đầu mối thi đua, khen thưởng hoặc thủ trưởng cơ quan được dự thảo quyết định."
        )
    form = DecisionCreateForm(request.POST, sessions=selectors.session_choices(agency))
    if form.is_valid():
        session = selectors.session_get_for_user(user=request.user, pk=form.cleaned_data["session"])
        try:
            decision = decision_services.decision_create(
                user=request.user,
                session=session,
                signed_on=form.cleaned_data["signed_on"],
                title=form.cleaned_data["title"],
                money_source=form.cleaned_data["money_source"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Đã dự thảo quyết định khen thưởng; thủ trưởng cơ quan ban hành.")
            return redirect("rewards:decision", pk=decision.pk)
    return _list_page(request, agency, form, status=400)


def _detail_page(
    request: HttpRequest, decision: RewardDecision, form: DecisionIssueForm | None = None, status: int = 200
) -> HttpResponse:
    lines: list[selectors.DecisionLine] = []
    problem = ""
    try:
        lines = selectors.decision_lines(decision)
    except prizes.MissingBaseSalary as error:
        problem = str(error)
    can_issue = decision.status == DecisionStatus.DRAFT and request.user.has_perm(
        services.DECIDE, decision.agency
    )
    if can_issue and form is None:
        person = getattr(request.user, "person", None)
        form = DecisionIssueForm(
            signers=selectors.signer_choices(decision.agency),
            initial={
                "version": decision.version,
                "signed_on": decision.signed_on,
                "number": decision.number,
                "signer": person.pk
                if person is not None and person.agency_id == decision.agency_id
                else None,
            },
        )
    context = {
        "decision": decision,
        "lines": lines,
        "total": selectors.decision_total(lines),
        "problem": problem,
        "form": form if can_issue else None,
        "issued": decision.status == DecisionStatus.ISSUED,
        "list_url": f"{reverse('rewards:decisions')}?agency={decision.agency_id}",
        "base_salary": _base_salary_in_force(decision),
    }
    return render(request, "rewards/decision_detail.html", context, status=status)


def _base_salary_in_force(decision: RewardDecision) -> prizes.BaseSalary | None:
    """The base salary of the decision's date with its source, so a value not yet checked against the decree
    says so where the amounts are read."""
    try:
        return prizes.base_salary_on(decision.signed_on, selectors.base_salary_table())
    except prizes.MissingBaseSalary:
        return None


@login_required
@require_GET
def decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail_page(request, selectors.decision_get_for_user(user=request.user, pk=pk))


@login_required
@require_POST
def decision_issue(request: HttpRequest, pk: int) -> HttpResponse:
    decision = selectors.decision_get_for_user(user=request.user, pk=pk)
    if not request.user.has_perm(services.DECIDE, decision.agency):
        raise PermissionDenied("Chỉ thủ trưởng cơ quan được ban hành quyết định khen thưởng.")
    signers = selectors.signer_choices(decision.agency)
    form = DecisionIssueForm(request.POST, signers=signers)
    if form.is_valid():
        signer = next(
            (
                person
                for person in selectors.signer_people(decision.agency)
                if person.pk == form.cleaned_data["signer"]
            ),
            None,
        )
        try:
            decision_services.decision_issue(
                user=request.user,
                decision=decision,
                number=form.cleaned_data["number"],
                signed_on=form.cleaned_data["signed_on"],
                signer=signer,
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Đã ban hành quyết định; các khen thưởng đã vào sổ khen thưởng.")
            return redirect("rewards:decision", pk=decision.pk)
    return _detail_page(request, decision, form, status=400)


@login_required
@require_GET
def decision_docx(request: HttpRequest, pk: int) -> HttpResponse:
    decision = selectors.decision_get_for_user(user=request.user, pk=pk)
    try:
        lines = selectors.decision_lines(decision)
    except prizes.MissingBaseSalary:
        lines = []
    return _docx(documents.decision_docx(decision, lines), f"quyet-dinh-khen-thuong-{decision.pk}.docx")


@login_required
@require_GET
def certificates_docx(request: HttpRequest, pk: int) -> HttpResponse:
    decision = selectors.decision_get_for_user(user=request.user, pk=pk)
    return _docx(documents.certificates_docx(decision), f"giay-khen-{decision.pk}.docx")


@login_required
@require_GET
def proposal_docx(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session_get_for_user(user=request.user, pk=pk)
    return _docx(documents.proposal_docx(session), f"to-trinh-khen-thuong-{session.pk}.docx")


@login_required
@require_GET
def minutes_docx(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session_get_for_user(user=request.user, pk=pk)
    return _docx(documents.minutes_docx(session), f"bien-ban-hop-hoi-dong-{session.pk}.docx")
