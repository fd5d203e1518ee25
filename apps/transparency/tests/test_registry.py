"""How another app (communications, inspections) plugs its figures in: one provider, registered once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from apps.accounts.choices import Role
from apps.transparency import registry
from apps.transparency.models import Publication
from domain.transparency import FigureSpec, PublishedFigure


class Articles:
    """What the communications app would register from its `published_figures.py`."""

    group = "Thông tin, tuyên truyền cải cách hành chính"
    order = 60

    def specs(self) -> Sequence[FigureSpec]:
        return (
            FigureSpec("articles.per_month", self.group, "Tin, bài mỗi tháng", "Trung bình mỗi tháng.", 1),
        )

    def figures(self, agency: Any, keys: set[str], today: date) -> Iterable[PublishedFigure]:
        yield PublishedFigure(
            "articles.per_month",
            "Tin, bài mỗi tháng",
            Decimal("1.5"),
            "tin, bài",
            "Năm 2026",
            today,
            "",
            self.group,
        )


@pytest.fixture
def articles() -> Iterator[Articles]:
    before = registry.providers()
    provider = Articles()
    registry.register(provider)
    yield provider
    registry._PROVIDERS[:] = before


def test_the_builtin_providers_are_registered_when_django_starts():
    keys = registry.spec_keys()
    assert {"plan.progress", "plan.areas", "dossiers.on_time", "dossiers.apology", "dossiers.online"} <= keys
    assert {"feedback.on_time", "sipas.latest", "par.latest"} <= keys


def test_a_provider_cannot_take_another_ones_key():
    class Clash(Articles):
        def specs(self) -> Sequence[FigureSpec]:
            return (FigureSpec("dossiers.on_time", "x", "x", "x"),)

    with pytest.raises(ValueError):
        registry.register(Clash())


def test_a_registered_provider_is_offered_and_shown(articles, tree, make_user):
    focal = make_user(Role.FOCAL_POINT, tree.own)
    client = Client()
    client.force_login(focal)
    settings_url = f"{reverse('transparency:settings')}?agency={tree.own.pk}"
    assert "Tin, bài mỗi tháng" in client.get(settings_url).content.decode()
    client.post(settings_url, {"keys": ["articles.per_month"]})
    assert Publication.objects.filter(agency=tree.own, key="articles.per_month").exists()
    text = Client().get(reverse("transparency:agency", args=[tree.own.code])).content.decode()
    assert "Thông tin, tuyên truyền cải cách hành chính" in text and "1,5 tin, bài" in text
