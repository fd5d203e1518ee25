"""Each role × read/create/change/delete × own agency / child agency / other agency, through HTTP.

Given a user holding one role in the "own" agency, when they act on an agency, then they get the page (200),
a redirect after a successful write (302), a refusal (403) where they may read but not write, or 404 where
they may not even know the record exists.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from apps.organizations.models import Unit

OK, DONE, DENIED, HIDDEN = 200, 302, 403, 404

# role: {target: (read, create unit, change agency, delete unit)}
MATRIX = {
    "administrator": {"own": (OK, DONE, DONE, DONE), "child": (OK, DONE, DONE, DONE), "other": (HIDDEN,) * 4},
    "overseer": {
        "own": (OK, DENIED, DENIED, DENIED),
        "child": (OK, DENIED, DENIED, DENIED),
        "other": (HIDDEN,) * 4,
    },
    "leader": {
        "own": (OK, DENIED, DENIED, DENIED),
        "child": (OK, DENIED, DENIED, DENIED),
        "other": (HIDDEN,) * 4,
    },
    "focal_point": {
        "own": (OK, DONE, DENIED, DONE),
        "child": (OK, DENIED, DENIED, DENIED),
        "other": (HIDDEN,) * 4,
    },
    "unit_head": {"own": (OK, DENIED, DENIED, DENIED), "child": (HIDDEN,) * 4, "other": (HIDDEN,) * 4},
    "staff": {"own": (OK, DENIED, DENIED, DENIED), "child": (HIDDEN,) * 4, "other": (HIDDEN,) * 4},
    "viewer": {"own": (OK, DENIED, DENIED, DENIED), "child": (HIDDEN,) * 4, "other": (HIDDEN,) * 4},
}
CASES = [
    (role, target, action, expected[i])
    for role, targets in MATRIX.items()
    for target, expected in targets.items()
    for i, action in enumerate(("read", "create", "change", "delete"))
]


@pytest.mark.parametrize(("role", "target", "action", "expected"), CASES)
def test_permission_matrix(client, tree, make_user, role, target, action, expected):
    user = make_user(role, tree.own)
    client.force_login(user)
    agency = {"own": tree.own, "child": tree.child, "other": tree.other}[target]
    unit = Unit.objects.get(agency=agency, code="VP")
    units_before = Unit.objects.filter(agency=agency).count()

    if action == "read":
        response = client.get(reverse("organizations:agency_detail", args=[agency.pk]))
    elif action == "create":
        response = client.post(
            reverse("organizations:unit_create", args=[agency.pk]),
            {"code": "MOI", "name": "Phòng Mới", "kind": "division", "is_active": "on"},
        )
    elif action == "change":
        response = client.post(
            reverse("organizations:agency_edit", args=[agency.pk]),
            {
                "version": agency.version,
                "code": agency.code,
                "name": agency.name + " (đổi tên)",
                "level": agency.level,
                "parent": agency.parent_id or "",
                "is_active": "on",
            },
        )
    else:
        response = client.post(reverse("organizations:unit_delete", args=[unit.pk]))

    assert response.status_code == expected
    if expected != DONE and action == "create":
        assert Unit.objects.filter(agency=agency).count() == units_before
    if expected != DONE and action == "delete":
        assert Unit.objects.filter(pk=unit.pk).exists()


def test_overseer_reads_every_agency_of_its_province_but_not_another(client, tree, make_user):
    client.force_login(make_user("overseer", tree.sibling))
    assert client.get(reverse("organizations:agency_detail", args=[tree.own.pk])).status_code == OK
    assert client.get(reverse("organizations:agency_detail", args=[tree.province.pk])).status_code == OK
    assert client.get(reverse("organizations:agency_detail", args=[tree.other.pk])).status_code == HIDDEN


def test_tree_page_lists_only_what_the_role_allows(client, tree, make_user):
    client.force_login(make_user("staff", tree.own))
    page = client.get(reverse("organizations:agency_tree")).content.decode()
    assert tree.own.name in page
    assert tree.other.name not in page
    assert tree.child.name not in page
