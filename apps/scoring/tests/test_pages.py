"""Criteria set pages and API through the test client: who reads, who edits, what they see."""

from __future__ import annotations

import json

from django.urls import reverse

from apps.accounts.choices import Role
from apps.scoring.models import CriteriaSet, Criterion


def _client(client, make_user, role, agency):
    client.force_login(make_user(role, agency))
    return client


def _edit_body(criterion, **changes):
    body = {
        "version": criterion.version,
        "title": criterion.title,
        "max_points": "1",
        "method": criterion.method,
        "evidence": criterion.evidence,
        "guide": criterion.guide,
        "rule": json.dumps(criterion.rule or ""),
    }
    body.update(changes)
    return body


def test_the_list_shows_my_province_and_the_samples_not_another_province(
    client, make_user, tree, p1_set, p2_set, sample_so
):
    response = _client(client, make_user, Role.VIEWER, tree.own).get(reverse("scoring:set_list"))

    text = response.content.decode()
    assert response.status_code == 200
    assert "Chỉ số CCHC các Sở tỉnh Một" in text
    assert "Bộ tiêu chí mẫu — thay bằng quyết định của tỉnh" in text
    assert "tỉnh Hai" not in text
    assert "Tự đánh giá, thẩm định và xếp hạng sẽ có ở bước tiếp theo" in text


def test_the_set_page_shows_the_tree_with_rules_and_total(client, make_user, tree, p1_set):
    response = _client(client, make_user, Role.FOCAL_POINT, tree.own).get(
        reverse("scoring:set_detail", args=[p1_set.pk])
    )

    text = response.content.decode()
    assert 'class="depth-1"' in text and "Mức độ thực hiện kế hoạch CCHC năm" in text
    assert "&gt; 90%: 2 điểm; từ 70% đến 90%: 1 điểm; &lt; 70%: 0 điểm" in text
    assert "Không phát hiện lỗi" in text
    assert reverse("scoring:criterion_edit", args=[p1_set.criteria.first().pk]) not in text  # no edit links


def test_the_overseer_edits_a_criterion_and_sees_the_problem_it_makes(client, make_user, tree, p1_set):
    criterion = Criterion.objects.get(criteria_set=p1_set, code="1.3")
    client = _client(client, make_user, Role.OVERSEER, tree.sibling)

    response = client.post(
        reverse("scoring:criterion_edit", args=[criterion.pk]), _edit_body(criterion, max_points="2")
    )

    assert response.status_code == 302
    criterion.refresh_from_db()
    assert str(criterion.max_points) == "2.00"
    page = client.get(reverse("scoring:set_detail", args=[p1_set.pk])).content.decode()
    assert "Tiêu chí 1: điểm tối đa 10 nhưng các tiêu chí thành phần cộng lại 11." in page


def test_a_rule_the_engine_cannot_read_is_refused_on_the_form(client, make_user, tree, p1_set):
    criterion = Criterion.objects.get(criteria_set=p1_set, code="1.3")
    client = _client(client, make_user, Role.OVERSEER, tree.sibling)

    response = client.post(
        reverse("scoring:criterion_edit", args=[criterion.pk]),
        _edit_body(criterion, rule='{"kind": "tiered", "tiers": []}'),
    )

    assert response.status_code == 200
    assert "Quy tắc theo mức chưa có mức nào." in response.content.decode()
    criterion.refresh_from_db()
    assert criterion.rule["kind"] == "yes_no" and criterion.version == 1


