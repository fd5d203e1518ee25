"""Pages of the PAR INDEX assessment year: the start page, a round (progress, survey points, publish), the ranking,
an agency's assessment table, one criterion's form (self-score, appraisal, explanation or survey points, by who
is asking and when), evidence files, and the Excel tables. Thin: reads in selectors, writes in services."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from apps.core.files import file_response
from apps.core.forms import add_service_errors
from apps.jobs.choices import JobKind
from apps.jobs.services import job_create, job_enqueue
from domain.scoring.entries import input_kind
from domain.scoring.rules import AnswerMap

from . import selectors, services
from .background import prefill_round
from .exports import assessment_to_xlsx, ranking_to_xlsx, round_to_xlsx
from .forms import (
    AppraisalForm,
    EntryForm,
    ExplanationForm,
    OpenRoundForm,
    PublishForm,
    SelfScoreForm,
    SurveyImportForm,
)
from .models import Assessment

SELF, APPRAISE = "par.self_assess", "par.appraise"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _require_manage(user: Any, round_: Any) -> None:
    if not user.has_perm("par.manage_round", round_.province):
        raise PermissionDenied("Chỉ Sở Nội vụ của tỉnh được làm việc này.")


@login_required
def home(request: HttpRequest) -> HttpResponse:
    openable = selectors.rounds_openable(user=request.user)
    context = {
        "mine": selectors.my_assessments(user=request.user)[:20],
        "rounds": selectors.round_list_for_user(user=request.user),
        "open_form": OpenRoundForm(sets=openable) if openable else None,
    }
    return render(request, "par/home.html", context)


@login_required
@require_POST
def round_open(request: HttpRequest) -> HttpResponse:
    openable = selectors.rounds_openable(user=request.user)
    if not openable:
        raise PermissionDenied("Chỉ Sở Nội vụ của tỉnh được mở đợt đánh giá, với bộ tiêu chí đang áp dụng.")
    form = OpenRoundForm(request.POST, sets=openable)
    if form.is_valid():
        try:
            with transaction.atomic():
                round_ = services.round_open(user=request.user, prefill=False, **form.cleaned_data)
                job = job_create(
                    kind=JobKind.PAR_PREFILL,
                    user=request.user,
                    agency=round_.province,
                    message="Đang chờ lấy số liệu.",
                )
                job_enqueue(job=job, task=prefill_round, round_id=round_.pk)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                f"Đã mở đợt đánh giá năm {round_.year}: {round_.assessments.count()} cơ quan. "
                "Số liệu của hệ thống đang được lấy cho từng cơ quan.",
            )
            return redirect("par:round", pk=round_.pk)
    context = {
        "mine": selectors.my_assessments(user=request.user)[:20],
        "rounds": selectors.round_list_for_user(user=request.user),
        "open_form": form,
    }
    return render(request, "par/home.html", context, status=400)


@login_required
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = selectors.round_get_for_user(user=request.user, pk=pk)
    can_manage = request.user.has_perm("par.manage_round", round_.province)
    context = {
        "round": round_,
        "assessments": selectors.assessments_of_round(user=request.user, round_=round_),
        "sees_all": selectors.sees_whole_round(user=request.user, round_=round_),
        "can_manage": can_manage,
        "survey_form": SurveyImportForm() if can_manage and not round_.published_at else None,
        "publish_form": PublishForm(initial={"version": round_.version})
        if can_manage and not round_.published_at
        else None,
    }
    return render(request, "par/round.html", context)


def _ranked_round(request: HttpRequest, pk: int) -> tuple[Any, list[Any]]:
    """A round the user may see whole (Sở Nội vụ; anyone in the province once published) and its ranking."""
    round_ = selectors.round_get_for_user(user=request.user, pk=pk)
    if not selectors.sees_whole_round(user=request.user, round_=round_):
        raise PermissionDenied("Bảng xếp hạng chỉ xem được sau khi Sở Nội vụ công bố kết quả.")
    return round_, selectors.ranking(user=request.user, round_=round_)


@login_required
def ranking(request: HttpRequest, pk: int) -> HttpResponse:
    round_, ranked = _ranked_round(request, pk)
    return render(request, "par/ranking.html", {"round": round_, "ranked": ranked})


@login_required
def ranking_export(request: HttpRequest, pk: int) -> HttpResponse:
    round_, ranked = _ranked_round(request, pk)
    return _xlsx(ranking_to_xlsx(round_, ranked), f"xep-hang-chi-so-cchc-{round_.year}-{round_.level}.xlsx")


@login_required
def round_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The province's summary table of the round: areas and totals per agency, then every criterion."""
    round_, ranked = _ranked_round(request, pk)
    tree, cards = selectors.round_scorecards(round_=round_)
    data = round_to_xlsx(round_, ranked, tree, cards)
    return _xlsx(data, f"tong-hop-chi-so-cchc-{round_.year}-{round_.level}.xlsx")


