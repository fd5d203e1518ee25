"""The upload gate (``domain.uploads``) seen from Django: each use's rule with its size from settings, and
the one call every service makes before it keeps or opens an uploaded file.

    checked = upload_check(request_file, use=Use.EVIDENCE, field="evidence")   # raises UploadRefused
    record.file.save(checked.stored_name, checked.django_file(), save=False)

``UploadRefused`` is a ``ValidationError``: a form shows its reason as the field's error, the API answers
422 with it. The file is judged from its content in 64 KB pieces; an upload Django spooled to disk is read
from there, never loaded whole.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from enum import StrEnum
from io import BytesIO
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File

from domain import uploads
from domain.uploads import Kind, UploadRule, inspect_upload


class Use(StrEnum):
    """Where a file is uploaded; each use has its rule in ``domain.uploads``."""

    EVIDENCE = "evidence"  # evidence of progress and of indicator values
    PLAN = "plan"  # a plan document to import
    TEMPLATE = "template"  # an agency's Word template for reports
    TABLE = "table"  # a CSV or .xlsx to import (feedback, published points)
    DOSSIERS = "dossiers"  # a dossier export: a table without a size cap of its own (the page sets one)


def rule_for(use: Use, *, max_bytes: int | None = None) -> UploadRule:
    """The rule of a use, its size limit from settings unless ``max_bytes`` is given."""
    base, limit = {
        Use.EVIDENCE: (uploads.EVIDENCE, settings.CCHC_MAX_EVIDENCE_BYTES),
        Use.PLAN: (uploads.PLAN, settings.CCHC_MAX_UPLOAD_BYTES),
        Use.TEMPLATE: (
            uploads.TEMPLATE,
            min(settings.CCHC_MAX_UPLOAD_BYTES, uploads.TEMPLATE.max_bytes or 0),
        ),
        Use.TABLE: (uploads.TABLE, settings.CCHC_MAX_UPLOAD_BYTES),
        Use.DOSSIERS: (uploads.TABLE, None),
    }[use]
    return replace(base, max_bytes=max_bytes if max_bytes is not None else limit)


class UploadRefused(ValidationError):
    """A file the gate refused; ``reason`` is the Vietnamese sentence, keyed by ``field`` when given."""

    def __init__(self, reason: str, field: str | None = None) -> None:
        super().__init__({field: [reason]} if field else reason)
        self.reason = reason


@dataclass(frozen=True)
class CheckedUpload:
    """A file that passed the gate: its content, the name the user gave it, and what it really is."""

    name: str
    file: IO[bytes]
    size: int
    kind: Kind

    @property
    def content_type(self) -> str:
        return uploads.KIND_INFO[self.kind][2]

    @property
    def extension(self) -> str:
        return uploads.KIND_INFO[self.kind][1]

    @property
    def stored_name(self) -> str:
        """The name given to storage: only its extension survives (``RandomPath`` draws the rest)."""
        return f"tep.{self.extension}"

    def read(self) -> bytes:
        self.file.seek(0)
        data = self.file.read()
        self.file.seek(0)
        return data

    def sha256(self) -> str:
        digest = hashlib.sha256()
        self.file.seek(0)
        while piece := self.file.read(1024 * 1024):
            digest.update(piece)
        self.file.seek(0)
        return digest.hexdigest()

    def django_file(self) -> File[Any]:
        self.file.seek(0)
        return File(self.file, name=self.stored_name)


def upload_check(
    source: Any,
    *,
    use: Use,
    name: str = "",
    field: str | None = None,
    max_bytes: int | None = None,
) -> CheckedUpload:
    """Judge an uploaded file (Django or django-ninja ``UploadedFile``, a binary stream, or bytes) for a
    use; raise ``UploadRefused`` with the reason, or return it checked and rewound."""
    if isinstance(source, bytes | bytearray):
        stream: IO[bytes] = BytesIO(source)
        size: int | None = len(source)
    else:
        stream = getattr(source, "file", None) or source
        size = getattr(source, "size", None)
        name = name or getattr(source, "name", "") or ""
    name = name or "tệp"
    verdict = inspect_upload(stream, name=name, rule=rule_for(use, max_bytes=max_bytes), size=size)
    if not verdict.ok:
        raise UploadRefused(verdict.reason, field)
    return CheckedUpload(name=name, file=stream, size=verdict.size, kind=verdict.kind)
