"""The interface shell: Vietnamese, dd/mm/yyyy, no CDN, unbuilt capabilities said plainly."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from django.template import Context, Template
from django.urls import reverse


def test_dates_render_as_dd_mm_yyyy(db):
    assert Template("{{ d|date }}").render(Context({"d": date(2026, 1, 8)})) == "08/01/2026"


def test_navigation_names_every_capability(client, tree, make_user):
    client.force_login(make_user("staff", tree.own))
    page = client.get(reverse("core:home")).content.decode()
    for title in (
        "Kế hoạch",
        "Nhiệm vụ",
        "Hồ sơ TTHC",
        "Khảo sát SIPAS",
        "Chỉ số CCHC (PAR INDEX)",
        "Báo cáo",
    ):
        assert title in page


def test_no_page_template_loads_from_the_internet():
    root = Path(__file__).resolve().parents[3]
    for template in list(root.glob("templates/**/*.html")) + list(root.glob("apps/*/templates/**/*.html")):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"(src|href)=[\"']https?://", text), template


def test_html_is_declared_vietnamese(client, tree, make_user):
    client.force_login(make_user("staff", tree.own))
    assert '<html lang="vi">' in client.get(reverse("core:home")).content.decode()
