"""Reading files: formats chosen by content, and a clear Vietnamese error for what cannot be read."""

from __future__ import annotations

import io
import zipfile

import pytest

from domain.plan_import import DocumentError, Paragraph, Table, read_document

_PLAN_TEXT = (
    "Số: 05/KH-SXD\nĐắk Lắk, ngày 08 tháng 01 năm 2026\nKẾ HOẠCH\n"
    "Kiểm tra công tác cải cách hành chính năm 2026 của Sở Xây dựng\n"
    "I. MỤC TIÊU\n- 100% phòng được kiểm tra.\n"
)


def _error(data: bytes, name: str) -> str:
    with pytest.raises(DocumentError) as caught:
        read_document(data, name)
    return caught.value.message


def test_empty_file() -> None:
    assert "rỗng" in _error(b"", "kehoach.docx")
    assert "rỗng" in _error(b"  \n\t ", "kehoach.txt")


def test_docx_that_is_not_a_zip() -> None:
    assert "Word" in _error(b"\x00\x01\x02\x03 garbage \x00\xff" * 20, "kehoach.docx")


def test_corrupt_zip_named_docx() -> None:
    assert "bị hỏng" in _error(b"PK\x03\x04" + b"\x00\x13garbage" * 50, "kehoach.docx")


def test_zip_that_is_not_a_docx() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    assert "không phải tài liệu Word" in _error(buffer.getvalue(), "kehoach.docx")


def test_encrypted_or_legacy_word() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100
    assert "mật khẩu" in _error(ole + "EncryptedPackage".encode("utf-16-le"), "kehoach.docx")
    assert ".doc" in _error(ole + "WordDocument".encode("utf-16-le"), "kehoach.doc")


def test_encrypted_pdf() -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    encryption = pdfencrypt.StandardEncryption("mat-khau", ownerPassword="chu", canPrint=0)
    pdf = canvas.Canvas(buffer, encrypt=encryption)
    pdf.drawString(100, 700, "KE HOACH")
    pdf.save()
    assert "mật khẩu" in _error(buffer.getvalue(), "kehoach.pdf")


def test_pdf_with_garbage() -> None:
    assert "PDF bị hỏng" in _error(b"%PDF-1.7\n" + bytes(range(256)) * 20, "kehoach.pdf")


def test_pdf_without_text_layer() -> None:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.rect(100, 100, 200, 200, fill=1)
    pdf.save()
    assert "lớp chữ" in _error(buffer.getvalue(), "scan.pdf")


def test_image_renamed_pdf() -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40
    message = _error(png, "kehoach.pdf")
    assert "ảnh PNG" in message and "kehoach.pdf" in message
    assert "ảnh JPEG" in _error(b"\xff\xd8\xff\xe0" + b"\x00" * 40, "kehoach.pdf")


def test_binary_junk_without_a_known_format() -> None:
    assert "UTF-8" in _error(bytes([0xC3, 0x28, 0xA0, 0xA1, 0xFE, 0x80, 0x81] * 30), "kehoach.txt")


def test_format_chosen_by_content_not_extension() -> None:
    document = read_document(_PLAN_TEXT.encode(), "kehoach.pdf")
    assert document.format == "txt"
    assert any("nội dung thực tế" in note for note in document.notes)


def _cp1258(text: str) -> bytes:
    """Windows-1258 bytes: a letter with a tone mark is its base letter followed by the mark."""
    import unicodedata

    marks = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", char)
        tone = "".join(c for c in decomposed if c in marks)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in marks))
        out += base.encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


def test_windows_1258_text_is_read_with_a_note() -> None:
    document = read_document(_cp1258(_PLAN_TEXT), "kehoach.txt")
    texts = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    assert "KẾ HOẠCH" in texts
    assert any("Windows-1258" in note for note in document.notes)


def _windows_1252(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)  # what Windows shows for the undefined bytes


def test_utf16_and_double_encoded_text() -> None:
    utf16 = read_document(_PLAN_TEXT.encode("utf-16"), "kehoach.txt")
    assert "KẾ HOẠCH" in [b.text for b in utf16.blocks if isinstance(b, Paragraph)]
    mojibake = "".join(_windows_1252(byte) for byte in _PLAN_TEXT.encode("utf-8")).encode("utf-8")
    repaired = read_document(mojibake, "kehoach.txt")
    assert any("mã hóa kép" in note for note in repaired.notes)
    assert "KẾ HOẠCH" in [b.text for b in repaired.blocks if isinstance(b, Paragraph)]


def test_tab_separated_lines_become_a_table() -> None:
    text = "KẾ HOẠCH\nSTT\tNhiệm vụ\tChủ trì\n1\tRà soát\tVăn phòng\n\n\tthủ tục\t\n"
    document = read_document(text.encode(), "a.txt")
    tables = [b for b in document.blocks if isinstance(b, Table)]
    assert tables[0].rows == (
        ("STT", "Nhiệm vụ", "Chủ trì"),
        ("1", "Rà soát", "Văn phòng"),
        ("", "thủ tục", ""),
    )


def test_docx_merged_cells_are_none() -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).text = "TT"
    table.cell(1, 1).text = "Nhiệm vụ 1"
    table.cell(1, 1).merge(table.cell(2, 1))
    table.cell(0, 1).merge(table.cell(0, 2)).text = "Tiêu đề"
    buffer = io.BytesIO()
    document.save(buffer)
    read = read_document(buffer.getvalue(), "a.docx")
    grid = next(b for b in read.blocks if isinstance(b, Table)).rows
    assert grid[0] == ("TT", "Tiêu đề", None)
    assert grid[1][1] == "Nhiệm vụ 1" and grid[2][1] is None