def test_a_focal_point_may_not_edit_criteria(client, make_user, tree, p1_set):
    criterion = Criterion.objects.get(criteria_set=p1_set, code="1.3")
    client = _client(client, make_user, Role.FOCAL_POINT, tree.own)

    url = reverse("scoring:criterion_edit", args=[criterion.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, _edit_body(criterion, title="Đổi")).status_code == 403
    criterion.refresh_from_db()
    assert criterion.version == 1


def test_another_province_overseer_gets_not_found(client, make_user, tree, p1_set):
    criterion = Criterion.objects.get(criteria_set=p1_set, code="1.3")
    client = _client(client, make_user, Role.OVERSEER, tree.other)

    assert client.get(reverse("scoring:set_detail", args=[p1_set.pk])).status_code == 404
    assert (
        client.post(reverse("scoring:criterion_edit", args=[criterion.pk]), _edit_body(criterion)).status_code
        == 404
    )
    assert client.post(reverse("scoring:set_copy", args=[p1_set.pk]), {"year": 2027}).status_code == 404
    assert CriteriaSet.objects.count() == 1


def test_the_overseer_copies_the_set_forward(client, make_user, tree, p1_set):
    client = _client(client, make_user, Role.OVERSEER, tree.sibling)

    response = client.post(reverse("scoring:set_copy", args=[p1_set.pk]), {"year": 2027})

    copy = CriteriaSet.objects.get(based_on=p1_set)
    assert response.status_code == 302 and response["Location"] == reverse(
        "scoring:set_detail", args=[copy.pk]
    )
    assert (copy.year, copy.agency, copy.criteria.count()) == (2027, tree.province, p1_set.criteria.count())


def test_a_sample_is_copied_into_the_overseer_province(client, make_user, tree, sample_so):
    client = _client(client, make_user, Role.OVERSEER, tree.sibling)

    client.post(
        reverse("scoring:set_copy", args=[sample_so.pk]), {"year": 2026, "province": tree.province.pk}
    )

    copy = CriteriaSet.objects.get(based_on=sample_so)
    assert copy.agency == tree.province and copy.is_sample is False


def test_a_locked_set_shows_no_edit_link_and_refuses_the_post(client, make_user, tree, p1_set):
    p1_set.locked = True
    p1_set.save()
    criterion = Criterion.objects.get(criteria_set=p1_set, code="1.3")
    client = _client(client, make_user, Role.OVERSEER, tree.sibling)

    page = client.get(reverse("scoring:set_detail", args=[p1_set.pk])).content.decode()
    response = client.post(
        reverse("scoring:criterion_edit", args=[criterion.pk]), _edit_body(criterion, title="Đổi")
    )

    assert "không sửa được" in page and reverse("scoring:criterion_edit", args=[criterion.pk]) not in page
    assert "bắt đầu tự đánh giá" in response.content.decode()
    criterion.refresh_from_db()
    assert criterion.title != "Đổi"


def test_the_overseer_puts_the_set_in_force(client, make_user, tree, p1_set):
    client = _client(client, make_user, Role.OVERSEER, tree.sibling)

    client.post(reverse("scoring:set_put_in_force", args=[p1_set.pk]), {"version": p1_set.version})

    p1_set.refresh_from_db()
    assert p1_set.status == "in_force"


def test_the_menu_opens_the_set_list(client, make_user, tree):
    page = _client(client, make_user, Role.VIEWER, tree.own).get(reverse("core:home")).content.decode()

    assert reverse("scoring:set_list") in page


# --- API ---------------------------------------------------------------------------------------------------------


def test_api_lists_my_province_and_samples(client, make_user, tree, p1_set, p2_set, sample_so):
    client = _client(client, make_user, Role.STAFF, tree.own)

    data = client.get("/api/v1/scoring/sets").json()

    assert sorted(item["id"] for item in data) == sorted([p1_set.pk, sample_so.pk])


def test_api_gives_a_set_with_its_criteria(client, make_user, tree, p1_set):
    client = _client(client, make_user, Role.STAFF, tree.own)

    data = client.get(f"/api/v1/scoring/sets/{p1_set.pk}").json()

    codes = {item["code"]: item for item in data["criteria"]}
    assert data["total"] == "100.00" and data["problems"] == []
    assert codes["1.2"]["parent"] == "1" and codes["1.2"]["rule"]["kind"] == "tiered"
    assert codes["1"]["full_max_points"] == "10.00"


def test_api_hides_another_province_set(client, make_user, tree, p2_set):
    client = _client(client, make_user, Role.OVERSEER, tree.sibling)

    assert client.get(f"/api/v1/scoring/sets/{p2_set.pk}").status_code == 404
    assert client.get("/api/v1/scoring/sets/99999999999999999999").status_code == 422
