"""The upload gate, table by table: each good kind accepted, each bad kind refused with its reason."""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile
from dataclasses import replace

import pytest

from domain.uploads import EVIDENCE, PLAN, TABLE, TEMPLATE, Kind, inspect_upload, zip_bounds_problem
from domain.uploads.tests import samples

MB = 1 << 20
DOCX = samples.docx()


def judge(data: bytes, name: str = "tep", rule=EVIDENCE):  # type: ignore[no-untyped-def]
    return inspect_upload(io.BytesIO(data), name=name, rule=rule)


@pytest.mark.parametrize(
    ("name", "data", "rule", "kind"),
    [
        ("bao-cao.docx", DOCX, EVIDENCE, Kind.DOCX),
        ("so-lieu.xlsx", samples.xlsx(), EVIDENCE, Kind.XLSX),
        ("bien-ban.pdf", samples.pdf(), EVIDENCE, Kind.PDF),
        ("anh.png", samples.png(), EVIDENCE, Kind.PNG),
        ("anh.JPG", samples.jpeg(), EVIDENCE, Kind.JPEG),
        ("van-ban.doc", samples.ole({"WordDocument": samples.word_stream()}), EVIDENCE, Kind.DOC),
        ("ke-hoach.docx", DOCX, PLAN, Kind.DOCX),
        ("ke-hoach.txt", "KẾ HOẠCH\nCải cách hành chính năm 2026".encode(), PLAN, Kind.TEXT),
        ("mau.docx", DOCX, TEMPLATE, Kind.DOCX),
        ("ho-so.csv", b"ma_ho_so;ngay_nhan\n001;01/03/2026\n", TABLE, Kind.TEXT),
        ("ho-so.csv", "ma;ten\n1;Ủy ban\n".encode("utf-16"), TABLE, Kind.TEXT),
        ("ho-so.xlsx", samples.xlsx(), TABLE, Kind.XLSX),
        # The name does not matter, the content does.
        ("bao-cao.pdf", DOCX, EVIDENCE, Kind.DOCX),
        (
            "bao-cao.docx",
            samples.with_parts(DOCX, {"word/embeddings/Microsoft_Excel_Worksheet.xlsx": samples.xlsx()}),
            EVIDENCE,
            Kind.DOCX,
        ),
    ],
)
def test_good_files_are_accepted_with_the_kind_their_content_has(name, data, rule, kind):
    verdict = judge(data, name, rule)
    assert verdict.ok, verdict.reason
    assert verdict.kind == kind


