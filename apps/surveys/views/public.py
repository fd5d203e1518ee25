"""The public pages: the survey reached from a QR code, the thank-you page, the published results.

No login. The survey page is server-rendered with a few hundred bytes of inline CSS, so it opens fast on a cheap
phone and reads well in a screen reader (one fieldset and legend per question); a small script shows one factor
per screen with a progress line, and without it the whole form shows on one page.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from apps.core.client_address import client_address
from apps.core.ids import parse_id

from .. import links, selectors, services
from ..services import Outcome, PublicSubmission
from ..services.submission import LinkResolution

DEVICE_SALT = "surveys.device"
ECHO_LIMIT = 2000


def device_cookie_name(campaign_id: int) -> str:
    return f"sipas{campaign_id}"


def _device_seen(request: HttpRequest, campaign_id: int) -> bool:
    hours = int(getattr(settings, "SURVEYS_DEVICE_COOLDOWN_HOURS", 12))
    value = request.get_signed_cookie(
        device_cookie_name(campaign_id), default=None, salt=DEVICE_SALT, max_age=hours * 3600
    )
    return value == "1"


def _message(
    request: HttpRequest, title: str, message: str, status: int, campaign: Any = None
) -> HttpResponse:
    context = {"title": title, "message": message, "campaign": campaign}
    return render(request, "surveys/public_message.html", context, status=status)


_blank_forms: dict[tuple[Any, ...], SafeString] = {}


def _questions_html(spec: Any, campaign: Any, values: dict[str, str], errors: dict[str, str]) -> SafeString:
    """The questions' HTML; an unanswered form of a frozen questionnaire is rendered once per process."""
    questionnaire = campaign.questionnaire
    cacheable = (
        not values and not errors and questionnaire.is_frozen and questionnaire.published_at is not None
    )
    key = (questionnaire.pk, questionnaire.published_at, tuple(campaign.procedure_list))
    if cacheable and key in _blank_forms:
        return _blank_forms[key]
    sections = [
        (
            section,
            [
                (question, values.get(question.code, "")[:ECHO_LIMIT], errors.get(question.key, ""))
                for question in section.questions
            ],
        )
        for section in spec.sections
    ]
    html = mark_safe(
        render_to_string(
            "surveys/_public_questions.html", {"sections": sections, "procedures": campaign.procedure_list}
        )
    )
    if cacheable:
        if len(_blank_forms) > 256:
            _blank_forms.clear()
        _blank_forms[key] = html
    return html


def _form(
    request: HttpRequest,
    resolution: LinkResolution,
    *,
    form_key: str,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    message: str = "",
    status: int = 200,
) -> HttpResponse:
    campaign = resolution.campaign
    assert campaign is not None
    spec = selectors.form_spec(campaign.questionnaire)
    values, errors = values or {}, errors or {}
    context = {
        "campaign": campaign,
        "counter": resolution.counter,
        "has_dossier": bool(resolution.dossier_code),
        "spec": spec,
        "questions_html": _questions_html(spec, campaign, values, errors),
        "form_key": form_key,
        "errors": errors,
        "message": message,
    }
    return render(request, "surveys/public_form.html", context, status=status)


# The page is reached from a QR code by people who are not signed in, often in an in-app browser that keeps
# no cookies: CSRF protects signed-in sessions, which this page has none of. Each form instead carries a signed
# key issued when it was rendered (no submission without first loading the form), and the key makes a retry
# idempotent.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def respond(request: HttpRequest, token: str) -> HttpResponse:
    resolution = services.resolve_link(token)
    campaign = resolution.campaign
    if not resolution.ok or campaign is None:
        title = "Không mở được phiếu khảo sát"
        return _message(
            request, title, resolution.message, 404 if resolution.outcome == Outcome.NOT_FOUND else 410
        )
    device_seen = not resolution.dossier_code and _device_seen(request, campaign.pk)
    if request.method == "GET":
        if device_seen:
            return _message(
                request,
                "Ông/Bà đã gửi ý kiến",
                "Thiết bị này đã gửi phiếu cho đợt khảo sát. Xin chân thành cảm ơn Ông/Bà.",
                200,
                campaign,
            )
        return _form(request, resolution, form_key=links.new_form_key())
    spec = selectors.form_spec(campaign.questionnaire)
    form_key = request.POST.get("form_key", "")
    data = {question.code: request.POST.get(question.code, "") for question in spec.questions}
    result = services.public_submit(
        submission=PublicSubmission(
            resolution=resolution,
            key=links.read_form_key(form_key),
            data=data,
            address=client_address(request),
            honeypot=request.POST.get("website", ""),
            device_seen=device_seen,
            body_bytes=(parse_id(request.META.get("CONTENT_LENGTH")) or 0),
        )
    )
    if result.outcome in (Outcome.ACCEPTED, Outcome.REPLAYED):
        response = render(request, "surveys/public_thanks.html", {"campaign": campaign})
        if result.set_device_cookie:
            hours = int(getattr(settings, "SURVEYS_DEVICE_COOLDOWN_HOURS", 12))
            response.set_signed_cookie(
                device_cookie_name(campaign.pk),
                "1",
                salt=DEVICE_SALT,
                max_age=hours * 3600,
                httponly=True,
                samesite="Lax",
                secure=bool(getattr(settings, "SESSION_COOKIE_SECURE", False)),
            )
        return response
    if result.outcome == Outcome.INVALID:
        return _form(
            request,
            resolution,
            form_key=links.new_form_key() if result.reissue_key else form_key,
            values=data,
            errors=result.errors,
            message=result.message,
            status=result.http_status,
        )
    return _message(request, "Chưa nhận được phiếu", result.message, result.http_status, campaign)


@never_cache
def public_index(request: HttpRequest) -> HttpResponse:
    from apps.par.selectors import published_rounds

    agencies = selectors.agencies_with_published_results()
    context = {"agencies": agencies, "par_rounds": published_rounds()[:20]}
    return render(request, "surveys/public_index.html", context)


def public_results(request: HttpRequest, code: str) -> HttpResponse:
    agency = selectors.published_agency_by_code(code=code)
    campaigns = [
        (campaign, selectors.campaign_results(campaign=campaign))
        for campaign in selectors.published_campaigns_of(agency=agency)
    ]
    trend = selectors.agency_trend(agency=agency, published_only=True)
    return render(
        request, "surveys/public_results.html", {"agency": agency, "campaigns": campaigns, "trend": trend}
    )
