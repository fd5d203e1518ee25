"""A set exported to the province's table and imported again gives the same criteria, points and rules."""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse

from apps.accounts.choices import Role
from apps.scoring.services import criteria_table_read


def test_a_set_exported_and_imported_again_is_the_same(tree, p1_set, make_user, client):
    client.force_login(make_user(Role.VIEWER, tree.own))
    response = client.get(reverse("scoring:set_export", args=[p1_set.pk]))
    assert response.status_code == 200
    table = criteria_table_read(data=response.content, filename="bang.xlsx")
    assert not table.errors
    read = {item["code"]: item for item in table.to_json()["criteria"]}
    stored = {c.code: c for c in p1_set.criteria.all()}
    assert set(read) == set(stored)
    for code, criterion in stored.items():
        if criterion.max_points is not None:
            assert Decimal(str(read[code]["max_points"]).replace(",", ".")) == criterion.max_points, code
        assert read[code]["parent"] == (criterion.parent.code if criterion.parent else None)
    assert read["1.2"]["rule"]["kind"] == "tiered"
    assert read["1.1"]["rule"]["kind"] == "timeliness"


def test_another_provinces_set_is_not_exported(tree, p2_set, make_user, client):
    client.force_login(make_user(Role.FOCAL_POINT, tree.own))
    assert client.get(reverse("scoring:set_export", args=[p2_set.pk])).status_code == 404
