"""Sending stored files: the three ways, the headers, the names."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, InMemoryStorage
from django.http import Http404
from django.test import override_settings

from apps.core.files import RandomPath, attachment_header, content_type_for, download_name, file_response


@dataclass
class Stored:
    """What file_response needs of a FieldFile."""

    name: str
    storage: Any

    def __bool__(self) -> bool:
        return bool(self.name)


def stored(storage: Any, data: bytes = b"%PDF-1.4 ...", name: str = "evidence/ab/ab12.pdf") -> Stored:
    return Stored(storage.save(name, ContentFile(data)), storage)


def test_the_app_streams_the_file_with_safe_headers():
    response = file_response(stored(InMemoryStorage()), filename="Biên bản.pdf")
    assert b"".join(response.streaming_content) == b"%PDF-1.4 ..."
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == (
        "attachment; filename=\"Bien-ban.pdf\"; filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n.pdf"
    )


@override_settings(CCHC_FILE_SERVING="x-sendfile")
def test_x_sendfile_names_the_path_on_disk(tmp_path):
    response = file_response(stored(FileSystemStorage(location=tmp_path)), filename="a.pdf")
    assert response["X-Sendfile"] == str(tmp_path / "evidence/ab/ab12.pdf")
    assert response.content == b""


@override_settings(CCHC_FILE_SERVING="x-sendfile")
def test_x_sendfile_falls_back_to_streaming_from_object_storage():
    response = file_response(stored(InMemoryStorage()), filename="a.pdf")
    assert "X-Sendfile" not in response and b"".join(response.streaming_content)


@override_settings(CCHC_FILE_SERVING="nginx")
def test_an_unknown_way_is_a_configuration_error():
    with pytest.raises(ImproperlyConfigured):
        file_response(stored(InMemoryStorage()), filename="a.pdf")


def test_a_missing_file_is_404():
    with pytest.raises(Http404):
        file_response(Stored("evidence/ab/khong-co.pdf", InMemoryStorage()), filename="a.pdf")
    with pytest.raises(Http404):
        file_response(None, filename="a.pdf")


@pytest.mark.parametrize(
    ("stored_name", "content_type"),
    [
        ("evidence/ab/x.pdf", "application/pdf"),
        ("evidence/ab/x.jpg", "image/jpeg"),
        ("evidence/2026/03/trang.html", "application/octet-stream"),  # an old upload kept its name
        ("evidence/2026/03/anh.svg", "application/octet-stream"),
        ("evidence/2026/03/khong-duoi", "application/octet-stream"),
    ],
)
def test_the_content_type_is_one_of_the_safe_ones(stored_name, content_type):
    assert content_type_for(stored_name) == content_type


def test_the_download_name_ends_with_what_the_file_is():
    assert download_name("bao-cao.pdf", "evidence/ab/x.docx") == "bao-cao.pdf.docx"
    assert download_name("ảnh.JPEG", "evidence/ab/x.jpg") == "ảnh.JPEG"
    assert download_name("..\\..\\Báo cáo.pdf", "evidence/ab/x.pdf") == "Báo cáo.pdf"
    assert unquote(attachment_header("Đề án.pdf").split("''")[1]) == "Đề án.pdf"
    assert 'filename="De-an.pdf"' in attachment_header("Đề án.pdf")


def test_random_paths_are_unguessable_and_keep_only_a_safe_extension():
    path = RandomPath("evidence")
    first, second = path(None, "tep.pdf"), path(None, "tep.pdf")
    assert first != second and first.startswith("evidence/") and first.endswith(".pdf")
    assert "." not in path(None, "tep.p<h>p").rsplit("/", 1)[1]
    assert path == RandomPath("evidence") and path != RandomPath("plans")  # what migrations compare
