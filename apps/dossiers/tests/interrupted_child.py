"""Child processes of the interrupted-import test, on one SQLite file and one media folder.

start FILE: build the demo, import FILE as the page does and stop just before the merge commits, printing
            "ready <batch id>" (the test then kills this process);
recover ID: as a user, open the batch's page, press “Thử lại”, print what was seen as JSON.

DATABASE_URL=sqlite:////tmp/x.sqlite3 MEDIA_ROOT=/tmp/media python -m apps.dossiers.tests.interrupted_child start FILE
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django
    from django.conf import settings

    django.setup()
    # The kept file must outlive the process: files on disk, not the tests' in-memory storage.
    settings.STORAGES["default"] = {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def start(path: str) -> None:
    _setup()
    from django.core.files import File
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    from apps.accounts.models import User
    from apps.core.demo import build_demo
    from apps.dossiers import import_runs, services
    from apps.dossiers.selectors import default_import_agency, importable_agency_ids

    build_demo()
    opened = services.loader_for_connection

    def pausing(batch_id: int, scope: Any = None) -> Any:
        loader = opened(batch_id, scope)
        merge_in = loader.transaction

        @contextmanager
        def transaction() -> Iterator[None]:
            with merge_in():
                yield
                print(f"ready {batch_id}", flush=True)  # every row is written, nothing committed
                time.sleep(600)

        loader.transaction = transaction  # type: ignore[method-assign]
        return loader

    services.loader_for_connection = pausing  # type: ignore[assignment]
    user = User.objects.get(username="daumoi")
    allowed = importable_agency_ids(user=user)
    with open(path, "rb") as stream:
        import_runs.dossier_import_upload(
            upload=File(stream, name=os.path.basename(path)),
            user=user,
            agency=default_import_agency(user=user, current=None, allowed=allowed),
            allowed_agency_ids=allowed,
            source=None,
            load_good_rows=False,
        )


def recover(batch_id: int) -> None:
    _setup()
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from apps.accounts.models import User
    from apps.dossiers.models import Dossier, ImportBatch

    setup_test_environment()
    found: dict[str, Any] = {"dossiers_after_kill": Dossier.objects.count()}
    batch = ImportBatch.objects.get(pk=batch_id)
    found["kept_file_on_disk"] = bool(batch.source_file) and os.path.isfile(batch.source_file.path)
    client = Client()
    client.force_login(User.objects.get(username="daumoi"))
    found["page"] = client.get(reverse("dossiers:import_detail", args=[batch_id])).content.decode()
    found["status"] = ImportBatch.objects.get(pk=batch_id).status
    response = client.post(reverse("dossiers:import_retry", args=[batch_id]))
    again = ImportBatch.objects.get(retry_of_id=batch_id)
    found["retry_location"] = response["Location"] == reverse("dossiers:import_detail", args=[again.pk])
    found["retry_status"], found["retry_inserted"] = again.status, again.inserted
    found["dossiers"] = sorted(Dossier.objects.values_list("code", flat=True))
    found["kept_file_left"] = os.listdir(os.path.dirname(batch.source_file.path))
    print(json.dumps(found, ensure_ascii=False))


if __name__ == "__main__":
    if sys.argv[1] == "start":
        start(sys.argv[2])
    else:
        recover(int(sys.argv[2]))
