"""Reads of plans that cross a permission boundary: scoped by the user's agencies, 404 otherwise."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from apps.accounts.policy import scope_for

from .models import Plan, PlanImport, PlanReference, ReformArea


def plan_list_for_user(*, user: Any) -> QuerySet[Plan]:
    queryset = Plan.objects.select_related("agency", "supersedes").annotate(task_count=Count("tasks"))
    ids = scope_for(user).readable_ids
    return queryset if ids is None else queryset.filter(agency_id__in=ids)


def plan_get_for_user(*, user: Any, pk: int) -> Plan:
    plan = plan_list_for_user(user=user).filter(pk=pk).first()
    if plan is None:
        raise Http404("Không tìm thấy kế hoạch.")
    return plan


def plan_import_get_for_user(*, user: Any, pk: int) -> PlanImport:
    found = PlanImport.objects.select_related("agency", "replaces_plan", "plan").filter(pk=pk).first()
    if found is None or not user.has_perm("plans.import_plan", found.agency):
        raise Http404("Không tìm thấy lần nhập kế hoạch.")
    return found


def plan_references_for_user(*, user: Any, plan: Plan) -> list[PlanReference]:
    """The plan's basis and supersedes references; a link to a plan the user may not read is hidden."""
    ids = scope_for(user).readable_ids
    references = list(
        plan.references.select_related("target", "target__agency").order_by("relation", "order")
    )
    for reference in references:
        if reference.target is not None and ids is not None and reference.target.agency_id not in ids:
            reference.target = None
    return references


def plans_implementing_for_user(*, user: Any, plan: Plan) -> QuerySet[Plan]:
    """Plans that cite this plan as their basis (the cascade downwards)."""
    return (
        plan_list_for_user(user=user).filter(references__target=plan, references__relation="basis").distinct()
    )


def plan_candidates_to_replace(*, user: Any, agency_id: int) -> QuerySet[Plan]:
    return plan_list_for_user(user=user).filter(agency_id=agency_id).exclude(status="superseded")


def reform_areas() -> QuerySet[ReformArea]:
    return ReformArea.objects.filter(Q(valid_to__isnull=True)).order_by("order")
