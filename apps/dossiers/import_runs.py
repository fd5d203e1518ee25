"""Dossier imports started from the page or the API, and what happens when their server dies midway.

The uploaded file is kept in storage while it is imported (`ImportBatch.source_file`) and deleted once the import
has a result. A batch holds a lease while it runs (`apps.jobs.leases`); when its process dies the lease expires,
the batch is marked interrupted with a message, and “Thử lại” imports the kept file again as a new batch — a new
import of the same agency is never blocked by a dead one. The merge runs in one transaction, so a dead import
wrote no dossier, unless it died after the commit and before its summary was saved: the message says which.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.core.files.storage import Storage

from apps.core.uploads import Use, upload_check
from apps.jobs.leases import leases_sweep
from apps.organizations.models import Agency

from . import services
from .choices import ImportStatus
from .models import Dossier, ImportBatch, SourceMapping

KEPT_DIR = "dossier-imports/dang-nhap/"


def _storage() -> Storage:
    return ImportBatch._meta.get_field("source_file").storage  # type: ignore[attr-defined, no-any-return]


def import_interrupted_message(batch: ImportBatch) -> str:
    """What an import whose process died says; it looks whether the import committed its dossiers first."""
    if Dossier.objects.filter(batch_id=batch.pk).exists():
        told = (
            "Quá trình nhập bị gián đoạn sau khi đã ghi hồ sơ của tệp (máy chủ dừng trước khi lưu bản tóm tắt), "
            "nên chưa có số dòng và tệp dòng lỗi."
        )
        again = "Bấm “Thử lại” để nhập lại tệp và có bản tóm tắt (hồ sơ trùng mã được cập nhật, không tạo bản trùng)."
    else:
        told = "Quá trình nhập bị gián đoạn (máy chủ dừng giữa chừng); không có dòng nào được ghi."
        again = "Bấm “Thử lại” để chạy lại."
    return f"{told} {again if batch.source_file else 'Hãy nhập lại tệp.'}"


def import_batches_sweep() -> int:
    """Mark interrupted the imports whose process died; pages and the API call it before they show imports."""
    return leases_sweep(ImportBatch)


def _keep(upload: File) -> str:
    """Store the upload for as long as it is imported; returns its name in storage."""
    extension = (upload.name or "").rsplit(".", 1)[-1].lower() if "." in (upload.name or "") else "csv"
    extension = extension if re.fullmatch(r"[a-z0-9]{1,5}", extension) else "csv"
    return _storage().save(f"{KEPT_DIR}{uuid.uuid4().hex}.{extension}", upload)


def _release(batch: ImportBatch) -> None:
    """Delete the kept file once the import has a result (an interrupted one keeps it for “Thử lại”)."""
    if batch.status in (ImportStatus.RUNNING, ImportStatus.INTERRUPTED) or not batch.source_file:
        return
    _storage().delete(str(batch.source_file.name))
    ImportBatch.objects.filter(pk=batch.pk).update(source_file="")
    batch.source_file.name = ""


def dossier_import_upload(
    *,
    upload: File,
    user: Any,
    agency: Agency | None,
    allowed_agency_ids: set[int],
    source: SourceMapping | None,
    load_good_rows: bool,
    max_bytes: int | None = None,
) -> ImportBatch:
    """Import a file sent from the page or the API, keeping a copy until the import has a result.

    The upload gate judges the file before anything is kept; a refused file raises `UploadRefused`."""
    upload_check(upload, use=Use.DOSSIERS, name=upload.name or "", field="file", max_bytes=max_bytes)
    kept = _keep(upload)
    with _storage().open(kept, "rb") as stream:
        batch = services.dossier_import(
            stream=stream,
            filename=upload.name or "ho-so.csv",
            user=user,
            agency=agency,
            allowed_agency_ids=allowed_agency_ids,
            source=source,
            load_good_rows=load_good_rows,
            file_size=upload.size or 0,
            source_file=kept,
            max_bytes=max_bytes,
        )
    _release(batch)
    return batch


def import_batch_retry(*, batch: ImportBatch, user: Any, allowed_agency_ids: set[int]) -> ImportBatch:
    """Import again, as a new batch, the kept file of an import whose process died.

    Taking the file from the old batch is one conditional update, so a second click (or a second person) finds
    it gone and starts nothing."""
    if batch.agency_id is None or batch.agency_id not in allowed_agency_ids:
        raise PermissionDenied("Bạn không có quyền nhập dữ liệu hồ sơ của cơ quan này.")
    if batch.status == ImportStatus.RUNNING:
        raise ValidationError("Lần nhập này vẫn đang chạy; hãy chờ kết quả.")
    name = str(batch.source_file.name) if batch.can_retry else ""
    taken = bool(name) and bool(
        ImportBatch.objects.filter(pk=batch.pk, status=ImportStatus.INTERRUPTED, source_file=name).update(
            source_file=""
        )
    )
    if not taken:
        if batch.retries.exists():
            raise ValidationError("Lần nhập này đã được chạy lại; xem kết quả ở lần nhập mới.")
        raise ValidationError("Lần nhập này không còn tệp để chạy lại; hãy nhập lại tệp.")
    with _storage().open(name, "rb") as stream:
        again = services.dossier_import(
            stream=stream,
            filename=batch.original_name,
            user=user,
            agency=batch.agency,
            allowed_agency_ids=allowed_agency_ids,
            source=batch.source,
            load_good_rows=batch.load_good_rows,
            file_size=batch.file_size,
            source_file=name,
            retry_of=batch,
        )
    _release(again)
    return again
