"""The focal point's survey pages: campaigns and their dashboard, QR codes and posters, paper entry,
suggestions, counters, questionnaires."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from apps.core.forms import add_service_errors
from apps.core.ids import parse_id
from apps.organizations.models import Agency
from apps.organizations.selectors import agency_list_for_user, unit_list_for_user
from domain.documents.survey_poster import Poster, poster_docx, qr_png, qr_svg

from .. import forms as survey_forms
from .. import links, selectors, services
from ..choices import CampaignStatus, Channel
from ..export import campaign_report_docx, campaign_to_xlsx
from ..models import Campaign, Counter

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _error_message(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _managed_agencies(user: Any) -> Any:
    ids = [
        agency.pk
        for agency in agency_list_for_user(user=user)
        if user.has_perm("surveys.manage_campaign", agency)
    ]
    return agency_list_for_user(user=user).filter(pk__in=ids).order_by("name")


def _require(user: Any, perm: str, obj: Any) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied("Bạn không có quyền thực hiện thao tác này.")


def public_url(request: HttpRequest, token: str) -> str:
    path = reverse("surveys:respond", args=[token])
    base = str(getattr(settings, "PUBLIC_BASE_URL", "") or "").rstrip("/")
    return f"{base}{path}" if base else request.build_absolute_uri(path)


def counter_token(campaign: Campaign, counter: Counter) -> str:
    return links.make_link_token(
        campaign_id=campaign.pk,
        counter_id=counter.pk,
        counter_version=counter.link_version,
        expires_on=campaign.closes_on,
    )


# Campaigns


@login_required
def campaign_list(request: HttpRequest) -> HttpResponse:
    campaigns = selectors.campaign_list_for_user(user=request.user).order_by("-period_start", "agency__name")
    agency_id = parse_id(request.GET.get("agency"))
    if agency_id is not None:
        campaigns = campaigns.filter(agency_id=agency_id)
    context = {
        "campaigns": campaigns,
        "agencies": agency_list_for_user(user=request.user),
        "agency_id": agency_id,
        "can_create": _managed_agencies(request.user).exists(),
    }
    return render(request, "surveys/campaign_list.html", context)


def _campaign_form(request: HttpRequest, campaign: Campaign | None) -> survey_forms.CampaignForm:
    agencies = _managed_agencies(request.user)
    agency = campaign.agency if campaign else (getattr(request, "agency", None) or agencies.first())
    agency_id = parse_id(request.POST.get("agency")) if request.method == "POST" else None
    if agency_id is not None:
        agency = agencies.filter(pk=agency_id).first() or agency
    usable = selectors.questionnaire_list_for_user(user=request.user).filter(status="published")
    if agency is not None:
        usable = usable.filter(pk__in=selectors.questionnaires_usable_by(agency=agency).values("pk"))
    units = list(unit_list_for_user(user=request.user, agency=agency).order_by("name")) if agency else []
    initial = survey_forms.campaign_initial(campaign)
    if campaign is None:
        initial["agency"] = agency
        initial["questionnaire"] = usable.first()
        if agency is not None:
            handled = selectors.dossiers_handled(agency, initial["period_start"], initial["period_end"])
            if handled is not None:
                initial["population"] = handled
    return survey_forms.CampaignForm(
        request.POST or None,
        initial=initial,
        agencies=agencies,
        questionnaires=usable,
        units=units,
        versioned=campaign is not None,
    )


@login_required
def campaign_create(request: HttpRequest) -> HttpResponse:
    form = _campaign_form(request, None)
    if request.method == "POST" and form.is_valid():
        agency = form.cleaned_data["agency"]
        _require(request.user, "surveys.manage_campaign", agency)
        try:
            campaign = services.campaign_create(agency=agency, **form.service_values())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Đã tạo đợt khảo sát. Hãy in mã QR cho các quầy rồi mở nhận ý kiến.")
            return redirect("surveys:campaign_detail", pk=campaign.pk)
    return render(request, "surveys/campaign_form.html", {"form": form, "campaign": None})


@login_required
def campaign_edit(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_get_for_user(user=request.user, pk=pk)
    _require(request.user, "surveys.manage_campaign", campaign)
    form = _campaign_form(request, campaign)
    form.fields["agency"].disabled = True
    if request.method == "POST" and form.is_valid():
        try:
            services.campaign_update(
                campaign=campaign, expected_version=form.expected_version, **form.service_values()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Đã lưu đợt khảo sát.")
            return redirect("surveys:campaign_detail", pk=campaign.pk)
    return render(request, "surveys/campaign_form.html", {"form": form, "campaign": campaign})


@login_required
@require_POST
def campaign_action(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_get_for_user(user=request.user, pk=pk)
    _require(request.user, "surveys.manage_campaign", campaign)
    action = request.POST.get("action", "")
    try:
        if action == "open":
            services.campaign_set_status(campaign=campaign, status=CampaignStatus.OPEN)
            messages.success(request, "Đợt khảo sát đang nhận ý kiến.")
        elif action == "close":
            services.campaign_set_status(campaign=campaign, status=CampaignStatus.CLOSED)
            messages.success(request, "Đã kết thúc đợt khảo sát: mã QR không còn nhận ý kiến.")
        elif action in ("publish", "unpublish"):
            services.campaign_set_published(campaign=campaign, published=action == "publish")
            messages.success(
                request, "Đã công khai kết quả." if action == "publish" else "Đã thôi công khai kết quả."
            )
        else:
            messages.error(request, "Thao tác không hợp lệ.")
    except ValidationError as error:
        _error_message(request, error)
    return redirect("surveys:campaign_detail", pk=campaign.pk)


@login_required
def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The dashboard: progress, indices with margins, distributions, units, procedures, trend, suggestions."""
    campaign = selectors.campaign_get_for_user(user=request.user, pk=pk)
    unit_id = parse_id(request.GET.get("unit"))
    procedure = request.GET.get("procedure", "")
    results = selectors.campaign_results(campaign=campaign, unit_id=unit_id, procedure=procedure or None)
    abuse = selectors.abuse_summary(campaign=campaign)
    show = request.GET.get("suggestions", "open")
    suggestions = selectors.suggestions_for_campaign(
        campaign=campaign, handled={"open": False, "handled": True}.get(show)
    )
    context = {
        "campaign": campaign,
        "results": results,
        # The answer scale named once above the distribution bars, in their colours.
        "scale": next((row.bars for row in results.rows if row.bars), []),
        "progress": selectors.campaign_progress(campaign=campaign),
        "by_unit": selectors.campaign_breakdown(campaign=campaign, by="unit"),
        "by_procedure": selectors.campaign_breakdown(campaign=campaign, by="procedure"),
        "trend": selectors.agency_trend(agency=campaign.agency),
        "others": selectors.question_distributions(campaign=campaign),
        "suggestions": Paginator(suggestions, 20).get_page(request.GET.get("page")),
        "show": show,
        "abuse": abuse,
        "abuse_total": sum(n for _, _, n in abuse),
        "open_suggestions": selectors.suggestions_for_campaign(campaign=campaign, handled=False).count(),
        "unit_id": unit_id,
        "procedure": procedure,
        "channels": [label for value, label in Channel.choices if value in (campaign.channels or [])],
        "can_manage": request.user.has_perm("surveys.manage_campaign", campaign),
        "can_enter": request.user.has_perm("surveys.enter_response", campaign),
        "accepting": not services.submission.campaign_accepting(campaign),
    }
    return render(request, "surveys/campaign_detail.html", context)