@pytest.mark.parametrize(
    ("case", "data", "rule", "reason"),
    [
        ("empty", b"", EVIDENCE, "rỗng"),
        ("executable", samples.MZ, EVIDENCE, "chương trình chạy được"),
        ("ELF", b"\x7fELF\x02\x01\x01" + b"\x00" * 60, EVIDENCE, "chương trình chạy được"),
        ("shell script", b"#!/bin/sh\nrm -rf /\n", EVIDENCE, "chương trình chạy được"),
        ("HTML", b"<!DOCTYPE html><html><script>alert(1)</script></html>", EVIDENCE, "trang web HTML"),
        ("SVG", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', EVIDENCE, "ảnh SVG"),
        ("SVG with XML declaration", b'<?xml version="1.0"?>\n<svg onload="x()"/>', EVIDENCE, "ảnh SVG"),
        ("plain text as evidence", b"chi la van ban", EVIDENCE, "văn bản thuần"),
        ("binary junk", bytes(range(256)) * 4, EVIDENCE, "Không nhận ra loại"),
        ("pdf as template", samples.pdf(), TEMPLATE, "Chỉ nhận: .docx"),
        ("xlsx as plan", samples.xlsx(), PLAN, "Chỉ nhận: .pdf, .docx, .txt"),
        (
            "plain zip",
            samples.with_parts(b"PK\x05\x06" + b"\x00" * 18, {"a.txt": b"x"}),
            EVIDENCE,
            "tệp nén .zip",
        ),
        (
            "docx with an exe part",
            samples.with_parts(DOCX, {"word/embeddings/setup.exe": samples.MZ}),
            EVIDENCE,
            "setup.exe",
        ),
        (
            "docx with a script part",
            samples.with_parts(DOCX, {"word/run.vbs": b"MsgBox 1"}),
            EVIDENCE,
            "run.vbs",
        ),
        (
            "docx with a renamed program",
            samples.with_parts(DOCX, {"word/media/image9.png": samples.MZ}),
            EVIDENCE,
            "image9.png",
        ),
        (
            "docx with a program in an OLE object",
            samples.with_parts(
                DOCX, {"word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0" + b"\x00" * 600 + samples.MZ}
            ),
            EVIDENCE,
            "chương trình",
        ),
        (
            "macro-enabled docx",
            samples.with_parts(DOCX, {"word/vbaProject.bin": b"\x00" * 10}),
            EVIDENCE,
            "macro",
        ),
        ("encrypted zip", samples.encrypted_zip(DOCX), EVIDENCE, "mật khẩu"),
        ("corrupt zip", b"PK\x03\x04" + b"\x00" * 200, EVIDENCE, "bị hỏng"),
        ("truncated docx", DOCX[: len(DOCX) // 2] + DOCX[-200:], EVIDENCE, "bị hỏng"),
        (
            "encrypted Office file",
            samples.ole({"EncryptionInfo": b"\x04\x00", "EncryptedPackage": b"\x00" * 8}),
            EVIDENCE,
            "mật khẩu",
        ),
        (
            "encrypted Word 97",
            samples.ole({"WordDocument": samples.word_stream(encrypted=True)}),
            EVIDENCE,
            "mật khẩu",
        ),
        (
            "Word 97 with macros",
            samples.ole({"WordDocument": samples.word_stream(), "Macros": b""}),
            EVIDENCE,
            "macro",
        ),
        ("unknown OLE (an .msi)", samples.ole({"SummaryInformation": b""}), EVIDENCE, "Office đời cũ"),
        ("corrupt OLE", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, EVIDENCE, "bị hỏng"),
        ("PDF without %%EOF", samples.pdf()[:-7], EVIDENCE, "%%EOF"),
        (
            "PDF that is junk",
            b"%PDF-1.7\n" + bytes(range(256)) * 20 + b"\n%%EOF\n",
            EVIDENCE,
            "không đọc được",
        ),
        ("encrypted PDF", samples.pdf(extra_trailer="/Encrypt 9 0 R"), EVIDENCE, "mật khẩu"),
        (
            "PDF with JavaScript",
            samples.pdf(catalog_extra="/OpenAction<</S/JavaScript/JS(app.alert(1))>>"),
            EVIDENCE,
            "JavaScript",
        ),
        (
            "PDF with escaped JavaScript",
            samples.pdf(catalog_extra="/OpenAction<</S/J#61vaScript>>"),
            EVIDENCE,
            "JavaScript",
        ),
        (
            "PDF that launches a program",
            samples.pdf(catalog_extra="/OpenAction<</S/Launch/F(cmd.exe)>>"),
            EVIDENCE,
            "chương trình",
        ),
        ("truncated PNG", samples.png()[:-12], EVIDENCE, "ảnh bị cắt cụt"),
        ("truncated JPEG", samples.jpeg()[:-2], EVIDENCE, "ảnh bị cắt cụt"),
        ("CSV with NUL bytes", b"a,b\n\x00\x00\x01\x02", TABLE, "Không nhận ra loại"),
        ("HTML as a table", b"<html><body><table></table></body></html>", TABLE, "trang web HTML"),
    ],
)
def test_each_bad_kind_is_refused_with_its_reason(case, data, rule, reason):
    verdict = judge(data, "tep-tai-len", rule)
    assert not verdict.ok, case
    assert reason in verdict.reason, verdict.reason
    assert "tep-tai-len" in verdict.reason or "“" in verdict.reason


def test_a_file_over_the_size_limit_is_refused_with_the_limit():
    verdict = judge(samples.pdf() + b" " * MB, rule=replace(EVIDENCE, max_bytes=MB))
    assert not verdict.ok and "tối đa 1 MB" in verdict.reason


@pytest.mark.parametrize(
    ("part", "size", "rule", "reason"),
    [
        ("word/document.xml", 120 * MB, TEMPLATE, "bom nén"),  # over the template's total
        ("word/styles.xml", 70 * MB, PLAN, "word/styles.xml"),  # every part counts, not only document.xml
        ("word/media/image1.png", 4 * MB, EVIDENCE, "nén bất thường"),  # ratio: 4 MB of zeros in ~4 KB
    ],
)
def test_zip_bombs_are_refused_from_the_directory_before_inflating(part, size, rule, reason):
    data = samples.bomb_bytes(part, size)
    tracemalloc.start()
    started = time.perf_counter()
    verdict = judge(data, "bom.docx", rule)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert not verdict.ok and reason in verdict.reason, verdict.reason
    assert elapsed < 0.5 and peak < 5 * MB  # nothing inflated


def test_a_zip_with_too_many_parts_is_refused_from_its_end_record():
    buffer = io.BytesIO()
    samples.many_parts(buffer, 6000)
    verdict = judge(buffer.getvalue(), "nhieu.docx")
    assert not verdict.ok and "quá nhiều phần" in verdict.reason


def test_a_nested_zip_is_refused():
    buffer = io.BytesIO()
    samples.nested_bomb(buffer, 200 * MB)
    verdict = judge(buffer.getvalue(), "long.docx")
    assert not verdict.ok and "bom nén" in verdict.reason


def test_a_plain_zip_nested_in_a_document_is_refused():
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("ghi-chu.txt", "x")
    verdict = judge(samples.with_parts(DOCX, {"word/embeddings/goi.zip": inner.getvalue()}), "long.docx")
    assert not verdict.ok and "goi.zip" in verdict.reason


def test_declared_sizes_that_lie_are_caught_while_inflating():
    """A part declared 1 KB that holds 4 MB: zipfile stops at the declared size and the checksum fails."""
    data = bytearray(samples.bomb_bytes("word/media/image1.png", 4 * MB))
    directory = data.rfind(b"word/media/image1.png") - 46
    assert data[directory : directory + 4] == b"PK\x01\x02"
    data[directory + 24 : directory + 28] = (1024).to_bytes(4, "little")  # uncompressed size
    verdict = judge(bytes(data), "noi-doi.docx")
    assert not verdict.ok and "bị hỏng" in verdict.reason


def test_the_budget_stops_inflating_at_the_limit():
    rule = replace(
        EVIDENCE, zip_limits=replace(EVIDENCE.zip_limits, max_uncompressed=2 * MB, max_ratio=10_000)
    )
    data = samples.bomb_bytes("word/media/a.bin", 1 * MB)
    assert judge(data, rule=rule).ok
    nested = samples.with_parts(
        DOCX, {"word/embeddings/b.docx": samples.bomb_bytes("word/media/c.bin", 3 * MB // 2)}
    )
    verdict = judge(nested, "long.docx", rule)
    assert not verdict.ok and "bom nén" in verdict.reason


def test_openers_check_the_same_limits_from_the_directory():
    assert zip_bounds_problem(DOCX, TEMPLATE.zip_limits) is None
    problem = zip_bounds_problem(samples.bomb_bytes("word/styles.xml", 60 * MB), TEMPLATE.zip_limits)
    assert problem is not None and "word/styles.xml" in problem


def test_the_stream_is_left_at_its_start():
    stream = io.BytesIO(DOCX)
    stream.seek(100)
    assert inspect_upload(stream, name="a.docx", rule=EVIDENCE).ok
    assert stream.tell() == 0
