"""Background work of dossiers (django-tasks via apps.jobs): the Excel export of a long list (28.000 rows take
seconds), written with progress while the person watches the job page."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from apps.jobs.services import job_tracking
from domain.vn_numbers import vn_number

from . import services
from .export import EXPORT_LIMIT, dossiers_to_xlsx
from .filters import dossier_filter_for_user


@task()
def dossier_export(job_id: int | None = None, user_id: int = 0, query: str = "") -> dict[str, Any]:
    """Write the filtered list the user may read (`query` is the list page's filter) to an Excel file."""
    with job_tracking(job_id) as tracker:
        user = get_user_model().objects.get(pk=user_id)
        _, dossiers = dossier_filter_for_user(user=user, data=QueryDict(query))
        total = min(dossiers.count(), EXPORT_LIMIT)
        tracker.progress(2, f"Đang xuất {vn_number(total)} hồ sơ…")

        def written(count: int) -> None:
            tracker.progress(
                2 + 93 * count // max(total, 1), f"Đã ghi {vn_number(count)}/{vn_number(total)} hồ sơ…"
            )

        rows = dossiers.select_related("agency", "unit", "procedure").iterator(chunk_size=2000)
        data = dossiers_to_xlsx(rows, timezone.localdate(), progress=written)
        tracker.progress(97, "Đang lưu tệp…")
        stored = services.dossier_export_store(user=user, data=data, rows=total)
        tracker.succeed(
            f"Đã xuất {vn_number(total)} hồ sơ ra Excel.",
            result_url=reverse("dossiers:export_download", args=[stored.pk]),
        )
    return {"export_id": stored.pk, "rows": total}
