"""Plan targets linked to catalogue indicators: proposed from the seed wording, confirmed, evaluated."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from django.urls import reverse

from apps.accounts.models import User
from apps.dossiers.services import dossier_import
from apps.dossiers.tests.files import csv_bytes, row
from apps.indicators.models import Indicator, TargetLink
from apps.indicators.scorecard import target_rows
from apps.indicators.services import measurement_record, target_link_decide, target_links_propose
from apps.plans.models import Target

pytestmark = pytest.mark.django_db


def _target(plan, words):
    return next(
        target for target in Target.objects.filter(objective__plan=plan) if words in (target.text or "")
    )


def test_seed_targets_are_proposed_their_indicators(import_seed):
    plan = import_seed("001")  # the plan importer proposes the links
    created = list(
        TargetLink.objects.filter(target__objective__plan=plan).select_related("target", "indicator")
    )
    by_text = {link.target.text: link.indicator.code for link in created}
    assert by_text["Tỷ lệ hồ sơ giải quyết đúng và trước hạn đạt từ 98% trở lên"] == "dossier_on_time_rate"
    assert by_text["100% hồ sơ quá hạn thực hiện xin lỗi theo quy định"] == "dossier_apology_rate"
    assert all(link.status == "proposed" for link in created)
    assert target_links_propose(plan=plan) == []  # proposing again adds nothing


def test_status_of_the_on_time_target_from_the_data(import_seed, demo_org):
    plan = import_seed("001")
    rows = [
        row(
            f"H-{n}",
            "DLK-SXD",
            "02/03/2026",
            "10/03/2026",
            ngay_co_ket_qua="09/03/2026" if n else "12/03/2026",
        )
        for n in range(10)
    ]
    dossier_import(stream=BytesIO(csv_bytes(rows)), filename="a.csv")
    target = _target(plan, "đúng và trước hạn")
    target_link_decide(target=target, indicator=Indicator.objects.get(code="dossier_on_time_rate"))
    [found] = target_rows(targets=[target], today=date(2026, 11, 22))
    assert found.value.value == 90 and found.status.status == "at_risk"
    [after] = target_rows(targets=[target], today=date(2027, 1, 5))
    assert after.status.status == "not_achieved"


def test_higher_than_2025_uses_the_2025_value(import_seed, demo_org):
    plan = import_seed("000")
    target = Target.objects.filter(objective__plan=plan, baseline_kind="previous_year").first()
    assert target is not None
    indicator = Indicator.objects.get(code="par_index_score")
    target_link_decide(target=target, indicator=indicator)
    measurement_record(indicator=indicator, agency=plan.agency, period="2025", value=Decimal("85.1"))
    measurement_record(indicator=indicator, agency=plan.agency, period="2026", value=Decimal("87.4"))
    [found] = target_rows(targets=[target], today=date(2027, 1, 5))
    assert found.baseline == Decimal("85.1") and found.status.status == "achieved"


def test_targets_page_confirm_and_reject(client, import_seed):
    plan = import_seed("001")
    client.force_login(User.objects.get(username="daumoi"))
    page = client.get(reverse("indicators:targets"), {"agency": plan.agency_id}).content.decode()
    assert "Đề xuất, chờ xác nhận" in page
    target = _target(plan, "xin lỗi")
    indicator = Indicator.objects.get(code="dossier_apology_rate")
    url = reverse("indicators:target_link", args=[target.pk])
    response = client.post(url, {f"t{target.pk}-version": 1, f"t{target.pk}-indicator": indicator.pk})
    assert response.status_code == 302
    assert TargetLink.objects.get(target=target).status == "confirmed"
    client.post(url, {f"t{target.pk}-version": 2, f"t{target.pk}-indicator": ""})
    assert TargetLink.objects.get(target=target).status == "rejected"


def test_a_stale_target_form_is_refused_and_keeps_the_colleagues_choice(client, import_seed):
    plan = import_seed("001")
    client.force_login(User.objects.get(username="daumoi"))
    target = _target(plan, "xin lỗi")
    link = TargetLink.objects.get(target=target)
    page = client.get(reverse("indicators:targets"), {"agency": plan.agency_id}).content.decode()
    assert f'name="t{target.pk}-version" value="{link.version}"' in page
    target_link_decide(target=target, indicator=None)  # a colleague: no indicator measures it
    url = reverse("indicators:target_link", args=[target.pk])
    stale = {f"t{target.pk}-version": link.version, f"t{target.pk}-indicator": link.indicator_id}
    response = client.post(url, stale, follow=True)
    assert "Chỉ số của chỉ tiêu này vừa được người khác cập nhật." in response.content.decode()
    saved = TargetLink.objects.get(pk=link.pk)
    assert (saved.status, saved.version) == ("rejected", link.version + 1)
    client.post(url, {**stale, f"t{target.pk}-version": saved.version})
    saved.refresh_from_db()
    assert (saved.status, saved.version) == ("confirmed", link.version + 2)


def test_a_target_form_read_before_any_link_refuses_one_made_since(import_seed):
    from apps.core.versioning import VersionConflict

    plan = import_seed("001")
    target = _target(plan, "xin lỗi")
    TargetLink.objects.filter(target=target).delete()
    target_link_decide(target=target, indicator=None)  # created by a colleague after the form was read
    with pytest.raises(VersionConflict):
        target_link_decide(target=target, indicator=None, expected_version=0)


def test_only_the_agencys_managers_confirm(client, import_seed):
    plan = import_seed("001")
    target = _target(plan, "xin lỗi")
    client.force_login(User.objects.get(username="chuyenvien"))
    assert client.post(reverse("indicators:target_link", args=[target.pk]), {}).status_code == 403
    client.force_login(User.objects.get(username="daumoi.daison"))
    assert client.post(reverse("indicators:target_link", args=[target.pk]), {}).status_code == 404
