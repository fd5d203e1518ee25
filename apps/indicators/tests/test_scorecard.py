"""Indicator values from the agency's own data, the scorecard and its drill-down, the province ranking,
entered measurements, published 766 points, and another agency answering 404."""

from __future__ import annotations

import json
from decimal import Decimal
from io import BytesIO, StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from apps.accounts.models import User
from apps.dossiers.services import dossier_import
from apps.dossiers.tests.files import csv_bytes, random_rows, row
from apps.feedback.services import feedback_create
from apps.indicators.models import Indicator
from apps.indicators.scorecard import agency_scorecard, agency_values, province_ranking
from apps.indicators.services import measurement_record, service_scores_import, service_scores_record
from domain.indicators.dossier_rates import counts_for_period, dossier_values, rounded
from domain.periods import parse_period
from domain.uploads.tests import samples

pytestmark = pytest.mark.django_db

MARCH = parse_period("2026-03")
ROWS = [
    row(
        "H-1",
        "DLK-SXD",
        "02/03/2026 08:15",
        "10/03/2026",
        ngay_co_ket_qua="09/03/2026",
        kenh_nop="truc_tuyen",
    ),
    row("H-2", "DLK-SXD", "02/03/2026 09:00", "10/03/2026", ngay_co_ket_qua="12/03/2026"),
    row("H-3", "DLK-SXD", "03/03/2026", "10/03/2026", ngay_co_ket_qua="10/03/2026 23:59"),
    row("H-4", "DLK-SXD", "04/03/2026", "31/03/2026"),
    row("L-1", "LCU-SXD", "02/03/2026", "05/03/2026", ngay_co_ket_qua="05/03/2026"),
]


@pytest.fixture
def loaded(demo_org):
    dossier_import(stream=BytesIO(csv_bytes(ROWS)), filename="a.csv")
    return demo_org


def login(client, username="daumoi"):
    client.force_login(User.objects.get(username=username))


def test_values_follow_the_definitions(loaded):
    values = agency_values(agency=loaded["DLK-SXD"], period=MARCH)
    assert rounded(values.value("dossier_on_time_rate")) == Decimal("66.67")
    assert values.value("dossier_early_rate") == Decimal("100") / 3
    assert values.value("dossier_overdue_count") == 1  # H-4, due on the last day, no result
    assert values.value("dossier_apology_rate") == 0
    assert values.value("dossier_online_rate") == 25
    assert values.value("procedure_publication_rate") is None


def test_values_of_random_data_equal_the_domain(demo_org):
    rows, facts = random_rows("DLK-SXD", 500, seed=5)
    dossier_import(stream=BytesIO(csv_bytes(rows)), filename="r.csv")
    for code in ("2026-02", "2026-Q1", "2026"):
        period = parse_period(code)
        values = agency_values(agency=demo_org["DLK-SXD"], period=period)
        expected = dossier_values(counts_for_period(facts, period.start, period.end))
        assert {key: values.value(key) for key in expected} == expected


def test_a_period_without_dossiers_has_no_values(loaded):
    values = agency_values(agency=loaded["DLK-SXD"], period=parse_period("2025-03"))
    assert values.value("dossier_on_time_rate") is None and values.value("dossier_overdue_count") is None


