"""JSON endpoints for plans: the same selectors as the pages."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest
from ninja import Router, Schema

from apps.core.ids import Id

from . import selectors

router = Router(tags=["Kế hoạch"])


class ReferenceOut(Schema):
    relation: str
    number: str
    symbol: str
    issued_on: date | None
    issuer: str
    title: str
    target_id: int | None


class PlanOut(Schema):
    id: int
    agency_code: str
    number: str
    symbol: str
    issued_on: date | None
    place: str
    issuer: str
    title: str
    plan_type: str
    status: str
    period_start: date | None
    period_end: date | None
    signer: str
    signer_title: str
    recipients: list[str]
    revision: int
    version: int

    @staticmethod
    def resolve_agency_code(obj: object) -> str:
        return obj.agency.code  # type: ignore[attr-defined]


class PlanDetailOut(PlanOut):
    references: list[ReferenceOut]

    @staticmethod
    def resolve_references(obj: object) -> list[ReferenceOut]:
        return [
            ReferenceOut(
                relation=r.relation,
                number=r.number,
                symbol=r.symbol,
                issued_on=r.issued_on,
                issuer=r.issuer,
                title=r.title,
                target_id=r.target.pk if r.target else None,
            )
            for r in obj.visible_references  # type: ignore[attr-defined]
        ]


@router.get("/plans", response=list[PlanOut], summary="Danh sách kế hoạch được xem")
def plan_list(request: HttpRequest) -> object:
    return selectors.plan_list_for_user(user=request.user)


@router.get("/plans/{plan_id}", response=PlanDetailOut, summary="Một kế hoạch với căn cứ")
def plan_get(request: HttpRequest, plan_id: Id) -> object:
    plan = selectors.plan_get_for_user(user=request.user, pk=plan_id)
    plan.visible_references = selectors.plan_references_for_user(user=request.user, plan=plan)  # type: ignore[attr-defined]
    return plan
