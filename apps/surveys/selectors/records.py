"""Reads of surveys that cross a permission boundary: scoped by the user's agencies, 404 otherwise."""

from __future__ import annotations

import copy
import time
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from apps.accounts.policy import scope_for
from apps.organizations.models import Agency

from ..choices import CampaignStatus, QuestionnaireStatus
from ..models import AbuseEvent, Campaign, Counter, Factor, Questionnaire, SurveyResponse


def _readable_ids(user: Any) -> set[int] | None:
    return scope_for(user).readable_ids


def questionnaire_list_for_user(*, user: Any) -> QuerySet[Questionnaire]:
    """Published templates (no agency) for everyone signed in, and the questionnaires of readable agencies."""
    queryset = Questionnaire.objects.select_related("agency", "based_on").annotate(
        question_count=Count("questions", distinct=True)
    )
    ids = _readable_ids(user)
    if ids is None:
        return queryset
    return queryset.filter(
        Q(agency__isnull=True, status=QuestionnaireStatus.PUBLISHED) | Q(agency_id__in=ids)
    )


def questionnaire_get_for_user(*, user: Any, pk: int) -> Questionnaire:
    found = questionnaire_list_for_user(user=user).filter(pk=pk).first()
    if found is None:
        raise Http404("Không tìm thấy phiếu khảo sát.")
    return found


def factors_of(*, questionnaire: Questionnaire) -> QuerySet[Factor]:
    return (
        Factor.objects.filter(aspect__questionnaire=questionnaire)
        .select_related("aspect")
        .order_by("aspect__order", "order")
    )


def questionnaires_usable_by(*, agency: Agency) -> QuerySet[Questionnaire]:
    """What a campaign of this agency may use: published templates and the agency's own published copies."""
    return Questionnaire.objects.filter(
        Q(agency__isnull=True) | Q(agency=agency), status=QuestionnaireStatus.PUBLISHED
    ).order_by("-year", "title")


def campaign_list_for_user(*, user: Any) -> QuerySet[Campaign]:
    queryset = Campaign.objects.select_related("agency", "questionnaire").annotate(
        response_count=Count("responses", distinct=True)
    )
    ids = _readable_ids(user)
    return queryset if ids is None else queryset.filter(agency_id__in=ids)


def campaign_get_for_user(*, user: Any, pk: int) -> Campaign:
    found = campaign_list_for_user(user=user).filter(pk=pk).first()
    if found is None:
        raise Http404("Không tìm thấy đợt khảo sát.")
    return found


def counter_list_for_user(*, user: Any, agency: Agency | None = None) -> QuerySet[Counter]:
    queryset = Counter.objects.select_related("agency", "unit")
    ids = _readable_ids(user)
    if ids is not None:
        queryset = queryset.filter(agency_id__in=ids)
    if agency is not None:
        queryset = queryset.filter(agency=agency)
    return queryset


def counter_get_for_user(*, user: Any, pk: int) -> Counter:
    found = counter_list_for_user(user=user).filter(pk=pk).first()
    if found is None:
        raise Http404("Không tìm thấy quầy.")
    return found


def response_list_for_campaign(*, campaign: Campaign) -> QuerySet[SurveyResponse]:
    """Responses of a campaign the caller already read through `campaign_get_for_user`."""
    return SurveyResponse.objects.filter(campaign=campaign).select_related("unit", "counter")


def response_get_for_user(*, user: Any, campaign: Campaign, pk: int) -> SurveyResponse:
    ids = _readable_ids(user)
    if ids is not None and campaign.agency_id not in ids:
        raise Http404("Không tìm thấy phiếu.")
    found = response_list_for_campaign(campaign=campaign).filter(pk=pk).first()
    if found is None:
        raise Http404("Không tìm thấy phiếu.")
    return found


def suggestions_for_campaign(*, campaign: Campaign, handled: bool | None = None) -> QuerySet[SurveyResponse]:
    queryset = response_list_for_campaign(campaign=campaign).exclude(suggestion="")
    if handled is not None:
        queryset = queryset.filter(suggestion_handled=handled)
    return queryset.order_by("suggestion_handled", "-submitted_at", "-pk")


def abuse_summary(*, campaign: Campaign) -> list[tuple[str, str, int]]:
    """(kind, label, count) of the campaign's abuse log, most frequent first."""
    from ..choices import AbuseKind

    rows = (
        AbuseEvent.objects.filter(campaign=campaign)
        .values_list("kind")
        .annotate(n=Count("id"))
        .order_by("-n")
    )
    labels = dict(AbuseKind.choices)
    return [(kind, str(labels.get(kind, kind)), n) for kind, n in rows]


def recent_abuse(*, campaign: Campaign, limit: int = 20) -> QuerySet[AbuseEvent]:
    return AbuseEvent.objects.filter(campaign=campaign).order_by("-occurred_at")[:limit]


# Public reads (no user): what a link or the public results page may show.


# The public page reads the campaign of its link on every request (page and submission): each server process
# keeps it a few seconds. Saving or deleting a campaign or a questionnaire clears this process's copies at once
# (apps.py); another process sees the change within LINK_CACHE_SECONDS — closing a campaign included.
LINK_CACHE_SECONDS = 5.0
_link_campaigns: dict[int, tuple[float, Campaign | None]] = {}


def clear_link_cache(**_signal: Any) -> None:
    _link_campaigns.clear()


def campaign_for_link(*, campaign_id: int) -> Campaign | None:
    now = time.monotonic()
    cached = _link_campaigns.get(campaign_id)
    if cached is not None and now - cached[0] < LINK_CACHE_SECONDS:
        return copy.copy(cached[1])
    campaign = _campaign_for_link(campaign_id)
    if len(_link_campaigns) > 1000:
        _link_campaigns.clear()
    _link_campaigns[campaign_id] = (now, campaign)
    return copy.copy(campaign)


def _campaign_for_link(campaign_id: int) -> Campaign | None:
    # Only the columns the public page uses.
    return (
        Campaign.objects.select_related("agency", "questionnaire")
        .only(
            "id",
            "agency_id",
            "questionnaire_id",
            "title",
            "period_start",
            "period_end",
            "closes_on",
            "status",
            "is_published",
            "procedures",
            "agency__id",
            "agency__code",
            "agency__name",
            "questionnaire__id",
            "questionnaire__title",
            "questionnaire__intro",
            "questionnaire__status",
            "questionnaire__published_at",
            "questionnaire__aggregation",
        )
        .filter(pk=campaign_id)
        .first()
    )


def counter_for_link(*, counter_id: int, agency_id: int) -> Counter | None:
    return (
        Counter.objects.select_related("unit")
        .only("id", "agency_id", "name", "is_active", "link_version", "unit__id", "unit__name")
        .filter(pk=counter_id, agency_id=agency_id)
        .first()
    )


def agencies_with_published_results() -> QuerySet[Agency]:
    return Agency.objects.filter(campaigns__is_published=True).distinct().order_by("name")


def published_agency_by_code(*, code: str) -> Agency:
    agency = agencies_with_published_results().filter(code__iexact=code).first()
    if agency is None:
        raise Http404("Cơ quan chưa công khai kết quả khảo sát.")
    return agency


def published_campaigns_of(*, agency: Agency) -> QuerySet[Campaign]:
    return (
        Campaign.objects.filter(agency=agency, is_published=True)
        .exclude(status=CampaignStatus.DRAFT)
        .select_related("questionnaire", "agency")
        .order_by("-period_start")
    )
