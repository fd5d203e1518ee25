"""`cchc backup` then `cchc restore` into an empty database brings back every record and every uploaded file;
an archive that is damaged, tampered with, unsafe, from a newer version, or a database that already holds data
(without --yes) is refused with a Vietnamese message and nothing changes.

Outside any test transaction (as the command line runs), on whichever database DATABASE_URL names.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tarfile
from pathlib import Path
from typing import Any

import pytest
from auditlog.context import disable_auditlog
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from apps.accounts.models import User
from apps.core.demo import DEMO_PASSWORD
from apps.organizations.models import Agency
from apps.organizations.tests.factories import AgencyFactory, UnitFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

EVIDENCE_BYTES = b"%PDF-1.4 bien ban kiem tra\n" + bytes(range(256)) * 64


@pytest.fixture
def media(tmp_path: Path, settings: Any) -> Path:
    """Uploaded files in a folder of their own (the test settings keep them in memory)."""
    root = tmp_path / "media"
    root.mkdir()
    settings.MEDIA_ROOT = root
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": root}},
    }
    return root


def every_record() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, every column, in primary-key order."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values_list())
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }


def every_file(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in root.rglob("*") if path.is_file()}


def empty_everything(root: Path, *, inhibit_post_migrate: bool = False) -> None:
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=inhibit_post_migrate)
    for path in sorted(root.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()


def freshly_migrated() -> None:
    """What `cchc migrate` leaves in a new database: reference data of the data migrations, content types."""
    empty_everything(Path(default_storage.location), inhibit_post_migrate=True)
    with disable_auditlog():  # the migrations' historical models leave no audit entries either
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)


def backup(tmp_path: Path) -> Path:
    out = io.StringIO()
    call_command("backup", "--output", f"{tmp_path}/", stdout=out)
    (path,) = tmp_path.glob("cchc-backup-*.tar.gz")
    return path


def small_data() -> Agency:
    agency = AgencyFactory(code="SXD", name="Sở Xây dựng tỉnh Một")
    UnitFactory(agency=agency, code="VP", name="Văn phòng Sở")
    default_storage.save("evidence/2026/05/Biên bản.pdf", ContentFile(EVIDENCE_BYTES))
    return agency


def rewrite(source: Path, target: Path, *, manifest=None, replace=None, extra=()) -> Path:
    """A copy of an archive with its manifest edited, entries replaced, or entries added before the manifest."""
    entries = []
    with tarfile.open(source, "r:gz") as tar:
        for info in tar:
            entries.append((info, tar.extractfile(info).read()))
    with tarfile.open(target, "w:gz") as tar:
        for info, data in entries:
            if info.name == "manifest.json":
                for extra_info, extra_data in extra:
                    tar.addfile(extra_info, io.BytesIO(extra_data) if extra_data is not None else None)
                if manifest:
                    data = json.dumps(manifest(json.loads(data))).encode()
            data = (replace or {}).get(info.name, data)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return target


def refused(path: Path, *options: str) -> str:
    with pytest.raises(CommandError) as error:
        call_command("restore", str(path), *options, stdout=io.StringIO())
    return str(error.value)


def test_restore_into_an_empty_database_brings_back_every_record_and_file(tmp_path, media):
    # Given the demo data (agencies, accounts, plans and their files, tasks, progress, SIPAS campaigns and
    # responses, dossiers, feedback, indicators, reports) and an evidence file
    call_command("demo", stdout=io.StringIO())
    from apps.tasks.models import Evidence, ProgressUpdate

    update = ProgressUpdate.objects.order_by("pk").first()
    Evidence.objects.create(
        update=update,
        file=ContentFile(EVIDENCE_BYTES, name="Biên bản kiểm tra.pdf"),
        original_name="Biên bản kiểm tra.pdf",
        size=len(EVIDENCE_BYTES),
        content_type="application/pdf",
        sha256=hashlib.sha256(EVIDENCE_BYTES).hexdigest(),
    )
    records = every_record()
    files = every_file(media)
    for label in (
        "organizations.Agency",
        "accounts.User",
        "plans.Plan",
        "tasks.Task",
        "tasks.Occurrence",
        "tasks.Evidence",
        "surveys.SurveyResponse",
        "surveys.Answer",
        "dossiers.Dossier",
        "feedback.Feedback",
        "reports.Report",
    ):
        assert records[label], label
    assert len(files) >= 6

    # When it is backed up, the database and the files are lost, a new database is migrated, and it is restored
    path = backup(tmp_path / "backups")
    freshly_migrated()
    assert not Agency.objects.exists() and not every_file(media)
    out = io.StringIO()
    call_command("restore", str(path), stdout=out)

    # Then every row of every table and every file is back, byte for byte
    assert every_record() == records
    assert every_file(media) == files
    assert "Đã khôi phục" in out.getvalue()
    assert f"{len(files)} tệp tải lên" in out.getvalue()
    assert "khớp manifest" in out.getvalue()
    # and people notice nothing: they sign in with their password, open their evidence, and add records
    assert User.objects.get(username="quantri").check_password(DEMO_PASSWORD)
    evidence = Evidence.objects.get(original_name="Biên bản kiểm tra.pdf")
    with evidence.file.open("rb") as stream:
        assert stream.read() == EVIDENCE_BYTES
    assert AgencyFactory().pk > max(pk for pk, *_ in records["organizations.Agency"])


def test_the_archive_lists_counts_migrations_and_checksums_and_only_its_owner_reads_it(tmp_path, media):
    small_data()
    path = backup(tmp_path)

    assert (path.stat().st_mode & 0o777) == 0o600
    with tarfile.open(path, "r:gz") as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())
        names = tar.getnames()
    assert manifest["format"] == "cchc-backup" and manifest["vendor"] == connection.vendor
    assert manifest["counts"]["organizations.Agency"] == Agency.objects.count()
    assert manifest["counts"]["organizations.Unit"] == 1
    applied = MigrationRecorder(connection).applied_migrations()
    assert {(app, name) for app, names in manifest["migrations"].items() for name in names} == set(applied)
    assert manifest["media"] == [
        {
            "name": "evidence/2026/05/Biên bản.pdf",
            "member": "media/evidence/2026/05/Biên bản.pdf",
            "size": len(EVIDENCE_BYTES),
            "sha256": hashlib.sha256(EVIDENCE_BYTES).hexdigest(),
        }
    ]
    assert "data/organizations.agency.jsonl" in names and names[-1] == "manifest.json"


def test_a_database_that_holds_data_is_refused_without_yes_and_replaced_with_it(tmp_path, media):
    small_data()
    path = backup(tmp_path)
    AgencyFactory(code="MOI", name="Cơ quan tạo sau khi sao lưu")
    default_storage.save("evidence/2026/06/moi.pdf", ContentFile(b"moi"))
    before = every_record()

    message = refused(path)

    assert "CSDL đích đang có dữ liệu" in message and "--yes" in message
    assert every_record() == before

    call_command("restore", str(path), "--yes", stdout=io.StringIO())

    assert not Agency.objects.filter(code="MOI").exists()
    assert Agency.objects.get(code="SXD").name == "Sở Xây dựng tỉnh Một"
    assert (media / "evidence/2026/05/Biên bản.pdf").read_bytes() == EVIDENCE_BYTES


def _unchanged_after(path: Path, media: Path) -> str:
    """Refuse the archive into an empty database; nothing may be written to it or to the files."""
    empty_everything(media)
    message = refused(path)
    assert not Agency.objects.exists()
    assert not every_file(media)
    return message


def test_a_tampered_archive_is_refused_and_nothing_changes(tmp_path, media):
    small_data()
    path = backup(tmp_path)
    with tarfile.open(path, "r:gz") as tar:
        agencies = tar.extractfile("data/organizations.agency.jsonl").read()
    tampered = rewrite(
        path,
        tmp_path / "tampered.tar.gz",
        replace={"data/organizations.agency.jsonl": agencies.replace("Một".encode(), b"Hai")},
    )

    message = _unchanged_after(tampered, media)

    assert "không khớp mã kiểm tra SHA-256" in message and "Không khôi phục gì" in message


def test_rows_that_do_not_hold_together_are_loaded_in_one_transaction_and_undone(tmp_path, media):
    # Given an archive whose checksums match but whose unit points to an agency that is not in it
    small_data()
    path = backup(tmp_path)
    member = "data/organizations.unit.jsonl"
    with tarfile.open(path, "r:gz") as tar:
        units = json.loads(tar.extractfile(member).read())
    columns = [c for t in _manifest(path)["tables"] if t["member"] == member for c in t["columns"]]
    units[columns.index("agency_id")] = 987654
    data = json.dumps(units, ensure_ascii=False).encode() + b"\n"

    def listing(manifest: dict) -> dict:
        for table in manifest["tables"]:
            if table["member"] == member:
                table.update(size=len(data), sha256=hashlib.sha256(data).hexdigest())
        return manifest

    broken = rewrite(path, tmp_path / "broken.tar.gz", manifest=listing, replace={member: data})

    # When it is restored into an empty database, then nothing of it stays: no agency, no file
    message = _unchanged_after(broken, media)

    assert "Không nạp được dữ liệu" in message and "Đã hoàn tác" in message


def _manifest(path: Path) -> dict:
    with tarfile.open(path, "r:gz") as tar:
        return json.loads(tar.extractfile("manifest.json").read())


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("media/../../ngoai.txt", tarfile.REGTYPE),
        ("/tmp/ngoai.txt", tarfile.REGTYPE),
        ("media/lien-ket", tarfile.SYMTYPE),
        ("media/cung", tarfile.LNKTYPE),
    ],
)
def test_an_entry_that_could_write_outside_the_files_folder_is_refused(tmp_path, media, name, kind):
    small_data()
    path = backup(tmp_path)
    data = b"ghi ra ngoai"
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = "/etc/passwd" if kind != tarfile.REGTYPE else ""
    payload = data if kind == tarfile.REGTYPE else None
    if payload is None:
        info.size = 0
    media_name = name.removeprefix("media/")

    def listing(manifest: dict) -> dict:
        manifest["media"].append(
            {
                "name": media_name,
                "member": name,
                "size": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
            }
        )
        return manifest

    unsafe = rewrite(path, tmp_path / "unsafe.tar.gz", manifest=listing, extra=[(info, payload)])

    message = _unchanged_after(unsafe, media)

    assert "mục không an toàn" in message and "Không khôi phục gì" in message
    assert not (tmp_path / "ngoai.txt").exists() and not (media.parent / "ngoai.txt").exists()


def test_a_file_that_is_not_a_backup_is_refused(tmp_path, media):
    small_data()
    path = backup(tmp_path)
    data = path.read_bytes()
    truncated = tmp_path / "cut.tar.gz"
    foreign = tmp_path / "khac.tar.gz"
    with tarfile.open(foreign, "w:gz") as tar:
        info = tarfile.TarInfo("data/bang.jsonl")
        info.size = 3
        tar.addfile(info, io.BytesIO(b"[1]"))
    text = tmp_path / "ghi-chu.txt"
    text.write_text("không phải bản sao lưu")

    for cut in range(
        100, len(data), max(1, len(data) // 40)
    ):  # in a header, in an entry, in the gzip trailer
        truncated.write_bytes(data[:cut])
        assert "đã hỏng" in _unchanged_after(truncated, media), cut
    assert "không có manifest.json" in _unchanged_after(foreign, media)
    assert "không phải bản sao lưu CCHC" in _unchanged_after(text, media)
    assert "Không tìm thấy tệp sao lưu" in refused(tmp_path / "khong-co.tar.gz")


def test_an_archive_from_a_newer_version_is_refused(tmp_path, media):
    small_data()
    path = backup(tmp_path)

    def newer(manifest: dict) -> dict:
        manifest["migrations"]["organizations"].append("0099_future")
        manifest["app_version"] = "9.0.0"
        return manifest

    message = _unchanged_after(rewrite(path, tmp_path / "newer.tar.gz", manifest=newer), media)

    assert "phiên bản ứng dụng mới hơn" in message and "organizations.0099_future" in message


def _last_two(app: str) -> tuple[tuple[str, str], str]:
    """The app's newest migration and the one before it, whatever they are called today."""
    graph = MigrationLoader(connection).graph
    last = next(node for node in graph.leaf_nodes() if node[0] == app)
    before = next(parent for parent in graph.node_map[last].parents if parent.key[0] == app)
    return last, before.key[1]


