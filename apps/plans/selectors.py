"""Reads of plans that cross a permission boundary: scoped by the user's agencies, 404 otherwise."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from apps.accounts.policy import scope_for

from .models import Plan, PlanImport, PlanReference, PlanVersion, ReformArea


def clean_plan_number(number: str | None) -> str:
    """“013” and “13” are the same number."""
    return (number or "").strip().lstrip("0") or (number or "").strip()


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def plan_duplicate_find(
    *,
    agency_id: int,
    number: str | None,
    symbol: str | None,
    issued_on: date | None,
    file_hash: str = "",
    exclude_id: int | None = None,
) -> Plan | None:
    """The agency's plan that this one repeats: the same number and symbol in the same year, or a version
    imported from the very same file. Unscoped: the service guards with it, the pages use the scoped one."""
    if number and symbol:
        others = Plan.objects.filter(agency_id=agency_id, symbol__iexact=symbol.strip()).exclude(
            pk=exclude_id or 0
        )
        for other in others:
            same_year = issued_on is None or other.issued_on is None or other.issued_on.year == issued_on.year
            if clean_plan_number(other.number) == clean_plan_number(number) and same_year:
                return other
    if file_hash:
        version = (
            PlanVersion.objects.filter(plan__agency_id=agency_id, content_hash=file_hash)
            .exclude(plan_id=exclude_id or 0)
            .select_related("plan")
            .order_by("-created_at", "-pk")
            .first()
        )
        if version is not None:
            return version.plan
    return None


def plan_import_duplicate_for_user(*, user: Any, plan_import: PlanImport, result: Any) -> Plan | None:
    """The plan a pending import would repeat, if the user may read it (a new version is never a repeat)."""
    if plan_import.replaces_plan_id is not None:
        return None
    with plan_import.uploaded_file.open("rb") as handle:
        file_hash = content_hash(handle.read())
    header = result.plan
    found = plan_duplicate_find(
        agency_id=plan_import.agency_id,
        number=header.number,
        symbol=header.symbol,
        issued_on=header.issued_on,
        file_hash=file_hash,
    )
    if found is None:
        return None
    return plan_list_for_user(user=user).filter(pk=found.pk).first()


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
