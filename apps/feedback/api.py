"""JSON endpoints of the feedback register: the page's FilterSet and selectors."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest
from ninja import Query, Router, Schema

from apps.core.ids import Id
from apps.organizations.selectors import agency_list_for_user

from . import selectors
from .filters import FeedbackFilter

router = Router(tags=["Phản ánh, kiến nghị"])


class FeedbackOut(Schema):
    id: int
    agency_id: int
    code: str
    received_on: date
    channel: str
    sender: str
    subject: str
    remit: str
    due_on: date | None
    replied_on: date | None
    forwarded_to: str
    forward_due_on: date | None
    forwarded_on: date | None
    satisfied: bool | None
    late_complaint: bool
    status: str
    version: int

    @staticmethod
    def resolve_status(obj: object) -> str:
        return selectors.status_of(obj)  # type: ignore[arg-type]


class FeedbackQuery(Schema):
    q: str | None = None
    agency: Id | None = None
    status: str | None = None
    channel: str | None = None
    remit: str | None = None
    received_from: date | None = None
    received_to: date | None = None


@router.get("/feedback", response=list[FeedbackOut], summary="Sổ phản ánh, kiến nghị (cùng bộ lọc với trang)")
def feedback_list(request: HttpRequest, filters: Query[FeedbackQuery]) -> object:
    data = {key: value for key, value in filters.dict().items() if value not in (None, "")}
    register = FeedbackFilter(
        data or None,
        queryset=selectors.feedback_list_for_user(user=request.user),
        agencies=agency_list_for_user(user=request.user),
    )
    return register.qs[:1000]


@router.get("/feedback/{feedback_id}", response=FeedbackOut, summary="Một phản ánh, kiến nghị")
def feedback_get(request: HttpRequest, feedback_id: Id) -> object:
    return selectors.feedback_get_for_user(user=request.user, pk=feedback_id)
