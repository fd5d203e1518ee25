"""Every write of the feedback register: record, answer or forward, and import a register file in bulk."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.db import transaction

from apps.core.uploads import UploadRefused, Use, upload_check
from apps.core.versioning import version_check, versioned_save
from apps.organizations.models import Agency
from domain.dossier_import.columns import ImportFileError
from domain.dossier_import.dates import DateReader
from domain.dossier_import.reader import open_table
from domain.feedback_import import FeedbackRow, check_feedback_row, feedback_positions
from domain.indicators.feedback_rates import forward_due, reply_due
from domain.spreadsheet_text import safe_row
from domain.vntext import fold

from .choices import Remit
from .models import Feedback

EDITABLE = (
    "unit",
    "code",
    "received_on",
    "channel",
    "sender",
    "subject",
    "remit",
    "forwarded_to",
    "forwarded_on",
    "due_on",
    "replied_on",
    "reply_summary",
    "satisfied",
    "late_complaint",
)


def _derive(feedback: Feedback) -> None:
    """Deadlines from the rules: forwarding within 5 working days; a reply deadline when none was given."""
    if feedback.remit == Remit.FORWARDED:
        feedback.forward_due_on = forward_due(feedback.received_on)
    else:
        feedback.forward_due_on = None
        if feedback.due_on is None:
            feedback.due_on = reply_due(feedback.received_on)
    feedback.search_text = fold(
        " ".join([feedback.code, feedback.sender, feedback.subject, feedback.forwarded_to])
    )


def _check(feedback: Feedback) -> None:
    errors: dict[str, str] = {}
    for name, label in (
        ("due_on", "Hạn xử lý"),
        ("replied_on", "Ngày trả lời"),
        ("forwarded_on", "Ngày chuyển"),
    ):
        value = getattr(feedback, name)
        if value is not None and value < feedback.received_on:
            errors[name] = f"{label} không được trước ngày tiếp nhận."
    if feedback.remit == Remit.FORWARDED and feedback.forwarded_on and not feedback.forwarded_to.strip():
        errors["forwarded_to"] = "Hãy ghi cơ quan có thẩm quyền đã chuyển đến."
    duplicate = Feedback.objects.filter(agency_id=feedback.agency_id, code=feedback.code).exclude(
        pk=feedback.pk
    )
    if duplicate.exists():
        errors["code"] = f"Cơ quan đã có phản ánh, kiến nghị mã “{feedback.code}”."
    if errors:
        raise ValidationError(errors)


def _next_code(agency: Agency, received_on: date) -> str:
    prefix = f"PAKN-{received_on.year}-"
    taken = set(
        Feedback.objects.filter(agency=agency, code__startswith=prefix).values_list("code", flat=True)
    )
    number = len(taken) + 1
    while f"{prefix}{number:04d}" in taken:
        number += 1
    return f"{prefix}{number:04d}"


@transaction.atomic
def feedback_create(*, agency: Agency, user: Any = None, **fields: Any) -> Feedback:
    feedback = Feedback(agency=agency, created_by=user if getattr(user, "is_authenticated", False) else None)
    for name in EDITABLE:
        if name in fields:
            setattr(feedback, name, fields[name])
    if not feedback.code:
        feedback.code = _next_code(agency, feedback.received_on)
    _derive(feedback)
    _check(feedback)
    feedback.save()
    return feedback


@transaction.atomic
def feedback_update(*, feedback: Feedback, expected_version: int, **fields: Any) -> Feedback:
    locked = Feedback.objects.select_for_update().get(pk=feedback.pk)
    version_check(locked, expected_version)
    for name in EDITABLE:
        if name in fields:
            setattr(locked, name, fields[name])
    if locked.remit == Remit.OWN and "due_on" in fields and fields["due_on"] is None:
        locked.due_on = None
    _derive(locked)
    _check(locked)
    versioned_save(locked, expected_version=expected_version)
    return locked


@dataclass
class FeedbackImportResult:
    created: int = 0
    updated: int = 0
    bad: int = 0
    loaded: bool = False
    message: str = ""
    errors: list[tuple[int, str]] = field(default_factory=list)

    def error_csv(self) -> bytes:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(safe_row(["dong", "ly_do"]))
        writer.writerows(safe_row(error) for error in self.errors)
        return buffer.getvalue().encode("utf-8-sig")


_FIELDS = ("received_on", "channel", "subject", "sender", "remit", "forwarded_to", "forwarded_on", "due_on",
           "replied_on", "satisfied", "late_complaint")  # fmt: skip


def feedback_import(
    *, stream: IO[bytes], filename: str, allowed_agency_ids: set[int] | None, load_good_rows: bool = False
) -> FeedbackImportResult:
    """Create or update feedback by (agency, code) in bulk; bad rows are listed with their reasons."""
    result = FeedbackImportResult()
    agencies = (
        Agency.objects.all()
        if allowed_agency_ids is None
        else Agency.objects.filter(pk__in=allowed_agency_ids)
    )
    codes = {code.upper(): pk for code, pk in agencies.values_list("code", "pk")}
    try:
        upload_check(stream, use=Use.TABLE, name=filename)
        table = open_table(stream, filename)
        positions = feedback_positions(table.header)
        reader = DateReader()
        good: dict[tuple[int, str], FeedbackRow] = {}
        for line, cells in table.rows:
            checked = check_feedback_row(line, cells, positions, codes, reader)
            if isinstance(checked, str):
                result.errors.append((line, checked))
            elif (checked.agency_id, checked.code) in good:
                result.errors.append((line, f"Trùng mã phản ánh “{checked.code}” trong cùng tệp."))
            else:
                good[(checked.agency_id, checked.code)] = checked
    except UploadRefused as refusal:
        result.message = refusal.reason
        return result
    except ImportFileError as error:
        result.message = str(error)
        return result
    result.bad = len(result.errors)
    if result.bad and not load_good_rows:
        result.message = f"Tệp có {result.bad} dòng lỗi nên chưa nhập dòng nào. Sửa các dòng lỗi, hoặc chọn nhập các dòng hợp lệ."
        return result
    with transaction.atomic():
        existing = {
            (item.agency_id, item.code): item
            for item in Feedback.objects.filter(
                agency_id__in={key[0] for key in good}, code__in={k[1] for k in good}
            )
        }
        new: list[Feedback] = []
        changed: list[Feedback] = []
        for key, row in good.items():
            item = existing.get(key) or Feedback(agency_id=row.agency_id, code=row.code)
            before = {name: getattr(item, name) for name in _FIELDS} if item.pk else None
            for name in _FIELDS:
                setattr(item, name, getattr(row, name))
            if item.due_on is not None and item.due_on < item.received_on:
                item.due_on = None
            _derive(item)
            if item.pk is None:
                new.append(item)
            elif before != {name: getattr(item, name) for name in _FIELDS}:
                item.version += 1
                changed.append(item)
        Feedback.objects.bulk_create(new, batch_size=500)
        Feedback.objects.bulk_update(
            changed, [*_FIELDS, "forward_due_on", "search_text", "version"], batch_size=500
        )
    result.created, result.updated, result.loaded = len(new), len(changed), True
    result.message = f"Đã nhập {len(new)} phản ánh mới, cập nhật {len(changed)}" + (
        f"; {result.bad} dòng lỗi không được nhập." if result.bad else "."
    )
    return result