@login_required
@require_POST
def survey_import(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = selectors.round_get_for_user(user=request.user, pk=pk)
    _require_manage(request.user, round_)
    form = SurveyImportForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            count = services.survey_points_import(
                user=request.user, round_=round_, data=upload.read(), filename=upload.name
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, f"Đã nhập điểm điều tra xã hội học cho {count} tiêu chí.")
    else:
        messages.error(request, "Hãy chọn tệp điểm điều tra xã hội học.")
    return redirect("par:round", pk=round_.pk)


@login_required
@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = selectors.round_get_for_user(user=request.user, pk=pk)
    _require_manage(request.user, round_)
    form = PublishForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for e in form.non_field_errors()) or "Biểu mẫu không hợp lệ.")
        return redirect("par:round", pk=round_.pk)
    try:
        services.round_publish(
            user=request.user,
            round_=round_,
            decision_number=form.cleaned_data["decision_number"],
            expected_version=form.expected_version,
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, "Đã công bố kết quả Chỉ số CCHC.")
    return redirect("par:round", pk=round_.pk)


@login_required
def assessment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = selectors.assessment_get_for_user(user=request.user, pk=pk)
    view = selectors.assessment_view(assessment=assessment)
    final = assessment.status == "final"
    context = {
        "assessment": assessment,
        "round": assessment.round,
        "view": view,
        "actions": selectors.assessment_actions(user=request.user, assessment=assessment),
        "lost": selectors.assessment_lost_points(view=view) if final else None,
        "missing": services.missing_before_submit(assessment=assessment)
        if assessment.status == "draft"
        else [],
    }
    return render(request, "par/assessment.html", context)


@login_required
def assessment_export(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = selectors.assessment_get_for_user(user=request.user, pk=pk)
    view = selectors.assessment_view(assessment=assessment)
    name = f"chi-so-cchc-{assessment.round.year}-{assessment.agency.code}.xlsx"
    return _xlsx(assessment_to_xlsx(view), name)


def _step(request: HttpRequest, pk: int, action: Any, done: str, perm: str) -> HttpResponse:
    assessment = selectors.assessment_get_for_user(user=request.user, pk=pk)
    if not request.user.has_perm(perm, assessment.agency):
        raise PermissionDenied("Bước này không thuộc quyền của bạn.")
    version = request.POST.get("version")
    try:
        action(
            user=request.user,
            assessment=assessment,
            expected_version=int(version) if version and version.isdigit() else None,
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect("par:assessment", pk=assessment.pk)


@login_required
@require_POST
def prefill(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = selectors.assessment_get_for_user(user=request.user, pk=pk)
    if not request.user.has_perm("par.self_assess", assessment.agency):
        raise PermissionDenied("Chỉ đầu mối CCHC của cơ quan được cập nhật số liệu.")
    try:
        count = services.assessment_prefill(assessment=assessment)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, f"Đã cập nhật số liệu của hệ thống cho {count} tiêu chí.")
    return redirect("par:assessment", pk=assessment.pk)


@login_required
@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request, pk, services.assessment_submit, "Đã nộp bản tự đánh giá cho Sở Nội vụ thẩm định.", SELF
    )


@login_required
@require_POST
def appraisal_done(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, services.assessment_appraisal_done, "Đã hoàn thành thẩm định.", APPRAISE)


@login_required
@require_POST
def explanation_submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request, pk, services.assessment_explanation_submit, "Đã gửi giải trình cho Sở Nội vụ.", SELF
    )


@login_required
@require_POST
def finalize(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, services.assessment_finalize, "Đã chốt kết quả.", APPRAISE)


