"""Progress updates with evidence, and the authority's acceptance: the only way a result counts as done."""

from __future__ import annotations

from datetime import date
from typing import IO, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from apps.core.uploads import CheckedUpload, UploadRefused, Use, upload_check
from apps.core.versioning import version_check, versioned_save

from ..models import AcceptanceDecision, Evidence, Occurrence, ProgressUpdate


def _locked(occurrence: Occurrence, expected_version: int | None) -> Occurrence:
    locked = Occurrence.objects.select_for_update(of=("self",)).select_related("task").get(pk=occurrence.pk)
    version_check(locked, expected_version)
    return locked


@transaction.atomic
def progress_submit(
    *,
    occurrence: Occurrence,
    user: Any,
    percent: int,
    note: str = "",
    reason: str = "",
    links: list[str] | None = None,
    files: list[tuple[str, bytes | IO[bytes]]] | None = None,
    complete: bool = False,
    completed_on: date | None = None,
    unit: Any = None,
    expected_version: int | None = None,
) -> ProgressUpdate:
    """Record progress on one occurrence; refuse bad input with a Vietnamese message and save nothing.

    ``files`` are (name, content) pairs, the content bytes or an uploaded file; each passes the upload gate.
    """
    if not user.has_perm("tasks.report_progress", occurrence.task):
        raise PermissionDenied("Bạn không thuộc đơn vị chủ trì hoặc phối hợp của nhiệm vụ này.")
    locked = _locked(occurrence, expected_version)
    errors: dict[str, str] = {}
    today = timezone.localdate()
    if locked.not_applicable:
        raise ValidationError("Kỳ này không áp dụng (đã kết thúc trước khi kế hoạch ban hành).")
    if locked.accepted_on is not None:
        raise ValidationError("Kết quả kỳ này đã được nghiệm thu; không thể báo cáo thêm.")
    if (complete or percent == 100) and not user.has_perm("tasks.complete_task", locked.task):
        leads = ", ".join(unit.name for unit in locked.task.lead_units.all()) or "đơn vị chủ trì"
        raise ValidationError(
            {
                "percent": "Đơn vị của bạn phối hợp thực hiện nhiệm vụ này: hãy báo cáo phần việc đã đóng góp "
                f"(dưới 100%). Chỉ đơn vị chủ trì ({leads}) báo cáo hoàn thành nhiệm vụ."
            }
        )
    if not 0 <= percent <= 100:
        errors["percent"] = "Tiến độ phải từ 0 đến 100%."
    elif percent < locked.percent and not reason.strip():
        errors["reason"] = f"Tiến độ thấp hơn lần trước ({locked.percent}%): hãy ghi lý do điều chỉnh giảm."
    if complete:
        completed_on = completed_on or today
        if percent != 100:
            errors["percent"] = "Báo cáo hoàn thành thì tiến độ phải là 100%."
        if completed_on > today:
            errors["completed_on"] = "Ngày hoàn thành không thể ở tương lai."
    clean_links = [link.strip() for link in links or [] if link.strip()]
    for link in clean_links:
        if not link.startswith(("http://", "https://")):
            errors["links"] = (
                f"Đường dẫn “{link[:60]}” không hợp lệ (phải bắt đầu bằng http:// hoặc https://)."
            )
    checked: list[CheckedUpload] = []
    for name, data in files or []:
        try:
            checked.append(upload_check(data, use=Use.EVIDENCE, name=name))
        except UploadRefused as refusal:
            errors["files"] = refusal.reason
            break
    if errors:
        raise ValidationError(errors)
    update = ProgressUpdate.objects.create(
        occurrence=locked,
        unit=unit,
        author=user,
        percent=percent,
        note=note.strip(),
        reason=reason.strip(),
        links=clean_links,
        is_completion=complete,
        completed_on=completed_on if complete else None,
    )
    for upload in checked:
        evidence = Evidence(
            update=update,
            original_name=upload.name[:255],
            size=upload.size,
            content_type=upload.content_type,
            sha256=upload.sha256(),
        )
        evidence.file.save(upload.stored_name, upload.django_file(), save=False)
        evidence.save()
    locked.percent = percent
    if complete:
        locked.submitted_at = timezone.now()
        locked.completed_on = completed_on
    versioned_save(locked, update_fields=["percent", "submitted_at", "completed_on"])
    return update


@transaction.atomic
def occurrence_accept(
    *, occurrence: Occurrence, user: Any, expected_version: int | None = None
) -> Occurrence:
    """The authority accepts the submitted result; it counts as done on the day it was completed."""
    if not user.has_perm("tasks.accept_result", occurrence.task):
        raise PermissionDenied("Chỉ người có thẩm quyền của nhiệm vụ mới được nghiệm thu.")
    locked = _locked(occurrence, expected_version)
    if locked.submitted_at is None:
        raise ValidationError("Chưa có báo cáo hoàn thành để nghiệm thu.")
    if locked.accepted_on is not None:
        return locked
    today = timezone.localdate()
    locked.accepted_on = today
    locked.accepted_by = user
    versioned_save(locked, update_fields=["accepted_on", "accepted_by"])
    AcceptanceDecision.objects.create(
        occurrence=locked, decision=AcceptanceDecision.ACCEPTED, decided_by=user, decided_on=today
    )
    return locked


@transaction.atomic
def occurrence_return(
    *, occurrence: Occurrence, user: Any, reason: str, expected_version: int | None = None
) -> Occurrence:
    """The authority returns the result with a reason; the unit reports again."""
    if not user.has_perm("tasks.accept_result", occurrence.task):
        raise PermissionDenied("Chỉ người có thẩm quyền của nhiệm vụ mới được trả lại kết quả.")
    if not reason.strip():
        raise ValidationError({"reason": "Hãy ghi lý do trả lại."})
    locked = _locked(occurrence, expected_version)
    if locked.submitted_at is None or locked.accepted_on is not None:
        raise ValidationError("Chỉ trả lại được kết quả đang chờ nghiệm thu.")
    locked.submitted_at = None
    locked.completed_on = None
    versioned_save(locked, update_fields=["submitted_at", "completed_on"])
    AcceptanceDecision.objects.create(
        occurrence=locked,
        decision=AcceptanceDecision.RETURNED,
        reason=reason.strip(),
        decided_by=user,
        decided_on=timezone.localdate(),
    )
    return locked
