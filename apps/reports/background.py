"""Background work of reports (django-tasks via apps.jobs): the PDF, which takes LibreOffice a few seconds."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.urls import reverse
from django_tasks import task

from apps.jobs.services import job_tracking

from . import export, services
from .models import Report, ReportFile


@task()
def report_pdf(job_id: int | None = None, report_id: int = 0, user_id: int | None = None) -> dict[str, Any]:
    """Write the report's Word file, convert it to PDF, keep the PDF with the report."""
    with job_tracking(job_id) as tracker:
        report = Report.objects.select_related("agency", "agency__parent").get(pk=report_id)
        user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
        tracker.progress(20, "Đang lập tệp Word của báo cáo…")
        word = export.report_docx(report)
        tracker.progress(50, "Đang chuyển sang PDF bằng LibreOffice…")
        from domain.documents.pdf_convert import docx_to_pdf

        data = docx_to_pdf(word.data)
        stored = services.report_file_store(
            report=report, kind=ReportFile.PDF, name=export.file_name(report, "pdf"), data=data, user=user
        )
        tracker.succeed(
            f"Đã xuất PDF ({len(data) // 1024} KB).",
            result_url=reverse("reports:file_download", args=[stored.pk]),
        )
    return {"report_id": report_id, "file_id": stored.pk}
