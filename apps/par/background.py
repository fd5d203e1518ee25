"""Background work of the assessment year: pre-filling every agency's computed criteria once a round is opened
(a province of 150 Sở takes about a minute, longer than a page request should)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django_tasks import task

from apps.jobs.services import job_tracking

from .choices import AssessmentStatus
from .models import Assessment
from .services import assessment_prefill


@task()
def prefill_round(job_id: int | None = None, round_id: int = 0) -> dict[str, Any]:
    with job_tracking(job_id) as tracker:
        drafts = list(
            Assessment.objects.filter(
                round_id=round_id, status=AssessmentStatus.DRAFT, prefilled_at__isnull=True
            )
        )
        filled = 0
        for index, assessment in enumerate(drafts, start=1):
            filled += assessment_prefill(assessment=assessment)
            tracker.progress(
                100 * index // max(len(drafts), 1), f"Đã lấy số liệu cho {index}/{len(drafts)} cơ quan."
            )
        tracker.succeed(
            f"Đã lấy số liệu của hệ thống cho {len(drafts)} cơ quan ({filled} tiêu chí có điểm tính sẵn).",
            result_url=reverse("par:round", args=[round_id]),
        )
    return {"agencies": len(drafts), "filled": filled}
