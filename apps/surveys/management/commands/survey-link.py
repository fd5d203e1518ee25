"""Print signed survey links: per counter of a campaign, or per dossier for the result slip."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from apps.surveys import links
from apps.surveys.models import Campaign, Counter


class Command(BaseCommand):
    help = "In đường dẫn khảo sát có chữ ký: theo quầy của một đợt, hoặc theo mã hồ sơ (in trên phiếu trả kết quả)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--campaign", type=int, required=True, help="Mã số (id) đợt khảo sát.")
        parser.add_argument("--dossier", nargs="*", default=[], help="Mã hồ sơ; mỗi mã một đường dẫn.")
        parser.add_argument(
            "--base-url", default="", help="Địa chỉ công khai, ví dụ https://cchc.tinh.gov.vn"
        )
        parser.add_argument("--json", action="store_true", help="In JSON.")

    def handle(
        self, *args: Any, campaign: int, dossier: list[str], base_url: str, json: bool, **options: Any
    ) -> None:
        found = Campaign.objects.filter(pk=campaign).first()
        if found is None:
            raise CommandError(f"Không có đợt khảo sát {campaign}.")
        base = (base_url or getattr(settings, "PUBLIC_BASE_URL", "") or "").rstrip("/")
        rows: list[dict[str, str]] = []
        if dossier:
            for code in dossier:
                token = links.make_link_token(
                    campaign_id=found.pk, expires_on=found.closes_on, dossier_code=code
                )
                rows.append({"dossier": code, "url": base + reverse("surveys:respond", args=[token])})
        else:
            for counter in Counter.objects.filter(agency=found.agency, is_active=True).order_by("name"):
                token = links.make_link_token(
                    campaign_id=found.pk,
                    counter_id=counter.pk,
                    counter_version=counter.link_version,
                    expires_on=found.closes_on,
                )
                rows.append({"counter": counter.name, "url": base + reverse("surveys:respond", args=[token])})
        if json:
            self.stdout.write(_dumps(rows))
            return
        for row in rows:
            self.stdout.write(f"{row.get('dossier') or row.get('counter')}\t{row['url']}")


def _dumps(rows: list[dict[str, str]]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=2)