def test_cli_show_json_exactly(loaded):
    out = StringIO()
    call_command("indicators", "show", "--agency", "DLK-SXD", "--period", "2026-03", "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert list(data) == ["agency", "period", "values", "counts"]
    assert (data["agency"], data["period"]) == ("DLK-SXD", "2026-03")
    assert data["values"]["dossier_on_time_rate"] == 66.67
    assert data["values"]["dossier_early_rate"] == 33.33
    assert data["values"]["dossier_digitised_rate"] == 100.0
    assert data["values"]["satisfaction_rate"] is None
    assert data["counts"]["received"] == 4 and data["counts"]["late"] == 1 and data["counts"]["overdue"] == 1


@pytest.mark.parametrize("period", ["2026", "2026-Q1", "2026-H1", "2026-03"])
def test_cli_reads_every_kind_of_period(loaded, period):
    out = StringIO()
    call_command("indicators", "show", "--agency", "dlk-sxd", "--period", period, "--json", stdout=out)
    assert json.loads(out.getvalue())["period"] == period


def test_cli_refuses_a_bad_period_and_an_unknown_agency(loaded):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="không hợp lệ"):
        call_command("indicators", "show", "--agency", "DLK-SXD", "--period", "2026-Q5")
    with pytest.raises(CommandError, match="Không có cơ quan"):
        call_command("indicators", "show", "--agency", "XX", "--period", "2026")


def test_scorecard_groups_and_drill_down(client, loaded):
    card = agency_scorecard(agency=loaded["DLK-SXD"], period=MARCH)
    assert [group.code for group in card.groups] == [
        "public",
        "progress",
        "online",
        "digitised",
        "satisfaction",
    ]
    progress = next(group for group in card.groups if group.code == "progress")
    on_time = next(figure for figure in progress.figures if figure.indicator.code == "dossier_on_time_rate")
    assert rounded(progress.estimated) == Decimal("13.33")  # 20 points × 66,67 %
    assert [(link.label, link.count) for link in on_time.links] == [
        ("đúng hạn", 2),
        ("trễ hạn", 1),
        ("có kết quả", 3),
    ]
    login(client)
    listed = client.get(on_time.links[1].url).context["page"].object_list
    assert [dossier.code for dossier in listed] == ["H-2"]


def test_scorecard_page(client, loaded):
    login(client)
    response = client.get(
        reverse("indicators:scorecard"), {"agency": loaded["DLK-SXD"].pk, "period": "2026-03"}
    )
    page = response.content.decode()
    assert "Tiến độ, kết quả giải quyết" in page and "66,67%" in page
    assert client.get(reverse("indicators:scorecard"), {"period": "2026-99"}).status_code == 200


def test_published_points_beside_the_estimate(loaded):
    service_scores_record(
        agency=loaded["DLK-SXD"],
        month="03/2026",
        points={"public": Decimal(18), "progress": Decimal("19.5"), "online": Decimal(20), "digitised": Decimal(21),
                "satisfaction": Decimal(17)},
    )  # fmt: skip
    card = agency_scorecard(agency=loaded["DLK-SXD"], period=MARCH)
    assert card.published_total == Decimal("95.5")
    with pytest.raises(ValidationError):
        service_scores_record(agency=loaded["DLK-SXD"], month="2026-03", points={"public": Decimal(19)})


def test_published_points_import(loaded):
    data = "ma_co_quan,thang,cong_khai,tien_do,truc_tuyen,so_hoa,hai_long\nDLK-SXD,03/2026,18,19,20,21,17\n"
    result = service_scores_import(stream=BytesIO(data.encode()), filename="d.csv", allowed_agency_ids=None)
    assert result.saved == 5
    bad = "ma_co_quan,thang,cong_khai\nDLK-SXD,2026-13,18\nXX,2026-03,1\n"
    result = service_scores_import(stream=BytesIO(bad.encode()), filename="d.csv", allowed_agency_ids=None)
    assert result.saved == 0 and len(result.errors) == 2


def test_entered_measurement_with_evidence(loaded):
    from django.core.files.uploadedfile import SimpleUploadedFile

    indicator = Indicator.objects.get(code="dossier_sync_rate")
    measurement_record(
        indicator=indicator,
        agency=loaded["DLK-SXD"],
        period="2026-03",
        value=None,
        numerator=Decimal(98),
        denominator=Decimal(100),
        evidence=SimpleUploadedFile("bao-cao.pdf", samples.pdf()),
    )
    values = agency_values(agency=loaded["DLK-SXD"], period=MARCH)
    assert values.value("dossier_sync_rate") == 98
    assert values.values["dossier_sync_rate"].provenance == "Nhập tay có minh chứng"