def test_an_archive_made_before_the_last_migration_loads_and_is_brought_up_to_date(tmp_path, media):
    # Given an archive made when the notifications app was one migration behind (its last migration changes a
    # column, not the set of tables), and a database at that point
    small_data()
    last, before = _last_two("notifications")

    def older(manifest: dict) -> dict:
        manifest["migrations"]["notifications"].remove(last[1])
        return manifest

    archive = rewrite(backup(tmp_path), tmp_path / "older.tar.gz", manifest=older)
    empty_everything(media)
    try:
        call_command("migrate", "notifications", before, verbosity=0)
        assert last not in MigrationRecorder(connection).applied_migrations()
        out = io.StringIO()

        # When it is restored
        call_command("restore", str(archive), stdout=out)
    finally:
        call_command("migrate", verbosity=0)

    # Then its rows are back and the migration it lacked has run
    assert Agency.objects.get(code="SXD").name == "Sở Xây dựng tỉnh Một"
    assert last in MigrationRecorder(connection).applied_migrations()
    assert "Đã cập nhật cấu trúc CSDL lên phiên bản hiện tại (1 migration)" in out.getvalue()


def test_a_database_ahead_of_the_archive_is_refused(tmp_path, media):
    small_data()
    last, _ = _last_two("dossiers")

    def older(manifest: dict) -> dict:
        manifest["migrations"]["dossiers"].remove(last[1])
        return manifest

    archive = rewrite(backup(tmp_path), tmp_path / "older.tar.gz", manifest=older)

    message = _unchanged_after(archive, media)

    assert f"CSDL đích đã chạy migration mới hơn bản sao lưu (dossiers.{last[1]})" in message


