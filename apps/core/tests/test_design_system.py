"""The shared layout and forms as a user meets them: where am I, what is wrong with what I typed, which period."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from django import forms
from django.template import Context, Template
from django.test import Client
from django.urls import reverse

from apps.core.filters import FilterSet, PeriodFilter
from apps.core.form_fields import PeriodField, VnDateField
from apps.core.navigation import section_for
from apps.feedback.filters import FeedbackFilter
from apps.feedback.models import Feedback
from apps.organizations.models import Agency
from apps.tasks.filters import TaskFilter
from apps.tasks.models import Task


@pytest.fixture
def signed_in(client: Client, make_user, tree) -> Client:
    client.force_login(make_user("focal_point", tree.own))
    return client


def _render(source: str, **context) -> str:
    return Template(source).render(Context(context))


# ---- layout -----------------------------------------------------------------------------------------------


def test_a_page_of_a_section_highlights_that_section_even_below_its_first_page():
    assert section_for("tasks:task_register").key == "tasks"
    assert section_for("tasks:task_detail").key == "tasks"  # a task's page is under "Nhiệm vụ"
    assert section_for("tasks:my_work").key == "my_work"
    assert section_for("feedback:feedback_register").key == "dossiers"
    assert section_for("accounts:profile") is None


@pytest.mark.django_db
def test_the_menu_marks_the_current_section_and_the_breadcrumbs_lead_back(signed_in):
    html = signed_in.get(reverse("feedback:feedback_create")).content.decode()
    current = re.findall(r'<a href="([^"]+)" class="active" aria-current="(\w+)"', html)
    assert current == [(reverse("dossiers:dossier_list"), "true")]
    crumbs = html.split('class="breadcrumbs"')[1].split("</nav>")[0]
    assert "Tổng quan" in crumbs and "Hồ sơ TTHC" in crumbs and "Sổ phản ánh, kiến nghị" in crumbs
    assert 'aria-current="page">Ghi phản ánh, kiến nghị' in crumbs


@pytest.mark.django_db
def test_the_window_title_names_the_agency_and_the_menu_has_icons(signed_in, tree):
    html = signed_in.get(reverse("tasks:task_register")).content.decode()
    assert re.search(r"<title>Sổ nhiệm vụ · Sở Xây dựng tỉnh Một</title>", html)
    assert 'icons/sprite.svg#list-checks"' in html
    assert "---------" not in html


def test_every_icon_the_menu_names_is_in_the_sprite():
    from pathlib import Path

    from django.conf import settings

    from apps.core.navigation import SECTIONS

    sprite = (Path(settings.BASE_DIR) / "static" / "icons" / "sprite.svg").read_text(encoding="utf-8")
    for section in SECTIONS:
        assert f'<symbol id="{section.icon}"' in sprite, section.key


def test_an_icon_is_hidden_from_screen_readers_unless_it_is_labelled():
    assert 'aria-hidden="true"' in _render('{% load ui %}{% icon "plus" %}')
    labelled = _render('{% load ui %}{% icon "bell" "Thông báo" %}')
    assert 'role="img" aria-label="Thông báo"' in labelled


# ---- forms --------------------------------------------------------------------------------------------------


class _Form(forms.Form):
    title = forms.CharField(label="Tên", help_text="Như trên văn bản.")
    received_on = VnDateField(label="Ngày tiếp nhận")
    unit = forms.ChoiceField(label="Đơn vị", choices=[("", "---------"), ("a", "Văn phòng")], required=False)


def test_a_form_with_errors_lists_them_on_top_with_links_to_the_fields():
    html = str(_Form(data={"title": "", "received_on": "31/02/2026"}))
    summary = html.split('class="error-summary"')[1].split("</div>")[0]
    assert '<a href="#id_title">Tên: Trường này là bắt buộc.</a>' in summary
    assert '<a href="#id_received_on">Ngày tiếp nhận: Ngày không hợp lệ' in summary
    # beside the field too, announced with it
    assert 'id="id_title_error"' in html
    assert re.search(r'<input[^>]*aria-describedby="id_title_helptext id_title_error"', html)
    assert re.search(r'<input[^>]*aria-invalid="true"', html)


def test_labels_are_above_fields_with_a_required_mark_and_help_text():
    html = str(_Form())
    assert "error-summary" not in html
    title = html.split('for="id_title"')[1]
    assert title.index("(bắt buộc)") < title.index('class="helptext"') < title.index("<input")
    assert "(bắt buộc)" not in html.split('for="id_unit"')[1].split("</label>")[0]
    assert "---------" not in html and "(Để trống)" in html


def test_a_date_is_shown_and_read_as_dd_mm_yyyy():
    form = _Form(initial={"received_on": date(2026, 3, 5)})
    assert 'value="05/03/2026"' in str(form["received_on"])
    assert 'placeholder="dd/mm/yyyy"' in str(form["received_on"])
    bound = _Form(data={"title": "x", "received_on": "5/3/2026"})
    assert bound.is_valid(), bound.errors
    assert bound.cleaned_data["received_on"] == date(2026, 3, 5)


# ---- periods ---------------------------------------------------------------------------------------------


def test_a_period_is_picked_by_its_vietnamese_name_and_sent_as_its_code():
    html = PeriodField().widget.render("period", "2026-Q1")
    for name in ("Năm 2026", "6 tháng đầu năm 2026", "Quý I/2026", "Tháng 3/2026"):
        assert f">{name}</option>" in html
    assert '<option value="2026-Q1" selected>Quý I/2026</option>' in html
    assert PeriodField().clean("2026-q3") == "2026-Q3"


def test_an_unknown_period_is_refused_in_vietnamese_and_an_old_one_still_shows():
    with pytest.raises(forms.ValidationError):
        PeriodField().clean("quý 3")
    assert '<option value="2001" selected>Năm 2001</option>' in PeriodField().widget.render("period", "2001")


# ---- filters ---------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_every_list_of_the_registers_filters_starts_with_tat_ca(tree):
    agencies = Agency.objects.filter(pk=tree.own.pk)
    for filterset in (
        TaskFilter(data={}, queryset=Task.objects.none(), agencies=agencies, plans=tree.own.plans.all()),
        FeedbackFilter(data={}, queryset=Feedback.objects.none(), agencies=agencies),
    ):
        html = str(filterset.form)
        assert "---------" not in html
        assert '<option value="" selected>Tất cả</option>' in html


@pytest.mark.django_db
def test_a_quarter_filter_lists_quarters_only(tree):
    class Quarters(FilterSet):
        quarter = PeriodFilter(label="Quý", kinds=("quarter",), method="filter_quarter")

        def filter_quarter(self, queryset, name, value):
            return queryset

    html = str(Quarters(data={"quarter": "2026-Q3"}, queryset=Agency.objects.all()).form["quarter"])
    assert '<option value="2026-Q3" selected>Quý III/2026</option>' in html
    assert "Tháng" not in html and ">Tất cả<" in html


# ---- numbers ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "value", "shown"),
    [
        ("{{ v|vn_int }}", 28000, "28.000"),
        ("{{ v|vn_num }}", Decimal("1234.5"), "1.234,5"),
        ("{{ v|vn_percent }}", 74.83, "74,8%"),
        ("{{ v|vn_money }}", 300000, "300.000 đồng"),
        ("{{ v|vn_percent }}", None, "—"),
    ],
)
def test_numbers_are_written_the_vietnamese_way(source, value, shown):
    assert _render("{% load vn_format %}" + source, v=value) == shown


def test_the_window_title_names_the_agency_once():
    class Agency:
        name = "Sở Xây dựng tỉnh Một"

    source = "{% load ui %}{{ t|with_agency:a }}"
    assert _render(source, t="Sổ nhiệm vụ", a=Agency()) == "Sổ nhiệm vụ · Sở Xây dựng tỉnh Một"
    assert _render(source, t="Báo cáo · Sở Xây dựng tỉnh Một", a=Agency()) == "Báo cáo · Sở Xây dựng tỉnh Một"
    assert _render(source, t="Đăng nhập", a=None) == "Đăng nhập · Quản lý cải cách hành chính"


@pytest.mark.django_db
def test_the_menu_offers_no_page_the_user_would_be_refused(client, make_user, tree):
    transparency = reverse("transparency:settings")
    client.force_login(make_user("staff", tree.own))
    assert transparency not in client.get(reverse("tasks:task_register")).content.decode()
    client.force_login(make_user("focal_point", tree.own))
    assert transparency in client.get(reverse("tasks:task_register")).content.decode()
