"""Stored files: where uploads are kept (random paths) and how they are sent (only behind a permission check).

Nothing under MEDIA_ROOT is served by URL. A download view first resolves its record through the
selector that scopes reading it (another agency's id is a 404), then calls ``file_response``, which sends
the file as an attachment with a safe content type, in one of three ways (``CCHC_FILE_SERVING``):

- ``django``: the app streams it through the storage API (works with S3-compatible storage too);
- ``x-accel``: nginx sends it from an ``internal`` location (``CCHC_FILE_INTERNAL_PREFIX``), the worker is free
  at once (docs/deployment.md has the nginx block);
- ``x-sendfile``: Apache (mod_xsendfile) or lighttpd send it from its path on disk.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.deconstruct import deconstructible

from domain.uploads import KIND_INFO, SAFE_CONTENT_TYPES, extension_of

SERVING_MODES = ("django", "x-accel", "x-sendfile")
_BY_EXTENSION = {extension: content_type for _, extension, content_type in KIND_INFO.values()} | {
    "jpeg": "image/jpeg",
    "csv": "text/csv",
}


@deconstructible
class RandomPath:
    """``upload_to`` for kept files: ``folder/ab/<uuid4>.ext``, which nobody can guess or enumerate.

    Only the extension of the name given to storage survives (services give ``tep.<kind>``, the kind the
    gate found); the name the user chose is kept in the record for display and download.
    """

    def __init__(self, folder: str) -> None:
        self.folder = folder.strip("/")

    def __call__(self, instance: Any, filename: str) -> str:
        token = uuid.uuid4().hex
        extension = extension_of(filename)
        suffix = f".{extension}" if re.fullmatch(r"[a-z0-9]{1,8}", extension) else ""
        return f"{self.folder}/{token[:2]}/{token}{suffix}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RandomPath) and other.folder == self.folder

    def __hash__(self) -> int:
        return hash(self.folder)


def content_type_for(stored_name: str) -> str:
    """The content type to send a stored file with: from the kind the gate found, never from the upload."""
    content_type = _BY_EXTENSION.get(extension_of(stored_name), "application/octet-stream")
    return content_type if content_type in SAFE_CONTENT_TYPES else "application/octet-stream"


def download_name(original: str, stored_name: str) -> str:
    """The name the user gave, with the extension of what the file really is (“bao cáo.pdf.docx” when a
    Word file was named .pdf), so the computer opens it with the right program."""
    base = original.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if ch.isprintable()).strip() or "tep"
    extension = extension_of(stored_name)
    if (
        extension
        and extension_of(base) != extension
        and not (extension == "jpg" and extension_of(base) == "jpeg")
    ):
        base = f"{base}.{extension}"
    return base


def _ascii(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return re.sub(r"[^A-Za-z0-9._-]+", "-", plain).strip("-") or "tep"


def attachment_header(name: str) -> str:
    """``Content-Disposition`` for a download: an ASCII name for old clients and the Vietnamese name in
    RFC 5987 form (``filename*=UTF-8''…``) for the others."""
    return f"attachment; filename=\"{_ascii(name)}\"; filename*=UTF-8''{quote(name, safe='')}"


def _serving_mode() -> str:
    mode = str(getattr(settings, "CCHC_FILE_SERVING", "django"))
    if mode not in SERVING_MODES:
        raise ImproperlyConfigured(
            f"CCHC_FILE_SERVING must be one of {', '.join(SERVING_MODES)}, not {mode!r}."
        )
    return mode


def _local_path(field_file: FieldFile) -> str | None:
    """The file's path on this machine, when it is kept on disk (not in object storage)."""
    if not isinstance(field_file.storage, FileSystemStorage):
        return None
    return str(field_file.storage.path(field_file.name or ""))


def file_response(field_file: FieldFile | None, *, filename: str) -> HttpResponseBase:
    """Send a stored file as an attachment, after the caller has checked that the user may read it."""
    if not field_file or not field_file.name:
        raise Http404("Không có tệp.")
    stored_name = field_file.name
    mode = _serving_mode()
    response: HttpResponseBase
    if mode == "x-accel":
        response = HttpResponse()
        prefix = str(settings.CCHC_FILE_INTERNAL_PREFIX).rstrip("/")
        response["X-Accel-Redirect"] = f"{prefix}/{quote(stored_name)}"
    elif mode == "x-sendfile" and (path := _local_path(field_file)) is not None:
        response = HttpResponse()
        response["X-Sendfile"] = path
    else:
        try:
            handle = field_file.storage.open(stored_name, "rb")
        except OSError as error:
            raise Http404("Tệp không còn trên máy chủ.") from error
        response = FileResponse(handle)
    response["Content-Type"] = content_type_for(stored_name)
    response["Content-Disposition"] = attachment_header(download_name(filename, stored_name))
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-cache"
    return response