def test_backup_never_overwrites_an_archive_nor_writes_into_the_files_folder(tmp_path, media):
    small_data()
    path = backup(tmp_path)
    with pytest.raises(CommandError, match="không ghi đè"):
        call_command("backup", "--output", str(path), stdout=io.StringIO())
    with pytest.raises(CommandError, match="thư mục tệp tải lên"):
        call_command("backup", "--output", str(media / "b.tar.gz"), stdout=io.StringIO())
    assert not list(media.glob("*.tar.gz*"))
    assert os.listdir(tmp_path).count(path.name) == 1


def test_a_new_installation_without_uploads_backs_up_and_restores(tmp_path, settings):
    root = tmp_path / "chua-co"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": root}},
    }
    AgencyFactory(code="XA", name="UBND xã Một")
    path = backup(tmp_path / "b")
    assert _manifest(path)["media"] == []

    call_command("flush", interactive=False, verbosity=0)
    call_command("restore", str(path), stdout=io.StringIO())

    assert Agency.objects.get(code="XA").name == "UBND xã Một"


def test_migrations_of_an_app_removed_from_the_code_do_not_block_backup_or_restore(tmp_path, media):
    recorder = MigrationRecorder(connection)
    recorder.record_applied("ung_dung_cu", "0001_initial")
    try:
        small_data()
        path = backup(tmp_path)
        assert "ung_dung_cu" not in _manifest(path)["migrations"]
        empty_everything(media)

        call_command("restore", str(path), stdout=io.StringIO())
    finally:
        recorder.record_unapplied("ung_dung_cu", "0001_initial")

    assert Agency.objects.get(code="SXD").name == "Sở Xây dựng tỉnh Một"
