"""Child process of the parity test: import a file into a fresh SQLite database, print the indicator values.

DATABASE_URL=sqlite:////tmp/x.sqlite3 python -m apps.dossiers.tests.parity_child FILE PERIOD...
"""

from __future__ import annotations

import json
import os
import sys


def main(path: str, periods: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    from apps.core.demo import build_demo

    call_command("migrate", interactive=False, verbosity=0)
    build_demo()
    from apps.dossiers.services import dossier_import
    from apps.indicators.scorecard import agency_values
    from apps.organizations.models import Agency
    from domain.periods import parse_period

    with open(path, "rb") as stream:
        batch = dossier_import(stream=stream, filename=os.path.basename(path))
    out = {"status": batch.status, "inserted": batch.inserted, "values": {}}
    for agency in Agency.objects.filter(code__in=["DLK-SXD", "LCU-SXD"]):
        for period in periods:
            out["values"][f"{agency.code}/{period}"] = agency_values(
                agency=agency, period=parse_period(period)
            ).as_json()
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
