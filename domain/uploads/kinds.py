"""The kinds of file the gate tells apart, what each is called in Vietnamese, and the refusal it raises."""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    """What a file is, judged from its content (the name is never trusted)."""

    PDF = "pdf"
    DOCX = "docx"
    XLSX = "xlsx"
    PPTX = "pptx"
    DOC = "doc"
    XLS = "xls"
    PPT = "ppt"
    ODT = "odt"
    ODS = "ods"
    ODP = "odp"
    PNG = "png"
    JPEG = "jpeg"
    GIF = "gif"
    WEBP = "webp"
    TEXT = "text"
    # Recognised only to say what was refused: no use accepts them.
    ZIP = "zip"
    OLE = "ole"
    RTF = "rtf"
    HTML = "html"
    SVG = "svg"
    XML = "xml"
    EXECUTABLE = "executable"
    UNKNOWN = "unknown"


# kind: (what it is called, extension it is stored and downloaded with, content type it is served as)
KIND_INFO: dict[Kind, tuple[str, str, str]] = {
    Kind.PDF: ("tệp PDF", "pdf", "application/pdf"),
    Kind.DOCX: (
        "tài liệu Word (.docx)",
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    Kind.XLSX: (
        "bảng tính Excel (.xlsx)",
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    Kind.PPTX: (
        "trình chiếu PowerPoint (.pptx)",
        "pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    Kind.DOC: ("tài liệu Word 97–2003 (.doc)", "doc", "application/msword"),
    Kind.XLS: ("bảng tính Excel 97–2003 (.xls)", "xls", "application/vnd.ms-excel"),
    Kind.PPT: ("trình chiếu PowerPoint 97–2003 (.ppt)", "ppt", "application/vnd.ms-powerpoint"),
    Kind.ODT: ("văn bản OpenDocument (.odt)", "odt", "application/vnd.oasis.opendocument.text"),
    Kind.ODS: ("bảng tính OpenDocument (.ods)", "ods", "application/vnd.oasis.opendocument.spreadsheet"),
    Kind.ODP: (
        "trình chiếu OpenDocument (.odp)",
        "odp",
        "application/vnd.oasis.opendocument.presentation",
    ),
    Kind.PNG: ("ảnh PNG", "png", "image/png"),
    Kind.JPEG: ("ảnh JPEG", "jpg", "image/jpeg"),
    Kind.GIF: ("ảnh GIF", "gif", "image/gif"),
    Kind.WEBP: ("ảnh WebP", "webp", "image/webp"),
    Kind.TEXT: ("văn bản thuần (.txt, .csv)", "txt", "text/plain"),
    Kind.ZIP: ("tệp nén .zip", "zip", "application/octet-stream"),
    Kind.OLE: ("tệp Office đời cũ không rõ loại", "bin", "application/octet-stream"),
    Kind.RTF: ("văn bản RTF", "rtf", "application/octet-stream"),
    Kind.HTML: ("trang web HTML", "html", "application/octet-stream"),
    Kind.SVG: ("ảnh SVG", "svg", "application/octet-stream"),
    Kind.XML: ("tệp XML", "xml", "application/octet-stream"),
    Kind.EXECUTABLE: ("chương trình chạy được", "bin", "application/octet-stream"),
    Kind.UNKNOWN: ("tệp không rõ loại", "bin", "application/octet-stream"),
}

# Content types the download view may send as they are; anything else goes out as application/octet-stream.
SAFE_CONTENT_TYPES = frozenset(
    content_type for _, _, content_type in KIND_INFO.values() if content_type != "application/octet-stream"
) | {"text/csv"}

# The order extensions are listed in a message ("chỉ nhận .pdf, .docx, …").
LISTING_ORDER = (
    Kind.PDF,
    Kind.DOCX,
    Kind.XLSX,
    Kind.PPTX,
    Kind.DOC,
    Kind.XLS,
    Kind.PPT,
    Kind.ODT,
    Kind.ODS,
    Kind.ODP,
    Kind.PNG,
    Kind.JPEG,
    Kind.GIF,
    Kind.WEBP,
    Kind.TEXT,
)

# Names inside an archive (or attached to a PDF) that would run if opened.
EXECUTABLE_EXTENSIONS = frozenset(
    {
        "exe",
        "dll",
        "com",
        "scr",
        "msi",
        "bat",
        "cmd",
        "js",
        "jse",
        "vbs",
        "vbe",
        "wsf",
        "wsh",
        "ps1",
        "psm1",
        "sh",
        "bash",
        "jar",
        "hta",
        "lnk",
        "cpl",
        "pif",
        "apk",
        "elf",
        "so",
        "dylib",
    }
)

# First bytes of programs: Windows PE (MZ), ELF, Mach-O (both byte orders, 32/64-bit, fat), scripts (#!).
EXECUTABLE_MAGIC = (
    b"MZ",
    b"\x7fELF",
    b"\xfe\xed\xfa\xce",
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",
    b"#!",
)
# Every Windows program carries this stub text near its start: found anywhere inside a document, the
# document carries a program (an .exe packed into an OLE object of a Word file, for instance).
PE_STUB = b"This program cannot be run in DOS mode"


def looks_executable(head: bytes) -> bool:
    """Whether the first bytes of a part are a program: a Windows PE (MZ with its PE header or DOS stub),
    ELF, Mach-O, or a script with a #! line. Stricter than the first two bytes alone, which an obfuscated
    font or a picture may start with by chance."""
    if head.startswith(b"MZ") and len(head) >= 64:
        offset = int.from_bytes(head[60:64], "little")
        return head[offset : offset + 4] == b"PE\x00\x00" or PE_STUB in head[:1024]
    return head.startswith(EXECUTABLE_MAGIC[1:-1]) or head.startswith(b"#!/")


def extension_of(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return base.rsplit(".", 1)[-1].lower() if "." in base else ""


def shown_name(name: str) -> str:
    """The file's name as a message may quote it: no folders, no control characters, not too long."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    clean = "".join(ch for ch in base if ch.isprintable()).strip() or "tệp"
    return clean if len(clean) <= 80 else clean[:79] + "…"


def shown_part(part: str) -> str:
    """A part's path inside an archive as a message may quote it (“word/styles.xml”)."""
    clean = "".join(ch for ch in part if ch.isprintable()).strip() or "?"
    return clean if len(clean) <= 80 else "…" + clean[-79:]


class Refused(Exception):
    """A file the gate will not let through; ``reason`` is the Vietnamese sentence to show."""

    def __init__(self, reason: str, kind: Kind | None = None, *, bomb: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.kind = kind
        self.bomb = bomb  # beyond the inflation limits (as opposed to corrupt, encrypted, a program)


def corrupt(name: str, detail: str) -> Refused:
    return Refused(
        f"Tệp “{shown_name(name)}” bị hỏng ({detail}), không mở được. Hãy lưu lại tệp rồi tải lên lại."
    )


def encrypted(name: str) -> Refused:
    return Refused(
        f"Tệp “{shown_name(name)}” được đặt mật khẩu (mã hóa) nên không kiểm tra được nội dung; "
        "hãy gỡ mật khẩu rồi tải lên lại."
    )


def program_inside(name: str, part: str) -> Refused:
    return Refused(
        f"Tệp “{shown_name(name)}” chứa chương trình hoặc mã lệnh chạy được (“{shown_part(part)}”), "
        "không được nhận."
    )


def macros_inside(name: str, part: str) -> Refused:
    return Refused(
        f"Tệp “{shown_name(name)}” chứa macro hoặc mã lệnh (“{shown_part(part)}”), không được nhận. "
        "Hãy lưu lại thành tệp không có macro (.docx, .xlsx, .pptx) rồi tải lên lại."
    )
