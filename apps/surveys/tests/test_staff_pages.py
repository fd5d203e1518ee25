"""The focal point's pages: scoped to their agencies (404 elsewhere), permissions, questionnaires frozen."""

from __future__ import annotations

import uuid
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from docx import Document
from openpyxl import load_workbook

from apps.surveys import services
from apps.surveys.models import Campaign, Counter, Questionnaire, SurveyResponse

from .factories import answers, template


@pytest.fixture
def focal(make_user, tree, client):
    user = make_user("focal_point", tree.own)
    client.force_login(user)
    return user


def store(campaign, **extra):
    return services.response_submit(
        campaign=campaign,
        counter=None,
        channel="paper",
        key=uuid.uuid4().hex,
        data=answers(campaign, **extra),
    ).response


def test_campaign_pages_render(client, focal, survey):
    store(survey.campaign, GY="Cần thêm chỗ để xe.")
    pk = survey.campaign.pk
    for url in (
        "/khao-sat/",
        f"/khao-sat/{pk}/",
        f"/khao-sat/{pk}/?suggestions=all&unit=&procedure=",
        f"/khao-sat/{pk}/sua/",
        f"/khao-sat/{pk}/ma-qr/",
        f"/khao-sat/{pk}/nhap-phieu/",
        "/khao-sat/quay/",
        f"/khao-sat/quay/{survey.counter.pk}/",
        "/khao-sat/phieu/",
        f"/khao-sat/phieu/{template().pk}/",
    ):
        assert client.get(url).status_code == 200, url
    dashboard = client.get(f"/khao-sat/{pk}/").content.decode()
    assert "Cần thêm chỗ để xe." in dashboard
    assert "cỡ mẫu cần đạt 286" in dashboard


