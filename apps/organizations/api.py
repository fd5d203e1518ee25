"""JSON endpoints for agencies, units and people: thin over the same selectors and services as the pages."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Router, Schema, Status

from apps.core.ids import Id

from . import selectors, services

router = Router(tags=["Cơ quan, đơn vị"])


class AgencyOut(Schema):
    id: int
    code: str
    name: str
    short_name: str
    level: str
    parent_code: str | None
    is_active: bool
    version: int

    @staticmethod
    def resolve_parent_code(obj: object) -> str | None:
        parent = getattr(obj, "parent", None)
        return parent.code if parent is not None else None


class UnitOut(Schema):
    id: int
    agency_id: int
    code: str
    name: str
    short_name: str
    kind: str
    parent_id: int | None
    is_focal: bool
    is_active: bool
    version: int


class UnitIn(Schema):
    code: str
    name: str
    kind: str = "division"
    short_name: str = ""
    parent_id: Id | None = None
    is_focal: bool = False
    is_active: bool = True


class PersonOut(Schema):
    id: int
    agency_id: int
    unit_id: int | None
    full_name: str
    position: str
    email: str
    phone: str
    is_active: bool
    version: int


@router.get("/agencies", response=list[AgencyOut], summary="Danh sách cơ quan được xem")
def agency_list(request: HttpRequest) -> object:
    return selectors.agency_list_for_user(user=request.user).order_by("code")


@router.get("/agencies/{agency_id}", response=AgencyOut, summary="Một cơ quan")
def agency_get(request: HttpRequest, agency_id: Id) -> object:
    return selectors.agency_get_for_user(user=request.user, pk=agency_id)


@router.get("/agencies/{agency_id}/units", response=list[UnitOut], summary="Đơn vị của một cơ quan")
def unit_list(request: HttpRequest, agency_id: Id) -> object:
    agency = selectors.agency_get_for_user(user=request.user, pk=agency_id)
    return selectors.unit_list_for_user(user=request.user, agency=agency)


@router.post("/agencies/{agency_id}/units", response={201: UnitOut}, summary="Thêm đơn vị")
def unit_create(request: HttpRequest, agency_id: Id, payload: UnitIn) -> object:
    agency = selectors.agency_get_for_user(user=request.user, pk=agency_id)
    if not request.user.has_perm("organizations.manage_structure", agency):
        raise PermissionDenied("Bạn không có quyền thêm đơn vị cho cơ quan này.")
    data = payload.dict()
    parent_id = data.pop("parent_id")
    parent = selectors.unit_get_for_user(user=request.user, pk=parent_id) if parent_id else None
    return Status(201, services.unit_create(agency=agency, parent=parent, **data))


@router.get("/units/{unit_id}", response=UnitOut, summary="Một đơn vị")
def unit_get(request: HttpRequest, unit_id: Id) -> object:
    return selectors.unit_get_for_user(user=request.user, pk=unit_id)


@router.get("/agencies/{agency_id}/people", response=list[PersonOut], summary="Cán bộ của một cơ quan")
def person_list(request: HttpRequest, agency_id: Id) -> object:
    agency = selectors.agency_get_for_user(user=request.user, pk=agency_id)
    return selectors.person_list_for_user(user=request.user, agency=agency)


@router.get("/people/{person_id}", response=PersonOut, summary="Một cán bộ")
def person_get(request: HttpRequest, person_id: Id) -> object:
    return selectors.person_get_for_user(user=request.user, pk=person_id)
