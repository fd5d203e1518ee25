"""Word downloads of the PAR INDEX year: an agency's self-assessment report, for whoever may read the
assessment; the decision publishing a round's results, for Sở Nội vụ once every assessment is final."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from apps.core.files import attachment_header

from . import documents, selectors

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _docx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=DOCX)
    response["Content-Disposition"] = attachment_header(filename)
    return response


@login_required
@require_GET
def assessment_docx(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = selectors.assessment_get_for_user(user=request.user, pk=pk)
    view = selectors.assessment_view(assessment=assessment)
    return _docx(documents.assessment_report_docx(view), documents.assessment_report_name(view))


@login_required
@require_GET
def decision_docx(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = selectors.round_get_for_user(user=request.user, pk=pk)
    if not request.user.has_perm("par.manage_round", round_.province):
        raise PermissionDenied("Chỉ Sở Nội vụ của tỉnh được lập quyết định công bố kết quả Chỉ số CCHC.")
    ranked = selectors.ranking(user=request.user, round_=round_)
    refusal = documents.decision_refusal(ranked)
    if refusal:
        return HttpResponse(refusal, status=400, content_type="text/plain; charset=utf-8")
    return _docx(documents.decision_docx(round_, ranked), documents.decision_name(round_))