def test_another_agency_gets_404(client, focal, survey):
    pk = survey.other_campaign.pk
    counter = Counter.objects.create(agency=survey.other_campaign.agency, name="Quầy tỉnh khác")
    response = store(survey.other_campaign, GY="Góp ý")
    for url in (
        f"/khao-sat/{pk}/",
        f"/khao-sat/{pk}/sua/",
        f"/khao-sat/{pk}/xuat-excel/",
        f"/khao-sat/{pk}/ma-qr/",
        f"/khao-sat/{pk}/nhap-phieu/",
        f"/khao-sat/{pk}/quay/{counter.pk}/qr.svg",
        f"/khao-sat/{pk}/quay/{counter.pk}/to-roi.docx",
        f"/khao-sat/quay/{counter.pk}/",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/khao-sat/{pk}/gop-y/{response.pk}/", {"handled": "on"}).status_code == 404
    assert client.post(f"/khao-sat/{pk}/thao-tac/", {"action": "close"}).status_code == 404
    assert survey.other_campaign.title not in client.get("/khao-sat/").content.decode()


def test_viewer_reads_but_cannot_manage(client, make_user, tree, survey):
    client.force_login(make_user("viewer", tree.own))
    pk = survey.campaign.pk
    assert client.get(f"/khao-sat/{pk}/").status_code == 200
    assert client.get(f"/khao-sat/{pk}/sua/").status_code == 403
    assert client.get(f"/khao-sat/{pk}/nhap-phieu/").status_code == 403
    assert client.post(f"/khao-sat/{pk}/thao-tac/", {"action": "publish"}).status_code == 403
    assert client.get("/khao-sat/tao/").status_code == 200
    response = client.post("/khao-sat/tao/", {"agency": tree.own.pk})
    assert response.status_code == 200  # the agency is not among the ones offered
    assert Campaign.objects.count() == 2


def test_focal_point_creates_a_campaign_on_the_template(client, focal, tree):
    response = client.post(
        "/khao-sat/tao/",
        {
            "agency": tree.own.pk,
            "title": "Khảo sát quý IV/2026",
            "questionnaire": template().pk,
            "period_start": "01/10/2026",
            "period_end": "31/12/2026",
            "channels": ["counter_qr", "paper"],
            "population": "1200",
            "margin": "0.05",
            "procedures": "Cấp giấy phép xây dựng\nCấp chứng chỉ hành nghề",
        },
    )
    campaign = Campaign.objects.get(title="Khảo sát quý IV/2026")
    assert response.status_code == 302
    assert campaign.closes_on.isoformat() == "2026-12-31"
    assert campaign.procedure_list == ["Cấp giấy phép xây dựng", "Cấp chứng chỉ hành nghề"]


def test_campaign_with_bad_dates_is_refused_and_nothing_saved(client, focal, tree):
    response = client.post(
        "/khao-sat/tao/",
        {
            "agency": tree.own.pk,
            "title": "Sai ngày",
            "questionnaire": template().pk,
            "period_start": "31/12/2026",
            "period_end": "01/10/2026",
            "margin": "0.05",
        },
    )
    assert response.status_code == 200
    assert "Ngày kết thúc phải sau ngày bắt đầu." in response.content.decode()
    assert not Campaign.objects.filter(title="Sai ngày").exists()


def test_publish_then_public_results_page(client, focal, survey):
    store(survey.campaign)
    client.post(f"/khao-sat/{survey.campaign.pk}/thao-tac/", {"action": "publish"})
    client.logout()
    page = client.get(f"/khao-sat/cong-khai/{survey.campaign.agency.code}/")
    assert page.status_code == 200
    assert "100,00%" in page.content.decode()
    assert client.get(f"/khao-sat/cong-khai/{survey.other_campaign.agency.code}/").status_code == 404
    assert survey.campaign.agency.name in client.get("/khao-sat/cong-khai/").content.decode()


def test_public_results_say_it_in_plain_words_before_the_formula(client, focal, survey):
    store(survey.campaign)
    client.post(f"/khao-sat/{survey.campaign.pk}/thao-tac/", {"action": "publish"})
    client.logout()
    html = client.get(f"/khao-sat/cong-khai/{survey.campaign.agency.code}/").content.decode()
    plain = html.index("Cứ 100 câu trả lời thì khoảng 100 câu là “Hài lòng” hoặc “Rất hài lòng”.")
    assert "Theo từng yếu tố" in html
    assert plain < html.index("Chỉ số hài lòng = tỷ lệ câu trả lời") < html.index("± sai số")


def test_suggestion_marked_handled(client, focal, survey):
    response = store(survey.campaign, GY="Bãi xe chật.")
    client.post(
        f"/khao-sat/{survey.campaign.pk}/gop-y/{response.pk}/", {"handled": "on", "note": "Đã mở rộng"}
    )
    response.refresh_from_db()
    assert response.suggestion_handled and response.handled_note == "Đã mở rộng"


def test_excel_export_neutralises_formulas(client, focal, survey):
    store(survey.campaign, GY='=HYPERLINK("http://evil","x")')
    store(survey.campaign, GY="@SUM(1)")
    data = client.get(f"/khao-sat/{survey.campaign.pk}/xuat-excel/").content
    sheet = load_workbook(BytesIO(data)).active
    rows = list(sheet.iter_rows(values_only=True))
    headers = rows[0]
    column = next(i for i, title in enumerate(headers) if str(title).startswith("GY."))
    assert rows[1][column] == '\'=HYPERLINK("http://evil","x")'
    assert rows[2][column] == "'@SUM(1)"
    assert rows[1][headers.index("TCDV1. Nơi ngồi chờ tại Bộ phận Một cửa có đủ chỗ ngồi.")] == "Rất hài lòng"
    assert len(rows) == 3


def test_qr_svg_png_and_poster(client, focal, survey):
    base = f"/khao-sat/{survey.campaign.pk}/quay/{survey.counter.pk}"
    svg = client.get(f"{base}/qr.svg")
    assert svg["Content-Type"] == "image/svg+xml" and b"<svg" in svg.content
    assert client.get(f"{base}/qr.png").content[:4] == b"\x89PNG"
    poster = Document(BytesIO(client.get(f"{base}/to-roi.docx").content))
    text = "\n".join(paragraph.text for paragraph in poster.paragraphs)
    assert survey.campaign.agency.name.upper() in text
    assert "Quầy 1 – Bộ phận Một cửa" in text
    assert "/khao-sat/y/" in text
    assert poster.inline_shapes[0].width > 0


def test_quarterly_report_docx(client, focal, survey):
    store(survey.campaign, GY="Cần thêm chỗ để xe.")
    document = Document(BytesIO(client.get(f"/khao-sat/{survey.campaign.pk}/bao-cao.docx").content))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "BÁO CÁO" in text and "Số phiếu thu về: 1 phiếu" in text and "Cần thêm chỗ để xe." in text
    cells = [cell.text for cell in document.tables[1].rows[1].cells]
    assert cells[1] == "Chỉ số hài lòng chung" and cells[2] == "100,00"
    assert client.get(f"/khao-sat/{survey.other_campaign.pk}/bao-cao.docx").status_code == 404


def test_dossier_link_page(client, focal, survey):
    response = client.post(f"/khao-sat/{survey.campaign.pk}/ma-qr/", {"dossier_code": "H14.23-0001"})
    html = response.content.decode()
    assert "/khao-sat/y/" in html and 'id="dossier-link"' in html


def test_paper_entry_keeps_blanks_unanswered(client, focal, survey):
    page = client.get(f"/khao-sat/{survey.campaign.pk}/nhap-phieu/").content.decode()
    import re

    key = re.search(r'name="form_key" value="([^"]+)"', page).group(1)
    data = {"form_key": key, "channel": "paper", "TCDV1": "4", "dossier_code": "H1"}
    assert client.post(f"/khao-sat/{survey.campaign.pk}/nhap-phieu/", data).status_code == 302
    assert client.post(f"/khao-sat/{survey.campaign.pk}/nhap-phieu/", data).status_code == 302  # double click
    stored = SurveyResponse.objects.get()
    assert stored.channel == "paper" and stored.answers.count() == 1


def test_published_questionnaire_is_frozen_and_copied_to_adapt(client, focal, tree):
    source = template()
    question = source.questions.first()
    with pytest.raises(ValidationError):
        services.question_update(question=question, text="Sửa", required=True, counts_toward_index=True)
    client.post(
        f"/khao-sat/phieu/{source.pk}/sua/", {"action": "question", "question": question.pk, "text": "Sửa"}
    )
    question.refresh_from_db()
    assert question.text != "Sửa"
    response = client.post(f"/khao-sat/phieu/{source.pk}/sao-chep/", {"agency": tree.own.pk, "year": 2027})
    copy = Questionnaire.objects.get(agency=tree.own)
    assert response.status_code == 302
    assert copy.status == "draft" and copy.based_on == source and copy.year == 2027
    assert copy.questions.count() == source.questions.count()
    copied = copy.questions.get(code=question.code)
    client.post(
        f"/khao-sat/phieu/{copy.pk}/sua/",
        {
            "action": "question",
            "question": copied.pk,
            "version": copied.version,
            "text": "Nơi chờ có đủ ghế.",
            "required": "on",
            "counts_toward_index": "on",
        },
    )
    copied.refresh_from_db()
    assert copied.text == "Nơi chờ có đủ ghế."
    client.post(f"/khao-sat/phieu/{copy.pk}/sua/", {"action": "publish"})
    copy.refresh_from_db()
    assert copy.is_frozen
    assert source.questions.get(code=question.code).text == question.text


def test_a_campaign_cannot_use_a_draft_or_another_agencys_questionnaire(survey, tree):
    draft = services.questionnaire_copy(source=template(), agency=tree.own)
    values = {
        "title": "X",
        "questionnaire": draft,
        "period_start": survey.campaign.period_start,
        "period_end": survey.campaign.period_end,
        "closes_on": survey.campaign.period_end,
    }
    with pytest.raises(ValidationError) as error:
        services.campaign_create(agency=tree.own, **values)
    assert "phiếu đã ban hành" in str(error.value)
    services.questionnaire_publish(questionnaire=draft)
    with pytest.raises(ValidationError) as error:
        services.campaign_create(agency=tree.other, **values)
    assert "cơ quan khác" in str(error.value)