@pytest.mark.parametrize(
    ("code", "value", "message"),
    [
        ("dossier_sync_rate", Decimal(120), "Tỷ lệ phải từ 0 đến 100."),
        ("dossier_on_time_rate", Decimal(99), "được tính tự động"),
    ],
)
def test_measurement_refusals(loaded, code, value, message):
    with pytest.raises(ValidationError) as error:
        measurement_record(
            indicator=Indicator.objects.get(code=code),
            agency=loaded["DLK-SXD"],
            period="2026-03",
            value=value,
        )
    assert message in str(error.value)


def test_feedback_values_in_the_scorecard(loaded):
    from datetime import date

    feedback_create(
        agency=loaded["DLK-SXD"], received_on=date(2026, 3, 2), subject="Hỏi thủ tục", due_on=date(2026, 3, 10),
        replied_on=date(2026, 3, 9), satisfied=True,
    )  # fmt: skip
    feedback_create(
        agency=loaded["DLK-SXD"], received_on=date(2026, 3, 2), subject="Chậm", due_on=date(2026, 3, 10),
        replied_on=date(2026, 3, 12), satisfied=False,
    )  # fmt: skip
    values = agency_values(agency=loaded["DLK-SXD"], period=MARCH)
    assert values.value("feedback_on_time_rate") == 50
    assert values.value("feedback_satisfaction_rate") == 50


def test_province_ranking_for_the_overseer(client, loaded):
    login(client, "noivu")
    from apps.organizations.selectors import agency_list_for_user

    rows = province_ranking(
        agencies=agency_list_for_user(user=User.objects.get(username="noivu")), period=MARCH
    )
    assert [row.agency.code for row in rows] == ["DLK-SXD"]  # LCU-SXD is another province
    page = client.get(reverse("indicators:province"), {"period": "2026-03"}).content.decode()
    assert "Sở Xây dựng tỉnh Đắk Lắk" in page and "Sở Xây dựng tỉnh Lai Châu" not in page


def test_another_agency_gets_404(client, loaded):
    login(client, "daumoi.daison")
    sxd = loaded["DLK-SXD"]
    assert client.get(reverse("indicators:scorecard"), {"agency": sxd.pk}).status_code == 404
    assert client.get("/api/v1/indicators/values", {"agency": "DLK-SXD", "period": "2026"}).status_code == 404
    assert (
        client.get("/api/v1/indicators/scorecard", {"agency": "DLK-SXD", "period": "2026"}).status_code == 404
    )
    assert client.get("/api/v1/indicators/ranking", {"period": "2026-03"}).json() == []


def test_api_values_same_as_cli(client, loaded):
    login(client)
    data = client.get("/api/v1/indicators/values", {"agency": "DLK-SXD", "period": "2026-03"}).json()
    assert data["values"]["dossier_on_time_rate"] == 66.67
    assert client.get("/api/v1/indicators/values", {"agency": "DLK-SXD", "period": "x"}).status_code == 422
    assert len(client.get("/api/v1/indicators").json()) >= 20


def test_snapshot_freezes_computed_values(client, loaded):
    login(client)
    response = client.post(
        reverse("indicators:snapshot"), {"agency": loaded["DLK-SXD"].pk, "period": "2026-03"}
    )
    assert response.status_code == 302
    from apps.indicators.models import Measurement

    frozen = Measurement.objects.get(indicator__code="dossier_on_time_rate", agency=loaded["DLK-SXD"])
    assert frozen.origin == "snapshot" and rounded(frozen.value) == Decimal("66.67")
    login(client, "chuyenvien")
    assert (
        client.post(
            reverse("indicators:snapshot"), {"agency": loaded["DLK-SXD"].pk, "period": "2026-03"}
        ).status_code
        == 403
    )