@login_required
def campaign_export(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_get_for_user(user=request.user, pk=pk)
    response = HttpResponse(campaign_to_xlsx(campaign), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="khao-sat-{campaign.pk}.xlsx"'
    return response


@login_required
def campaign_report(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_get_for_user(user=request.user, pk=pk)
    response = HttpResponse(campaign_report_docx(campaign), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="bao-cao-sipas-{campaign.pk}.docx"'
    return response


@login_required
@require_POST
def suggestion_mark(request: HttpRequest, pk: int, response_id: int) -> HttpResponse:
    campaign = selectors.campaign_get_for_user(user=request.user, pk=pk)
    _require(request.user, "surveys.manage_campaign", campaign)
    found = selectors.response_get_for_user(user=request.user, campaign=campaign, pk=response_id)
    form = survey_forms.SuggestionForm(request.POST)
    if form.is_valid():
        try:
            services.suggestion_mark(
                response=found, handled=form.cleaned_data["handled"], note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            _error_message(request, error)
        else:
            messages.success(request, "Đã cập nhật góp ý.")
    else:
        messages.error(request, "Ghi chú không hợp lệ (tối đa 500 ký tự).")
    return redirect(f"{reverse('surveys:campaign_detail', args=[campaign.pk])}#suggestions")


@login_required
def campaign_entry(request: HttpRequest, pk: int) -> HttpResponse:
    """Staff key in a paper or phone form; blanks stay unanswered (the paper form may have them)."""
    campaign = selectors.campaign_get_for_user(user=request.user, pk=pk)
    _require(request.user, "surveys.enter_response", campaign)
    spec = selectors.form_spec(campaign.questionnaire)
    meta = survey_forms.EntryMetaForm(
        request.POST or None, units=unit_list_for_user(user=request.user, agency=campaign.agency)
    )
    errors: dict[str, str] = {}
    values: dict[str, str] = {}
    form_key = request.POST.get("form_key") or links.new_form_key()
    if request.method == "POST":
        values = {question.code: request.POST.get(question.code, "") for question in spec.questions}
        key = links.read_form_key(form_key)
        if key is None:
            meta.add_error(None, "Phiếu nhập đã mở quá lâu: xin bấm lưu lại.")
            form_key = links.new_form_key()
        elif meta.is_valid():
            unit = meta.cleaned_data["unit"]
            result = services.response_submit(
                campaign=campaign,
                counter=None,
                channel=meta.cleaned_data["channel"],
                key=key,
                data=values,
                dossier_code=meta.cleaned_data["dossier_code"] or None,
                unit_id=unit.pk if unit else None,
                enforce_required=False,
            )
            if result.outcome in (services.Outcome.ACCEPTED, services.Outcome.REPLAYED):
                messages.success(request, "Đã lưu phiếu. Có thể nhập phiếu tiếp theo.")
                return redirect("surveys:campaign_entry", pk=campaign.pk)
            errors = result.errors
            meta.add_error(None, result.message)
    sections = [
        (section, [(q, values.get(q.code, ""), errors.get(q.key, "")) for q in section.questions])
        for section in spec.sections
    ]
    context = {"campaign": campaign, "meta": meta, "sections": sections, "form_key": form_key}
    return render(request, "surveys/campaign_entry.html", context)


# QR codes, posters, dossier links


@login_required
def campaign_links(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_get_for_user(user=request.user, pk=pk)
    counters = selectors.counter_list_for_user(user=request.user, agency=campaign.agency).filter(
        is_active=True
    )
    rows = [(counter, public_url(request, counter_token(campaign, counter))) for counter in counters]
    dossier_form = survey_forms.DossierLinkForm(request.POST or None)
    dossier_url = ""
    if request.method == "POST":
        _require(request.user, "surveys.enter_response", campaign)
        if dossier_form.is_valid():
            token = links.make_link_token(
                campaign_id=campaign.pk,
                expires_on=campaign.closes_on,
                dossier_code=dossier_form.cleaned_data["dossier_code"],
            )
            dossier_url = public_url(request, token)
    context = {
        "campaign": campaign,
        "rows": rows,
        "dossier_form": dossier_form,
        "dossier_url": dossier_url,
        "can_manage": request.user.has_perm("surveys.manage_campaign", campaign),
    }
    return render(request, "surveys/campaign_links.html", context)


def _counter_of(request: HttpRequest, campaign: Campaign, counter_id: int) -> Counter:
    counter = selectors.counter_get_for_user(user=request.user, pk=counter_id)
    if counter.agency_id != campaign.agency_id:
        raise Http404("Không tìm thấy quầy.")
    return counter


@login_required
def counter_qr(request: HttpRequest, pk: int, counter_id: int, kind: str) -> HttpResponse:
    campaign = selectors.campaign_get_for_user(user=request.user, pk=pk)
    counter = _counter_of(request, campaign, counter_id)
    url = public_url(request, counter_token(campaign, counter))
    if kind == "svg":
        return HttpResponse(qr_svg(url), content_type="image/svg+xml")
    response = HttpResponse(qr_png(url), content_type="image/png")
    response["Content-Disposition"] = f'attachment; filename="ma-qr-quay-{counter.pk}.png"'
    return response


@login_required
def counter_poster(request: HttpRequest, pk: int, counter_id: int) -> HttpResponse:
    campaign = selectors.campaign_get_for_user(user=request.user, pk=pk)
    counter = _counter_of(request, campaign, counter_id)
    agency: Agency = campaign.agency
    poster = Poster(
        governing_body=agency.parent.name if agency.parent else "",
        agency=agency.name,
        counter=counter.name + (f" · {counter.unit.name}" if counter.unit else ""),
        campaign=campaign.title,
        url=public_url(request, counter_token(campaign, counter)),
        valid_until=campaign.closes_on.strftime("%d/%m/%Y"),
    )
    response = HttpResponse(poster_docx(poster), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="to-roi-ma-qr-quay-{counter.pk}.docx"'
    return response


@login_required
def dossier_qr(request: HttpRequest, pk: int) -> HttpResponse:
    """The QR of a dossier link for the result slip (the code stays in the signed link, never stored)."""
    campaign = selectors.campaign_get_for_user(user=request.user, pk=pk)
    _require(request.user, "surveys.enter_response", campaign)
    form = survey_forms.DossierLinkForm(request.GET)
    if not form.is_valid():
        raise Http404("Thiếu mã hồ sơ.")
    token = links.make_link_token(
        campaign_id=campaign.pk, expires_on=campaign.closes_on, dossier_code=form.cleaned_data["dossier_code"]
    )
    return HttpResponse(qr_svg(public_url(request, token)), content_type="image/svg+xml")


# Counters


@login_required
def counter_list(request: HttpRequest) -> HttpResponse:
    agencies = _managed_agencies(request.user)
    agency = getattr(request, "agency", None)
    form = survey_forms.CounterForm(
        request.POST or None,
        initial={"agency": agency, "is_active": True},
        versioned=False,
        agencies=agencies,
        units=unit_list_for_user(user=request.user)
        .filter(agency__in=agencies)
        .order_by("agency__name", "name"),
    )
    if request.method == "POST" and form.is_valid():
        _require(request.user, "surveys.manage_campaign", form.cleaned_data["agency"])
        try:
            services.counter_create(
                agency=form.cleaned_data["agency"],
                name=form.cleaned_data["name"],
                unit=form.cleaned_data["unit"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Đã thêm quầy.")
            return redirect("surveys:counter_list")
    counters = selectors.counter_list_for_user(user=request.user).order_by("agency__name", "name")
    return render(
        request,
        "surveys/counter_list.html",
        {"counters": counters, "form": form, "can_create": agencies.exists()},
    )


@login_required
def counter_edit(request: HttpRequest, pk: int) -> HttpResponse:
    counter = selectors.counter_get_for_user(user=request.user, pk=pk)
    _require(request.user, "surveys.manage_campaign", counter)
    form = survey_forms.CounterForm(
        request.POST or None,
        initial={
            "version": counter.version,
            "agency": counter.agency,
            "name": counter.name,
            "unit": counter.unit,
            "is_active": counter.is_active,
        },
        agencies=agency_list_for_user(user=request.user).filter(pk=counter.agency_id),
        units=unit_list_for_user(user=request.user, agency=counter.agency),
    )
    form.fields["agency"].disabled = True
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            services.counter_revoke_links(counter=counter)
            messages.success(request, "Đã thu hồi mọi mã QR cũ của quầy: hãy in lại tờ rơi.")
            return redirect("surveys:counter_list")
        if form.is_valid():
            try:
                services.counter_update(
                    counter=counter,
                    name=form.cleaned_data["name"],
                    unit=form.cleaned_data["unit"],
                    is_active=form.cleaned_data["is_active"],
                    expected_version=form.expected_version,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, "Đã lưu quầy.")
                return redirect("surveys:counter_list")
    return render(request, "surveys/counter_form.html", {"form": form, "counter": counter})


# Questionnaires


@login_required
def questionnaire_list(request: HttpRequest) -> HttpResponse:
    questionnaires = selectors.questionnaire_list_for_user(user=request.user).order_by(
        "-year", "agency__name", "title"
    )
    return render(request, "surveys/questionnaire_list.html", {"questionnaires": questionnaires})


@login_required
def questionnaire_detail(request: HttpRequest, pk: int) -> HttpResponse:
    questionnaire = selectors.questionnaire_get_for_user(user=request.user, pk=pk)
    spec = selectors.form_spec(questionnaire)
    can_edit = not questionnaire.is_frozen and request.user.has_perm(
        "surveys.manage_questionnaire", questionnaire
    )
    agencies = _managed_agencies(request.user)
    if questionnaire.agency_id is not None:
        agencies = agencies.filter(pk=questionnaire.agency_id)
    copy_form = survey_forms.QuestionnaireCopyForm(
        initial={"agency": getattr(request, "agency", None), "year": questionnaire.year}, agencies=agencies
    )
    add_form = survey_forms.QuestionAddForm(factors=selectors.factors_of(questionnaire=questionnaire))
    context = {
        "questionnaire": questionnaire,
        "spec": spec,
        "can_edit": can_edit,
        "copy_form": copy_form if agencies.exists() else None,
        "add_form": add_form,
        "edit_form": survey_forms.QuestionnaireForm(
            initial={
                "version": questionnaire.version,
                "title": questionnaire.title,
                "intro": questionnaire.intro,
                "aggregation": questionnaire.aggregation,
            }
        ),
        "questions": {question.pk: question for question in questionnaire.questions.all()},
    }
    return render(request, "surveys/questionnaire_detail.html", context)


@login_required
@require_POST
def questionnaire_copy(request: HttpRequest, pk: int) -> HttpResponse:
    source = selectors.questionnaire_get_for_user(user=request.user, pk=pk)
    form = survey_forms.QuestionnaireCopyForm(request.POST, agencies=_managed_agencies(request.user))
    if not form.is_valid():
        messages.error(request, "Hãy chọn cơ quan được sao chép phiếu.")
        return redirect("surveys:questionnaire_detail", pk=source.pk)
    agency = form.cleaned_data["agency"]
    _require(request.user, "surveys.copy_questionnaire", agency)
    try:
        copy = services.questionnaire_copy(
            source=source, agency=agency, title=form.cleaned_data["title"], year=form.cleaned_data["year"]
        )
    except ValidationError as error:
        _error_message(request, error)
        return redirect("surveys:questionnaire_detail", pk=source.pk)
    messages.success(request, "Đã sao chép phiếu thành bản dự thảo: hãy điều chỉnh rồi ban hành.")
    return redirect("surveys:questionnaire_detail", pk=copy.pk)


@login_required
@require_POST
def questionnaire_change(request: HttpRequest, pk: int) -> HttpResponse:
    """Edits of a draft questionnaire: its header, a question, a new question, a deletion, publishing."""
    questionnaire = selectors.questionnaire_get_for_user(user=request.user, pk=pk)
    _require(request.user, "surveys.manage_questionnaire", questionnaire)
    action = request.POST.get("action", "")
    questions = {str(question.pk): question for question in questionnaire.questions.all()}
    try:
        if action == "header":
            header = survey_forms.QuestionnaireForm(request.POST)
            if not header.is_valid():
                raise ValidationError(
                    list(header.non_field_errors()) or "Tên phiếu và cách tổng hợp là bắt buộc."
                )
            services.questionnaire_update(
                questionnaire=questionnaire, expected_version=header.expected_version, **header.changes()
            )
        elif action == "question":
            question = questions.get(request.POST.get("question", ""))
            edit = survey_forms.QuestionForm(request.POST)
            if question is None or not edit.is_valid():
                raise ValidationError(list(edit.non_field_errors()) or "Câu hỏi không hợp lệ.")
            services.question_update(
                question=question, expected_version=edit.expected_version, **edit.changes()
            )
        elif action == "add":
            add = survey_forms.QuestionAddForm(
                request.POST, factors=selectors.factors_of(questionnaire=questionnaire)
            )
            if not add.is_valid():
                raise ValidationError("Hãy nhập nội dung câu hỏi mới.")
            services.question_add(
                questionnaire=questionnaire, factor=add.cleaned_data["factor"], text=add.cleaned_data["text"]
            )
        elif action == "delete":
            question = questions.get(request.POST.get("question", ""))
            if question is None:
                raise ValidationError("Câu hỏi không hợp lệ.")
            services.question_delete(question=question)
        elif action == "publish":
            services.questionnaire_publish(questionnaire=questionnaire)
        else:
            raise ValidationError("Thao tác không hợp lệ.")
    except ValidationError as error:
        _error_message(request, error)
    else:
        messages.success(request, "Đã ban hành phiếu." if action == "publish" else "Đã lưu.")
    return redirect("surveys:questionnaire_detail", pk=questionnaire.pk)
