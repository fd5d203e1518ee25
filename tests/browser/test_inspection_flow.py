"""An inspection in the browser: the focal point plans the year, records an inspection with a failed checklist
item and a finding, and gives the finding a remediation item; the remediation task appears in the accountable
person's "Việc của tôi", is reported done and accepted by the leader; the inspection shows the finding closed."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from .conftest import login

TITLE = "Cập nhật quy trình nội bộ giải quyết thủ tục lên Hệ thống"


def test_a_finding_followed_until_closed(live_server, browser, demo):
    today = timezone.localdate()
    focal = browser.new_context(locale="vi-VN").new_page()
    login(focal, live_server.url, "daumoi")
    focal.goto(f"{live_server.url}/kiem-tra/")
    focal.fill("#id_year", str(today.year))
    focal.click("#plan-form button[type=submit]")
    focal.wait_for_selector("text=Đã lập kế hoạch kiểm tra")
    form = focal.locator("#inspection-form")
    form.locator("#id_target").select_option(label="Phòng Kế hoạch – Tài chính")
    form.locator("#id_scheduled_on").fill(today.strftime("%d/%m/%Y"))
    form.locator("#id_mode").select_option("digital")
    form.locator("input[value=procedures]").check()
    form.locator("button[type=submit]").click()
    focal.wait_for_selector("text=Đã đưa cuộc kiểm tra")

    record = focal.locator("#record-form")
    record.locator("select[name^=result_]").first.select_option("fail")
    record.locator("input[name^=note_]").first.fill("Còn 2 thủ tục chưa có quy trình nội bộ")
    record.locator("#id_held_on").fill(today.strftime("%d/%m/%Y"))
    record.locator("button[type=submit]").click()
    focal.wait_for_selector("text=Đã ghi kết quả kiểm tra")
    focal.fill("#finding-form textarea[name=text]", "Chưa ban hành đủ quy trình nội bộ giải quyết TTHC")
    focal.click("#finding-form button[type=submit]")
    focal.wait_for_selector("text=Đã ghi tồn tại, hạn chế")
    finding = focal.locator(".finding").first
    finding.locator("summary").click()
    finding.locator("input[name$=-title]").fill(TITLE)
    finding.locator("select[name$=-lead_unit]").select_option(label="Phòng Kế hoạch – Tài chính")
    finding.locator("select[name$=-accountable]").select_option(label="Hoàng Thị Lan")
    finding.locator("input[name$=-due_on]").fill((today + timedelta(days=20)).strftime("%d/%m/%Y"))
    finding.locator("button[type=submit]").click()
    focal.wait_for_selector("text=Đã giao nhiệm vụ khắc phục")
    assert "Đang khắc phục" in focal.inner_text(".finding")
    inspection_url = focal.url

    staff = browser.new_context(locale="vi-VN").new_page()
    login(staff, live_server.url, "chuyenvien")
    staff.goto(f"{live_server.url}/nhiem-vu/viec-cua-toi/")
    row = staff.locator("#my-work tr", has_text=TITLE)
    assert "Chịu trách nhiệm" in row.inner_text()
    row.locator("a", has_text=TITLE).click()
    form = staff.locator("form.progress-form").first
    form.locator("input[name=percent]").fill("100")
    form.locator("textarea[name=note]").fill("Đã ban hành đủ quy trình nội bộ.")
    form.locator("input[name=complete]").check()
    form.locator("button[type=submit]").click()
    staff.wait_for_selector("text=Đã ghi nhận báo cáo tiến độ")

    leader = browser.new_context(locale="vi-VN").new_page()
    login(leader, live_server.url, "lanhdao")
    leader.goto(staff.url.split("#")[0])
    leader.click("form.decision-form button[value=accept]")
    leader.wait_for_selector("text=Đã nghiệm thu kết quả")

    focal.goto(inspection_url)
    state = focal.inner_text(".finding .finding-state")
    assert state == "Đã khắc phục"
    assert "Hoàn thành đúng hạn" in focal.inner_text(".finding")
