"""The PAR INDEX year in the browser: Sở Nội vụ opens the year; the focal point sees the computed criteria filled,
scores two criteria by hand (one with an evidence file) and submits; the appraiser adjusts one with a reason; the
focal point explains; the appraiser finalises; the ranking shows the agency's index and the lost-points list
names the adjusted criterion."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from apps.accounts.models import User
from apps.core.demo import demo_progress, import_demo_plans
from apps.indicators.tests.catalogue import ensure_catalogue
from apps.organizations.models import Agency
from apps.par.models import Assessment, Score
from apps.par.services import score_appraise, score_self
from apps.scoring.demo import sample_data
from apps.scoring.services import criteria_set_load, criteria_set_put_in_force
from domain.scoring.entries import Entry
from domain.uploads.tests.samples import pdf

from .conftest import login

HAND = ("2", "4")  # scored in the browser
ADJUSTED = "3.4"
ADJUSTED_ROW = "#tc-3\\.4"  # the row of 3.4 (a dot in a CSS id is escaped)


def _prepare() -> None:
    ensure_catalogue()  # an earlier transactional test may have flushed the data migration's rows
    province = Agency.objects.get(code="DLK")
    import_demo_plans(settings.CCHC_SEEDS_DIR)
    demo_progress()
    data = {
        **sample_data("so.json"),
        "name": "Chỉ số CCHC các sở tỉnh Đắk Lắk 2026",
        "decision_number": "99/QĐ-UBND",
    }
    criteria_set_put_in_force(criteria_set=criteria_set_load(data=data, agency=province))


def _score_the_rest(assessment: Assessment) -> None:
    focal = User.objects.get(username="daumoi")
    for score in Score.objects.filter(assessment=assessment).select_related("criterion"):
        if score.criterion.method == "survey" or score.criterion.code in HAND or score.self_entry:
            continue
        maximum = score.criterion.max_points or Decimal(0)
        entry = Entry(points=maximum, reason="Hoàn thành đầy đủ")
        score_self(user=focal, score=score, entry=entry, comment="Hồ sơ lưu tại Văn phòng Sở")
    for score in Score.objects.filter(assessment=assessment, computed_points__isnull=False):
        score_self(
            user=focal,
            score=score,
            entry=Entry(value=score.computed_value),
            comment="Số liệu của hệ thống",
        )


def _accept_the_rest(assessment: Assessment) -> None:
    appraiser = User.objects.get(username="noivu")
    for score in Score.objects.filter(assessment=assessment).exclude(criterion__method="survey"):
        if score.criterion.code != ADJUSTED:
            score_appraise(user=appraiser, score=score, verdict="accepted")


def test_a_year_from_opening_to_ranking(live_server, page, demo, tmp_path):
    _prepare()
    url = live_server.url
    day = timezone.localdate()
    # Sở Nội vụ opens the year
    login(page, url, "noivu")
    page.click("nav >> text=Chỉ số CCHC (PAR INDEX)")
    page.fill("#id_self_deadline", (day + timedelta(days=10)).strftime("%d/%m/%Y"))
    page.fill("#id_appraisal_deadline", (day + timedelta(days=20)).strftime("%d/%m/%Y"))
    page.fill("#id_explanation_deadline", (day + timedelta(days=30)).strftime("%d/%m/%Y"))
    page.fill("#id_final_deadline", (day + timedelta(days=40)).strftime("%d/%m/%Y"))
    page.click("#open-round button[type=submit]")
    expect(page.locator("h1")).to_contain_text("Chỉ số CCHC năm 2026")
    page.context.clear_cookies()
    assessment = Assessment.objects.get(agency__code="DLK-SXD")

    # the focal point finds the computed criteria filled, scores two by hand, one with evidence
    login(page, url, "daumoi")
    page.click("nav >> text=Chỉ số CCHC (PAR INDEX)")
    page.click("#mine >> text=Sở Xây dựng tỉnh Đắk Lắk")
    computed = page.locator("#tc-1\\.2")
    expect(computed).to_contain_text("Xem số liệu")
    expect(computed).to_contain_text("điểm")
    _score_the_rest(assessment)
    evidence = tmp_path / "nghi-quyet-ban-hanh.pdf"
    evidence.write_bytes(pdf())
    page.goto(f"{url}/chi-so-cchc/danh-gia/{assessment.pk}/")
    page.click("#tc-2 >> a")
    page.fill("#id_points", "9,5")
    page.fill("#id_reason", "Ban hành đủ văn bản, một văn bản chậm")
    page.set_input_files("#id_evidence_files", str(evidence))
    page.click("#score-form button[type=submit]")
    expect(page.locator("#tc-2")).to_contain_text("9,5")
    expect(page.locator("#tc-2")).to_contain_text("nghi-quyet-ban-hanh.pdf")
    page.click("#tc-4 >> a")
    page.fill("#id_points", "11")
    page.fill("#id_reason", "Hoàn thành đầy đủ")
    page.fill("#id_comment", "Quyết định kiện toàn tổ chức số 15/QĐ-SXD")
    page.click("#score-form button[type=submit]")
    page.click("button:has-text('Nộp bản tự đánh giá')")
    expect(page.locator("#status")).to_have_text("Đã nộp, chờ thẩm định")
    page.context.clear_cookies()

    # the appraiser adjusts one criterion with a reason and closes the appraisal
    _accept_the_rest(assessment)
    login(page, url, "noivu")
    page.goto(f"{url}/chi-so-cchc/danh-gia/{assessment.pk}/")
    page.click(f"{ADJUSTED_ROW} >> a")
    page.check("input[name=verdict][value=adjusted]")
    page.fill("#id_points", "8")
    page.fill("#id_reason", "Chưa công khai đủ TTHC trên Cổng dịch vụ công")
    page.click("#score-form button[type=submit]")
    page.click("button:has-text('Hoàn thành thẩm định')")
    expect(page.locator("#status")).to_have_text("Đã thẩm định, chờ giải trình")
    page.context.clear_cookies()

    # the focal point explains
    login(page, url, "daumoi")
    page.goto(f"{url}/chi-so-cchc/danh-gia/{assessment.pk}/")
    page.click(f"{ADJUSTED_ROW} >> a")
    page.fill("#id_response", "Đã công khai bổ sung ngày 02/12, kèm ảnh chụp Cổng")
    page.click("#score-form button[type=submit]")
    page.click("button:has-text('Gửi giải trình')")
    expect(page.locator("#status")).to_have_text("Đã giải trình, chờ thẩm định lại")
    page.context.clear_cookies()

    # the appraiser finalises; the ranking and the lost points
    login(page, url, "noivu")
    page.goto(f"{url}/chi-so-cchc/danh-gia/{assessment.pk}/")
    page.click("button:has-text('Chốt kết quả')")
    expect(page.locator("#status")).to_have_text("Đã chốt kết quả")
    assessment.refresh_from_db()
    index = f"{assessment.index_percent:f}".rstrip("0").rstrip(".").replace(".", ",")
    expect(page.locator("#index")).to_have_text(f"{index}%")
    lost = page.locator("#lost")
    expect(lost).to_contain_text("Chưa công khai đủ TTHC trên Cổng dịch vụ công")
    expect(lost.locator("tr", has_text="3.4")).to_contain_text("2,5/10,5")
    page.click(f"text=Năm {assessment.round.year}")
    page.click("text=Bảng xếp hạng")
    row = page.locator("#ranking tr", has_text="Sở Xây dựng tỉnh Đắk Lắk")
    expect(row).to_contain_text(index)
    expect(row).to_contain_text("Đã chốt kết quả")
