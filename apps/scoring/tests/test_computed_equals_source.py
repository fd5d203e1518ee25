"""Every computed criterion of the sample sets shows the same figure as its source page for the same agency and
year: the indicator scorecard (/chi-so/?agency=…&period=YYYY), where the dossier, feedback, task, plan and report
figures are published."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

from django.urls import reverse

from apps.accounts.choices import Role
from apps.accounts.models import RoleAssignment
from apps.core.demo import build_demo
from apps.dossiers.services import dossier_import
from apps.dossiers.tests.files import csv_bytes, random_rows
from apps.organizations.models import Agency
from apps.scoring.computed import computed_scores
from apps.scoring.demo import sample_data
from apps.scoring.services import criteria_set_load
from domain.indicators.dossier_rates import rounded


def test_each_computed_criterion_equals_its_source_page(db, client):
    build_demo()
    agency = Agency.objects.get(code="DLK-SXD")
    rows, _ = random_rows("DLK-SXD", 400, seed=7)
    batch = dossier_import(stream=BytesIO(csv_bytes(rows)), filename="ho-so.csv", load_good_rows=True)
    assert batch.inserted > 300, (batch.rows_bad, batch.status)
    criteria_set = criteria_set_load(data=sample_data("so.json"), agency=agency.parent)
    found = computed_scores(criteria_set=criteria_set, agency=agency, year=2026)
    sourced = {item.criterion.code: item for item in found}
    assert {"1.1", "1.2", "1.3", "3.1", "3.2", "3.3", "7.1", "7.2", "7.3"} <= set(sourced)
    focal = RoleAssignment.objects.filter(agency=agency, role=Role.FOCAL_POINT).first().user
    client.force_login(focal)
    page = client.get(
        reverse("indicators:scorecard"), {"agency": agency.pk, "period": "2026", "format": "json"}
    )
    shown = page.json()["values"]
    with_figures = 0
    for code, item in sourced.items():
        source = item.criterion.source
        if item.figure is None or item.figure.value is None:
            assert shown[source] is None, code
            continue
        with_figures += 1
        assert Decimal(str(shown[source])) == rounded(Decimal(item.figure.value)), code
        if item.result is not None and item.criterion.rule["kind"] == "proportional":
            expected = rounded(rounded(Decimal(item.figure.value)) / 100 * item.criterion.max_points)
            assert item.result.points == expected, code
    assert with_figures >= 5  # the dossier rates at least