def _form_for(mode: str, score: Any, node: Any, data: Any = None, files: Any = None) -> Any:
    kind = input_kind(node.rule)
    answers = [key for key, _ in node.rule.answers] if isinstance(node.rule, AnswerMap) else None
    if mode == "self":
        initial = {
            **EntryForm.initial_from(score.self_value),
            "comment": score.comment,
            "version": score.version,
        }
        return SelfScoreForm(data, files, kind=kind, answers=answers, initial=initial)
    if mode == "appraise":
        review = score.assessment.status != "submitted"
        if review:  # the review answers the explanation: nothing of the first appraisal is pre-filled
            initial = {**EntryForm.initial_from(score.review_value), "version": score.version}
            initial.update(reason=score.review_reason, verdict=score.review_verdict)
        else:
            initial = {**EntryForm.initial_from(score.appraisal_value), "version": score.version}
            initial.update(reason=score.appraisal_reason, verdict=score.verdict)
        return AppraisalForm(data, kind=kind, answers=answers, initial=initial, review=review)
    if mode == "explain":
        return ExplanationForm(data, files, initial={"response": score.response, "version": score.version})
    if mode == "survey":
        initial = {**EntryForm.initial_from(score.survey_value), "version": score.version}
        form = EntryForm(data, kind=kind, answers=answers, initial=initial)
        form.fields.pop("not_applicable")
        return form
    return None


def _save(mode: str, form: Any, request: HttpRequest, score: Any) -> None:
    uploads = [services.Upload(f.name, f) for f in form.cleaned_data.get("evidence_files", [])]
    common = {"user": request.user, "score": score, "expected_version": form.expected_version}
    if mode == "self":
        services.score_self(**common, entry=form.entry(), comment=form.cleaned_data["comment"], files=uploads)
    elif mode == "appraise":
        verdict = form.cleaned_data["verdict"]
        services.score_appraise(
            **common,
            verdict=verdict,
            entry=form.entry() if verdict == "adjusted" else None,
            reason=form.cleaned_data["reason"],
        )
    elif mode == "explain":
        services.score_explain(**common, response=form.cleaned_data["response"], files=uploads)
    else:
        services.survey_points_set(**common, entry=form.entry())


@login_required
def score_edit(request: HttpRequest, pk: int) -> HttpResponse:
    score = selectors.score_get_for_user(user=request.user, pk=pk)
    assessment: Assessment = selectors.assessment_get_for_user(user=request.user, pk=score.assessment_id)
    score.assessment = assessment
    view = selectors.assessment_view(assessment=assessment)
    line = next(line for line in view.lines if line.score is not None and line.score.pk == score.pk)
    assert line.score is not None
    score = line.score
    mode = selectors.score_mode(user=request.user, score=score)
    if request.method == "POST":
        if not mode:
            raise PermissionDenied("Tiêu chí này không còn mở để bạn nhập.")
        form = _form_for(mode, score, line.row.node, request.POST, request.FILES)
        if form.is_valid():
            try:
                _save(mode, form, request, score)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"Đã lưu tiêu chí {score.criterion.code}.")
                return redirect(f"{_assessment_url(assessment)}#tc-{score.criterion.code}")
        status = 400
    else:
        form = _form_for(mode, score, line.row.node)
        status = 200
    context = {"assessment": assessment, "line": line, "score": score, "mode": mode, "form": form}
    return render(request, "par/score.html", context, status=status)


def _assessment_url(assessment: Assessment) -> str:
    from django.urls import reverse

    return reverse("par:assessment", args=[assessment.pk])


@login_required
def evidence_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    evidence = selectors.evidence_get_for_user(user=request.user, pk=pk)
    return file_response(evidence.file, filename=evidence.original_name)


@login_required
@require_POST
def evidence_remove(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = selectors.evidence_get_for_user(user=request.user, pk=pk)
    score_id = evidence.score_id
    try:
        services.evidence_remove(user=request.user, evidence=evidence)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, "Đã gỡ tài liệu.")
    return redirect("par:score", pk=score_id)


def public_round(request: HttpRequest, pk: int) -> HttpResponse:
    """A published ranking, for anyone (no sign-in), readable on a phone."""
    round_ = selectors.public_round_get(pk=pk)
    return render(
        request, "par/public_round.html", {"round": round_, "ranked": selectors.public_ranking(round_=round_)}
    )


def public_agency(request: HttpRequest, code: str) -> HttpResponse:
    """An agency's published PAR INDEX results by year, with its points per area."""
    agency, results = selectors.public_agency_results(code=code[:32])
    return render(request, "par/public_agency.html", {"agency": agency, "results": results})
