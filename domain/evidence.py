"""Which evidence files (minh chứng) are accepted: judged by their content, not only their name.

Accepted: PDF, Word/Excel/PowerPoint (Office Open XML and the older binary formats), OpenDocument,
PNG, JPEG, GIF, WebP. A file whose content does not match its extension (an executable renamed .pdf)
is refused, and so is anything executable.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from io import BytesIO

KINDS: dict[str, tuple[str, str]] = {
    # extension: (kind the content must have, content type)
    "pdf": ("pdf", "application/pdf"),
    "docx": ("ooxml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": ("ooxml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pptx": ("ooxml", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    "doc": ("ole", "application/msword"),
    "xls": ("ole", "application/vnd.ms-excel"),
    "ppt": ("ole", "application/vnd.ms-powerpoint"),
    "odt": ("odf", "application/vnd.oasis.opendocument.text"),
    "ods": ("odf", "application/vnd.oasis.opendocument.spreadsheet"),
    "png": ("png", "image/png"),
    "jpg": ("jpeg", "image/jpeg"),
    "jpeg": ("jpeg", "image/jpeg"),
    "gif": ("gif", "image/gif"),
    "webp": ("webp", "image/webp"),
}
EXECUTABLE_MAGIC = (b"MZ", b"\x7fELF", b"#!", b"\xca\xfe\xba\xbe", b"\xfe\xed\xfa", b"\xcf\xfa\xed\xfe")


@dataclass(frozen=True)
class FileCheck:
    ok: bool
    content_type: str = ""
    reason: str = ""


def _content_kind(data: bytes) -> str | None:
    head = data[:16]
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(BytesIO(data)) as archive:
                names = set(archive.namelist())
                if "[Content_Types].xml" in names:
                    return "ooxml"
                if "mimetype" in names:
                    return "odf"
        except zipfile.BadZipFile:
            return None
    return None


def check_evidence(name: str, data: bytes, *, max_bytes: int) -> FileCheck:
    """Whether an uploaded evidence file may be kept, with a Vietnamese reason when not."""
    if not data:
        return FileCheck(False, reason=f"Tệp “{name}” rỗng.")
    if len(data) > max_bytes:
        return FileCheck(False, reason=f"Tệp “{name}” quá lớn: tối đa {max_bytes // (1024 * 1024)} MB.")
    if data.startswith(EXECUTABLE_MAGIC):
        return FileCheck(False, reason=f"Tệp “{name}” là tệp chạy được (chương trình), không được nhận.")
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    expected = KINDS.get(extension)
    if expected is None:
        allowed = ", ".join(sorted({f".{ext}" for ext in KINDS}))
        return FileCheck(False, reason=f"Không nhận loại tệp của “{name}”. Chỉ nhận: {allowed}.")
    kind, content_type = expected
    if _content_kind(data) != kind:
        return FileCheck(
            False, reason=f"Nội dung tệp “{name}” không đúng với đuôi .{extension} (tệp giả mạo?)."
        )
    return FileCheck(True, content_type=content_type)
