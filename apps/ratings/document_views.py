"""Downloads of the ratings: the agency's table (.xlsx) and a person's rating sheet (.docx)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from .documents import sheet_to_docx
from .exports import agency_to_xlsx
from .sheets import agency_sheets, person_sheet
from .views import _agency, _period, _person

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _download(data: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def agency_xlsx(request: HttpRequest) -> HttpResponse:
    agency = _agency(request)
    if not request.user.has_perm("ratings.view_agency", agency):
        raise PermissionDenied("Chỉ thủ trưởng và đầu mối của cơ quan tải được bảng xếp loại.")
    period = _period(request)
    data = agency_to_xlsx(agency, period, agency_sheets(agency, period))
    return _download(data, XLSX, f"xep-loai-{period.code}.xlsx")


@login_required
def sheet_docx(request: HttpRequest, pk: int) -> HttpResponse:
    person = _person(request.user, pk)
    period = _period(request)
    data = sheet_to_docx(person_sheet(person, period))
    return _download(data, DOCX, f"phieu-danh-gia-{person.pk}-{period.code}.docx")
