"""Evidence files judged by content."""

import io
import zipfile

import pytest

from domain.evidence import check_evidence

LIMIT = 1024 * 1024


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "ok"),
    [
        ("bien-ban.pdf", b"%PDF-1.7\n...", True),
        ("anh.png", b"\x89PNG\r\n\x1a\n....", True),
        ("anh.JPG", b"\xff\xd8\xff\xe0....", True),
        ("bao-cao.docx", _docx(), True),
        ("virus.pdf", b"MZ\x90\x00....", False),
        ("gia.pdf", b"<html>not a pdf</html>", False),
        ("chay.exe", b"MZ\x90\x00", False),
        ("script.sh", b"#!/bin/sh\nrm -rf /", False),
        ("bao-cao.docx", b"PK\x03\x04garbage", False),
        ("trong.pdf", b"", False),
    ],
)
def test_evidence_is_judged_by_its_content(name, data, ok):
    assert check_evidence(name, data, max_bytes=LIMIT).ok is ok


def test_a_file_too_large_is_refused_with_its_limit():
    result = check_evidence("lon.pdf", b"%PDF-" + b"0" * LIMIT, max_bytes=LIMIT)
    assert not result.ok and "tối đa 1 MB" in result.reason
