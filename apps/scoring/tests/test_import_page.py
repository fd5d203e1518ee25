"""The import page of a province's criteria table, through the test client: upload, preview, correct, save once."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from apps.accounts.choices import Role
from apps.scoring.choices import SetStatus
from apps.scoring.importer import DRAFTS
from apps.scoring.models import CriteriaSet
from domain.uploads.tests import samples

URL = reverse("scoring:set_import")
HEADER = ["STT", "Tiêu chí", "Điểm tối đa", "Hướng dẫn chấm điểm"]
AREA = ["1", "Công tác chỉ đạo, điều hành CCHC", "4", ""]
ON_TIME = [
    "1.1",
    "Ban hành kế hoạch CCHC năm",
    "1",
    "Ban hành kịp thời: 1 điểm; không kịp thời: 0,5 điểm; không ban hành: 0 điểm",
]
TIERED = [
    "1.2",
    "Mức độ thực hiện kế hoạch CCHC",
    "2",
    "Trên 90% nhiệm vụ hoàn thành: 2 điểm; từ 70% đến 90%: 1 điểm; dưới 70%: 0 điểm",
]
BY_HAND = ["1.3", "Tổ chức hội nghị sơ kết công tác CCHC", "1", "Do Hội đồng thẩm định xem xét"]
TOTAL = ["", "Tổng cộng", "4", ""]
ROWS = [AREA, ON_TIME, TIERED, BY_HAND, TOTAL]


def xlsx(rows: list[list[str]]) -> bytes:
    book = Workbook()
    for row in [HEADER, *rows]:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def overseer(client, make_user, tree):
    client.force_login(make_user(Role.OVERSEER, tree.sibling))
    return client


def upload(client, tree, data: bytes, filename: str = "bang-tieu-chi.xlsx", **fields):
    body = {
        "file": SimpleUploadedFile(filename, data),
        "name": "Bộ chỉ số CCHC các Sở tỉnh Một năm 2027",
        "level": "so",
        "year": "2027",
        "province": tree.province.pk,
        "decision_number": "15/QĐ-UBND",
        "decision_date": "18/12/2026",
        **fields,
    }
    return client.post(URL, body)


def preview(client, tree, rows=ROWS):
    response = upload(client, tree, xlsx(rows))
    assert response.status_code == 302, response.content.decode()
    return client.get(response["Location"])


def preview_body(page, action: str = "save", **changes: str) -> dict[str, str]:
    """What the browser sends back from the preview as shown, with `changes` keyed "code:field"."""
    body = {"token": page.context["token"], "action": action}
    body["set-total_points"] = page.context["total_form"].initial["total_points"]
    for row, form in page.context["rows"]:
        for name, value in form.initial.items():
            body[f"{form.prefix}-{name}"] = changes.get(f"{row.row.code}:{name}", value)
    return body


def test_the_set_list_offers_the_import_to_those_who_may_write_sets(client, make_user, tree):
    link = "Nhập bảng tiêu chí từ tệp"
    assert link in overseer(client, make_user, tree).get(reverse("scoring:set_list")).content.decode()
    client.force_login(make_user(Role.FOCAL_POINT, tree.own))
    assert link not in client.get(reverse("scoring:set_list")).content.decode()


def test_an_xlsx_table_is_previewed_then_saved_as_a_draft_set_field_by_field(client, make_user, tree):
    rows = [["1", AREA[1], "3", ""], ON_TIME, TIERED, ["", "Tổng cộng", "3", ""]]
    page = preview(overseer(client, make_user, tree), tree, rows)

    text = page.content.decode()
    assert page.status_code == 200 and "Xem trước bảng tiêu chí: bang-tieu-chi.xlsx" in text
    assert "Kịp thời: 1 điểm; không kịp thời: 0,5 điểm; không ban hành: 0 điểm" in text
    assert "&gt; 90%: 2 điểm; từ 70% đến 90%: 1 điểm; &lt; 70%: 0 điểm" in text
    assert "Số 15/QĐ-UBND ngày 18/12/2026" in text and "error-summary" not in text
    assert CriteriaSet.objects.count() == 0

    response = client.post(URL, preview_body(page))

    saved = CriteriaSet.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "scoring:set_detail", args=[saved.pk]
    )
    assert (saved.name, saved.agency, saved.level, saved.year) == (
        "Bộ chỉ số CCHC các Sở tỉnh Một năm 2027",
        tree.province,
        "so",
        2027,
    )
    assert (saved.decision_number, saved.decision_date, saved.status, saved.is_sample) == (
        "15/QĐ-UBND",
        date(2026, 12, 18),
        SetStatus.DRAFT,
        False,
    )
    assert saved.total_points == Decimal(3)
    criteria = {c.code: c for c in saved.criteria.select_related("parent")}
    assert [(c.code, c.parent and c.parent.code, c.max_points) for c in saved.criteria.order_by("order")] == [
        ("1", None, Decimal(3)),
        ("1.1", "1", Decimal(1)),
        ("1.2", "1", Decimal(2)),
    ]
    assert criteria["1"].title == "Công tác chỉ đạo, điều hành CCHC" and criteria["1"].rule is None
    assert criteria["1.1"].title == "Ban hành kế hoạch CCHC năm" and criteria["1.1"].method == "self_assessed"
    assert criteria["1.1"].rule["kind"] == "timeliness" and criteria["1.1"].rule["late"] == "0.5"
    assert criteria["1.2"].rule["kind"] == "tiered" and criteria["1.2"].guide == TIERED[3]
    detail = client.get(response["Location"]).content.decode()
    assert "Đã lưu bộ tiêu chí dự thảo “Bộ chỉ số CCHC các Sở tỉnh Một năm 2027” với 3 tiêu chí." in detail


def test_a_guide_not_recognised_is_shown_as_scored_by_hand_with_its_warning(client, make_user, tree):
    rows = [["1", AREA[1], "4", ""], ON_TIME, TIERED, BY_HAND, TOTAL]
    page = preview(overseer(client, make_user, tree), tree, rows)

    text = page.content.decode()
    assert "chưa nhận ra cách chấm “Do Hội đồng thẩm định xem xét”" in text
    assert "Chấm thủ công" in text and "Hướng dẫn trong tệp: Do Hội đồng thẩm định xem xét" in text


def test_a_max_point_corrected_in_the_preview_is_saved(client, make_user, tree):
    rows = [["1", AREA[1], "4,5", ""], ON_TIME, TIERED, BY_HAND, ["", "Tổng cộng", "4,5", ""]]
    page = preview(overseer(client, make_user, tree), tree, rows)
    message = "Tiêu chí 1: điểm tối đa 4,5 nhưng các tiêu chí thành phần cộng lại 4."
    assert message in page.content.decode()

    response = client.post(
        URL, preview_body(page, **{"1.3:max_points": "1,5", "1.3:title": "Hội nghị sơ kết"})
    )

    saved = CriteriaSet.objects.get()
    assert response.status_code == 302
    corrected = saved.criteria.get(code="1.3")
    assert (corrected.max_points, corrected.title) == (Decimal("1.5"), "Hội nghị sơ kết")
    assert saved.total_points == Decimal("4.5")


def test_choosing_scored_by_hand_drops_the_rule_and_a_method_is_corrected(client, make_user, tree):
    rows = [["1", AREA[1], "3", ""], ON_TIME, TIERED, ["", "Tổng cộng", "3", ""]]
    page = preview(overseer(client, make_user, tree), tree, rows)

    client.post(URL, preview_body(page, **{"1.1:scoring": "manual", "1.2:method": "computed"}))

    saved = CriteriaSet.objects.get()
    assert saved.criteria.get(code="1.1").rule is None
    assert saved.criteria.get(code="1.2").method == "computed"


def test_a_table_whose_sums_do_not_add_up_is_refused_with_its_message_and_nothing_saved(
    client, make_user, tree
):
    page = preview(
        overseer(client, make_user, tree), tree, [AREA, ON_TIME, TIERED, ["1.3", BY_HAND[1], "3", ""]]
    )

    response = client.post(URL, preview_body(page))

    text = response.content.decode()
    assert response.status_code == 200 and "Chưa lưu được: bảng còn lỗi" in text
    assert "Tiêu chí 1: điểm tối đa 4 nhưng các tiêu chí thành phần cộng lại 6." in text
    assert CriteriaSet.objects.count() == 0


def test_errors_of_the_file_block_saving_until_it_is_uploaded_again(client, make_user, tree):
    rows = [AREA, ON_TIME, ["1.2", TIERED[1], "hai", ""], ["1.1", "Dòng lặp mã", "1", ""], BY_HAND, TOTAL]
    page = preview(overseer(client, make_user, tree), tree, rows)

    response = client.post(URL, preview_body(page, **{"1.2:max_points": "2"}))

    text = response.content.decode()
    assert "Lỗi trong tệp: hãy sửa tệp rồi tải lên lại." in text
    assert "điểm tối đa “hai” không phải là một số" in text and "mã tiêu chí 1.1 bị lặp" in text
    assert CriteriaSet.objects.count() == 0


def test_a_maximum_typed_in_the_preview_that_is_not_a_number_is_refused_beside_it(client, make_user, tree):
    page = preview(overseer(client, make_user, tree), tree)

    response = client.post(URL, preview_body(page, **{"1.3:max_points": "một"}))

    assert "Tiêu chí 1.3 — Điểm tối đa: “một” không phải là một số." in response.content.decode()
    assert CriteriaSet.objects.count() == 0


def test_a_file_that_is_not_a_document_is_refused_on_the_form(client, make_user, tree):
    client = overseer(client, make_user, tree)

    response = upload(client, tree, samples.MZ, filename="bang.xlsx")

    assert response.status_code == 200
    assert "chương trình" in response.content.decode()
    assert DRAFTS not in client.session and CriteriaSet.objects.count() == 0


def test_a_csv_table_is_read_too(client, make_user, tree):
    text = "STT,Tiêu chí,Điểm tối đa,Hướng dẫn chấm điểm\n1,Công tác chỉ đạo,1,\n1.1,Ban hành kế hoạch,1,\n"
    client = overseer(client, make_user, tree)

    response = upload(client, tree, text.encode(), filename="bang.csv")

    page = client.get(response["Location"])
    assert [row.row.code for row, _ in page.context["rows"]] == ["1", "1.1"]


def test_a_focal_point_and_a_user_of_another_province_are_refused(client, make_user, tree):
    for role, agency in ((Role.FOCAL_POINT, tree.own), (Role.VIEWER, tree.other), (Role.LEADER, tree.other)):
        client.force_login(make_user(role, agency))
        assert client.get(URL).status_code == 403
        assert upload(client, tree, xlsx(ROWS)).status_code == 403
    assert CriteriaSet.objects.count() == 0


def test_another_province_overseer_cannot_import_into_this_province(client, make_user, tree):
    client.force_login(make_user(Role.OVERSEER, tree.other))

    page = client.get(URL).content.decode()
    response = upload(client, tree, xlsx(ROWS))

    assert tree.other_province.name in page and tree.province.name not in page
    assert response.status_code == 200
    assert "Hãy chọn một tỉnh bạn được quản lý bộ tiêu chí." in response.content.decode()
    assert DRAFTS not in client.session


def test_a_form_posted_twice_creates_one_set(client, make_user, tree):
    rows = [["1", AREA[1], "3", ""], ON_TIME, TIERED, ["", "Tổng cộng", "3", ""]]
    page = preview(overseer(client, make_user, tree), tree, rows)
    body = preview_body(page)

    first = client.post(URL, body)
    second = client.post(URL, body)

    saved = CriteriaSet.objects.get()
    assert first["Location"] == second["Location"] == reverse("scoring:set_detail", args=[saved.pk])


def test_a_second_post_that_still_holds_the_draft_is_refused_by_the_claimed_token(client, make_user, tree):
    """Two posts at the same moment both load the session before either saves it: the database decides."""
    rows = [["1", AREA[1], "3", ""], ON_TIME, TIERED, ["", "Tổng cộng", "3", ""]]
    page = preview(overseer(client, make_user, tree), tree, rows)
    body = preview_body(page)
    stale = dict(client.session[DRAFTS])

    client.post(URL, body)
    session = client.session
    session[DRAFTS] = stale
    session.save()
    response = client.post(URL, body, follow=True)

    assert CriteriaSet.objects.count() == 1
    assert "Bảng tiêu chí này đã được lưu thành bộ tiêu chí" in response.content.decode()


def test_cancel_drops_the_preview_and_saves_nothing(client, make_user, tree):
    page = preview(overseer(client, make_user, tree), tree)

    response = client.post(URL, {"token": page.context["token"], "action": "cancel"}, follow=True)

    assert "Đã hủy nhập bảng tiêu chí; không có gì được lưu." in response.content.decode()
    assert client.session[DRAFTS] == {} and CriteriaSet.objects.count() == 0
    again = client.get(f"{URL}?preview={page.context['token']}", follow=True)
    assert "hãy tải tệp lên lại" in again.content.decode()
