"""The decisions API: a draft's lines priced on its date, an issued decision's awards from the register, the
register's filters, a person's history; another agency's records are 404 or absent."""

from __future__ import annotations

from datetime import date

import pytest

from apps.accounts.choices import Role
from apps.rewards.services.decisions import decision_create, decision_issue

from .decision_builders import voted_session


@pytest.fixture
def voted(tree, make_user):
    return voted_session(tree.own, make_user)


def test_a_draft_and_then_the_issued_decision(client, voted):
    decision = decision_create(user=voted.office, session=voted.session, signed_on=date(2026, 6, 15))
    client.force_login(voted.office)

    draft = client.get(f"/api/v1/rewards/decisions/{decision.pk}").json()
    assert draft["status"] == "draft" and draft["total"] == "2120000"
    assert {(a["recipient"], a["prize_amount"]) for a in draft["awards"]} == {
        ("Hoàng Thị Lan", "710000"),
        ("Văn phòng Sở", "1410000"),
    }
    decision_issue(user=voted.head, decision=decision, number="125/QĐ-SXD", signed_on=date(2026, 6, 20))
    issued = client.get(f"/api/v1/rewards/decisions/{decision.pk}").json()
    assert issued["status"] == "issued" and all(a["id"] for a in issued["awards"])
    listed = client.get(f"/api/v1/rewards/decisions?agency={voted.agency.pk}").json()
    assert [d["number"] for d in listed] == ["125/QĐ-SXD"]

    awards = client.get(f"/api/v1/rewards/awards?agency={voted.agency.pk}&form=giay_khen").json()
    assert [a["recipient"] for a in awards] == ["Văn phòng Sở"]
    history = client.get(f"/api/v1/rewards/people/{voted.people['lan'].pk}/history").json()
    assert (
        history["awards"][0]["form"] == "lao_dong_tien_tien"
        and history["awards"][0]["decision"] == "125/QĐ-SXD"
    )
    assert history["nominations"][0]["status"] == "decided"


def test_another_agency_gets_404_or_nothing(client, tree, make_user, voted):
    decision = decision_create(user=voted.office, session=voted.session, signed_on=date(2026, 6, 15))
    client.force_login(make_user(Role.FOCAL_POINT, tree.other))

    assert client.get(f"/api/v1/rewards/decisions/{decision.pk}").status_code == 404
    assert client.get(f"/api/v1/rewards/people/{voted.people['lan'].pk}/history").status_code == 404
    assert client.get(f"/api/v1/rewards/decisions?agency={voted.agency.pk}").status_code == 404
    assert client.get("/api/v1/rewards/decisions").json() == []
    assert client.get("/api/v1/rewards/awards").json() == []
